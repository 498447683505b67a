/** What a heading looks like in text that has no markup for it. */
import {endsSentence} from '../repair/join.js'

/** Longest heading (characters). */
const headingLength = 100
/** Most words of a title in sentence case. */
const sentenceCaseWords = 12

/** Words that name a division of a book, in the languages editions come in (data, not code). */
export const divisionWords: readonly string[] = [
  'chapter', 'chap.', 'part', 'book', 'section', 'volume', 'letter', 'lecture', 'essay', 'canto', 'kapitel', 'teil', 'buch', 'abschnitt',
  'chapitre', 'livre', 'partie', 'tome', 'capitolo', 'parte', 'libro', 'capítulo'
]

/**
 * Ordinal numbers as divisions are numbered in words (`BOOK FIRST`, `Livre premier`, `Zweites
 * Kapitel`, `zum ersten Kapitel`), each with its value (data, not code). German ones in every ending.
 */
const ordinalList: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['first', 'premier', 'première', 'premiere', 'primo', 'primero', 'primera', 'erste']],
  [2, ['second', 'seconde', 'deuxième', 'deuxieme', 'secondo', 'segundo', 'segunda', 'zweite']],
  [3, ['third', 'troisième', 'troisieme', 'terzo', 'tercero', 'tercera', 'dritte']],
  [4, ['fourth', 'quatrième', 'quatrieme', 'quarto', 'cuarto', 'cuarta', 'vierte']],
  [5, ['fifth', 'cinquième', 'cinquieme', 'quinto', 'quinta', 'fünfte', 'fuenfte']],
  [6, ['sixth', 'sixième', 'sixieme', 'sesto', 'sexto', 'sexta', 'sechste']],
  [7, ['seventh', 'septième', 'septieme', 'settimo', 'séptimo', 'septimo', 'siebente', 'siebte']],
  [8, ['eighth', 'huitième', 'huitieme', 'ottavo', 'octavo', 'octava', 'achte']],
  [9, ['ninth', 'neuvième', 'neuvieme', 'nono', 'noveno', 'novena', 'neunte']],
  [10, ['tenth', 'dixième', 'dixieme', 'decimo', 'décimo', 'décima', 'zehnte']],
  [11, ['eleventh', 'onzième', 'onzieme', 'elfte']],
  [12, ['twelfth', 'douzième', 'douzieme', 'zwölfte', 'zwoelfte']]
]
const ordinals: ReadonlyMap<string, number> = new Map(
  ordinalList.flatMap(([value, words]) => words.flatMap((word) => (/te$/.test(word) ? ['', 'n', 'm', 'r', 's'].map((ending): [string, number] => [word + ending, value]) : [[word, value] as [string, number]])))
)

/** The value of an ordinal number written as a word (`premier`, `ersten`, `Third`), or undefined. */
export function ordinalValue(word: string): number | undefined {
  return ordinals.get(word.toLowerCase())
}

/** The ordinal first, as German and some English print it (`Zweites Kapitel`, `The First Book`). */
const wordFirstDivision = /^(?:the\s+)?(\p{L}+)\s+(\p{L}+\.?)(?:\s*(?:[.:—–]|--)\s*\S.*)?$/iu

const division = /^(\p{L}+\.?)\s+(?:[IVXLCDM]+|[ivxlcdm]+|\d{1,3}|\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])\.?(?:\s*(?:[.:—–]|--)\s*\S.*)?$/u

/** The number first, as German prints it (`1. Kapitel`, `II. Teil: Die Stadt`). */
const ordinalDivision = /^(?:\d{1,3}|[IVXLC]+)\.\s+(\p{L}+)(?:\s*(?:[.:—–]|--)\s*\S.*)?$/u

/** A line that names a division and its number, with or without a title (`CHAPTER II.`, `Chapter 4: The War`, `Kapitel 3`, `1. Kapitel`, `Zweites Kapitel`). */
export function isDivisionHeading(text: string): boolean {
  const reading = text.replace(/\*+/g, '').trim()
  if (reading.length > headingLength) return false
  const word = division.exec(reading)?.[1] ?? ordinalDivision.exec(reading)?.[1]
  if (word !== undefined && divisionWords.includes(word.toLowerCase())) return true
  // A number in words, in any case, before or after the division's word (`LIVRE PREMIER`, `Zweites Kapitel.`).
  const after = /^(\p{L}+\.?)\s+(\p{L}+)\.?(?:\s*(?:[.:—–]|--)\s*\S.*)?$/u.exec(reading)
  if (after && divisionWords.includes((after[1] ?? '').toLowerCase()) && ordinalValue(after[2] ?? '') !== undefined) return true
  const before = wordFirstDivision.exec(reading)
  return before !== null && ordinalValue(before[1] ?? '') !== undefined && divisionWords.includes((before[2] ?? '').toLowerCase().replace(/\.$/, ''))
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
