/**
 * Published works in Chicago-style notes: books, chapters, journal, newspaper and magazine
 * pieces, reports and working papers, theses, manuscripts, interviews, government series,
 * translation services. The grammar peels the citation from both ends: locator and URL at
 * the end, the publication facts `(Place: Publisher, Year)`, then names and titles.
 */
import type {LocatorLabel} from '../shared/types/citation.js'
import type {CslItemDraft} from '../shared/types/csl.js'
import {cslDate, findDate} from './dates.js'
import {leadingGenre} from './genres.js'
import {isYear, normalizeRange} from './locator.js'
import {isInstitution, isNameList, isPersonalName, namesOf} from './names.js'
import {applyPeriodical, typeFromContainer} from './periodical.js'
import {type Facts, findFacts, publicationFactsIn} from './publication-facts.js'
import {ibidKin, ibidWord, opCitWord} from './pointers.js'
import {type Found, readLocator} from './published-locator.js'
import {parseReferences} from './model/index.js'
import {volumeCueWord} from './model/reference.js'
import {numberedPaperSplit, paperSeries, reportCues, serviceNumber, translationServices, workKinds} from './serials.js'
import {cleanTitle, stripOuter, withoutClosingStops} from './text.js'
import {applyNames, firstMarked, isEnglish, isNameOrRole, type Marked, setTitle, splitTopLevel} from './title-parts.js'

export interface PublishedParse {
  item: CslItemDraft
  locator?: string
  label?: LocatorLabel
  ibid: boolean
  /** Lacks publication facts: a short form if an earlier full citation matches it. */
  incomplete: boolean
  /** `op. cit.` in place of the title. */
  opCit: boolean
}

/** An address, also printed without its scheme: `www.…`, `history.example.gov/path`. */
const urlPattern = /[.,;]?\s*(?:[Aa]vailable\s+(?:online\s+)?(?:at|from)\s+)?((?:https?:\/\/|www\.|(?<![\w@.\/])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov|org|com|edu|net|int|mil|[a-z]{2})\/)[^\s,;)]*[^\s,;).])\.?/

/** A translation service's report number opening the rest (`FBIS-EEU-88-041 (2 March 1988)`). */
const leadingServiceNumber = new RegExp(`^(${serviceNumber.source})(\\s*\\([^()]*\\))?`)
/** `…, in FBIS-EEU-88-041 (2 March 1988)`: the translation a piece is read in. */
const translatedInService = new RegExp(`^,?\\s*(?:translated\\s+)?in\\s+(${serviceNumber.source})(\\s*\\([^()]*\\))?`)

/** Ibid. and its kin opening a citation; law notes' `Id. at 12` (Bluebook) is Ibid., a Romance `Id.,` before a title names the author. */
const leadingIbid = new RegExp(String.raw`^\*?(?:${ibidWord}\.?|${ibidKin}|[Ii]d\.?(?=\s+at\s+\d|$))\*?[.,]?\s*`)
/** `op. cit.`, `art. cit.`, `loc. cit.` after an author's name. */
const opCitMark = new RegExp(String.raw`,?\s*\*?${opCitWord}\.?\*?`)

/**
 * `Gorini, cit., p. 60`, `Tullius, loc. cit.`, `Morvan, *op. cit.*, t. II, p. 19`, `Obermaier,
 * Handbuch, a. a. O., S. 105`: an author's name, perhaps a short title, and a word pointing back to
 * the work cited before, then the locator.
 */
const authorPointer = new RegExp(
  String.raw`^([\p{Lu}][\p{L}'’ .-]{0,60}?),\s*(?:(\*[^*]{1,80}\*|\p{Lu}[^,;:*\d]{0,60}?),\s*)?\*?(?:${opCitWord}|cit|a\.\s?a\.\s?O)\.?\*?(?=[\s,.;]|$)[\s,.]*`,
  'u'
)

/**
 * `Marsh and others (n. 7) at 118` (OSCOLA), `Marsh, supra note 21, p. 64`, `Kober, Fußnote 9, S. 31`:
 * an author (and others), perhaps a short title, and the note that cited the work in full.
 */
const authorNotePointer = new RegExp(
  String.raw`^(?:(?:[Ss]ee(?:\s+also)?|[Cc]f\.|[Vv]gl\.(?:\s+auch)?|[Ss]iehe(?:\s+auch)?)\s+)?([\p{Lu}][\p{L}'’ .-]{0,60}?)(?<=\p{L})(?:\s+(?:and\s+others|et\s+al\.?|u\.\s?a\.))?(?:(?:,\s*|\s+(?=\*))(\*[^*]{1,80}\*|\p{Lu}[^,;:*\d()]{0,60}?),\s*|,?\s*)` +
    String.raw`(?:\(\s*(?:nn?|fn|note)\.?\s*\d{1,4}(?:\s*[-–,]\s*\d{1,4})*\s*\)|(?:supra,?\s+)?(?:notes?|nn?\.|fn\.|Fn\.|Fußnote|Anm\.)\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?(?:\s+(?:above|supra))?)(?=[\s,.;]|$)[\s,.]*`,
  'u'
)

/**
 * `Pound, supra note 5, at 212` read with its cross-reference blanked out (cross-references.ts):
 * a name, the blanks where the marker stood, the locator.
 */
const authorBlankedPointer = /^(?:(?:[Ss]ee(?:\s+also)?|[Cc]f\.|[Vv]gl\.(?:\s+auch)?|[Ss]iehe(?:\s+auch)?)\s+)?(?!(?:[Ss]ee|[Cc]f|[Vv]gl|[Ss]iehe)\b)([\p{Lu}][\p{L}'’ .-]{0,60}?)(?<=\p{L}),?\s{5,}(?=[,.]|$)[\s,.]*/u

/**
 * `Note 18 above`, `See n. 4 supra, p. 9`, `Vgl. oben Anm. 3`, `s. o. Fn. 12, S. 40`: a pointer to
 * the note that cites the work, with no name; `above` or `oben` says it points back.
 */
const bareNotePointer = /^(?:(?:[Ss]ee|[Cc]f\.|[Vv]gl\.|[Ss]iehe|[Ss]\.)\s+)?(?:(?:[Nn]ote|[Nn]\.)\s*\d{1,4}\s+(?:above|supra)|(?:oben|o\.)\s*,?\s*(?:Anm\.|Anmerkung|Fn\.|Fußnote)\s*\d{1,4})(?=[\s,.;]|$)[\s,.]*/u

/**
 * `the Report on Canal Tolls, supra note 2`, `Draft Report, supra notes 4 and 9, p. 3`: a work named
 * by its short title (no author) and the note that cited it in full.
 */
const titleNotePointer = /^(?:(?:[Ss]ee(?:\s+also)?|[Cc]f\.)\s+)?(?:the\s+)?((?:(?:1[5-9]|20)\d\d\s+)?\p{Lu}[^,;:()“”"*]{2,80}?),\s*supra,?\s+(?:notes?|nn?\.)\s*\d{1,4}(?:\s*(?:,|and|&|[-–])\s*\d{1,4})*(?=[\s,.;]|$)[\s,.]*/u

/** An author and a pointer back to the work cited before; undefined when the citation is no such thing. */
export function parseAuthorPointer(citation: string): PublishedParse | undefined {
  const text = withoutClosingStops(citation.trim())
  const bare = bareNotePointer.exec(text)
  const pointer = bare ?? authorPointer.exec(text) ?? authorNotePointer.exec(text) ?? authorBlankedPointer.exec(text)
  if (!pointer || (!bare && (!pointer[1] || !isPersonalName(pointer[1].trim())))) return titlePointer(text)
  const found: Found = {}
  const rest = readLocator(text.slice(pointer[0].length).replace(/^at\s+(?=\d)/, ''), found)
  if (stripOuter(rest) !== '') return undefined
  const result: PublishedParse = {item: pointer[1] ? {type: 'book', author: namesOf(pointer[1].trim())} : {type: 'book'}, ibid: false, incomplete: true, opCit: true}
  const title = pointer[2]?.replace(/^\*|\*$/g, '').trim()
  if (title) result.item.title = title
  if (found.volume) result.item.volume = found.volume
  if (found.locator) {
    result.locator = found.locator
    result.label = found.label ?? 'page'
  }
  return result
}

/** A work named by its short title and the note that cited it (`titleNotePointer`), with its locator. */
function titlePointer(text: string): PublishedParse | undefined {
  const pointer = titleNotePointer.exec(text)
  const title = pointer?.[1]?.trim()
  if (!pointer || !title) return undefined
  const found: Found = {}
  const rest = readLocator(text.slice(pointer[0].length).replace(/^at\s+(?=\d)/, ''), found)
  if (stripOuter(rest) !== '') return undefined
  const result: PublishedParse = {item: {type: 'book', title}, ibid: false, incomplete: true, opCit: true}
  if (found.volume) result.item.volume = found.volume
  if (found.locator) {
    result.locator = found.locator
    result.label = found.label ?? 'page'
  }
  return result
}

/** `, accessed 3 May 2010`, `(last accessed on May 3, 2010)`, `consulted 4 June 2012`: the day an address was read. */
const accessDate = /[,;.]?\s*\(?\b(?:(?:last\s+)?accessed|consulted|retrieved|viewed)(?:\s+on)?:?\s+([^;()]{0,20}?\d{4})\)?(?=[\s,;.)]|$)/i

/** A word before a citation's final locator: `, ici p. 52`, `, hier S. 9`, `, here p. 4`. */
const finalLocatorLead = /(,\s*)(?:ici|hier|here)\s+(?=(?:pp?\.|S\.)\s*\d[\d\s,–-]*(?:f{1,2}\.)?[\s.]*$)/

/** Parse a published work; undefined when nothing in it reads as one. */
export function parsePublished(citation: string): PublishedParse | undefined {
  // `…, 1983, ici p. 52`: the word before a final page is read as no part of the work.
  citation = citation.replace(finalLocatorLead, '$1')
  let text = withoutClosingStops(citation.trim())
  const result: PublishedParse = {item: {type: 'book'}, ibid: false, incomplete: false, opCit: false}
  const item = result.item
  const found: Found = {}

  const ibid = leadingIbid.exec(text)
  if (ibid) {
    result.ibid = true
    const rest = readLocator(text.slice(ibid[0].length).replace(/^at\s+(?=\d)/, ''), found)
    if (found.locator) {
      result.locator = found.locator
      result.label = found.label
    }
    if (found.volume) item.volume = found.volume
    if (stripOuter(rest) && !found.locator) item.note = stripOuter(rest)
    return result
  }

  const pointer = parseAuthorPointer(citation)
  if (pointer) return pointer

  const labelled = romanceReading(citation)
  if (labelled) return labelled

  const url = urlPattern.exec(text)
  if (url?.[1]) {
    item.URL = url[1]
    text = withoutClosingStops((text.slice(0, url.index) + text.slice(url.index + url[0].length)).trim())
  }
  // `accessed 3 May 2010`, `last accessed on May 3, 2010`: when the address was read, no part of the work.
  const access = accessDate.exec(text)
  const accessedOn = access ? findDate(access[1] ?? '') : undefined
  if (access && accessedOn) {
    item.accessed = cslDate(accessedOn.text)
    text = withoutClosingStops((text.slice(0, access.index) + text.slice(access.index + access[0].length)).trim())
  }

  const opCit = opCitMark.exec(text)
  if (opCit) {
    result.opCit = true
    result.incomplete = true
    applyNames(item, text.slice(0, opCit.index))
    readLocator(text.slice(opCit.index + opCit[0].length), found)
    if (found.locator) {
      result.locator = found.locator
      result.label = found.label
    }
    return result
  }

  // Possessive forms: “Weathersby’s manuscript Stalin’s Last War”.
  const possessive = /^(\p{Lu}[\p{L}.\s-]{1,60}?)\s*[’'‘]\s?s\s+(unpublished\s+manuscript|manuscript|dissertation|thesis|conference report|report|paper)\b[,\s]*(.*)$/u.exec(text)
  if (possessive?.[1] && possessive[2] && isPersonalName(possessive[1].trim())) {
    const kind = workKinds.find((entry) => entry.pattern.test(possessive[2] ?? ''))
    item.type = kind?.type ?? 'manuscript'
    item.author = namesOf(possessive[1].trim())
    item.genre = possessive[2]
    const rest = possessive[3] ?? ''
    const distributed = /^distributed by\s+(?:the\s+)?(.+?)\s+in\s+(.+)$/.exec(rest)
    if (distributed?.[1]) {
      item.publisher = distributed[1]
      if (distributed[2]) item['publisher-place'] = distributed[2]
    } else if (rest) setTitle(item, rest)
    return result
  }

  // Interviews: “interview with X, published in *Y*, date, pages”, “Interview with X, “Title,” …”.
  const interview = /^(?:an?\s+|the\s+|author['’]s\s+)?(?:unpublished\s+)?interview\b(?:\s+(?:on|of)\s+([^,]{4,30}),)?\s*(?:with|of)\s+/i.exec(text)
  if (interview) {
    item.type = 'interview'
    const held = interview[1] ? findDate(interview[1]) : undefined
    if (held) item.issued = cslDate(held.text)
    text = text.slice(interview[0].length)
    const published = /,?\s*(?:published|printed|reprinted|translated)\s+in\s+/.exec(text)
    const marked = firstMarked(text)
    const headEnd = published ? published.index : marked ? marked.start : text.length
    const who = text.slice(0, headEnd).split(',').map((part) => part.trim()).filter(Boolean)
    const person = who.find((part) => isPersonalName(part.replace(/^(?:(?:Lt\.|Gen\.|Col\.|Maj\.|Gen|Marshal|Admiral|Adm\.)\s+)+/, '')))
    if (person) item.author = namesOf(person.replace(/^(?:(?:Lt\.|Gen\.|Col\.|Maj\.|Gen|Marshal|Admiral|Adm\.)\s+)+/, ''))
    if (!published && !marked && !item.issued) {
      // `Author’s interview with A. Ledovskii, 31 July 1996, Moscow`: an unpublished interview.
      const date = findDate(text)
      if (date) item.issued = cslDate(date.text)
      const place = stripOuter(text.slice(date?.end ?? text.length))
      if (place && !/\d/.test(place)) item['event-place'] = place
      return finish(result, found)
    }
    let rest = published ? text.slice(published.index + published[0].length) : text.slice(headEnd)
    const service = leadingServiceNumber.exec(rest)
    if (service?.[1]) {
      // Broadcast interviews are read in a translation service's report.
      item.custom = {...item.custom, translatedIn: `${service[1]}${service[2] ?? ''}`}
      const date = findDate(text.slice(0, headEnd))
      if (date) item.issued = cslDate(date.text)
      readLocator(rest.slice(service[0].length), found)
      return finish(result, found)
    }
    const title = firstMarked(rest)
    if (title && title.kind === 'quote' && title.start < 5) {
      setTitle(item, title.inner)
      rest = rest.slice(title.end)
    }
    const report = serviceNumber.exec(rest)
    if (report) {
      // `“Title,” JPRS Report, JPRS-UAC-91-003 (3 July 1991), 5`.
      const container = stripOuter(rest.slice(0, report.index))
      if (container) item['container-title'] = container
      item.number = report[0]
      const after = rest.slice(report.index + report[0].length)
      const date = /^\s*\(([^()]+)\)/.exec(after)
      if (date?.[1]) item.issued = cslDate(date[1])
      readLocator(date ? after.slice(date[0].length) : after, found)
      return finish(result, found)
    }
    rest = applyPeriodical(item, rest)
    rest = readLocator(rest, found)
    return finish(result, found)
  }

  // Documents and pieces described by genre and published in a periodical or collection.
  const genreLed = /^(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?(?:ciphered\s+)?(editorial|article|report|statement|speech|letter|telegrams?|memorandum|record of conversation)\b[^*“"]*?(?:\b(?:published|printed|reprinted)\s+in|,\s+in)\s+(?:the\s+)?(?:[^*“",]{0,40}?,?\s+(?=\*))?/iu.exec(text)
  if (genreLed?.[1]) {
    const rest = text.slice(genreLed[0].length)
    const container = firstMarked(rest)
    const head = text.slice(0, genreLed[0].length).replace(/,?\s*(?:(?:published|printed|reprinted)\s+)?in\s+(?:the\s+)?[^,*]*$/, '')
    const date = findDate(head)
    if ((!container || container.kind !== 'emphasis' || container.start > 0) && !publicationFactsIn(text)) {
      // `Ciphered telegram …, 14 May 1950, in *Bulletin*, No. 4 (Fall 1994), p. 61`.
      item.type = 'document'
      item.genre = genreLed[1].toLowerCase()
      if (date) item.issued = cslDate(date.text)
      const title = stripOuter((date ? head.slice(0, date.start) : head).replace(/\s+(?:on|of|dated)\s*$/, '').replace(/[\s,]+$/, ''))
      if (/^[A-Z]/.test(title)) item.title = title
      let tail = applyPeriodical(item, rest)
      tail = readLocator(tail, found)
      return finish(result, found)
    }
    if (container?.kind === 'emphasis') {
      item.type = /editorial|article/.test(genreLed[1]) ? 'article-newspaper' : 'document'
      item.genre = genreLed[1]
      item['container-title'] = container.inner
      const after = rest.slice(container.end)
      const date = findDate(after)
      if (date && date.start < 10) item.issued = cslDate(date.text)
      const title = firstMarked(after)
      if (title?.kind === 'quote') setTitle(item, title.inner)
      const tail = /(?:,\s*|\s+)(\d+(?:\s*[-–]\s*\d+)?)\s*$/.exec(after)
      if (tail?.[1]) found.locator = normalizeRange(tail[1])
      const typed = typeFromContainer(item['container-title'])
      if (typed && typed !== 'document' && item.type === 'document') item.type = typed
      return finish(result, found)
    }
  }

  const facts = findFacts(text)
  const head = facts ? text.slice(0, facts.group.start) : text
  const tail = facts ? text.slice(facts.group.end) : ''
  if (facts) {
    if (facts.place) item['publisher-place'] = facts.place
    if (facts.publisher) item.publisher = facts.publisher
    item.issued = facts.year === 'forthcoming' ? {literal: 'forthcoming', raw: 'forthcoming'} : cslDate(facts.year)
    if (facts.original) item['original-date'] = cslDate(facts.original)
    if (facts.genre) {
      item.type = 'thesis'
      item.genre = facts.genre
    }
  }

  const service = serviceNumber.exec(head)
  const marked = firstMarked(head)
  const work: Work = {result, item, found, head, tail, facts}
  if (marked?.kind === 'quote') quotedWork(work, marked, service)
  else if (marked?.kind === 'emphasis') emphasizedWork(work, marked)
  else plainWork(work)
  if (!item.title && !item['container-title'] && !item.author && !item.editor) return undefined
  return finish(result, found)
}

/** `ed.`, `eds.`, `edited by`, `trans.`, `translated by`, `ed. and trans.` before names. */
const contributorCue = /^[\s,]*(eds?\.(?:\s+and\s+trans\.)?|edited\s+(?:and\s+translated\s+)?by|trans\.|translated\s+by|comp\.|compiled\s+by)\s+/

/**
 * The editors and translators printed after a title (`*Voyage*, ed. and trans. Peter Groves`,
 * `*Book*, ed. Mark Ellery and Joan Pike`): read into the item; the rest is returned.
 */
function contributorsAfterTitle(item: CslItemDraft, printed: string): string {
  const cue = contributorCue.exec(printed)
  if (!cue?.[1]) return printed
  const after = printed.slice(cue[0].length)
  const names = /^([^,(;]+?)(?=\s*(?:[,(;]|$))/.exec(after)
  if (!names?.[1] || !isNameList(names[1])) return printed
  const role = cue[1]
  const people = namesOf(names[1])
  if (/^(?:ed|edited)/.test(role)) item.editor ??= people
  if (/trans/.test(role)) item.translator ??= people.map((name) => ({...name}))
  if (/^comp/.test(role)) item.compiler ??= people
  return after.slice(names[0].length)
}

/** `2nd ed.`, `rev. ed.`, `vol. 3`, `3 vols.` printed between a book's title and its facts. */
function bookDetails(item: CslItemDraft, printed: string): string {
  let rest = printed
  const edition = /^[\s,]*(?:(\d+)(?:st|nd|rd|th|d)|(rev\.|revised|enl\.|enlarged))\s+(?:ed\.|edn\.?|edition)/.exec(rest)
  if (edition) {
    item.edition = edition[1] ?? edition[2] ?? ''
    rest = rest.slice(edition[0].length)
  }
  const volume = /^[\s,]*vol\.\s*(\d+|[IVXLC]+)(?=\s*(?:[,(]|$))/.exec(rest)
  if (volume?.[1]) {
    item.volume = volume[1]
    rest = rest.slice(volume[0].length)
  }
  const volumes = /^[\s,]*(\d+)\s+vols\.(?=\s*(?:[,(]|$))/.exec(rest)
  if (volumes?.[1]) {
    item['number-of-volumes'] = volumes[1]
    rest = rest.slice(volumes[0].length)
  }
  // `(Studies in Water History, 7)`: the series and its number, in brackets before the facts. A
  // series' name has two words at least and opens with no volume's cue (`(Vol. 3)`, `(Reprint 1985)`).
  const series = /^[\s,]*\((\p{Lu}[^()\d]{2,120}?),?\s+(?:(?:no|vol|Nr|Bd|t)\.\s*)?(\d{1,3})\)(?=\s*(?:\(|$))/u.exec(rest)
  if (series?.[1] && series[2] && series[1].trim().split(/\s+/).length >= 2 && !volumeCueWord.test(series[1])) {
    item['collection-title'] = series[1].trim()
    item['collection-number'] = series[2]
    rest = rest.slice(series[0].length)
  }
  return rest
}

/** `101–24, at 110`: a chapter's or article's pages, then the page cited. */
function pagesAndPinpoint(item: CslItemDraft, printed: string): string {
  const pinned = /^[\s,:]*(?:pp?\.\s*)?(\d+\s*[-–]\s*\d+),\s*(?:at|esp\.|especially|here)\s+/.exec(printed)
  if (!pinned?.[1]) return printed
  item.page = normalizeRange(pinned[1])
  return printed.slice(pinned[0].length)
}

/** What the branches of the grammar share: the draft, the locator found, the head and tail around the facts. */
interface Work {
  result: PublishedParse
  item: CslItemDraft
  found: Found
  /** The citation before its publication facts (all of it when there are none). */
  head: string
  /** What follows the publication facts: volume and locator. */
  tail: string
  facts: Facts | undefined
}

/** A quoted title: articles, chapters, reports, working papers, conference papers, dated documents. */
function quotedWork(work: Work, marked: Marked, service: RegExpExecArray | null): void {
  const {result, item, found, head, tail, facts} = work
  applyNames(item, head.slice(0, marked.start))
  setTitle(item, marked.inner)
  let after = head.slice(marked.end).replace(/^[\s,.]+/, '')
  const translated = /^\(([^()]{3,200})\)[\s,]*/.exec(after)
  if (translated?.[1] && /^[A-Z“"]/.test(translated[1]) && !isEnglish(item.title ?? '')) {
    item.custom = {...item.custom, titleTranslation: cleanTitle(translated[1])}
    after = after.slice(translated[0].length)
  }
  const onlyLocator = readLocator(after, {})
  if (after && !stripOuter(onlyLocator) && !facts) {
    readLocator(after, found)
    after = ''
  }
  const by = /^by\s+([^,]+),?\s*/.exec(after)
  if (by?.[1] && isNameList(by[1])) {
    item.author = namesOf(by[1])
    after = after.slice(by[0].length).replace(/^in\s+/, '')
  }
  const dateOnly = findDate(after)
  if (dateOnly && dateOnly.start === 0 && !stripOuter(after.slice(dateOnly.end)) && !facts) {
    // `“Title,” September 1945`: a dated document, printed elsewhere or unpublished.
    item.type = 'document'
    item.issued = cslDate(dateOnly.text)
    return
  }
  const translator = /^trans(?:lated)?\.?\s+(?:by\s+)?([^,]+),\s*/.exec(after)
  if (translator?.[1]) {
    item.translator = namesOf(translator[1])
    after = after.slice(translator[0].length)
  }
  const inBook = /^in\s+/.exec(after)
  if (inBook) {
    item.type = 'chapter'
    const book = after.slice(inBook[0].length)
    const title = firstMarked(book)
    let rest: string
    if (title?.kind === 'emphasis') {
      // Names before the book are its editors (`in Ann Lowe, ed., *Book*`), not the chapter's authors.
      item.author = undefined
      applyNames(item, book.slice(0, title.start).replace(/,?\s*eds?\.\s*,?\s*$/, ', eds.'))
      if (!item.editor && item.author) {
        item.editor = item.author
      }
      item['container-title'] = title.inner
      rest = book.slice(title.end)
      // `*Book*, ed. Mark Ellery and Joan Pike (Place: …)`: the editors after the book's title.
      rest = contributorsAfterTitle(item, rest)
    } else {
      // Plain container: editors up to `eds.`, or one name and a comma.
      const cued = /^(.*?),?\s+eds?\.,?\s*/.exec(book)
      // `in Book Title, ed. B. One and C. Two (…)`: a title before the cue, the editors after it.
      const after = cued ? /^([^,(;]+?)(?=\s*(?:[,(;]|$))/.exec(book.slice(cued[0].length))?.[1] : undefined
      const titleFirst = cued?.[1] && after && /,\s+eds?\.\s+\p{Lu}/u.test(book.slice(0, cued[0].length + 1)) && isNameList(after) ? cued[1] : undefined
      const eds = titleFirst ? null : cued
      const single = titleFirst ? null : /^([^,]+),\s*/.exec(book)
      const names = eds ? eds[1] : single && isNameList(single[1] ?? '') ? single[1] : undefined
      rest = eds ? book.slice(eds[0].length) : names && single ? book.slice(single[0].length) : book
      if (titleFirst) {
        item['container-title'] = cleanTitle(titleFirst)
        rest = contributorsAfterTitle(item, book.slice(titleFirst.length))
      }
      const container = /^(.*?)(?=,\s*(?:vol\.|Vol\.|pp?\.)|$)/.exec(rest)
      if (container?.[1] && !titleFirst) item['container-title'] = cleanTitle(container[1])
      rest = container && !titleFirst ? rest.slice(container[0].length) : rest
      if (names) item.editor = namesOf(names)
    }
    // Restore the chapter's own author, overwritten above when it was read as editor.
    item.author = undefined
    applyNames(item, head.slice(0, marked.start))
    readLocator(pagesAndPinpoint(item, tail || rest), found)
  } else if (service) {
    item.type = 'report'
    item.number = service[0]
    const code = translationServices.find((entry) => service[0].startsWith(entry.code))
    if (code) item.publisher = code.name
    const rest = head.slice(service.index + service[0].length)
    const date = /^\s*\(([^()]+)\)/.exec(rest)
    if (date?.[1]) item.issued = cslDate(date[1])
    const container = stripOuter(head.slice(marked.end, service.index))
    if (container) item['container-title'] = container
    readLocator(date ? rest.slice(date[0].length) : rest, found)
  } else if (/^paper\s+(?:presented|delivered|read|given)\s+(?:at|to)\s+/i.test(after)) {
    // `“Title,” paper presented to CWIHP conference on “The Cold War and Asia,” Hong Kong, January 1996`.
    item.type = 'paper-conference'
    item.genre = 'paper'
    const event = after.replace(/^paper\s+\w+\s+(?:at|to)\s+(?:the\s+)?/i, '')
    const date = findDate(event)
    const named = stripOuter((date ? event.slice(0, date.start) : event).replace(/[“”"]/g, ''))
    // `…, Chicago, 1994`: a year alone, last, is the paper's.
    const yearAlone = date ? null : /,\s*((?:1[5-9]|20)\d\d)\.?$/.exec(named)
    const name = yearAlone ? named.slice(0, yearAlone.index) : named
    const parts = name.split(/,\s*/)
    if (parts[0]) item['event-title'] = parts[0]
    if (parts.length > 1) item['event-place'] = parts.slice(1).join(', ')
    if (date) item.issued = cslDate(date.text)
    else if (yearAlone?.[1]) item.issued = cslDate(yearAlone[1])
    readLocator(tail || (date ? event.slice(date.end) : ''), found)
  } else if (workKinds.some((kind) => kind.type === 'manuscript' && kind.pattern.test(after)) && !facts) {
    item.type = 'manuscript'
    item.genre = stripOuter(after)
  } else if (/(?:Working|Occasional|Discussion)\s+Paper,?\s+No\.\s*\d+/i.test(after)) {
    item.type = 'report'
    const number = /Paper,?\s+No\.\s*(\d+)/i.exec(after)
    if (number?.[1]) item.number = number[1]
    item.genre = /^[Ww]orking [Pp]aper/.test(after) ? 'Working Paper' : 'working paper'
    const series = after.replace(/,?\s*(?:Working|Occasional|Discussion)\s+Paper,?\s+No\.\s*\d+\s*,?/i, ',').split(',').map((part) => part.trim()).filter(Boolean)
    const before = /^(.*?),?\s+Working\s+Paper,?\s+No\./i.exec(after)
    if (before?.[1]) item['container-title'] = `${before[1].trim()} Working Paper`
    else if (series[0]) item['container-title'] = series[0]
    if (!facts && series.length > 1) {
      const dateIndex = series.findIndex((part) => findDate(part) !== undefined || /^\d{4}$/.test(part))
      const body = dateIndex > 0 ? series.slice(1, dateIndex) : series.slice(1)
      if (body[0]) item.publisher = body[0]
      if (body.length > 1) item['publisher-place'] = body.slice(1).join(', ')
      const date = series[dateIndex]
      if (date) item.issued = cslDate(date.replace(/\.\s*.*$/, ''))
    }
    const pages = /(?:pp?\.)\s*(\d+(?:\s*[-–]\s*\d+)?)/.exec(after)
    if (pages?.[1]) found.locator = normalizeRange(pages[1])
    readLocator(tail, found)
  } else if (after) {
    const date = findDate(after)
    const emphasis = firstMarked(after)
    if (date && date.start === 0 && emphasis?.kind === 'emphasis') {
      // A dated document printed in a series or periodical.
      item.issued = cslDate(date.text)
      const container = emphasis.inner
      const typed = typeFromContainer(container) ?? 'article-newspaper'
      item.type = typed
      item['container-title'] = container
      readLocator(after.slice(emphasis.end), found)
    } else {
      item.type = reportCues.test(item.title ?? '') ? 'report' : 'article-journal'
      let rest = applyPeriodical(item, after)
      rest = readLocator(rest, found)
      const typed = typeFromContainer(item['container-title'])
      if (typed && typed !== 'document' && !reportCues.test(item.title ?? '')) item.type = typed
      if (!item.issued && !facts) result.incomplete = true
      if (!item['container-title']) result.incomplete = true
      if (rest && !found.locator) readLocator(rest, found)
    }
    readLocator(tail, found)
  } else {
    if (item.type !== 'thesis') {
      item.type = facts ? (reportCues.test(item.title ?? '') || item.author?.[0]?.literal ? 'report' : 'book') : 'article-journal'
      if (facts && !item.author?.length && !item.editor?.length) item.type = 'report'
    }
    if (!facts) result.incomplete = true
    readLocator(tail, found)
  }
}

/** `, HEB Working Paper 4410`, `, Discussion Paper No. 17` after a title. */
const numberedPaperAfter = new RegExp(String.raw`^\s*,?\s*((?:\p{Lu}[\p{L}\d&.'’-]*\s+){0,4}${paperSeries}(?:\s+[Ss]eries)?,?\s+(?:(?:No|Nr)\.?\s*)?\d[\w./-]*)`, 'u')

/** An emphasized title: books, government series, newspapers and journals named alone. */
function emphasizedWork(work: Work, marked: Marked): void {
  const {result, item, found, head, tail, facts} = work
  const before = head.slice(0, marked.start)
  const genre = leadingGenre(before)
  const dated = findDate(before)
  if (genre && dated && genre.end < 40) {
    // `Memorandum of Conversation, …, June 25, 1950, *FRUS, 1950*, 7:157-61`: a document in a series.
    item.type = 'document'
    item.genre = genre.genre
    item.title = stripOuter(before.slice(0, dated.start))
    item.issued = cslDate(dated.text)
    item['container-title'] = marked.inner
    readLocator(tail || head.slice(marked.end), found)
    return
  }
  applyNames(item, before)
  setTitle(item, marked.inner)
  let after = head.slice(marked.end)
  // `*Title*, Discussion Paper No. 17 (Oxford: Press, 1998)`: a numbered paper of a series, a report.
  const paper = facts ? numberedPaperAfter.exec(after) : undefined
  if (paper?.[1]) {
    item.type = 'report'
    item.genre = paper[1]
    numberedPaperSplit(item)
    after = after.slice(paper[0].length)
  }
  if (facts) after = bookDetails(item, contributorsAfterTitle(item, after))
  // `*Yonhap* (Seoul), 23 June 1993`: a place of publication before the date.
  const place = /^\s*\(([^()\d]{2,40})\)/.exec(after)
  const date = findDate(place ? after.slice(place[0].length) : after)
  if (!facts && date && date.start <= 3 && !item.author) {
    if (place?.[1]) item['publisher-place'] = place[1]
    if (place) after = after.slice(place[0].length)
    // `*Yonhap* (Seoul), 23 June 1993`: the emphasis is a newspaper.
    item.type = 'article-newspaper'
    item['container-title'] = item.title
    item.title = undefined
    item.issued = cslDate(date.text)
    after = after.slice(date.end)
    // `…, in FBIS-SOV-93-119 (23 June 1993), 14`: the translation the piece is read in.
    const translated = translatedInService.exec(after)
    if (translated?.[1]) {
      item.custom = {...item.custom, translatedIn: `${translated[1]}${translated[2] ?? ''}`}
      after = after.slice(translated[0].length)
    }
  } else if (!facts && /^\s*\d+(?:[:/]\d+)?\s*\(/.test(after)) {
    item.type = 'article-journal'
    item['container-title'] = item.title
    item.title = undefined
    after = applyPeriodical(item, after)
  }
  after = readLocator(after, found)
  readLocator(tail || after, found)
  if (!facts && !item.issued) result.incomplete = true
  if (item.type === 'book' && reportCues.test(item.title ?? '')) item.type = 'report'
}

/**
 * What follows a book's title and never a name: an edition (`2. Aufl.`, `3rd edn.`, `2e éd.`), a
 * translator's or editor's cue (`übers. von`, `trad.`, `hrsg. v.`), or the town and year
 * (`Kiel 1920`). The part before it is the title, even a one-word one (`Zollgeschichte`).
 */
const bookFactsPart = /^(?:\d{1,2}\.\s*(?:Aufl|Ausg|verb|erw|überarb|durchges|neubearb)|\d{1,2}(?:st|nd|rd|th|d|e|re|ème|a|ª)?\s+(?:ed|edn|éd|edición|edizione)\b|(?:\[|\()?(?:übers|Übers|hrsg|Hrsg|hg|Hg|trans|Trans|trad|Trad|ed|éd)\.|(?:übersetzt|herausgegeben|translated|edited|traduit|tradotto|traducido)\s|\p{Lu}[\p{L}-]+\s+(?:1[5-9]|20)\d\d$)/u

/** No marked title: names, then a plain title, then periodical details or facts. */
function plainWork(work: Work): void {
  const {result, item, found, head, tail, facts} = work
  // No marked title: names, then a plain title, then periodical details or facts.
  const trailing = /,\s*(?:(?:vols?\.|Vol\.)\s*[IVXLC\d]+.*|(?:pp?\.|S\.|[Cc]hapters?)\s*\d.*|(?:\d{1,2}|[IVXLC]{1,6}):\s?\d+(?:\s*[-–]\s*\d+)?|\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*)$/.exec(head)
  const named = trailing && !isYear(trailing[0].replace(/^,\s*/, '')) ? head.slice(0, trailing.index) : head
  const parts = splitTopLevel(named)
  // `and` joins the last of a list of names; in the title after them it is a word of the title.
  const listed = (part: string | undefined, taken: number) => (taken > 0 ? (part ?? '').replace(/^and\s+/, '') : part ?? '')
  const names: string[] = []
  // `Marsh, Edwin, ed.,`: a given name after an inverted family name, before the editor's cue, is no title.
  const givenBeforeCue = (part: string | undefined) => names.length === 1 && !/\s/.test(names[0] ?? '') && /^\p{Lu}[\p{Ll}’'-]+$/u.test(part ?? '') && /^eds?\.$/.test(parts[1] ?? '')
  while (parts.length > 1 && isNameOrRole(listed(parts[0], names.length)) && !typeFromContainer(parts[0]) && !(names.length > 0 && bookFactsPart.test(parts[1] ?? '') && !givenBeforeCue(parts[0]))) names.push(listed(parts.shift(), names.length))
  if (names.length > 0) applyNames(item, names.join(', '))
  const bodies: string[] = []
  while (names.length === 0 && facts && parts.length > 1 && isInstitution(listed(parts[0], bodies.length))) bodies.push(listed(parts.shift(), bodies.length))
  if (bodies.length > 0) item.author = [{literal: bodies.join(', ')}]
  // An institution printed with its name translated, before the title of its publication.
  const institution = /^([^()]{3,80}?)\s*\(([^()]{3,120})\)$/.exec(parts[0] ?? '')
  if (names.length === 0 && facts && parts.length > 1 && institution?.[1]) {
    item.author = [{literal: institution[1].trim()}]
    item.custom = {...item.custom, authorTranslation: institution[2]}
    parts.shift()
  }
  let rest = (names.length > 0 ? parts.join(', ').replace(/^in\s+(?=[A-Z])/, '') : parts.join(', ')) + head.slice(named.length)
  const bulletin = /^(?:U\.S\.\s+)?(Department of State),?\s+(Bulletin)\b/.exec(rest)
  if (bulletin) {
    item.type = 'article-journal'
    item.publisher = bulletin[1]
    item['container-title'] = bulletin[2]
    rest = applyPeriodical({type: 'book'}, rest.slice(bulletin[0].length)).trim()
    const date = findDate(head)
    if (date) item.issued = cslDate(date.text)
    readLocator(rest || tail, found)
    return
  }
  // `Poole, 59`: a name alone before the page is the author of a work cited before, not its title.
  if (!facts && names.length === 0 && parts.length === 1 && trailing && /^\p{Lu}[\p{Ll}'’-]+$/u.test(parts[0] ?? '') && !typeFromContainer(parts[0])) {
    applyNames(item, parts[0] ?? '')
    readLocator(head.slice(named.length), found)
    readLocator(tail, found)
    result.incomplete = true
    return
  }
  const paper = typeFromContainer(parts[0])
  const dated = findDate(parts.slice(1).join(', '))
  if (!facts && names.length === 0 && paper && paper !== 'document' && dated && dated.start === 0) {
    // `New York Times, 26 June 1950, 1`: a newspaper printed without italics.
    item.type = paper
    item['container-title'] = parts[0]
    item.issued = cslDate(dated.text)
    readLocator(parts.slice(1).join(', ').slice(dated.end) + head.slice(named.length), found)
    return
  }
  const periodical = /(?:,\s*|\s+)(?=Nos?\.\s*\d|(?:Vol\.\s*)?\d+(?:[/:]\d+)?(?:,\s*Nos?\.\s*[\d-]+)?\s*\((?:[\p{L}]+\.?\s+)?\d{4}|\d+\/\d+\s*,\s*pp?\.)/u.exec(rest)
  if (!facts && periodical && names.length === 0) {
    item.type = 'article-journal'
    rest = applyPeriodical(item, rest)
    readLocator(rest, found)
  } else {
    // A trailing locator or volume is not part of the title.
    const locatorAt = /(?:,\s*(?:(?:vols?\.|Vol\.)\s*[IVXLC\d]+|(?:pp?\.|S\.|[Cc]hapters?)\s*\d|(?:\d{1,2}|[IVXLC]{1,6}):\s?\d+(?:\s*[-–]\s*\d+)?$|\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*$))/.exec(rest)
    const cut = locatorAt && !isYear(rest.slice(locatorAt.index).replace(/^,\s*/, '')) ? locatorAt.index : rest.length
    let title = rest.slice(0, cut)
    // German facts with no brackets: `Titel, 2. Aufl., Kassel 1932`.
    const placeYear = facts ? null : /,\s*(\p{Lu}[\p{L}-]+(?:\s*\/\s*\p{Lu}[\p{L}-]+)?)\s+((?:1[5-9]|20)\d\d)$/u.exec(title)
    if (placeYear?.[1] && placeYear[2]) {
      item['publisher-place'] = placeYear[1]
      item.issued = cslDate(placeYear[2])
      title = title.slice(0, placeYear.index)
      const edition = /,\s*(\d{1,2})\.\s*(?:Aufl\.|Auflage|Ausg\.|Ausgabe)$/.exec(title)
      if (edition?.[1]) {
        item.edition = edition[1]
        title = title.slice(0, edition.index)
      }
    }
    if (title) setTitle(item, title)
    readLocator(rest.slice(cut), found)
    readLocator(tail, found)
    if (!facts && !placeYear) result.incomplete = true
  }
}

/**
 * French, Italian and German notes: `Place, Publisher, Year, p. 12` with no brackets, `t. 2`,
 * `a cura di`, `éd.`, `cit.`, `sq.`, `Id.`. The grammar reads the Chicago shape; these are read by
 * the labeller, which was trained on such references.
 */
const romanceCue = /(?:^|[\s,*])(?:(?:op|art|loc)\.\s*)?cit\.|\ba\s+cura\s+di\b|(?:^|\s)éds?\.\s|\bsous la direction de\b|,\s*t\.\s*[IVXLC\d]|\bsqq?\.|^\*?(?:Id|Idem|Eadem|Ead|Ders|Dies)\.?\*?,|,\s*\p{Lu}[\p{L}-]+(?:,\s*[^,()]{2,40})?,\s*(?:1[5-9]|20)\d\d,\s*(?:pp?|S)\.\s*\d/u

/** Names, then an editors' cue in brackets: `Garnier (éd.),`, `Rossi (a cura di),`, `Lenz (dir.),`. */
const editorsFirst = /^[^,()]{2,80}\s\((?:éds?|dir|eds?|a cura di|coord|Hg|Hgg|Hrsg)\.?\)\s*[,:]/u

/** `Odile Garnier (éd.), *Titre*`: the names before an editors' cue in brackets are the editors, not the authors. */
export function editorsBeforeCue(item: CslItemDraft, citation: string): void {
  if (!editorsFirst.test(citation.trim()) || !item.author || item.editor) return
  item.editor = item.author
  delete item.author
}

function romanceReading(citation: string): PublishedParse | undefined {
  if (!romanceCue.test(citation) || publicationFactsIn(citation) || /\(\s*[^()]*:\s*[^()]*\d{4}\s*\)/.test(citation)) return undefined
  const [first] = parseReferences(citation)
  if (!first || first.start > 3 || first.parse.ibid) return undefined
  const {parse} = first
  if (!parse.item.title && !parse.item.author && !parse.opCit) return undefined
  const result: PublishedParse = {item: parse.item, ibid: false, incomplete: parse.incomplete, opCit: parse.opCit ?? false}
  editorsBeforeCue(parse.item, citation)
  if (parse.locator) {
    result.locator = parse.locator
    result.label = parse.label ?? 'page'
  }
  return result
}

function finish(result: PublishedParse, found: Found): PublishedParse {
  // `Tacitus, *Annales* 4.32–33`: an ancient work is cited by author, title and divisions, no edition.
  if (found.label === 'section' && !result.opCit && result.item.author && result.item.title) result.incomplete = false
  if (found.locator) {
    result.locator = found.locator
    result.label = found.label ?? 'page'
    if (result.label === 'page') result.item.page ??= found.locator
  }
  if (found.volume && !result.item.volume) result.item.volume = found.volume
  if (found.part?.startsWith('part ')) result.item.part = found.part.slice(5)
  if (found.part?.startsWith('section ')) result.item.section = found.part.slice(8)
  return result
}
