/**
 * Court decisions as German law notes cite them: the court, the kind of decision, its date and
 * its docket number (`BGH, Beschl. v. 14.6.2011 – 2 StR 118/10`, `Urteil des LG Kassel vom
 * 03.02.2010, 12 KLs 4/09`), and decisions by their official reporter (`BVerfGE 39, 1 (42)`).
 * A decision has no title of its own: it is described by its kind, date and docket, with the
 * court as the CSL `authority`. Found by rule, inside sentences too, where the labeller reads prose.
 */
import type {CslItemDraft} from '../../shared/types/csl.js'
import {year} from '../dates.js'

/** Courts by their usual abbreviations; local courts with their seat (`LG Essen`, `OLG Celle`). */
const court = String.raw`(?:BVerfG|BVerwG|BGH|BAG|BSG|BFH|BPatG|EuGH|EuG|EGMR|RG|BayObLG|(?:OLG|LG|AG|VG|OVG|VGH|LAG|LSG|FG|KG|ArbG|SG)(?:\s+\p{Lu}[\p{L}-]+(?:\s+(?:a\.\s?M\.|am\s+Main|\(\p{Lu}[\p{L}.]*\)))?)?)`
const kind = String.raw`(?:Urteil|Urt\.|Beschluss|Beschluß|Beschl\.|Entscheidung|Entsch\.|Vorlagebeschluss|Teilurteil)`
const date = String.raw`(?:v\.|vom)?\s*(\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})|\d{1,2}\.\s?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+\d{4})`
/** `2 StR 118/10`, `1 BvR 204/06`, `12 KLs 4/09`, `C-131/12`, `Az. 2 AZR 10/09`. */
const docket = String.raw`(?:Az\.?:?\s*)?((?:\d+\s+)?\p{Lu}[\p{L}]{0,5}\s+\d+\/\d{2,4}|C-\d+\/\d{2})`

/**
 * Where the decision is printed: a law journal's abbreviation, its year and first page, and
 * the page cited in brackets (`NJW 2010, 276 (278)`, `NStZ-RR 2004, 12`, `in: JZ 1999, 31`).
 */
const printedIn = String.raw`(?:\s*[,;]\s*(?:in:?\s+)?(\p{Lu}[\p{L}]{0,6}(?:-\p{Lu}{1,3})?)\s+(\d{4})\s*,\s*(\d{1,5})(?:\s*\((\d{1,5}(?:\s*f{1,2}\.)?)\))?)?`
const courtFirst = new RegExp(String.raw`(?<![\p{L}\d])(${court})\s*,?\s*(${kind})\s*${date}(?:\s*[,–—-]\s*${docket})?${printedIn}`, 'gu')
const kindFirst = new RegExp(String.raw`(?<![\p{L}\d])(${kind})\s+(?:des|der)\s+(${court})\s+${date}(?:\s*[,–—-]\s*${docket})?${printedIn}`, 'gu')
/** Official reporters of the federal courts: volume, first page, the page cited in brackets. */
const reporter = /(?<![\p{L}\d])(BVerfGE?|BVerwGE?|BGHZ|BGHSt|BAGE?|BSGE?|BFHE?|RGZ|RGSt)\s+(\d{1,3}),\s*(\d{1,4})(?:\s*\((\d{1,4}(?:\s*f{1,2}\.)?)\))?/gu
/** `BVerfG 61, 82`: a court with one official reporter, named without its `E`, before a volume and a page. */
const reporterOf: Record<string, string> = {BVerfG: 'BVerfGE', BVerwG: 'BVerwGE', BAG: 'BAGE', BSG: 'BSGE', BFH: 'BFHE'}

export interface Decision {
  start: number
  end: number
  item: CslItemDraft
  /** The page cited (`(42)` after a reporter's first page). */
  locator?: string
}

/** The kinds of decision written out, as a bibliography names them. */
const kinds: Record<string, string> = {'Urt.': 'Urteil', 'Beschl.': 'Beschluss', 'Beschluß': 'Beschluss', 'Entsch.': 'Entscheidung'}

const yearAtEnd = new RegExp(String.raw`(${year})\s*$`)

/** The year of a decision's date as printed, of four digits or two (`14.6.11`). */
function decisionYear(printed: string): number | undefined {
  const four = yearAtEnd.exec(printed)
  if (four) return Number(four[1])
  const two = /\.\s?(\d{2})\s*$/.exec(printed)
  return two ? (Number(two[1]) > 30 ? 1900 : 2000) + Number(two[1]) : undefined
}

function decision(match: RegExpMatchArray, courtName: string, kindName: string, printedDate: string, number: string | undefined): Decision {
  const when = printedDate.replace(/\s+/g, ' ').trim()
  const kindWord = kinds[kindName] ?? kindName
  const issuedYear = decisionYear(when)
  const item: CslItemDraft = {type: 'legal_case', authority: courtName.replace(/\s+/g, ' '), title: `${kindWord} vom ${when}${number ? `, ${number.replace(/\s+/g, ' ')}` : ''}`}
  if (number) item.number = number.replace(/\s+/g, ' ')
  if (issuedYear !== undefined) item.issued = {'date-parts': [[issuedYear]], raw: when}
  const [journal, , page, cited] = match.slice(5, 9)
  if (journal && page) {
    item['container-title'] = journal
    item.page = page
  }
  const found: Decision = {start: match.index ?? 0, end: (match.index ?? 0) + match[0].length, item}
  if (cited) found.locator = cited.replace(/\s+/g, '')
  return found
}

/** The court decisions cited in `text`, in order. */
export function decisionsIn(text: string): Decision[] {
  const out: Decision[] = []
  for (const match of text.matchAll(courtFirst)) out.push(decision(match, match[1] ?? '', match[2] ?? '', match[3] ?? '', match[4]))
  for (const match of text.matchAll(kindFirst)) out.push(decision(match, match[2] ?? '', match[1] ?? '', match[3] ?? '', match[4]))
  for (const match of text.matchAll(reporter)) {
    // Cited by reporter, volume and first page, which is also how it is named.
    const name = reporterOf[match[1] ?? ''] ?? match[1] ?? ''
    const item: CslItemDraft = {type: 'legal_case', title: `${name} ${match[2]}, ${match[3]}`, 'container-title': name, volume: match[2] ?? '', page: match[3] ?? ''}
    out.push({start: match.index ?? 0, end: (match.index ?? 0) + match[0].length, item, locator: match[4]?.replace(/\s+/g, '')})
  }
  // Overlapping readings (none expected): the first kept.
  return out.sort((a, b) => a.start - b.start).filter((entry, index, all) => index === 0 || entry.start >= (all[index - 1]?.end ?? 0))
}
