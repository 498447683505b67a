/**
 * Legacy BibTeX export: citation-js's BibTeX mapping, TeX specials escaped, months as the
 * BibTeX month macros (`month = jan`), the archival reference in `howpublished` and the
 * correspondents in `note`.
 */
import type {CslItem} from '../shared/types/csl.js'
import {archiveLocationText} from '../bibliography/archival-text.js'
import {cite, withBibtexSettings} from './cite.js'
import {entriesOfItems, escapeTex, prepareForTex, serializeEntry, type TexEntry} from './tex.js'

const monthMacros = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function finishEntry(entry: TexEntry, item: CslItem): TexEntry {
  const properties = {...entry.properties}
  const month = Number(item.issued?.['date-parts']?.[0]?.[1])
  delete properties.month
  if (Number.isInteger(month) && month >= 1 && month <= 12) properties.month = monthMacros[month - 1] ?? ''
  // citation-js repeats the URL in `howpublished`; the archival reference belongs there.
  if (properties.howpublished !== undefined && properties.howpublished === properties.url) delete properties.howpublished
  const archival = archiveLocationText(item)
  if (archival && !properties.howpublished) properties.howpublished = escapeTex(archival)
  return {type: entry.type, label: entry.label, properties}
}

/** A BibTeX file of items. */
export function toBibtex(items: CslItem[]): string {
  if (items.length === 0) return ''
  const output = withBibtexSettings(() => cite(items.map(prepareForTex)).format('bibtex', {format: 'object'}))
  const bare = new Set(['month'])
  const entries = entriesOfItems(items, output)
  return items.map((item, index) => serializeEntry(finishEntry(entries[index]!, item), bare)).join('\n\n') + '\n'
}
