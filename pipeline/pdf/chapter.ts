/**
 * One document of the edition as a chapter of the print document: annotated Markdown (mdast)
 * to hast through the html stage's handlers in print mode. Notes become inline spans at their
 * call (Paged.js floats them to the foot of the page), emendations and removals get anchors and
 * are listed in the chapter's apparatus, and citations link to their bibliography entries.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Root} from 'mdast'
import {toHast} from 'mdast-util-to-hast'
import type {VFile} from 'vfile'
import type {PrintLabels} from '../../templates/pdf/labels.js'
import {editionHandlers} from '../html/handlers.js'
import {ruleLabel} from '../shared/annotations.js'
import type {DocumentMeta} from '../shared/types/document.js'
import {anchors} from './anchors.js'
import {dateInWords} from './dates.js'
import {inlineNotes, noteContent} from './notes.js'
import {printPlaces, type Annotation, type ChapterHeading} from './places.js'

export type {ChapterHeading} from './places.js'

export interface ChapterContext {
  labels: PrintLabels
  /** Keys that have an entry in the printed bibliography (citations link only to those). */
  entryKeys: ReadonlySet<string>
  /** The bibliography key of a provisional citation ref (`"<note>.<index>"`) of this document. */
  keyOfRef: (ref: string) => string | undefined
  /** Where diagnostics go. */
  file: VFile
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

function elementContent(node: ReturnType<typeof toHast>): ElementContent[] {
  return node.type === 'root' ? node.children.filter((child): child is ElementContent => child.type !== 'doctype') : []
}

/** Turn one parsed document into its chapter (`tree` gets the print's ids and levels: parse it for this alone). */
export function chapterToHast(meta: DocumentMeta, tree: Root, context: ChapterContext): Chapter {
  const {labels, file} = context
  const slug = meta.slug
  const places = printPlaces(tree, {slug, keyOfRef: context.keyOfRef, file})
  const handlers = editionHandlers({
    file,
    keys: context.entryKeys,
    bibliographyPage: '',
    print: {
      notes: places.definitions,
      noteId: (label) => anchors.note(slug, label),
      callId: (label) => anchors.call(slug, label),
      entryHref: (key) => `#${anchors.entry(key)}`,
      matterLabels: {'front-matter': labels.frontMatter, 'back-matter': labels.backMatter}
    }
  })
  const bodyContent = inlineNotes(elementContent(toHast(tree, {handlers})))
  // Rendered after the text, as the places were counted.
  const endnotes = places.uncalled.map((definition) => ({
    label: definition.label ?? definition.identifier,
    content: inlineNotes(noteContent(elementContent(toHast({type: 'root', children: definition.children}, {handlers}))))
  }))

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
    endnotes.length > 0 ? uncalledNotes() : undefined,
    apparatus(places.annotations)
  ])
  return {slug, element, headings: places.headings, notes: places.notes, endnotes: endnotes.map((note) => note.label)}

  /** Notes without a call, printed as endnotes so that none is lost. */
  function uncalledNotes(): Element {
    const items = endnotes.map(({label, content}) => h('li.uncalled-note', [h('span.note-number', {id: anchors.note(slug, label)}, label), ' ', ...content]))
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
    return h('section.apparatus', {id: anchors.apparatus(slug)}, [
      h('h2.apparatus-heading', labels.apparatus),
      emendations.length + removals.length === 0 ? h('p.apparatus-empty', labels.noApparatus) : undefined,
      emendations.length > 0 ? h('h3', labels.emended) : undefined,
      emendations.length > 0
        ? h('ol.apparatus-list', emendations.map((item) => h('li', [
          ...pageRef(item), ' ',
          h('span.lemma', item.text), '] ',
          h('span.reading', item.original ?? ''), ' ',
          h('span.app-rule', ruleLabel(item.rule))
        ])))
        : undefined,
      removals.length > 0 ? h('h3', labels.removed) : undefined,
      removals.length > 0
        ? h('ol.apparatus-list', removals.map((item) => h('li', [
          ...pageRef(item), ' ',
          h('span.app-rule', ruleLabel(item.rule)), ': ',
          h('span.reading', abbreviate(item.text))
        ])))
        : undefined
    ])
  }
}
