/** The interface every note convention implements: a new convention is one new module. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {NoteConvention} from '../../shared/types/document.js'
import type {RawLine} from '../lines.js'
import type {Locate} from '../location.js'
import type {Vocabulary} from '../repair/vocabulary.js'
import type {Extraction} from '../spans.js'

export interface ConventionContext {
  text: string
  lines: readonly RawLine[]
  file: VFile
  locate: Locate
  vocabulary: Vocabulary
  /** Indices of the lines that were page furniture (blank in `lines`): where pages break. */
  pageBreaks?: ReadonlySet<number>
}

/** A finished tree (Markdown), and the source as its words must survive when that is not the text. */
export interface MarkdownExtraction {
  tree: Root
  witness?: string
}

export interface Convention {
  name: NoteConvention
  /**
   * Evidence that the text follows this convention: roughly the number of references and
   * notes that fit it; 0 when it does not apply. Must be linear in the length of the text.
   */
  score(context: ConventionContext): number
  /** Body lines with note references as spans, and the notes; or a finished tree (Markdown). */
  extract(context: ConventionContext): Extraction | MarkdownExtraction
}
