/**
 * Possible authors' errors: a capitalized word that occurs once and is one or two edits away
 * from a name used elsewhere in the same text ("Lozovsley" beside "Lozovsky"). They are kept
 * as printed and reported, never corrected silently. Candidates are found through deletion
 * neighbourhoods, so the check is linear in the size of the text.
 */
import type {VFile} from 'vfile'
import {report} from '../rules.js'
import {classesAt, forEachRun, letter, lower, number, upper, widthAt} from '../characters.js'
import type {Locate} from '../location.js'

export interface SicOptions {
  /** Shortest word checked (default: 6). */
  minLength?: number
  /** Shortest word for which two edits are allowed (default: 8). */
  minLengthTwoEdits?: number
}


/** Word endings of English inflection and derivation: `Politics`/`Political` differ only so. */
const suffixes: ReadonlySet<string> = new Set([
  '', 's', 'es', 'e', 'y', 'ies', 'al', 'ed', 'er', 'ers', 'ing', 'ng', 'ion', 'ions', 'ons', 'ry',
  'n', 'ns', 'an', 'ans', 'ic', 'ics', 'ly', 'ity', 'ive', 'ives',
  // Russian case endings of transliterated names (`Stalina`, `Problemy`).
  'a', 'u', 'om'
])

export function reportPossibleSic(text: string, file: VFile, locate: Locate, options: SicOptions = {}): void {
  const minLength = options.minLength ?? 6
  const minLengthTwoEdits = options.minLengthTwoEdits ?? 8
  const first = new Map<string, number>()
  const counts = new Map<string, number>()
  const common = new Set<string>()
  // Words of letters and digits (`[\p{L}\p{N}]+`): all lower case, or capitalized.
  forEachRun(text, letter | number, (start, end) => {
    if (end - start < minLength) return
    const shape = shapeOf(text, start, end)
    if (shape === 'lower') common.add(text.slice(start, end))
    else if (shape === 'capitalized') {
      const word = text.slice(start, end)
      counts.set(word, (counts.get(word) ?? 0) + 1)
      if (!first.has(word)) first.set(word, start)
    }
  })
  // Every word is indexed by its one-letter deletions; a rare word looks up its deletions of
  // up to two letters, which finds neighbours one edit away, or two with one a deletion.
  const neighbours = new Map<string, string[]>()
  for (const word of counts.keys()) {
    for (const key of deletions(word)) {
      const list = neighbours.get(key)
      if (list) list.push(word)
      else neighbours.set(key, [word])
    }
  }
  const reported = new Set<string>()
  for (const [word, count] of counts) {
    if (count !== 1 || common.has(word.toLowerCase())) continue
    let best: string | undefined
    const consider = (key: string) => {
      for (const other of neighbours.get(key) ?? []) {
        if (other === word || related(word, other)) continue
        const limit = Math.min(word.length, other.length) >= minLengthTwoEdits ? 2 : 1
        const edits = distance(word, other)
        // Two edits are a misspelling only when the word starts right.
        if (edits > limit || (edits === 2 && word[0] !== other[0])) continue
        if (!best || (counts.get(other) ?? 0) > (counts.get(best) ?? 0)) best = other
      }
    }
    // Keys in the order a breadth-first search meets them; one met again changes nothing,
    // as `best` changes only for a neighbour with more occurrences.
    for (const key of deletions(word)) consider(key)
    if (word.length >= minLengthTwoEdits) {
      for (let one = 0; one < word.length; one++) {
        const head = word.slice(0, one)
        for (let two = one + 1; two < word.length; two++) consider(head + word.slice(one + 1, two) + word.slice(two + 1))
      }
    }
    if (!best || reported.has(word)) continue
    if ((counts.get(best) ?? 0) === 1 && (first.get(best) ?? 0) > (first.get(word) ?? 0)) continue
    reported.add(word)
    report(file, 'possible-sic', `Unexpected \`${word}\` beside \`${best}\`, expected one spelling (kept as printed)`, locate(first.get(word) ?? 0))
  }
}

/** `lower` for `^\p{Ll}+$`, `capitalized` for `^\p{Lu}\p{Ll}+$`. */
function shapeOf(text: string, start: number, end: number): 'lower' | 'capitalized' | undefined {
  const head = classesAt(text, start)
  for (let index = start + widthAt(text, start); index < end; index += widthAt(text, index)) {
    if ((classesAt(text, index) & lower) === 0) return undefined
  }
  if (head & lower) return 'lower'
  return head & upper && end - start > widthAt(text, start) ? 'capitalized' : undefined
}

/** A word and its inflection or derivation are not a misspelling of each other. */
function related(a: string, b: string): boolean {
  let prefix = 0
  while (prefix < a.length && a[prefix] === b[prefix]) prefix++
  return suffixes.has(a.slice(prefix)) && suffixes.has(b.slice(prefix))
}

/** The word and its one-letter deletions, each once: deleting any letter of a run of one letter gives one word. */
function deletions(word: string): string[] {
  const out = [word]
  for (let index = 0; index < word.length; index++) {
    if (index === 0 || word[index] !== word[index - 1]) out.push(word.slice(0, index) + word.slice(index + 1))
  }
  return out
}

/** Optimal string alignment distance (Levenshtein with transpositions). */
function distance(a: string, b: string): number {
  const rows = a.length + 1
  const columns = b.length + 1
  const table: number[] = new Array(rows * columns).fill(0)
  const at = (i: number, j: number) => table[i * columns + j] ?? 0
  for (let i = 0; i < rows; i++) table[i * columns] = i
  for (let j = 0; j < columns; j++) table[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1)
      table[i * columns + j] = value
    }
  }
  return at(a.length, b.length)
}
