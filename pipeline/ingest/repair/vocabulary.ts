/**
 * Word counts of a whole source, to tell a broken word from a real compound. Counted on the
 * first question: most sources ask none (no word is hyphenated at a line end).
 */
import {forEachRun, letter} from '../characters.js'

export interface Vocabulary {
  /** How often a lower-cased word (letters only) occurs, alone or as part of a compound. */
  count(word: string): number
  /** Whether a lower-cased hyphenated compound (`agitation-propaganda`) occurs. */
  hasCompound(compound: string): boolean
}

export function vocabulary(text: string): Vocabulary {
  let counted: {words: Map<string, number>; compounds: Set<string>} | undefined
  const counts = () => (counted ??= countWords(text))
  return {
    count: (word) => counts().words.get(word) ?? 0,
    hasCompound: (compound) => counts().compounds.has(compound)
  }
}

/** Runs of letters (`\p{L}+`) of the lower-cased text; those joined by single hyphens make compounds. */
function countWords(text: string) {
  const lowered = text.toLowerCase()
  const words = new Map<string, number>()
  const compounds = new Set<string>()
  let chainStart = -1
  let chainEnd = -1
  let parts = 0
  const close = () => {
    if (parts > 1) compounds.add(lowered.slice(chainStart, chainEnd))
  }
  forEachRun(lowered, letter, (start, end) => {
    const word = lowered.slice(start, end)
    words.set(word, (words.get(word) ?? 0) + 1)
    if (start === chainEnd + 1 && lowered.charCodeAt(chainEnd) === 45 /* `-` */) parts++
    else {
      close()
      chainStart = start
      parts = 1
    }
    chainEnd = end
  })
  close()
  return {words, compounds}
}
