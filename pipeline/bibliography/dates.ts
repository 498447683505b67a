/**
 * Dates as the bibliography needs them: CSL `date-parts` from the printed forms historians
 * use (`29 June 1945`, `June 1945`, `May/June 1975`, `Winter 1988/89`, ISO), so every export
 * can carry an ISO date. What cannot be read stays a `literal`.
 */
import {monthNumber} from '../shared/dates.js'
import type {CslDate} from '../shared/types/csl.js'

/** CSL season numbers. */
const seasons: Record<string, number> = {spring: 1, summer: 2, autumn: 3, fall: 3, winter: 4}

/** Publication states printed in place of a date. */
const publicationStates = new Set(['forthcoming', 'in press', 'in preparation', 'submitted'])

type Parts = Array<Array<number>>

interface DateForm {
  pattern: RegExp
  read(match: RegExpExecArray): {parts: Parts; season?: number} | undefined
}

const monthName = '([A-Za-z]{3,9})\\.?'

function month(name: string | undefined): number | undefined {
  return name === undefined ? undefined : monthNumber(name)
}

function fullYear(short: string, century: number): number {
  return short.length === 4 ? Number(short) : century + Number(short)
}

/** The printed date forms, most precise first. */
const forms: DateForm[] = [
  {pattern: /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/, read: (m) => ({parts: [[m[1], m[2], m[3]].filter((part): part is string => part !== undefined).map(Number)]})},
  {pattern: new RegExp(`^(\\d{1,2})\\s+${monthName},?\\s+(\\d{4})$`), read: (m) => {
    const number = month(m[2])
    return number ? {parts: [[Number(m[3]), number, Number(m[1])]]} : undefined
  }},
  {pattern: new RegExp(`^${monthName}\\s+(\\d{1,2}),?\\s+(\\d{4})$`), read: (m) => {
    const number = month(m[1])
    return number ? {parts: [[Number(m[3]), number, Number(m[2])]]} : undefined
  }},
  {pattern: new RegExp(`^${monthName},?\\s+(\\d{4})$`), read: (m) => {
    const number = month(m[1])
    return number ? {parts: [[Number(m[2]), number]]} : undefined
  }},
  {pattern: new RegExp(`^${monthName}\\s*[/–-]\\s*${monthName},?\\s+(\\d{4})$`), read: (m) => {
    const first = month(m[1])
    const last = month(m[2])
    return first && last ? {parts: [[Number(m[3]), first], [Number(m[3]), last]]} : undefined
  }},
  {pattern: /^([A-Za-z]+)\s+(\d{4})(?:\s*[/–-]\s*(\d{2}|\d{4}))?$/, read: (m) => {
    const season = seasons[(m[1] ?? '').toLowerCase()]
    if (!season) return undefined
    const year = Number(m[2])
    const parts: Parts = m[3] ? [[year], [fullYear(m[3], year - (year % 100))]] : [[year]]
    return {parts, season}
  }},
  {pattern: /^(\d{4})\s*[/–-]\s*(\d{2}|\d{4})$/, read: (m) => {
    const year = Number(m[1])
    return {parts: [[year], [fullYear(m[2] ?? '', year - (year % 100))]]}
  }}
]

/** Read a printed date; undefined when it is a publication state or empty. */
export function parseDate(printed: string): CslDate | undefined {
  const text = printed.trim().replace(/\s+/g, ' ')
  if (text === '' || publicationStates.has(text.toLowerCase())) return undefined
  for (const form of forms) {
    const match = form.pattern.exec(text)
    if (!match) continue
    const read = form.read(match)
    if (!read) continue
    const date: CslDate = {'date-parts': read.parts}
    if (read.season !== undefined) date.season = read.season
    return date
  }
  return {literal: text}
}

/** Ranges of year, month (13–24 are seasons in EDTF-style CSL), day. */
const partLimits: Array<[number, number]> = [[1, 9999], [1, 24], [1, 31]]

/** Year, month, day as numbers, cut at the first that is not one (`[['']]` → `[]`). */
function validParts(part: Array<number | string>): number[] {
  const out: number[] = []
  for (const [position, value] of part.entries()) {
    const number = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value)
    const limit = partLimits[position]
    if (!limit || !Number.isInteger(number) || number < limit[0] || number > limit[1]) break
    out.push(number)
  }
  return out
}

/** A CSL date with `date-parts` wherever the printed form allows. */
export function normalizeDate(date: CslDate): CslDate | undefined {
  if (date['date-parts'] && date['date-parts'].length > 0) {
    const parts = date['date-parts'].map(validParts)
    if (parts.every((part) => part.length > 0)) {
      const out: CslDate = {'date-parts': parts}
      if (date.season !== undefined) out.season = date.season
      if (date.circa !== undefined) out.circa = date.circa
      return out
    }
  }
  const printed = date.raw ?? date.literal
  return printed === undefined ? undefined : parseDate(printed)
}

/** The publication state a printed date stands for (`forthcoming`), if any. */
export function dateState(date: CslDate | undefined): string | undefined {
  const printed = (date?.raw ?? date?.literal ?? '').trim().toLowerCase()
  return publicationStates.has(printed) ? printed : undefined
}

/** First year of a date. */
export function yearOf(date: CslDate | undefined): number | undefined {
  const year = date?.['date-parts']?.[0]?.[0]
  const value = typeof year === 'string' ? Number(year) : year
  return value !== undefined && Number.isFinite(value) ? value : undefined
}

/** ISO form of the first date (`1950-01-19`, `1950-01`, `1950`). */
export function isoOf(date: CslDate | undefined): string | undefined {
  const parts = date?.['date-parts']?.[0]
  if (!parts || parts.length === 0) return undefined
  return parts.map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0')).join('-')
}

/** The date at day precision, or undefined. */
export function dayOf(iso: string | undefined): string | undefined {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : undefined
}
