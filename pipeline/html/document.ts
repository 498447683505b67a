/**
 * Render one annotated Markdown document to hast: the reading text (with sidenotes), the
 * notes, and what the apparatus, the table of contents and the search index need.
 */
import type {Element, ElementContent} from 'hast'
import type {Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {toHast} from 'mdast-util-to-hast'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import type {DocumentMeta} from '../shared/types/document.js'
import {remarkApparatus} from './apparatus.js'
import {editionHandlers, type HandlerContext} from './handlers.js'
import {remarkPlaces} from './places.js'
import {parseDocument} from '../markdown/index.js'
import {remarkSafeContent} from './safe-content.js'
import {isRemoved} from '../shared/annotations.js'
import {markSic} from './sic.js'
import {emptyEditionData, type EditionData, type SearchRecord} from './types.js'
import {documentPage, ids} from './urls.js'

export interface DocumentOptions {
  /** Keys of the bibliography; citations with other keys are not linked (default: none). */
  keys?: ReadonlySet<string>
  /** The document's metadata as the build knows it (default: the front matter). */
  meta?: DocumentMeta
  /** Page of the bibliography (default `bibliography.html`). */
  bibliographyPage?: string
  /** Path of the Markdown file, for diagnostics (default: none). */
  path?: string
}

export interface RenderedNote {
  identifier: string
  label: string
  /** Ids of the references to it in the text (empty when it is never referenced). */
  references: string[]
  content: ElementContent[]
}

export interface RenderedDocument {
  meta: DocumentMeta
  file: VFile
  /** The reading text. */
  body: ElementContent[]
  notes: RenderedNote[]
  data: EditionData
  search: SearchRecord[]
}

const transforms = unified().use(remarkSafeContent).use(remarkPlaces).use(remarkApparatus).freeze()

export function renderDocument(markdown: string, options: DocumentOptions = {}): RenderedDocument {
  const {tree, file, meta} = parseDocument(markdown, options.path, options.meta)
  file.data.edition = emptyEditionData()
  markSic(tree, meta.sic ?? [], file)
  transforms.runSync(tree, file)
  const data = file.data.edition
  const context: HandlerContext = {file, keys: options.keys ?? new Set(), bibliographyPage: options.bibliographyPage ?? 'bibliography.html'}

  const noteContent = new Map<string, ElementContent[]>()
  for (const note of data.notes) {
    noteContent.set(note.identifier, elementContent(toHast({type: 'root', children: note.node.children}, {handlers: editionHandlers(context)})))
  }
  const body = elementContent(toHast(tree, {handlers: editionHandlers({...context, notes: noteContent})}))
  const notes = data.notes.map((note): RenderedNote => ({
    identifier: note.identifier,
    label: note.label,
    references: Array.from({length: note.references}, (_, index) => ids.noteRef(note.label, index + 1)),
    content: noteContent.get(note.identifier) ?? []
  }))
  for (const node of [...body, ...notes.flatMap((note) => note.content)]) tidy(node)

  return {meta, file, body, notes, data, search: searchRecords(meta, tree, data)}
}

function elementContent(node: ReturnType<typeof toHast>): ElementContent[] {
  const children = node.type === 'root' ? node.children : [node]
  return children.filter((child): child is ElementContent => child.type === 'element' || child.type === 'text' || child.type === 'comment')
}

/**
 * Valid HTML for what markdown and annotations combine: table alignment becomes a class (the
 * `align` attribute is obsolete), and nothing inside a link is focusable on its own (an
 * emendation inside a citation link is described by the apparatus instead).
 */
function tidy(node: ElementContent, inLink = false): void {
  if (node.type !== 'element') return
  const align = node.properties.align
  if (typeof align === 'string') {
    delete node.properties.align
    node.properties.className = [...classList(node), `align-${align}`]
  }
  if (inLink && node.properties.tabIndex !== undefined) delete node.properties.tabIndex
  for (const child of node.children) tidy(child, inLink || node.tagName === 'a')
}

function classList(element: Element): string[] {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/**
 * Text of a node as the corrected reading has it, its blocks separated by spaces
 * (mdast-util-to-string joins them without); removed artifacts are left out.
 */
function blockText(node: Nodes): string {
  if (isRemoved(node)) return ''
  if ('value' in node) return node.value
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? ''
  if (!('children' in node)) return ''
  return node.children.map((child) => blockText(child)).join(phrasingTypes.has(node.type) ? '' : ' ')
}

const phrasingTypes = new Set<string>(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'textDirective'])

function searchRecords(meta: DocumentMeta, tree: Root, data: EditionData): SearchRecord[] {
  const page = documentPage(meta.slug)
  const title = meta.shortTitle ?? meta.title
  const records: SearchRecord[] = []
  visit(tree, (node) => {
    if (node.type === 'paragraph' && node.data?.paragraphAnchor) {
      const {id, label} = node.data.paragraphAnchor
      records.push({url: `${page}#${id}`, title: `${title}, ¶ ${label}`, kind: 'paragraph', text: blockText(node)})
    } else if (node.type === 'heading' && node.data?.headingId) {
      records.push({url: `${page}#${node.data.headingId}`, title, kind: 'heading', text: toString(node)})
    }
    // Phrasing holds no paragraph or heading.
    if (node.type === 'paragraph' || node.type === 'heading') return 'skip'
  })
  for (const note of data.notes) {
    records.push({url: `${page}#${ids.note(note.label)}`, title: `${title}, note ${note.label}`, kind: 'note', text: blockText(note.node)})
  }
  return records
}
