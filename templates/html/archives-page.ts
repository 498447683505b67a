/**
 * The archival index: archive → fond → opis → delo → documents, each with the notes citing it,
 * after a timeline of the cited documents drawn at build time. The lists are written item by
 * item: they grow with the edition.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {chronology, type ArchivalDocumentEntry, type ArchiveNode} from '../../pipeline/html/archives.js'
import {fill, serialize, slot} from '../../pipeline/html/stream.js'
import {timeline} from '../../pipeline/html/timeline.js'
import {anchorId, hrefTo} from '../../pipeline/html/urls.js'
import {citedIn} from './cited-in.js'
import type {ArchivesPageOptions} from '../../pipeline/html/views.js'
import {page} from './layout.js'

/** The page's HTML, in parts. */
export function archivesPage(options: ArchivesPageOptions): Generator<string> {
  const documents = chronology(options.index)
  const dated = documents.filter((entry) => entry.iso)
  const drawing = timeline(documents, {labelledBy: 'timeline-heading', href: (entry) => `#${encodeURIComponent(anchorId(entry.key))}`})
  const content: ElementContent[] = [
    h('h1', 'Archival index'),
    h('p', `${documents.length} archival ${documents.length === 1 ? 'document' : 'documents'} cited in the notes, arranged by archive, fond, opis and delo (file). Each document links to the notes that cite it and to its bibliography entry.`)
  ]
  const shell = () => page({site: options.site, title: 'Archival index', section: 'archives', content: [h('article.page', content)]})
  if (documents.length === 0) {
    content.push(h('p', 'The notes of the edition cite no archival documents.'))
    return fill(shell())
  }
  content.push(
    h('section.wide', {ariaLabelledBy: 'timeline-heading'}, [
      h('h2', {id: 'timeline-heading'}, 'Timeline of the cited documents'),
      drawing ? h('div.timeline-scroll', drawing) : h('p', 'None of the cited documents is dated.'),
      dated.length > 0 ? h('details', [h('summary', `The ${dated.length} dated documents in order`), h('ol.chronology', [slot])]) : undefined
    ]),
    h('section', {ariaLabelledBy: 'by-archive-heading'}, [
      h('h2', {id: 'by-archive-heading'}, 'By archive'),
      h('div.archive-tree', h('ul', [slot]))
    ])
  )
  const tree = archiveNodes(options.index, options)
  return dated.length > 0 ? fill(shell(), serialize(chronologyItems(dated)), tree) : fill(shell(), tree)
}

function* chronologyItems(dated: readonly ArchivalDocumentEntry[]): Generator<Element> {
  for (const entry of dated) {
    yield h('li', [
      h('a', {href: `#${anchorId(entry.key)}`}, entry.date ?? entry.iso ?? ''),
      ' ',
      parties(entry),
      entry.description
    ])
  }
}

function* archiveNodes(nodes: readonly ArchiveNode[], options: ArchivesPageOptions): Generator<string> {
  for (const node of nodes) {
    yield* fill(h('li', [h('span.archive-level', {id: node.id}, node.label), h('ul', [slot])]), nodeContent(node, options))
  }
}

function* nodeContent(node: ArchiveNode, options: ArchivesPageOptions): Generator<string> {
  yield* serialize(documentItems(node.documents, options))
  yield* archiveNodes(node.children, options)
}

function* documentItems(entries: readonly ArchivalDocumentEntry[], options: ArchivesPageOptions): Generator<Element> {
  for (const entry of entries) yield documentItem(entry, options)
}

function documentItem(entry: ArchivalDocumentEntry, options: ArchivesPageOptions): Element {
  const details = [entry.genre, entry.papka ? `papka ${entry.papka}` : undefined].filter(Boolean).join(', ')
  return h('li.archival-document', {id: anchorId(entry.key)}, [
    entry.date && entry.iso ? h('time.date', {dateTime: entry.iso}, entry.date) : h('span.date', entry.date ?? 'undated'),
    parties(entry),
    entry.description,
    details ? ` (${details})` : '',
    '. ',
    h('a', {href: hrefTo('bibliography.html', anchorId(entry.key))}, 'Bibliography entry'),
    citedIn(options.backLinks.get(entry.key))
  ])
}

function parties(entry: ArchivalDocumentEntry): ElementContent | string {
  if (!entry.sender && !entry.recipient) return ''
  const text = entry.sender && entry.recipient ? `${entry.sender} → ${entry.recipient}` : entry.sender ?? `to ${entry.recipient}`
  return h('span.parties', `${text}: `)
}
