/**
 * The frame Project Gutenberg puts around a plain-text eBook: a header (the eBook's name, the
 * opening of its licence, catalogue fields such as `Title:` and `Author:`) up to the line
 * `*** START OF THE PROJECT GUTENBERG EBOOK … ***` and the producers' credit after it, and from
 * `*** END OF …` (or the older `End of the Project Gutenberg EBook of …`) the licence. Neither
 * is the work: each is kept whole as a removed block, and the catalogue fields name the
 * document where its sidecar does not.
 */
import {isBlank, type RawLine} from '../lines.js'
import type {Line} from '../spans.js'

/** The frame's markers (pattern sources): `*** START OF THE PROJECT GUTENBERG EBOOK`, `*** END OF …`, and the older end. */
export const startWords = String.raw`\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b`
export const endWords = String.raw`\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b`
export const olderEndWords = String.raw`End of (?:the )?Project Gutenberg(?:['’]s)?\s+(?:E-?Book|E-?text)\b`

const startMarker = new RegExp(String.raw`^\s*${startWords}`, 'i')
const endMarker = new RegExp(String.raw`^\s*(?:${endWords}|${olderEndWords})`, 'i')
/** A credit paragraph right after the start marker. */
const credit = /^\s*(?:Produced|Transcribed|Prepared|E-?text prepared|This (?:e-?book|e-?text) was produced) by\b/i
/** Where the start marker may stand at the latest: the header is short. */
const headerLines = 400
/** Lines after the start marker a credit paragraph may open on. */
const creditReach = 12

export type FrameRule = 'gutenberg-header' | 'gutenberg-licence'

export interface GutenbergFrame {
  /** Line ranges (`to` exclusive) of the header and of the licence. */
  header?: {from: number; to: number}
  licence?: {from: number; to: number}
  title?: string
  authors?: string[]
}

/** The Project Gutenberg frame of a plain text, if it has one. */
export function gutenbergFrame(lines: readonly RawLine[]): GutenbergFrame {
  const frame: GutenbergFrame = {}
  const start = lines.slice(0, headerLines).findIndex((line) => startMarker.test(line.text))
  let bodyFrom = 0
  if (start !== -1) {
    let to = start + 1
    // The producers' credit after the marker belongs to the eBook, not the work.
    const next = lines.findIndex((line, index) => index > start && !isBlank(line))
    if (next !== -1 && next - start <= creditReach && credit.test(lines[next]?.text ?? '')) {
      to = next
      while (to < lines.length && !isBlank(lines[to] as RawLine)) to++
    }
    frame.header = {from: 0, to}
    Object.assign(frame, catalogue(lines.slice(0, start)))
    bodyFrom = to
  }
  const end = lines.findIndex((line, index) => index >= bodyFrom && endMarker.test(line.text))
  if (end !== -1 && (start !== -1 || /Project Gutenberg/i.test(lines.slice(end).map((line) => line.text).join('\n')))) frame.licence = {from: end, to: lines.length}
  return frame
}

/** `Title: …` (continued on indented lines) and `Author: …` of the header. */
function catalogue(lines: readonly RawLine[]): Pick<GutenbergFrame, 'title' | 'authors'> {
  const out: Pick<GutenbergFrame, 'title' | 'authors'> = {}
  const field = (name: string): string | undefined => {
    const at = lines.findIndex((line) => new RegExp(`^\\s*${name}:\\s*\\S`, 'i').test(line.text))
    if (at === -1) return undefined
    let value = (lines[at]?.text ?? '').replace(new RegExp(`^\\s*${name}:\\s*`, 'i'), '').trim()
    // A title's indented second line is its subtitle.
    for (let index = at + 1; index < lines.length && /^\s+\S/.test(lines[index]?.text ?? ''); index++) value += `${/[:;,.]$/.test(value) ? ' ' : ': '}${(lines[index]?.text ?? '').trim()}`
    return value || undefined
  }
  const title = field('Title')
  if (title) out.title = title
  const author = field('Author')
  if (author && !/^(?:various|anonymous|unknown)$/i.test(author)) out.authors = author.split(/\s*(?:;|\band\b|&)\s*/).filter(Boolean)
  return out
}

/** The line numbers the frame holds. */
export function frameLines(frame: GutenbergFrame): Set<number> {
  const out = new Set<number>()
  for (const range of [frame.header, frame.licence]) if (range) for (let index = range.from; index < range.to; index++) out.add(index)
  return out
}

/** The header before the body's lines and the licence after them, each one removed block of its lines. */
export function withFrame(body: readonly Line[], frame: GutenbergFrame, lines: readonly RawLine[]): Line[] {
  const block = (range: {from: number; to: number} | undefined, rule: FrameRule): Line[] => {
    if (!range) return []
    const kept = lines.slice(range.from, range.to).filter((line) => !isBlank(line))
    const first = kept[0]
    if (!first) return []
    const offset = first.offset + first.text.indexOf(first.text.trim())
    return [{spans: [{type: 'removed', value: kept.map((line) => line.text.trim()).join('\n'), rule, offset}], offset, blankBefore: true}]
  }
  return [...block(frame.header, 'gutenberg-header'), ...body, ...block(frame.licence, 'gutenberg-licence')]
}
