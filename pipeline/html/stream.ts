/**
 * Pages as large as the edition (the bibliography, the archival index) are written part by
 * part, never held as one tree and one string: the page is a tree with a slot, and the slot is
 * filled with the HTML of the parts as they are made. hast-util-to-html serializes an element
 * the same alone as inside its parent (outside `script`, `style` and `svg`), so the text is
 * the one the whole tree would give.
 */
import type {Comment, Nodes} from 'hast'
import {toHtml} from 'hast-util-to-html'

/** Where parts go: a tree given to `fill` holds one slot for each run of parts. */
export const slot: Comment = {type: 'comment', value: 'apparatus-slot'}

const slotHtml = toHtml(slot)

/** Characters of HTML gathered before a part is handed on (one write each). */
const chunkSize = 1 << 16

/** The HTML of `tree` with the HTML of each run of `parts` in place of its slots, in order. */
export function* fill(tree: Nodes, ...parts: Array<Iterable<string>>): Generator<string> {
  const pieces = toHtml(tree).split(slotHtml)
  if (pieces.length !== parts.length + 1) throw new Error(`Expected a tree with ${parts.length} slots, found ${pieces.length - 1}`)
  for (const [index, piece] of pieces.entries()) {
    yield piece
    if (index < parts.length) yield* parts[index]!
  }
}

/** The HTML of nodes made one by one, in chunks of about 64 KB. */
export function serialize(nodes: Iterable<Nodes>): Generator<string> {
  return chunked(htmlOf(nodes))
}

/** Small parts joined into chunks of about 64 KB. */
export function* chunked(parts: Iterable<string>): Generator<string> {
  let chunk = ''
  for (const part of parts) {
    chunk += part
    if (chunk.length >= chunkSize) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}

function* htmlOf(nodes: Iterable<Nodes>): Generator<string> {
  for (const node of nodes) yield toHtml(node)
}

/** Nodes beyond which an element's HTML is made child by child. */
const manyNodes = 256

/** The number of nodes in `node`'s tree, counted up to `limit + 1`. */
function size(node: Nodes, limit: number): number {
  let count = 1
  if ('children' in node) {
    for (const child of node.children as Nodes[]) {
      count += size(child, limit - count)
      if (count > limit) break
    }
  }
  return count
}

/**
 * The HTML of a whole page in chunks of about 64 KB, equal to `toHtml(tree)`: an element with
 * many descendants (a long document's text) is serialized around a slot, and its children one by
 * one, so the page is never held as one string with all the pieces it is joined from.
 */
export function pageHtml(tree: Nodes): Generator<string> {
  return chunked(piecesOf(tree))
}

function* piecesOf(node: Nodes): Generator<string> {
  if (!('children' in node) || (node.type === 'element' && rawText.has(node.tagName))) {
    yield toHtml(node)
    return
  }
  const children = node.children as Nodes[]
  if (size(node, manyNodes) <= manyNodes) {
    yield toHtml(node)
    return
  }
  const [open, close] = toHtml({...node, children: [slot]} as Nodes).split(slotHtml)
  yield open!
  for (const child of children) yield* piecesOf(child)
  yield close!
}

/** Elements whose content hast-util-to-html serializes by the element (not child by child). */
const rawText = new Set(['script', 'style', 'svg', 'math', 'textarea', 'title', 'noscript', 'template'])
