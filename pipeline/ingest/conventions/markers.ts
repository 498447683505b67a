/** Split a line at note markers found by a global pattern whose group 1 is the note label. */
import type {Span} from '../spans.js'

export function splitMarkers(text: string, offset: number, pattern: RegExp, label: (match: RegExpExecArray) => string | undefined): Span[] {
  const out: Span[] = []
  let last = 0
  pattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text))) {
    const value = label(match)
    if (value === undefined) continue
    if (match.index > last) out.push({type: 'text', value: text.slice(last, match.index), offset: offset + last})
    out.push({type: 'ref', label: value, raw: match[0], offset: offset + match.index})
    last = match.index + match[0].length
  }
  if (last < text.length) out.push({type: 'text', value: text.slice(last), offset: offset + last})
  return out
}

/** Most notes one range of calls or one note's range of numbers stands for (`¹⁻³`, `[1–2]`, `1–2.`). */
const longestNoteRange = 4

/**
 * Do `first` and `last` bound a range of notes (`[1–2]`, `¹⁻³`)? Ascending, and short: a longer
 * span of numbers in brackets (`[12-15]`) is pages, not calls.
 */
export function isNoteRange(first: number, last: number): boolean {
  return last > first && last - first < longestNoteRange
}
