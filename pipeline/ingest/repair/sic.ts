/**
 * Possible authors' errors: a capitalized word that occurs once and is one or two edits away
 * from a name used elsewhere in the same text ("Lozovsley" beside "Lozovsky"). They are kept
 * as printed and reported, never corrected silently. Candidates are found through deletion
 * neighbourhoods, so the check is linear in the size of the text.
 */
import type {VFile} from 'vfile'
import {report} from '../../diagnostics.js'
import type {Locate} from '../location.js'

export interface SicOptions {
  /** Shortest word checked (default: 6). */
  minLength?: number
  /** Shortest word for which two edits are allowed (default: 8). */
  minLengthTwoEdits?: number
}

const token = /[\p{L}\p{N}]+/gu
const capitalized = /^\p{Lu}\p{Ll}+$/u
const lowercase = /^\p{Ll}+$/u

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
  for (const match of text.matchAll(token)) {
    const word = match[0]
    if (word.length < minLength) continue
    if (lowercase.test(word)) common.add(word)
    else if (capitalized.test(word)) {
      counts.set(word, (counts.get(word) ?? 0) + 1)
      if (!first.has(word)) first.set(word, match.index)
    }
  }
  // Every word is indexed by its one-letter deletions; a rare word looks up its deletions of
  // up to two letters, which finds neighbours one edit away, or two with one a deletion.
  const neighbours = new Map<string, string[]>()
  for (const word of counts.keys()) {
    for (const key of deletions(word, 1)) {
      const list = neighbours.get(key)
      if (list) list.push(word)
      else neighbours.set(key, [word])
    }
  }
  const reported = new Set<string>()
  for (const [word, count] of counts) {
    if (count !== 1 || common.has(word.toLowerCase())) continue
    let best: string | undefined
    for (const key of deletions(word, word.length >= minLengthTwoEdits ? 2 : 1)) {
      for (const other of neighbours.get(key) ?? []) {
        if (other === word || related(word, other)) continue
        const limit = Math.min(word.length, other.length) >= minLengthTwoEdits ? 2 : 1
        const edits = distance(word, other)
        // Two edits are a misspelling only when the word starts right.
        if (edits > limit || (edits === 2 && word[0] !== other[0])) continue
        if (!best || (counts.get(other) ?? 0) > (counts.get(best) ?? 0)) best = other
      }
    }
    if (!best || reported.has(word)) continue
    if ((counts.get(best) ?? 0) === 1 && (first.get(best) ?? 0) > (first.get(word) ?? 0)) continue
    reported.add(word)
    report(file, 'possible-sic', `Unexpected \`${word}\` beside \`${best}\`, expected one spelling (kept as printed)`, locate(first.get(word) ?? 0))
  }
}

/** A word and its inflection or derivation are not a misspelling of each other. */
function related(a: string, b: string): boolean {
  let prefix = 0
  while (prefix < a.length && a[prefix] === b[prefix]) prefix++
  return suffixes.has(a.slice(prefix)) && suffixes.has(b.slice(prefix))
}

function deletions(word: string, depth: number): Set<string> {
  const out = new Set<string>([word])
  let frontier = [word]
  for (let level = 0; level < depth; level++) {
    const next: string[] = []
    for (const item of frontier) {
      for (let index = 0; index < item.length; index++) {
        const shorter = item.slice(0, index) + item.slice(index + 1)
        if (!out.has(shorter)) {
          out.add(shorter)
          next.push(shorter)
        }
      }
    }
    frontier = next
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
