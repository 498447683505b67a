/**
 * The bibliography and the archival index of the print document. Both point back to the notes
 * that cite an item, with the page of each note's call (`target-counter` in print.css).
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {PrintLabels} from '../../templates/pdf/labels.js'
import {proseTitle} from '../bibliography/lint.js'
import {archivalIndex, type ArchivalDocumentEntry, type ArchiveNode} from '../html/archives.js'
import type {CitationOccurrence, FormattedEntry} from '../shared/types/citation.js'
import type {CslItem} from '../shared/types/csl.js'
import type {DocumentMeta} from '../shared/types/document.js'
import {anchors} from './anchors.js'

export interface BackMatterInput {
  labels: PrintLabels
  /** The documents printed, in order: back references point only into these. */
  documents: DocumentMeta[]
  entries: FormattedEntry[]
  bibliography: CslItem[]
  occurrences: CitationOccurrence[]
}

const text = (value: string): ElementContent => ({type: 'text', value})

/** The strings print.css takes the running heads from (as in a chapter). */
function runningHeads(title: string): Element[] {
  return [h('p.running-title', title), h('p.running-author', title)]
}

const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'})

/**
 * How a back reference names a document: first author and year. The whole name, because which
 * part is the surname depends on the culture (Kathryn Weathersby, Shen Zhihua).
 */
export function documentLabel(meta: DocumentMeta, all: DocumentMeta[]): string {
  const author = (meta: DocumentMeta) => meta.authors[0]?.trim() || (meta.shortTitle ?? meta.title)
  const year = (meta: DocumentMeta) => meta.date?.slice(0, 4)
  const base = (meta: DocumentMeta) => [author(meta), year(meta)].filter(Boolean).join(' ')
  const label = base(meta)
  const clash = all.some((other) => other.slug !== meta.slug && base(other) === label)
  return clash ? `${label}, ${meta.shortTitle ?? meta.title}` : label
}

/** Back references of one key: per document, the notes citing it, each with its page. */
function citedIn(key: string, input: BackMatterInput, byKey: Map<string, CitationOccurrence[]>): ElementContent[] {
  const occurrences = byKey.get(key) ?? []
  const parts: ElementContent[] = []
  for (const meta of input.documents) {
    // Notes only: the reference list and the body text are not where a reader looks up a note.
    const notes = [...new Set(occurrences.filter((item) => item.document === meta.slug && !item.place).map((item) => item.note))].sort((a, b) => a - b)
    if (notes.length === 0) continue
    if (parts.length > 0) parts.push(text('; '))
    parts.push(text(`${documentLabel(meta, input.documents)}, ${notes.length > 1 ? input.labels.notes : input.labels.note} `))
    notes.forEach((note, index) => {
      if (index > 0) parts.push(text(', '))
      parts.push(h('a.backref', {href: `#${anchors.call(meta.slug, String(note))}`, dataPageRef: true}, String(note)))
    })
  }
  return parts
}

function occurrencesByKey(input: BackMatterInput): Map<string, CitationOccurrence[]> {
  const printed = new Set(input.documents.map((meta) => meta.slug))
  const byKey = new Map<string, CitationOccurrence[]>()
  for (const occurrence of input.occurrences) {
    if (!printed.has(occurrence.document)) continue
    const list = byKey.get(occurrence.key) ?? []
    list.push(occurrence)
    byKey.set(occurrence.key, list)
  }
  return byKey
}

/** The keys cited in the printed documents. */
export function citedKeys(input: Pick<BackMatterInput, 'documents' | 'occurrences'>): Set<string> {
  const printed = new Set(input.documents.map((meta) => meta.slug))
  return new Set(input.occurrences.filter((item) => printed.has(item.document)).map((item) => item.key))
}

/** The bibliography: the given groups in their order, each entry with its back references. */
export function bibliographyToHast(input: BackMatterInput, keys: ReadonlySet<string>): Element {
  const byKey = occurrencesByKey(input)
  const children: ElementContent[] = [...runningHeads(input.labels.bibliography), h('h1.back-title', input.labels.bibliography)]
  let previous: string[] = []
  for (const entry of input.entries) {
    if (!keys.has(entry.id)) continue
    const shared = entry.group.findIndex((part, index) => previous[index] !== part)
    const from = shared === -1 ? entry.group.length : shared
    for (let level = from; level < entry.group.length; level++) {
      children.push(h(`h${Math.min(6, level + 2)}.bib-group`, {className: [`level-${level + 1}`]}, entry.group[level] ?? ''))
    }
    previous = entry.group
    const backrefs = citedIn(entry.id, input, byKey)
    children.push(h('div.entry', {id: anchors.entry(entry.id)}, [
      {type: 'raw', value: entry.html},
      backrefs.length > 0 ? h('p.cited-in', [`${input.labels.citedIn}: `, ...backrefs, '.']) : undefined
    ]))
  }
  return h('section.bibliography', {id: anchors.bibliography}, children)
}

/**
 * A document as the index lists it: correspondents, description, details, date; never its key.
 * A document known by its correspondents and its file is not described by the file again.
 */
function documentLine(entry: ArchivalDocumentEntry, item: CslItem | undefined): string {
  // A sender read out of prose (`the telegram`) names nobody.
  const sender = entry.sender && !item?.author?.length && proseTitle(entry.sender) ? undefined : entry.sender
  const parties = sender && entry.recipient ? `${sender} → ${entry.recipient}` : sender ?? (entry.recipient ? `to ${entry.recipient}` : undefined)
  const details = entry.genre ? ` (${entry.genre})` : ''
  const placeOnly = item !== undefined && !item.title && !item.genre
  const what = parties && placeOnly ? parties : `${parties ? `${parties}: ` : ''}${entry.description}${details}`
  return [what, entry.date].filter(Boolean).join(', ')
}

/** The files of a node and its children: the levels below the archive (and the papka) as one line. */
function* indexFiles(node: ArchiveNode, path: string[]): Generator<{file: string; documents: ArchivalDocumentEntry[]}> {
  const byPapka = new Map<string, ArchivalDocumentEntry[]>()
  for (const entry of node.documents) {
    const papka = entry.papka ?? ''
    const documents = byPapka.get(papka)
    if (documents) documents.push(entry)
    else byPapka.set(papka, [entry])
  }
  for (const [papka, documents] of [...byPapka].sort((a, b) => collator.compare(a[0], b[0]))) {
    yield {file: [...path, papka ? `Papka ${papka}` : undefined].filter(Boolean).join(', '), documents}
  }
  for (const child of node.children) yield* indexFiles(child, [...path, child.label])
}

/**
 * The archival index: archive, then file (fond, opis, delo, papka, or collection code), then the
 * documents cited, as the HTML edition's index arranges them. Documents cited by their archive
 * alone stand under it, without a file line.
 */
export function archivalIndexToHast(input: BackMatterInput, keys: ReadonlySet<string>): Element | undefined {
  const byKey = occurrencesByKey(input)
  const cited = input.bibliography.filter((item) => keys.has(item.id))
  const itemOf = new Map(cited.map((item) => [item.id, item]))
  const roots = archivalIndex(cited)
  if (roots.length === 0) return undefined
  const children: ElementContent[] = [...runningHeads(input.labels.archivalIndex), h('h1.back-title', input.labels.archivalIndex)]
  for (const archive of roots) {
    children.push(h('h2.index-archive', archive.label))
    for (const {file, documents} of indexFiles(archive, [])) {
      const list = h('ul.index-items', documents.map((entry) => {
        const backrefs = citedIn(entry.key, input, byKey)
        return h('li', [
          h('a.index-item', {href: `#${anchors.entry(entry.key)}`}, documentLine(entry, itemOf.get(entry.key))),
          backrefs.length > 0 ? ' — ' : undefined,
          ...backrefs
        ])
      }))
      children.push(file ? h('div.index-file', [h('p.index-file-name', file), list]) : h('div.index-file', [list]))
    }
  }
  return h('section.archival-index', {id: anchors.archivalIndex}, children)
}
