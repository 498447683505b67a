/**
 * Markdown, read with remark: GFM footnotes (`[^n]` and `[^n]: …`), pandoc's inline notes, or a
 * notes list under a notes heading (`markdown-endnotes.ts`).
 */
import type {BlockContent, FootnoteDefinition, Parents, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {report} from '../rules.js'
import {parseSourceMarkdown} from '../../markdown/index.js'
import {prefixLazyLines, restorePositions} from './lazy-lines.js'
import {endnotesAsFootnotes, htmlNotesAsFootnotes, htmlNotesCount} from './markdown-endnotes.js'
import {blankRange, joinBrokenAddresses, tomlFrontMatter, withoutDivFences} from './markdown-layout.js'
import type {Convention} from './types.js'
import {directive, type RemovalRule} from '../../shared/annotations.js'

/** Parents whose children are phrasing content (where raw HTML was inline). */
const phrasingParents = new Set<Parents['type']>(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell', 'textDirective'])

/** Block nodes that may stand wherever the raw HTML block stood (in the body, a note, a quote). */
const blockTypes = new Set<string>(['paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'table', 'code', 'containerDirective', 'leafDirective'])

function isBlockContent(node: RootContent): node is BlockContent {
  return blockTypes.has(node.type)
}

/** `<sup>`, `</sup>`, `<sup id="fnref:1">`; bounded (a tag is short), so a run of unclosed `<sup ` costs no more than its length. */
const supTag = /<\/?sup(?:\s[^>]{0,200})?>/i
const supTags = new RegExp(supTag.source, 'gi')
/** Bounded (a tag is short), so a run of unclosed `<a ` costs no more than its length. */
const callLinks = /<sup(?:\s[^>]{0,200})?>\s*<a\s[^>]{0,200}>|<\/a>\s*<\/sup>|<a\s[^>]{0,200}>\s*<sup(?:\s[^>]{0,200})?>|<\/sup>\s*<\/a>|<a\s(?![^>]{0,200}href)[^>]{0,200}>\s*<\/a>|<a\s[^>]{0,200}href="#[^"]{0,200}"[^>]{0,200}>(?=\[?\d{1,4}\]?<\/a>)|(?<=<a\s[^>]{0,200}href="#[^"]{0,200}"[^>]{0,200}>\[?\d{1,4}\]?)<\/a>/gi
/** A number linked into the page alone (`<a href="#fn1">[1]</a>`), bounded. */
const pageLinkCall = /<a\s[^>]{0,200}href="#[^"]{0,200}"[^>]{0,200}>\[?\d{1,4}\]?<\/a>/i
/** The target of a number linked into the page (`(#note-1)` of `[1](#note-1)`), bounded. */
const linkCallTarget = /(?<=\[\[?\d{1,4}\]?\]|\[[\^↩↑]\])\(#[^\s()]{1,200}\)/u
const linkCallTargets = new RegExp(linkCallTarget.source, 'gu')
const definition = /^\[\^[^\]\s]{1,40}\]:/gm
const reference = /\[\^[^\]\s]{1,40}\](?!:)/g
/** Pandoc's inline note `^[…]`. */
const inlineNote = /\^\[/g

export const markdownFootnotes: Convention = {
  name: 'markdown-footnotes',
  score(context) {
    const inline = context.text.match(inlineNote)?.length ?? 0
    const definitions = context.text.match(definition)?.length ?? 0
    // A raw HTML notes block (Hugo, Jekyll, pandoc) and its calls: the Markdown's own notes.
    if (definitions === 0 && inline === 0) return htmlNotesCount(context.text)
    return Math.min(definitions, context.text.match(reference)?.length ?? 0) + inline
  },
  extract(context) {
    // TOML front matter is read apart; the fences of pandoc's divs are markup (both kept blank, so offsets hold).
    const fenced = withoutDivFences(context.text)
    const toml = tomlFrontMatter(fenced)
    const read = toml?.text ?? fenced
    const {text, prefixed} = prefixLazyLines(read)
    const tree = parseSourceMarkdown(text)
    restorePositions(tree, prefixed)
    if (toml) tree.children.unshift({type: 'code', lang: 'toml', value: toml.value})
    // A raw HTML notes block (Hugo, Jekyll, pandoc) read as notes: its tags are markup, not words.
    const block = htmlNotesAsFootnotes(tree, read)
    const source = block ? blankRange(fenced, block.start, block.end) : fenced
    let witness = block ? `${decodedReferences(source, tree) ?? source}\n${block.text}` : (decodedReferences(source, tree) ?? (fenced === context.text ? undefined : fenced))
    // Front matter is not the work, but its words must stay: kept in the apparatus, as removed.
    tree.children = tree.children.map((node, index): RootContent => {
      const matter = node.type === 'yaml' || (index === 0 && toml !== undefined && node.type === 'code' && node.lang === 'toml')
      if (!matter) return node
      return {type: 'containerDirective', name: directive.removed, attributes: {rule: 'front-matter' satisfies RemovalRule}, children: [{type: 'code', lang: node.type === 'yaml' ? 'yaml' : 'toml', value: node.value}]}
    })
    // Raw HTML in a source is text, as in plain-text sources: the annotated Markdown then never
    // carries markup to pandoc or a reader. It is read again as Markdown with its brackets
    // escaped (but for footnote calls), so it is what the pivot itself would make of that text
    // and round-trips.
    // `<sup>1</sup>` calls become references: their tags are markup, not words of the text.
    if ((block !== undefined || endnotesAsFootnotes(tree)) && (supTag.test(context.text) || linkCallTarget.test(context.text) || pageLinkCall.test(context.text))) {
      // So are the links around or inside them, the targets of calls linked into the page
      // (`[1](#note-1)`), and the empty anchors the notes are linked to.
      const blank = (tag: string) => ' '.repeat(tag.length)
      witness = (witness ?? context.text).replace(linkCallTargets, blank).replace(callLinks, blank).replace(supTags, blank)
    }
    const defined = new Set<string>()
    visit(tree, 'footnoteDefinition', (node) => {
      defined.add(node.identifier)
    })
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return undefined
      const blocks = htmlAsText(node.value, defined)
      if (!phrasingParents.has(parent.type)) {
        const flow = blocks.filter(isBlockContent)
        parent.children.splice(index, 1, ...flow)
        return index + flow.length
      }
      const phrasing = blocks.flatMap((block) => (block.type === 'paragraph' ? block.children : [{type: 'text', value: toString(block)} satisfies Text]))
      parent.children.splice(index, 1, ...phrasing)
      return index + phrasing.length
    })
    joinBrokenAddresses(tree)
    callsInImages(tree, defined, context.text)
    callsInNotesAsText(tree, context.file)
    inlineNotes(tree)
    return witness === undefined ? {tree} : {tree, witness}
  }
}

/** A character reference, and a backslash that escapes it. */
const characterReference = /(\\?)&(?:[A-Za-z][A-Za-z\d]{1,31}|#\d{1,7}|#[Xx][\dA-Fa-f]{1,6});/g

/**
 * The source with its character references (`caf&eacute;`) read as the one character they are
 * markup for, as the tree has them: the words the conservation check must find (`café`, where
 * the reference alone would cut `caf` off). References the parser keeps as written, in code, in
 * front matter or escaped, are left so.
 */
function decodedReferences(text: string, tree: Root): string | undefined {
  if (!text.includes('&')) return undefined
  const literal: Array<[number, number]> = []
  visit(tree, (node) => {
    if (node.type !== 'code' && node.type !== 'inlineCode' && node.type !== 'yaml') return undefined
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) literal.push([start, end])
    return 'skip'
  })
  const decoded = new Map<string, string>()
  let range = 0
  let changed = false
  const witness = text.replace(characterReference, (match: string, escape: string, offset: number) => {
    if (escape !== '') return match
    while (range < literal.length && (literal[range]?.[1] ?? 0) <= offset) range++
    if ((literal[range]?.[0] ?? Infinity) <= offset) return match
    let value = decoded.get(match)
    if (value === undefined) {
      const [paragraph] = parseSourceMarkdown(match).children
      value = paragraph?.type === 'paragraph' ? toString(paragraph) : match
      decoded.set(match, value)
    }
    changed ||= value !== match
    return value
  })
  return changed ? witness : undefined
}

/** A call in an image's description; group 1 is the label. */
const imageCall = /\[\^([^\]\s]{1,40})\]/g

/**
 * A call in an image's description (`![The harbour in 1890[^2]](harbour.png)`, a caption to
 * pandoc) is a call, which the description (plain text) cannot hold: it stands right after the
 * image.
 */
function callsInImages(tree: Root, defined: ReadonlySet<string>, source: string): void {
  visit(tree, 'image', (image, index, parent) => {
    const start = image.position?.start.offset
    const end = image.position?.end.offset
    if (!parent || index === undefined || start === undefined || end === undefined) return undefined
    const written = source.slice(start, end)
    const labels = [...written.matchAll(imageCall)].map((match) => match[1] ?? '').filter((label) => defined.has(label.toUpperCase().toLowerCase()))
    if (labels.length === 0) return undefined
    const references = labels.map((label): PhrasingContent => ({type: 'footnoteReference', identifier: label.toUpperCase().toLowerCase(), label}))
    ;(parent.children as PhrasingContent[]).splice(index + 1, 0, ...references)
    return index + 1 + references.length
  })
}

/**
 * A call inside a note is text, as pandoc reads it: notes do not nest. Left as a call, one at
 * the start of a line followed by a colon (a citation, a directive) would read back as a
 * definition, `[^1]:cite[…]`, which no escape can prevent.
 */
function callsInNotesAsText(tree: Root, file: VFile): void {
  visit(tree, 'footnoteDefinition', (note) => {
    visit(note, 'footnoteReference', (call, index, parent) => {
      if (!parent || index === undefined) return undefined
      const label = call.label ?? call.identifier
      report(file, 'note-in-note', `Unexpected reference \`[^${label}]\` inside note \`[^${note.label ?? note.identifier}]\`, expected references in the text only`, call.position?.start)
      const before = parent.children[index - 1]
      const after = parent.children[index + 1]
      // One text node, as the parser makes of the written `\[^1]`: the tree round-trips.
      let value = `[^${label}]`
      let start = index
      let count = 1
      if (before?.type === 'text') {
        value = before.value + value
        start--
        count++
      }
      if (after?.type === 'text') {
        value += after.value
        count++
      }
      const first = parent.children[start]
      const last = parent.children[start + count - 1]
      const position = first?.position && last?.position ? {start: first.position.start, end: last.position.end} : undefined
      parent.children.splice(start, count, {type: 'text', value, position})
      return start + 1
    })
  })
}

/** Footnote calls in raw HTML's text (a paragraph glued to a closing tag); group 1 is the label. */
const htmlCall = /\[\^([^\]\s]{1,40})\](?!:)/g

/**
 * Raw HTML read as text: escaped but for its footnote calls, which stay calls (the parser makes
 * a call only of a defined label, so each gets a stand-in definition, left out again).
 */
function htmlAsText(value: string, defined: ReadonlySet<string>): RootContent[] {
  // Only a call of a note the document defines outside the HTML stays a call.
  // As mdast-util-from-markdown makes identifiers (labels here hold no white space).
  const isDefined = (label: string) => defined.has(label.toUpperCase().toLowerCase())
  const labels = new Set([...value.matchAll(htmlCall)].map((match) => match[1] ?? '').filter(isDefined))
  const text = withoutTrailingNewlines(value)
  const escaped = text.replace(/[\\<[]/g, (found, offset: number) => {
    const call = found === '[' ? /^\[\^([^\]\s]{1,40})\](?!:)/.exec(text.slice(offset, offset + 44)) : null
    return call?.[1] !== undefined && isDefined(call[1]) ? found : `\\${found}`
  })
  const definitions = [...labels].map((label) => `\n\n[^${label}]: -`).join('')
  return parseSourceMarkdown(escaped + definitions).children.filter((node) => node.type !== 'footnoteDefinition')
}

/**
 * Pandoc's inline notes, `text^[the note]`: the parser leaves them as text (GFM has none), so
 * the bracketed run after `^` becomes a note of its own, numbered after the document's labels.
 */
function inlineNotes(tree: Root): void {
  const used = new Set<string>()
  visit(tree, 'footnoteDefinition', (node) => {
    used.add(node.identifier)
  })
  let next = 1
  const definitions: FootnoteDefinition[] = []
  visit(tree, (node) => {
    if (!('children' in node)) return undefined
    const parent = node as Parents
    for (let index = 0; index < parent.children.length; index++) {
      const child = parent.children[index]
      if (child?.type !== 'text') continue
      const open = child.value.indexOf('^[')
      if (open === -1) continue
      const close = closingBracket(parent.children as PhrasingContent[], index, open + 2)
      if (!close) continue
      while (used.has(String(next))) next++
      const label = String(next++)
      used.add(label)
      const inner: PhrasingContent[] = []
      const last = parent.children[close.index] as Text
      if (close.index === index) inner.push({type: 'text', value: child.value.slice(open + 2, close.offset)})
      else {
        const head = child.value.slice(open + 2)
        if (head !== '') inner.push({type: 'text', value: head})
        inner.push(...(parent.children.slice(index + 1, close.index) as PhrasingContent[]))
        const tail = last.value.slice(0, close.offset)
        if (tail !== '') inner.push({type: 'text', value: tail})
      }
      const before = child.value.slice(0, open)
      const after = last.value.slice(close.offset + 1)
      const replacement: PhrasingContent[] = []
      if (before !== '') replacement.push({type: 'text', value: before})
      replacement.push({type: 'footnoteReference', identifier: label, label})
      if (after !== '') replacement.push({type: 'text', value: after})
      ;(parent.children as PhrasingContent[]).splice(index, close.index - index + 1, ...replacement)
      definitions.push({type: 'footnoteDefinition', identifier: label, label, children: [{type: 'paragraph', children: inner}]})
      // Go on with the text after the call (it may hold another inline note).
      index += before === '' ? 0 : 1
    }
    return undefined
  })
  tree.children.push(...definitions)
}

/** The `]` that closes a bracket opened in `children[from]` before `offset`: brackets nest, in text nodes only. */
function closingBracket(children: readonly PhrasingContent[], from: number, offset: number): {index: number; offset: number} | undefined {
  let depth = 1
  for (let index = from; index < children.length; index++) {
    const child = children[index]
    if (child?.type !== 'text') continue
    for (let position = index === from ? offset : 0; position < child.value.length; position++) {
      const character = child.value[position]
      if (character === '[') depth++
      else if (character === ']' && --depth === 0) return {index, offset: position}
    }
  }
  return undefined
}

function withoutTrailingNewlines(value: string): string {
  let end = value.length
  while (end > 0 && value[end - 1] === '\n') end--
  return value.slice(0, end)
}
