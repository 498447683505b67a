/** "Cited in" back-links: every note of every document that cites a key. */
import type {CitationOccurrence} from '../shared/types/citation.js'
import type {DocumentMeta} from '../shared/types/document.js'
import {citedAt} from './labels.js'
import {documentPage, ids} from './urls.js'

export interface BackLink {
  /** Document slug. */
  document: string
  /** Short title of the document. */
  title: string
  /** Note label (number as printed); for the reference list, the entry's anchor. */
  note: string
  href: string
  /** What the link says when it is not a note (`ref. list`). */
  label?: string
  /** Where the note cites the work: its locators and the edition's pages (`l. xliv, c. 17, p. 245; page 250`). */
  at?: string
}

/** Back-links per key, in edition order of documents and numeric order of notes, one per note. */
export function backLinks(occurrences: readonly CitationOccurrence[], documents: readonly DocumentMeta[]): Map<string, BackLink[]> {
  const order = new Map(documents.map((meta, index) => [meta.slug, index]))
  const titles = new Map(documents.map((meta) => [meta.slug, meta.shortTitle ?? meta.title]))
  const sorted = [...occurrences].sort(
    (a, b) => (order.get(a.document) ?? Infinity) - (order.get(b.document) ?? Infinity) || a.note - b.note || a.index - b.index
  )
  const result = new Map<string, BackLink[]>()
  for (const occurrence of sorted) {
    const title = titles.get(occurrence.document)
    if (title === undefined) continue
    const links = result.get(occurrence.key) ?? []
    // An entry of the reference list, or a citation in the text that resolves to one: the entry.
    const anchor = occurrence.place ? occurrence.anchor : undefined
    const note = anchor ?? String(occurrence.note)
    const at = citedAt(occurrence.locator, occurrence.label, occurrence.page)
    const existing = links.find((link) => link.document === occurrence.document && link.note === note)
    if (!existing) {
      const href = `${documentPage(occurrence.document)}#${anchor ?? ids.note(note)}`
      const link: BackLink = anchor ? {document: occurrence.document, title, note, href, label: 'ref. list'} : {document: occurrence.document, title, note, href}
      if (at) link.at = at
      links.push(link)
    } else if (at && !existing.at?.split('; ').includes(at)) {
      existing.at = existing.at ? `${existing.at}; ${at}` : at
    }
    result.set(occurrence.key, links)
  }
  return result
}

/** Back-links grouped by document, for display (`Soviet Aims in Korea: n. 3, 4`). */
export function byDocument(links: readonly BackLink[]): Array<{document: string; title: string; links: BackLink[]}> {
  const groups: Array<{document: string; title: string; links: BackLink[]}> = []
  for (const link of links) {
    const last = groups.at(-1)
    if (last && last.document === link.document) last.links.push(link)
    else groups.push({document: link.document, title: link.title, links: [link]})
  }
  return groups
}
