/**
 * Large Markdown read part by part. micromark keeps every event of a document until the whole
 * text is read, about twenty times the text's size, so a text of 50 MB would need more than a
 * gigabyte to parse at once. A text whose top level is plain blocks (paragraphs, headings,
 * directives, footnote definitions) is cut at blank lines where the block after the cut cannot
 * belong to the block before it, each part is parsed alone, and the trees are joined with their
 * positions moved to where the part stands in the whole text.
 *
 * Two things reach across blocks in Markdown: definitions and footnote definitions. A text
 * with link reference definitions, fenced code or HTML blocks is parsed whole. A footnote call
 * is a call only when its label is defined somewhere in the text: each part that calls a label
 * defined in another part is parsed with a one-line definition of that label appended, which
 * is dropped from its tree (the real definition is read in its own part).
 *
 * The joined tree is the one the whole text gives (tests/markdown compares them node for node).
 */
import type {Nodes, Root, RootContent} from 'mdast'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'

/** Characters of text per part: a smaller text is read whole, as before; a part costs about twenty times its size while it is read. */
const partSize = 1 << 18

interface Part {
  text: string
  /** Offset of the part's first character in the whole text. */
  offset: number
  /** Line of the part's first character, from 1. */
  line: number
}

/** A line that ends what came before it at the top level and starts a block of its own. */
const blockStart = /^[\p{L}#\\(“"'‘[*_]/u
/** A line at the top level that can continue or join the block before it even after a blank line. */
const joining = /^(?:\d{1,9}[.)](?:[ \t]|$)|[-+*](?:[ \t]|$)|[*_-](?:[ \t]*[*_-]){2,}[ \t]*$|[=-]+[ \t]*$|>|\||<|:)/u
/** What makes a text unsafe to cut: fenced code, HTML blocks, link reference definitions (not footnotes). */
const unsafe = /^ {0,3}(?:```|~~~|<[A-Za-z/!?]|\[(?!\^)(?:[^\]\\\n]|\\.)+\]:)/mu
const directiveFence = /^ {0,3}(:{3,})(.*)$/
const definitionLine = /^ {0,3}\[\^((?:[^\]\\\s]|\\.)(?:[^\]\\\n]|\\.)*)\]:/
const call = /\[\^((?:[^\]\\\s]|\\.)(?:[^\]\\\n]|\\.)*)\]/g

/**
 * Parse `text` with `parse`, in parts when it is larger than `size` and cut safely; `parse` reads
 * Markdown to a tree with positions. The front matter, if any, stays in the first part.
 */
export function parseInParts(text: string, parse: (text: string) => Root, size = partSize): Root {
  const parts = text.length > size ? cut(text, size) : undefined
  if (!parts || parts.length < 2) return parse(text)
  // Parts are cut at line starts, so the text's definitions are the union of the parts'.
  const owned = parts.map((part) => definedLabels(part.text))
  const defined = new Set(owned.flatMap((labels) => [...labels]))
  const children: RootContent[] = []
  for (const [at, part] of parts.entries()) {
    const own = owned[at]!
    const stubs = [...callsOf(part.text)].filter((label) => {
      const id = normalizeIdentifier(label).toLowerCase()
      return defined.has(id) && !own.has(id)
    })
    const suffix = stubs.map((label) => `\n\n[^${label}]: -`).join('')
    const tree = parse(suffix ? part.text + suffix : part.text)
    const nodes = stubs.length > 0 ? tree.children.slice(0, -stubs.length) : tree.children
    // A part that ends in an open construct would take the definitions in: read the text whole.
    const added = tree.children.slice(nodes.length)
    if (added.some((node, index) => node.type !== 'footnoteDefinition' || node.label !== stubs[index])) return parse(text)
    for (const node of nodes) shift(node, part)
    children.push(...nodes)
  }
  const end = lineEnd(text)
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end}}
}

/** The parts of `text` of about `size` characters, or undefined when it cannot be cut safely. */
export function cut(text: string, size: number): Part[] | undefined {
  if (unsafe.test(text)) return undefined
  const parts: Part[] = []
  let start = 0
  let startLine = 1
  let depth = 0
  let blank = false
  let offset = 0
  let line = 1
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset)
    const next = newline === -1 ? text.length : newline + 1
    const content = text.slice(offset, newline === -1 ? text.length : newline)
    if (content.trim() === '') blank = true
    else {
      if (blank && depth === 0 && offset - start >= size && blockStart.test(content) && !joining.test(content)) {
        parts.push({text: text.slice(start, offset), offset: start, line: startLine})
        start = offset
        startLine = line
      }
      const fence = directiveFence.exec(content)
      if (fence) depth = fence[2]!.trim() === '' ? Math.max(0, depth - 1) : depth + 1
      blank = false
    }
    offset = next
    line++
  }
  parts.push({text: text.slice(start), offset: start, line: startLine})
  return parts
}

function definedLabels(text: string): Set<string> {
  const labels = new Set<string>()
  for (const line of text.split('\n')) {
    const match = definitionLine.exec(line)
    if (match) labels.add(normalizeIdentifier(match[1]!).toLowerCase())
  }
  return labels
}

function callsOf(text: string): Set<string> {
  const labels = new Set<string>()
  for (const match of text.matchAll(call)) labels.add(match[1]!)
  return labels
}

/** Move the positions of `node` and its descendants from the part to the whole text. */
function shift(node: Nodes, part: Part): void {
  const position = node.position
  if (position) {
    for (const point of [position.start, position.end]) {
      if (point.offset !== undefined) point.offset += part.offset
      point.line += part.line - 1
    }
  }
  if ('children' in node) for (const child of node.children) shift(child, part)
}

function lineEnd(text: string): {line: number; column: number; offset: number} {
  let line = 1
  let last = -1
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    line++
    last = index
  }
  return {line, column: text.length - last, offset: text.length}
}
