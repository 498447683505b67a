/**
 * Lines → blocks. A source either keeps one paragraph per line (Word and web exports) or
 * wraps its lines (plain text, OCR): the share of long lines tells which. Within one-per-line
 * text, a run of short lines that continue each other is a hard-wrapped displayed quotation.
 */
import {endsSentence, joinSpans} from '../repair/join.js'
import type {Vocabulary} from '../repair/vocabulary.js'
import {readingOf, type Line, type Span} from '../spans.js'
import {looksLikeHeading} from './heading.js'
import type {RemovalRule} from '../../shared/annotations.js'

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'quote' | 'removed'

export interface ListMarker {
  ordered: boolean
  /** Number printed on an ordered item. */
  number?: number
  /** The marker as printed, restored when the numbers do not run on. */
  raw: string
}

export interface Block {
  kind: BlockKind
  spans: Span[]
  offset: number
  blankBefore: boolean
  /** True when the block is one source line. */
  single: boolean
  depth?: 1 | 2 | 3
  marker?: ListMarker
  /** A run of lines opening with bare numbers in sequence (`1 two wardens`), kept one a line. */
  numbered?: boolean
  rule?: RemovalRule
  region?: 'front' | 'body' | 'back'
  /** Set on the heading and entries of a reference list (`:::references`). */
  section?: 'references'
}

export interface BlockOptions {
  /** Lines longer than this count as unwrapped paragraphs (default: 120). */
  longLine?: number
  /** Share of long lines above which a text keeps one paragraph per line (default: 0.05). */
  longShare?: number
  /** Longest line of a hard-wrapped quotation (default: 80). */
  wrapWidth?: number
  /** Fewest lines of a hard-wrapped quotation (default: 3). */
  wrapLines?: number
}

/** A list marker at the start of a line. */
const listStart = /^(?:[-*•–]\s+)?(?:\(?\d{1,3}[.)]\s|[-*•–]\s)/

/**
 * `perLine`: true when the convention knows every line is a paragraph (Word exports); else
 * decided from the share of long lines.
 */
export function toBlocks(lines: readonly Line[], words: Vocabulary, perLineKnown?: boolean, options: BlockOptions = {}): Block[] {
  const perLine = perLineKnown ?? keepsLines(lines, options)
  const blocks: Block[] = []
  let open: Block | undefined
  /** Whether `**` opened in the open block is still unclosed (kept as we go: linear). */
  let strongOpen = false
  const readings = lines.map((line) => readingOf(line.spans))
  const numbered = perLine ? new Set<number>() : numberedLines(lines, readings)
  const entries = perLine ? new Set<number>() : yearEntries(lines, readings)
  let measure: number | undefined
  // A line as long as the text's wrapped lines is a paragraph's first line, not a heading over
  // it, however many of its words have capitals (German nouns).
  const fillsMeasure = (reading: string): boolean => {
    measure ??= wrapMeasure(lines, readings)
    return measure >= shortestMeasure && reading.trim().length >= measure * fullLine
  }
  for (const [index, line] of lines.entries()) {
    const reading = readings[index] as string
    // The number may be a quantity (`2 ounces of yeast`) as well as an item's: the lines stay as printed.
    if (numbered.has(index) && open?.numbered && !line.blankBefore) {
      open.spans.push({type: 'break'}, ...line.spans)
      continue
    }
    const startsItem = numbered.has(index) || entries.has(index) || (listStart.test(reading.trimStart()) && !(open && continuesClause(readings[index - 1] ?? '', reading)))
    const runsOn = perLine ? strongOpen : !(open?.single && looksLikeHeading(readingOf(open.spans)) && !fillsMeasure(readingOf(open.spans)))
    if (open && !line.blankBefore && !startsItem && runsOn) {
      // A line that opens with a break is kept on its own line (verse the convention knows is verse).
      if (perLine) open.spans.push({type: 'break'}, ...line.spans)
      else if (line.spans[0]?.type === 'break') open.spans.push(...line.spans)
      else joinSpans(open.spans, line.spans, words)
      open.single = false
      strongOpen = strongOpen !== oddStrong(reading)
      continue
    }
    open = {kind: 'paragraph', spans: [...line.spans], offset: line.offset, blankBefore: line.blankBefore, single: true}
    if (numbered.has(index)) open.numbered = true
    strongOpen = oddStrong(reading)
    blocks.push(open)
  }
  return perLine ? wrappedQuotations(blocks, words, options) : blocks
}

/**
 * Whether a line opening with a list marker goes on with the line before: the line before stops
 * mid-clause (on a word or a comma) and the marker counts items of the sentence (`and` / `(3) the
 * cost`), its item opening in lower case.
 */
function continuesClause(before: string, reading: string): boolean {
  return /[\p{L},]$/u.test(before.trimEnd()) && /^\(?\d{1,3}[.)]\s+\p{Ll}/u.test(reading.trimStart())
}

/** Shortest measure (characters) of a text whose lines are wrapped. */
const shortestMeasure = 45
/** Share of the measure a line fills to be a paragraph's wrapped line. */
const fullLine = 0.85

/**
 * The width of a hard-wrapped text's lines: the median length of the lines another line of
 * the paragraph follows (the last line of a paragraph is short).
 */
function wrapMeasure(lines: readonly Line[], readings: readonly string[]): number {
  const counts = new Map<number, number>()
  let total = 0
  for (let index = 0; index + 1 < lines.length; index++) {
    if ((lines[index + 1] as Line).blankBefore) continue
    const length = (readings[index] as string).trim().length
    if (length === 0) continue
    counts.set(length, (counts.get(length) ?? 0) + 1)
    total++
  }
  let seen = 0
  for (const length of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(length) ?? 0
    if (seen * 2 >= total) return length
  }
  return 0
}

/** A line opening with a bare number (`3 a constable`), group 1. */
const bareNumber = /^\s*(\d{1,3})\s+\S/
/** Fewest numbered lines of a run that makes a list: two lines of prose may open with numbers in sequence by chance. */
const fewestNumbered = 3

/**
 * Lines opening with bare numbers in sequence (`1 …`, `2 …`, `3 …`) within one paragraph, as
 * lists, verses and recipes print them; lines without a number between them go on the line
 * before.
 */
function numberedLines(lines: readonly Line[], readings: readonly string[]): Set<number> {
  const found = new Set<number>()
  let run: number[] = []
  let expected: number | undefined
  const close = () => {
    if (run.length >= fewestNumbered) for (const index of run) found.add(index)
    run = []
    expected = undefined
  }
  lines.forEach((line, index) => {
    if (line.blankBefore) close()
    const match = bareNumber.exec(readings[index] ?? '')
    const number = match ? Number(match[1]) : undefined
    if (number !== undefined && number === expected) {
      run.push(index)
      expected = number + 1
    } else if (number !== undefined && run.length < 2) {
      // A run opens at any number; an item's wrapped line may open with a number too.
      run = [index]
      expected = number + 1
    }
  })
  close()
  return found
}

/** A line opening with a year and a full stop or colon (`1204. The abbey burned.`), group 1. */
const yearEntry = /^\s*(\d{3,4})[.:]\s+\S/

/**
 * Entries of annals or a chronology: within one paragraph, lines opening with a year where the
 * line before ends a sentence, two or more with the years rising; each starts a paragraph.
 */
function yearEntries(lines: readonly Line[], readings: readonly string[]): Set<number> {
  const found = new Set<number>()
  let run: number[] = []
  let year = 0
  const close = () => {
    if (run.length >= 2) for (const index of run) found.add(index)
    run = []
    year = 0
  }
  lines.forEach((line, index) => {
    if (line.blankBefore) close()
    const match = yearEntry.exec(readings[index] ?? '')
    if (!match) return
    const opens = line.blankBefore || index === 0 || endsSentence(readings[index - 1] ?? '')
    const number = Number(match[1])
    if (!opens || number < year) {
      if (opens) close()
      return
    }
    run.push(index)
    year = number
  })
  close()
  return found
}

/** Whether a text keeps one paragraph per line: the share of its long lines says. */
export function keepsLines(lines: readonly Line[], options: BlockOptions = {}): boolean {
  const longLine = options.longLine ?? 120
  const long = lines.filter((line) => readingOf(line.spans).length > longLine).length
  return lines.length > 0 && long / lines.length > (options.longShare ?? 0.05)
}

/** An odd number of `**` on a line: strong text opened (or closed) there runs across lines. */
function oddStrong(reading: string): boolean {
  return (reading.split('**').length - 1) % 2 === 1
}

function wrappedQuotations(blocks: Block[], words: Vocabulary, options: BlockOptions): Block[] {
  const width = options.wrapWidth ?? 80
  const minimum = options.wrapLines ?? 3
  const short = (block: Block) => block.single && block.blankBefore && readingOf(block.spans).trim().length <= width
  const out: Block[] = []
  let index = 0
  while (index < blocks.length) {
    let end = index
    while (end < blocks.length && blocks[end] && short(blocks[end] as Block)) end++
    const run = blocks.slice(index, end)
    if (run.length >= minimum && isWrapped(run)) {
      const first = run[0] as Block
      const spans = [...first.spans]
      for (const block of run.slice(1)) joinSpans(spans, block.spans, words)
      out.push({...first, kind: 'quote', spans, single: false})
      index = end
      continue
    }
    // A run that is not a wrapped quotation is passed on whole, so the scan stays linear.
    const next = Math.max(end, index + 1)
    out.push(...blocks.slice(index, next))
    index = next
  }
  return out
}

/** Most lines continue the one before: unterminated, and the next starts in lower case. */
function isWrapped(run: readonly Block[]): boolean {
  let unterminated = 0
  let lower = 0
  run.forEach((block, index) => {
    const reading = readingOf(block.spans).trim()
    if (index < run.length - 1 && !endsSentence(reading)) unterminated++
    if (index > 0 && /^\p{Ll}/u.test(reading)) lower++
  })
  const joins = run.length - 1
  return unterminated * 2 >= joins && lower * 2 >= joins
}
