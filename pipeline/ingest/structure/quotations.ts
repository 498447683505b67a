/** Displayed quotations announced by their lead-in (`It stated:`) become block quotes. */
import {quotationCues} from '../../shared/vocabulary/quotation-cues.js'
import {wordCount} from '../repair/join.js'
import {readingOf} from '../spans.js'
import type {Block} from './blocks.js'

/** Fewest words of a displayed quotation (shorter ones are run-in quotations or list heads). */
const quotationWords = 15

/** A paragraph after a lead-in that ends with a colon and names a quotation is a block quote. */
export function markQuotations(blocks: Block[]): void {
  blocks.forEach((block, index) => {
    const previous = blocks[index - 1]
    if (block.kind !== 'paragraph' || previous?.kind !== 'paragraph' || block.region === 'front') return
    const leadIn = readingOf(previous.spans).trimEnd()
    if (!leadIn.endsWith(':')) return
    const sentence = leadIn.slice(Math.max(0, leadIn.lastIndexOf('. ') + 1)).toLowerCase()
    if (!sentence.split(/[^\p{L}]+/u).some((word) => quotationCues.has(word))) return
    const reading = readingOf(block.spans).trim()
    if (/^["“‘']/.test(reading) || wordCount(reading) < quotationWords) return
    block.kind = 'quote'
  })
}
