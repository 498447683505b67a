/**
 * Nothing lost: every word of the raw source must be found in the annotated Markdown, as text,
 * as an original reading (`orig`) or inside a removed artifact.
 */
import {classesAt, decimal, forEachRun, letter, mark, unitClasses, widthAt} from './characters.js'

/** A word: a run of letters (with their combining marks) and decimal digits. */
const wordCharacter = String.raw`[\p{L}\p{M}\p{Nd}]`
const wordClasses = letter | mark | decimal
const wordEnd = new RegExp(`${wordCharacter}$`, 'u')
const wordStart = new RegExp(`^${wordCharacter}`, 'u')

/**
 * Superscript letters (`ᵃ`, `ᵇ`), which call lettered notes as superscript figures call numbered
 * ones: marks beside a word, not letters of it (the call becomes footnote syntax).
 */
const superscriptLetters = new Set([...'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'].map((letter) => letter.charCodeAt(0)))

/** Words of note markers that become footnote syntax (`[footnoteRef:3]` → `[^3]`). */
const markerWords: ReadonlySet<string> = new Set(['footnoteRef'])

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
  forEachRun(normal, wordClasses, (start, end) => {
    let from = start
    for (let index = start; index < end; index++) {
      if (!superscriptLetters.has(normal.charCodeAt(index))) continue
      if (index > from) out.push(normal.slice(from, index))
      from = index + 1
    }
    if (end > from) out.push(normal.slice(from, end))
  })
  return out
}

/**
 * Character references (`&amp;`, `&#233;`): in a Markdown source they are markup for one
 * character, so their names are not words of the text; they are left out on both sides.
 */
const characterReference = /&(?:[A-Za-z][A-Za-z\d]{1,31}|#\d{1,7}|#[Xx][\dA-Fa-f]{1,6});/g

/** Words of `raw` not found in `markdown` (as a multiset), in source order. */
export function lostWords(raw: string, markdown: string): string[] {
  const text = markdown.replace(frontMatter, '').replace(autolink, '$1').replace(characterReference, ' ').normalize('NFC')
  const available = new WordCounts(text)
  forEachWord(text, (start, end, hash) => available.add(start, end, hash))
  const source = raw.replace(characterReference, ' ').normalize('NFC')
  const lost: string[] = []
  // A marker word is excused whether or not the Markdown has one to take.
  forEachWord(source, (start, end, hash) => {
    if (!available.take(source, start, end, hash) && !isMarkerWord(source, start, end)) lost.push(source.slice(start, end))
  })
  return lost
}

function isMarkerWord(text: string, start: number, end: number): boolean {
  for (const word of markerWords) if (word.length === end - start && text.startsWith(word, start)) return true
  return false
}

/**
 * Call `word` with the bounds and a hash (FNV-1a over the code units) of every word of `text`,
 * in order, without a string for each: the runs of `forEachRun` (kept in step with it), on a
 * text already in NFC, which `words` normalizes itself.
 */
function forEachWord(text: string, word: (start: number, end: number, hash: number) => void): void {
  let start = -1
  let hash = 0
  let index = 0
  while (index < text.length) {
    const code = text.charCodeAt(index)
    const surrogate = code >= 0xd800 && code <= 0xdfff
    const width = surrogate ? widthAt(text, index) : 1
    if (((surrogate ? classesAt(text, index) : unitClasses(code)) & wordClasses) === 0 || superscriptLetters.has(code)) {
      if (start !== -1) word(start, index, hash)
      start = -1
    } else {
      if (start === -1) {
        start = index
        hash = fnvOffset
      }
      hash = Math.imul(hash ^ code, fnvPrime)
      if (width === 2) hash = Math.imul(hash ^ text.charCodeAt(index + 1), fnvPrime)
    }
    index += width
  }
  if (start !== -1) word(start, text.length, hash)
}

const fnvOffset = 0x811c9dc5 | 0
const fnvPrime = 0x01000193

/**
 * The words of one text and how many of each are left to take: an open-addressing table of
 * their first occurrence's bounds, found by hash and compared code unit by code unit. A slot's
 * count is one more than the words left, so a word all taken keeps its slot (0 is empty).
 */
class WordCounts {
  private hashes = new Int32Array(1024)
  private starts = new Int32Array(1024)
  private ends = new Int32Array(1024)
  private counts = new Int32Array(1024)
  private size = 0

  constructor(private readonly text: string) {}

  add(start: number, end: number, hash: number): void {
    let slot = this.slotOf(this.text, start, end, hash)
    if (this.counts[slot] === 0) {
      // At most half full, so a probe meets an empty slot soon.
      if (++this.size * 2 > this.counts.length) {
        this.grow()
        slot = this.slotOf(this.text, start, end, hash)
      }
      this.hashes[slot] = hash
      this.starts[slot] = start
      this.ends[slot] = end
      this.counts[slot] = 1
    }
    this.counts[slot]!++
  }

  /** Take one of the word `source.slice(start, end)`; false when none is left. */
  take(source: string, start: number, end: number, hash: number): boolean {
    const slot = this.slotOf(source, start, end, hash)
    if (this.counts[slot]! <= 1) return false
    this.counts[slot]!--
    return true
  }

  /** The word's slot, or the empty one where it would go. */
  private slotOf(source: string, start: number, end: number, hash: number): number {
    const mask = this.counts.length - 1
    let slot = hash & mask
    while (this.counts[slot] !== 0 && (this.hashes[slot] !== hash || !this.equal(source, start, end, slot))) slot = (slot + 1) & mask
    return slot
  }

  private equal(source: string, start: number, end: number, slot: number): boolean {
    const from = this.starts[slot]!
    if (this.ends[slot]! - from !== end - start) return false
    for (let index = 0; index < end - start; index++) if (this.text.charCodeAt(from + index) !== source.charCodeAt(start + index)) return false
    return true
  }

  private grow(): void {
    const {hashes, starts, ends, counts} = this
    const capacity = counts.length * 2
    this.hashes = new Int32Array(capacity)
    this.starts = new Int32Array(capacity)
    this.ends = new Int32Array(capacity)
    this.counts = new Int32Array(capacity)
    for (let old = 0; old < counts.length; old++) {
      if (counts[old] === 0) continue
      let slot = hashes[old]! & (capacity - 1)
      while (this.counts[slot] !== 0) slot = (slot + 1) & (capacity - 1)
      this.hashes[slot] = hashes[old]!
      this.starts[slot] = starts[old]!
      this.ends[slot] = ends[old]!
      this.counts[slot] = counts[old]!
    }
  }
}
