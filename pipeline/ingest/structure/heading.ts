/** What a heading looks like in text that has no markup for it. */
import {endsSentence} from '../repair/join.js'

/** Longest heading (characters). */
export const headingLength = 100

/**
 * Short, without final punctuation or commas, two to fourteen words, starting with a capital
 * and mostly capitalized (`The Political Context in 1950`, `ABOUT THE AUTHOR`).
 */
export function looksLikeHeading(text: string): boolean {
  const reading = text.replace(/\*+/g, '').replace(/\n/g, ' ').trim()
  if (reading === '' || reading.length > headingLength || reading.includes(',')) return false
  if (endsSentence(reading) || /[,;”"’]$/.test(reading)) return false
  const words = reading.split(/\s+/).filter((word) => /\p{L}/u.test(word))
  if (words.length < 2 || words.length > 14) return false
  if (!/^[^\p{L}]*\p{Lu}/u.test(reading)) return false
  const long = words.filter((word) => word.replace(/[^\p{L}]/gu, '').length >= 4)
  const capitalized = long.filter((word) => /^[^\p{L}]*\p{Lu}/u.test(word))
  return long.length === 0 || capitalized.length * 10 >= long.length * 7
}
