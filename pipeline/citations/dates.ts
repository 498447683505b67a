/** Dates as historians print them, to ISO (`1950-01-19`, `1945-12`, `1948`). */
import {englishMonthNumbers, monthNumber, monthNumbers} from '../shared/dates.js'

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

/** The last year standing alone in a text. */
export function lastYear(text: string): number | undefined {
  const last = [...text.matchAll(yearsInText)].at(-1)
  return last ? Number(last[0]) : undefined
}

/** English month names as printed, capitalized: `may 1950` in lower case is no date. */
const englishMonths: ReadonlySet<string> = new Set(Object.keys(englishMonthNumbers))

/**
 * A word where a month stands; the shared table says whether it is one (`monthOf`). English
 * names count capitalized only, other languages' in either case (`juin`, `März`).
 */
const monthWord = String.raw`(\p{L}{3,10}\.?)`

/**
 * `29 June 1945`, `4. März 1962`, `1er mai 1871`, `12 de junio de 1871`, `3 мая 1905`,
 * `June 29, 1945`, `June 1945`, all bounded so they cannot backtrack far.
 */
export const datePatterns: RegExp[] = [
  new RegExp(String.raw`(?<![\p{L}\d])(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?${monthWord}\s+(?:de\s+)?(\d{4})\b`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])${monthWord}\s+(\d{1,2}),\s+(\d{4})\b`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])${monthWord}\s+(?:de\s+)?(\d{4})\b`, 'gu')
]

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

function monthOf(name: string): number | undefined {
  const bare = name.replace(/\.$/, '')
  // English names are months only capitalized; an abbreviation of five letters or more takes no period.
  if (englishMonths.has(bare) || (bare !== name && bare.length > 5)) return undefined
  return monthNumber(bare)
}

/**
 * `26 October and 20 November 1949`, `11, 14, and 18 March 1949`, `March 30-April 25, 1950`:
 * several days, no one date.
 */
const compoundWord = String.raw`\p{L}{3,10}\.?`
const compound = new RegExp(String.raw`(?<![\p{L}])${compoundWord}\s+\d{1,2}\s*[-–]\s*(?:${compoundWord}\s+)?\d{1,2},\s+\d{4}\b|(?<![\p{L}\d])\d{1,2}(?:\s+${compoundWord})?(?:(?:,\s*|,?\s+and\s+|\s*[-–]\s*)\d{1,2}(?:\s+${compoundWord})?)+\s+${compoundWord}\s+\d{4}\b`, 'gu')

/** Whether every word of a printed span of days is a month (the `and` between them aside). */
function monthsOnly(printed: string): boolean {
  return [...printed.matchAll(/\p{L}{3,10}\.?/gu)].every(([word]) => word === 'and' || monthOf(word) !== undefined)
}

export interface FoundDate {
  /** ISO date; empty when the printed date names several days. */
  iso: string
  start: number
  end: number
  text: string
}

/** How far before its year a printed date can start (`26 October and 20 November 1949`). */
const dateReach = 60

/** How the month names of the table begin (any case): where a date may be. */
const monthStart = /(?:jan|jän|feb|fév|mar|mär|mrz|apr|avr|abr|ma[iyg]|jun|jui|giu|jul|lug|aug|aoû|ago|agt|sep|set|oct|okt|ott|nov|dec|déc|dez|dic|gen|ene|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)/gi

/** A year a date can end with: four digits standing alone. */
const yearEnding = /(?<!\d)\d{4}(?![A-Za-z0-9_])/g

/** English month names as printed, for the common case: one quick search. */
const englishMonth = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)'
const englishPatterns: RegExp[] = [
  // `4. April 1952`: German prints the day with a stop before a month named as in English.
  new RegExp(`\\b(\\d{1,2})\\.?\\s+${englishMonth}\\s+(\\d{4})\\b`),
  new RegExp(`\\b${englishMonth}\\s+(\\d{1,2}),\\s+(\\d{4})\\b`),
  new RegExp(`\\b${englishMonth}\\s+(\\d{4})\\b`)
]
const englishCompound = new RegExp(`\\b${englishMonth}\\s+\\d{1,2}\\s*[-–]\\s*(?:${englishMonth}\\s+)?\\d{1,2},\\s+\\d{4}\\b|\\b\\d{1,2}(?:\\s+${englishMonth})?(?:(?:,\\s*|,?\\s+and\\s+|\\s*[-–]\\s*)\\d{1,2}(?:\\s+${englishMonth})?)+\\s+${englishMonth}\\s+\\d{4}\\b`)

/** The names of the table's other languages: a text without one has no date the English search missed. */
const foreignMonth = new RegExp(`(?<![A-Za-zÀ-ÿ])(?:${Object.keys(monthNumbers).filter((name) => !englishMonths.has(name)).sort((a, b) => b.length - a.length).join('|')})(?![a-zà-ÿ])`, 'i')

/** The first full or month date in `text` (day-month-year, month-day-year, month-year). */
export function findDate(text: string): FoundDate | undefined {
  // English dates first, as quickly as ever; other languages' names where the text has one.
  const several = englishCompound.exec(text)
  const english = earliest(several ? {iso: '', start: several.index, end: several.index + several[0].length, text: several[0]} : undefined, englishPatterns.map((pattern) => pattern.exec(text) ?? undefined))
  if (english) return english
  if (!foreignMonth.test(text)) return undefined
  // Where a month's name may begin: a year with none in reach before it ends no date.
  const months: number[] = []
  for (const start of text.matchAll(monthStart)) months.push(start.index)
  if (months.length === 0) return undefined
  // Every date ends with its year: only the stretch before each year is searched, in order.
  let month = 0
  for (const year of text.matchAll(yearEnding)) {
    const end = year.index + 4
    const from = Math.max(0, end - dateReach)
    while ((months[month] ?? Number.POSITIVE_INFINITY) < from) month++
    if ((months[month] ?? Number.POSITIVE_INFINITY) >= end) continue
    const found = findDateFrom(text.slice(from, end))
    // A date the stretch cut at its start is no date (`…ember 1950`, `…9 May 1950`).
    if (found && (found.start > 0 || from === 0 || !/[\p{L}\d]/u.test(text.charAt(from - 1)))) return {...found, start: found.start + from, end: found.end + from}
  }
  return undefined
}

/** The first match of a global pattern whose month word (group `group`) is a month. */
function firstWithMonth(pattern: RegExp, text: string, group: number): RegExpExecArray | undefined {
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (monthOf(match[group] ?? '') !== undefined) return match
    // Another reading may start inside this one (`12 Items 3 May 1950`).
    pattern.lastIndex = match.index + 1
  }
  return undefined
}

/** Several days (`11, 14 and 18 March`, `March 30-April 25`): two numbers, a list or a range. */
const severalDays = /\d(?:\s+\S{3,11})?\s*(?:[-–,]|and\s)\s*(?:\S{3,11}\s+)?\d/

function findDateFrom(text: string): FoundDate | undefined {
  let best: FoundDate | undefined
  if (severalDays.test(text)) {
    compound.lastIndex = 0
    for (let match = compound.exec(text); match; match = compound.exec(text)) {
      if (monthsOnly(match[0])) {
        best = {iso: '', start: match.index, end: match.index + match[0].length, text: match[0]}
        break
      }
      compound.lastIndex = match.index + 1
    }
  }
  return earliest(best, datePatterns.map((pattern, kind) => firstWithMonth(pattern, text, kind === 0 ? 2 : 1)))
}

/** The earliest date of the three readings (day month year, month day year, month year), or the days before. */
function earliest(several: FoundDate | undefined, matches: ReadonlyArray<RegExpExecArray | undefined>): FoundDate | undefined {
  let best = several
  for (const [kind, match] of matches.entries()) {
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
  // `3.4.2020`, `03. 04. 2020`: day, month and year with full stops (German).
  const dotted = /^(\d{1,2})\.\s?(\d{1,2})\.\s?((?:1[5-9]|20)\d\d)$/.exec(printed)
  if (dotted && Number(dotted[2]) >= 1 && Number(dotted[2]) <= 12 && Number(dotted[1]) >= 1 && Number(dotted[1]) <= 31) {
    return {'date-parts': [[Number(dotted[3]), Number(dotted[2]), Number(dotted[1])]], raw: printed}
  }
  // `2021 Feb 3`, `2015 Mar`: the year first, then the month and day (Vancouver).
  const yearFirst = /^((?:1[5-9]|20)\d\d)\s+(\p{Lu}\p{Ll}{2,8}\.?)(?:\s+(\d{1,2}))?$/u.exec(printed)
  const yearFirstMonth = yearFirst?.[2] ? monthOf(yearFirst[2]) : undefined
  if (yearFirst && yearFirstMonth !== undefined && Number(yearFirst[3] ?? 1) <= 31) {
    const parts = [Number(yearFirst[1]), yearFirstMonth]
    if (yearFirst[3]) parts.push(Number(yearFirst[3]))
    return {'date-parts': [parts], raw: printed}
  }
  const year = /^(?:(Spring|Summer|Fall|Autumn|Winter)\s+)?(\d{4})$/.exec(printed)
  if (year) {
    return year[1]
      ? {'date-parts': [[Number(year[2])]], season: year[1], raw: printed}
      : {'date-parts': [[Number(year[2])]], raw: printed}
  }
  return {raw: printed}
}
