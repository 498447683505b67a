/**
 * Front and back matter of a work: the title page, series description and list of a series'
 * papers before the text; an "About the author" section after it. Cues are data.
 */
import {readingOf} from '../spans.js'
import type {Block} from './blocks.js'

/** Blocks typical of a title page or series page. */
export const frontMatterCues: readonly RegExp[] = [
  /^working papers? (?:no\.|number|series)/i,
  /\bworking papers? series\b/i,
  /\bseries editor\b/i,
  /^(?:telephone|tel\.?|phone|fax|e-?mail)\s*:/im,
  /^(?:isbn|issn)\b/i,
  /^(?:©|copyright\b)/i,
  /\ball rights reserved\b/i
]

/** Headings that open back matter. */
export const backMatterHeadings: readonly RegExp[] = [
  /^about the authors?$/i,
  /^notes? on (?:the )?contributors?$/i,
  /^(?:the )?authors?$/i,
  /^about this (?:paper|series)$/i
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
}
