/**
 * Front and back matter of a work: the title page, series description and list of a series'
 * papers before the text; an "About the author" section after it; an e-text's transcriber's
 * notes, before or after the text. Cues are data.
 */
import {readingOf} from '../spans.js'
import type {Block} from './blocks.js'

/** Blocks typical of a title page or series page. */
const frontMatterCues: readonly RegExp[] = [
  /^working papers? (?:no\.|number|series)/i,
  /\bworking papers? series\b/i,
  /\bseries editor\b/i,
  /^(?:telephone|tel\.?|phone|fax|e-?mail)\s*:/im,
  /^(?:isbn|issn)\b/i,
  /^(?:©|copyright\b)/i,
  /\ball rights reserved\b/i
]

/** Headings that open back matter. */
const backMatterHeadings: readonly RegExp[] = [
  /^about the authors?$/i,
  /^notes? on (?:the )?contributors?$/i,
  /^(?:the )?authors?$/i,
  /^about this (?:paper|series)$/i
]

/**
 * What opens a transcriber's note (Project Gutenberg, Distributed Proofreaders): the e-text's
 * account of its corrections and layout, not the author's words.
 */
const transcriberNoteOpeners: readonly RegExp[] = [
  /^transcriber['’]?s['’]?\s+notes?\b/i,
  /^transcribers['’]?\s+notes?\b/i,
  /^notes?\s+(?:by|from|of)\s+the\s+transcriber\b/i,
  /^etext\s+editor['’]?s['’]?\s+notes?\b/i
]

export interface RegionOptions {
  /** Share of blocks at the start in which front matter is looked for (default: 0.4). */
  frontShare?: number
  /** Fewest cue blocks for front matter (default: 2). */
  frontCues?: number
  /** Share of blocks at the end in which back matter is looked for (default: 0.25). */
  backShare?: number
}

export function markRegions(blocks: Block[], options: RegionOptions = {}): void {
  for (const block of blocks) block.region = 'body'
  const frontLimit = Math.floor(blocks.length * (options.frontShare ?? 0.4))
  let last = -1
  let cues = 0
  for (let index = 0; index < frontLimit; index++) {
    const block = blocks[index]
    if (!block) continue
    const reading = readingOf(block.spans).replace(/\*+/g, '')
    if (frontMatterCues.some((cue) => cue.test(reading))) {
      last = index
      cues++
    }
  }
  if (cues >= (options.frontCues ?? 2)) {
    while (blocks[last + 1]?.kind === 'item') last++
    for (let index = 0; index <= last; index++) {
      const block = blocks[index]
      if (block) block.region = 'front'
    }
  }
  const backFrom = Math.floor(blocks.length * (1 - (options.backShare ?? 0.25)))
  for (let index = Math.max(backFrom, last + 1); index < blocks.length; index++) {
    const block = blocks[index]
    if (block?.kind !== 'heading') continue
    const reading = readingOf(block.spans).replace(/\*+/g, '').trim()
    if (!backMatterHeadings.some((heading) => heading.test(reading))) continue
    for (let rest = index; rest < blocks.length; rest++) {
      const item = blocks[rest]
      if (item && item.kind !== 'removed') item.region = 'back'
    }
    break
  }
  markTranscriberNotes(blocks)
}

/**
 * A transcriber's note goes to the front matter in the first half of the text, to the back
 * matter in the second: a paragraph that opens with the words, or a heading and what follows
 * it up to the next heading (in the back matter, a paragraph that leads in with a colon, too).
 * Set in brackets it is the whole text's only before the first paragraph or after the last.
 */
function markTranscriberNotes(blocks: Block[]): void {
  const paragraphs = blocks.flatMap((block, index) => (block.kind === 'paragraph' ? [index] : []))
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as Block
    if (block.kind === 'removed') continue
    const reading = readingOf(block.spans).replace(/[*_]+/g, '').trim()
    const bracketed = /^\[/.test(reading)
    if (!transcriberNoteOpeners.some((opener) => opener.test(bracketed ? reading.slice(1).trimStart() : reading))) continue
    if (bracketed && !(index <= (paragraphs[0] ?? 0) || index >= (paragraphs.at(-1) ?? 0))) continue
    const region = index < blocks.length / 2 ? 'front' : 'back'
    let end = index + 1
    if (block.kind === 'heading' || (region === 'back' && !bracketed && reading.endsWith(':'))) while (end < blocks.length && blocks[end]?.kind !== 'heading') end++
    for (let inside = index; inside < end; inside++) {
      const item = blocks[inside]
      if (item && item.kind !== 'removed') item.region = region
    }
    index = end - 1
  }
}
