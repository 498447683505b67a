/**
 * Readers for sources that are not plain text: each turns the bytes of one format (TEI XML,
 * HTML, Word) into the same mdast body the text conventions make, with notes as footnote
 * definitions and every change to wording as an `emend` or `removed` directive.
 */
import {docxReader} from './docx.js'
import {htmlReader} from './html.js'
import {teiReader} from './tei.js'
import type {Reader} from './types.js'

export type {Reader, ReadResult} from './types.js'

const readers: readonly Reader[] = [teiReader, htmlReader, docxReader]

/** The reader of a source by its extension; plain text and Markdown have none. */
export function readerFor(path: string): Reader | undefined {
  const dot = path.lastIndexOf('.')
  const extension = dot === -1 ? '' : path.slice(dot).toLowerCase()
  return readers.find((reader) => reader.extensions.includes(extension))
}
