/**
 * Cases and statutes as common-law notes cite them. A case by its parties, the reporter's
 * volume, name and first page, the page cited, the court and year: `*Brown v. Board of
 * Education*, 347 U.S. 483, 495 (1954)`, `Donoghue v Stevenson [1932] AC 562`. A statute by
 * regnal year and chapter (`2 Geo. III c. 12`, `14 & 15 Vict. c. 99`), by title and section of
 * the United States Code (`42 U.S.C. § 1983`) or by the Statutes at Large (`79 Stat. 437`).
 * Cases become CSL `legal_case` (the reporter the container, its volume and page), statutes
 * `legislation`. Articles and books in law notes' own form (the Bluebook's: `88 Yale L.J. 1201,
 * 1210 (1979)`, `The Concept of Law 94 (2d ed. 1994)`) are read here too.
 */
import type {CslItemDraft} from '../shared/types/csl.js'
import {cslDate, year as yearSource} from './dates.js'
import {normalizeRange} from './locator.js'
import {isNameList, namesOf} from './names.js'

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

/** What law notes print before a citation: `See`, `See also`, `Cf.`, `But see`, `Compare`, `Accord`, `See, e.g.,`. */
const signal = String.raw`(?:(?:[Ss]ee(?:,?\s+e\.g\.,?|\s+also|\s+generally)?|[Cc]f\.|[Bb]ut\s+(?:see|cf\.)|[Cc]ompare|[Aa]ccord),?\s+)?`
/** The names before a work: one to four names, joined by `&`, `and` or commas. */
const lawAuthors = String.raw`(\p{Lu}[^,;()*]{1,60}?(?:(?:,\s+|\s+(?:&|and)\s+)\p{Lu}[^,;()*]{1,60}?){0,3})`
/** A law review's abbreviated name: `Yale L.J.`, `Harv. L. Rev.`, `J. Legal Hist.`, `Am. J. Int'l L.`, `Law & Soc'y Rev.`. */
const review = String.raw`((?:(?:\p{Lu}[\p{L}.'’]{0,14}|&|of|on|in|for|the)\s+){1,8}?)`
/**
 * An article as law notes cite it (Bluebook): authors, title, the volume, the review's name and
 * first page, the page cited, the year: `Mara Osterfeld, *The Quiet Statute*, 88 Yale L.J. 1201, 1210 (1979)`;
 * the page cited may follow the year (`1201 (1979), at 1210`).
 */
const lawArticle = new RegExp(String.raw`(?<![\p{L}\d'‘“"])${signal}${lawAuthors},\s+(\*?[^;*]{3,250}?\*?),\s+(\d{1,4})\s+${review}(\d{1,5})(?:,\s*(\d{1,5}(?:\s*[-–]\s*\d{1,5})?))?\s*\(${year}\)(?:,\s*at\s+(\d{1,5}(?:\s*[-–]\s*\d{1,5})?)(?!\.?\d))?`, 'du')
/**
 * How `lawArticle` ends: the first page, the page cited, the year in brackets (`1201, 1210 (1979)`).
 * Found in one pass; without it the article pattern, whose names and title are tried from every
 * capital, cannot match.
 */
const lawArticleEnd = new RegExp(String.raw`\d(?:,\s*\d{1,5}(?:\s*[-–]\s*\d{1,5})?)?\s*\(${year}\)`)
/**
 * A book as law notes cite it: authors, title, the page cited if any and, in brackets, the
 * edition, publisher and year: `H. L. A. Hart, The Concept of Law 94 (2d ed. 1994)`; the page
 * may follow the brackets, as in international law notes (`Title, 2nd ed. (2006), 212`).
 */
const lawBook = new RegExp(String.raw`(?<![\p{L}\d'‘“"])${signal}${lawAuthors},\s+(\*?\p{Lu}[^;*()]{2,200}?\*?)(?:\s+(\d{1,5}(?:\s*[-–]\s*\d{1,5})?))?\s+\(((?:[^()]{0,80}?\s)?)${year}\)(?:,\s*(\d{1,5}(?:\s*[-–]\s*\d{1,5})?)(?=\s*(?:[.,;]|$)))?`, 'du')

const longDate = String.raw`\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:1[5-9]|20)\d\d`
/** A case of the European courts: `Case C-14/68`, `C-131/12 P`, `Joined Cases C-402/05 P and C-415/05 P`, `T-201/04`. */
const euCaseNumber = String.raw`(?:(?:Joined\s+)?[Cc]ases?\s+)?[CT]-\d{1,4}\/\d{2}(?:\s+P)?`
/** The words before a case's number, not part of it: `Case`, `Joined Cases`. */
const casesWord = /^(?:Joined\s+)?[Cc]ases?\s+/
/**
 * A judgment of the Court of Justice by court, chamber, date, parties and number (`Court of
 * Justice, Fourth Chamber, judgment of 4 March 2019, Harbour Lines, case C-412/17`).
 */
const euJudgment = new RegExp(String.raw`(?<![\p{L}])((?:Court of Justice|General Court|CJEU|ECJ|EuGH)(?:\s*\([^()]{1,30}\))?)(?:,\s*([^,;]{1,30}?Chamber))?,\s*(judgment|order|opinion)\s+of\s+(${longDate})(?:,\s*([^,;]{2,120}?))?,\s*(${euCaseNumber})`, 'u')
/**
 * A case by its number first (`Case C-14/68, Kessel v. Hafenamt
 * Emden, 1969 E.C.R. 25`, `Case C-201/16, Nordmole, EU:C:2018:77`).
 */
const euCaseFirst = new RegExp(String.raw`(?<![\p{L}])(${euCaseNumber}),\s*([^,;]{2,160}?)(?:,\s*(?:\[?((?:1[5-9]|20)\d\d)\]?\s+(E\.?C\.?R\.?|ECR)\s+((?:I+-)?\d{1,5})|(EU:[CT]:((?:19|20)\d\d):\d{1,5})))`, 'u')
/** Acts of the European Union: `Council Directive 85/374/EEC`, `Regulation (EU) No 977/2014`, `Regulation 1185/2009`. */
const euAct = /(?<![\p{L}])((?:(?:Council|Commission)(?:\s+Implementing|\s+Delegated)?\s+)?(?:Regulation|Directive|Decision)(?:\s+\((?:EU|EC|EEC|Euratom)\))?\s+(?:No\.?\s*)?(\d{1,4}\/\d{2,4}(?:\/(?:EU|EC|EEC|EG|EWG))?))/u

/** The case cited in `text`, or its statute, or a law review article or book as law notes cite them; undefined when it cites none. */
export function parseLegal(text: string): LegalParse | undefined {
  const found = [caseIn(text), statuteIn(text), lawWorkIn(text), europeanIn(text)].filter((entry): entry is LegalParse => entry !== undefined)
  return found.sort((a, b) => a.start - b.start)[0]
}

/** Two-digit years of European case numbers: `C-14/68` is of 1968, `C-412/17` of 2017. */
function caseYear(number: string): number | undefined {
  const two = /\/(\d{2})\b/.exec(number)?.[1]
  return two === undefined ? undefined : (Number(two) > 50 ? 1900 : 2000) + Number(two)
}

/**
 * The year in an act's number: first in directives and decisions (`85/374/EEC`, `2004/38/EC`) and
 * in acts since 2015 (`2017/745`), second in older regulations (`1612/68`, `977/2014`).
 */
function actYear(number: string): number {
  const [first = '', second = '', series] = number.split('/')
  const printed = series !== undefined || (first.length === 4 && Number(first) >= 2015) ? first : second
  return printed.length === 4 ? Number(printed) : (Number(printed) > 50 ? 1900 : 2000) + Number(printed)
}

/** A judgment of the European courts or an act of the European Union. */
function europeanIn(text: string): LegalParse | undefined {
  if (!/[CT]-\d|Regulation|Directive|Decision/.test(text)) return undefined
  const judgment = euJudgment.exec(text)
  if (judgment) {
    const [, court = '', chamber, kind = '', date = '', parties, number = ''] = judgment
    const item: CslItemDraft = {type: 'legal_case', authority: court.trim(), number: number.replace(casesWord, ''), title: clean(parties ?? `${kind} of ${date}`)}
    if (chamber) item.section = chamber.trim()
    item.issued = cslDate(date)
    return {item, start: judgment.index, end: judgment.index + judgment[0].length}
  }
  const byNumber = euCaseFirst.exec(text)
  if (byNumber) {
    const [, number = '', parties = '', reportYear, reporter, page, ecli, ecliYear] = byNumber
    const item: CslItemDraft = {type: 'legal_case', number: number.replace(casesWord, ''), title: clean(parties)}
    if (reporter && page) {
      item['container-title'] = reporter.replace(/\s+/g, '')
      item.page = page
    }
    if (ecli) item.custom = {...item.custom, ecli}
    const year = Number(reportYear ?? ecliYear ?? caseYear(number))
    if (year) item.issued = {'date-parts': [[year]], raw: String(year)}
    return {item, start: byNumber.index, end: byNumber.index + byNumber[0].length}
  }
  const act = euAct.exec(text)
  if (act) {
    const [, title = '', number = ''] = act
    const item: CslItemDraft = {type: 'legislation', title: title.replace(/\s+/g, ' '), number}
    const year = actYear(number)
    if (year >= 1950 && year <= 2100) item.issued = {'date-parts': [[year]], raw: String(year)}
    return {item, start: act.index, end: act.index + act[0].length}
  }
  return undefined
}

/** Names as the Bluebook prints them, given names first and written out: `Ruth Castell`, `H.L.A. Hart`; never inverted (`Castell, Ruth`). */
function fullNames(value: string): boolean {
  return !/^\p{Lu}[\p{L}’'-]*,\s/u.test(value.trim()) && isNameList(value) && namesOf(value).every((name) => Boolean(name.given))
}

/** A title of a law note's work: no quotation marks (a quoted title is another style's), no parties' `v.`. */
function lawTitle(value: string): boolean {
  return !/[“”"«»„]|(?:^|\s)['‘]|['’],|\s(?:v|vs)\.\s|\b[Ii]n:|,\s+in\s/.test(value)
}

/** After a journal's volume and year, its pages (`55 (1968), S. 329–347`, `130 (2001) 169-189`): no book's page cited. */
const journalPages = /^\s*[,:]?\s*(?:S\.|pp?\.|Sp\.|\d)/

/**
 * What law notes print in brackets before a book's year: nothing, an edition, editors or
 * translators, a publisher (`2d ed.`, `Ian Lowe ed.,`, `Harvard Univ. Press`). A place and a
 * comma (`(London, 2012)`) or an issue's season or month (`(Spring 1994)`) are another style's.
 */
const bookFacts = /^(?:(?:\d+(?:st|nd|d|rd|th)|rev\.)\s+ed\.\s*)?(?:[^(),]*?\s(?:eds?\.|trans\.),\s*|[^(),]*?\b(?:Press|Publish\w*|Books|Univ\.|University|Verlag)\s*)?$/
/** A page that is a year or a span of years (`1873-1918`) is the end of a title. */
const yearPages = /^(?:1[5-9]|20)\d\d(?:\s*[-–]\s*\d{2,4})?$/

/** A match of `lawBook` that reads as a law note's book, not a journal's volume and year or another style's book. */
function isLawBook(book: RegExpExecArray, text: string): boolean {
  const [, names = '', title = '', page, facts = ''] = book
  if (!fullNames(names) || !lawTitle(title) || /\b(?:[Vv]ol|[Nn]o|[Nn]r|[Pp]t)\.$/.test(title) || !bookFacts.test(facts.trim())) return false
  return !page || (!yearPages.test(page) && !journalPages.test(text.slice((book.indices?.[5]?.[1] ?? 0) + 1)))
}

/** A law review article or book in the Bluebook's form, its authors a list of personal names. */
function lawWorkIn(text: string): LegalParse | undefined {
  if (!/\((?:[^()]{0,80}\s)?(?:1[5-9]|20)\d\d\)/.test(text)) return undefined
  const article = lawArticleEnd.test(text) ? lawArticle.exec(text) : null
  if (article?.indices && fullNames(article[1] ?? '') && lawTitle(article[2] ?? '')) {
    const item: CslItemDraft = {type: 'article-journal', author: namesOf(article[1] ?? ''), title: clean(article[2] ?? ''), 'container-title': (article[4] ?? '').trim(), volume: article[3] ?? '', page: article[5] ?? ''}
    item.issued = {'date-parts': [[Number(article[7])]], raw: article[7] ?? ''}
    const start = article.indices[1]?.[0] ?? article.index
    const parse: LegalParse = {item, start, end: article.index + article[0].length}
    // The page cited before the year (the Bluebook) or after it (`200 (1931), at 210`).
    const cited = article[6] ?? article[8]
    if (cited) parse.locator = normalizeRange(cited)
    return parse
  }
  const book = lawBook.exec(text)
  if (book?.indices && isLawBook(book, text)) {
    // An edition printed after the title (`Title, 2nd ed. (2004)`) or in the brackets (`(2d ed. 1994)`).
    const title = clean(book[2] ?? '')
    const printed = /,\s*(\d+)(?:st|nd|d|rd|th)\s+edn?\.$/.exec(title)
    const item: CslItemDraft = {type: 'book', author: namesOf(book[1] ?? ''), title: title.slice(0, printed?.index)}
    const facts = (book[4] ?? '').trim()
    const edition = /^(\d+)(?:st|nd|d|rd|th)\s+ed\.\s*|^rev\.\s+ed\.\s*/.exec(facts)
    if (edition) item.edition = edition[1] ?? 'rev.'
    else if (printed) item.edition = printed[1] ?? ''
    const rest = facts.slice(edition?.[0].length ?? 0).replace(/[,\s]+$/, '')
    const editors = /^(.+?)\s+(eds?|trans)\.$/.exec(rest)
    if (editors) item[editors[2] === 'trans' ? 'translator' : 'editor'] = namesOf(editors[1] ?? '')
    else if (rest) item.publisher = rest
    item.issued = {'date-parts': [[Number(book[5])]], raw: book[5] ?? ''}
    const start = book.indices[1]?.[0] ?? book.index
    const parse: LegalParse = {item, start, end: book.index + book[0].length}
    // The page cited: before the brackets (the Bluebook) or after them (`Title (1998), 379`).
    const page = book[3] ?? book[6]
    if (page) parse.locator = normalizeRange(page)
    return parse
  }
  return undefined
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
