/**
 * Give blocks their kind: boilerplate and metadata lines (removed), list items, headings.
 * Cues live in tables; a block keeps its spans, only markers of list items are taken out.
 */
import type {VFile} from 'vfile'
import {report} from '../rules.js'
import type {Locate} from '../location.js'
import {boilerplateRule, metadataAuthor} from '../repair/boilerplate.js'
import {endsSentence, wordCount} from '../repair/join.js'
import {romanToNumber} from '../../shared/roman.js'
import {readingOf, type Span} from '../spans.js'
import type {Block, ListMarker} from './blocks.js'
import {isDivisionHeading, looksLikeHeading} from './heading.js'
import {isTranscriptionLabel} from '../repair/artifacts.js'

export interface Classified {
  blocks: Block[]
  truncated: boolean
  /** Author named by a metadata line. */
  author?: string
}

/** How many blocks at the start may hold metadata lines. */
const metadataWindow = 5
/** Longest first-line title (characters). */
const titleLength = 160
/** A short line right under a name is an address or affiliation, so the name is no heading. */
const addressLine = 60

interface MarkerPattern {
  pattern: RegExp
  ordered: boolean
}

/** List markers, tried in order; group 1 is the number of an ordered item. */
const listMarkers: readonly MarkerPattern[] = [
  {pattern: /^[-*•–]\s+(\d{1,3})[.)]\s+/, ordered: true},
  {pattern: /^(\d{1,3})[.)]\s+/, ordered: true},
  {pattern: /^\((\d{1,3})\)\s+/, ordered: true},
  {pattern: /^[-*•–]\s+/, ordered: false}
]

/** An item of a numbered series whose bullet was lost (`#17 …` after `- #16 …`). */
const seriesNumber = /^#(\d{1,4})\s/

export function classify(blocks: Block[], file: VFile, locate: Locate): Classified {
  const truncated = removeTail(blocks, file, locate)
  let author: string | undefined
  blocks.slice(0, metadataWindow).forEach((block) => {
    if (!block.single || block.kind !== 'paragraph') return
    const name = metadataAuthor(readingOf(block.spans))
    if (!name) return
    author ??= name
    block.kind = 'removed'
    block.rule = 'metadata-line'
  })
  blocks.forEach((block, index) => {
    if (block.kind !== 'paragraph') return
    const marker = listMarker(block)
    if (marker) {
      block.kind = 'item'
      block.marker = marker
      return
    }
    if (continuesSeries(blocks[index - 1], block)) {
      block.kind = 'item'
      block.marker = {ordered: false, raw: ''}
    }
  })
  numberedSections(blocks)
  atxHeadings(blocks)
  let titled = false
  const opening = firstContent(blocks)
  blocks.forEach((block, index) => {
    if (block.kind === 'heading') titled = true
    if (block.kind !== 'paragraph') return
    const next = nextContent(blocks, index)
    const first = !titled && index === opening
    if (first && next && (isHeadingLike(block, true) || isSentenceCaseTitle(block, next) || isBoldTitle(block) || (isRecordTitle(block) && blocks[index + 1]?.rule === 'metadata-line'))) {
      block.kind = 'heading'
      block.depth = 1
    } else if (isHeadingLike(block) && block.blankBefore && next && (!isHeadingLike(next) || isDivisionHeading(readingOf(block.spans))) && !heldByAddress(block, next)) {
      block.kind = 'heading'
      block.depth = titled ? 2 : 1
    } else if (isDivisionTitle(blocks[index - 1], block) && next) {
      block.kind = 'heading'
      block.depth = titled ? 2 : 1
    }
    if (block.kind === 'heading') {
      titled = true
      block.spans = block.spans.map((span): Span => (span.type === 'break' ? {type: 'text', value: ' '} : span))
    }
  })
  return {blocks, truncated, author}
}

/** A Markdown heading typed in a text read line by line (`# Title`, `## Notes`): group 1 the marks. */
const atxHeading = /^(#{1,6})[ \t]+(?=\S)/

/** Lines typed as Markdown headings are headings, their marks left out (they are syntax, not words). */
function atxHeadings(blocks: Block[]): void {
  for (const block of blocks) {
    const first = block.spans[0]
    if (block.kind !== 'paragraph' || !block.single || first?.type !== 'text') continue
    const match = atxHeading.exec(first.value)
    if (!match) continue
    const rest = first.value.slice(match[0].length).replace(/[ \t]+#+[ \t]*$/, '')
    block.kind = 'heading'
    const marks = (match[1] as string).length
    block.depth = marks === 1 ? 1 : marks === 2 ? 2 : 3
    block.spans = [{type: 'text', value: rest, offset: first.offset === undefined ? undefined : first.offset + match[0].length}, ...block.spans.slice(1)]
  }
}

/** A section's number and title on a line of its own (`1. Introduction`, `2.3 The sources`, `IV. Conclusion`). */
const sectionLine = /^(?:§\s*)?(?:(\d{1,2}(?:\.\d{1,2})*)\.?|([IVXL]{1,6})\.)\s+(\p{Lu}.*)$/u
/** A section number without its full stop (`2 The sources`): weaker evidence, a run needs more of them. */
const bareSection = /^(?:§\s*)?\d{1,2}\s/
/** Fewest sections of a run numbered without full stops. */
const fewestBareSections = 3
/** Longest title of a numbered section (characters, words). */
const sectionTitleLength = 80
const sectionTitleWords = 10

/**
 * Numbered sections: lines `1. Introduction`, `2. The sources` … standing alone between
 * paragraphs, numbered 1, 2, 3 … through the text, are headings, not list items (`2.1 …` under
 * section 2 a subheading). Items next to other items are a list and stay one.
 */
function numberedSections(blocks: Block[]): void {
  interface Candidate {
    block: Block
    numbers: number[]
    bare: boolean
  }
  const candidates: Candidate[] = []
  blocks.forEach((block, index) => {
    if ((block.kind !== 'paragraph' && block.kind !== 'item') || !block.single || !block.blankBefore) return
    const reading = (block.kind === 'item' ? (block.marker?.raw ?? '') : '') + readingOf(block.spans)
    const numbers = sectionNumbers(reading.trim())
    if (!numbers) return
    const previous = previousContent(blocks, index)
    const next = nextContent(blocks, index)
    const following = next ? sectionNumbers(readingOf(next.spans).trim()) : undefined
    // A section's heading stands over text or over its first subsection (`2 The sources` then `2.1 …`).
    if (previous?.kind === 'item' || next?.kind !== 'paragraph' || (following && following.length <= numbers.length)) return
    candidates.push({block, numbers, bare: numbers.length === 1 && bareSection.test(reading.trim())})
  })
  // Runs of top-level numbers 1, 2, 3 …; a subsection counts under its section's number.
  const accepted = new Set<Candidate>()
  let run: Candidate[] = []
  let section = 0
  const close = () => {
    const fewest = run.some((candidate) => candidate.bare) ? fewestBareSections : 2
    if (run.filter((candidate) => candidate.numbers.length === 1).length >= fewest) for (const candidate of run) accepted.add(candidate)
    run = []
    section = 0
  }
  for (const candidate of candidates) {
    const [top, ...rest] = candidate.numbers as [number, ...number[]]
    if (rest.length === 0 && top === section + 1) {
      run.push(candidate)
      section = top
    } else if (rest.length > 0 && top === section && run.length > 0) run.push(candidate)
    else {
      close()
      if (rest.length === 0 && top === 1) {
        run.push(candidate)
        section = 1
      }
    }
  }
  close()
  for (const {block, numbers} of accepted) {
    const first = block.spans[0]
    if (block.kind === 'item' && block.marker) block.spans = [{type: 'text', value: block.marker.raw, offset: first?.type === 'text' && first.offset !== undefined ? first.offset - block.marker.raw.length : undefined}, ...block.spans]
    block.kind = 'heading'
    block.marker = undefined
    block.depth = numbers.length > 1 ? 3 : 2
    block.spans = block.spans.map((span): Span => (span.type === 'break' ? {type: 'text', value: ' '} : span))
  }
}

/** The numbers of a section heading's line (`2.1 Sources` → [2, 1]), if it is one. */
function sectionNumbers(reading: string): number[] | undefined {
  const match = sectionLine.exec(reading)
  if (!match) return undefined
  const title = match[3] as string
  const words = title.split(/\s+/).filter((word) => /\p{L}/u.test(word))
  if (title.length > sectionTitleLength || words.length === 0 || words.length > sectionTitleWords || endsSentence(title) || /[,;:]$/.test(title)) return undefined
  if (match[2] !== undefined) {
    const number = romanToNumber(match[2])
    return number === undefined ? undefined : [number]
  }
  return (match[1] as string).split('.').map(Number)
}

/** Paywall and banner blocks at the end become removed blocks. */
function removeTail(blocks: Block[], file: VFile, locate: Locate): boolean {
  let cut: Block | undefined
  for (let index = blocks.length - 1; index >= 0; index--) {
    const block = blocks[index]
    if (!block) continue
    const rule = boilerplateRule(readingOf(block.spans))
    if (!rule) break
    block.kind = 'removed'
    block.rule = rule.rule
    if (rule.truncates) cut = block
  }
  if (cut) report(file, 'truncated-source', `Unexpected \`${readingOf(cut.spans).trim()}\`, expected the text to go on (the source is an excerpt)`, locate(cut.offset))
  return cut !== undefined
}

function listMarker(block: Block): ListMarker | undefined {
  const first = block.spans[0]
  if (first?.type !== 'text') return undefined
  const leading = first.value.length - first.value.trimStart().length
  const value = first.value.slice(leading)
  // A line of asterisks (`* * *`) parts scenes or sections: it is no list item.
  if (block.spans.length === 1 && /^\*(?:\s*\*){2,}\s*$/.test(value)) return undefined
  // `1. Kapitel` names a chapter: a heading, not an item.
  if (block.single && isDivisionHeading(value)) return undefined
  for (const entry of listMarkers) {
    const match = entry.pattern.exec(value)
    if (!match) continue
    const rest = value.slice(match[0].length)
    if (rest === '' && block.spans.length === 1) return undefined
    const offset = first.offset === undefined ? undefined : first.offset + leading + match[0].length
    block.spans = [...(rest === '' ? [] : [{type: 'text' as const, value: rest, offset}]), ...block.spans.slice(1)]
    return entry.ordered ? {ordered: true, number: Number(match[1]), raw: match[0]} : {ordered: false, raw: match[0]}
  }
  return undefined
}

function continuesSeries(previous: Block | undefined, block: Block): boolean {
  if (previous?.kind !== 'item' || previous.marker?.ordered) return false
  const before = seriesNumber.exec(readingOf(previous.spans))
  const current = seriesNumber.exec(readingOf(block.spans))
  return Boolean(before && current && Number(current[1]) === Number(before[1]) + 1)
}

function firstContent(blocks: readonly Block[]): number {
  return blocks.findIndex((block) => block.kind !== 'removed')
}

function previousContent(blocks: readonly Block[], index: number): Block | undefined {
  for (let previous = index - 1; previous >= 0; previous--) {
    const block = blocks[previous]
    if (block && block.kind !== 'removed') return block
  }
  return undefined
}

function nextContent(blocks: readonly Block[], index: number): Block | undefined {
  for (let next = index + 1; next < blocks.length; next++) {
    const block = blocks[next]
    if (block && block.kind !== 'removed') return block
  }
  return undefined
}

/** A name (every word capitalized) with a short line right under it heads an address. */
function heldByAddress(block: Block, next: Block): boolean {
  const reading = readingOf(block.spans)
  // A division's heading (`Chapter 2`) is no name, and the line right under it is its title.
  if (isDivisionHeading(reading)) return false
  const name = reading.split(/\s+/).every((word) => !/^\p{Ll}/u.test(word))
  return name && next.single && !next.blankBefore && readingOf(next.spans).length < addressLine
}

/** Prose at least this many times as long as a title in sentence case follows it. */
const titleProseRatio = 3

/** A title in sentence case (`Les moulins de la vallée`): one line alone, prose after it. */
function isSentenceCaseTitle(block: Block, next: Block): boolean {
  const reading = readingOf(block.spans)
  const after = readingOf(next.spans)
  return block.single && next.blankBefore && next.kind === 'paragraph' && after.length >= reading.length * titleProseRatio && endsSentence(after) && looksLikeHeading(reading, {title: 'sentence-case'})
}

/** A title page's title: set in bold throughout, short, no sentence ending inside. */
function isBoldTitle(block: Block): boolean {
  const reading = readingOf(block.spans).trim()
  return /^\*\*[^*]+\*\*$/.test(reading) && reading.length <= titleLength && !/[.!?]\s/.test(reading)
}

/** The first line of a database record, above its metadata fields (may end with a period). */
function isRecordTitle(block: Block): boolean {
  const reading = readingOf(block.spans).trim()
  return block.single && reading.length <= titleLength && wordCount(reading) >= 2
}

/**
 * A chapter's title under its division heading: in capitals (`CHAPTER II.` then `THE GATES.`), a
 * full stop and all, or, on the line right under it, a title in title case (`Chapter 2` then
 * `The Guild in Decline`).
 */
function isDivisionTitle(previous: Block | undefined, block: Block): boolean {
  if (previous?.kind !== 'heading' || !isDivisionHeading(readingOf(previous.spans)) || !block.single) return false
  const reading = readingOf(block.spans).trim()
  if (!block.blankBefore && looksLikeHeading(reading) && !isDivisionHeading(reading)) return true
  const letters = reading.match(/\p{L}/gu)?.length ?? 0
  const upper = reading.match(/\p{Lu}/gu)?.length ?? 0
  return reading.length <= titleLength && letters >= 3 && upper === letters && !/[,;:]$/.test(reading)
}

/** A one-line block (or a block set in bold throughout) that looks like a heading (`title`: the document's title). */
function isHeadingLike(block: Block, title = false): boolean {
  if (block.kind !== 'paragraph' && block.kind !== 'heading') return false
  const reading = readingOf(block.spans)
  if (!block.single && !/^\*\*[\s\S]*\*\*$/.test(reading.trim())) return false
  // A caption or sidenote in capitals (`[Illustration: THE MILL]`) is the transcription's label, no heading.
  if (isTranscriptionLabel(reading)) return false
  return looksLikeHeading(reading, {title})
}
