/** What a heading looks like in text that has no markup for it. */
import {endsSentence} from '../repair/join.js'

/** Longest heading (characters). */
export const headingLength = 100
/** Most words of a title in sentence case. */
const sentenceCaseWords = 12

/** Words that name a division of a book, in the languages editions come in (data, not code). */
export const divisionWords: readonly string[] = [
  'chapter', 'chap.', 'part', 'book', 'section', 'volume', 'letter', 'lecture', 'essay', 'canto', 'kapitel', 'teil', 'buch', 'abschnitt',
  'chapitre', 'livre', 'partie', 'tome', 'capitolo', 'parte', 'libro', 'capítulo'
]

const division = /^(\p{L}+\.?)\s+(?:[IVXLCDM]+|[ivxlcdm]+|\d{1,3}|\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])\.?(?:\s*(?:[.:—–]|--)\s*\S.*)?$/u

/** The number first, as German prints it (`1. Kapitel`, `II. Teil: Die Stadt`). */
const ordinalDivision = /^(?:\d{1,3}|[IVXLC]+)\.\s+(\p{L}+)(?:\s*(?:[.:—–]|--)\s*\S.*)?$/u

/** A line that names a division and its number, with or without a title (`CHAPTER II.`, `Chapter 4: The War`, `Kapitel 3`, `1. Kapitel`). */
export function isDivisionHeading(text: string): boolean {
  const reading = text.replace(/\*+/g, '').trim()
  if (reading.length > headingLength) return false
  const word = division.exec(reading)?.[1] ?? ordinalDivision.exec(reading)?.[1]
  return word !== undefined && divisionWords.includes(word.toLowerCase())
}

/**
 * Short, without final punctuation or commas (a title: commas between words allowed), two to fourteen words, starting with a capital
 * and mostly capitalized (`The Political Context in 1950`, `ABOUT THE AUTHOR`).
 */
export function looksLikeHeading(text: string, {title = false}: {title?: boolean | 'sentence-case'} = {}): boolean {
  const source = text.replace(/\*+/g, '').replace(/\n/g, ' ').trim()
  // Columns set apart by runs of spaces: a table's row, not a heading.
  if (/\S {3,}\S/.test(source)) return false
  // A title may hold commas (`The Wool Trade of a Market Town, 1780-1850`), a heading in the text not.
  const reading = title ? source.replace(/,(?=\s)/g, '') : source
  if (reading === '' || reading.length > headingLength || reading.includes(',')) return false
  if (isDivisionHeading(reading)) return true
  if (endsSentence(reading) || /[,;”"’]$/.test(reading)) return false
  const words = reading.split(/\s+/).filter((word) => /\p{L}/u.test(word))
  if (words.length < 2 || words.length > 14 || (title === 'sentence-case' && words.length > sentenceCaseWords)) return false
  if (!/^[^\p{L}]*\p{Lu}/u.test(reading)) return false
  // A title set in sentence case, as most languages but English print them (`Les moulins de la vallée`).
  if (title === 'sentence-case') return true
  const long = words.filter((word) => word.replace(/[^\p{L}]/gu, '').length >= 4)
  const capitalized = long.filter((word) => /^[^\p{L}]*\p{Lu}/u.test(word))
  return long.length === 0 || capitalized.length * 10 >= long.length * 7
}
