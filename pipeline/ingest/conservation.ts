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
  const available = new Map<string, number>()
  const text = markdown.replace(frontMatter, '').replace(autolink, '$1').replace(characterReference, ' ')
  for (const word of words(text)) available.set(word, (available.get(word) ?? 0) + 1)
  const lost: string[] = []
  for (const word of words(raw.replace(characterReference, ' '))) {
    if (markerWords.has(word)) continue
    const count = available.get(word) ?? 0
    if (count === 0) lost.push(word)
    else available.set(word, count - 1)
  }
  return lost
}
