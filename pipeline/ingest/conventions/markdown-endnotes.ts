/**
 * Markdown (or a Word document) whose notes are a list under a notes heading (`## Notes` then
 * `1. …`, or paragraphs opening with `¹`, `[1]`, `<sup>1</sup>`), called in the text by
 * superscript digits, `<sup>1</sup>`, pandoc's `^1^`, `^1`, `[1]` or a number linked into the
 * page (`[1](#note-1)`), as notes typed by hand are: the calls become footnote references and
 * the list footnote definitions, as if the source had written `[^1]`.
 */
import type {Element, ElementContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toMdast} from 'hast-util-to-mdast'
import {toString as hastText} from 'hast-util-to-string'
import type {BlockContent, DefinitionContent, FootnoteDefinition, FootnoteReference, Nodes, Parents, PhrasingContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {directive, type RemovalRule} from '../../shared/annotations.js'
import {parseSourceMarkdown} from '../../markdown/index.js'
import {fromSuperscript, isNotesHeading} from './notes-section.js'

/** A call in a text node, by style; group 1 is the number. */
const textCalls: ReadonlyArray<{name: string; pattern: RegExp; superscript?: boolean}> = [
  {name: 'superscript', pattern: /([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})/gu, superscript: true},
  {name: 'caret', pattern: /\^(\d{1,4})\^/g},
  {name: 'caret-open', pattern: /\^(\d{1,4})(?![\d^])/g},
  {name: 'bracket', pattern: /\[(\d{1,4})\](?![(:])/g}
]

/** A paragraph that opens a note (`¹ Text`, `[1] Text`, `1 Text`); group 1 or 2 is the number. */
const noteOpening = /^(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})|\[(\d{1,4})\]|(\d{1,4})\.?)\s+/u

interface Call {
  parent: Parents
  /** The node (a text node, or the `<sup>` that opens a raw HTML call), and its index in `parent`. */
  node: Nodes
  index: number
  /** Offset of the call in the text node; its length; or, for `<sup>`, the three nodes. */
  start: number
  length: number
  number: number
  style: string
}

interface Note {
  number: number
  children: Array<BlockContent | DefinitionContent>
}

/** Whether the Markdown `text` has a notes list whose calls its text makes. */
export function hasEndnotes(text: string): boolean {
  return endnotesAsFootnotes(parseSourceMarkdown(text))
}

/** Turn a notes list and its calls into footnotes; false (the tree untouched) when the shape is not there. */
export function endnotesAsFootnotes(tree: Root): boolean {
  if (tree.children.some((node) => node.type === 'footnoteDefinition')) return false
  // Under a notes heading, or else under the last rule (`---`, `<hr>`) that parts text and notes.
  let at = tree.children.findLastIndex((node) => (node.type === 'heading' || node.type === 'paragraph') && isNotesHeading(toString(node)))
  const headed = at !== -1
  if (!headed) at = tree.children.findLastIndex((node) => node.type === 'thematicBreak')
  if (at === -1) return closingNotes(tree)
  const {notes, end} = readNotes(tree.children, at + 1)
  if (notes.length < 1) return false
  const calls = chooseCalls(tree.children.slice(0, at), notes)
  if (calls.length === 0 || calls.length * 2 < notes.length) return false
  replaceAll(calls)
  const heading = tree.children[at] as RootContent
  const removed: RootContent = {type: 'paragraph', children: [{type: 'textDirective', name: directive.removed, attributes: {rule: 'notes-heading' satisfies RemovalRule}, children: [{type: 'text', value: toString(heading)}]}]}
  const definitions = notes.map(definitionOf)
  if (headed) tree.children.splice(at, end - at, removed)
  else tree.children.splice(at + 1, end - at - 1)
  tree.children.push(...definitions)
  return true
}

/**
 * The opening tag of a notes block that a site generator or pandoc writes into the Markdown it
 * exports (Hugo's and Jekyll's `<div class="footnotes" role="doc-endnotes">`, pandoc's
 * `<section class="footnotes">`, `<ol class="footnotes">`), after the rule that parts it from
 * the text if one stands right before it; group 1 is the element's name.
 */
const notesBlockOpen = /^(?:<hr\b[^>]{0,200}>\s*)?<(div|section|aside|footer|ol)\b[^>]{0,300}?\b(?:class="[^"]{0,200}?\b(?:(?:foot|end)?notes?|references)\b[^"]{0,200}"|role="doc-(?:end|foot)notes")[^>]{0,300}>/i

/** A line that opens a notes block (see `notesBlockOpen`): where reading the Markdown for one is worth it. */
const notesBlockLine = new RegExp(notesBlockOpen.source.replace('^', '^[ \\t]{0,3}'), 'im')

/** How many notes a raw HTML notes block of the Markdown `text` holds that its text calls (0 without one). */
export function htmlNotesCount(text: string): number {
  if (!notesBlockLine.test(text)) return 0
  const tree = parseSourceMarkdown(text)
  return htmlNotesAsFootnotes(tree, text)?.count ?? 0
}

/**
 * A notes block of raw HTML (`<li id="fn:1"><p>Text <a href="#fnref:1">↩</a></p></li>`, see
 * `notesBlockOpen`) whose calls are raw HTML too (`<sup id="fnref:1"><a href="#fn:1">1</a></sup>`):
 * the items become footnote definitions, the calls references, the back-links left out (a
 * wiki's `<ol class="references">` with calls `<sup><a href="#cite_note-1">[1]</a></sup>` alike). Returns
 * the source range of the block (its tags are markup, not words), or undefined, the tree
 * untouched.
 */
export function htmlNotesAsFootnotes(tree: Root, source: string): {start: number; end: number; text: string; count: number} | undefined {
  if (tree.children.some((node) => node.type === 'footnoteDefinition')) return undefined
  const at = tree.children.findIndex((node) => node.type === 'html' && notesBlockOpen.test(node.value))
  const first = tree.children[at]
  const name = first?.type === 'html' ? notesBlockOpen.exec(first.value)?.[1]?.toLowerCase() : undefined
  const start = first?.position?.start.offset
  if (!first || !name || start === undefined) return undefined
  // The block runs over the blocks the Markdown parser made of it (a blank line ends a raw HTML
  // block; a line of text after it is a paragraph) until its element closes, as written.
  const opens = new RegExp(`<${name}\\b`, 'gi')
  const closes = new RegExp(`</${name}\\s*>`, 'gi')
  let depth = 0
  let end = at
  let stop: number | undefined
  for (; end < tree.children.length; end++) {
    const node = tree.children[end] as RootContent
    const from = node.position?.start.offset
    stop = node.position?.end.offset
    if (from === undefined || stop === undefined || node.type === 'footnoteDefinition') return undefined
    const written = source.slice(from, stop)
    depth += (written.match(opens)?.length ?? 0) - (written.match(closes)?.length ?? 0)
    if (depth <= 0) break
  }
  if (end === tree.children.length || stop === undefined) return undefined
  const {notes, text} = htmlNoteItems(source.slice(start, stop))
  if (notes.length === 0) return undefined
  const calls = chooseCalls(tree.children.slice(0, at), notes)
  if (calls.length === 0 || calls.length * 2 < notes.length) return undefined
  replaceAll(calls)
  tree.children.splice(at, end - at + 1)
  tree.children.push(...notes.map(definitionOf))
  return {start, end: stop, text, count: notes.length}
}

/**
 * The items of the first list of a raw HTML notes block, numbered from the list's start, as
 * Markdown blocks; and their text (the back-links left out), the words they must keep.
 */
function htmlNoteItems(html: string): {notes: Note[]; text: string} {
  const fragment = fromHtml(html, {fragment: true})
  const list = findFirst(fragment.children.filter((child): child is ElementContent => child.type !== 'doctype'), (element) => element.tagName === 'ol' || element.tagName === 'ul')
  if (!list) return {notes: [], text: ''}
  const start = Number(list.properties.start ?? 1)
  const items = list.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li')
  const texts: string[] = []
  const notes = items.map((item, index) => {
    const kept = withoutHtmlBacklinks(item.children)
    texts.push(hastText({type: 'root', children: kept}))
    const tree = toMdast({type: 'root', children: kept}) as Root
    const blocks = tree.children.filter(isBlock)
    const children: Array<BlockContent | DefinitionContent> = blocks.length === tree.children.length ? blocks : [{type: 'paragraph', children: tree.children as PhrasingContent[]}]
    trimEnd(children)
    return {number: (Number.isFinite(start) ? start : 1) + index, children}
  })
  return {notes, text: texts.join('\n')}
}

function findFirst(nodes: readonly ElementContent[], test: (element: Element) => boolean): Element | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    if (test(node)) return node
    const found = findFirst(node.children, test)
    if (found) return found
  }
  return undefined
}

/** A link back to the call (`role="doc-backlink"`, `href="#fnref:1"`, or a sign alone: `↩`). */
function isHtmlBacklink(element: Element): boolean {
  if (element.tagName !== 'a') return false
  const href = String(element.properties.href ?? '')
  const classes = Array.isArray(element.properties.className) ? element.properties.className.map(String) : []
  if (element.properties.role === 'doc-backlink' || classes.some((name) => /back|reverse/i.test(name))) return true
  return href.startsWith('#') && (/^#fnref/i.test(href) || /^[\s\^↩↑\uFE0E\uFE0F]*$/u.test(hastText(element)))
}

function withoutHtmlBacklinks(children: readonly ElementContent[]): ElementContent[] {
  return children.filter((child) => child.type !== 'element' || !isHtmlBacklink(child)).map((child) => (child.type === 'element' ? {...child, children: withoutHtmlBacklinks(child.children)} : child))
}

/** The space (and no-break space) a back-link stood after, at the end of a note. */
function trimEnd(children: Array<BlockContent | DefinitionContent>): void {
  const last = children.at(-1)
  if (last?.type !== 'paragraph') return
  const tail = last.children.at(-1)
  if (tail?.type !== 'text') return
  tail.value = tail.value.replace(/[\s\u00A0]+$/u, '')
  if (tail.value === '') last.children.pop()
}

/** Fewest notes closing a text without a heading or rule before them. */
const fewestClosingNotes = 2

/**
 * Notes closing the text with neither heading nor rule before them (`¹ Text`, `1. Text` to the
 * end, or an ordered list last), numbered from 1: taken only where the text calls every one.
 */
function closingNotes(tree: Root): boolean {
  const {children} = tree
  for (let at = children.length - 1; at >= 1; at--) {
    const node = children[at] as RootContent
    const opensOne = (node.type === 'list' && node.ordered === true && (node.start ?? 1) === 1) || (node.type === 'paragraph' && openingOf(node.children)?.number === 1)
    if (!opensOne) continue
    const {notes, end} = readNotes(children, at)
    if (end !== children.length || notes.length < fewestClosingNotes) return false
    const calls = chooseCalls(children.slice(0, at), notes)
    if (new Set(calls.map((call) => call.number)).size !== notes.length) return false
    replaceAll(calls)
    children.splice(at, end - at)
    children.push(...notes.map(definitionOf))
    return true
  }
  return false
}

function definitionOf(note: Note): FootnoteDefinition {
  for (const child of note.children) if (child.type === 'paragraph') child.children = withoutBacklinks(withoutAnchors(child.children))
  return {type: 'footnoteDefinition', identifier: String(note.number), label: String(note.number), children: note.children}
}

/** A link back to the call, as a saved page has it (`[^](#ref1)`, `[↩](#fnref1)`): its text is a sign, no word. */
function isBacklink(node: PhrasingContent | undefined): boolean {
  if (node?.type !== 'link' || !node.url.startsWith('#') || node.children.length !== 1) return false
  const [only] = node.children
  return only?.type === 'text' && /^\s*[\^↩↑]\s*$/u.test(only.value)
}

/** A note's back-links at its start or end left out, with the space they stood in. */
function withoutBacklinks(children: PhrasingContent[]): PhrasingContent[] {
  const out = [...children]
  if (isBacklink(out[0])) {
    out.shift()
    const first = out[0]
    if (first?.type === 'text') out[0] = {...first, value: first.value.trimStart()}
  }
  if (isBacklink(out[out.length - 1])) {
    out.pop()
    const last = out[out.length - 1]
    if (last?.type === 'text') out[out.length - 1] = {...last, value: last.value.trimEnd()}
  }
  return out.filter((node) => node.type !== 'text' || node.value !== '')
}

/** Empty anchors a note's number was linked by (`<a id="fn1"></a>`) are layout, not words. */
function withoutAnchors(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (let index = 0; index < children.length; index++) {
    const node = children[index] as PhrasingContent
    const next = children[index + 1]
    if (node.type === 'html' && linkOpen.test(node.value) && !/href=/i.test(node.value) && next?.type === 'html' && /^<\/a>$/i.test(next.value)) {
      index++
      continue
    }
    out.push(node)
  }
  return out
}

function replaceAll(calls: readonly Call[]): void {
  for (const [parent, list] of groupBy(calls, (call) => call.parent)) replaceCalls(parent, list)
}

function groupBy<K>(calls: readonly Call[], key: (call: Call) => K): Map<K, Call[]> {
  const groups = new Map<K, Call[]>()
  for (const call of calls) {
    const list = groups.get(key(call))
    if (list) list.push(call)
    else groups.set(key(call), [call])
  }
  return groups
}

/** Notes from `from`: an ordered list, or paragraphs that open with a number in sequence (others go on the note before). */
function readNotes(children: readonly RootContent[], from: number): {notes: Note[]; end: number} {
  const first = children[from]
  if (first?.type === 'list' && first.ordered) {
    const start = first.start ?? 1
    return {notes: first.children.map((item, index) => ({number: start + index, children: item.children})), end: from + 1}
  }
  const notes: Note[] = []
  let index = from
  for (; index < children.length; index++) {
    const node = children[index] as RootContent
    if (node.type === 'heading' || node.type === 'thematicBreak') break
    const opening = node.type === 'paragraph' ? openingOf(node.children) : undefined
    const last = notes[notes.length - 1]
    if (opening && opening.number === (last ? last.number + 1 : opening.number)) {
      notes.push({number: opening.number, children: opening.rest.length === 0 ? [] : [{type: 'paragraph', children: opening.rest}]})
      continue
    }
    if (!last || !isBlock(node)) break
    last.children.push(node)
  }
  return {notes, end: index}
}

function isBlock(node: RootContent): node is BlockContent {
  return node.type === 'paragraph' || node.type === 'blockquote' || node.type === 'list' || node.type === 'code' || node.type === 'table'
}

/** The number that opens a paragraph's text, and its children without it. */
function openingOf(children: readonly PhrasingContent[]): {number: number; rest: PhrasingContent[]} | undefined {
  const [head, ...tail] = children
  // `<sup>1</sup> Text`: the number as the calls print it.
  const html = head?.type === 'html' ? htmlCall(children, 0) : undefined
  if (html) {
    const [after, ...others] = children.slice(html.length)
    if (after?.type !== 'text' || !/^\s/.test(after.value)) return undefined
    const value = after.value.trimStart()
    return {number: html.number, rest: value === '' ? others : [{...after, value}, ...others]}
  }
  // `[1](#note-ref-1) Text`, `[[1]](#footnote-ref-0) Text`: the number linked back to its call;
  // or alone in its paragraph, the note's text in the paragraphs after it.
  const linked = linkedNumber(head)
  if (linked !== undefined) {
    if (tail.length === 0) return {number: linked, rest: []}
    const [after, ...others] = tail
    if (after?.type !== 'text' || !/^\s/.test(after.value)) return undefined
    const value = after.value.trimStart()
    return {number: linked, rest: value === '' ? others : [{...after, value}, ...others]}
  }
  if (head?.type !== 'text') return undefined
  const match = noteOpening.exec(head.value)
  if (!match) return undefined
  const number = Number(match[1] ? fromSuperscript(match[1]) : (match[2] ?? match[3]))
  const value = head.value.slice(match[0].length)
  return {number, rest: value === '' ? tail : [{...head, value}, ...tail]}
}

const linkOpen = /^<a\s[^>]*>$/i

/** Raw HTML calls, as nodes: `<sup>`, `1`, `</sup>`, or with a link inside or around (`<sup><a href="#fn1">1</a></sup>`), or a number linked into the page alone (`<a href="#fn1">[1]</a>`). */
const callDigits = /^\[?\d{1,4}\]?$/
/** `<sup>`, or with attributes (`<sup id="fnref:1">`). */
const supOpen = /^<sup(?:\s[^>]*)?>$/i
/** A link into the page (`<a href="#fn1" id="ref1">`). */
const pageLinkOpen = /^<a\s[^>]*href="#[^"]*"[^>]*>$/i
const htmlCallShapes: ReadonlyArray<readonly RegExp[]> = [
  [supOpen, callDigits, /^<\/sup>$/i],
  [pageLinkOpen, callDigits, /^<\/a>$/i],
  [supOpen, linkOpen, callDigits, /^<\/a>$/i, /^<\/sup>$/i],
  [linkOpen, supOpen, callDigits, /^<\/sup>$/i, /^<\/a>$/i]
]

/** The raw HTML call that opens at `index` of `children`: its number and how many nodes it takes. */
function htmlCall(children: readonly Nodes[], index: number): {number: number; length: number} | undefined {
  for (const shape of htmlCallShapes) {
    const nodes = children.slice(index, index + shape.length)
    if (nodes.length !== shape.length) continue
    const fits = shape.every((pattern, at) => {
      const node = nodes[at]
      return (node?.type === 'html' || node?.type === 'text') && node.type === (pattern === callDigits ? 'text' : 'html') && pattern.test(node.value)
    })
    const digits = nodes.find((node) => node.type === 'text')
    if (fits && digits?.type === 'text') return {number: Number(digits.value.replace(/[[\]]/g, '')), length: shape.length}
  }
  return undefined
}

/** The number of a link into the page whose text is the number alone (`[1](#fn1)`, `[[1]](#fn1)`). */
function linkedNumber(node: Nodes | undefined): number | undefined {
  if (node?.type !== 'link' || !node.url.startsWith('#') || node.children.length !== 1) return undefined
  const [only] = node.children
  const digits = only?.type === 'text' ? /^\[?(\d{1,4})\]?$/.exec(only.value)?.[1] : undefined
  return digits === undefined ? undefined : Number(digits)
}

/** Calls of `notes` in the body: for each style, the numbers in order; the style finding most wins. */
function chooseCalls(body: readonly RootContent[], notes: readonly Note[]): Call[] {
  const found: Call[] = []
  const walk = (node: Nodes, parent: Parents | undefined, index: number) => {
    if (node.type === 'text' && parent) {
      for (const style of textCalls) {
        for (const match of node.value.matchAll(style.pattern)) {
          const digits = match[1] ?? ''
          found.push({parent, node, index, start: match.index, length: match[0].length, number: Number(style.superscript ? fromSuperscript(digits) : digits), style: style.name})
        }
      }
      return
    }
    if (node.type === 'html' && parent && (supOpen.test(node.value) || linkOpen.test(node.value))) {
      const call = htmlCall(parent.children, index)
      if (call) found.push({parent, node, index, start: 0, length: call.length, number: call.number, style: 'sup'})
      // `<sup>[1](#fn1)</sup>`: a linked number set as a superscript.
      const linked = linkedNumber(parent.children[index + 1])
      const close = parent.children[index + 2]
      if (!call && linked !== undefined && close?.type === 'html' && /^<\/sup>$/i.test(close.value)) found.push({parent, node, index, start: 0, length: 3, number: linked, style: 'sup'})
      return
    }
    // `[1](#note-1)`, `[[1]](#fn1)`: a number linked to its note in the page.
    const linked = linkedNumber(node)
    if (linked !== undefined && parent) {
      found.push({parent, node, index, start: 0, length: 1, number: linked, style: 'link'})
      return
    }
    if ('children' in node) node.children.forEach((child, at) => walk(child, node, at))
  }
  const root: Root = {type: 'root', children: [...body]}
  body.forEach((child, at) => walk(child, root, at))
  let best: Call[] = []
  for (const style of ['sup', 'link', ...textCalls.map((entry) => entry.name)]) {
    const calls: Call[] = []
    let position = 0
    const ofStyle = found.filter((call) => call.style === style)
    for (const note of notes) {
      let index = position
      while (index < ofStyle.length && ofStyle[index]?.number !== note.number) index++
      const call = ofStyle[index]
      if (!call) continue
      calls.push(call)
      position = index + 1
    }
    if (calls.length > best.length) best = calls
  }
  return best
}

/** Replace the calls in one parent's children (a text node's calls, or a `<sup>` with its digits and closing tag), in one pass. */
function replaceCalls(parent: Parents, calls: readonly Call[]): void {
  const children = parent.children as PhrasingContent[]
  const reference = (call: Call): FootnoteReference => ({type: 'footnoteReference', identifier: String(call.number), label: String(call.number)})
  const byIndex = groupBy(calls, (call) => call.index)
  const out: PhrasingContent[] = []
  for (let index = 0; index < children.length; index++) {
    const node = children[index] as PhrasingContent
    const here = byIndex.get(index)
    if (!here) {
      out.push(node)
      continue
    }
    const [first] = here
    if (first?.style === 'sup' || first?.style === 'link') {
      out.push(reference(first))
      index += first.length - 1
      continue
    }
    if (node.type !== 'text') {
      out.push(node)
      continue
    }
    let last = 0
    for (const call of [...here].sort((a, b) => a.start - b.start)) {
      if (call.start > last) out.push({type: 'text', value: node.value.slice(last, call.start)})
      out.push(reference(call))
      last = call.start + call.length
    }
    if (last < node.value.length) out.push({type: 'text', value: node.value.slice(last)})
  }
  parent.children = out as typeof parent.children
}
