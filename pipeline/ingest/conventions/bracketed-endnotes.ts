/**
 * Bracketed endnotes (Word and web exports): references `[n]` in the text, and a list of
 * endnotes `[n] text` at the end (`[31]Goncharov` without a space too). Lines after an
 * endnote that do not start with a marker are further paragraphs of that note.
 */
import {isBlank, paragraphPerLine, unindent, type RawLine} from '../lines.js'
import {dpBlockMarker} from '../repair/dp-markup.js'
import {joinSpans} from '../repair/join.js'
import {goesOnSentence, lineKeeping, verseLines} from '../repair/verse.js'
import {readingOf, type Extraction, type Line, type NoteDraft, type Span} from '../spans.js'
import {isNoteRange, splitMarkers} from './markers.js'
import {isNotesHeading} from './notes-section.js'
import type {Convention, ConventionContext} from './types.js'

/** An endnote's marker; group 2 the last number of a note for a range of calls (`[1–2]`). */
const endnoteStart = /^\[(\d{1,4})(?: ?[-–] ?(\d{1,4}))?\]\s*/
/** A call; group 2 the last number of a call of a range (`[1–2]`), whose note is the range's. */
const reference = /\[(\d{1,4})(?: ?[-–] ?(\d{1,4}))?\]/g

/** The label of an endnote's marker or a call: its number, or its range of numbers (`1–2`). */
function labelOf(marker: RegExpExecArray): string | undefined {
  const first = Number(marker[1])
  if (marker[2] === undefined) return String(first)
  const last = Number(marker[2])
  // Else a bracketed span of numbers (`[12-15]`, pages): no call.
  return isNoteRange(first, last) ? `${first}–${last}` : undefined
}

export const bracketedEndnotes: Convention = {
  name: 'bracketed-endnotes',
  score(context) {
    const start = sectionStart(context.lines)
    if (start === undefined) return 0
    let notes = 0
    let references = 0
    context.lines.forEach((line, index) => {
      if (index >= start) {
        if (endnoteStart.test(line.text.trimStart())) notes++
      } else references += line.text.match(reference)?.length ?? 0
    })
    return Math.min(notes, references)
  },
  extract
}

/**
 * Index of the first endnote line: the endnote list is the last run of lines whose marker
 * numbers rise (or repeat) to the end of the text. A number out of order still belongs to the
 * list when only blank lines part it from the next endnote (a misnumbered or misplaced note).
 */
function sectionStart(lines: readonly RawLine[]): number | undefined {
  let start: number | undefined
  let number = Number.POSITIVE_INFINITY
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]
    if (!line) continue
    const match = endnoteStart.exec(line.text.trimStart())
    if (!match) continue
    const value = Number(match[1])
    if (value > number && !(start !== undefined && onlyBlankBetween(lines, index, start))) break
    number = Math.min(number, value)
    start = index
  }
  return start
}

/**
 * Where the text goes on after a list of notes set close together (no blank line between them)
 * in a wrapped text: the first line after the blank line that closes the list, when no note
 * opens after it; else the end of the text.
 */
function textAfter(lines: readonly RawLine[], start: number): number {
  let blank = start
  while (blank < lines.length && !isBlank(lines[blank] as RawLine)) blank++
  let next = blank
  while (next < lines.length && isBlank(lines[next] as RawLine)) next++
  if (next >= lines.length) return lines.length
  for (let index = next; index < lines.length; index++) if (endnoteStart.test((lines[index] as RawLine).text.trimStart())) return lines.length
  return next
}

function onlyBlankBetween(lines: readonly RawLine[], from: number, to: number): boolean {
  for (let index = from + 1; index < to; index++) {
    const line = lines[index]
    if (line && !isBlank(line)) return false
  }
  return true
}

function extract(context: ConventionContext): Extraction {
  const start = sectionStart(context.lines) ?? context.lines.length
  // The list's heading (`FOOTNOTES:`) goes to the apparatus, as a notes section's does.
  let heading = start - 1
  while (heading >= 0 && isBlank(context.lines[heading] as RawLine)) heading--
  if (!isNotesHeading(context.lines[heading]?.text ?? '')) heading = -1
  const lines: Line[] = []
  const notes: NoteDraft[] = []
  // A hard-wrapped text's note runs on over its lines; a blank line starts its next paragraph.
  const wrapped = !paragraphPerLine(context.lines)
  const after = wrapped ? textAfter(context.lines, start) : context.lines.length
  let blankBefore = true
  /** How far the current note's first line is set in; a paragraph after it set further out is the text going on. */
  let noteIndent = 0
  let resumed = false
  // Verse a note quotes keeps its lines, as in the body: lines set in from the margin, and the
  // lines between DP's `/*` and `*\/`, whose marker lines go to the apparatus and part paragraphs.
  const verse = verseLines(context.lines, true)
  const keeping = lineKeeping()
  let parted = false
  const ranged = new Map<string, string>()
  /** Lines with calls, whose labels a note for a range of calls renames once all notes are read. */
  const pending: Line[] = []
  context.lines.forEach((raw, index) => {
    if (isBlank(raw)) {
      blankBefore = true
      return
    }
    const line = unindent(raw)
    const found = endnoteStart.exec(line.text)
    const marker = found && labelOf(found) !== undefined ? found : null
    const indent = line.offset - raw.offset
    if (index >= start && index < after) {
      if (marker) resumed = false
      else if (wrapped && blankBefore && indent < noteIndent) resumed = true
    }
    if (index === heading) lines.push({spans: [{type: 'removed', value: line.text.trimEnd(), rule: 'notes-heading', offset: line.offset}], offset: line.offset, blankBefore: true})
    else if (index < start || index >= after || resumed) {
      lines.push({spans: splitMarkers(line.text, line.offset, reference, labelOf), offset: line.offset, blankBefore})
      pending.push(lines[lines.length - 1] as Line)
    } else {
      if (marker) noteIndent = indent
      const content = marker ? line.text.slice(marker[0].length) : line.text
      const spans = content === '' ? [] : [{type: 'text' as const, value: content, offset: line.offset + line.text.length - content.length}]
      const current = notes[notes.length - 1]
      const paragraph = current?.paragraphs.at(-1)
      const value = content.trimEnd()
      const indentedVerse = !marker && current !== undefined && verse.has(raw.offset)
      const own = keeping.own(indentedVerse, () => !blankBefore && paragraph !== undefined && goesOnSentence(readingOf(paragraph)))
      const ownLine = !marker && own
      if (!marker && current && dpBlockMarker.test(value)) {
        current.paragraphs.push([{type: 'removed', value, rule: 'dp-markup', offset: line.offset}])
        keeping.marker(value)
        parted = true
        blankBefore = false
        keeping.done(false)
        return
      }
      if (marker) {
        const label = labelOf(marker) ?? marker[1] ?? ''
        notes.push({label, offset: line.offset, paragraphs: [spans]})
        // The calls of each number of a range call its note.
        for (let number = Number(marker[1]); label.includes('–') && number <= Number(marker[2]); number++) ranged.set(String(number), label)
        keeping.close()
      } else if (current && paragraph && !blankBefore && !parted && keeping.breaksBefore(ownLine)) paragraph.push({type: 'break'}, ...spans)
      else if (current && paragraph && wrapped && !blankBefore && !parted) current.paragraphs[current.paragraphs.length - 1] = joinSpans(paragraph, spans, context.vocabulary)
      else if (current) current.paragraphs.push(spans)
      else lines.push({spans, offset: line.offset, blankBefore})
      keeping.done(ownLine)
      parted = false
    }
    blankBefore = false
  })
  // A bracketed range no note answers (`[12-14]`, pages) is text, not a call; one whose every
  // number has a note of its own (`[1–2]`, notes `[1]` and `[2]`) calls each of them.
  const labels = new Set(notes.map((note) => note.label))
  for (const line of pending) {
    line.spans = line.spans.flatMap((span): Span[] => {
      if (span.type !== 'ref') return [span]
      const label = ranged.get(span.label) ?? span.label
      if (!label.includes('–') || labels.has(label)) return [{...span, label}]
      const [first, last] = label.split('–').map(Number) as [number, number]
      const each = Array.from({length: last - first + 1}, (_, step) => String(first + step))
      if (!each.every((number) => labels.has(number))) return [{type: 'text', value: span.raw, offset: span.offset}]
      return each.map((number, step) => ({...span, label: number, raw: step === 0 ? span.raw : ''}))
    })
  }
  return {lines, notes}
}
