/** Dates as historians print them, to ISO (`1950-01-19`, `1945-12`, `1948`). */
import {monthNumber, monthNumbers} from '../shared/dates.js'

/** A year of the works cited, 1500–2099, as a pattern's source: the citations' year patterns are built on it. */
export const year = String.raw`(?:1[5-9]\d\d|20\d\d)`
/** A year standing alone in a text, no digit before or after it (`London 1990`, not `A12345`). */
export const yearInText = new RegExp(String.raw`(?<!\d)${year}(?!\d)`)
/** Every year standing alone in a text. */
export const yearsInText = new RegExp(yearInText.source, 'g')

/** The first year standing alone in a text. */
export function firstYear(text: string): number | undefined {
  const match = yearInText.exec(text)
  return match ? Number(match[0]) : undefined
}

/** English month names as printed, capitalized: `may 1950` in lower case is no date. */
const englishMonths = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'])

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/**
 * Every month name and abbreviation the shared table knows, longest first; abbreviations may
 * take a period. English names are capitalized; other languages' in either case (`juin`, `März`).
 */
const monthName = `(${Object.keys(monthNumbers)
  .flatMap((name) => (englishMonths.has(name) ? [capitalize(name)] : [name, capitalize(name)]))
  .sort((a, b) => b.length - a.length)
  .map((name) => (name.length <= 5 ? `${name}\\.?` : name))
  .join('|')})(?![\\p{L}])`

/**
 * `29 June 1945`, `4. März 1962`, `1er mai 1871`, `12 de junio de 1871`, `3 мая 1905`,
 * `June 29, 1945`, `June 1945`, all bounded so they cannot backtrack far.
 */
export const datePatterns: RegExp[] = [
  new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|er|º)?\\s+(?:de\\s+)?${monthName}\\s+(?:de\\s+)?(\\d{4})\\b`, 'u'),
  new RegExp(`(?<![\\p{L}])${monthName}\\s+(\\d{1,2}),\\s+(\\d{4})\\b`, 'u'),
  new RegExp(`(?<![\\p{L}])${monthName}\\s+(?:de\\s+)?(\\d{4})\\b`, 'u')
]

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

function monthOf(name: string): number | undefined {
  return monthNumber(name.replace(/\.$/, ''))
}

/**
 * `26 October and 20 November 1949`, `11, 14, and 18 March 1949`, `March 30-April 25, 1950`:
 * several days, no one date.
 */
const compound = new RegExp(`\\b${monthName}\\s+\\d{1,2}\\s*[-–]\\s*(?:${monthName}\\s+)?\\d{1,2},\\s+\\d{4}\\b|\\b\\d{1,2}(?:\\s+${monthName})?(?:(?:,\\s*|,?\\s+and\\s+|\\s*[-–]\\s*)\\d{1,2}(?:\\s+${monthName})?)+\\s+${monthName}\\s+\\d{4}\\b`, 'u')

export interface FoundDate {
  /** ISO date; empty when the printed date names several days. */
  iso: string
  start: number
  end: number
  text: string
}

/** How far before its year a printed date can start (`11, 14, 18 and 20 March 1949`). */
const dateReach = 120

/** The first full or month date in `text` (day-month-year, month-day-year, month-year). */
export function findDate(text: string): FoundDate | undefined {
  // Every date ends with its year: the search starts a date's reach before the first one.
  const firstYear = text.search(/\d{4}/)
  if (firstYear < 0) return undefined
  const offset = Math.max(0, firstYear - dateReach)
  if (offset > 0) {
    const found = findDateFrom(text.slice(offset))
    return found ? {...found, start: found.start + offset, end: found.end + offset} : undefined
  }
  return findDateFrom(text)
}

function findDateFrom(text: string): FoundDate | undefined {
  const several = compound.exec(text)
  let best: FoundDate | undefined = several ? {iso: '', start: several.index, end: several.index + several[0].length, text: several[0]} : undefined
  for (const [kind, pattern] of datePatterns.entries()) {
    const match = pattern.exec(text)
    if (!match) continue
    let iso: string | undefined
    if (kind === 0) {
      const month = monthOf(match[2] ?? '')
      if (month) iso = `${match[3]}-${pad(month)}-${pad(Number(match[1]))}`
    } else if (kind === 1) {
      const month = monthOf(match[1] ?? '')
      if (month) iso = `${match[3]}-${pad(month)}-${pad(Number(match[2]))}`
    } else {
      const month = monthOf(match[1] ?? '')
      if (month) iso = `${match[2]}-${pad(month)}`
    }
    if (!iso) continue
    const found = {iso, start: match.index, end: match.index + match[0].length, text: match[0]}
    // Prefer the earliest date; at the same place the more precise pattern comes first.
    if (!best || found.start < best.start || (found.start === best.start && found.end > best.end)) best = found
  }
  return best
}

/** The date as CSL `issued`: parts when known, the printed form kept as `raw`. */
export function cslDate(printed: string): {'date-parts'?: Array<Array<number>>; raw: string; season?: string} {
  const found = findDate(printed)
  if (found && found.start === 0 && found.end === printed.length) {
    return {'date-parts': [found.iso.split('-').map(Number)], raw: printed}
  }
  const year = /^(?:(Spring|Summer|Fall|Autumn|Winter)\s+)?(\d{4})$/.exec(printed)
  if (year) {
    return year[1]
      ? {'date-parts': [[Number(year[2])]], season: year[1], raw: printed}
      : {'date-parts': [[Number(year[2])]], raw: printed}
  }
  return {raw: printed}
}
