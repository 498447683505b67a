/**
 * The divisions of a classical or scholastic text, which its citation is located by: book
 * (`l. xliv.`, `lib. ii.`, `B. iii.`, `Book 4`), chapter (`c. 17`, `cap. 7`, `ch. 2`) and section
 * (`§ 12`), or question, article and reply (`Q. 7, a. 4, ad 1`). The page printed after them
 * (`p. 862`) belongs to one edition: it is kept beside the divisions, which are the locator.
 */
import type {LocatorLabel} from '../shared/types/citation.js'
import {normalizeRange, numberList} from './locator.js'

const roman = '[ivxlc]+|[IVXLC]+'
const numeral = `(?:${roman}|\\d{1,3})`
/** A book cue: `l.` and `B.` only before a roman numeral (`l. 30` is a folio, `B. 3` may be an initial). */
const book = `(?:(?:l|B)\\.\\s*(?:${roman})|(?:lib|liv|bk|Bk)\\.\\s*${numeral}|(?:[Bb]ook|[Ll]iber|[Ll]ivre)\\s+${numeral})`
const chapter = `(?:c|cap|capp|ch|chap)\\.\\s*${numeral}`
const section = `§+\\s*\\d{1,4}`
/** `l. xliv. [c. 17,]`: the book, then a chapter and a section, the chapter perhaps in an editor's brackets. */
const divisions = new RegExp(
  `(?:^|[\\s,(])(${book})\\.?(?:,?\\s*\\\\?\\[?(${chapter})\\.?,?\\]?)?(?:,?\\s*(${section})\\.?,?)?` +
    `(?:,?\\s*(?:pp?\\.|pages?)\\s*(${numberList}))?[\\s.,;)]*$`,
  'u'
)

/** What the divisions of a citation give: the locator, its label, and the page of the edition. */
export interface Divisions {
  locator: string
  label: LocatorLabel
  page?: string
}

const tailLength = 120

/** The divisions a citation ends with (`Lucanor, l. xiii. [c. 2,] p. 604.` → `l. xiii, c. 2`, page `604`). */
export function classicalDivisions(text: string): Divisions | undefined {
  const offset = Math.max(0, text.length - tailLength)
  const match = divisions.exec(text.slice(offset))
  if (!match?.[1]) return undefined
  const parts = [match[1], match[2], match[3]].filter((part): part is string => Boolean(part)).map((part) => part.replace(/\s+/g, ' '))
  const out: Divisions = {locator: parts.join(', '), label: 'book'}
  if (match[4]) out.page = normalizeRange(match[4])
  return out
}

/** Article and reply after a question (`Q. 7, a, 4, ad. 1`), printed after a locator the parser read up to the question. */
const articleAndReply = /^[\s,]*(?:a|art)[.,]?\s*\d{1,3}(?:[\s,]*ad\.?\s*\d{1,3})?/u

/**
 * A scholastic locator ending at its question, extended by the article and reply printed after
 * it (`after`, the note's text that follows the citation): the locator and the length read.
 */
export function scholasticLocator(locator: string, after: string): {locator: string; length: number} | undefined {
  if (!/(?:^|[\s,])[Qq]\.\s*\d+$/.test(locator)) return undefined
  const more = articleAndReply.exec(after)
  return more ? {locator: `${locator}${more[0].replace(/\s+/g, ' ')}`, length: more[0].length} : undefined
}

/** `§ 12`, `§§ 3–5` printed after a book or chapter (`l. v. § 12`). */
const sectionAfter = /^[\s.,]*§+\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?/u

/**
 * A locator ending at a book or chapter, extended by the section printed after it (`after`, the
 * note's text that follows the citation): the locator and the length read.
 */
export function sectionLocator(locator: string, after: string): {locator: string; length: number} | undefined {
  const more = sectionAfter.exec(after)
  if (!more) return undefined
  return {locator: `${locator.replace(/[.,\s]+$/, '')}, ${more[0].replace(/^[\s.,]+/, '').replace(/\s+/g, ' ')}`, length: more[0].length}
}
