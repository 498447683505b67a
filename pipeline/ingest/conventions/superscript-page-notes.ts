/**
 * Superscript page notes (OCR of printed books and working papers): references are Unicode
 * superscript digits in the text; each page ends with note paragraphs that start with a
 * superscript number. Page bottoms interrupt the body, so a paragraph cut by a block of notes
 * (or by a bare page break) is rejoined where its sentence continues, and a note cut by a page
 * break is continued at the top of the next page's notes.
 */
import {report} from '../rules.js'
import {chunks, unindent, type RawLine} from '../lines.js'
import {endsNote, endsSentence, isLeadIn, isProse, joinSpans} from '../repair/join.js'
import {readingOf, type Extraction, type Line, type NoteDraft, type Span} from '../spans.js'
import {isNoteRange, splitMarkers} from './markers.js'
import {closesParenthesis, continuationMark, fromSuperscript, withEdits} from './notes-section.js'
import type {Convention, ConventionContext} from './types.js'

const superscriptRun = /[\u2070\u00B9\u00B2\u00B3\u2074-\u2079]+/g
/** A note's number, maybe closed by a parenthesis (`¹)`, as German texts print it). */
const noteStart = /^[\u2070\u00B9\u00B2\u00B3\u2074-\u2079]+\)?/
const closedNote = /^[\u2070\u00B9\u00B2\u00B3\u2074-\u2079]+\)/
/** A call: a superscript number, maybe closed by a parenthesis (group 1). */
const call = /[\u2070\u00B9\u00B2\u00B3\u2074-\u2079]+(\))?/g
const hasSuperscript = /[\u2070\u00B9\u00B2\u00B3\u2074-\u2079]/
/** Text that reads like the rest of a citation (a note continued on the next page). */
const citationCue = /\b(?:Fond|Opis|Delo|Papka|ibid|Ibid|pp?\.)|\b1[89]\d\d\b/
/** A line opening a list item; a continued paragraph never starts so. */
const listStart = /^(?:[-*•]\s|\(?\d{1,3}[.)]\s|#\d)/

/** Shortest prose (in words) that can be the first half of a page-broken paragraph. */
const minimumProseWords = 8

/** `¹²` → `12` (`⁰⁷` → `7`). */
function superscriptNumber(run: string): string {
  return String(Number(fromSuperscript(run)))
}

export const superscriptPageNotes: Convention = {
  name: 'superscript-page-notes',
  score(context) {
    let notes = 0
    for (const line of context.lines) if (noteStart.test(line.text.trimStart())) notes++
    if (notes === 0) return 0
    const references = context.text.match(superscriptRun)?.length ?? 0
    return Math.min(notes, Math.max(0, references - notes))
  },
  extract
}

function extract(context: ConventionContext): Extraction {
  const groups = notesApart(chunks(context.lines))
  const closed = context.lines.some((line) => closedNote.test(line.text.trimStart()))
  const lines: Line[] = []
  const notes: NoteDraft[] = []
  let body: Line | undefined
  /** Reading of the last source line of the body so far (what a join looks at). */
  let tail = ''
  let note: NoteDraft | undefined
  /** Marks that say a note goes on (`(continued)`), left out of the note: blanked for the word check. */
  const marks: Array<{offset: number; length: number}> = []
  groups.forEach((group, index) => {
    const first = group[0]
    if (!first) return
    if (isNoteLine(first)) {
      for (const line of group) note = addNoteLine(line, note, notes, context)
      return
    }
    const next = groups[index + 1]?.[0]
    if (note && next && isNoteLine(next) && continuesNote(group, note)) {
      const spans = group.map((line) => textOf(line))
      const opening = spans[0]?.[0]
      const mark = opening?.type === 'text' ? continuationMark(opening.value, Number(note.label)) : undefined
      if (opening?.type === 'text' && mark !== undefined && opening.offset !== undefined) {
        marks.push({offset: opening.offset, length: mark})
        spans[0] = opening.value.length > mark ? [{type: 'text', value: opening.value.slice(mark), offset: opening.offset + mark}] : []
      }
      const last = note.paragraphs[note.paragraphs.length - 1] ?? []
      for (const run of spans) if (run.length > 0) joinSpans(last, run, context.vocabulary)
      note.paragraphs[note.paragraphs.length - 1] = last
      report(context.file, 'note-continuation', `Unexpected note text after the body, expected it to continue note ${note.label} from the previous page`, context.locate(first.offset))
      return
    }
    group.forEach((raw, position) => {
      const line = bodyLine(raw, position === 0, closed)
      const reading = readingOf(line.spans)
      if (position === 0 && body && continuesParagraph(tail, reading)) joinSpans(body.spans, line.spans, context.vocabulary)
      else {
        lines.push(line)
        body = line
      }
      tail = reading
    })
  })
  return marks.length === 0 ? {lines, notes} : {lines, notes, witness: withEdits(context.text, marks)}
}

/**
 * Groups with the notes that follow other lines without a blank line set apart: a note line
 * whose number is the next in sequence, after a line that ends a sentence (the rest of a note
 * continued from the page before, or the text above the notes).
 */
function notesApart(groups: readonly RawLine[][]): RawLine[][] {
  const out: RawLine[][] = []
  let last = 0
  for (const group of groups) {
    let start = 0
    group.forEach((line, index) => {
      const opening = noteStart.exec(line.text.trimStart())
      if (!opening) return
      const number = Number(superscriptNumber(opening[0]))
      const previous = group[index - 1]
      if (index > start && previous && (number === last + 1 || number === 1) && endsSentence(previous.text)) {
        out.push(group.slice(start, index))
        start = index
      }
      if (index === start) last = number
    })
    out.push(start === 0 ? group : group.slice(start))
  }
  return out
}

function isNoteLine(line: RawLine): boolean {
  return noteStart.test(line.text.trimStart())
}

function addNoteLine(raw: RawLine, current: NoteDraft | undefined, notes: NoteDraft[], context: ConventionContext): NoteDraft | undefined {
  let note = current
  for (const piece of sideBySide(unindent(raw), current)) note = addNotePiece(piece, note, notes, context)
  return note
}

/** A superscript number after a sentence's end, inside a line of notes (group 1). */
const innerNote = /(?<=[.!?)\]”"’]\s{1,6})([\u2070\u00B9\u00B2\u00B3\u2074-\u2079]+)\s*(?=[\p{Lu}“"‘(\[])/gu

/**
 * A line of notes set side by side (`¹ Ibid. ² Letter of 3 May.`) in pieces, one a note: a
 * piece starts at each next number in sequence after a sentence's end.
 */
function sideBySide(line: RawLine, current: NoteDraft | undefined): RawLine[] {
  const opening = noteStart.exec(line.text)
  let number = Number(opening ? superscriptNumber(opening[0]) : current?.label)
  if (!Number.isInteger(number)) return [line]
  const pieces: RawLine[] = []
  let start = 0
  innerNote.lastIndex = 0
  for (let match = innerNote.exec(line.text); match; match = innerNote.exec(line.text)) {
    if (Number(superscriptNumber(match[1] ?? '')) !== number + 1) continue
    pieces.push({text: line.text.slice(start, match.index).trimEnd(), offset: line.offset + start})
    start = match.index
    number++
  }
  pieces.push({text: line.text.slice(start), offset: line.offset + start})
  return pieces
}

function addNotePiece(line: RawLine, current: NoteDraft | undefined, notes: NoteDraft[], context: ConventionContext): NoteDraft | undefined {
  const marker = noteStart.exec(line.text)
  if (!marker) {
    if (!current) return current
    const paragraph = current.paragraphs[current.paragraphs.length - 1] ?? []
    current.paragraphs[current.paragraphs.length - 1] = joinSpans(paragraph, [{type: 'text', value: line.text, offset: line.offset}], context.vocabulary)
    return current
  }
  const rest = line.text.slice(marker[0].length)
  const content = rest.replace(/^\s+/, '')
  const start = line.offset + line.text.length - content.length
  const draft: NoteDraft = {label: superscriptNumber(marker[0]), offset: line.offset, paragraphs: [content === '' ? [] : [{type: 'text', value: content, offset: start}]]}
  notes.push(draft)
  return draft
}

/** A chunk between body and the next notes that finishes a note left unterminated. */
function continuesNote(group: readonly RawLine[], note: NoteDraft): boolean {
  const last = readingOf(note.paragraphs[note.paragraphs.length - 1] ?? []).trimEnd()
  if (endsNote(last)) return false
  const text = group.map((line) => line.text).join(' ').trim()
  if (hasSuperscript.test(text)) return false
  return /^[\p{Ll}\p{N}]/u.test(text) || citationCue.test(text) || continuationMark(text, Number(note.label)) !== undefined
}

/** Whether a line continues the paragraph whose last line is `previous` (a page or notes between). */
function continuesParagraph(previous: string, reading: string): boolean {
  const next = reading.trimStart()
  if (endsSentence(previous) || isLeadIn(previous)) return false
  if (!isProse(previous, minimumProseWords)) return false
  return next !== '' && !listStart.test(next)
}

function textOf(raw: RawLine): Span[] {
  const line = unindent(raw)
  return [{type: 'text', value: line.text, offset: line.offset}]
}

/** `closed`: the notes open with `¹)`, so a `)` after a call is the call's, unless it closes a parenthesis the line opened before. */
function bodyLine(raw: RawLine, blankBefore: boolean, closed: boolean): Line {
  const line = unindent(raw)
  const spans = splitMarkers(line.text, line.offset, closed ? call : superscriptRun, (match) => superscriptNumber(match[0])).flatMap((span): Span[] => {
    if (span.type !== 'ref' || !span.raw.endsWith(')') || !closesParenthesis(line.text, span.offset - line.offset)) return [span]
    const raw = span.raw.slice(0, -1)
    return [{...span, raw}, {type: 'text', value: ')', offset: span.offset + raw.length}]
  })
  return {spans: withRanges(spans), offset: line.offset, blankBefore}
}

/** A dash between two calls (`¹⁻³`, `¹–³`): a call of a range of notes. */
const rangeDash = /^[⁻–-]$/

/** Calls of a range (`¹⁻³`) as a call of each note in it: the first keeps the mark as printed, dash and all. */
function withRanges(spans: Span[]): Span[] {
  const out: Span[] = []
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index] as Span
    const dash = spans[index + 1]
    const end = spans[index + 2]
    if (span.type !== 'ref' || dash?.type !== 'text' || !rangeDash.test(dash.value) || end?.type !== 'ref') {
      out.push(span)
      continue
    }
    const first = Number(span.label)
    const last = Number(end.label)
    if (!isNoteRange(first, last)) {
      out.push(span)
      continue
    }
    out.push({...span, raw: span.raw + dash.value + end.raw})
    for (let number = first + 1; number <= last; number++) out.push({type: 'ref', label: String(number), raw: '', offset: span.offset})
    index += 2
  }
  return out
}
