/**
 * A notes section after the text or after each chapter: a heading (`Notes`, `FOOTNOTES:`,
 * `Endnotes`, `Anmerkungen`, `Notes et références`, …) followed by numbered note bodies
 * (`1.`, `1 `, `[1]`, `(1)`, `1)`, superscript digits), or, without a heading, such a run of
 * bodies closing the text. The references are found in the text before each section by their
 * sequence (1, 2, 3 … in order), never by a lone digit: as `[1]`, `(1)`, superscripts, `^1`, or
 * digits glued to a word or to punctuation (`Saturday.2`, `treaty of 18831`). The reference
 * style that finds the most of the sequence wins.
 */
import {report} from '../rules.js'
import {isBlank, paragraphPerLine, type RawLine, unindent} from '../lines.js'
import {joinSpans} from '../repair/join.js'
import {readingOf, type Extraction, type Line, type NoteDraft, type Span} from '../spans.js'
import {continuesAcrossPage, paragraphBefore} from '../repair/page-furniture.js'
import type {Convention, ConventionContext} from './types.js'

/** Headings of a notes section, in the languages editions come in (data, not code). */
export const notesHeadings: readonly string[] = [
  'notes', 'note', 'footnotes', 'foot-notes', 'foot notes', 'endnotes', 'end notes', 'end-notes',
  'notes and references', 'references and notes', 'anmerkungen', 'fußnoten', 'fussnoten',
  'endnoten', 'notes et références', 'notes et references', 'notas', 'note al testo', 'noten'
]
const headingSet = new Set(notesHeadings)

/** A line that is nothing but a notes heading (`NOTES`, `Footnotes:`, `## Notes`). */
export function isNotesHeading(text: string): boolean {
  // A line of prose is no heading: it is not worked on (texts of long lines have thousands).
  if (text.length > 60 && text.trim().length > 40) return false
  const bare = text.trim().replace(/^#{1,6}\s+/, '').replace(/[:.]$/, '').trim().toLowerCase().replace(/\s+/g, ' ')
  return bare.length <= 30 && headingSet.has(bare)
}

const superscriptDigits: Readonly<Record<string, string>> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9'
}

/** `¹²` → `12`. */
export function fromSuperscript(run: string): string {
  let out = ''
  for (const character of run) out += superscriptDigits[character] ?? ''
  return out
}

/** Markers that open a note body; group 1 is the number. */
const bodyMarkers: ReadonlyArray<{pattern: RegExp; headless: boolean; superscript?: boolean}> = [
  {pattern: /^\[(\d{1,4})\]\s*/, headless: true},
  {pattern: /^\{(\d{1,4})\}\s*/, headless: true},
  {pattern: /^(\d{1,4})\.\s+(?=\S)/, headless: true},
  {pattern: /^\((\d{1,4})\)\s*(?=\S)/, headless: true},
  {pattern: /^(\d{1,4})\)\s+(?=\S)/, headless: true},
  {pattern: /^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})\s*(?=\S)/u, headless: true, superscript: true},
  {pattern: /^(\d{1,4})\s+(?=\S)/, headless: false}
]

interface BodyMarker {
  number: number
  /** Length of the marker with the space after it. */
  length: number
  style: number
}

function bodyMarker(text: string, headed: boolean): BodyMarker | undefined {
  for (let style = 0; style < bodyMarkers.length; style++) {
    const marker = bodyMarkers[style]
    if (!marker || (!headed && !marker.headless)) continue
    const match = marker.pattern.exec(text)
    if (!match?.[1]) continue
    const number = Number(marker.superscript ? fromSuperscript(match[1]) : match[1])
    return {number, length: match[0].length, style}
  }
  return undefined
}

interface NoteBody {
  number: number
  /** Lines of the body: the first without its marker. */
  lines: RawLine[][]
  offset: number
}

interface Section {
  /** First line (the heading, or the first body) and the line after the section. */
  start: number
  end: number
  heading?: RawLine
  notes: NoteBody[]
  /** Taken for notes only where the text before calls most of them (weaker evidence than a heading or marked bodies). */
  needsCalls?: boolean
}

/** Whether a line reads like a heading (a new chapter or article), which ends a notes section. */
function isHeadingLike(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed.length > 80 || /[.,;:]$/.test(trimmed)) return false
  const letters = trimmed.match(/\p{L}/gu)?.length ?? 0
  const upper = trimmed.match(/\p{Lu}/gu)?.length ?? 0
  return letters > 0 && (upper / letters > 0.6 || /^(?:chapter|part|book|section|kapitel|chapitre)\b/i.test(trimmed))
}

/**
 * A short capitalized line alone between blank lines, without closing punctuation: a heading
 * such as `References` or `Appendix`, which a note's paragraph never is.
 */
function isTitleLine(lines: readonly RawLine[], index: number): boolean {
  const next = lines[index + 1]
  if (next && !isBlank(next)) return false
  const text = (lines[index] as RawLine).text.trim()
  return text.length <= 60 && /^\p{Lu}/u.test(text) && !/[.,;:!?)\]]$/.test(text) && text.split(/\s+/).length <= 8
}

interface ReadOptions {
  /** Under a notes heading: bare numbers open notes too, and the first may have any number. */
  headed: boolean
  /** The first note may have any number (numbering goes on from earlier notes). */
  anyStart?: boolean
  /** Paragraphs without a number after a note continue it (else they end the section). */
  paragraphs?: boolean
}

/**
 * Read the notes of a section from line `from`: bodies numbered in sequence, each with the
 * paragraphs that follow it. Ends at two blank lines, a heading, or a body out of sequence.
 */
function readSection(lines: readonly RawLine[], from: number, {headed, anyStart = headed, paragraphs = true}: ReadOptions): {notes: NoteBody[]; end: number} {
  const notes: NoteBody[] = []
  let blanks = 0
  let style: number | undefined
  let index = from
  let end = from
  for (; index < lines.length; index++) {
    const line = lines[index] as RawLine
    if (isBlank(line)) {
      blanks++
      continue
    }
    const text = unindent(line)
    const marker = bodyMarker(text.text, headed)
    const last = notes[notes.length - 1]
    const expected = last ? last.number + 1 : undefined
    const fits = marker && (style === undefined || marker.style === style) && (expected === undefined ? marker.number <= 1 || anyStart : marker.number === expected)
    if (marker && fits) {
      style = marker.style
      notes.push({number: marker.number, offset: line.offset, lines: [[{text: text.text.slice(marker.length), offset: text.offset + marker.length}]]})
      blanks = 0
      end = index + 1
      continue
    }
    if (!last || (blanks > 0 && !paragraphs)) break
    if (blanks >= 2 || (blanks > 0 && (isHeadingLike(text.text) || isNotesHeading(text.text) || isTitleLine(lines, index)))) break
    if (blanks > 0) last.lines.push([text])
    else (last.lines[last.lines.length - 1] as RawLine[]).push(text)
    blanks = 0
    end = index + 1
  }
  return {notes, end}
}

function findSections(lines: readonly RawLine[], text: string): Section[] {
  const sections: Section[] = []
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as RawLine
    if (!isNotesHeading(line.text)) continue
    const {notes, end} = readSection(lines, index + 1, {headed: true})
    if (notes.length === 0) continue
    sections.push({start: index, end, heading: line, notes})
    index = end - 1
  }
  if (sections.length > 0) return sections
  const interleaved = interleavedSections(lines, text)
  if (interleaved.length >= minimumInterleaved) return interleaved
  // No heading: a run of bodies in sequence that closes the text. Marked bodies (`1.`, `[1]`,
  // `(1)`, superscripts) from note 1 are evidence enough; bare numbers (`1 Text`), or a run that
  // goes on from an earlier part's numbering (an excerpt's notes 12 to 20), count only where
  // the text calls most of them (`Section.needsCalls`).
  const closing = closingRun(lines, {headed: false}, (notes) => notes.length >= 2 && notes[0]?.number === 1)
  if (closing) return [closing]
  const bare = closingRun(lines, {headed: true, anyStart: false}, (notes) => notes.length >= 2 && notes[0]?.number === 1)
  if (bare) return [{...bare, needsCalls: true}]
  const excerpt = closingRun(lines, {headed: true, anyStart: true}, (notes) => notes.length >= minimumExcerptNotes)
  return excerpt ? [{...excerpt, needsCalls: true}] : []
}

/** Fewest bodies of a run numbered from an earlier part (not from 1) that is taken for notes. */
const minimumExcerptNotes = 3

/**
 * The longest run of note bodies read with `options` that starts after a blank line, closes the
 * text, and that `accept` takes.
 */
function closingRun(lines: readonly RawLine[], options: ReadOptions, accept: (notes: readonly NoteBody[]) => boolean): Section | undefined {
  let found: Section | undefined
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] as RawLine
    if (isBlank(line)) continue
    const previous = lines[index - 1]
    if (previous && !isBlank(previous)) continue
    const marker = bodyMarker(unindent(line).text, options.headed)
    // Above a line that no body opens, the text is no longer the notes.
    if (!marker) {
      if (found) break
      continue
    }
    const {notes, end} = readSection(lines, index, options)
    if (onlyBlankAfter(lines, end) && accept(notes)) found = {start: index, end, notes}
  }
  return found
}

/** Fewest runs of notes between paragraphs that make a text of interleaved notes. */
const minimumInterleaved = 2

/** A bracketed note body opening a paragraph: `[12] Text`. */
const bracketBody = /^\[(\d{1,4})\]\s*\S/

/**
 * Notes printed after the paragraph that calls them (`…treaty.[1]` then `[1] Text.`), as
 * Gutenberg texts made from HTML often do, or at the foot of each page of a scanned text
 * (`…the valley.1` then `1 Text.`): a run of bodies counts only where the text since the
 * previous run calls its notes in order, by one reference style (a bracketed body: its first note).
 */
function interleavedSections(lines: readonly RawLine[], text: string): Section[] {
  const sections: Section[] = []
  // Where each number stands in each reference style, in order: calls are looked up, never
  // searched for. Made when a run of bodies is first found (most texts have none).
  let marks: Array<Map<number, number[]>> | undefined
  const marksOf = (): Array<Map<number, number[]>> =>
    (marks ??= referenceStyles.map((style) => {
      const byNumber = new Map<number, number[]>()
      for (const match of text.matchAll(style.pattern)) {
        const digits = match[1] ?? match[2] ?? ''
        const number = Number(style.superscript ? fromSuperscript(digits) : digits)
        const list = byNumber.get(number)
        if (list) list.push(match.index)
        else byNumber.set(number, [match.index])
      }
      return byNumber
    }))
  /** The first mark of `number` at or after `from` in one style's marks, if before `to`. */
  const markIn = (byNumber: Map<number, number[]>, number: number, from: number, to: number): number | undefined => {
    const list = byNumber.get(number) ?? []
    let low = 0
    let high = list.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((list[middle] ?? 0) < from) low = middle + 1
      else high = middle
    }
    const found = list[low]
    return found !== undefined && found < to ? found : undefined
  }
  const calledInOrder = (numbers: readonly number[], from: number, to: number) =>
    marksOf().some((byNumber) => {
      let position = from
      for (const number of numbers) {
        const found = markIn(byNumber, number, position, to)
        if (found === undefined) return false
        position = found + 1
      }
      return true
    })
  let since = 0
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as RawLine
    const previous = lines[index - 1]
    if (previous && !isBlank(previous)) continue
    const opening = unindent(line).text
    const bracketed = bracketBody.exec(opening)
    const marker = bracketed ? undefined : bodyMarker(opening, true)
    // Superscript bodies at the foot of each page are the superscript page notes' (which also mend the notes a page break cuts).
    if (!bracketed && (!marker || bodyMarkers[marker.style]?.superscript)) continue
    const {notes, end} = readSection(lines, index, {headed: !bracketed, anyStart: true, paragraphs: false})
    if (notes.length === 0) continue
    const numbers = bracketed ? [Number(bracketed[1])] : notes.map((note) => note.number)
    if (!calledInOrder(numbers, since, line.offset)) continue
    sections.push({start: index, end, notes})
    const last = lines[end - 1] as RawLine
    since = last.offset + last.text.length
    index = end - 1
  }
  return sections
}

function lineEnd(line: RawLine | undefined): number {
  return line ? line.offset + line.text.length : 0
}

function onlyBlankAfter(lines: readonly RawLine[], from: number): boolean {
  for (let index = from; index < lines.length; index++) if (!isBlank(lines[index] as RawLine)) return false
  return true
}

/** Reference styles in the text; group 1 is the number. Checked in this order on ties. */
const referenceStyles: ReadonlyArray<{name: string; pattern: RegExp; superscript?: boolean; repeatable: boolean}> = [
  {name: 'bracket', pattern: /\[(\d{1,4})\](?![:(])/g, repeatable: true},
  {name: 'brace', pattern: /\{(\d{1,4})\}/g, repeatable: true},
  {name: 'superscript', pattern: /([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})/gu, superscript: true, repeatable: true},
  {name: 'caret', pattern: /\^(\d{1,4})\b|<sup>(\d{1,4})<\/sup>/g, repeatable: true},
  {name: 'paren', pattern: /(?<=[\p{L}\p{P}]\s?)\((\d{1,3})\)/gu, repeatable: false},
  // Digits glued to a word or closing punctuation, or to a year (`1883` + `1`).
  {name: 'glued', pattern: /(?<=[\p{L}.,;:!?’”"')\]])(\d{1,3})(?![\p{N}\p{L}])|(?<=\b(?:1[5-9]\d\d|20\d\d))(\d{1,2})(?![\p{N}\p{L}])/gu, repeatable: false}
]

interface Call {
  offset: number
  raw: string
  note: NoteDraft
}

/** How far past the last note a number may be and still read as a call of a lost note. */
const orphanReach = 10

/**
 * The references of `notes` in `text` between `from` and `to`: for each style, the numbers in
 * sequence (each the first occurrence after the previous one); the style finding most wins.
 * `orphans`: marks of the winning style (an unambiguous one) that call no note of the section.
 */
function findCalls(text: string, from: number, to: number, notes: readonly NoteDraft[], numbers: readonly number[]): {calls: Call[]; orphans: Array<{offset: number; raw: string}>; style?: string} {
  const scope = text.slice(from, to)
  let best: Call[] = []
  let winner: string | undefined
  let orphans: Array<{offset: number; raw: string}> = []
  const known = new Set(numbers)
  const highest = Math.max(0, ...numbers)
  for (const style of referenceStyles) {
    const byNumber = new Map<number, Array<{offset: number; raw: string}>>()
    style.pattern.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = style.pattern.exec(scope))) {
      const digits = match[1] ?? match[2] ?? ''
      const number = Number(style.superscript ? fromSuperscript(digits) : digits)
      const list = byNumber.get(number)
      const found = {offset: from + match.index, raw: match[0]}
      if (list) list.push(found)
      else byNumber.set(number, [found])
    }
    const calls: Call[] = []
    let position = from
    notes.forEach((note, index) => {
      const list = byNumber.get(numbers[index] ?? -1)
      const found = list?.find((candidate) => candidate.offset >= position)
      if (!found) return
      calls.push({offset: found.offset, raw: found.raw, note})
      position = found.offset + found.raw.length
    })
    if (calls.length > best.length) {
      // A note cited again (`see note 3`) is called by each unambiguous marker of its number.
      if (style.repeatable) {
        const taken = new Set(calls.map((call) => call.offset))
        notes.forEach((note, index) => {
          for (const candidate of byNumber.get(numbers[index] ?? -1) ?? []) {
            if (!taken.has(candidate.offset)) calls.push({offset: candidate.offset, raw: candidate.raw, note})
          }
        })
      }
      best = calls
      winner = style.name
      orphans = style.repeatable ? [...byNumber].filter(([number]) => !known.has(number) && number > 0 && number <= highest + orphanReach).flatMap(([, list]) => list) : []
    }
  }
  return {calls: best.sort((a, b) => a.offset - b.offset), orphans, style: winner}
}

export const notesSection: Convention = {
  name: 'notes-section',
  score(context) {
    const sections = findSections(context.lines, context.text)
    if (sections.length === 0) return 0
    let found = 0
    let previousEnd = 0
    const styles = new Set<string | undefined>()
    for (const section of sections) {
      const start = (context.lines[section.start] as RawLine).offset
      const numbers = section.notes.map((note) => note.number)
      const drafts = section.notes.map((note) => ({label: String(note.number), offset: note.offset, paragraphs: []}))
      const result = findCalls(context.text, previousEnd, start, drafts, numbers)
      const called = new Set(result.calls.map((call) => call.note)).size
      if (section.needsCalls && (called < 2 || called * 2 < section.notes.length)) return 0
      found += called
      styles.add(result.style)
      previousEnd = lineEnd(context.lines[section.end - 1])
    }
    // `[1]` calls and a list of `[1]` notes closing the text, nothing more: bracketed endnotes, whose convention reads them.
    const [only] = sections
    if (sections.length === 1 && only && !only.heading && styles.has('bracket') && bracketBody.test(unindent(context.lines[only.start] as RawLine).text)) return 0
    // A heading, or notes printed after their paragraphs, is evidence of its own: it wins a tie
    // with a list of bracketed endnotes.
    return found + (sections.length > 1 || sections.some((section) => section.heading) ? 1 : 0)
  },
  extract
}

function extract(context: ConventionContext): Extraction {
  const {text, file, locate, vocabulary} = context
  const sections = findSections(context.lines, text)
  const notes: NoteDraft[] = []
  const calls = new Map<number, Call>()
  const seen = new Map<string, number>()
  let previousEnd = 0
  for (const section of sections) {
    const drafts = section.notes.map((body): NoteDraft => {
      const printed = String(body.number)
      const count = (seen.get(printed) ?? 0) + 1
      seen.set(printed, count)
      const paragraphs = body.lines.map((group) => {
        let spans: Span[] = []
        for (const line of group) {
          const run: Span[] = [{type: 'text', value: line.text.trimEnd(), offset: line.offset}]
          spans = spans.length === 0 ? run : joinSpans(spans, run, vocabulary)
        }
        return spans
      })
      return {label: printed, offset: body.offset, paragraphs}
    })
    const start = (context.lines[section.start] as RawLine).offset
    const {calls: found, orphans} = findCalls(text, previousEnd, start, drafts, section.notes.map((body) => body.number))
    for (const call of found) calls.set(call.offset, call)
    for (const orphan of orphans) report(file, 'reference-without-note', `Unexpected reference \`${orphan.raw}\` without a note in the notes section after it, expected a note ${orphan.raw.replace(/\D/g, '')}; kept as text`, locate(orphan.offset))
    const called = new Set(found.map((call) => call.note))
    for (const draft of drafts) {
      if (!called.has(draft)) report(file, 'note-without-reference', `Unexpected note ${draft.label} without a reference in the text before its notes section, expected \`[${draft.label}]\`, a superscript or a number after a word`, locate(draft.offset))
    }
    notes.push(...drafts)
    previousEnd = lineEnd(context.lines[section.end - 1])
  }
  // Labels repeated by sections that number afresh are made unique; calls follow their note.
  const repeated = new Set([...seen].filter(([, count]) => count > 1).map(([label]) => label))
  const counts = new Map<string, number>()
  for (const note of notes) {
    if (!repeated.has(note.label)) continue
    const count = (counts.get(note.label) ?? 0) + 1
    counts.set(note.label, count)
    note.label = `${note.label}-${count}`
  }
  return {lines: bodyLines(context, sections, calls), notes, paragraphPerLine: paragraphPerLine(context.lines), witness: withCallsApart(text, calls)}
}

/**
 * The text with a space before each call glued to a word (`18843` → `1884 3`): the call's
 * digits become the note's label, so the word the source prints is two words of the edition.
 */
function withCallsApart(text: string, calls: Map<number, Call>): string | undefined {
  const glued = [...calls.keys()].filter((offset) => offset > 0 && /[\p{L}\p{N}]/u.test(text.charAt(offset - 1))).sort((a, b) => a - b)
  if (glued.length === 0) return undefined
  const parts: string[] = []
  let last = 0
  for (const offset of glued) {
    parts.push(text.slice(last, offset), ' ')
    last = offset
  }
  parts.push(text.slice(last))
  return parts.join('')
}

/** The text outside the sections as lines, with the calls as references; headings removed into the apparatus. */
function bodyLines(context: ConventionContext, sections: readonly Section[], calls: Map<number, Call>): Line[] {
  const lines: Line[] = []
  let sectionIndex = 0
  let blankBefore = true
  /** Right after notes printed inside the text (no heading): a paragraph they cut may go on. */
  let afterNotes = false
  context.lines.forEach((raw, index) => {
    const section = sections[sectionIndex]
    if (section && index >= section.start) {
      if (index === section.start && section.heading) {
        const line = unindent(raw)
        lines.push({spans: [{type: 'removed', value: line.text.trimEnd(), rule: 'notes-heading', offset: line.offset}], offset: line.offset, blankBefore: true})
      }
      if (index === section.end - 1) {
        sectionIndex++
        blankBefore = true
        afterNotes = !section.heading
      }
      return
    }
    if (isBlank(raw)) {
      blankBefore = true
      return
    }
    const line = unindent(raw)
    const spans = withCalls(line.text.trimEnd(), line.offset, calls)
    const goesOn = afterNotes && continuesAcrossPage(paragraphBefore(lines), readingOf(spans))
    lines.push({spans, offset: line.offset, blankBefore: blankBefore && !goesOn})
    blankBefore = false
    afterNotes = false
  })
  return lines
}


function withCalls(value: string, offset: number, calls: Map<number, Call>): Span[] {
  const out: Span[] = []
  let last = 0
  for (let index = 0; index < value.length; index++) {
    const call = calls.get(offset + index)
    if (!call) continue
    if (index > last) out.push({type: 'text', value: value.slice(last, index), offset: offset + last})
    out.push({type: 'ref', label: call.note.label, raw: call.raw, offset: offset + index})
    last = index + call.raw.length
    index = last - 1
  }
  if (last < value.length) out.push({type: 'text', value: value.slice(last), offset: offset + last})
  return out
}
