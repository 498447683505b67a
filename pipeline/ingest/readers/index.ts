/**
 * Readers for sources that are not plain text: each turns the bytes of one format (TEI XML,
 * HTML, Word) into the same mdast body the text conventions make, with notes as footnote
 * definitions and every change to wording as an `emend` or `removed` directive.
 *
 * A reader's module (and its XML, HTML or zip parser) is loaded when a source of its kind is
 * first read (`loadReader`): a build of text sources loads none of them.
 */
import {readerExtensions, type Reader} from './types.js'

export type {Reader, ReadResult, SourceMetadata} from './types.js'

interface Kind {
  extensions: readonly string[]
  load: () => Promise<Reader>
  reader?: Reader
}

const kinds: readonly Kind[] = [
  {extensions: readerExtensions.tei, load: async () => (await import('./tei.js')).teiReader},
  {extensions: readerExtensions.html, load: async () => (await import('./html.js')).htmlReader},
  {extensions: readerExtensions.docx, load: async () => (await import('./docx.js')).docxReader}
]

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.')
  return dot === -1 ? '' : path.slice(dot).toLowerCase()
}

const kindOf = (path: string): Kind | undefined => kinds.find((kind) => kind.extensions.includes(extensionOf(path)))

/** Load the reader of a source by its extension (none for plain text and Markdown), for `readerFor`. */
export async function loadReader(path: string): Promise<void> {
  const kind = kindOf(path)
  if (kind) kind.reader ??= await kind.load()
}

/** Load every reader, for callers that read sources of any kind without loading each first. */
export async function loadReaders(): Promise<void> {
  for (const kind of kinds) kind.reader ??= await kind.load()
}

/**
 * The reader of a source by its extension; plain text and Markdown have none. It must have been
 * loaded (`loadReader`, `loadReaders`): reading a markup source as text would be wrong output.
 */
export function readerFor(path: string): Reader | undefined {
  const kind = kindOf(path)
  if (!kind) return undefined
  if (!kind.reader) throw new Error(`The reader of \`${extensionOf(path)}\` sources is not loaded (loadReader)`)
  return kind.reader
}
