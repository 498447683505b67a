/**
 * Dates as the print edition writes them: in words, in the document's language. The sidecars
 * and the Markdown keep ISO 8601 (`1993-11`); a reader of the PDF reads "November 1993".
 */
import {isoDateParts} from '../shared/dates.js'

/** The language's formatter, or English's when the tag is not one Intl knows. */
function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(language, {...options, timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn'})
  } catch {
    return new Intl.DateTimeFormat('en', {...options, timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn'})
  }
}

/**
 * An ISO 8601 date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) in words in `language` (a BCP 47 tag):
 * `1993-11` → "November 1993", `1950-06-25` → "June 25, 1950" (`en`), "25 June 1950"
 * (`en-GB`), "25. Juni 1950" (`de`). Anything else, and a month or day out of range, is
 * returned as it is. Always the Gregorian calendar in UTC, so the same input prints the same.
 */
export function dateInWords(date: string, language: string): string {
  const parts = isoDateParts(date)
  if (!parts) return date
  const [year, month, day] = parts
  const monthIndex = month === undefined ? 0 : month - 1
  const dayNumber = day ?? 1
  const value = new Date(Date.UTC(year, monthIndex, dayNumber))
  // Date.UTC rolls 1993-13 over into 1994; such a date is no date.
  if (value.getUTCMonth() !== monthIndex || value.getUTCDate() !== dayNumber) return date
  value.setUTCFullYear(year)
  const options: Intl.DateTimeFormatOptions = day !== undefined
    ? {year: 'numeric', month: 'long', day: 'numeric'}
    : month !== undefined ? {year: 'numeric', month: 'long'} : {year: 'numeric'}
  return formatter(language, options).format(value)
}
