/**
 * The annotated Markdown as the renderers read it: the pivot's reader (pipeline/markdown), with
 * the metadata the build wrote the front matter from when it gives it.
 */
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {parseInParts} from '../markdown/chunks.js'
import {annotatedMarkdown, parseDocument} from '../markdown/index.js'
import type {DocumentMeta} from '../shared/types/document.js'

const processor = annotatedMarkdown().freeze()

/**
 * Read a document: its tree without the front matter, its metadata, its file (for diagnostics).
 * `known` is the metadata the build wrote the front matter from, which then need not be read again.
 */
export function readDocument(text: string, path?: string, known?: DocumentMeta): {meta: DocumentMeta; tree: Root; file: VFile} {
  if (!known) return parseDocument(text, path)
  const file = new VFile({value: text, path})
  const tree = processor.runSync(parseInParts(text, (part) => processor.parse(part)), file) as Root
  // Without front matter the pivot's reader fails the file; its message is the one to give.
  if (tree.children[0]?.type !== 'yaml') return parseDocument(text, path)
  tree.children.shift()
  return {meta: known, tree, file}
}
