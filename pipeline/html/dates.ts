/** Dates as the pages show them: from the sources (CSL dates, front matter) or SOURCE_DATE_EPOCH. */
import {isoDate, isoDateParts, monthNames} from '../shared/dates.js'
import type {CslDate} from '../shared/types/csl.js'

/** Year, month, day of the first date of a CSL date, when it has numeric parts. */
function dateParts(date: CslDate | undefined): [number, number?, number?] | undefined {
  const first = date?.['date-parts']?.[0]
  if (!first) return undefined
  const [year, month, day] = first.map((part) => Number(part))
  if (year === undefined || !Number.isInteger(year) || year < 1) return undefined
  return [year, validPart(month, 12), validPart(day, 31)]
}

function validPart(value: number | undefined, max: number): number | undefined {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= max ? value : undefined
}

function humanParts([year, month, day]: [number, number?, number?]): string {
  const monthName = month ? monthNames[month - 1] : undefined
  if (monthName && day) return `${day} ${monthName} ${year}`
  if (monthName) return `${monthName} ${year}`
  return String(year)
}

/** `19 January 1950`, `January 1950`, `1950`; the literal or raw form when there are no parts. */
export function formatCslDate(date: CslDate | undefined): string | undefined {
  const parts = dateParts(date)
  if (parts) {
    const end = date?.['date-parts']?.[1]
    const endParts = end ? dateParts({'date-parts': [end]}) : undefined
    return endParts ? `${humanParts(parts)} – ${humanParts(endParts)}` : humanParts(parts)
  }
  return date?.literal ?? date?.raw
}

/** Machine-readable form for `<time datetime>` (`1950-01-19`, `1950-01`, `1950`), when known. */
export function isoCslDate(date: CslDate | undefined): string | undefined {
  const parts = dateParts(date)
  return parts ? isoDate(parts) : undefined
}

/** A front-matter date (`1993-11`, `1994`, or free text) for display, and its ISO form. */
export function metaDate(value: string | undefined): {text: string; iso?: string} | undefined {
  if (!value) return undefined
  const parts = isoDateParts(value)
  if (!parts) return {text: value}
  return {text: humanParts(parts), iso: isoDate(parts)}
}

/** The build date from SOURCE_DATE_EPOCH (seconds), never from the clock. */
export function buildDate(sourceDateEpoch: number | undefined): {text: string; iso: string} | undefined {
  if (sourceDateEpoch === undefined || !Number.isFinite(sourceDateEpoch)) return undefined
  const date = new Date(sourceDateEpoch * 1000)
  if (Number.isNaN(date.getTime())) return undefined
  const parts: [number, number, number] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
  return {text: humanParts(parts), iso: isoDate(parts)}
}
