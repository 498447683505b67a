/**
 * A second note convention in one text: symbol notes (`*`, `†` …) beside numbered ones, as a
 * translator or editor adds notes to an author's. After the text's own convention has taken
 * its notes, the body lines it left are searched for symbol notes, on the same evidence as the
 * symbol-notes convention: a paragraph opening with a mark, paired with the nearest unpaired
 * reference of that mark glued to a word before it.
 */
import type {VFile} from 'vfile'
import {report} from '../rules.js'
import type {Locate} from '../location.js'
import type {Extraction, Line, NoteDraft, Span} from '../spans.js'
import {anyLetterReference, isLetter, letterStart, nextLetter, noteStart, noteSymbols, referenceRaw, referencesIn} from './symbol-notes.js'

interface Found {
  line: Line
  span: number
  /** Index of the mark in the span's value. */
  index: number
  mark: string
  /** The reference as printed (the mark, maybe closed by `)`). */
  raw: string
}

interface Plan {
  taken: Map<Found, NoteDraft>
  noteLines: Set<Line>
  notes: NoteDraft[]
  /** Each note's mark as printed. */
  marks: Map<NoteDraft, string>
}

/** Add the symbol notes of `extraction`'s body lines to its notes (in place); returns how many. */
export function addSymbolNotes(extraction: Extraction, file: VFile, locate: Locate): number {
  const {lines} = extraction
  const marked = lines.some((line) => line.spans.some((span) => span.type === 'text' && /[*†‡§‖¶]|\|\|/u.test(span.value)))
  const lettered = lines.some((line) => line.spans.some((span) => span.type === 'text' && anyLetterReference.test(span.value)))
  if (!marked && !lettered) return 0
  // Paragraphs: a line with a blank line before it starts one.
  const paragraphs: Line[][] = []
  for (const line of lines) {
    if (line.blankBefore || paragraphs.length === 0) paragraphs.push([line])
    else paragraphs[paragraphs.length - 1]?.push(line)
  }
  let planned = lettered ? plan(paragraphs, true) : undefined
  // Letter notes only where the text calls at least `a` and `b` (a letter is a word too).
  const letters = new Set(planned?.marks.values())
  if (!planned || !letters.has('a') || !letters.has('b')) planned = plan(paragraphs, false)
  const {taken, noteLines, notes, marks} = planned
  for (const note of notes) {
    const mark = marks.get(note) ?? ''
    report(file, 'second-convention', `Unexpected ${isLetter(mark) ? 'letter' : 'symbol'} note \`${mark}\` beside the text's own notes, expected one note convention; read as a second set of notes`, locate(note.offset))
  }
  if (notes.length === 0) return 0
  // Each reference becomes a call, splitting its text span (the last in a span first).
  const position = new Map(lines.map((line, index) => [line, index]))
  const calls = [...taken].sort(([a], [b]) => (position.get(a.line) ?? 0) - (position.get(b.line) ?? 0) || b.span - a.span || b.index - a.index)
  for (const [found, note] of calls) {
    const span = found.line.spans[found.span]
    if (span?.type !== 'text') continue
    const at = (delta: number) => (span.offset === undefined ? undefined : span.offset + delta)
    const before = span.value.slice(0, found.index)
    const after = span.value.slice(found.index + found.raw.length)
    const replacement: Span[] = []
    if (before !== '') replacement.push({type: 'text', value: before, offset: span.offset})
    replacement.push({type: 'ref', label: note.label, raw: found.raw, offset: at(found.index) ?? note.offset})
    if (after !== '') replacement.push({type: 'text', value: after, offset: at(found.index + found.raw.length)})
    found.line.spans.splice(found.span, 1, ...replacement)
  }
  extraction.lines = lines.filter((line) => !noteLines.has(line))
  // A paragraph the notes stood after keeps its place; the one after them starts anew.
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    if (line && noteLines.has(line)) {
      const next = lines[index + 1]
      if (next && !noteLines.has(next)) next.blankBefore = true
    }
  }
  extraction.notes.push(...notes)
  return notes.length
}

/**
 * Which paragraphs are notes and which references call them: a paragraph opening with a mark
 * (with `letters`, or a letter, its lines parted where the next letter opens one) where a
 * reference of that mark waits before it.
 */
function plan(paragraphs: readonly Line[][], letters: boolean): Plan {
  const waiting = new Map<string, Found[]>()
  const taken = new Map<Found, NoteDraft>()
  const noteLines = new Set<Line>()
  const notes: NoteDraft[] = []
  const counts = new Map<string, number>()
  const marks = new Map<NoteDraft, string>()
  for (const paragraph of letters ? paragraphs.flatMap((lines) => letterParts(lines)) : paragraphs) {
    const first = paragraph[0]
    const head = first?.spans[0]
    const reading = head?.type === 'text' ? head.value.trimStart() : ''
    const start = head?.type === 'text' ? (noteStart.exec(reading) ?? (letters ? letterStart.exec(reading) : null)) : null
    // Only true marks here: a misread one (`t`) is a word of the text, which this pass must not take.
    const mark = start?.[1] ?? ''
    const call = start && (noteSymbols.has(mark) || isLetter(mark)) ? waiting.get(mark)?.at(-1) : undefined
    // A paragraph that calls notes itself is text: notes do not nest.
    const calls = paragraph.some((line) => line.spans.some((span) => span.type === 'ref'))
    if (first && head?.type === 'text' && start && call && !calls) {
      waiting.get(mark)?.pop()
      // References of this mark before the one taken had no note on their page.
      waiting.set(mark, [])
      const count = (counts.get(mark) ?? 0) + 1
      counts.set(mark, count)
      const skip = head.value.length - head.value.trimStart().length + start[0].length
      const rest = head.value.slice(skip)
      const spans: Span[] = [...(rest === '' ? [] : [{type: 'text' as const, value: rest, offset: head.offset === undefined ? undefined : head.offset + skip}]), ...first.spans.slice(1)]
      for (const line of paragraph.slice(1)) spans.push({type: 'text', value: ' '}, ...line.spans)
      const note: NoteDraft = {label: `${isLetter(mark) ? mark : (noteSymbols.get(mark) ?? 'mark')}-${count}`, offset: first.offset, paragraphs: [spans]}
      taken.set(call, note)
      notes.push(note)
      marks.set(note, mark)
      for (const line of paragraph) noteLines.add(line)
      continue
    }
    for (const line of paragraph) {
      line.spans.forEach((span, index) => {
        if (span.type !== 'text') return
        for (const {index: at, mark, match} of referencesIn(span.value, letters)) {
          const found = {line, span: index, index: at, mark, raw: referenceRaw(span.value, match)}
          const list = waiting.get(mark)
          if (list) list.push(found)
          else waiting.set(mark, [found])
        }
      })
    }
  }
  return {taken, noteLines, notes, marks}
}

/** A paragraph of letter notes (`a …` then `b …` on the next line) in one part per note; any other paragraph whole. */
function letterParts(lines: readonly Line[]): Line[][] {
  const opening = (line: Line) => {
    const head = line.spans[0]
    return head?.type === 'text' ? letterStart.exec(head.value.trimStart())?.[1] : undefined
  }
  const first = lines[0]
  let letter = first ? opening(first) : undefined
  if (letter === undefined) return [[...lines]]
  const parts: Line[][] = [[]]
  for (const line of lines) {
    const next = opening(line)
    if (line !== first && next !== undefined && next === nextLetter(letter)) {
      parts.push([])
      letter = next
    }
    parts[parts.length - 1]?.push(line)
  }
  return parts
}
