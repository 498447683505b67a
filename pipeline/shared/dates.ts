/**
 * What every stage knows of dates: month names and the forms they are printed in (English, and
 * the German, French, Italian, Spanish and Russian names archival documents are dated with),
 * the ISO form of year, month and day, and SOURCE_DATE_EPOCH (the build date, never the clock).
 */

/** Month names, January first. */
export const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'
] as const

/** The months of other languages, January first, by their full names. */
const monthsAbroad: ReadonlyArray<readonly string[]> = [
  // German
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  // French
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  // Italian
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  // Spanish
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  // Russian, in the genitive of a date (`3 мая 1905`) and the nominative of a month (`май 1905`)
  ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь']
]

/** Other languages' second names and abbreviations with their month (`Jänner`, `Dez.`, `févr.`, `sett.`). */
const abbreviationsAbroad: Readonly<Record<string, number>> = {
  jänner: 1, feber: 2, jän: 1, febr: 2, mrz: 3, okt: 10, dez: 12,
  janv: 1, févr: 2, fév: 2, avr: 4, juil: 7, déc: 12,
  genn: 1, febbr: 2, magg: 5, giu: 6, lug: 7, ago: 8, sett: 9, ott: 10, dic: 12,
  ene: 1, abr: 4, agto: 8, set: 9, setiembre: 9
}

/** English month numbers by lower-case name and abbreviation (`june`, `jun`, `sept`), without the period. */
export const englishMonthNumbers: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12
}

/** Month numbers by lower-case name and abbreviation (`june`, `jun`, `sept`, `märz`, `juin`), without the period. */
export const monthNumbers: Readonly<Record<string, number>> = {
  ...englishMonthNumbers,
  ...Object.fromEntries(monthsAbroad.flatMap((names) => names.map((name, index) => [name, index + 1]))),
  ...abbreviationsAbroad
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
