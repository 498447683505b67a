/**
 * Rejoin text split by a page break, a block of notes or a hard wrap: decide whether a line
 * continues the sentence of the one before, and whether a line-end hyphen is real or marks a
 * broken word (then the join is an emendation with rule `hyphenation`).
 */
import {addressGoesOn, brokenAddressEnd} from './addresses.js'
import type {Span} from '../spans.js'
import type {Vocabulary} from './vocabulary.js'

/** Characters that end a sentence or a clause a paragraph may end with. */
const terminal = new Set(['.', '!', '?', '…', ':', ';'])
/** Closing quotes and brackets looked through when checking for terminal punctuation. */
const closers = new Set(['”', '’', '"', "'", '»', ')', ']'])
/** Quotation marks: a paragraph ending in one ends a quoted title or sentence. */
const closingQuotes = new Set(['”', '"', '»'])

/** Verbs that introduce a displayed quotation when a paragraph ends with `<verb> that`. */
const reportingVerbs: ReadonlySet<string> = new Set([
  'explained', 'stated', 'said', 'wrote', 'noted', 'reported', 'declared', 'argued', 'added',
  'concluded', 'replied', 'observed', 'insisted', 'asserted', 'remarked', 'announced',
  'recalled', 'emphasized', 'stressed', 'claimed', 'warned', 'told him', 'told them'
])

/** Whether the reading ends a sentence (so the next paragraph does not continue it). */
export function endsSentence(reading: string): boolean {
  const text = reading.trimEnd()
  let index = text.length - 1
  while (index >= 0 && closers.has(text.charAt(index))) {
    if (closingQuotes.has(text.charAt(index))) return true
    index--
  }
  return index < 0 || terminal.has(text.charAt(index))
}

/**
 * Whether a note ends with `reading`: it ends a sentence, and not at a semicolon or colon (a
 * note that stops at one at the foot of a page goes on on the next).
 */
export function endsNote(reading: string): boolean {
  return endsSentence(reading) && !/[;:]$/.test(reading.trimEnd())
}

/** Most lines of a note's rest, continued from the page before, at the top of the next page's notes (more is the page's text). */
export const longestNoteRest = 6

/** Whether the reading introduces a displayed quotation or list (`…read:`, `He explained that`). */
export function isLeadIn(reading: string): boolean {
  const text = reading.trimEnd()
  if (text.endsWith(':')) return true
  const match = /(\p{L}+(?: \p{L}+)?) that$/u.exec(text.slice(-40))
  if (!match?.[1]) return false
  const words = match[1].toLowerCase()
  const last = words.split(' ').pop() ?? ''
  return reportingVerbs.has(words) || reportingVerbs.has(last)
}

/** Count of words in a reading (for telling prose from headings and address lines). */
export function wordCount(reading: string): number {
  return reading.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length
}

/** Running prose: enough words, mostly in lower case (not a title line in capitals). */
export function isProse(reading: string, minimumWords: number): boolean {
  if (wordCount(reading) < minimumWords) return false
  const lower = reading.match(/\p{Ll}/gu)?.length ?? 0
  const upper = reading.match(/\p{Lu}/gu)?.length ?? 0
  return lower > upper * 2
}

const hyphenEnd = /(\p{L}+)-$/u
/** A word broken by a sign that only breaks words (`Eisen¬`, a soft hyphen): group 1 its first half, group 2 the sign. */
const breakSign = /(\p{L}+)([¬\u00AD])$/u
const lowerStart = /^\p{Ll}+/u

/**
 * Join `after` onto `before` (changed in place and returned): with a space, or across a
 * line-end hyphen (kept when the compound is attested or both halves are words; else the
 * broken word is mended as an emendation). In place, so long chains of joins stay linear.
 */
export function joinSpans(before: Span[], after: readonly Span[], words: Vocabulary): Span[] {
  const last = before[before.length - 1]
  const first = after[0]
  // A web address a hard wrap broke goes on without a space, a hyphen at the break its own.
  if (last?.type === 'text' && first?.type === 'text' && brokenAddress(last.value.trimEnd().slice(-300), first.value.slice(0, 300))) {
    trimEnd(before)
    for (const span of after) before.push(span)
    return before
  }
  if (last?.type === 'text' && first?.type === 'text') {
    const kept = last.value.trimEnd()
    // `¬` (as OCR of Fraktur prints it) and the soft hyphen only ever break a word.
    const sign = breakSign.exec(kept.slice(-64))
    const rest = sign?.[1] ? /^\p{L}+/u.exec(first.value.slice(0, 64)) : null
    if (sign?.[1] && sign[2] && rest) return mended(before, last, kept, sign[1], sign[2], rest[0], after)
    const head = hyphenEnd.exec(kept.slice(-64))
    const tail = lowerStart.exec(first.value.slice(0, 64))
    if (head?.[1] && tail) {
      const left = head[1]
      const right = tail[0]
      const compound = `${left}-${right}`.toLowerCase()
      const closed = (left + right).toLowerCase()
      const attested = words.count(closed) > 0
      const real = words.hasCompound(compound) && !attested
      const broken = !real && (attested || (words.count(left.toLowerCase()) <= 1 && words.count(right) <= 1))
      if (broken) return mended(before, last, kept, left, '-', right, after)
      before.pop()
      before.push({type: 'text', value: kept, offset: last.offset}, ...after)
      return before
    }
  }
  trimEnd(before)
  // A dash closed up to the word before it (`parish—`, or typed as two hyphens `parish--`) is
  // closed up to the word after it too.
  const end = before[before.length - 1]
  const closed = end?.type === 'text' && (closedDash.test(end.value) || (/^(?:—|--)$/.test(end.value) && before[before.length - 2]?.type === 'ref'))
  if (!(closed && first?.type === 'text' && /^\S/.test(first.value))) before.push({type: 'text', value: ' '})
  for (const span of after) before.push(span)
  return before
}

/**
 * `before` (ending in `last`, whose text is `kept`) joined to `after` across a word broken at the
 * line's end by `sign`: the word mended as an emendation (rule `hyphenation`).
 */
function mended(before: Span[], last: Extract<Span, {type: 'text'}>, kept: string, left: string, sign: string, right: string, after: readonly Span[]): Span[] {
  const first = after[0] as Extract<Span, {type: 'text'}>
  before.pop()
  const leftStart = kept.length - left.length - sign.length
  if (leftStart > 0) before.push({type: 'text', value: kept.slice(0, leftStart), offset: last.offset})
  before.push({type: 'emend', corrected: left + right, orig: `${left}${sign}${right}`, rule: 'hyphenation', offset: last.offset === undefined ? undefined : last.offset + leftStart})
  const rest = first.value.slice(right.length)
  if (rest !== '') before.push({type: 'text', value: rest, offset: first.offset === undefined ? undefined : first.offset + right.length})
  for (let index = 1; index < after.length; index++) before.push(after[index] as Span)
  return before
}

/** The rest of a broken address opening the next line: a run without spaces, its closing punctuation left off. */
const addressRest = /^[\w~%/.=?&#:+-]*[\w/~%=#-]/

/** Does the text `before` end with a web address that the text `after` goes on (pipeline/ingest/repair/addresses.ts)? */
function brokenAddress(before: string, after: string): boolean {
  const address = brokenAddressEnd.exec(before)?.[0]
  const rest = addressRest.exec(after)?.[0]
  return address !== undefined && rest !== undefined && addressGoesOn(address, rest)
}

/**
 * An em dash at a line's end (or its typewriter form `--`, as plain-text editions print it), set
 * close to the word before it (or to a note's call, as its own span).
 */
const closedDash = /[\p{L}\p{N}.,;:!?’”"')\]](?:—|--)$/u

/** Leave out white space at the end of a run (it may span several text spans). */
function trimEnd(spans: Span[]): void {
  for (let last = spans[spans.length - 1]; last?.type === 'text'; last = spans[spans.length - 1]) {
    const value = last.value.trimEnd()
    if (value !== '') {
      spans[spans.length - 1] = {type: 'text', value, offset: last.offset}
      return
    }
    spans.pop()
  }
}
