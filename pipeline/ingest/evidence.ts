/**
 * What looks like notes in a text where no convention found any: note blocks, bracketed or
 * superscript numbers, digits glued to words in sequence, a notes heading. A text with such
 * marks and no notes gets a warning naming them, never a silent 0.
 */
import {blockWords} from './conventions/footnote-blocks.js'
import {fromSuperscript, isNotesHeading} from './conventions/notes-section.js'
import type {RawLine} from './lines.js'

export interface NoteEvidence {
  /** What was seen, e.g. "12 note blocks like `[Footnote 1: …]`". */
  description: string
  /** Offset of the first such mark. */
  offset: number
}

const blockOpener = new RegExp(String.raw`\[(?:${blockWords.join('|')})\s*[^\]:\s]{0,12}\s*:`, 'gi')
const bracketed = /\[(\d{1,3})\]/g
const superscript = /[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]*/gu
/**
 * A number glued to a word or closing punctuation: a note call when the numbers run 1, 2, 3 …
 * (The lookahead of a digit says what the pattern says: the lookbehind is tried only there.)
 */
const glued = /(?=\d)(?<=[\p{L}.,;:!?’”"')\]])(\d{1,3})(?![\p{N}\p{L}])/gu
/** The same after one or two spaces, as OCR and web copies often leave them: a longer run is asked for. */
const spaced = /(?=\d)(?<=[\p{L}.,;:!?’”"')\]] {1,2})(\d{1,3})(?![\p{N}\p{L}.,])/gu
const minimumSpacedSequence = 8
const gluedOrSpaced = new RegExp(`${glued.source}|${spaced.source.replace('(\\d{1,3})', '(?<spaced>\\d{1,3})')}`, 'gu')

/** Fewest marks in sequence (1, 2, 3 …) that count as evidence of note calls; one more for a run from a later number (an excerpt's 12, 13, 14 …). */
const minimumSequence = 3

interface Run {
  first: number
  length: number
  /** Offset of the run's first mark. */
  offset: number
}

/**
 * The longest run n, n + 1, n + 2 … of the numbers a pattern finds, in text order (other
 * numbers may come between), and where it starts; a run from 1 is preferred to a longer run
 * from a later number only where that is not long enough to count.
 */
function sequence(text: string, pattern: RegExp, value: (match: RegExpExecArray) => number): Run {
  // Runs under way, by the number each waits for next.
  const waiting = new Map<number, Run>()
  let best: Run = {first: 1, length: 0, offset: -1}
  let fromOne: Run = best
  pattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text))) {
    const number = value(match)
    if (!(number > 0)) continue
    const run = waiting.get(number)
    if (run) waiting.delete(number)
    // A number that no run waits for starts one (a later 1 starts a fresh run from 1 only when none is under way).
    const extended: Run = run ? {...run, length: run.length + 1} : {first: number, length: 1, offset: match.index}
    if (!waiting.has(number + 1) || (waiting.get(number + 1)?.length ?? 0) < extended.length) waiting.set(number + 1, extended)
    if (extended.first === 1 && extended.length > fromOne.length) fromOne = extended
    if (extended.length > best.length) best = extended
  }
  return fromOne.length >= minimumSequence || best.length < minimumSequence + 1 ? fromOne : best
}

/** `1 to 3`, `12 to 15`. */
function span(run: Run): string {
  return `${run.first} to ${run.first + run.length - 1}`
}

export function noteEvidence(text: string, lines: readonly RawLine[]): NoteEvidence[] {
  const out: NoteEvidence[] = []
  const blocks = text.match(blockOpener)?.length ?? 0
  if (blocks > 0) out.push({description: `${blocks} note block(s) like \`[Footnote 1: …]\``, offset: text.search(blockOpener)})
  const brackets = sequence(text, bracketed, (match) => Number(match[1]))
  if (brackets.length >= minimumSequence) out.push({description: `bracketed numbers [${brackets.first}] to [${brackets.first + brackets.length - 1}] in sequence`, offset: brackets.offset})
  const superscripts = sequence(text, superscript, (match) => Number(fromSuperscript(match[0])))
  if (superscripts.length >= minimumSequence) out.push({description: `superscript numbers ${span(superscripts)} in sequence`, offset: superscripts.offset})
  const gluedDigits = sequence(text, glued, (match) => Number(match[1]))
  const spacedDigits = sequence(text, gluedOrSpaced, (match) => Number(match[1] ?? match.groups?.spaced))
  if (gluedDigits.length >= minimumSequence && gluedDigits.length >= spacedDigits.length) {
    out.push({description: `numbers ${span(gluedDigits)} glued to words in sequence (like \`word.1\`)`, offset: gluedDigits.offset})
  } else if (spacedDigits.length >= minimumSpacedSequence) {
    out.push({description: `numbers ${span(spacedDigits)} after words in sequence (like \`word.1\` or \`word, 2\`)`, offset: spacedDigits.offset})
  }
  const heading = lines.find((line) => isNotesHeading(line.text))
  if (heading) out.push({description: `a notes heading \`${heading.text.trim()}\``, offset: heading.offset})
  return out
}
