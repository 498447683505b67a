/**
 * What every stage knows of dates: English month names and the forms they are printed in, the
 * ISO form of year, month and day, and SOURCE_DATE_EPOCH (the build date, never the clock).
 */

/** Month names, January first. */
export const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'
] as const

/** Month numbers by lower-case name and abbreviation (`june`, `jun`, `sept`), without the period. */
export const monthNumbers: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12
}

/** The number of a month name or abbreviation in any case (`June`, `jun`), when it is one. */
export function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase()
  return Object.hasOwn(monthNumbers, key) ? monthNumbers[key] : undefined
}

/** `1950-01-19`, `1950-01`, `1950` (years padded to four digits). */
export function isoDate([year, month, day]: readonly [number, number?, number?]): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  const yyyy = String(year).padStart(4, '0')
  if (month && day) return `${yyyy}-${pad(month)}-${pad(day)}`
  if (month) return `${yyyy}-${pad(month)}`
  return yyyy
}

/** The last second a JavaScript date holds (8.64e15 ms after the epoch). */
export const maxEpochSeconds = 8_640_000_000_000

/** SOURCE_DATE_EPOCH from the environment, when it is a number of seconds a date can hold. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.SOURCE_DATE_EPOCH
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined
  const seconds = Number(value)
  return seconds <= maxEpochSeconds ? seconds : undefined
}

/** Year, month and day of an ISO 8601 date (`1993`, `1993-11`, `1993-11-05`), unchecked; else undefined. */
export function isoDateParts(value: string): [number, number?, number?] | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim())
  if (!match) return undefined
  return [Number(match[1]), match[2] === undefined ? undefined : Number(match[2]), match[3] === undefined ? undefined : Number(match[3])]
}
