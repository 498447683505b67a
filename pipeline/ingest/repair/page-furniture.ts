/**
 * Page furniture in the text of a scanned book or journal: the page numbers and running heads
 * that OCR keeps between the pages. They are not the work: each is removed into the apparatus
 * (`:removed[…]{rule="page-number"}`, `running-head`) where it stood, and a paragraph that a page
 * break cut is joined again.
 *
 * Only what repeats as pages do is taken, or in a text of a few pages only, a number alone where
 * a page's number stands:
 * - page numbers: numbers alone on their lines that count up (a page or a few at a time) at
 *   the distance of a page, pages about as long as one another, at least three of them or two
 *   with a running head (section and stanza numbers come closer together, further apart or at
 *   uneven distances; roman numerals, which number chapters, and years are left);
 * - running heads with their page number (`12 THE MILLS`, `THE MILLS 13`): a short line alone
 *   that comes back with its number counting up;
 * - running heads without a number: a short line alone that comes back, each time next to a
 *   page number (the same words as the title at the top are a title there);
 * - in a short text with one or two page breaks, too few to repeat (no more lines than the
 *   longest pages, one more than its numbers), its one or two numbers alone (not 1, counting
 *   up) where each stands between paragraphs of prose, not beside a heading.
 */
import type {Vocabulary} from './vocabulary.js'
import {divisionWords} from '../structure/heading.js'
import {isBlank, type RawLine} from '../lines.js'
import {endsSentence, isLeadIn, isProse, joinSpans, longestNoteRest} from './join.js'
import {readingOf, type Line} from '../spans.js'

export type FurnitureRule = 'page-number' | 'running-head' | 'footnote-rule' | 'page-separator'

/** A Distributed Proofreaders page separator (`-----File: 012.png---\proofer\…`), alone on its line. */
export const pageSeparator = /^-{3,}\s*File:\s*\S+?\.(?:png|jpe?g|gif|tiff?)\b.*$/i

/** The DP page separators of a text, by line index: page breaks as a scan's page numbers are. */
export function pageSeparators(lines: readonly RawLine[]): Map<number, FurnitureRule> {
  const found = new Map<number, FurnitureRule>()
  lines.forEach((line, index) => {
    if (pageSeparator.test(line.text.trim())) found.set(index, 'page-separator')
  })
  return found
}

/** A rule drawn above a page's notes (`__________`, `----`, `———`), on a line of its own. */
const ruleLine = /^\s*(?:[_─━—–-]\s?){3,}\s*$/
/** A line that opens a note: a number, a superscript, a note mark or a bracketed number. */
const noteOpening = /^\s*(?:\d{1,3}\.?\s|[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s?\S|[*†‡§‖¶]\s?\S|\[\d{1,3}\]|\(\d{1,3}\)\s|\^\d{1,3}\s)/u

/** The first note's opening (`1 `, `1. `, `¹`, `*`, `[1]`, `(1)`): a rule above it parts text and notes. */
const firstNoteOpening = /^\s*(?:1\.?\s|¹\s?\S|[*†]\s?\S|\[1\]|\(1\)\s|\^1\s)/u

/**
 * Rule lines that may stand above notes: a rule line after the text with a note opening the
 * next line of text; `first`, whether one stands above the first note.
 */
function ruleCandidates(lines: readonly RawLine[]): {found: number[]; first: boolean} {
  const found: number[] = []
  let first = false
  lines.forEach((line, index) => {
    if (!ruleLine.test(line.text)) return
    const before = neighbour(lines, index, -1)
    const after = neighbour(lines, index, 1)
    const next = after === undefined ? undefined : (lines[after] as RawLine).text
    if (before === undefined || ruleLine.test((lines[before] as RawLine).text) || next === undefined || !(noteOpening.test(next) || restThenNote(lines, after as number))) return
    if (firstNoteOpening.test(next)) first = true
    found.push(index)
  })
  return {found, first}
}

/**
 * Whether the lines from `index` are the rest of a note the page before cut (opening in lower
 * case) with a note opening a line right after them, in the same block.
 */
function restThenNote(lines: readonly RawLine[], index: number): boolean {
  if (!/^\s*\p{Ll}/u.test((lines[index] as RawLine).text)) return false
  for (let at = index + 1; at < lines.length && at <= index + longestNoteRest; at++) {
    const line = lines[at] as RawLine
    if (isBlank(line)) return false
    if (noteOpening.test(line.text)) return true
  }
  return false
}

/**
 * Rules drawn above notes: candidates twice or more in the text (the notes of each page), or
 * once with page numbers found or above the first note.
 */
function footnoteRules({found, first}: {found: number[]; first: boolean}, pages: boolean): number[] {
  return found.length >= 2 || (found.length === 1 && (pages || first)) ? found : []
}

/** A page number alone on its line: bare, in dashes, brackets or parentheses. */
const pageNumberLine = /^[-–—[(]?\s*(\d{1,4})\s*[-–—\])]?$/
/** A running head with its page number at one end (`12 THE MILLS`, `THE MILLS 13`). */
const numberedHead = /^(?:(\d{1,4})\s+(\S.*)|(\S.*?)\s+(\d{1,4}))$/

/** Numbers read as years, never as page numbers. */
const firstYear = 1000
const lastYear = 2099

/** Longest running head, in characters. */
const longestHead = 70
/** The most pages a run of page numbers may skip between two of its lines (plates are not numbered). */
const largestStep = 4
/** Fewest lines of text between two page numbers, as a median of the run, and most between any two. */
const fewestPageLines = 10
const mostPageLines = 120

/** A line with blank lines (or the text's ends) around it. */
function standsAlone(lines: readonly RawLine[], index: number): boolean {
  const before = lines[index - 1]
  const after = lines[index + 1]
  return (!before || isBlank(before)) && (!after || isBlank(after))
}

/**
 * A running head's words for comparing heads (case and spaces aside), or undefined for a line no
 * head is. `stop`: a full stop closing the words is the head's (older prints set heads with one,
 * `Geschichte des Amtes. 12`), where its page number beside it is the evidence.
 */
function headKey(text: string, stop = false): string | undefined {
  const trimmed = text.trim()
  const core = (stop && /[^.]\.$/.test(trimmed) ? trimmed.slice(0, -1) : trimmed).toLowerCase().replace(/\s+/g, ' ')
  if (core.length > longestHead || !/\p{L}{2}/u.test(core) || /[,;:.!?]$/.test(core) || core.split(' ').length > 10) return undefined
  return core
}

interface Numbered {
  index: number
  number: number
}

/**
 * Runs of `entries` (in text order) whose numbers count up by at most `largestStep`, each
 * of at least two lines at page distance (`textLines[i]`: lines of text before line i).
 */
function pageRuns(entries: readonly Numbered[], textLines: readonly number[]): Numbered[][] {
  const runs: Numbered[][] = []
  let run: Numbered[] = []
  const close = () => {
    const gaps = run.slice(1).map((entry, at) => (textLines[entry.index] ?? 0) - (textLines[(run[at] as Numbered).index] ?? 0))
    const sorted = [...gaps].sort((a, b) => a - b)
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0
    // Pages are about as long as one another: none much longer, few much shorter (a chapter's
    // last page); numbered sections are not.
    const regular = gaps.every((gap) => gap <= median * 1.6) && gaps.filter((gap) => gap >= median * 0.5).length * 3 >= gaps.length * 2
    if (run.length >= 2 && median >= fewestPageLines && (sorted[sorted.length - 1] ?? 0) <= mostPageLines && regular) runs.push(run)
    run = []
  }
  for (const entry of entries) {
    const last = run[run.length - 1]
    if (last && !(entry.number > last.number && entry.number - last.number <= largestStep)) close()
    run.push(entry)
  }
  close()
  return runs
}

/** The page furniture of a text: line index → rule. */
export function pageFurniture(lines: readonly RawLine[]): Map<number, FurnitureRule> {
  const found = new Map<number, FurnitureRule>()
  const textLines: number[] = []
  let count = 0
  const numbers: Numbered[] = []
  const heads = new Map<string, Numbered[]>()
  const sided: Sided[] = []
  lines.forEach((line, index) => {
    textLines.push(count)
    if (isBlank(line)) return
    count++
    if (!standsAlone(lines, index)) return
    const text = line.text.trim()
    const page = pageNumberLine.exec(text)
    if (page) {
      // A year alone on its line heads a chronicle's or a diary's part; it is no page number.
      const number = Number(page[1])
      if (number < firstYear || number > lastYear) numbers.push({index, number})
      return
    }
    // Only a line as short as a head is matched (bounded: the pattern backtracks on long runs of spaces).
    const head = text.length <= longestHead + 6 ? numberedHead.exec(text) : null
    const key = head && headKey(head[2] ?? head[3] ?? '', true)
    // `Chapter 12`, `Part 3`: the number is the division's, the line a heading, not a head and its page.
    if (!head || !key || (head[3] !== undefined && divisionWords.includes(key))) return
    const list = heads.get(key) ?? []
    const entry = {index, number: Number(head[1] ?? head[4])}
    list.push(entry)
    heads.set(key, list)
    sided.push({...entry, first: head[1] !== undefined})
  })
  // Two page numbers alone are not enough: a line beside one of them must come back elsewhere
  // (a running head, or the title it repeats), as in a short excerpt of a book, or rules above
  // the notes of the pages (two or more). The lines alone
  // are counted when a run of two is first found.
  let lonely: Map<string, number> | undefined
  const lonelyLines = (): Map<string, number> => {
    if (lonely) return lonely
    lonely = new Map()
    for (const [index, line] of lines.entries()) {
      const key = !isBlank(line) && standsAlone(lines, index) ? headKey(line.text) : undefined
      if (key !== undefined) lonely.set(key, (lonely.get(key) ?? 0) + 1)
    }
    return lonely
  }
  const headBeside = (index: number) =>
    [neighbour(lines, index, -1), neighbour(lines, index, 1)].some((at) => {
      const key = at === undefined ? undefined : headKey((lines[at] as RawLine).text)
      return key !== undefined && (lonelyLines().get(key) ?? 0) >= 2
    })
  // Rules above the notes of two pages or more are pages' evidence, as a head is.
  const rules = ruleCandidates(lines)
  const numberRuns = pageRuns(numbers, textLines)
  for (const run of numberRuns) {
    if (run.length === 2 && rules.found.length < 2 && !run.some(({index}) => headBeside(index)) && !run.every(({index}) => notesAbove(lines, index))) continue
    for (const {index} of run) found.set(index, 'page-number')
  }
  if (found.size === 0) for (const index of lonePageNumbers(lines, numbers, count)) found.set(index, 'page-number')
  const numbered: Numbered[] = []
  for (const run of numberRuns) if (run.every(({index}) => found.has(index))) numbered.push(...run)
  for (const list of heads.values()) {
    for (const run of pageRuns(list, textLines)) {
      for (const {index} of run) found.set(index, 'running-head')
      numbered.push(...run)
    }
  }
  for (const run of facingHeads(sided, found, textLines)) {
    for (const {index} of run) found.set(index, 'running-head')
    numbered.push(...run)
  }
  for (const index of footnoteRules(rules, found.size > 0)) found.set(index, 'footnote-rule')
  if (found.size === 0) return found
  lonelyHeads(heads, numbered, textLines, found)

  // Heads without a number: the same short line alone next to page numbers, at least twice.
  const besidePages = new Map<string, number[]>()
  lines.forEach((line, index) => {
    if (isBlank(line) || found.has(index) || !standsAlone(lines, index)) return
    const before = neighbour(lines, index, -1)
    const after = neighbour(lines, index, 1)
    if (!(before !== undefined && found.get(before) === 'page-number') && !(after !== undefined && found.get(after) === 'page-number')) return
    const key = headKey(line.text)
    if (key === undefined) return
    const list = besidePages.get(key)
    if (list) list.push(index)
    else besidePages.set(key, [index])
  })
  for (const indexes of besidePages.values()) if (indexes.length >= 2) for (const index of indexes) found.set(index, 'running-head')
  return found
}

/** Most page numbers a short text (an excerpt of a few pages) has that no run of pages confirms. */
const mostLonePageNumbers = 2

/**
 * The page numbers of a short text with one or two page breaks, too few for a run: one or two
 * numbers alone on their lines (counting up, none the first page's), each between paragraphs
 * of prose (or under the notes at a page's foot), where a heading or a stanza would stand
 * beside a short line. Section and stanza
 * numbers start from one and come in longer series. The text is short: no more pages than
 * its numbers and one, of at most `mostPageLines` lines of text each (`total` lines in all).
 */
function lonePageNumbers(lines: readonly RawLine[], numbers: readonly Numbered[], total: number): number[] {
  if (numbers.length === 0 || numbers.length > mostLonePageNumbers) return []
  if (total > (numbers.length + 1) * mostPageLines) return []
  const [first, second] = numbers
  if (!first || first.number <= 1 || (second && !(second.number > first.number && second.number - first.number <= largestStep))) return []
  const prose = (at: number | undefined) => at !== undefined && isProse((lines[at] as RawLine).text, minimumProseWords)
  // Above the number, the page's prose or the notes at its foot (a note opens a line of the block above).
  const between = ({index}: Numbered) => (prose(neighbour(lines, index, -1)) || noteInBlockAbove(lines, index)) && prose(neighbour(lines, index, 1))
  return numbers.every(between) ? numbers.map(({index}) => index) : []
}

/** A numbered head and the end its number stands at. */
interface Sided extends Numbered {
  /** The number opens the line (`142 THE JOURNAL`), as on a left-hand page. */
  first: boolean
}

/**
 * Heads of facing pages whose words differ (the journal's name on the left, the article's title
 * on the right, each with its number): pages numbered one apart, each number at the page's
 * outer edge, even numbers at one end of the line and odd numbers at the other, on both sides.
 */
function facingHeads(sided: readonly Sided[], found: ReadonlyMap<number, FurnitureRule>, textLines: readonly number[]): Numbered[][] {
  const runs: Numbered[][] = []
  let run: Sided[] = []
  const close = () => {
    const even = run.filter((entry) => entry.number % 2 === 0)
    const odd = run.filter((entry) => entry.number % 2 === 1)
    const side = (entries: readonly Sided[]) => (entries.every((entry) => entry.first) ? 1 : entries.every((entry) => !entry.first) ? -1 : 0)
    const facing = even.length > 0 && odd.length > 0 && side(even) !== 0 && side(even) === -side(odd)
    if (facing) runs.push(...pageRuns(run, textLines))
    run = []
  }
  for (const entry of sided) {
    if (found.has(entry.index)) continue
    const last = run[run.length - 1]
    if (last && entry.number !== last.number + 1) close()
    run.push(entry)
  }
  close()
  return runs
}

/**
 * A numbered head that comes only once (a recto's chapter title in a short excerpt) is a head
 * where its number is the page the found page numbers and heads around it say: one more than
 * the page before and one less than the page after, at the distance of a page.
 */
function lonelyHeads(heads: ReadonlyMap<string, Numbered[]>, numbered: Numbered[], textLines: readonly number[], found: Map<number, FurnitureRule>): void {
  numbered.sort((a, b) => a.index - b.index)
  const atPageDistance = (a: Numbered, b: Numbered) => {
    const gap = Math.abs((textLines[a.index] ?? 0) - (textLines[b.index] ?? 0))
    return gap >= fewestPageLines && gap <= mostPageLines
  }
  for (const list of heads.values()) {
    for (const head of list) {
      if (found.has(head.index)) continue
      const after = numbered.findIndex((entry) => entry.index > head.index)
      const next = after === -1 ? undefined : numbered[after]
      const previous = after === -1 ? numbered.at(-1) : numbered[after - 1]
      const fitsBefore = previous !== undefined && previous.number === head.number - 1 && atPageDistance(previous, head)
      const fitsAfter = next !== undefined && next.number === head.number + 1 && atPageDistance(head, next)
      if ((fitsBefore && fitsAfter) || (fitsBefore && next === undefined) || (fitsAfter && previous === undefined)) found.set(head.index, 'running-head')
    }
  }
}

/** Whether the lines right above line `index` (back to a blank line) open with a note (`1 …`, `1. …`, `¹ …`, `* …`): a page's foot. */
function notesAbove(lines: readonly RawLine[], index: number): boolean {
  let start = neighbour(lines, index, -1)
  if (start === undefined) return false
  while (start > 0 && !isBlank(lines[start - 1] as RawLine)) start--
  return noteOpening.test((lines[start] as RawLine).text) || restThenNote(lines, start)
}

/** Most lines of a page's notes read above its page number. */
const longestNotesBlock = 20

/** Whether a line of the block right above line `index` opens a note (the rest of a note the page before cut may open the block). */
function noteInBlockAbove(lines: readonly RawLine[], index: number): boolean {
  let at = neighbour(lines, index, -1)
  for (let read = 0; at !== undefined && at >= 0 && read < longestNotesBlock && !isBlank(lines[at] as RawLine); at--, read++) {
    if (noteOpening.test((lines[at] as RawLine).text)) return true
  }
  return false
}

/** The next non-blank line before (`step` −1) or after (+1) `index`. */
function neighbour(lines: readonly RawLine[], index: number, step: 1 | -1): number | undefined {
  for (let at = index + step; at >= 0 && at < lines.length; at += step) if (!isBlank(lines[at] as RawLine)) return at
  return undefined
}

/** Fewest words of prose before a page break for the paragraph to be joined across it. */
const minimumProseWords = 6

/**
 * The body lines with the furniture put back, removed, where it stood (by offset); a paragraph
 * a page break cut (its text runs on in lower case after a line that ends no sentence) is joined
 * again, the furniture inside it.
 */
export function withFurniture(lines: readonly Line[], furniture: ReadonlyArray<{line: RawLine; rule: FurnitureRule}>, words: Vocabulary): Line[] {
  const removed = furniture.map(({line, rule}): Line => {
    const value = line.text.trim()
    const offset = line.offset + line.text.indexOf(value)
    return {spans: [{type: 'removed', value, rule, offset}], offset, blankBefore: true}
  })
  const out: Line[] = []
  let next = 0
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index]
    // The furniture that stood before this line (all that is left, after the last).
    const run: Line[] = []
    while (next < removed.length && (line === undefined || (removed[next] as Line).offset < line.offset)) run.push(removed[next++] as Line)
    if (!line) {
      out.push(...run)
      break
    }
    const copy: Line = {...line, spans: [...line.spans]}
    const before = out[out.length - 1]
    // A convention that rejoined the paragraph itself left the page's text in the line before:
    // the furniture goes inside it, where the page turned.
    if (before && !isFurniture(before)) placeInside(before, run)
    if (run.length === 0) {
      out.push(copy)
      continue
    }
    if (before && !isFurniture(before) && run.some((furnitureLine) => furnitureLine.spans[0]?.type === 'removed' && furnitureLine.spans[0].rule === 'page-separator')) dpPageHyphen(before, copy)
    if (before && !isFurniture(before) && continuesAcrossPage(paragraphBefore(out), readingOf(copy.spans))) {
      const kept = before.spans.length
      const first = copy.spans[0]
      const joined = joinSpans(before.spans, copy.spans, words)
      // The furniture stands where the page turned: before the next page's text, or after the
      // word a hyphen broke across the pages.
      let at = first ? joined.indexOf(first, Math.max(0, kept - 1)) : -1
      if (at === -1) at = joined.findIndex((span, position) => position >= kept - 1 && span.type === 'emend') + 1
      joined.splice(at > 0 ? at : joined.length, 0, ...run.flatMap((furnitureLine) => furnitureLine.spans))
      before.spans = joined
      continue
    }
    // Not joined: the text after the page starts a paragraph of its own.
    out.push(...run, {...copy, blankBefore: true})
  }
  return out
}

/**
 * Take out of `run` the furniture that stood inside `line` (a span of the line comes after it in
 * the source) and put it before the first such span.
 */
function placeInside(line: Line, run: Line[]): void {
  for (let index = 0; index < run.length; index++) {
    const furniture = run[index] as Line
    const at = line.spans.findIndex((span) => 'offset' in span && span.offset !== undefined && span.offset > furniture.offset)
    if (at <= 0) continue
    line.spans.splice(at, 0, ...furniture.spans)
    run.splice(index--, 1)
  }
}

/**
 * A word DP proofers broke over the page (`peti-*` then `*tion`): the asterisks, which only say
 * so, left out, so the hyphen is mended as any line-end hyphen.
 */
function dpPageHyphen(before: Line, after: Line): void {
  const last = before.spans[before.spans.length - 1]
  const first = after.spans[0]
  if (last?.type !== 'text' || first?.type !== 'text' || !/\p{L}-\*\s*$/u.test(last.value) || !/^\*\p{L}/u.test(first.value)) return
  before.spans[before.spans.length - 1] = {...last, value: last.value.replace(/\*\s*$/, '')}
  after.spans[0] = {...first, value: first.value.slice(1), offset: first.offset === undefined ? undefined : first.offset + 1}
}

/** The last paragraph's text so far (its last few lines, back to the one after a blank line). */
export function paragraphBefore(lines: readonly Line[]): string {
  const parts: string[] = []
  for (let at = lines.length - 1; at >= 0; at--) {
    const line = lines[at] as Line
    parts.unshift(readingOf(line.spans))
    if (line.blankBefore || parts.length >= 4) break
  }
  return parts.join(' ')
}

function isFurniture(line: Line): boolean {
  return line.spans.length === 1 && line.spans[0]?.type === 'removed' && (line.spans[0].rule === 'page-number' || line.spans[0].rule === 'running-head' || line.spans[0].rule === 'page-separator')
}

/** Whether the text after a page break (or the notes at a page's foot) continues the paragraph before it. */
export function continuesAcrossPage(previous: string, next: string): boolean {
  if (endsSentence(previous) || isLeadIn(previous) || !isProse(previous, minimumProseWords)) return false
  return /^\s*\p{Ll}/u.test(next) || /\p{L}-$/u.test(previous.trimEnd())
}
