/** Word counts of a whole source, to tell a broken word from a real compound. */

export interface Vocabulary {
  /** Lower-cased words (letters only) with their counts. */
  words: Map<string, number>
  /** Lower-cased hyphenated compounds (`agitation-propaganda`). */
  compounds: Set<string>
}

const token = /\p{L}+(?:-\p{L}+)*/gu

export function vocabulary(text: string): Vocabulary {
  const words = new Map<string, number>()
  const compounds = new Set<string>()
  for (const match of text.toLowerCase().matchAll(token)) {
    const value = match[0]
    if (value.includes('-')) {
      compounds.add(value)
      for (const part of value.split('-')) words.set(part, (words.get(part) ?? 0) + 1)
    } else words.set(value, (words.get(value) ?? 0) + 1)
  }
  return {words, compounds}
}
