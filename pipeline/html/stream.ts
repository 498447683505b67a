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
