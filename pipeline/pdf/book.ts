/**
 * The print HTML: title page, contents, chapters, bibliography and archival index for the
 * reader; the chapter with its own bibliography and index for a document alone. Paged.js
 * paginates it in Chromium (see render.ts); print.css holds the page model.
 */
import type {Element, ElementContent, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {toString} from 'hast-util-to-string'
import {h} from 'hastscript'
import type {PrintLabels} from '../../templates/pdf/labels.js'
import type {EditionConfig} from '../shared/types/document.js'
import {anchors} from './anchors.js'
import {archivalIndexToHast, bibliographyToHast, type BackMatterInput} from './back-matter.js'
import {dateInWords} from './dates.js'
import type {Chapter} from './chapter.js'

/** One entry of the PDF outline (bookmarks); `id` is the element the bookmark opens. */
export interface OutlineEntry {
  id: string
  title: string
  children: OutlineEntry[]
}

export interface PrintDocument {
  /** The document's title (HTML `<title>`, PDF Title). */
  title: string
  language: string
  body: Element[]
  outline: OutlineEntry[]
}

export interface BookInput {
  edition: EditionConfig
  labels: PrintLabels
  /** The edition's date as printed on the title page, if any. */
  date?: string
  chapters: Array<{chapter: Chapter; title: string; authors: string[]}>
  backMatter: BackMatterInput
  /** Keys cited in the printed documents that have a bibliography entry. */
  keys: ReadonlySet<string>
  /** Introduction as hast (from the edition's Markdown), if any. */
  introduction?: ElementContent[]
}

/** Bookmarks of a chapter: its title, then its sections nested by level. */
function chapterOutline(chapter: Chapter, title: string): OutlineEntry {
  const root: OutlineEntry = {id: chapter.element.properties.id === undefined ? '' : String(chapter.element.properties.id), title, children: []}
  const stack: Array<{level: number; entry: OutlineEntry}> = [{level: 0, entry: root}]
  for (const heading of chapter.headings) {
    while (stack.length > 1 && (stack.at(-1)?.level ?? 0) >= heading.level) stack.pop()
    const entry: OutlineEntry = {id: heading.id, title: heading.text, children: []}
    stack.at(-1)?.entry.children.push(entry)
    stack.push({level: heading.level, entry})
  }
  return root
}

function backSections(input: BookInput): {elements: Element[]; outline: OutlineEntry[]} {
  const elements: Element[] = []
  const outline: OutlineEntry[] = []
  if (input.keys.size > 0) {
    elements.push(bibliographyToHast(input.backMatter, input.keys))
    outline.push({id: anchors.bibliography, title: input.labels.bibliography, children: []})
  }
  const index = archivalIndexToHast(input.backMatter, input.keys)
  if (index) {
    elements.push(index)
    outline.push({id: anchors.archivalIndex, title: input.labels.archivalIndex, children: []})
  }
  return {elements, outline}
}

const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/**
 * The introduction as a section with a heading the contents and the bookmarks point to: its own
 * first heading when it opens with one, else one with the label.
 */
function introductionSection(content: ElementContent[], label: string): {element: Element; title: string} {
  const first = content.find((node) => node.type === 'element' || node.value.trim() !== '')
  if (first?.type === 'element' && headingTags.has(first.tagName)) {
    const heading: Element = {...first, tagName: 'h2', properties: {...first.properties, id: anchors.introduction, className: ['introduction-heading']}}
    return {element: h('section.introduction', content.map((node) => (node === first ? heading : node))), title: toString(first)}
  }
  return {element: h('section.introduction', [h('h2.introduction-heading', {id: anchors.introduction}, label), ...content]), title: label}
}

/** The whole edition as a book. */
export function readerDocument(input: BookInput): PrintDocument {
  const {edition, labels} = input
  const back = backSections(input)
  const introduction = input.introduction ? introductionSection(input.introduction, labels.introduction) : undefined
  const tocEntry = (id: string, title: string, authors?: string[]) =>
    h('li', [h('a.toc-link', {href: `#${id}`, dataPageRef: true}, [
      h('span.toc-title', title),
      authors && authors.length > 0 ? h('span.toc-authors', authors.join(', ')) : undefined
    ])])
  const titlePage = h('section.title-page', [
    h('h1.edition-title', edition.title),
    edition.subtitle ? h('p.edition-subtitle', edition.subtitle) : undefined,
    edition.editors.length > 0 ? h('p.edition-editors', `${labels.editedBy} ${edition.editors.join(', ')}`) : undefined,
    input.date ? h('p.edition-date', dateInWords(input.date, edition.language)) : undefined
  ])
  const toc = h('nav.toc', {id: anchors.contents}, [
    h('h2.toc-heading', labels.contents),
    h('ol', [
      ...(introduction ? [tocEntry(anchors.introduction, introduction.title)] : []),
      ...input.chapters.map(({chapter, title, authors}) => tocEntry(String(chapter.element.properties.id), title, authors)),
      ...back.outline.map((entry) => tocEntry(entry.id, entry.title))
    ])
  ])
  return {
    title: edition.title,
    language: edition.language,
    body: [
      titlePage,
      toc,
      ...(introduction ? [introduction.element] : []),
      ...input.chapters.map(({chapter}) => chapter.element),
      ...back.elements
    ],
    outline: [
      {id: anchors.contents, title: labels.contents, children: []},
      ...(introduction ? [{id: anchors.introduction, title: introduction.title, children: []}] : []),
      ...input.chapters.map(({chapter, title}) => chapterOutline(chapter, title)),
      ...back.outline
    ]
  }
}

/** One document alone: its chapter, then the bibliography and index of what it cites. */
export function singleDocument(input: BookInput): PrintDocument {
  const back = backSections(input)
  const only = input.chapters[0]
  if (!only) throw new Error('A single-document PDF needs exactly one chapter')
  return {
    title: only.title,
    language: String(only.chapter.element.properties.lang ?? input.edition.language),
    body: [only.chapter.element, ...back.elements],
    outline: [chapterOutline(only.chapter, only.title), ...back.outline]
  }
}

export interface HtmlAssets {
  /** `@font-face` rules. */
  fontCss: string
  /** The print stylesheet's text (inlined: Paged.js cannot fetch `file:` URLs). */
  printCss: string
  /** `file:` URL of the Paged.js polyfill. */
  pagedUrl: string
  /** Text of templates/pdf/paginate.js. */
  paginateScript: string
  /** Author and keywords for the `<meta>` elements. */
  author: string
  keywords: string[]
  /** Classes on `<body>`, e.g. `reader` or `single`. */
  bodyClass: string
}

/** Every character the print document prints from its content (the fonts it needs cover them). */
export function printedText(document: PrintDocument): string {
  return [document.title, ...document.body.map((element) => toString(element))].join('\n')
}

/** Serialize a print document to a complete HTML page. */
export function printHtml(document: PrintDocument, assets: HtmlAssets): string {
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: document.language}, [
        h('head', [
          h('meta', {charset: 'utf-8'}),
          h('title', document.title),
          h('meta', {name: 'author', content: assets.author}),
          h('meta', {name: 'keywords', content: assets.keywords.join(', ')}),
          h('style', assets.fontCss),
          h('style', assets.printCss),
          // Hidden until paginate.js has Paged.js lay it out; Paged.js leaves this rule alone.
          h('style', {dataPagedjsIgnore: ''}, 'html.unpaginated body { display: none; }'),
          // Paged.js runs when render.ts calls it, after the fonts have loaded. It checks a page for
          // overflow after each node once `maxChars` characters are on it; left unset, it takes the
          // first page's count (a title page's hundred), so every node of every page was a check.
          h('script', "window.PagedConfig = {auto: false, settings: {maxChars: 2000}}; document.documentElement.classList.add('unpaginated')"),
          h('script', {src: assets.pagedUrl}),
          h('script', assets.paginateScript)
        ]),
        h('body', {className: [assets.bodyClass]}, document.body)
      ])
    ]
  }
  return toHtml(tree, {allowDangerousHtml: true})
}
