/**
 * HTML web copies: parsed as a browser would (no script runs, nothing is fetched), page chrome
 * taken into the apparatus, notes paired (see html-notes.ts), the rest converted with
 * hast-util-to-mdast. Scripts and styles are code, not words of the text: the apparatus
 * records how many were left out, not their content.
 */
import type {Element, ElementContent, Root as HastRoot, Text} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {defaultHandlers, toMdast, type Handle, type Options as ToMdastOptions} from 'hast-util-to-mdast'
import type {BlockContent, FootnoteDefinition, Paragraph, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {report} from '../rules.js'
import {decodeBytes, normalizeNewlines} from '../decode.js'
import {reportMarkupDeclaration, reportUndecoded} from '../decode-report.js'
import {findChrome} from './html-chrome.js'
import {classesOf, codeElements, findElement, isBlock, linesOf, replaceChild, stringProperty, textOf, walkElements, type Parent} from './html-dom.js'
import {findNotes, type NoteBody, type NotesFound} from './html-notes.js'
import {bylineName, bylineWindow} from './byline.js'
import {gluedEndnotesAsFootnotes} from './glued-endnotes.js'
import {raisedForm, tidyEdges} from './phrasing.js'
import type {Reader, ReadResult, SourceMetadata} from './types.js'
import {directive, isRemovalRule, type RemovalRule, type RemovedBlock, type RemovedText} from '../../shared/annotations.js'
import {endnotesAsFootnotes} from '../conventions/markdown-endnotes.js'
import {symbolParagraphsAsFootnotes} from '../conventions/symbol-paragraphs.js'

export const htmlReader: Reader = {
  extensions: ['.html', '.htm'],
  read(input, file) {
    const decoded = decodeBytes(input.bytes, {declared: input.sidecar?.encoding, markup: true})
    if (!decoded.ok) {
      reportUndecoded(decoded, file, 'HTML')
      return undefined
    }
    const text = normalizeNewlines(decoded.text)
    if (decoded.fallback) report(file, 'encoding-fallback', 'Unexpected bytes that are not UTF-8, expected UTF-8; read as Windows-1252', {line: 1, column: 1})
    reportMarkupDeclaration(decoded, file, text)
    return readHtml(text, file)
  }
}

/** Parse errors that every hand-written page has (and an HTML 4 doctype, as word processors write it): not worth a word. */
const harmlessErrors: ReadonlySet<string> = new Set(['missing-doctype', 'non-conforming-doctype', 'non-void-html-element-start-tag-with-trailing-solidus'])

/**
 * Word's “Save as HTML” wraps what only old browsers show in conditional comments
 * (`<![if !supportFootnotes]>[1]<![endif]>`), which parse as bogus comments around text every
 * browser shows: harmless, and in every such file.
 */
function isWordConditional(text: string, lineStarts: readonly number[], line: number | undefined, column: number | undefined): boolean {
  if (line === undefined || column === undefined) return false
  const offset = (lineStarts[line - 1] ?? 0) + column - 1
  // The parser may point at the `<` or just after the `<!`.
  const around = text.slice(Math.max(0, offset - 2), offset + 8)
  return /<!\[(?:if\b|endif\])/i.test(around)
}

function readHtml(text: string, file: VFile): ReadResult {
  const errors: Array<{reason: string; line?: number; column?: number}> = []
  let lineStarts: number[] | undefined
  const tree = fromHtml(text, {
    onerror(error) {
      if (harmlessErrors.has(String(error.ruleId))) return
      if (error.ruleId === 'incorrectly-opened-comment') {
        lineStarts ??= [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)]
        if (isWordConditional(text, lineStarts, error.line, error.column)) return
      }
      errors.push({reason: error.reason, line: error.line, column: error.column})
    }
  })
  const first = errors[0]
  if (first) {
    const place = first.line === undefined ? undefined : {line: first.line, column: first.column ?? 1}
    report(file, 'html-malformed', `Unexpected malformed HTML (${errors.length} parse error${errors.length === 1 ? '' : 's'}, the first: ${first.reason.replace(/\.$/, '')}), expected well-formed HTML; read as a browser reads it`, place)
  }
  const body = findElement(tree, 'body') ?? {type: 'element', tagName: 'body', properties: {}, children: []}
  promoteWordTitle(body)
  const metadata = metadataOf(tree)

  const styled = classStyles(tree)
  const code = removeCode(tree)
  applyClassStyles(body, styled)
  markPageMarkers(body)
  splitSuperscriptLists(body)
  const chrome = findChrome(body)
  const notes = findNotes(body, new Set(chrome.map((found) => found.element)))
  if (notes.unpaired) {
    const start = notes.unpaired.first.position?.start
    report(file, 'html-notes-unpaired', `Unexpected ${notes.unpaired.count} superscript numbers in sequence without a list of ${notes.unpaired.count} notes after them, expected note bodies (\`<ol>\`, \`<p id="fn1">\`); kept as text`, start)
  }
  for (const found of chrome) replaceChild(found.parent, found.element, removedElement(found.element, found.parent, found.rule))
  for (const element of notes.backlinks) markRemoved(element, 'html-backlink')
  for (const reference of notes.references) {
    replaceChild(reference.parent, reference.element, {type: 'element', tagName: 'sup', properties: {dataApparatusNote: reference.note.label}, children: []})
  }
  removeNotes(body, notes)
  raiseSuperscripts(body)
  for (const note of notes.bodies) raiseSuperscripts(note.element)

  const bodyRoot: HastRoot = {type: 'root', children: body.children}
  const definitions = notes.bodies.map((note) => definitionOf(note))
  const content = flowOf(toMdast(bodyRoot, converter))
  if (code.length > 0) content.push(removedBlock('html-code', [code]))
  const witness = [textLines(bodyRoot), ...notes.bodies.map((note) => textLines(note.element))].join('\n')
  const result: ReadResult = {tree: {type: 'root', children: [...content, ...definitions]}, convention: 'html-notes', text, witness}
  // Notes as plain text (`[1]` in the text, `[1] …` paragraphs under a notes heading or a rule;
  // `text.*` or `text.1` with a `* …` or `1 …` paragraph after it, tried first: a notes list
  // closing the text may be only the last page's notes).
  // Numbers glued to words (`oak.1`) calling the numbered list under a notes heading closing each
  // chapter or the text are read first: the stricter reading, the headings taken out with them.
  if (definitions.length === 0 && !notes.unpaired && !gluedEndnotesAsFootnotes(result.tree) && !symbolParagraphsAsFootnotes(result.tree)) endnotesAsFootnotes(result.tree)
  if (Object.keys(metadata).length > 0) result.metadata = metadata
  return result
}

/**
 * A `<sup>` that calls no note keeps its raising: digits and signs (`10<sup>3</sup>`,
 * `<sup>-1</sup>`) become their superscript characters (`10³`, as the TEI reader reads a power),
 * the only raising that every output shows without markup (the Markdown has no superscript
 * syntax, and raw HTML is shown as text). Letters (`M<sup>r</sup>`, `XIX<sup>e</sup>`) stay as
 * they read, joined to their word.
 */
function raiseSuperscripts(root: Element): void {
  walkElements(root, (element) => {
    if ((element.tagName !== 'sup' && element.tagName !== 'sub') || stringProperty(element, 'dataApparatusNote') !== undefined || removedRule(element) !== undefined) return undefined
    // A subscript (`H<sub>2</sub>O`) is lowered the same way (`H₂O`).
    const value = element.children.every((child) => child.type === 'text') ? raisedForm(textOf(element), element.tagName === 'sup' ? 'sup' : 'sub') : undefined
    if (value === undefined) return undefined
    element.children = [{type: 'text', value}]
    return 'skip'
  })
}

/**
 * Several calls in one superscript (`<sup>2,3</sup>`): one `<sup>` each, the comma between them
 * as text, so that each calls its note.
 */
function splitSuperscriptLists(body: Element): void {
  const found: Array<{element: Element; parent: Parent}> = []
  walkElements(body, (element, parent) => {
    if (element.tagName === 'sup' && element.children.every((child) => child.type === 'text') && /^\d{1,3}(?:\s*,\s*\d{1,3})+$/.test(textOf(element))) found.push({element, parent})
  })
  for (const {element, parent} of found) {
    const parts = textOf(element).split(/(\s*,\s*)/)
    const replacement = parts.map((part, index): ElementContent => (index % 2 === 0 ? {type: 'element', tagName: 'sup', properties: {}, children: [{type: 'text', value: part}]} : {type: 'text', value: part}))
    parent.children.splice(parent.children.indexOf(element), 1, ...replacement)
  }
}

/** A page's number as a web copy of a book sets it in its text: `[Page 2]`, `[Pg 12]`, `[Seite 7]`. */
const pageMarker = /\[(?:page|pg\.?|seite)\s*(?:\d{1,4}|[ivxlc]{1,7})\.?\]/gi
/** Classes of the elements that hold such a marker (Project Gutenberg's `pagenum`). */
const pageNumberClass = /^(?:pagenum|pageno|page-?num(?:ber)?|page-?marker)$/i

/**
 * Page markers are the copy's, not the work's: an element that holds nothing else (a
 * `<p>[Page 2]</p>`, a `<span class="pagenum">`), or the marker within a paragraph's text,
 * goes to the apparatus as a page number.
 */
function markPageMarkers(body: Element): void {
  const texts: Array<{node: Text; parent: Element}> = []
  const blocks: Array<{wrapper: Element; parent: Element}> = []
  walkElements(body, (element, parent) => {
    const text = textOf(element)
    const marker = text !== '' && (classesOf(element).some((name) => pageNumberClass.test(name)) || text.replace(pageMarker, '') === '')
    if (marker && parent.type === 'element') {
      // Within a paragraph, the marker is removed where it stands; a block of its own, as a block.
      const wrapper: Element = {type: 'element', tagName: isBlock(element) ? 'div' : 'span', properties: {dataApparatusRemoved: 'page-number'}, children: [element]}
      replaceChild(parent, element, wrapper)
      if (isBlock(element)) blocks.push({wrapper, parent})
      return 'skip'
    }
    for (const child of element.children) if (child.type === 'text' && child.value.search(pageMarker) !== -1) texts.push({node: child, parent: element})
    return undefined
  })
  for (const {node, parent} of texts) {
    const out: ElementContent[] = []
    let last = 0
    for (const match of node.value.matchAll(pageMarker)) {
      if (match.index > last) out.push({type: 'text', value: node.value.slice(last, match.index)})
      out.push({type: 'element', tagName: 'span', properties: {dataApparatusRemoved: 'page-number'}, children: [{type: 'text', value: match[0]}]})
      last = match.index + match[0].length
    }
    if (last < node.value.length) out.push({type: 'text', value: node.value.slice(last)})
    parent.children.splice(parent.children.indexOf(node), 1, ...out)
  }
  for (const {wrapper, parent} of blocks) rejoinAcross(wrapper, parent)
}

/**
 * A paragraph the page cut, its marker between its halves (`<p>…was paved</p><p>[Page 7]</p>
 * <p>in granite…</p>`): the first half ends with no stop and the second opens in lower case.
 * The halves are one paragraph again, the marker removed where it stood.
 */
function rejoinAcross(wrapper: Element, parent: Element): void {
  const index = parent.children.indexOf(wrapper)
  const before = previousElement(parent, index)
  const after = nextElement(parent, index)
  if (before?.tagName !== 'p' || after?.tagName !== 'p') return
  if (!/[\p{L}\p{N},]$/u.test(textOf(before)) || !/^\p{Ll}/u.test(textOf(after))) return
  const marker: Element = {type: 'element', tagName: 'span', properties: {dataApparatusRemoved: 'page-number'}, children: [{type: 'text', value: textOf(wrapper)}]}
  before.children.push({type: 'text', value: ' '}, marker, {type: 'text', value: ' '}, ...after.children)
  parent.children = parent.children.filter((child) => child !== wrapper && child !== after)
}

function nextElement(parent: Parent, index: number): Element | undefined {
  for (let position = index + 1; position < parent.children.length; position++) {
    const child = parent.children[position]
    if (child?.type === 'element') return child
    if (child?.type === 'text' && child.value.trim() !== '') return undefined
  }
  return undefined
}

/** The words of a part of the page, one block a line (references were taken out before). */
function textLines(node: HastRoot | Element): string {
  return linesOf(node).join('\n')
}

/**
 * Classes a page's style sheet sets in italic or bold (`.c3{font-style:italic}`, as Google Docs
 * and other editors export them): the only mark of a title's italics there.
 */
function classStyles(tree: HastRoot): Map<string, {italic: boolean; bold: boolean}> {
  const styles = new Map<string, {italic: boolean; bold: boolean}>()
  walkElements(tree, (element) => {
    if (element.tagName !== 'style') return
    const css = element.children.map((node) => (node.type === 'text' ? node.value : '')).join('').replace(/\/\*[\s\S]*?\*\//g, ' ')
    // Only a rule for classes alone (`.c3`, `.c3, .c5`): one that a class sets only inside
    // another (`.c3 .c4`), on one element (`p.c4`) or with a state (`.c4:hover`) says nothing of a span.
    for (const rule of css.matchAll(/([^{}]{1,2000})\{([^{}]{0,2000})\}/g)) {
      const [, selector = '', body = ''] = rule
      const names = selector.split(',').map((part) => /^\s*\.([A-Za-z_][\w-]{0,60})\s*$/.exec(part)?.[1])
      if (names.some((name) => name === undefined)) continue
      const italic = /font-style\s*:\s*(?:italic|oblique)/i.test(body)
      const bold = /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(body)
      if (italic || bold) for (const name of names) styles.set(name as string, {italic, bold})
    }
    return 'skip'
  })
  return styles
}

/** A `<span>` of a class set in italic or bold reads as `<em>` or `<strong>` (both: one inside the other). */
function applyClassStyles(body: Element, styles: ReadonlyMap<string, {italic: boolean; bold: boolean}>): void {
  if (styles.size === 0) return
  walkElements(body, (element) => {
    if (element.tagName !== 'span') return
    const found = classesOf(element).map((name) => styles.get(name)).filter((style) => style !== undefined)
    const italic = found.some((style) => style.italic)
    const bold = found.some((style) => style.bold)
    if (!italic && !bold) return
    element.tagName = italic ? 'em' : 'strong'
    if (italic && bold) element.children = [{type: 'element', tagName: 'strong', properties: {}, children: element.children}]
  })
}

/** Take out scripts, styles and templates everywhere; say how many there were. */
function removeCode(tree: HastRoot): string {
  const counts = new Map<string, number>()
  const found: Array<{element: Element; parent: Parent}> = []
  walkElements(tree, (element, parent) => {
    if (!codeElements.has(element.tagName)) return
    found.push({element, parent})
    counts.set(element.tagName, (counts.get(element.tagName) ?? 0) + 1)
    return 'skip'
  })
  for (const {element, parent} of found) replaceChild(parent, element, undefined)
  return [...counts].map(([name, count]) => `${count} ${name}${count === 1 ? '' : 's'}`).join(', ')
}

/**
 * Take the note bodies out of the page; the containers left empty go too, and a `Notes`
 * heading before them (or left alone in them) goes to the apparatus.
 */
function removeNotes(body: Element, notes: NotesFound): void {
  const parentOf = new Map<Element, Parent>()
  walkElements(body, (element, parent) => {
    parentOf.set(element, parent)
  })
  const headings = new Set<Element>()
  const parents = new Set<Parent>()
  for (const note of notes.bodies) {
    if (!parents.has(note.parent)) {
      const before = previousElement(note.parent, note.parent.children.indexOf(note.element))
      if (before && isNotesHeading(before)) headings.add(before)
    }
    parents.add(note.parent)
  }
  for (const note of notes.bodies) replaceChild(note.parent, note.element, undefined)
  for (const parent of parents) {
    if (parent.type !== 'element' || textOf(parent) !== '') continue
    let container: Element = parent
    for (let above = parentOf.get(container); above?.type === 'element' && !contentRoots.has(above.tagName); above = parentOf.get(container)) {
      const rest = textOf(above)
      if (rest !== '' && !isNotesHeading(above)) break
      container = above
      if (rest !== '') break
    }
    const holder = parentOf.get(container)
    if (!holder) continue
    const before = previousElement(holder, holder.children.indexOf(container))
    if (before && isNotesHeading(before)) headings.add(before)
    // The rule drawn above the notes (Google Docs' `<hr>` before them) is layout, not a break in the text.
    if (before?.tagName === 'hr') replaceChild(holder, before, undefined)
    replaceChild(holder, container, textOf(container) === '' ? undefined : removedElement(container, holder, 'notes-heading'))
  }
  for (const heading of headings) {
    const parent = parentOf.get(heading)
    if (parent) replaceChild(parent, heading, removedElement(heading, parent, 'notes-heading'))
  }
}

const contentRoots: ReadonlySet<string> = new Set(['body', 'main', 'article'])

const notesHeading = /^(?:notes?|foot-?notes?|end-?notes?|references|anmerkungen|fußnoten|notes et références|notas|note)\s*:?$/i

/** A heading (or a short line standing for one) that names the notes. */
function isNotesHeading(element: Element): boolean {
  return (/^h[1-6]$/.test(element.tagName) || ['p', 'div', 'section', 'header', 'strong', 'b', 'span'].includes(element.tagName)) && notesHeading.test(textOf(element))
}

function previousElement(parent: Parent, index: number): Element | undefined {
  for (let position = index - 1; position >= 0; position--) {
    const child = parent.children[position]
    if (child?.type === 'element') return child
    if (child?.type === 'text' && child.value.trim() !== '') return undefined
  }
  return undefined
}

/** A wrapper that the converter turns into a removed directive, block or inline by where it stands. */
function removedElement(element: Element, parent: Parent, rule: RemovalRule): ElementContent {
  const inline = !isBlock(element) && parent.type === 'element' && !isBlock(parent)
  return {type: 'element', tagName: inline ? 'span' : 'div', properties: {dataApparatusRemoved: rule}, children: [element]}
}

function markRemoved(element: Element, rule: RemovalRule): void {
  element.properties = {...element.properties, dataApparatusRemoved: rule}
}

function removedBlock(rule: RemovalRule, lines: readonly string[]): RemovedBlock {
  return {type: 'containerDirective', name: directive.removed, attributes: {rule}, children: lines.map((line): Paragraph => ({type: 'paragraph', children: [{type: 'text', value: line}]}))}
}

function removedInline(rule: RemovalRule, value: string): RemovedText {
  return {type: 'textDirective', name: directive.removed, attributes: {rule}, children: [{type: 'text', value}]}
}

function removedRule(element: Element): RemovalRule | undefined {
  const rule = stringProperty(element, 'dataApparatusRemoved')
  return rule !== undefined && isRemovalRule(rule) ? rule : undefined
}

/** Links out of the page stay links; links within it (or to scripts) keep only their text. */
const keptLink = /^(?:https?:|mailto:)/i

const handlers: Record<string, Handle> = {
  div(state, node) {
    const rule = removedRule(node)
    if (rule === undefined) return defaultHandlers.div?.(state, node)
    const lines = linesOf(node)
    return lines.length === 0 ? undefined : removedBlock(rule, [lines.join(' · ')])
  },
  span(state, node) {
    const rule = removedRule(node)
    if (rule === undefined) return defaultHandlers.span?.(state, node)
    const value = textOf(node)
    return value === '' ? undefined : removedInline(rule, value)
  },
  a(state, node) {
    const rule = removedRule(node)
    if (rule !== undefined) return textOf(node) === '' ? undefined : removedInline(rule, textOf(node))
    if (keptLink.test(stringProperty(node, 'href') ?? '')) return defaultHandlers.a?.(state, node)
    return state.all(node)
  },
  sup(state, node) {
    const label = stringProperty(node, 'dataApparatusNote')
    if (label === undefined) return state.all(node)
    return {type: 'footnoteReference', identifier: label.toLowerCase(), label}
  },
  table(state, node) {
    // A table's caption (which the table's own conversion leaves out) stands before it.
    const table = defaultHandlers.table?.(state, node)
    const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption')
    if (!caption || textOf(caption) === '') return table
    const before = defaultHandlers.div?.(state, {type: 'element', tagName: 'div', properties: {}, children: caption.children})
    return [...(Array.isArray(before) ? before : before ? [before] : []), ...(Array.isArray(table) ? table : table ? [table] : [])]
  },
  img(_state, node) {
    const alt = (stringProperty(node, 'alt') ?? '').trim()
    return alt === '' ? undefined : removedInline('html-image', alt)
  }
}

// `document`: runs of phrasing at the top (a note's text in its `<li>`) become paragraphs.
const converter: ToMdastOptions = {handlers, document: true}

/** The block content of a converted tree, white space at the edges of emphasis moved out. */
function flowOf(node: ReturnType<typeof toMdast>): RootContent[] {
  const children = node.type === 'root' ? node.children : [node as RootContent]
  for (const child of children) tidyEdges(child)
  return children
}

function definitionOf(note: NoteBody): FootnoteDefinition {
  // A row of a table of notes: its cells' contents, each a paragraph.
  const children: ElementContent[] =
    note.element.tagName === 'p'
      ? [note.element]
      : note.element.tagName === 'tr'
        ? note.element.children.flatMap((cell): ElementContent[] => (cell.type === 'element' && textOf(cell) !== '' ? [{type: 'element', tagName: 'div', properties: {}, children: cell.children}] : []))
        : note.element.children
  const converted = flowOf(toMdast({type: 'root', children}, converter))
  const blocks = converted.filter((node): node is BlockContent => node.type !== 'definition' && node.type !== 'footnoteDefinition' && node.type !== 'yaml')
  return {type: 'footnoteDefinition', identifier: note.label.toLowerCase(), label: note.label, children: blocks}
}

/**
 * A page's `<title>` without the site's name beside it (`The Mills | Project Gutenberg`): the
 * part the page's `<h1>` repeats, else the first.
 */
function withoutSiteName(title: string, heading: string | undefined): string {
  const parts = title.split(/\s+\|\s+/).map((part) => part.trim()).filter(Boolean)
  if (parts.length < 2) return title
  const key = (value: string) => value.toLowerCase().replace(/\s+/g, ' ')
  return parts.find((part) => heading !== undefined && key(part) === key(heading)) ?? parts[0] ?? title
}

/**
 * Word's “Save as HTML” sets the document's title as a paragraph of style Title
 * (`<p class=MsoTitle>`): without an `<h1>`, the first is the page's heading.
 */
function promoteWordTitle(body: Element): void {
  if (findElement(body, 'h1')) return
  let done = false
  walkElements(body, (element) => {
    if (done) return 'skip'
    if (element.tagName !== 'p' || !classesOf(element).some((name) => name.toLowerCase() === 'msotitle') || textOf(element) === '') return undefined
    element.tagName = 'h1'
    done = true
    return 'skip'
  })
}

/**
 * The author a page names at its top when no `<meta>` does: a line `By Tamsin Orlaway`, or the
 * name alone in an element classed as a byline or author, among the first blocks of the body.
 */
function bylineOf(tree: HastRoot): string[] | undefined {
  const body = findElement(tree, 'body')
  if (!body) return undefined
  let blocks = 0
  let found: string | undefined
  walkElements(body, (element) => {
    if (found !== undefined || blocks > bylineWindow) return 'skip'
    if (!isBlock(element) && !classesOf(element).some((name) => /byline|author/i.test(name))) return undefined
    const text = textOf(element)
    if (text === '') return undefined
    const name = bylineName(text, classesOf(element).some((value) => /byline|author/i.test(value)))
    if (name !== undefined) {
      found = name
      return 'skip'
    }
    // Only blocks of text count (a `<div>` that holds them is looked into).
    if (['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre'].includes(element.tagName)) blocks++
    return ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(element.tagName) ? 'skip' : undefined
  })
  return found === undefined ? undefined : [found]
}

/**
 * A page title that names its author too, as Project Gutenberg's do (`The Project Gutenberg
 * eBook of A Winter on the Fens, by Hugh Pellow`): the work's title, and the author apart.
 */
function withoutAuthor(title: string): {title: string; author?: string} {
  const plain = title.replace(/^The Project Gutenberg e-?Book of\s+/i, '').trim()
  const match = /^(.+?),\s+(by\s+.+)$/i.exec(plain)
  const author = match?.[2] === undefined ? undefined : bylineName(match[2].replace(/^by/i, 'By'))
  return match?.[1] !== undefined && author !== undefined ? {title: match[1], author} : {title: plain}
}

const placeholderTitle = /^(?:document|dokument|documento|doc|untitled|sans titre|ohne titel)\s*\d*$/i

/** `<title>`, author and date `<meta>`, `<html lang>`: citation tags first, then Dublin Core, then the plain ones. */
function metadataOf(tree: HastRoot): SourceMetadata {
  const metas = new Map<string, string[]>()
  let title: string | undefined
  let heading: string | undefined
  let language: string | undefined
  walkElements(tree, (element) => {
    if (element.tagName === 'html') language = stringProperty(element, 'lang')?.trim() || undefined
    if (element.tagName === 'title' && title === undefined) title = textOf(element) || undefined
    if (element.tagName === 'h1' && heading === undefined) heading = textOf(element) || undefined
    if (element.tagName !== 'meta') return
    const name = (stringProperty(element, 'name') ?? stringProperty(element, 'property') ?? '').toLowerCase()
    const value = stringProperty(element, 'content')?.trim()
    if (name === '' || !value) return
    metas.set(name, [...(metas.get(name) ?? []), value])
  })
  const pick = (...names: string[]) => names.map((name) => metas.get(name)).find((values) => values !== undefined)
  const metadata: SourceMetadata = {}
  // A word processor's name for an unnamed file (`Document1`) names no work: the page's heading does.
  const named = title === undefined ? undefined : withoutAuthor(title)
  const pageTitle = named === undefined ? undefined : placeholderTitle.test(named.title) ? heading : withoutSiteName(named.title, heading)
  const chosenTitle = pick('citation_title', 'dc.title', 'og:title')?.[0] ?? pageTitle
  if (chosenTitle) metadata.title = chosenTitle
  const authors = pick('citation_author', 'dc.creator', 'author', 'article:author') ?? bylineOf(tree) ?? (named?.author === undefined ? undefined : [named.author])
  if (authors) metadata.authors = authors
  const date = pick('citation_publication_date', 'citation_date', 'dc.date', 'article:published_time', 'date')?.[0]
  const iso = date && /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(date.replace(/\//g, '-'))?.[0]
  if (iso) metadata.date = iso
  if (language) metadata.language = language
  return metadata
}
