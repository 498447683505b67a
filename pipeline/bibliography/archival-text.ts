/**
 * The archival reference of an item as one line of text (`AVP RF, f. 059a, op. 5a, d. 3,
 * p. 11`), for export fields that hold a shelfmark (BibLaTeX `library`, BibTeX `howpublished`).
 */
import type {CslItem} from '../shared/types/csl.js'

export function archiveLocationText(item: CslItem): string | undefined {
  const archival = item.custom?.archival
  const location = item['archive_location']
  const collection = item['archive_collection']
  const parts = [
    item.archive ?? archival?.archive,
    location && collection ? `${location} (${collection})` : location,
    archival?.sdCode
  ].filter((part): part is string => Boolean(part))
  return parts.length > 0 ? parts.join(', ') : undefined
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A title for exports whose formats need one: the item's, or genre with sender and recipient. */
export function displayTitle(item: CslItem): string | undefined {
  if (item.title) return item.title
  const sender = item.custom?.sender
  const recipient = item.recipient?.map((name) => name.literal ?? [name.given, name.family].filter(Boolean).join(' ')).join(', ')
  if (item.genre) return [capitalized(item.genre), sender && `from ${sender}`, recipient && `to ${recipient}`].filter(Boolean).join(' ')
  return sender && recipient ? `${sender} to ${recipient}` : undefined
}
