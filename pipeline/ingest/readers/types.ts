/** What a reader of one source format gives back: the shapes every reader and their caller share. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {NoteConvention, SourceInput} from '../../shared/types/document.js'

/** What the source's own metadata says (a TEI header, an HTML head, Word's core properties). */
export interface SourceMetadata {
  title?: string
  authors?: string[]
  date?: string
  language?: string
}

export interface ReadResult {
  /** The body, then footnote definitions, as the text conventions make it. */
  tree: Root
  convention: NoteConvention
  /** The source as text: what diagnostics' positions refer to (the decoded XML or HTML, Word's text). */
  text: string
  /**
   * The words of the work, markup left out: the conservation check finds each of them in the
   * annotated Markdown (element and attribute names are not words of the text).
   */
  witness: string
  metadata?: SourceMetadata
}

export interface Reader {
  /** Lower-case extensions with the dot, e.g. `.xml`. */
  extensions: readonly string[]
  /**
   * Read a source; `undefined` when it cannot be read at all, with a fatal diagnostic on
   * `file`. Never throws on bad input: a malformed file is a positioned diagnostic.
   */
  read(input: SourceInput, file: VFile): ReadResult | undefined
}
