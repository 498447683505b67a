/**
 * Locators: what part of a source a citation points at. Folio abbreviations (l., ll., List,
 * Listy, with the OCR reading `1.`/`11.` of `l.`/`ll.`) give `folio`; p., pp., S., Russian с.
 * and bare numbers give `page`; chapter, note, document and paragraph cues (`para. 2`, `Rn. 12`)
 * give their labels.
 */
import type {LocatorLabel} from '../shared/types/citation.js'

export interface LocatorCue {
  /** How the cue is printed (a regex source, anchored by the caller). */
  pattern: string
  label: LocatorLabel
}

/** Cues in order of preference; the number follows the cue. */
export const locatorCues: LocatorCue[] = [
  {pattern: '\\(L\\.\\)\\s*Listy|Listy|List|Ll\\.|ll\\.|L\\.|l\\.', label: 'folio'},
  {pattern: 'pp\\.|p\\.|pages?|S\\.|[Сс]\\.', label: 'page'},
  {pattern: '[Cc]hapters?|[Cc]h\\.', label: 'chapter'},
  {pattern: 'nn?\\.', label: 'note'},
  {pattern: '[Dd]oc\\.|[Dd]ocument', label: 'document'},
  // `para. 12`, `paras. 3-5`, `¶ 4`; German law's margin numbers `Rn. 12`, `Rdnr. 4`, `Rz. 7`.
  {pattern: '[Pp]aras?\\.|¶¶?|Rn\\.|Rdnr\\.|Rdn\\.|Randnr\\.|Rz\\.', label: 'paragraph'}
]

/** A number or a range and what may follow it (`445-48`, `13 - 14`, `22 ff.`, `12 f.`, `45 sqq.`, `8 et seq.`, `12ob.`, `7 об.`). */
const onePage = String.raw`\d+(?:(?:ob|\s?об)\.?|[a-z])?(?:\s*[-–—]\s*\d+(?:(?:ob|\s?об)\.?)?)?(?:\s*(?:ff\.?|f\.|sqq?\.?|et\s+seqq?\.?))?`

/** A number, a range, or a list of them (`445-48, 619`), the first perhaps with a note (`12 n. 3`). */
export const numberList = String.raw`(?:${onePage}(?:\s*nn?\.?\s*\d+(?:\s*[-–—]\s*\d+)?)?)(?:\s*(?:,|and|&)\s*${onePage})*`

/** Normalize a printed range: no spaces around the dash, en dashes kept as hyphens. */
export function normalizeRange(value: string): string {
  const range = value.replace(/\s*[-–—]\s*/g, '-').replace(/\s+/g, ' ').trim()
  // A page printed twice in a list (`23, 23`) is cited once.
  const parts = range.split(/\s*,\s*/)
  const once = [...new Set(parts)]
  return once.length < parts.length ? once.join(', ') : range
}

/** Words that may stand before a locator's cue or number: law's `at 210`, French `ici p. 52`, German `hier S. 9`. */
export const locatorLead = String.raw`(?:at|here|ici|hier)\s+`

const trailing = new RegExp(
  `(?:^|[,:;.]?\\s+|[,:])(?:${locatorLead})?(?:(${locatorCues.map((cue) => cue.pattern).join('|')})\\s*)?(${numberList}|[IVXLC]+|passim)\\s*\\.?$`
)

const tailLength = 160

export interface Locator {
  locator: string
  label: LocatorLabel
  /** Where the locator (with its cue and separator) starts in the text. */
  start: number
}

/** The locator at the end of a citation, if any. `bare` allows numbers without a cue. */
export function trailingLocator(text: string, bare = true): Locator | undefined {
  // Locators are short: looking at the tail keeps the match linear on long inputs.
  const offset = Math.max(0, text.length - tailLength)
  const match = trailing.exec(text.slice(offset))
  if (!match) return undefined
  const cue = match[1]
  const number = match[2] ?? ''
  if (!cue && !bare) return undefined
  // A bare roman numeral is a volume, not a locator; a bare four-digit number is a year.
  if (!cue && (/^[IVXLC]+$/.test(number) || isYear(number))) return undefined
  if (/^[IVXLC]+$/.test(number) && !cue) return undefined
  return {locator: normalizeRange(number), label: labelOf(cue), start: offset + match.index}
}

/** A year or a span of years (`1950`, `1947-1950`), which a bare number list is not. */
export function isYear(value: string): boolean {
  return /^(?:1[5-9]|20)\d{2}(?:\s*[-–]\s*(?:(?:1[5-9]|20)\d{2}|\d{2}))?$/.test(value.trim())
}

/** Each cue's pattern for a whole cue. */
const wholeCues = locatorCues.map((entry) => ({label: entry.label, pattern: new RegExp(`^(?:${entry.pattern})$`)}))

/** The label a cue stands for (`page` when there is none). */
export function labelOf(cue: string | undefined): LocatorLabel {
  if (!cue) return 'page'
  return wholeCues.find((entry) => entry.pattern.test(cue))?.label ?? 'page'
}
