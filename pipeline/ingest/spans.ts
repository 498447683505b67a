/**
 * The intermediate model between raw text and mdast: body lines and notes as runs of spans.
 * Text spans keep the offset of their first character in the decoded source, so every later
 * repair can report a position and record the original reading.
 */
import type {directive, EmendationRule, RemovalRule} from '../shared/annotations.js'

/** Spans become nodes of the same name: `:emend`, `:removed`, `:boundary`. */
export type Span =
  | {type: 'text'; value: string; offset?: number}
  /** A note reference; `raw` is the marker as printed. */
  | {type: 'ref'; label: string; raw: string; offset: number}
  | {type: typeof directive.emend; corrected: string; orig: string; rule: EmendationRule; reason?: string; offset?: number}
  | {type: typeof directive.removed; value: string; rule: RemovalRule; offset?: number}
  /** A line break kept inside a block (title pages, addresses). */
  | {type: 'break'}
  /** Where the editor moved a note boundary (sidecar `overrides.notes`); `note` names the note moved from, split from or merged in. */
  | {type: typeof directive.boundary; change: BoundaryChange; note: string; reason: string}

/** The kinds of note boundary change an editor can make. */
export type BoundaryChange =
  /** In a note: body text that the source prints in the note was taken out here. */
  | 'to-body'
  /** In the body: text printed as part of note `note` starts here. */
  | 'from-note'
  /** At the start of a note split off note `note`. */
  | 'split'
  /** In a note: note `note` continues it from here. */
  | 'merge'

/** One line of body text (after the convention took its markers out). */
export interface Line {
  spans: Span[]
  /** Offset of the line start in the source. */
  offset: number
  /** True when a blank line (or a note block) precedes it. */
  blankBefore: boolean
}

/** One note as found in the source. */
export interface NoteDraft {
  label: string
  offset: number
  paragraphs: Span[][]
}

/** What a line-based convention hands to the shared structure step. */
export interface Extraction {
  lines: Line[]
  notes: NoteDraft[]
  /** True when every line is a paragraph (Word exports); decided from the text when absent. */
  paragraphPerLine?: boolean
  /**
   * The source with the words of note wrappers blanked (`[Footnote 3: …]` → `[         3: …]`):
   * syntax the Markdown replaces, as `[^3]:` replaces it, which the conservation check excuses.
   */
  witness?: string
}

/** The text of spans as it reads after repairs (corrected readings, removed text left out). */
export function readingOf(spans: readonly Span[]): string {
  let out = ''
  for (const span of spans) {
    if (span.type === 'text') out += span.value
    else if (span.type === 'emend') out += span.corrected
    else if (span.type === 'break') out += '\n'
  }
  return out
}

/** A text span for `value` at `offset`, or nothing when empty. */
export function textSpan(value: string, offset: number | undefined): Span[] {
  return value === '' ? [] : [{type: 'text', value, offset}]
}

/**
 * Split the text spans of a run at every match of `pattern` (a global regex) and let `make`
 * turn the match into spans. Other spans pass through unchanged.
 */
export function replaceInText(
  spans: readonly Span[],
  pattern: RegExp,
  make: (match: RegExpExecArray, offset: number | undefined) => Span[] | undefined
): Span[] {
  const out: Span[] = []
  for (const span of spans) {
    if (span.type !== 'text') {
      out.push(span)
      continue
    }
    pattern.lastIndex = 0
    let last = 0
    let match: RegExpExecArray | null
    while ((match = pattern.exec(span.value))) {
      if (match[0] === '') {
        pattern.lastIndex++
        continue
      }
      const at = span.offset === undefined ? undefined : span.offset + match.index
      const made = make(match, at)
      if (!made) continue
      out.push(...textSpan(span.value.slice(last, match.index), span.offset === undefined ? undefined : span.offset + last))
      out.push(...made)
      last = match.index + match[0].length
    }
    out.push(...textSpan(span.value.slice(last), span.offset === undefined ? undefined : span.offset + last))
  }
  return out
}
