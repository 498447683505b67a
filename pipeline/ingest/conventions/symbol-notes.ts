/**
 * Symbol notes, as older books and many articles print them: a reference mark glued to the
 * word it follows (`answer.*`, `same day†`) and the note at the foot of the page, opening with
 * the same mark (`* Letter of 3 May.`). Marks restart on every page, so each note is paired
 * with the nearest unpaired reference of its mark before it; a paragraph that a page's notes
 * interrupt mid-sentence is rejoined.
 */
import {report} from '../rules.js'
import {chunks, paragraphPerLine, type RawLine, unindent} from '../lines.js'
import {endsNote, endsSentence, isLeadIn, isProse, joinSpans, longestNoteRest} from '../repair/join.js'
import {verseLines} from '../repair/verse.js'
import {readingOf, type Extraction, type Line, type NoteDraft, type Span} from '../spans.js'
import {closesParenthesis} from './notes-section.js'
import type {Convention, ConventionContext} from './types.js'

/** Superscript (modifier) letters, as notes lettered `ᵃ`, `ᵇ` are called, and the letters they stand for. */
const superscriptLetters = 'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'
const plainLetters = 'abcdefghijklmnoprstuvwxyz'

/** The marks, with the name a note label takes from each (labels are words, not symbols). */
export const noteSymbols: ReadonlyMap<string, string> = new Map([
  ['***', 'star3'], ['**', 'star2'], ['*', 'star'], ['††', 'dagger2'], ['†', 'dagger'],
  ['‡‡', 'ddagger2'], ['‡', 'ddagger'], ['§§', 'section2'], ['§', 'section'], ['‖', 'parallel'], ['||', 'parallel'], ['¶', 'pilcrow'],
  ...[...superscriptLetters].map((letter, index): [string, string] => [letter, plainLetters[index] ?? 'mark'])
])

/** `||` is the typed form of `‖`; a superscript letter is a mark alone (not within `ˢᵗ`). */
const markPattern = String.raw`\*{1,3}|†{1,2}|‡{1,2}|§{1,2}|‖|\|\||¶|(?<![${superscriptLetters}])[${superscriptLetters}](?![${superscriptLetters}])`
/**
 * What OCR makes of the marks at the start of a note (`t` or `+` for `†`, `$` for `§`): read as
 * the mark only where a reference of that mark waits for its note.
 */
const markConfusions: Readonly<Record<string, string>> = {t: '†', '+': '†', $: '§'}
/**
 * The marks as a plain-ASCII transcription types them (`+` for `†`, `++` for `‡`): read as the
 * mark, in calls and in notes alike; a note opens with one only where a call of its mark waits.
 */
const typedMarks: Readonly<Record<string, string>> = {'+': '†', '++': '‡'}
/** A note at the foot of the page: its mark (or an OCR confusion or a typed form of it), then white space and text. */
export const noteStart = new RegExp(String.raw`^(${markPattern}|\+\+(?=\s)|[t+$](?=\s))\)?\s+(?=\S)`, 'u')
/**
 * A reference: a mark glued to a word or to punctuation, before space, punctuation or the line
 * end; group 2 is a parenthesis that closes the mark (`*)`, as German texts print it). The
 * lookahead of a mark says what the pattern says: the lookbehind is tried only where one stands.
 */
const reference = new RegExp(String.raw`(?=${markPattern}|\+)(?<=[\p{L}\p{N}.,;:!?’”"')\]])(${markPattern}|\+{1,2})(\))?(?=[\s.,;:!?)\]]|$)`, 'gu')

const closedMarks = new RegExp(String.raw`(?:${markPattern})\)`, 'gu')

/**
 * A reference closed by a parenthesis after a space (`gegossen *)`), as OCR reads a raised `*)`
 * of a German print; the space is the reference's. Not a parenthesis that closes one opened before.
 */
const spacedReference = new RegExp(String.raw`(?=\s(?:${markPattern})\))(?<=[\p{L}\p{N}.,;:!?’”"'])\s(${markPattern})(\))(?=[\s.,;:!?]|$)`, 'gu')

/** The reference as printed: with its `)` unless that parenthesis closes one the line opened before (`(see p. 4*)`). */
export function referenceRaw(text: string, match: RegExpExecArray): string {
  const mark = match[1] ?? ''
  if (match[2] === undefined) return mark
  return closesParenthesis(text, match.index, closedMarks) ? mark : match[0]
}

/** A character that every mark begins with. */
const markCharacter = new RegExp(String.raw`[*†‡§‖¶+${superscriptLetters}]|\|\|`, 'u')

/** An asterisk opening emphasis earlier on the line and not closed: a `*` after it closes it, it calls no note. */
const openEmphasis = /(?:^|[\s(\[“"'‘])\*{1,3}[^\s*][^*]*$/u

/** Whether the mark at `index` of `text` is a reference, not the end of `*emphasis*`. */
function isReferenceMark(text: string, index: number, mark: string): boolean {
  return !mark.startsWith('*') || !openEmphasis.test(text.slice(Math.max(0, index - 200), index))
}

/** Shortest prose (in words) that can be the first half of a paragraph a page's notes interrupt. */
const minimumProseWords = 6

/**
 * Letter notes (`parish.a`, notes `a The vicar's …`), as registers and editions of documents
 * print them beside numbered notes: a lower-case letter glued to the punctuation after a word,
 * and a note line opening with that letter. Letters are words too, so a letter is read only
 * where a reference of it waits, the notes of a chunk run in the alphabet's order, and a text's
 * letter notes count at least `a` and `b`.
 */
const letterReference = /(?<=[\p{L}\p{N}][.,;:!?’”")\]])([a-z])(?=\s|$)/gu
export const letterStart = /^([a-z])\s+(?=\S)/
export const anyLetterReference = new RegExp(letterReference.source, 'u')

export function isLetter(mark: string): boolean {
  return /^[a-z]$/.test(mark)
}

/** The letter after `mark` (`a` → `b`). */
export function nextLetter(mark: string): string {
  return String.fromCharCode(mark.charCodeAt(0) + 1)
}

interface Candidate {
  offset: number
  mark: string
  /** The mark as printed (`+` typed for `†`). */
  printed: string
}

interface SymbolNote {
  label: string
  mark: string
  /** The mark as printed, when OCR misread it (`t` for `†`). */
  printed: string
  lines: RawLine[]
  /** Further paragraphs, set in from the margin after the page's notes (verse the note quotes), as printed. */
  more: RawLine[][]
  offset: number
}

interface Pairing {
  /** Reference offset → its note. */
  calls: Map<number, SymbolNote>
  notes: SymbolNote[]
  /** Offsets of the first lines of the chunks that are notes. */
  noteChunks: Set<number>
}

/** The references of a line: marks (a typed one read as the mark it stands for), and with `letters` letters, in order of place. */
export function referencesIn(text: string, letters: boolean): Array<{index: number; mark: string; printed: string; match: RegExpExecArray}> {
  const found: Array<{index: number; mark: string; printed: string; match: RegExpExecArray}> = []
  if (markCharacter.test(text)) {
    reference.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = reference.exec(text))) {
      const printed = match[1] ?? ''
      if (isReferenceMark(text, match.index, printed)) found.push({index: match.index, mark: typedMarks[printed] ?? printed, printed, match})
    }
    if (text.includes(')')) {
      spacedReference.lastIndex = 0
      const before = found.length
      while ((match = spacedReference.exec(text))) {
        if (!closesParenthesis(text, match.index, closedMarks)) found.push({index: match.index, mark: match[1] ?? '', printed: match[1] ?? '', match})
      }
      if (found.length > before) found.sort((a, b) => a.index - b.index)
    }
  }
  if (letters) {
    letterReference.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = letterReference.exec(text))) found.push({index: match.index, mark: match[1] ?? '', printed: match[1] ?? '', match})
    found.sort((a, b) => a.index - b.index)
  }
  return found
}

/** A note's opening: its mark as printed, the mark it stands for, and the length of the opening. */
function opening(text: string, waiting: ReadonlyMap<string, Candidate[]>, letters: boolean, previous: string | undefined): {printed: string; mark: string; length: number} | undefined {
  const start = noteStart.exec(text)
  if (start) {
    const printed = start[1] ?? ''
    const confused = typedMarks[printed] ?? markConfusions[printed]
    // A confusion or a typed mark opens a note only where a reference of its mark waits (else the line is text).
    if (!confused || (waiting.get(confused)?.length ?? 0) > 0) return {printed, mark: confused ?? printed, length: start[0].length}
  }
  if (!letters) return undefined
  const letter = letterStart.exec(text)
  const mark = letter?.[1] ?? ''
  // The next letter after a letter note, or the first of a chunk; only where its reference waits.
  if (!letter || (previous !== undefined && (!isLetter(previous) || mark !== nextLetter(previous))) || (waiting.get(mark)?.length ?? 0) === 0) return undefined
  return {printed: mark, mark, length: letter[0].length}
}

/** A mark after a sentence's end inside a line of notes, before a capital (group 1). */
const innerMark = new RegExp(String.raw`(?<=[.!?)\]”"’]\s{1,6})(${markPattern})\s+(?=[\p{Lu}“"‘(\[])`, 'gu')

/**
 * A line of notes set side by side (`* Ibid. † Letter of 3 May.`) in pieces, one a note: a piece
 * starts at each mark after a sentence's end whose reference waits.
 */
function sideBySide(line: RawLine, waiting: ReadonlyMap<string, Candidate[]>): RawLine[] {
  if (!markCharacter.test(line.text.slice(1))) return [line]
  const pieces: RawLine[] = []
  let start = 0
  innerMark.lastIndex = 0
  for (let match = innerMark.exec(line.text); match; match = innerMark.exec(line.text)) {
    if ((waiting.get(match[1] ?? '')?.length ?? 0) === 0) continue
    pieces.push({text: line.text.slice(start, match.index).trimEnd(), offset: line.offset + start})
    start = match.index
  }
  pieces.push({text: line.text.slice(start), offset: line.offset + start})
  return pieces
}

function pair(context: ConventionContext, letters: boolean): Pairing {
  const waiting = new Map<string, Candidate[]>()
  const calls = new Map<number, SymbolNote>()
  const notes: SymbolNote[] = []
  const noteChunks = new Set<number>()
  const all = chunks(context.lines)
  for (let at = 0; at < all.length; at++) {
    const whole = all[at] as RawLine[]
    // The rest of a note the page before cut, right above this page's notes: it goes on that note.
    const rest = restOfNote(whole, notes.at(-1), waiting, letters)
    const chunk = rest === 0 ? whole : whole.slice(rest)
    const first = chunk[0]
    if (!first || !opening(unindent(first).text, waiting, letters, undefined)) {
      for (const line of chunk) {
        for (const {index, mark, printed} of referencesIn(line.text, letters)) {
          const list = waiting.get(mark)
          const candidate = {offset: line.offset + index, mark, printed}
          if (list) list.push(candidate)
          else waiting.set(mark, [candidate])
        }
      }
      continue
    }
    let current: SymbolNote | undefined
    const drafts: SymbolNote[] = []
    const taken: Array<[number, SymbolNote]> = []
    for (const text of chunk.flatMap((line) => sideBySide(unindent(line), waiting))) {
      const start = opening(text.text, waiting, letters, current?.mark)
      if (start) {
        current = {label: '', mark: start.mark, printed: start.printed, lines: [{text: text.text.slice(start.length), offset: text.offset + start.length}], more: [], offset: text.offset}
        drafts.push(current)
        const call = waiting.get(start.mark)?.pop()
        // A mark the text types as its calls do (`+` for `†` in both) is the mark, not a misreading.
        if (call?.printed === start.printed) current.printed = current.mark
        if (call) taken.push([call.offset, current])
      } else current?.lines.push(text)
    }
    // A chunk of marked lines that no reference calls is a list, not notes.
    if (taken.length === 0) continue
    for (const [offset, note] of taken) {
      calls.set(offset, note)
      // References of this mark before the one taken had no note on their page.
      waiting.set(note.mark, [])
    }
    noteChunks.add(whole[0]?.offset ?? -1)
    notes.at(-1)?.lines.push(...whole.slice(0, rest).map(unindent))
    notes.push(...drafts)
    const last = drafts.at(-1)
    const run = last ? setInRun(all, at, last, waiting, letters) : 0
    for (const chunk of all.slice(at + 1, at + 1 + run)) {
      last?.more.push(chunk)
      noteChunks.add(chunk[0]?.offset ?? -1)
    }
    at += run
  }
  const counts = new Map<string, number>()
  for (const note of notes) {
    const count = (counts.get(note.mark) ?? 0) + 1
    counts.set(note.mark, count)
    note.label = `${isLetter(note.mark) ? note.mark : (noteSymbols.get(note.mark) ?? 'mark')}-${count}`
  }
  return {calls, notes, noteChunks}
}

const setIn = /^(?: {2,}|\t)\S/

/**
 * How many chunks after the notes chunk at `at` go on its last note: a run of chunks set in from
 * the margin (verse the note quotes, a paragraph of it) where the note leads in to them (`ran:`)
 * or another note opens right after them. Else they are the text's (a quotation of its own).
 */
function setInRun(all: readonly RawLine[][], at: number, note: SymbolNote, waiting: ReadonlyMap<string, Candidate[]>, letters: boolean): number {
  const opens = (chunk: readonly RawLine[] | undefined) => chunk?.[0] !== undefined && opening(unindent(chunk[0]).text, waiting, letters, undefined) !== undefined
  let end = at + 1
  while (end < all.length && (all[end] as RawLine[]).every((line) => setIn.test(line.text)) && !opens(all[end])) end++
  if (end === at + 1) return 0
  const leadsIn = isLeadIn(note.lines.at(-1)?.text ?? '')
  return leadsIn || opens(all[end]) ? end - at - 1 : 0
}

/**
 * How many lines open `chunk` as the rest of `note` (cut mid-sentence or at a semicolon or colon
 * by the page): lines in lower case up to a line that opens a note whose reference waits; 0 if
 * none do.
 */
function restOfNote(chunk: readonly RawLine[], note: SymbolNote | undefined, waiting: ReadonlyMap<string, Candidate[]>, letters: boolean): number {
  const cut = note?.lines.at(-1)?.text.trimEnd()
  const first = chunk[0]
  if (cut === undefined || !first || endsNote(cut) || !/^\p{Ll}/u.test(unindent(first).text)) return 0
  for (let at = 1; at < chunk.length && at <= longestNoteRest; at++) {
    if (opening(unindent(chunk[at] as RawLine).text, waiting, letters, undefined)) return at
  }
  return 0
}

/** The pairing with letter notes where a text has them (`a` and `b` both called), else with marks only. */
function pairNotes(context: ConventionContext): Pairing {
  // Without a letter reference anywhere, the pairing with letters is the one with marks only.
  if (!anyLetterReference.test(context.text)) return pair(context, false)
  const withLetters = pair(context, true)
  const called = new Set([...withLetters.calls.values()].map((note) => note.mark))
  if (called.has('a') && called.has('b')) return withLetters
  return pair(context, false)
}

export const symbolNotes: Convention = {
  name: 'symbol-notes',
  score(context) {
    if (!markCharacter.test(context.text) && !anyLetterReference.test(context.text)) return 0
    return pairNotes(context).calls.size
  },
  extract(context) {
    const {calls, notes, noteChunks} = pairNotes(context)
    const verse = verseLines(context.lines, true)
    const drafts: NoteDraft[] = notes.map((note) => {
      const paragraphs = [note.lines, ...note.more].map((lines) => {
        let spans: Span[] = []
        let previous: RawLine | undefined
        for (const raw of lines) {
          const line = unindent(raw)
          const run: Span[] = [{type: 'text', value: line.text.trimEnd(), offset: line.offset}]
          // Verse keeps its lines, as in the body.
          if (spans.length > 0 && previous && verse.has(raw.offset) && verse.has(previous.offset)) spans.push({type: 'break'}, ...run)
          else spans = spans.length === 0 ? run : joinSpans(spans, run, context.vocabulary)
          previous = raw
        }
        return spans
      })
      return {label: note.label, offset: note.offset, paragraphs}
    })
    for (const note of notes) {
      if (note.printed !== note.mark) report(context.file, 'note-mark-misread', `Unexpected note mark \`${note.printed}\`, expected \`${note.mark}\` (a reference \`${note.mark}\` waits for its note); read as \`${note.mark}\``, context.locate(note.offset))
    }
    const called = new Set(calls.values())
    for (const note of notes) {
      if (!called.has(note)) report(context.file, 'note-without-reference', `Unexpected note \`${note.mark}\` without a reference mark before it on its page, expected \`${note.mark}\` after a word`, context.locate(note.offset))
    }
    // A misread mark (`t`) is a letter the note's label replaces: blanked for the conservation check.
    const misread = notes.filter((note) => note.printed !== note.mark)
    const extraction: Extraction = {lines: bodyLines(context, calls, noteChunks), notes: drafts, paragraphPerLine: paragraphPerLine(context.lines)}
    if (misread.length > 0) {
      let witness = context.text
      for (const note of misread) {
        const at = context.text.indexOf(note.printed, note.offset)
        if (at !== -1) witness = witness.slice(0, at) + ' '.repeat(note.printed.length) + witness.slice(at + note.printed.length)
      }
      extraction.witness = witness
    }
    return extraction
  }
}

function bodyLines(context: ConventionContext, calls: Map<number, SymbolNote>, noteChunks: Set<number>): Line[] {
  const lines: Line[] = []
  let interrupted = false
  for (const chunk of chunks(context.lines)) {
    if (noteChunks.has(chunk[0]?.offset ?? -1)) {
      interrupted = true
      continue
    }
    chunk.forEach((raw, position) => {
      const line = unindent(raw)
      const spans = withCalls(line.text.trimEnd(), line.offset, calls)
      const previous = lines[lines.length - 1]
      if (position === 0 && interrupted && previous && continues(readingOf(previous.spans), readingOf(spans))) {
        joinSpans(previous.spans, spans, context.vocabulary)
      } else lines.push({spans, offset: line.offset, blankBefore: position === 0})
    })
    interrupted = false
  }
  return lines
}

function continues(before: string, next: string): boolean {
  if (endsSentence(before) || !isProse(before, minimumProseWords)) return false
  return /^\p{Ll}/u.test(next.trimStart())
}

function withCalls(value: string, offset: number, calls: Map<number, SymbolNote>): Span[] {
  const out: Span[] = []
  let last = 0
  for (const {index, match} of referencesIn(value, true)) {
    const label = calls.get(offset + index)?.label
    if (label === undefined || index < last) continue
    if (index > last) out.push({type: 'text', value: value.slice(last, index), offset: offset + last})
    const raw = referenceRaw(value, match)
    out.push({type: 'ref', label, raw, offset: offset + index})
    last = index + raw.length
  }
  if (last < value.length) out.push({type: 'text', value: value.slice(last), offset: offset + last})
  return out
}
