/**
 * Nothing lost: every word of the raw source must be found in the annotated Markdown, as text,
 * as an original reading (`orig`) or inside a removed artifact.
 */
import {decimal, forEachRun, letter, mark} from './characters.js'

/** A word: a run of letters (with their combining marks) and decimal digits. */
const wordCharacter = String.raw`[\p{L}\p{M}\p{Nd}]`
const wordClasses = letter | mark | decimal
const wordEnd = new RegExp(`${wordCharacter}$`, 'u')
const wordStart = new RegExp(`^${wordCharacter}`, 'u')

/** Words of note markers that become footnote syntax (`[footnoteRef:3]` → `[^3]`). */
export const markerWords: ReadonlySet<string> = new Set(['footnoteRef'])

/** Autolinks: their brackets are syntax that must not split a word (`1<http://…>`). */
const autolink = /<((?:https?|ftp|mailto):[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/gi

/** YAML front matter at the start of annotated Markdown (its words are metadata, not text). */
const frontMatter = /^---\n[\s\S]*?\n---(?:\n|$)/

/** Whether `before` and `after`, put side by side, would make one word of their edges. */
export function joinsWords(before: string, after: string): boolean {
  return wordEnd.test(before) && wordStart.test(after)
}

export function words(text: string): string[] {
  const normal = text.normalize('NFC')
  const out: string[] = []
  forEachRun(normal, wordClasses, (start, end) => out.push(normal.slice(start, end)))
  return out
}

/**
 * Character references (`&amp;`, `&#233;`): in a Markdown source they are markup for one
 * character, so their names are not words of the text; they are left out on both sides.
 */
const characterReference = /&(?:[A-Za-z][A-Za-z\d]{1,31}|#\d{1,7}|#[Xx][\dA-Fa-f]{1,6});/g

/** Words of `raw` not found in `markdown` (as a multiset), in source order. */
export function lostWords(raw: string, markdown: string): string[] {
  // Counts by word number: one look-up a word once it has been seen, not two.
  const numbers = new Map<string, number>()
  const available: number[] = []
  const text = markdown.replace(frontMatter, '').replace(autolink, '$1').replace(characterReference, ' ')
  for (const word of words(text)) {
    const number = numbers.get(word)
    if (number === undefined) {
      numbers.set(word, available.length)
      available.push(1)
    } else available[number] = (available[number] ?? 0) + 1
  }
  const lost: string[] = []
  for (const word of words(raw.replace(characterReference, ' '))) {
    if (markerWords.has(word)) continue
    const number = numbers.get(word)
    const count = number === undefined ? 0 : (available[number] ?? 0)
    if (number === undefined || count === 0) lost.push(word)
    else available[number] = count - 1
  }
  return lost
}
