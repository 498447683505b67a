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
/** A number glued to a word or closing punctuation: a note call when the numbers run 1, 2, 3 … */
const glued = /(?<=[\p{L}.,;:!?’”"')\]])(\d{1,3})(?![\p{N}\p{L}])/gu
/** The same after one or two spaces, as OCR and web copies often leave them: a longer run is asked for. */
const spaced = /(?<=[\p{L}.,;:!?’”"')\]] {1,2})(\d{1,3})(?![\p{N}\p{L}.,])/gu
const minimumSpacedSequence = 8
const gluedOrSpaced = new RegExp(`${glued.source}|${spaced.source.replace('(\\d{1,3})', '(?<spaced>\\d{1,3})')}`, 'gu')

/** Fewest marks in sequence (1, 2, 3 …) that count as evidence of note calls. */
const minimumSequence = 3

/** The longest run 1, 2, 3 … of the numbers a pattern finds, in text order, and where it starts. */
function sequence(text: string, pattern: RegExp, value: (match: RegExpExecArray) => number): {length: number; offset: number} {
  let next = 1
  let offset = -1
  pattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text))) {
    if (value(match) !== next) continue
    if (next === 1) offset = match.index
    next++
  }
  return {length: next - 1, offset}
}

export function noteEvidence(text: string, lines: readonly RawLine[]): NoteEvidence[] {
  const out: NoteEvidence[] = []
  const blocks = text.match(blockOpener)?.length ?? 0
  if (blocks > 0) out.push({description: `${blocks} note block(s) like \`[Footnote 1: …]\``, offset: text.search(blockOpener)})
  const brackets = sequence(text, bracketed, (match) => Number(match[1]))
  if (brackets.length >= minimumSequence) out.push({description: `bracketed numbers [1] to [${brackets.length}] in sequence`, offset: brackets.offset})
  const superscripts = sequence(text, superscript, (match) => Number(fromSuperscript(match[0])))
  if (superscripts.length >= minimumSequence) out.push({description: `superscript numbers 1 to ${superscripts.length} in sequence`, offset: superscripts.offset})
  const gluedDigits = sequence(text, glued, (match) => Number(match[1]))
  const spacedDigits = sequence(text, gluedOrSpaced, (match) => Number(match[1] ?? match.groups?.spaced))
  if (gluedDigits.length >= minimumSequence && gluedDigits.length >= spacedDigits.length) {
    out.push({description: `numbers 1 to ${gluedDigits.length} glued to words in sequence (like \`word.1\`)`, offset: gluedDigits.offset})
  } else if (spacedDigits.length >= minimumSpacedSequence) {
    out.push({description: `numbers 1 to ${spacedDigits.length} after words in sequence (like \`word.1\` or \`word, 2\`)`, offset: spacedDigits.offset})
  }
  const heading = lines.find((line) => isNotesHeading(line.text))
  if (heading) out.push({description: `a notes heading \`${heading.text.trim()}\``, offset: heading.offset})
  return out
}
