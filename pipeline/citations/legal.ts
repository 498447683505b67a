/**
 * Cases and statutes as common-law notes cite them. A case by its parties, the reporter's
 * volume, name and first page, the page cited, the court and year: `*Brown v. Board of
 * Education*, 347 U.S. 483, 495 (1954)`, `Donoghue v Stevenson [1932] AC 562`. A statute by
 * regnal year and chapter (`2 Geo. III c. 12`, `14 & 15 Vict. c. 99`), by title and section of
 * the United States Code (`42 U.S.C. § 1983`) or by the Statutes at Large (`79 Stat. 437`).
 * Cases become CSL `legal_case` (the reporter the container, its volume and page), statutes
 * `legislation`.
 */
import type {CslItemDraft} from '../shared/types/csl.js'
import {year as yearSource} from './dates.js'
import {normalizeRange} from './locator.js'

export interface LegalParse {
  item: CslItemDraft
  /** The page (of a case) or section cited. */
  locator?: string
  /** Where the case or statute starts and ends in the text. */
  start: number
  end: number
}

/** The parties: two names joined by `v.`, `v`, `vs.`, in emphasis or not. */
const parties = String.raw`(\*?[_]?(\p{Lu}[^*;]{0,120}?\s(?:v|vs)\.?\s[^*;]{1,120}?)[_]?\*?)`
/** A reporter's abbreviation: `U.S.`, `S. Ct.`, `F.2d`, `F. Supp. 2d`, `L. Ed. 2d`, `Eng. Rep.`, `AC`, `All ER`, `K.B.`. */
const reporter = String.raw`((?:\p{Lu}[\p{L}]{0,6}\.?\s?){1,4}?(?:[234]d|\d?th)?)`
const year = `(${yearSource})`
/** `347 U.S. 483, 495 (1954)`, `12 F.3d 40 (2d Cir. 1993)`, `5 U.S. (1 Cranch) 137`: volume, reporter (and the nominative one), page, page cited, court and year. */
const americanCase = new RegExp(String.raw`${parties},?\s+(\d{1,4})\s+${reporter}(?:\s*\(\d{1,3}\s+\p{Lu}[\p{L}.]{1,12}\))?\s+(\d{1,5})(?:,\s*(\d{1,5}(?:\s*[-–]\s*\d{1,5})?))?\s*\(([^()]*?)\s*${year}\)`, 'u')
/** `[1932] AC 562`, `[1964] 1 Q.B. 129, 140`: year in brackets, volume, reporter, page. */
const englishCase = new RegExp(String.raw`${parties},?\s+\[${year}\]\s+(?:(\d{1,2})\s+)?${reporter}\s+(\d{1,5})(?:,\s*(\d{1,5}(?:\s*[-–]\s*\d{1,5})?))?`, 'u')

/** English sovereigns as regnal years name them. */
const sovereign = String.raw`(?:Hen|Edw|Ric|Eliz|Jac|Car|Will|Wm|Gul|Geo|Vict|Vic|Phil\.?\s*(?:&|and)\s*Mar|W\.?\s*(?:&|and)\s*M)\.?(?:\s+[IVX]{1,4}\b)?`
/** `2 Geo. III c. 12`, `14 & 15 Vict. c. 99`, `1 Will. & Mar. sess. 2, c. 2`: regnal year(s), sovereign, chapter. */
const regnal = new RegExp(String.raw`(?<![\p{L}\d])(\d{1,2}(?:\s*(?:&|and)\s*\d{1,2})?\s+${sovereign}\.?(?:,?\s*(?:sess|st)\.\s*\d)?)\s*,?\s*(?:c|cap|ch)\.\s*(\d{1,3})(?:,\s*(?:s|ss|sec)\.\s*(\d+(?:\s*[-–]\s*\d+)?))?`, 'u')
/** `42 U.S.C. § 1983`, `79 Stat. 437`. */
const code = /(?<![\p{L}\d])(\d{1,3})\s+(U\.\s?S\.\s?C\.(?:\s?A\.)?|Stat\.)\s*(?:§§?\s*)?(\d[\w.-]*?)(?=[\s,;.)]|$)(?:\s*\((\d{4})\))?/u

/** The case cited in `text`, or its statute; undefined when it cites neither. */
export function parseLegal(text: string): LegalParse | undefined {
  const found = [caseIn(text), statuteIn(text)].filter((entry): entry is LegalParse => entry !== undefined)
  return found.sort((a, b) => a.start - b.start)[0]
}

function caseIn(text: string): LegalParse | undefined {
  // The parties' `v.` first: the patterns are only tried on a text that names parties.
  if (!/\s(?:v|vs)\.?\s/.test(text)) return undefined
  const american = americanCase.exec(text)
  if (american) {
    const item: CslItemDraft = {type: 'legal_case', title: clean(american[2] ?? ''), 'container-title': (american[4] ?? '').trim(), volume: american[3] ?? '', page: american[5] ?? ''}
    const court = (american[7] ?? '').replace(/[,\s]+$/, '')
    if (court) item.authority = court
    item.issued = {'date-parts': [[Number(american[8])]], raw: american[8] ?? ''}
    const parse: LegalParse = {item, start: american.index, end: american.index + american[0].length}
    if (american[6]) parse.locator = normalizeRange(american[6])
    return parse
  }
  const english = englishCase.exec(text)
  if (english) {
    const item: CslItemDraft = {type: 'legal_case', title: clean(english[2] ?? ''), 'container-title': (english[5] ?? '').trim(), page: english[6] ?? ''}
    if (english[4]) item.volume = english[4]
    item.issued = {'date-parts': [[Number(english[3])]], raw: english[3] ?? ''}
    const parse: LegalParse = {item, start: english.index, end: english.index + english[0].length}
    if (english[7]) parse.locator = normalizeRange(english[7])
    return parse
  }
  return undefined
}

function statuteIn(text: string): LegalParse | undefined {
  const act = /\b(?:c|cap|ch)\.\s*\d/.test(text) ? regnal.exec(text) : null
  if (act) {
    const session = (act[1] ?? '').replace(/\s+/g, ' ').trim()
    const item: CslItemDraft = {type: 'legislation', title: `${session} c. ${act[2]}`, 'chapter-number': act[2] ?? ''}
    const parse: LegalParse = {item, start: act.index, end: act.index + act[0].length}
    if (act[3]) parse.locator = normalizeRange(act[3])
    return parse
  }
  const statute = code.exec(text)
  if (statute) {
    const collection = (statute[2] ?? '').replace(/\s+/g, '')
    const item: CslItemDraft = {type: 'legislation', title: `${statute[1]} ${collection} ${collection === 'Stat.' ? '' : '§ '}${statute[3]}`.replace(/\s+/g, ' '), 'container-title': collection, volume: statute[1] ?? ''}
    if (collection === 'Stat.') item.page = statute[3] ?? ''
    else item.section = statute[3] ?? ''
    if (statute[4]) item.issued = {'date-parts': [[Number(statute[4])]], raw: statute[4]}
    return {item, start: statute.index, end: statute.index + statute[0].length}
  }
  return undefined
}

function clean(value: string): string {
  return value.replace(/[*_]/g, '').replace(/\s+/g, ' ').replace(/[\s,]+$/, '').trim()
}

interface LegalCitation {
  item: CslItemDraft
  ibid: false
  shortForm: false
  locator?: string
  label?: 'page' | 'section'
}

/** A span that cites a case or statute, as the citations stage records it: the page or section cited is its locator. */
export function legalCitation(text: string): {citation: LegalCitation; end: number; incomplete: false; opCit: false} | undefined {
  const legal = parseLegal(text)
  if (!legal) return undefined
  const citation: LegalCitation = {item: legal.item, ibid: false, shortForm: false}
  if (legal.locator) {
    citation.locator = legal.locator
    citation.label = legal.item.type === 'legislation' ? 'section' : 'page'
  }
  return {citation, end: legal.end, incomplete: false, opCit: false}
}

/**
 * Spans of a note cut inside a case or statute (`Statute 2 Geo.` | `III c. 12`, at the full stop
 * of an abbreviation) joined again: each case or statute stays in one span.
 */
export function joinLegalSpans<T extends {start: number; end: number}>(text: string, spans: readonly T[]): T[] {
  if (spans.length < 2) return [...spans]
  const out: T[] = []
  for (const span of spans) {
    const previous = out.at(-1)
    if (previous) {
      const joined = text.slice(previous.start, span.end)
      const legal = parseLegal(joined)
      if (legal && previous.start + legal.start < previous.end && previous.start + legal.end > span.start) {
        out[out.length - 1] = {...previous, end: span.end}
        continue
      }
    }
    out.push(span)
  }
  return out
}

/** Every case and statute cited in `text`, in order. */
export function legalReadings(text: string): LegalParse[] {
  const out: LegalParse[] = []
  for (let from = 0; from < text.length; ) {
    const found = parseLegal(text.slice(from))
    if (!found) break
    out.push({...found, start: from + found.start, end: from + found.end})
    from += found.end
  }
  return out
}
