/** Small text helpers shared by the splitter and the parsers. */

/** Quotation marks: opening → closing. Straight quotes pair with themselves. */
export const quotePairs: Record<string, string> = {'“': '”', '"': '"', '«': '»', '„': '“'}

const openingQuotes: ReadonlySet<number> = new Set(Object.keys(quotePairs).map((mark) => mark.charCodeAt(0)))

/** Longest quotation we accept; an unclosed mark is a typo, not a quotation. */
const maxQuote = 600

export interface Quoted {
  /** Text inside the first quotation, without the final comma or period. */
  text: string
  /** Every quotation's text, in order. */
  all: string[]
  start: number
  end: number
}

/** Closing position of a quotation opened at `start`, or -1. */
export function closeQuote(text: string, start: number): number {
  const open = text.charAt(start)
  const close = quotePairs[open]
  if (!close) return -1
  const at = text.indexOf(close, start + 1)
  return at > 0 && at - start <= maxQuote ? at : -1
}

/**
 * Does the quotation opening at `index` stand where a title stands (after a comma, at the
 * start, after `in`, `titled`, `and`), rather than quote someone's words (`stated that “…”`)?
 */
export function isTitleQuote(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index).trimEnd()
  return before === '' || /[,:;(\[]$/.test(before) || /\b(?:in|titled|entitled|called|and|see|also|cf\.)$/i.test(before)
}

/** Quoted titles in `text` (“…” or "…"), trailing punctuation inside the marks removed. */
export function findQuoted(text: string): Quoted | undefined {
  const all: string[] = []
  let first: {start: number; end: number} | undefined
  let index = 0
  while (index < text.length) {
    const char = text.charAt(index)
    if (quotePairs[char]) {
      const close = closeQuote(text, index)
      if (close > 0 && !isTitleQuote(text, index)) {
        index = close + 1
        continue
      }
      if (close > 0) {
        all.push(cleanTitle(text.slice(index + 1, close)))
        if (!first) first = {start: index, end: close + 1}
        index = close + 1
        continue
      }
    }
    index++
  }
  if (!first) return undefined
  return {text: all[0] ?? '', all, start: first.start, end: first.end}
}

/** A title without the comma or period that Chicago style puts inside the quotes. */
export function cleanTitle(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/[,.;:]$/, '').trim()
}

/**
 * The text without the full stops, semicolons and commas that end it (`Title, 12.` → `Title, 12`),
 * read from the end: `/[.;,]+$/` would scan a long run of stops again from each of its positions.
 */
export function withoutClosingStops(text: string): string {
  let end = text.length
  while (end > 0 && '.;,'.includes(text.charAt(end - 1))) end--
  return text.slice(0, end)
}

/** Remove outer punctuation and spaces. */
export function stripOuter(value: string): string {
  return value.replace(/^[\s,.;:]+|[\s,;:]+$/g, '').replace(/\s+/g, ' ')
}

/**
 * For each character, whether it lies inside a quotation, parentheses, brackets or
 * emphasis: places where a citation cannot be split.
 */
export function protectedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length)
  let depth = 0
  let emphasis = false
  let index = 0
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (openingQuotes.has(code)) {
      const close = closeQuote(text, index)
      if (close > 0) {
        mask.fill(1, index, close + 1)
        index = close + 1
        continue
      }
    }
    if (code === 40 /* `(` */ || code === 91 /* `[` */) depth++
    if (code === 42 /* `*` */) emphasis = !emphasis
    if (depth > 0 || emphasis) mask[index] = 1
    if ((code === 41 /* `)` */ || code === 93 /* `]` */) && depth > 0) depth--
    index++
  }
  return mask
}

/**
 * Dashes a range of numbers may be printed with that the grammar does not read: hyphen,
 * non-breaking hyphen, figure dash, horizontal bar, minus sign, and the control characters
 * U+0096 and U+0097 that a Windows-1252 en or em dash becomes when its bytes are read as Latin-1.
 */
const rangeDashes = /(?<=\d\s?)[\u0096\u0097\u2010\u2011\u2012\u2015\u2212](?=\s?\d)/gu

/**
 * The text as the citation grammar reads it: a range of numbers printed with a rarer dash
 * (`S. 15‒28`, `101−119`) written with the en dash. One character for one, so that a span of
 * the result is the same span of the text.
 */
export function withRangeDashes(text: string): string {
  return text.replace(rangeDashes, '–')
}
