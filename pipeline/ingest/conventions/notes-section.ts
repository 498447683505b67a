/**
 * A notes section after the text or after each chapter: a heading (`Notes`, `FOOTNOTES:`,
 * `Endnotes`, `Anmerkungen`, `Notes et références`, …) followed by numbered note bodies
 * (`1.`, `1 `, `[1]`, `(1)`, `1)`, superscript digits, a number glued to the first word), or, without a heading, such a run of
 * bodies closing the text. The references are found in the text before each section by their
 * sequence (1, 2, 3 … in order), never by a lone digit: as `[1]`, `(1)`, superscripts, `^1`, or
 * digits glued to a word or to punctuation (`Saturday.2`, `treaty of 18831`). The reference
 * style that finds the most of the sequence wins.
 */
import {report} from '../rules.js'
import {isBlank, paragraphPerLine, type RawLine, unindent} from '../lines.js'
import {endsNote, endsSentence, joinSpans, longestNoteRest} from '../repair/join.js'
import {readingOf, type Extraction, type Line, type NoteDraft, type Span} from '../spans.js'
import {continuesAcrossPage, paragraphBefore} from '../repair/page-furniture.js'
import type {Convention, ConventionContext} from './types.js'
import {escapeRegExp} from '../../shared/regexp.js'
import {isDivisionHeading, ordinalValue} from '../structure/heading.js'
import {isReferenceHeading} from '../structure/references.js'
import {isNoteRange} from './markers.js'
import {dpBlockMarker} from '../repair/dp-markup.js'
import {goesOnSentence, lineKeeping, verseLines} from '../repair/verse.js'
import {romanToNumber} from '../../shared/roman.js'

/** Headings of a notes section, in the languages editions come in (data, not code). */
const notesHeadings: readonly string[] = [
  'notes', 'note', 'footnotes', 'foot-notes', 'foot notes', 'endnotes', 'end notes', 'end-notes',
  'notes and references', 'references and notes', 'anmerkungen', 'fußnoten', 'fussnoten',
  'endnoten', 'notes et références', 'notes et references', 'notes de bas de page', 'notes de fin',
  'notas', 'note al testo', 'noten', 'aantekeningen', 'eindnoten', 'noter', 'slutnoter', 'przypisy',
  'poznámky', 'notae', 'annotazioni', 'примечания', 'сноски', 'σημειώσεις', 'notes to the text', 'notes on the text',
  'textual notes', 'editorial notes', "editor's notes", "author's notes", 'notes and sources'
]
const headingSet = new Set(notesHeadings)

/** The parts of a book whose notes some editions gather under a heading each (data, not code). */
const partWords: readonly string[] = ['chapter', 'book', 'part', 'section', 'lecture', 'letter', 'essay', 'canto', 'act', 'volume', 'article']

/**
 * The words that link a notes heading to the part whose notes follow (`Notes to`, `Notes du`,
 * `Anmerkungen zum`), in the languages editions come in (data, not code).
 */
const partLinks: readonly string[] = [
  'to the', 'on the', 'for the', 'of the', 'to', 'on', 'for', 'of', 'du', 'de la', "de l'", 'des', 'de', 'au', 'aux', 'à la',
  'zum', 'zur', 'zu den', 'zu dem', 'zu', 'del', 'della', 'dello', 'al', 'alla', 'de los', 'de las', 'bij', 'van het', 'van'
]
const partLink = new RegExp(String.raw`\s(?:${partLinks.map(escapeRegExp).join('|')})\s+`, 'giu')
/** A part named by its word and number (`ARTICLE 3`, `Act II`), where the text's heading may not say more. */
const partNamed = new RegExp(String.raw`^(?:${partWords.join('|')})\s+(?:[ivxlcdm]{1,7}|\d{1,3})$`, 'i')

/**
 * The heading of one part's notes: a notes heading, a linking word and the part's heading
 * (`NOTES TO CHAPTER II.`, `Footnotes to Book 3`, `Notes on Lecture IV:`, `NOTES DU LIVRE
 * PREMIER`, `Anmerkungen zum ersten Kapitel.`): the part as the text heads it (`CHAPTER II`),
 * and where it stands in the line.
 */
function partOfNotesHeading(text: string): {text: string; index: number} | undefined {
  if (text.length > 60) return undefined
  const line = text.replace(/\s*[.:]?\s*$/, '')
  const start = /^\s*(?:#{1,6}\s+)?/.exec(line)?.[0].length ?? 0
  partLink.lastIndex = 0
  for (let match = partLink.exec(line); match; match = partLink.exec(line)) {
    const head = line.slice(start, match.index).trim().toLowerCase().replace(/\s+/g, ' ')
    const index = match.index + match[0].length
    const part = line.slice(index)
    if (headingSet.has(head) && (partNamed.test(part) || isDivisionHeading(part))) return {text: part, index}
  }
  return undefined
}

/** A line that is nothing but a notes heading (`NOTES`, `Footnotes:`, `## Notes`, `NOTES TO CHAPTER II.`, `Anmerkungen zu Kapitel 3`). */
export function isNotesHeading(text: string): boolean {
  // A line of prose is no heading: it is not worked on (texts of long lines have thousands).
  if (text.length > 60 && text.trim().length > 40) return false
  if (partOfNotesHeading(text)) return true
  // Decoration aside (`— Notes —`, `* NOTES *`).
  const bare = text.trim().replace(/^#{1,6}\s+/, '').replace(/^[-—–*=~\s]+|[-—–*=~\s]+$/g, '').replace(/[:.]$/, '').trim().toLowerCase().replace(/\s+/g, ' ')
  return bare.length <= 30 && headingSet.has(bare)
}

/** The superscript digits, each at its value's place. */
const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** `¹²` → `12` (other characters left out). */
export function fromSuperscript(run: string): string {
  let out = ''
  for (const character of run) {
    const digit = superscripts.indexOf(character)
    if (digit !== -1) out += String(digit)
  }
  return out
}

/** `12` → `¹²` (other characters as they are). */
export function toSuperscript(digits: string): string {
  return digits.replace(/\d/g, (digit) => superscripts.charAt(Number(digit)))
}

/** Words that may stand before a note body's number (`Note 1.`, `n. 1`, `Anm. 1:`), as data. */
const noteWords: readonly string[] = ['note', 'n.', 'nota', 'anm.', 'anmerkung', 'fn.', 'fußnote']

/** The words of a transcription's note blocks (`[Footnote 1: …]`), as data. */
const footnoteWords: readonly string[] = ['footnote', 'foot-note', 'fußnote', 'fussnote']

/** A dash after a note body's number, as older books set it (`1.—Text`, `Note 2.--Text`). */
const dashAfter = String.raw`\s*(?:[—–]|--)\s*`

/**
 * Markers that open a note body; group 1 is the number. `inline`: the pattern source of the
 * marker of note `n` inside a line, for notes set side by side.
 */
const bodyMarkers: ReadonlyArray<{pattern: RegExp; headless: boolean; superscript?: boolean; word?: boolean; bare?: boolean; dotted?: boolean; glued?: boolean; roman?: boolean; alphabetic?: boolean; inline?: (n: number) => string}> = [
  // A transcription's note word without its brackets (`Footnote 1: Text`): a note wherever it stands.
  {pattern: new RegExp(`^(?:${footnoteWords.join('|')})\\s*(\\d{1,4})\\s*[.:]\\s+(?=\\S)`, 'i'), headless: true, word: true},
  {pattern: new RegExp(`^(?:${noteWords.map(escapeRegExp).join('|')})\\s*(\\d{1,4})(?:[.:)]?\\s+|[.:)]?${dashAfter})(?=\\S)`, 'i'), headless: false, word: true},
  {pattern: /^\[(\d{1,4})\]\s*/, headless: true, inline: (n) => String.raw`\[${n}\]\s*`},
  {pattern: /^\{(\d{1,4})\}\s*/, headless: true},
  {pattern: new RegExp(String.raw`^(\d{1,4})\.(?:\s+|${dashAfter})(?=\S)`), headless: true, dotted: true, inline: (n) => String.raw`${n}\.\s+`},
  {pattern: /^\((\d{1,4})\)\s*(?=\S)/, headless: true, inline: (n) => String.raw`\(${n}\)\s*`},
  {pattern: /^(\d{1,4})\)\s+(?=\S)/, headless: true, inline: (n) => String.raw`${n}\)\s+`},
  {pattern: /^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})\)?\s*(?=\S)/u, headless: true, superscript: true},
  // A superscript typed with a caret (`^1 Text`), as the calls are (`word.^1`).
  {pattern: /^\^(\d{1,4})\s+(?=\S)/, headless: true, inline: (n) => String.raw`\^${n}\s+`},
  {pattern: /^(\d{1,4})\s+(?=\S)/, headless: false, bare: true, inline: (n) => String.raw`${n}\s+`},
  // A number glued to the note's first word (`1See`, `2Ibid.`), as OCR reads a raised number; only under a notes heading.
  {pattern: /^(\d{1,4})(?=\p{Lu}\p{Ll})/u, headless: false, glued: true},
  // Roman numerals (`iv.`, `[iv]`, `(iv)`), only under a notes heading.
  {pattern: /^([ivxlc]{1,7})\.\s+(?=\S)/i, headless: false, roman: true},
  {pattern: /^\[([ivxlc]{1,7})\]\s*(?=\S)/i, headless: false, roman: true},
  {pattern: /^\(([ivxlc]{1,7})\)\s*(?=\S)/i, headless: false, roman: true},
  // Notes lettered in brackets (`[A] Text`), numbered by their place in the alphabet; a letter
  // that is also a roman numeral (`[C]`, `[I]`) is a letter among lettered notes.
  {pattern: /^\[([A-Za-z])\]\s*(?=\S)/, headless: true, alphabetic: true},
  // A lettered note after numbered ones (`Note 2.` then `NOTE A.`), only under a notes heading.
  {pattern: new RegExp(`^(?:${noteWords.map(escapeRegExp).join('|')})\\s*([A-Za-z])[.:]\\s+(?=\\S)`, 'i'), headless: false, word: true, alphabetic: true}
]

/** A letter's place in the alphabet (`a`, `A` → 1). */
function letterNumber(letter: string): number {
  return letter.toLowerCase().charCodeAt(0) - 96
}

interface BodyMarker {
  number: number
  /** Length of the marker with the space after it. */
  length: number
  style: number
  /** Length of the word before the number (`Note 1.`), which the edition's label replaces. */
  word?: number
  /** A roman numeral as printed (lower case), or a letter as printed, which is the note's label. */
  printed?: string
  /** The label is a letter, and the calls are letters too. */
  alphabetic?: boolean
  /** The letter OCR read for the number 1 (`l`, `I`). */
  misread?: string
  /** A roman numeral that is a letter OCR may read for 1 (`I.`, `l.`), as printed. */
  letter?: string
  /** `6, Text`: a full stop read as a comma, a note only where the number is the next. */
  comma?: boolean
  /** The last number of a note for a range of calls (`1–2.`). */
  through?: number
}

/** Note 1 as OCR misreads it, a letter for the digit (`l Text`, `I. Text`): group 1 the letter, group 2 the full stop. */
const misreadOne = /^([lI])(\.?)\s+(?=\S)/
/** The marker styles `1.` and bare `1 `, which a misread note 1 takes. */
const dottedStyle = bodyMarkers.findIndex((marker) => marker.dotted === true)
const bareStyle = bodyMarkers.findIndex((marker) => marker.bare === true)
/** A number whose full stop OCR read as a comma (`6, Text`): a note only in a run of `1.` notes. */
const commaNumber = /^(\d{1,3}),\s+(?=\p{Lu})/u

/** Whether two marker styles are the plain ones (`1.`, `1 `) that OCR confuses by a lost full stop. */
function plainStyles(a: number, b: number): boolean {
  return (a === dottedStyle || a === bareStyle) && (b === dottedStyle || b === bareStyle)
}

/** The marker styles in the order tried: a lettered style first once a run is lettered, as `[C]` is then a letter, not a numeral. */
const markerOrder = bodyMarkers.map((_, index) => index)
const letteredOrders = new Map(markerOrder.filter((index) => bodyMarkers[index]?.alphabetic).map((style) => [style, [style, ...markerOrder.filter((index) => index !== style)]]))

/** A note answering two calls or more (`1–2. Text`, `[3-4] Text`): group 1 an opening bracket, groups 2 and 3 the first and last numbers. */
const numberRange = /^([[(]?)(\d{1,4}) ?[-–] ?(\d{1,4})(?=[\].):\s])/
/** The same in superscripts (`¹⁻² Text`), as a page's foot prints it; group 1 empty. */
const superscriptRange = /^()([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})[⁻–-]([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})(?=\s)/u

function bodyMarker(text: string, headed: boolean, current?: number): BodyMarker | undefined {
  return rangeMarker(text, headed, current) ?? singleMarker(text, headed, current)
}

/** A numbered marker of a note for a range of calls (`1–2.`): read as the first number's, the last in `through`. */
function rangeMarker(text: string, headed: boolean, current?: number): BodyMarker | undefined {
  const range = numberRange.exec(text) ?? superscriptRange.exec(text)
  if (!range?.[2] || !range[3]) return undefined
  const valueOf = (digits: string) => Number(/\d/.test(digits) ? digits : fromSuperscript(digits))
  const first = valueOf(range[2])
  const last = valueOf(range[3])
  if (!isNoteRange(first, last)) return undefined
  const cut = (range[1] ?? '').length + range[2].length
  const marker = singleMarker(text.slice(0, cut) + text.slice(range[0].length), headed, current)
  if (!marker || marker.printed !== undefined || marker.misread !== undefined || marker.comma) return undefined
  return {...marker, length: marker.length + range[0].length - cut, through: last}
}

function singleMarker(text: string, headed: boolean, current?: number): BodyMarker | undefined {
  for (const style of (current === undefined ? undefined : letteredOrders.get(current)) ?? markerOrder) {
    const marker = bodyMarkers[style]
    if (!marker || (!headed && !marker.headless)) continue
    const match = marker.pattern.exec(text)
    if (!match?.[1]) continue
    const number = marker.roman ? romanToNumber(match[1].toLowerCase()) : marker.alphabetic ? letterNumber(match[1]) : Number(marker.superscript ? fromSuperscript(match[1]) : match[1])
    if (number === undefined) continue
    const word = marker.word ? match[0].search(marker.alphabetic ? /\s*[A-Za-z][.:]\s+$/ : /\s*\d/) : undefined
    const found: BodyMarker = {number, length: match[0].length, style}
    if (word !== undefined) found.word = word
    if (marker.roman) found.printed = match[1].toLowerCase()
    if (marker.alphabetic) {
      found.printed = match[1]
      found.alphabetic = true
    }
    if (marker.roman && /^[lI]$/.test(match[1])) found.letter = match[1]
    return found
  }
  const comma = commaNumber.exec(text)
  if (comma?.[1] && dottedStyle !== -1) return {number: Number(comma[1]), length: comma[0].length, style: dottedStyle, comma: true}
  const misread = misreadOne.exec(text)
  if (!misread?.[1]) return undefined
  const style = misread[2] ? dottedStyle : bareStyle
  if (style === -1 || (!headed && !bodyMarkers[style]?.headless)) return undefined
  return {number: 1, length: misread[0].length, style, misread: misread[1]}
}

interface NoteBody {
  number: number
  /** The last number of a note for a range of calls (`1–2.`): the calls of every number in it are its. */
  through?: number
  /** A roman numeral as printed (lower case), or a letter: the label, and the calls are roman (or letters) too. */
  roman?: string
  /** The label in `roman` is a letter. */
  alphabetic?: boolean
  /** Lines of the body: the first without its marker. */
  lines: RawLine[][]
  offset: number
  /** Where the word before the number stands (`Note 1.`), and its length. */
  word?: {offset: number; length: number}
  /** The letter OCR read for the number (`l` for 1), and where it stands. */
  misread?: {offset: number; printed: string}
  /** A roman `I.` or `l.` as printed, and where: OCR's letter for 1 where note 2 follows. */
  letter?: {offset: number; printed: string}
  /** Where the first word starts that the number is glued to (`1See`): two words of the edition. */
  glued?: number
}

interface Section {
  /** First line (the heading, or the first body) and the line after the section. */
  start: number
  end: number
  heading?: RawLine
  /** A subhead inside one notes section (`Chapter 2`), whose notes are numbered afresh. */
  subhead?: RawLine
  /** Index of the first section under the same notes heading, for sections parted by subheads. */
  group?: number
  notes: NoteBody[]
  /** Taken for notes only where the text before calls most of them (weaker evidence than a heading or marked bodies). */
  needsCalls?: boolean
  /** The first line of the text that opens the section and goes on with the note before (a note a page break cut). */
  continues?: RawLine
  /** Where the mark that says so (`(continued)`, `3 (cont.)`) stands, left out of the note. */
  continuedMark?: {offset: number; length: number}
}

/** Whether a line reads like a heading (a new chapter or article), which ends a notes section. */
function isHeadingLike(text: string): boolean {
  const trimmed = text.trim()
  // `CHAPTER II.`, `Lecture 3.`: a division's heading, full stop and all.
  if (isDivisionHeading(trimmed)) return true
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
  /** Lines that were page furniture (a page number, a running head): a page break, not a gap that ends the section. */
  breaks?: ReadonlySet<number>
  /** For notes at a page's foot, whether the text calls a mark before an offset: a line opening with a mark the text calls (`* …`) is a note of another set, not the rest of a numbered one. */
  calls?: (mark: string, end: number) => boolean
}

/** A line opening a note with a symbol mark (`* The translator…`, `† See…`), group 1 the mark; `§ 3`, a section, is none. */
const symbolNoteStart = /^(\*{1,3}|†{1,2}|‡{1,2}|§{1,2}(?!\s*\d)|‖|\|\||¶)\s+(?=\S)/u

/**
 * Whether a mark is glued as a reference to a word or to punctuation in `text` before an offset:
 * each mark's first reference is searched once.
 */
function markCalls(text: string): (mark: string, end: number) => boolean {
  const first = new Map<string, number>()
  return (mark, end) => {
    let offset = first.get(mark)
    if (offset === undefined) {
      const pattern = new RegExp(String.raw`(?<=[\p{L}\p{N}.,;:!?’”"')\]])${escapeRegExp(mark)}(?=[\s.,;:!?)\]]|$)`, 'u')
      offset = pattern.exec(text)?.index ?? Number.POSITIVE_INFINITY
      first.set(mark, offset)
    }
    return offset < end
  }
}

/** The most notes a numbering may skip (notes lost in the source) and still go on. */
const largestGap = 2

/**
 * A body marked as one (`4.`, `[4]`, `(4)`, not a bare `4 `, which opens many a line of text)
 * numbered a little past the next after a sentence's end: notes between were lost.
 */
function skipsLost(marker: BodyMarker, expected: number, previous: string): boolean {
  return bodyMarkers[marker.style]?.bare !== true && marker.number > expected && marker.number - expected <= largestGap && endsSentence(previous)
}

/**
 * Read the notes of a section from line `from`: bodies numbered in sequence, each with the
 * paragraphs that follow it. Ends at two blank lines, a heading, or a body out of sequence;
 * `stop` is the line it ended at (`lines.length` at the end of the text).
 */
function readSection(lines: readonly RawLine[], from: number, {headed, anyStart = headed, paragraphs = true, breaks, calls: called}: ReadOptions): {notes: NoteBody[]; end: number; stop: number} {
  const notes: NoteBody[] = []
  let blanks = 0
  let style: number | undefined
  let index = from
  let end = from
  /** The last item of a numbered list inside the current note (`as follows:` then `1.`, `2.`). */
  let item: number | undefined
  let previous = ''
  /** A page break since the last line read: the blank lines around it are layout. */
  let paged = false
  for (; index < lines.length; index++) {
    const line = lines[index] as RawLine
    if (breaks?.has(index)) paged = true
    if (isBlank(line)) {
      blanks++
      continue
    }
    // Across a page break a note goes on where its sentence does, else the next paragraph starts.
    if (paged) blanks = notes.length > 0 && !endsSentence(previous) ? 0 : Math.min(blanks, 1)
    paged = false
    const text = unindent(line)
    const marker = bodyMarker(text.text, headed, style)
    const last = notes[notes.length - 1]
    // `I.` or `l.` read as a roman numeral, then `2.`: OCR's letter for note 1.
    if (last && notes.length === 1 && last.letter && marker?.number === 2 && bodyMarkers[marker.style]?.dotted) {
      last.number = 1
      last.misread = last.letter
      delete last.roman
      delete last.letter
      style = marker.style
    }
    // A second series, lettered, after numbered notes (`Note 2.` then `NOTE A.`): it numbers from A
    // afresh. Under the paragraphs of a text the two series take turns (`[2]`, then `[B]`).
    const series = marker !== undefined && last !== undefined && (marker.alphabetic === true) !== (last.alphabetic === true) && (!paragraphs || (marker.alphabetic === true && marker.number === 1)) && blanks > 0 && endsSentence(previous)
    if (series) style = undefined
    const expected = last && !series ? (last.through ?? last.number) + 1 : undefined
    // OCR drops or misreads a number's full stop (`3 Text`, `3, Text` among `1.`, `2.`): the next
    // number after a sentence's end is the next note all the same.
    const slipped = marker !== undefined && style !== undefined && (marker.style !== style || marker.comma === true) && marker.number === expected && endsSentence(previous) && plainStyles(marker.style, style)
    const styled = marker !== undefined && (style === undefined || marker.style === style || slipped) && (marker.comma !== true || slipped)
    // A list a note's sentence leads in to numbers from 1 again; its items are the note's, the
    // next note is the number its list cannot take.
    if (styled && !slipped && last && ((item === undefined && marker.number === 1 && previous.trimEnd().endsWith(':')) || (item !== undefined && marker.number === item + 1))) item = marker.number
    else if (marker && styled && (expected === undefined ? marker.number <= 1 || anyStart : marker.number === expected || skipsLost(marker, expected, previous))) {
      item = undefined
      if (!slipped) style = marker.style
      const body: NoteBody = {number: marker.number, offset: line.offset, lines: [[{text: text.text.slice(marker.length), offset: text.offset + marker.length}]]}
      if (marker.word !== undefined) body.word = {offset: text.offset, length: marker.word}
      if (marker.printed !== undefined) body.roman = marker.printed
      if (marker.alphabetic) body.alphabetic = true
      if (marker.misread !== undefined) body.misread = {offset: text.offset, printed: marker.misread}
      if (marker.letter !== undefined) body.letter = {offset: text.offset, printed: marker.letter}
      if (marker.through !== undefined) body.through = marker.through
      if (bodyMarkers[marker.style]?.glued) body.glued = text.offset + marker.length
      notes.push(body)
      if (marker.printed === undefined) splitSideBySide(notes, marker.style)
      blanks = 0
      end = index + 1
      previous = text.text
      continue
    }
    // Notes printed under the text end at a blank line, but for a paragraph the next note follows: the note's own.
    if (!last || (blanks > 0 && !paragraphs && !(blanks === 1 && style !== undefined && nextNoteAfter(lines, index, style, (last.through ?? last.number) + 1, headed)))) break
    const symbol = called === undefined || !endsSentence(previous) ? undefined : symbolNoteStart.exec(text.text)?.[1]
    if (symbol !== undefined && called?.(symbol, line.offset)) break
    if (blanks >= 2 || (blanks > 0 && (isHeadingLike(text.text) || isNotesHeading(text.text) || isTitleLine(lines, index)))) break
    if (blanks > 0) last.lines.push([text])
    else (last.lines[last.lines.length - 1] as RawLine[]).push(text)
    if (last.roman === undefined && style !== undefined) splitSideBySide(notes, style)
    blanks = 0
    end = index + 1
    previous = text.text
  }
  // A letter read as note 1 (`I went…`) only where note 2 follows it.
  if (notes[0]?.misread && notes.length < 2) return {notes: [], end: from, stop: from}
  return {notes, end, stop: index}
}

/**
 * Whether the paragraph at line `from` is a further paragraph of the note before: set in from
 * the margin (as a note's hanging indent), without the next note's number (its call), and
 * followed, after one blank line, by note `number` marked in `style`.
 */
function nextNoteAfter(lines: readonly RawLine[], from: number, style: number, number: number, headed: boolean): boolean {
  if (!/^(?: {2,}|\t)\S/.test((lines[from] as RawLine).text)) return false
  const call = new RegExp(String.raw`(?<!\d)${number}(?!\d)`)
  let index = from
  while (index < lines.length && !isBlank(lines[index] as RawLine)) {
    const line = lines[index] as RawLine
    // A paragraph that opens a note of its own, or calls the next, is none of the note before's.
    if ((index > from && bodyMarker(unindent(line).text, headed)) || call.test(line.text)) return false
    index++
  }
  const next = lines[index + 1]
  if (index >= lines.length || !next || isBlank(next)) return false
  const marker = bodyMarker(unindent(next).text, headed)
  return marker?.style === style && marker.number === number
}

/** The patterns of a next note's marker inside a line, by style and number: built once each. */
const sideBySidePatterns = new Map<string, RegExp | undefined>()

/** The pattern of note `number`'s marker of `style` after a sentence's end and before a capital (reset to the line's start). */
function sideBySidePattern(style: number, number: number): RegExp | undefined {
  const key = `${style} ${number}`
  let pattern = sideBySidePatterns.get(key)
  if (pattern === undefined && !sideBySidePatterns.has(key)) {
    const marker = bodyMarkers[style]?.inline?.(number)
    pattern = marker === undefined ? undefined : new RegExp(String.raw`(?<=[.!?)\]”"’]\s{1,6})${marker}(?=[\p{Lu}“"‘(\[])`, 'gu')
    sideBySidePatterns.set(key, pattern)
  }
  if (pattern) pattern.lastIndex = 0
  return pattern
}

/**
 * Short notes set side by side on one line (`1 Ibid. 2 Letter of 3 May.`): where the last
 * line of the last note holds the next number, printed as the notes' numbers are, after a
 * sentence's end (not a locator's abbreviation, `no. 4`) and before a capital, a new note
 * starts there.
 */
function splitSideBySide(notes: NoteBody[], style: number): void {
  for (;;) {
    const last = notes[notes.length - 1]
    const group = last?.lines[last.lines.length - 1]
    const line = group?.[group.length - 1]
    if (!last || !group || !line) return
    // Every inline marker prints the number: a line without it holds no next note (no pattern built).
    if (!line.text.includes(String(last.number + 1))) return
    const pattern = sideBySidePattern(style, last.number + 1)
    if (pattern === undefined) return
    let match: RegExpExecArray | null
    while ((match = pattern.exec(line.text))) {
      const word = /(\p{L}+)\.\s*$/u.exec(line.text.slice(Math.max(0, match.index - 12), match.index))?.[1]
      if (word === undefined || !locators.has(word.toLowerCase())) break
    }
    if (!match) return
    group[group.length - 1] = {text: line.text.slice(0, match.index).trimEnd(), offset: line.offset}
    const start = match.index + match[0].length
    notes.push({number: last.number + 1, offset: line.offset + match.index, lines: [[{text: line.text.slice(start), offset: line.offset + start}]]})
  }
}

function findSections(lines: readonly RawLine[], text: string, breaks?: ReadonlySet<number>): Section[] {
  const sections: Section[] = []
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as RawLine
    if (!isNotesHeading(line.text)) continue
    const {notes, end} = readSection(lines, index + 1, {headed: true, breaks})
    const part = partOfNotesHeading(line.text)
    if (part && notes.length > 0) {
      // One part's notes (`NOTES TO CHAPTER II`): a run of such sections, one after another,
      // is parted as subheads part one notes section, each paired from its part's heading.
      const previous = sections[sections.length - 1]
      const group = previous?.group !== undefined && previous.heading !== undefined && partOfNotesHeading(previous.heading.text) && onlyBlankBetween(lines, previous.end, index) ? previous.group : sections.length
      sections.push({start: index, end, heading: line, subhead: {text: part.text, offset: line.offset + part.index}, group, notes})
      index = end - 1
      continue
    }
    if (notes.length === 0) {
      const parted = subsections(lines, index, sections.length, breaks)
      const last = parted[parted.length - 1]
      if (!last) continue
      sections.push(...parted)
      index = last.end - 1
      continue
    }
    const section = closeSetOnly(lines, {start: index, end, heading: line, notes})
    sections.push(section)
    index = section.end - 1
  }
  if (sections.length > 0) return sections
  const interleaved = interleavedSections(lines, text)
  if (interleaved.length >= minimumInterleaved) return interleaved
  // One page's notes, set close under the text that calls them with text after them: the
  // paragraphs after are the text's, not the last note's (as a closing run would take them).
  const single = interleaved[0]
  if (single && setClose(lines, single) && !onlyBlankAfter(lines, single.end)) return interleaved
  // No heading: a run of bodies in sequence that closes the text, marked (`1.`, `[1]`, `(1)`,
  // superscripts) or bare (`1 Text`), or going on from an earlier part's numbering (an
  // excerpt's notes 12 to 20). Without a heading a numbered list (steps, verses) looks the
  // same: the run counts only where the text calls most of its numbers (`Section.needsCalls`).
  const closing = closingRun(lines, {headed: false, breaks}, (notes) => notes.length >= 2 && notes[0]?.number === 1)
  if (closing) return [withHeadingAbove(lines, {...closeSetOnly(lines, closing), needsCalls: true})]
  const bare = closingRun(lines, {headed: true, anyStart: false, breaks}, (notes) => notes.length >= 2 && notes[0]?.number === 1)
  if (bare) return [withHeadingAbove(lines, {...bare, needsCalls: true})]
  const excerpt = closingRun(lines, {headed: true, anyStart: true, breaks}, (notes) => notes.length >= minimumExcerptNotes)
  return excerpt ? [withHeadingAbove(lines, {...excerpt, needsCalls: true})] : []
}

/** Longest heading over notes that is not a known notes heading (`References`, `Sources and Notes`): characters, words. */
const otherHeadingLength = 40
const otherHeadingWords = 5

/**
 * A section of notes closing the text found without a notes heading may stand under a heading
 * of other words (`References`, `Sources`): a short line alone right above the first note,
 * without a sentence's end. It is the section's heading.
 */
function withHeadingAbove(lines: readonly RawLine[], section: Section): Section {
  let above = section.start - 1
  while (above >= 0 && isBlank(lines[above] as RawLine)) above--
  const line = lines[above]
  if (!line || above === section.start - 1 || (above > 0 && !isBlank(lines[above - 1] as RawLine))) return section
  const text = line.text.trim()
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word))
  if (text.length > otherHeadingLength || words.length === 0 || words.length > otherHeadingWords || endsSentence(text) || /[,;:]$/.test(text) || !/^[^\p{L}]*\p{Lu}/u.test(text)) return section
  return {...section, start: above, heading: line}
}

/**
 * The notes under the heading at `heading` when subheads part them (`Chapter 1`, `Part II`), each
 * part numbered afresh, as books that gather all their notes at the end print them.
 */
function subsections(lines: readonly RawLine[], heading: number, group: number, breaks?: ReadonlySet<number>): Section[] {
  const parted: Section[] = []
  let index = heading + 1
  for (;;) {
    while (index < lines.length && isBlank(lines[index] as RawLine)) index++
    const line = lines[index]
    if (!line || bodyMarker(unindent(line).text, true) || !(isHeadingLike(line.text) || isTitleLine(lines, index))) break
    const {notes, end} = readSection(lines, index + 1, {headed: true, breaks})
    if (notes.length === 0) break
    parted.push({start: parted.length === 0 ? heading : index, end, heading: parted.length === 0 ? lines[heading] : undefined, subhead: line, group, notes})
    index = end
  }
  return parted
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
    const {notes, end, stop} = readSection(lines, index, options)
    if (onlyBlankAfter(lines, end) && accept(notes)) found = {start: index, end, notes}
    // A line that opens no body and ends the run (two blank lines, a heading) ends every run
    // read from further up as well: none of them closes the text.
    if (stop > index && stop < lines.length && !bodyMarker(unindent(lines[stop] as RawLine).text, options.headed)) break
  }
  return found
}

/** A run of notes from note 1, two or more, on lines with no blank line between them (as a page's foot sets them). */
function setClose(lines: readonly RawLine[], section: Section, from = section.start): boolean {
  if (section.notes.length < 2 || section.notes[0]?.number !== 1) return false
  for (let index = from; index < section.end; index++) if (isBlank(lines[index] as RawLine)) return false
  return true
}

/**
 * A closing run whose notes are set close (no blank line between them) up to a blank line, then
 * paragraphs without a number: the notes end at the blank line, the paragraphs are the text's
 * (the text goes on after the last page's notes).
 */
function closeSetOnly(lines: readonly RawLine[], section: Section): Section {
  // From the first note (under a heading, the line after it and the blank lines between).
  let first = section.start
  while (first < section.end && (lines[first] as RawLine).offset < (section.notes[0]?.offset ?? 0)) first++
  let end = first
  while (end < section.end && !isBlank(lines[end] as RawLine)) end++
  const close: Section = {...section, end}
  const last = section.notes.at(-1)
  if (end === section.end || !last || !setClose(lines, close, first) || last.lines.length < 2) return section
  const boundary = lines[end] as RawLine
  if (section.notes.some((note) => note.offset > boundary.offset)) return section
  return {...close, notes: [...section.notes.slice(0, -1), {...last, lines: last.lines.slice(0, 1)}]}
}

/** Fewest runs of notes between paragraphs that make a text of interleaved notes. */
const minimumInterleaved = 2

/** A bracketed note body opening a paragraph: `[12] Text`, `[A] Text`. */
const bracketBody = /^\[(\d{1,4}|[A-Za-z])\]\s*\S/
/** The same, or a bracketed body of a note for a range of calls (`[3–4] Text`). */
const bracketOpening = /^\[(?:\d{1,4}(?: ?[-–] ?\d{1,4})?|[A-Za-z])\]\s*\S/

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
        if (style.rejects?.(text, match.index)) continue
        const digits = match[1] ?? match[2] ?? ''
        const number = style.alphabetic ? letterNumber(digits) : Number(style.superscript ? fromSuperscript(digits) : digits)
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
  // Lettered notes by calls in letters, numbered ones by calls in figures.
  const calledInOrder = (numbers: readonly number[], from: number, to: number, alphabetic: boolean) =>
    marksOf().some((byNumber, style) => {
      if ((referenceStyles[style]?.alphabetic === true) !== alphabetic) return false
      let position = from
      for (const number of numbers) {
        const found = markIn(byNumber, number, position, to)
        if (found === undefined) return false
        position = found + 1
      }
      return true
    })
  const calls = markCalls(text)
  let since = 0
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as RawLine
    const previous = lines[index - 1]
    // Notes that open after the rest of a note the page before cut (`of the year.` then `2 Text`).
    const opens = previous ? continuedFrom(lines, index, sections[sections.length - 1]) : undefined
    if (previous && !isBlank(previous) && opens === undefined && !afterSymbolNotes(lines, index, calls)) continue
    const opening = unindent(line).text
    const bracketed = bracketBody.exec(opening)
    const marker = bracketed ? undefined : bodyMarker(opening, true)
    // Superscript bodies at the foot of each page are the superscript page notes' (which also mend the notes a page break cuts).
    if (!bracketed && (!marker || bodyMarkers[marker.style]?.superscript)) continue
    const {notes, end} = readSection(lines, index, {headed: !bracketed, anyStart: true, paragraphs: false, calls})
    if (notes.length === 0) continue
    const letter = bracketed && /^[A-Za-z]$/.test(bracketed[1] ?? '')
    const numbers = bracketed ? [letter ? letterNumber(bracketed[1] ?? '') : Number(bracketed[1])] : notes.map((note) => note.number)
    const before = lines[opens ?? index] as RawLine
    if (!calledInOrder(numbers, since, before.offset, notes[0]?.alphabetic === true)) continue
    if (opens === undefined) sections.push({start: index, end, notes})
    else {
      const previousNotes = sections[sections.length - 1]?.notes
      const cut = previousNotes?.at(-1)?.lines.at(-1)
      const rest = lines.slice(opens, index).map(unindent)
      const first = rest[0] as RawLine
      const mark = continuationMark(first.text, previousNotes?.at(-1)?.number)
      if (mark) rest[0] = {text: first.text.slice(mark), offset: first.offset + mark}
      cut?.push(...rest)
      const section: Section = {start: opens, end, notes, continues: before}
      if (mark) section.continuedMark = {offset: first.offset, length: mark}
      sections.push(section)
    }
    const last = lines[end - 1] as RawLine
    since = last.offset + last.text.length
    index = end - 1
  }
  return sections
}

/**
 * Whether the lines before line `index` in its block are notes of another set, opening with a
 * mark the text calls (`* The translator…` above `1 The pass…`), and end a sentence.
 */
function afterSymbolNotes(lines: readonly RawLine[], index: number, calls: (mark: string, end: number) => boolean): boolean {
  if (!endsSentence((lines[index - 1] as RawLine).text)) return false
  let start = index - 1
  while (start > 0 && index - start <= longestNoteRest && !isBlank(lines[start - 1] as RawLine)) start--
  const first = lines[start] as RawLine
  if (start > 0 && !isBlank(lines[start - 1] as RawLine)) return false
  const mark = symbolNoteStart.exec(unindent(first).text)?.[1]
  return mark !== undefined && calls(mark, first.offset)
}

/**
 * The first line of the block that holds line `index` when the lines before it in that block
 * finish the last note of `section`: that note breaks off mid-sentence (a page break cut it),
 * and the block starts after the section.
 */
function continuedFrom(lines: readonly RawLine[], index: number, section: Section | undefined): number | undefined {
  if (!section || isBlank(lines[index - 1] as RawLine)) return undefined
  const cut = section.notes.at(-1)?.lines.at(-1)?.at(-1)
  if (!cut || endsNote(cut.text)) return undefined
  let start = index - 1
  while (start > section.end && index - start <= longestNoteRest && !isBlank(lines[start - 1] as RawLine)) start--
  if (start <= section.end || !isBlank(lines[start - 1] as RawLine) || index - start > longestNoteRest) return undefined
  // The rest of a sentence: it opens in lower case or with a number (`of the year`, `12 May`), as a page's text seldom does,
  // or with a mark that says so (`(continued)`).
  const opening = unindent(lines[start] as RawLine).text
  return /^[\p{Ll}\p{N}]/u.test(opening) || continuationMark(opening, section.notes.at(-1)?.number) !== undefined ? start : undefined
}

/** Words that mark a note's rest on the next page, in the languages editions come in (data, not code). */
const continuationWords: readonly string[] = ['continued', 'cont.', 'contd.', 'cont\'d', 'cont', 'contd', 'fortsetzung', 'forts.', 'suite', 'seguito', 'continuación', 'продолжение']

const continuationPattern = new RegExp(
  String.raw`^(?:(\d{1,4})\s+)?[([]?(?:${continuationWords.map(escapeRegExp).join('|')})[)\]]?[:.]?(?:\s+|$)`,
  'iu'
)

/** The length of a continuation mark opening `text` (with the cut note's number before it, if printed), or undefined. */
export function continuationMark(text: string, number: number | undefined): number | undefined {
  const match = continuationPattern.exec(text)
  if (!match || (match[1] !== undefined && Number(match[1]) !== number)) return undefined
  return match[0].length
}

function lineEnd(line: RawLine | undefined): number {
  return line ? line.offset + line.text.length : 0
}

/** Whether lines `from` up to (not with) `to` are blank. */
function onlyBlankBetween(lines: readonly RawLine[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (!isBlank(lines[index] as RawLine)) return false
  return true
}

function onlyBlankAfter(lines: readonly RawLine[], from: number): boolean {
  for (let index = from; index < lines.length; index++) if (!isBlank(lines[index] as RawLine)) return false
  return true
}

const closedSuperscripts = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+\)/gu

/**
 * Whether a `)` after the mark at `index` closes a parenthesis the line opened before it;
 * `closedCalls` matches the calls closed by a parenthesis (`¹)`, `*)`).
 */
export function closesParenthesis(text: string, index: number, closedCalls: RegExp = closedSuperscripts): boolean {
  const lineStart = text.lastIndexOf('\n', index) + 1
  // Parentheses of earlier calls (`¹)`) open and close nothing.
  const before = text.slice(Math.max(lineStart, index - 200), index).replace(closedCalls, '')
  return (before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0)
}

/** Abbreviations a page, volume or item number follows (`p.12`, `vol.2`, `S.3`, `Nr.4`), as data. */
const locatorWords: readonly string[] = [
  'p', 'pp', 'vol', 'vols', 'no', 'nos', 'fol', 'fols', 'art', 'ch', 'chap', 'sect', 'col', 'l', 'll',
  's', 'bd', 'nr', 'hft', 'jg', 'abs', 't', 'n', 'c', 'cap', 'lib', 'fo'
]
const locators = new Set(locatorWords)

/**
 * Whether a number or letter in parentheses at `index` counts items of a sentence (`three
 * reasons: (1) the cost, (2) the delay and (3) the risk`): it follows a colon, semicolon or comma,
 * or a word that joins items, and a space, where a call is glued to what it annotates or
 * follows its word.
 */
export function enumerates(text: string, index: number): boolean {
  const open = text.indexOf('(', index)
  return enumerationLead.test(text.slice(Math.max(0, open - 8), open))
}

const enumerationLead = /(?:[:;,]|(?<!\p{L})(?:and|or|nor|et|ou|und|oder))\s+$/iu

/** Whether the word before the space at `index` is a locator's abbreviation (`S. 12)`, `p. 4)`). */
function locatorBefore(text: string, index: number): boolean {
  const word = /([\p{L}]+)\.?$/u.exec(text.slice(Math.max(0, index - 8), index))?.[1]
  return word !== undefined && locators.has(word.toLowerCase())
}

/** Whether the digits at `index` are a locator's number glued to its abbreviation (`p.3`), or a chemical formula's count. */
export function notCall(text: string, index: number): boolean {
  if (text.charAt(index - 1) === '.') {
    let start = index - 1
    while (start > 0 && index - start < longestFormula && /\p{L}/u.test(text.charAt(start - 1))) start--
    if (start < index - 1 && locators.has(text.slice(start, index - 1).toLowerCase()) && !/\p{L}/u.test(text.charAt(start - 1))) return true
  }
  return inFormula(text, index)
}

/** Longest chemical formula read, either side of a number (characters). */
const longestFormula = 24

/** A chemical formula (`FeSO4`, `Al2(SO4)3`): element symbols with counts, a lower-case letter or an inner count among them. */
const formula = /^(?:[A-Z][a-z]?\d*|\((?:[A-Z][a-z]?\d*)+\)\d*)+$/

/** Whether the digits at `index` belong to a chemical formula, whose counts are no calls. */
function inFormula(text: string, index: number): boolean {
  // A formula is short: the token is read no further than that (linear on long runs).
  let start = index
  while (start > 0 && index - start < longestFormula && /[A-Za-z0-9()]/.test(text.charAt(start - 1))) start--
  let end = index
  while (end < text.length && end - index < longestFormula && /[A-Za-z0-9()]/.test(text.charAt(end))) end++
  const token = text.slice(start, end)
  const symbols = token.match(/[A-Z]/g)?.length ?? 0
  return symbols >= 2 && formula.test(token) && (/[a-z(]/.test(token) || /\d\D/.test(token))
}

/**
 * Reference styles in the text; group 1 is the number; `range`, a call of a range of notes
 * (`[1–2]`, `¹⁻³`), groups 1 and 2 its first and last. Checked in this order on ties. A
 * pattern that opens with a lookbehind opens with a lookahead of what it matches first, which
 * says the same: the lookbehind is then tried only where that stands, not at every character.
 */
const referenceStyles: ReadonlyArray<{name: string; pattern: RegExp; range?: RegExp; superscript?: boolean; roman?: boolean; alphabetic?: boolean; repeatable: boolean; rejects?: (text: string, index: number) => boolean}> = [
  {name: 'bracket', pattern: /\[(\d{1,4})\](?![:(])/g, range: /\[(\d{1,4}) ?[-–] ?(\d{1,4})\](?![:(])/g, repeatable: true},
  {name: 'brace', pattern: /\{(\d{1,4})\}/g, repeatable: true},
  // A superscript closed by a parenthesis (`gebaut¹)`), unless the parenthesis closes one opened before.
  {name: 'superscript-paren', pattern: /([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})\)/gu, superscript: true, repeatable: true, rejects: closesParenthesis},
  {name: 'superscript', pattern: /([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})/gu, range: /([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})[⁻–-]([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})/gu, superscript: true, repeatable: true},
  {name: 'caret', pattern: /\^(\d{1,4})\b|<sup>(\d{1,4})<\/sup>/g, repeatable: true},
  // The space a parenthesised call may stand after is the call's (`zerstört (2).`).
  {name: 'paren', pattern: /(?=\s?\()(?<=[\p{L}\p{N}\p{P}])\s?\((\d{1,3})\)/gu, repeatable: false, rejects: enumerates},
  // A number closed by a parenthesis glued to a word (`erwähnt1)`), as German texts print calls of `1)` notes.
  {name: 'glued-paren', pattern: /(?=\d)(?<=[\p{L}.,;:!?’”"'])(\d{1,3})\)/gu, repeatable: false},
  // The same after a space (`erwähnt 1)`), as OCR reads a raised `¹)`; the space is the call's.
  // Not a parenthesis closing one opened before (`(S. 12)`), nor a locator's number (`S. 12)`).
  {name: 'spaced-paren', pattern: /(?=\s\d)(?<=[\p{L}.,;:!?’”"'])\s(\d{1,3})\)(?=[\s\p{P}]|$)/gu, repeatable: false, rejects: (text, index) => closesParenthesis(text, index) || locatorBefore(text, index)},
  // Digits glued to a word or closing punctuation, or to a year (`1883` + `1`).
  {name: 'glued', pattern: /(?=\d)(?:(?<=[\p{L}.,;:!?’”"')\]])(\d{1,3})(?![\p{N}\p{L}])|(?<=\b(?:1[5-9]\d\d|20\d\d))(\d{1,2})(?![\p{N}\p{L}]))/gu, repeatable: false, rejects: notCall},
  // A raised number OCR read after a space, past the punctuation that closes a word
  // (`yards. 2 The`, `county," 1 and`); the space is the call's. Not after a number
  // (`1848, 12 men`) nor after a locator (`No. 2`, `p. 3`).
  {name: 'spaced', pattern: /(?<=\p{L}[.,;:!?’”"')]{1,2})[ \n](\d{1,3})(?=[ \n]|$)/gu, repeatable: false, rejects: (text, index) => locatorBefore(text, index)},
  // Calls of roman-numbered notes: bracketed, in parentheses, or glued to the punctuation after a word (`met,iv`).
  {name: 'roman-bracket', pattern: /\[([ivxlc]{1,7})\](?![:(])/gi, roman: true, repeatable: true},
  {name: 'roman-paren', pattern: /(?=\s?\()(?<=[\p{L}\p{N}\p{P}])\s?\(([ivxlc]{1,7})\)/giu, roman: true, repeatable: false, rejects: enumerates},
  {name: 'roman-glued', pattern: /(?=[ivxlc])(?<=\p{L}[.,;:!?’”"')\]])([ivxlc]{1,7})(?![\p{N}\p{L}])/gu, roman: true, repeatable: false},
  // Calls of lettered notes: a bracketed letter, or one in parentheses after a word or its punctuation (`fields.(A)`).
  {name: 'letter-bracket', pattern: /\[([A-Za-z])\](?![:(])/g, alphabetic: true, repeatable: true},
  {name: 'letter-paren', pattern: /(?=\s?\()(?<=[\p{L}\p{N}\p{P}])\s?\(([A-Za-z])\)/gu, alphabetic: true, repeatable: false, rejects: enumerates}
]

interface Call {
  offset: number
  raw: string
  note: NoteDraft
  /** The other notes a range call calls (`¹⁻³` calls notes 1, 2 and 3), after `note`. */
  also?: NoteDraft[]
  /** The call is a letter OCR read for its number (`it.l` for `it.1`). */
  misread?: boolean
}

/** A call of note 1 that OCR read as a letter, glued to the punctuation closing a sentence or clause (`fouled it.l Their`). */
const misreadCall = /(?<=[\p{L}\p{N}][.,;:!?’”"')\]])[lI](?=\s|$)/gu
/** Reference styles whose calls OCR may read as letters (digits set raised or glued). */
const misreadStyles = new Set(['glued', 'superscript'])

/**
 * Note 1's call misread as a letter, where the calls of the other notes are found: the one
 * letter glued to punctuation between `from` and the next call.
 */
function misreadFirstCall(text: string, from: number, calls: readonly Call[], notes: readonly NoteDraft[], numbers: readonly number[]): Call | undefined {
  const note = notes[0]
  if (numbers[0] !== 1 || !note || calls.length === 0 || calls.some((call) => call.note === note)) return undefined
  const to = calls[0]?.offset ?? from
  const found = [...text.slice(from, to).matchAll(misreadCall)]
  const only = found.length === 1 ? found[0] : undefined
  return only ? {offset: from + only.index, raw: only[0], note, misread: true} : undefined
}

/** How far past the last note a number may be and still read as a call of a lost note. */
const orphanReach = 10

/**
 * The references of `notes` in `text` between `from` and `to`: for each style, the numbers in
 * sequence (each the first occurrence after the previous one); the style finding most wins.
 * `orphans`: marks of the winning style (an unambiguous one) that call no note of the section;
 * `first` and `reach`: where its sequence of calls begins and ends.
 */
function findCalls(text: string, from: number, to: number, notes: readonly NoteDraft[], numbers: readonly number[], kind: 'number' | 'roman' | 'letter' = 'number'): {calls: Call[]; orphans: Array<{offset: number; raw: string}>; style?: string; first: number; reach: number} {
  const scope = text.slice(from, to)
  let best: Call[] = []
  let first = from
  let reach = from
  let winner: string | undefined
  let orphans: Array<{offset: number; raw: string}> = []
  const known = new Set(numbers)
  const highest = Math.max(0, ...numbers)
  for (const style of referenceStyles) {
    if ((style.roman === true) !== (kind === 'roman') || (style.alphabetic === true) !== (kind === 'letter')) continue
    const byNumber = new Map<number, Array<{offset: number; raw: string; range?: boolean}>>()
    // A call of a range of notes (`[1–2]`, `¹⁻³`) calls each number in it; the marks inside it are its own.
    const inRange = new Set<number>()
    for (const range of style.range ? scope.matchAll(style.range) : []) {
      const firstNumber = Number(style.superscript ? fromSuperscript(range[1] ?? '') : range[1])
      const lastNumber = Number(style.superscript ? fromSuperscript(range[2] ?? '') : range[2])
      if (!isNoteRange(firstNumber, lastNumber)) continue
      for (let at = range.index; at < range.index + range[0].length; at++) inRange.add(at)
      for (let number = firstNumber; number <= lastNumber; number++) {
        const found = {offset: from + range.index, raw: range[0], range: true}
        const list = byNumber.get(number)
        if (list) list.push(found)
        else byNumber.set(number, [found])
      }
    }
    style.pattern.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = style.pattern.exec(scope))) {
      if (inRange.has(match.index) || style.rejects?.(scope, match.index)) continue
      const digits = match[1] ?? match[2] ?? ''
      const number = style.roman ? (romanToNumber(digits.toLowerCase()) ?? -1) : style.alphabetic ? letterNumber(digits) : Number(style.superscript ? fromSuperscript(digits) : digits)
      const list = byNumber.get(number)
      // The space a call takes with it is a line end where the call opens a line: the call is the line's.
      const lead = /^\s*\n/.exec(match[0])?.[0].length ?? 0
      const found = {offset: from + match.index + lead, raw: match[0].slice(lead)}
      if (list) list.push(found)
      else byNumber.set(number, [found])
    }
    if (inRange.size > 0) for (const list of byNumber.values()) list.sort((a, b) => a.offset - b.offset)
    const calls: Call[] = []
    let position = from
    notes.forEach((note, index) => {
      const list = byNumber.get(numbers[index] ?? -1)
      const previous = calls.at(-1)
      // The next number of a range is called by the range's mark, which the number before took.
      const found = list?.find((candidate) => candidate.offset >= position || (candidate.range === true && candidate.offset === previous?.offset))
      if (!found) return
      if (previous && found.offset === previous.offset) alsoCalls(previous, note)
      else calls.push({offset: found.offset, raw: found.raw, note})
      position = found.offset + found.raw.length
    })
    if (calledCount(calls) > calledCount(best)) {
      first = calls[0]?.offset ?? from
      reach = position
      // A note cited again (`see note 3`) is called by each unambiguous marker of its number.
      if (style.repeatable) {
        const taken = new Set(calls.map((call) => call.offset))
        const again = new Map<number, Call>()
        notes.forEach((note, index) => {
          for (const candidate of byNumber.get(numbers[index] ?? -1) ?? []) {
            if (taken.has(candidate.offset)) continue
            const range = again.get(candidate.offset)
            if (range) alsoCalls(range, note)
            else {
              const call = {offset: candidate.offset, raw: candidate.raw, note}
              calls.push(call)
              again.set(candidate.offset, call)
            }
          }
        })
      }
      best = calls
      winner = style.name
      // A range no note answers (`[12-14]`, pages) is text, and no lost note's call.
      orphans = style.repeatable ? [...byNumber].filter(([number]) => !known.has(number) && number > 0 && number <= highest + orphanReach).flatMap(([, list]) => list.filter((candidate) => candidate.range !== true)) : []
    }
  }
  const misread = winner !== undefined && misreadStyles.has(winner) ? misreadFirstCall(text, from, best, notes, numbers) : undefined
  if (misread) {
    best.push(misread)
    first = Math.min(first, misread.offset)
  }
  return {calls: best.sort((a, b) => a.offset - b.offset), orphans, style: winner, first, reach}
}

/** Note `note` called by the mark of `call` as well (a range's next number), once. */
function alsoCalls(call: Call, note: NoteDraft): void {
  if (call.note !== note && !call.also?.includes(note)) (call.also ??= []).push(note)
}

/** The notes some call calls. */
function calledNotes(calls: readonly Call[]): Set<NoteDraft> {
  return new Set(calls.flatMap((call) => [call.note, ...(call.also ?? [])]))
}

function calledCount(calls: readonly Call[]): number {
  return calls.reduce((count, call) => count + 1 + (call.also?.length ?? 0), 0)
}

type NoteKind = 'number' | 'roman' | 'letter'

function kindOf(note: NoteBody): NoteKind {
  return note.roman === undefined ? 'number' : note.alphabetic ? 'letter' : 'roman'
}

/**
 * The calls of a section's notes, each series by its own kind of call: numbered notes and the
 * lettered ones after them (`Note 2.`, `NOTE A.`) are called by figures and by letters.
 */
function callsOfKinds(text: string, from: number, to: number, notes: readonly NoteDraft[], numbers: readonly number[], kinds: readonly NoteKind[]): ReturnType<typeof findCalls> {
  const distinct = [...new Set(kinds)]
  if (distinct.length <= 1) return findCalls(text, from, to, notes, numbers, distinct[0])
  const found = distinct.map((kind) => {
    const indices = kinds.flatMap((each, index) => (each === kind ? [index] : []))
    return findCalls(text, from, to, indices.map((index) => notes[index] as NoteDraft), indices.map((index) => numbers[index] ?? -1), kind)
  })
  const main = found[0] as ReturnType<typeof findCalls>
  return {
    calls: found.flatMap((each) => each.calls).sort((a, b) => a.offset - b.offset),
    orphans: found.flatMap((each) => each.orphans),
    ...(main.style === undefined ? {} : {style: main.style}),
    first: Math.min(...found.map((each) => each.first)),
    reach: Math.max(...found.map((each) => each.reach))
  }
}

/**
 * A subhead's words for finding the same heading in the text: case, punctuation, roman numerals,
 * numbers in words and the order of the words aside (`ersten Kapitel` is `Erstes Kapitel`,
 * `Kapitel 3` is `Drittes Kapitel`).
 */
function headingKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/).map((word) => {
    const arabic = /^[ivxlc]+$/.test(word) ? romanToNumber(word) : ordinalValue(word)
    return arabic === undefined ? word : String(arabic)
  }).sort().join(' ')
}

/**
 * The calls of each section's notes, looked for in the text before it. Sections parted by
 * subheads share the text before their heading: each part's calls are looked for after the
 * same heading in the text (`Chapter 2` in the notes, `CHAPTER II` in the text) when every part
 * finds its own, else after the calls of the part before.
 */
function pairSections(context: ConventionContext, sections: readonly Section[], drafts: readonly NoteDraft[][]): Array<ReturnType<typeof findCalls>> {
  const {text, lines} = context
  const results: Array<ReturnType<typeof findCalls>> = []
  // A note for a range of calls (`1–2.`) is called by each number in it.
  const spanned = (index: number) => (sections[index] as Section).notes.flatMap((note, at) => Array.from({length: (note.through ?? note.number) - note.number + 1}, (_, step) => ({note, at, number: note.number + step})))
  const numbersOf = (index: number) => spanned(index).map((entry) => entry.number)
  const romanOf = (index: number): NoteKind[] => spanned(index).map((entry) => kindOf(entry.note))
  const draftsOf = (index: number): NoteDraft[] => spanned(index).flatMap((entry) => drafts[index]?.[entry.at] ?? [])
  let previousEnd = 0
  for (let index = 0; index < sections.length; index++) {
    const section = sections[index] as Section
    const start = (lines[section.start] as RawLine).offset
    let last = index
    while (section.group !== undefined && sections[last + 1]?.group === section.group) last++
    if (section.group === undefined || last === index) results.push(callsOfKinds(text, previousEnd, start, draftsOf(index), numbersOf(index), romanOf(index)))
    else {
      // Each part's calls from its heading in the text, or from the first call after the part before's.
      let bounds = subheadAnchors(lines, sections.slice(index, last + 1), previousEnd, start)
      if (!bounds) {
        bounds = []
        let from = previousEnd
        for (let part = index; part <= last; part++) {
          const found = callsOfKinds(text, from, start, draftsOf(part), numbersOf(part), romanOf(part))
          // From the line of the part's first call (a glued call is read with the word before it).
          bounds.push(Math.max(from, text.lastIndexOf('\n', found.first) + 1))
          from = found.reach
        }
      }
      for (let part = index; part <= last; part++) results.push(callsOfKinds(text, bounds[part - index] ?? previousEnd, bounds[part - index + 1] ?? start, draftsOf(part), numbersOf(part), romanOf(part)))
      index = last
    }
    previousEnd = lineEnd(lines[(sections[index] as Section).end - 1])
  }
  return results
}

/** Where each part's subhead stands in the text between `from` and `to`, in order; undefined unless all do. */
function subheadAnchors(lines: readonly RawLine[], parts: readonly Section[], from: number, to: number): number[] | undefined {
  const anchors: number[] = []
  let at = 0
  for (const part of parts) {
    const key = headingKey(part.subhead?.text ?? '')
    if (key === '') return undefined
    while (at < lines.length && (lines[at] as RawLine).offset < from) at++
    while (at < lines.length && (lines[at] as RawLine).offset < to && headingKey((lines[at] as RawLine).text) !== key) at++
    const line = lines[at]
    if (!line || line.offset >= to) return undefined
    anchors.push(line.offset)
    at++
  }
  return anchors
}

export const notesSection: Convention = {
  name: 'notes-section',
  score(context) {
    const sections = findSections(context.lines, context.text, context.pageBreaks)
    if (sections.length === 0) return 0
    let found = 0
    const styles = new Set<string | undefined>()
    const drafts = sections.map((section) => section.notes.map((note): NoteDraft => ({label: String(note.number), offset: note.offset, paragraphs: []})))
    const results = pairSections(context, sections, drafts)
    for (const [index, section] of sections.entries()) {
      const result = results[index]
      const called = calledNotes(result?.calls ?? []).size
      if (section.needsCalls && (called < 2 || called * 2 < section.notes.length)) return 0
      if (citesAgain(context.text, section)) return 0
      found += called
      styles.add(result?.style)
    }
    // `[1]` calls and a list of `[1]` notes closing the text, nothing more: bracketed endnotes, whose convention reads them.
    const [only] = sections
    if (sections.length === 1 && only && !only.heading && styles.has('bracket') && bracketOpening.test(unindent(context.lines[only.start] as RawLine).text)) return 0
    // A numbered list under a notes heading that the text never calls is a list (remarks, steps), not notes.
    if (found === 0) return 0
    // A heading, or notes printed after their paragraphs, is evidence of its own: it wins a tie
    // with a list of bracketed endnotes.
    return found + (sections.length > 1 || sections.some((section) => section.heading) ? 1 : 0)
  },
  extract
}

/** A number in brackets (`[3]`), a list (`[1,2]`, `[1, 4]`) or a range (`[2–4]`) of them. */
const bracketedNumbers = /\[(\d{1,3}(?:\s?[,–—-]\s?\d{1,3}){0,12})\]/g

/** A note that opens with the links back to its calls (`1. ^ a b …`), as web pages copied as text print them. */
const backlinkOpening = /^[ \t]*\d{1,3}[.)]?[ \t]+\^/m

/**
 * A numbered list under a reference list's heading (`References`, `Literatur`) whose numbers the
 * text cites in brackets again and again is a numbered reference list (Vancouver), not notes: a
 * note is called once, unless its links back to its calls say otherwise (`1. ^ a b …`). Only the
 * list's own numbers count (`[40-42]` beyond them is a page span), a range a note's label answers
 * (`[1–2]` for the note `1–2.`) is that note's one call, and it takes two signs: two numbers cited
 * again, or a bracket citing several numbers (`[1,2]`, `[2–4]`) and one more sign.
 */
function citesAgain(text: string, section: Section): boolean {
  if (!section.heading || !isReferenceHeading(section.heading.text)) return false
  const first = section.notes[0]
  if (first && backlinkOpening.test(text.slice(first.offset, first.offset + 40))) return false
  const listed = Math.max(0, ...section.notes.map((note) => note.through ?? note.number))
  const answered = new Set(section.notes.filter((note) => note.through !== undefined).map((note) => `${note.number}–${note.through}`))
  const seen = new Set<number>()
  const again = new Set<number>()
  let grouped = 0
  for (const match of text.slice(0, section.heading.offset).matchAll(bracketedNumbers)) {
    const printed = match[1] ?? ''
    const range = /^(\d+)\s?[–—-]\s?(\d+)$/.exec(printed)
    if (range && answered.has(`${Number(range[1])}–${Number(range[2])}`)) continue
    const numbers = [...new Set(printed.split(/\s?,\s?/).flatMap((part) => {
      const [from, to] = part.split(/\s?[–—-]\s?/).map(Number)
      if (from === undefined) return []
      if (to === undefined) return [from]
      return to >= from && to - from <= listed ? Array.from({length: to - from + 1}, (_, step) => from + step) : [from, to]
    }))].filter((number) => number >= 1 && number <= listed)
    if (numbers.length > 1) grouped++
    for (const number of numbers) {
      if (seen.has(number)) again.add(number)
      seen.add(number)
    }
  }
  return again.size + grouped >= 2
}

function extract(context: ConventionContext): Extraction {
  const {text, file, locate, vocabulary} = context
  const sections = findSections(context.lines, text, context.pageBreaks)
  const notes: NoteDraft[] = []
  const calls = new Map<number, Call>()
  const seen = new Map<string, number>()
  const verse = verseLines(context.lines, true)
  const drafts = sections.map((section) =>
    section.notes.map((body): NoteDraft => {
      // A note for a range of calls is labelled with the range, an en dash between (a hyphen parts renumbered labels).
      const printed = body.roman ?? (body.through === undefined ? String(body.number) : `${body.number}–${body.through}`)
      const count = (seen.get(printed) ?? 0) + 1
      seen.set(printed, count)
      const paragraphs = body.lines.flatMap((group, index) => noteParagraphs(text, group, index === 0, verse, vocabulary))
      const first = paragraphs[0]
      if (first) paragraphs[0] = withoutBacklink(first)
      return {label: printed, offset: body.offset, paragraphs}
    })
  )
  const paired = pairSections(context, sections, drafts)
  for (const note of sections.flatMap((section) => section.notes)) {
    if (note.misread) report(file, 'note-number-misread', `Unexpected note number \`${note.misread.printed}\`, expected \`${note.number}\` (note ${note.number + 1} follows it); read as ${note.number}`, locate(note.misread.offset))
  }
  for (const [index, section] of sections.entries()) {
    const previous = drafts[index - 1]?.at(-1)
    if (section.continues && previous) report(file, 'note-continuation', `Unexpected note text after the body, expected it to continue note ${previous.label} from the previous page`, locate(section.continues.offset))
  }
  for (const [index, sectionDrafts] of drafts.entries()) {
    const {calls: found, orphans} = paired[index] ?? {calls: [], orphans: []}
    for (const call of found) {
      calls.set(call.offset, call)
      if (call.misread) report(file, 'note-number-misread', `Unexpected reference \`${call.raw}\`, expected \`1\` (the calls of the notes after it follow); read as the call of note ${call.note.label}`, locate(call.offset))
    }
    for (const orphan of orphans) report(file, 'reference-without-note', `Unexpected reference \`${orphan.raw}\` without a note in the notes section after it, expected a note ${orphan.raw.replace(/\D/g, '')}; kept as text`, locate(orphan.offset))
    const called = calledNotes(found)
    for (const draft of sectionDrafts) {
      if (!called.has(draft)) report(file, 'note-without-reference', `Unexpected note ${draft.label} without a reference in the text before its notes section, expected \`[${draft.label}]\`, a superscript or a number after a word`, locate(draft.offset))
    }
    notes.push(...sectionDrafts)
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
  return {lines: bodyLines(context, sections, calls), notes, paragraphPerLine: paragraphPerLine(context.lines), witness: witnessOf(text, calls, sections)}
}

/**
 * The paragraphs of one blank-parted group of a note's lines (`opens`: the group its number opens): the lines join with a space (or a
 * mended hyphen), but verse the note quotes keeps its lines, as in the body: lines set in from the
 * margin (`verse`, by their line's start) and the lines between DP's `/*` and `*\/`, whose marker
 * lines go to the apparatus and part paragraphs.
 */
function noteParagraphs(text: string, group: readonly RawLine[], opens: boolean, verse: ReadonlySet<number>, vocabulary: ConventionContext['vocabulary']): Span[][] {
  const paragraphs: Span[][] = []
  let current: Span[] | undefined
  const keeping = lineKeeping()
  group.forEach((line, index) => {
    const value = line.text.trimEnd()
    const indentedVerse = (index > 0 || !opens) && verse.has(text.lastIndexOf('\n', line.offset - 1) + 1)
    const ownLine = keeping.own(indentedVerse, () => current !== undefined && goesOnSentence(readingOf(current)))
    if ((index > 0 || !opens) && dpBlockMarker.test(value)) {
      paragraphs.push([{type: 'removed', value, rule: 'dp-markup', offset: line.offset}])
      current = undefined
      keeping.marker(value)
    } else {
      const run: Span[] = [{type: 'text', value, offset: line.offset}]
      if (current && keeping.breaksBefore(ownLine)) current.push({type: 'break'}, ...run)
      else if (current) current = joinSpans(current, run, vocabulary)
      else paragraphs.push((current = run))
      if (paragraphs.length > 0) paragraphs[paragraphs.length - 1] = current
    }
    keeping.done(ownLine && current !== undefined)
  })
  return paragraphs
}

/** A web page's back-link copied as text at a note's start (`^`, `^ a b`, `↑`): not the note's words. */
const copiedBacklink = /^[\^↑](?:\s+[a-z](?=\s))*\s+(?=\S)/

/** The note's first paragraph with a copied back-link opening it removed into the apparatus. */
function withoutBacklink(spans: Span[]): Span[] {
  const [head, ...rest] = spans
  if (head?.type !== 'text') return spans
  const match = copiedBacklink.exec(head.value)
  if (!match) return spans
  const value = match[0].trimEnd()
  const after = head.value.slice(match[0].length)
  const offset = head.offset === undefined ? undefined : head.offset + match[0].length
  return [{type: 'removed', value, rule: 'html-backlink', offset: head.offset}, {type: 'text', value: ' '}, {type: 'text', value: after, offset}, ...rest]
}

/**
 * The text as the edition keeps its words: a space before each call glued to a word (`18843` →
 * `1884 3`), since the call's digits become the note's label, so the word the source prints is
 * two words of the edition; and the word before a body's number (`Note 1.`) blanked, since the
 * label stands in its place.
 */
function witnessOf(text: string, calls: Map<number, Call>, sections: readonly Section[]): string | undefined {
  const edits: Array<{offset: number; insert?: string; length: number}> = []
  for (const [offset, call] of calls) {
    // A letter OCR read for the call's number is the number the note's label gives.
    if (call.misread) edits.push({offset, length: call.raw.length})
    else if (offset > 0 && /[\p{L}\p{N}]/u.test(text.charAt(offset - 1))) edits.push({offset, insert: ' ', length: 0})
  }
  for (const section of sections) {
    for (const note of section.notes) {
      if (note.word) edits.push({offset: note.word.offset, length: note.word.length})
      // A letter OCR read for the number is the number the label gives.
      if (note.misread) edits.push({offset: note.misread.offset, length: note.misread.printed.length})
      if (note.glued !== undefined) edits.push({offset: note.glued, insert: ' ', length: 0})
    }
    if (section.continuedMark) edits.push(section.continuedMark)
  }
  return edits.length === 0 ? undefined : withEdits(text, edits)
}

/**
 * `text` with each edit made: `length` characters at `offset` replaced by `insert`, or by as
 * many spaces (blanked for the word check). The edits do not overlap.
 */
export function withEdits(text: string, edits: Array<{offset: number; insert?: string; length: number}>): string {
  edits.sort((a, b) => a.offset - b.offset)
  const parts: string[] = []
  let last = 0
  for (const edit of edits) {
    parts.push(text.slice(last, edit.offset), edit.insert ?? ' '.repeat(edit.length))
    last = edit.offset + edit.length
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
      if ((index === section.start && section.heading) || raw === section.subhead) {
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
    // A range's other notes, called by the same mark.
    for (const note of call.also ?? []) out.push({type: 'ref', label: note.label, raw: '', offset: offset + index})
    last = index + call.raw.length
    index = last - 1
  }
  if (last < value.length) out.push({type: 'text', value: value.slice(last), offset: offset + last})
  return out
}
