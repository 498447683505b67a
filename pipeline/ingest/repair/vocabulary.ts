/**
 * Word counts of a whole source, to tell a broken word from a real compound. Most sources ask
 * nothing (no word is hyphenated at a line end), and most of the others a few questions: the
 * first are answered by searching the text for the word, and only many make a count of all.
 */
import {classesAt, forEachRun, letter} from '../characters.js'

export interface Vocabulary {
  /** How often a lower-cased word (letters only) occurs, alone or as part of a compound. */
  count(word: string): number
  /** Whether a lower-cased hyphenated compound (`agitation-propaganda`) occurs. */
  hasCompound(compound: string): boolean
}

/** Questions answered by a search before the words are counted. */
const searches = 16

export function vocabulary(text: string): Vocabulary {
  let lowered: string | undefined
  let counted: {words: Map<string, number>; compounds: Set<string>} | undefined
  let asked = 0
  const counts = () => {
    lowered ??= text.toLowerCase()
    if (!counted && ++asked > searches) counted = countWords(lowered)
    return counted
  }
  return {
    count(word) {
      const all = counts()
      return all ? (all.words.get(word) ?? 0) : occurrences(lowered ?? '', word, false)
    },
    hasCompound(compound) {
      const all = counts()
      return all ? all.compounds.has(compound) : occurrences(lowered ?? '', compound, true) > 0
    }
  }
}

/**
 * How often `value` occurs in `lowered` as a whole run of letters (`compound`: false) or as a
 * whole chain of runs joined by single hyphens (true): what `countWords` would count.
 */
function occurrences(lowered: string, value: string, compound: boolean): number {
  if (!isWord(value, compound)) return 0
  let found = 0
  for (let at = lowered.indexOf(value); at !== -1; at = lowered.indexOf(value, at + 1)) {
    const end = at + value.length
    if (isLetterBefore(lowered, at) || isLetterAt(lowered, end)) continue
    // A chain goes on over a hyphen with a letter beyond it, so a part of one is not a chain.
    if (compound && ((lowered.charCodeAt(at - 1) === 45 && isLetterBefore(lowered, at - 1)) || (lowered.charCodeAt(end) === 45 && isLetterAt(lowered, end + 1)))) continue
    found++
  }
  return found
}

/** Letters only; with `compound`, runs of them joined by single hyphens. */
function isWord(value: string, compound: boolean): boolean {
  const parts = compound ? value.split('-') : [value]
  if (compound && parts.length < 2) return false
  return parts.every((part) => {
    if (part === '') return false
    let letters = true
    forEachRun(part, letter, (start, end) => {
      if (start !== 0 || end !== part.length) letters = false
    })
    return letters && (classesAt(part, 0) & letter) !== 0
  })
}

function isLetterAt(text: string, index: number): boolean {
  return index < text.length && (classesAt(text, index) & letter) !== 0
}

/** Whether the character that ends right before `index` is a letter. */
function isLetterBefore(text: string, index: number): boolean {
  return index > 0 && (classesAt(text, index - 1) & letter) !== 0
}

/** Runs of letters (`\p{L}+`) of the lower-cased text; those joined by single hyphens make compounds. */
function countWords(lowered: string) {
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
