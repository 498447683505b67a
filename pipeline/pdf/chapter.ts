/**
 * One document of the edition as a chapter of the print document: annotated Markdown (mdast)
 * to hast. Notes become inline spans at their call (Paged.js floats them to the foot of the
 * page), emendations and removals get anchors and are listed in the chapter's apparatus, and
 * citations link to their bibliography entries.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {FootnoteDefinition, FootnoteReference, Heading, Root} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import {toString} from 'mdast-util-to-string'
import remarkRehype, {type Options as RemarkRehypeOptions} from 'remark-rehype'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import type {PrintLabels} from '../../templates/pdf/labels.js'
import {report} from '../diagnostics.js'
import {directive, editorialRule} from '../shared/annotations.js'
import type {DocumentMeta} from '../types/document.js'
import {anchors} from './anchors.js'
import {dateInWords} from './dates.js'

type Handler = NonNullable<NonNullable<RemarkRehypeOptions['handlers']>['paragraph']>
type State = Parameters<Handler>[0]

export interface ChapterContext {
  labels: PrintLabels
  /** Keys that have an entry in the printed bibliography (citations link only to those). */
  entryKeys: ReadonlySet<string>
  /** The bibliography key of a provisional citation ref (`"<note>.<index>"`) of this document. */
  keyOfRef: (ref: string) => string | undefined
  /** Where diagnostics go. */
  file: VFile
}

/** A section heading of a chapter, for the outline. */
export interface ChapterHeading {
  id: string
  /** 1 for the sections directly under the chapter title. */
  level: number
  text: string
}

export interface Chapter {
  slug: string
  element: Element
  headings: ChapterHeading[]
  /** Labels of the notes printed at the foot of the page, in order of their first call. */
  notes: string[]
  /** Labels of the notes without a call, printed after the chapter. */
  endnotes: string[]
}

interface Annotation {
  id: string
  kind: 'emendation' | 'removal'
  /** The reading printed (emendation) or the text taken out (removal). */
  text: string
  original?: string
  rule: string
  /** Label of the note the annotation is in, if any. */
  note?: string
}

/** Block elements that must become spans inside a note, which is itself an inline span. */
const blockTags = new Set([
  'p', 'div', 'blockquote', 'ul', 'ol', 'li', 'pre', 'table', 'thead', 'tbody', 'tr', 'td', 'th',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'section', 'dl', 'dt', 'dd'
])

/** Rewrite block elements to spans (class `nb nb-<tag>`) so a note stays valid inline content. */
function inlineBlocks(nodes: ElementContent[]): ElementContent[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return node
    const children = inlineBlocks(node.children)
    if (!blockTags.has(node.tagName)) return {...node, children}
    const className = ['nb', `nb-${node.tagName}`]
    return {...node, tagName: 'span', properties: {...node.properties, className}, children}
  })
}

/** The first paragraph of a note runs on after the note's number (class `nb-lead`). */
function runOn(nodes: ElementContent[]): ElementContent[] {
  const first = nodes.findIndex((node) => node.type === 'element' || node.value.trim() !== '')
  const lead = nodes[first]
  const classes = lead?.type === 'element' ? lead.properties.className : undefined
  if (!Array.isArray(classes) || !classes.includes('nb-p')) return nodes
  return nodes.map((node, index) => index === first && node.type === 'element' ? {...node, properties: {...node.properties, className: ['nb-lead']}} : node)
}

function attribute(node: TextDirective | ContainerDirective | LeafDirective, name: string): string | undefined {
  const value = node.attributes?.[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

const excerptLength = 120

function abbreviate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > excerptLength ? `${flat.slice(0, excerptLength - 1).trimEnd()}…` : flat
}

/**
 * When the work appeared, in words, unless the publication already says it ("Spring 2000" for
 * 2000). A line of its own, never joined to the publication, which may end in a full stop.
 */
function printedDate(meta: DocumentMeta): string | undefined {
  if (!meta.date) return undefined
  const date = dateInWords(meta.date, meta.language)
  return meta.publication?.includes(date) ? undefined : date
}

/** Heading depth of the shallowest heading, so a document's own levels start under its title. */
function topDepth(tree: Root): number {
  let depth = 6
  visit(tree, 'heading', (node: Heading) => {
    depth = Math.min(depth, node.depth)
  })
  return depth
}

/** Turn one parsed document into its chapter. */
export function chapterToHast(meta: DocumentMeta, tree: Root, context: ChapterContext): Chapter {
  const {labels, file} = context
  const slug = meta.slug
  const definitions = new Map<string, FootnoteDefinition>()
  visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  const printed = new Set<string>()
  const notes: string[] = []
  const endnotes: string[] = []
  const annotations: Annotation[] = []
  const headings: ChapterHeading[] = []
  const shift = topDepth(tree) - 2
  let currentNote: string | undefined
  // Headings of the original's front and back matter stay out of the outline.
  let matterDepth = 0

  function annotate(annotation: Omit<Annotation, 'id' | 'note'>): string {
    const count = annotations.filter((item) => item.kind === annotation.kind).length
    const id = annotation.kind === 'emendation' ? anchors.emendation(slug, count) : anchors.removal(slug, count)
    annotations.push({...annotation, id, ...(currentNote === undefined ? {} : {note: currentNote})})
    return id
  }

  function noteBody(state: State, definition: FootnoteDefinition, label: string): ElementContent[] {
    const outer = currentNote
    currentNote = label
    const content = runOn(inlineBlocks(state.all(definition)))
    currentNote = outer
    return content
  }

  function footnoteReference(state: State, node: FootnoteReference): ElementContent[] {
    const label = node.label ?? node.identifier
    const definition = definitions.get(node.identifier)
    const call = h('a.note-call', {href: `#${anchors.note(slug, label)}`}, label)
    if (!definition) {
      report(file, 'pdf-note-undefined', `Unexpected call of note \`${label}\` without a definition, expected \`[^${label}]: …\``, node.position)
      return [h('sup.note-call.note-undefined', label)]
    }
    if (printed.has(node.identifier)) return [call]
    printed.add(node.identifier)
    notes.push(label)
    call.properties.id = anchors.call(slug, label)
    const note = h('span.note', {dataNote: label}, [
      h('span.note-number', {id: anchors.note(slug, label)}, label),
      ' ',
      ...noteBody(state, definition, label)
    ])
    return [call, note]
  }

  function textDirective(state: State, node: TextDirective): ElementContent | ElementContent[] {
    switch (node.name) {
      case directive.emend: {
        const id = annotate({kind: 'emendation', text: toString(node), original: attribute(node, 'orig') ?? '', rule: attribute(node, 'rule') ?? editorialRule})
        return h(`span.${directive.emend}`, {id}, state.all(node))
      }
      case directive.removed: {
        const id = annotate({kind: 'removal', text: toString(node), rule: attribute(node, 'rule') ?? editorialRule})
        return h('span.removed-mark', {id})
      }
      // A note boundary the editor moved: nothing to print in the text (the HTML apparatus lists it).
      case directive.boundary:
        return []
      case directive.cite: {
        const ref = attribute(node, 'ref')
        const key = attribute(node, 'key') ?? (ref === undefined ? undefined : context.keyOfRef(ref))
        if (key !== undefined && context.entryKeys.has(key)) return h('a.cite', {href: `#${anchors.entry(key)}`}, state.all(node))
        report(file, 'pdf-cite-unresolved', `Unexpected citation without a bibliography entry${key ? ` (key \`${key}\`)` : ''}, expected a \`key\` of the bibliography`, node.position)
        return h('span.cite', state.all(node))
      }
      default: {
        report(file, 'unknown-directive', `Unexpected text directive \`:${node.name}\`, expected \`emend\`, \`removed\` or \`cite\``, node.position)
        // Usually prose such as `13:3` read as a directive: print it as written.
        const label = state.all(node)
        return [{type: 'text', value: `:${node.name}${label.length > 0 ? '[' : ''}`}, ...label, ...(label.length > 0 ? [{type: 'text' as const, value: ']'}] : [])]
      }
    }
  }

  function containerDirective(state: State, node: ContainerDirective): ElementContent {
    switch (node.name) {
      case directive.frontMatter:
      case directive.backMatter: {
        const label = node.name === directive.frontMatter ? labels.frontMatter : labels.backMatter
        matterDepth++
        const children = state.all(node)
        matterDepth--
        return h(`div.${node.name}`, [h('p.matter-label', label), ...children])
      }
      case directive.references: {
        // Its heading is a section heading (in the outline); its entries a list.
        const out: ElementContent[] = []
        let items: ElementContent[] = []
        const flush = () => {
          if (items.length > 0) out.push(h('ol.reference-entries', items))
          items = []
        }
        for (const child of node.children) {
          const paragraphs = child.type === 'paragraph' ? [child] : child.type === 'list' ? child.children.flatMap((item) => item.children.filter((inner) => inner.type === 'paragraph')) : undefined
          if (paragraphs) {
            for (const paragraph of paragraphs) items.push(h('li.reference-entry', state.all(paragraph)))
            continue
          }
          flush()
          out.push(...state.all({type: 'root', children: [child]}))
        }
        flush()
        return h('section.references', out)
      }
      case directive.removed: {
        const text = node.children.map((child) => toString(child)).join(' ')
        const id = annotate({kind: 'removal', text, rule: attribute(node, 'rule') ?? editorialRule})
        return h('div.removed-mark', {id})
      }
      default:
        report(file, 'unknown-directive', `Unexpected container directive \`:::${node.name}\`, expected \`front-matter\`, \`back-matter\`, \`references\` or \`removed\``, node.position)
        return h('div', state.all(node))
    }
  }

  function leafDirective(state: State, node: LeafDirective): ElementContent {
    report(file, 'unknown-directive', `Unexpected leaf directive \`::${node.name}\`, expected a text or container directive`, node.position)
    return h('p', state.all(node))
  }

  function heading(state: State, node: Heading): ElementContent {
    const level = Math.max(1, node.depth - shift - 1)
    if (matterDepth > 0) return h(`h${Math.min(6, level + 1)}`, {className: ['matter-heading']}, state.all(node))
    const id = anchors.heading(slug, headings.length)
    headings.push({id, level, text: toString(node)})
    return h(`h${Math.min(6, level + 1)}`, {id, className: ['section-heading', `level-${level}`]}, state.all(node))
  }

  const handlers = {
    footnoteReference,
    footnoteDefinition: () => undefined,
    textDirective,
    containerDirective,
    leafDirective,
    heading
  }
  const body = unified().use(remarkRehype, {handlers}).runSync(tree, file)
  const bodyContent = body.type === 'root' ? body.children.filter((node): node is ElementContent => node.type !== 'doctype') : []

  const uncalled = [...definitions.values()].filter((definition) => !printed.has(definition.identifier))
  for (const definition of uncalled) {
    report(file, 'pdf-note-uncalled', `Unexpected note \`${definition.label ?? definition.identifier}\` without a call, expected \`[^${definition.label ?? definition.identifier}]\` in the text`, definition.position)
  }

  const date = printedDate(meta)
  const header = h('header.chapter-head', [
    h('p.running-title', meta.shortTitle ?? meta.title),
    h('p.running-author', meta.authors.join(', ')),
    h('h1.chapter-title', meta.title),
    meta.authors.length > 0 ? h('p.chapter-authors', meta.authors.join(', ')) : undefined,
    meta.publication ? h('p.chapter-source', meta.publication) : undefined,
    date ? h('p.chapter-source.chapter-date', date) : undefined,
    meta.truncated ? h('p.chapter-excerpt', labels.excerpt) : undefined
  ])

  const element = h('section.chapter', {id: anchors.chapter(slug), lang: meta.language, dataSlug: slug}, [
    header,
    h('div.chapter-body', [
      ...bodyContent,
      meta.truncated ? h('p.truncation', labels.truncated) : undefined
    ]),
    uncalled.length > 0 ? uncalledNotes(uncalled) : undefined,
    apparatus(annotations)
  ])
  return {slug, element, headings, notes, endnotes}

  /** Notes without a call, printed as endnotes so that none is lost. */
  function uncalledNotes(list: FootnoteDefinition[]): Element {
    const items = list.map((definition) => {
      const label = definition.label ?? definition.identifier
      endnotes.push(label)
      const content = unified().use(remarkRehype, {handlers}).runSync({type: 'root', children: definition.children}, file)
      return h('li.uncalled-note', [
        h('span.note-number', {id: anchors.note(slug, label)}, label),
        ' ',
        ...(content.type === 'root' ? runOn(inlineBlocks(content.children.filter((node): node is ElementContent => node.type !== 'doctype'))) : [])
      ])
    })
    return h('section.uncalled-notes', [h('h2.apparatus-heading', labels.uncalledNotes), h('ul', items)])
  }

  function apparatus(list: Annotation[]): Element {
    const emendations = list.filter((item) => item.kind === 'emendation')
    const removals = list.filter((item) => item.kind === 'removal')
    const pageRef = (item: Annotation) => [
      h('span.app-ref', [
        h('a.app-page', {href: `#${item.id}`, dataPageRef: true}, labels.page),
        item.note === undefined ? undefined : h('span.app-note', `, ${labels.note} ${item.note}`)
      ])
    ]
    const ruleName = (rule: string) => labels.rules[rule] ?? rule
    return h('section.apparatus', {id: anchors.apparatus(slug)}, [
      h('h2.apparatus-heading', labels.apparatus),
      emendations.length + removals.length === 0 ? h('p.apparatus-empty', labels.noApparatus) : undefined,
      emendations.length > 0 ? h('h3', labels.emended) : undefined,
      emendations.length > 0
        ? h('ol.apparatus-list', emendations.map((item) => h('li', [
          ...pageRef(item), ' ',
          h('span.lemma', item.text), '] ',
          h('span.reading', item.original ?? ''), ' ',
          h('span.app-rule', ruleName(item.rule))
        ])))
        : undefined,
      removals.length > 0 ? h('h3', labels.removed) : undefined,
      removals.length > 0
        ? h('ol.apparatus-list', removals.map((item) => h('li', [
          ...pageRef(item), ' ',
          h('span.app-rule', ruleName(item.rule)), ': ',
          h('span.reading', abbreviate(item.text))
        ])))
        : undefined
    ])
  }
}
