/**
 * Letters and documents printed in edited collections (Chicago 14.111–14.117) and their short
 * forms: `Ann Lowe to Mark Hale, 3 July 1776, in *The Papers of Ann Lowe*, ed. …, 29–30`,
 * `Lowe to Hale, 3 July 1776, *Papers of Ann Lowe*, 2:29`, `Lowe to Hale, 3 July 1776`,
 * `Memorandum by the Secretary of War, 4 May 1950, in *Series*, vol. 7 (…), 64`,
 * `Brief Lowes an Hale vom 3. Mai 1848, in: Briefwechsel, hg. v. …, Bd. 2, S. 14`,
 * `Lettre de Lowe à Hale, 3 mai 1848, dans *Correspondance*, éd. …, t. 2, p. 14`.
 *
 * The letter is an item of its own (CSL `letter`, a memorandum a `document`): the writer is its
 * author, the addressee its recipient, the letter's date its `issued`, its description as
 * printed its title; the collection gives `container-title`, `container-author`, editors,
 * volume, publisher and place, the letter's pages. CSL has no date of the container, so the
 * collection's year is kept in `custom.containerIssued`. Letters kept in archives (a location
 * after the date) are not read here: the archival grammar reads them.
 */
import type {LocatorLabel} from '../shared/types/citation.js'
import type {CslItemDraft, CslName, CslType} from '../shared/types/csl.js'
import {cslDate, findDate} from './dates.js'
import {leadingGenre} from './genres.js'
import {isNameList, isPersonalName, namesOf} from './names.js'
import {parseReferences} from './model/index.js'
import {parsePublished} from './parse-published.js'
import {findFacts} from './publication-facts.js'
import {readLocator, type Found} from './published-locator.js'
import {stripOuter, withoutClosingStops} from './text.js'

export interface LetterParse {
  item: CslItemDraft
  locator?: string
  label?: LocatorLabel
  /** A short form (correspondents and date, no collection after `in`): resolved to the letter's full citation. */
  incomplete: boolean
}

/** How a language prints a letter's description: the words before the writer, between writer and addressee, before the date. */
interface Phrasing {
  /** The genre word and the preposition before the writer (`Letter from`, `Brief`, `Lettre de`). */
  lead: string
  /** The word between the writer and the addressee. */
  to: string
  /** Words between the addressee and the date (`vom`, `du`). */
  dated: string
  /** The genre word names the writer in the genitive (`Brief Müllers an …`). */
  genitive?: boolean
}

const phrasings: Phrasing[] = [
  {lead: String.raw`(?:(?:[Aa]n?|[Tt]he)\s+)?(?:[Ll]etter|[Nn]ote|[Pp]ostcard)\s+from`, to: 'to', dated: String.raw`(?:dated\s+)?`},
  {lead: String.raw`(?:Brief|Schreiben|Karte|Postkarte)\s+von`, to: 'an', dated: String.raw`(?:vom\s+)?`},
  {lead: String.raw`(?:Brief|Schreiben|Karte|Postkarte)`, to: 'an', dated: String.raw`(?:vom\s+)?`, genitive: true},
  {lead: String.raw`(?:[Ll]ettre|[Bb]illet|[Cc]arte)\s+d(?:e|u|es)`, to: 'à', dated: String.raw`(?:du\s+|en\s+date\s+du\s+)?`},
  {lead: String.raw`(?:[Ll]ettre|[Bb]illet|[Cc]arte)\s+d['’]`, to: 'à', dated: String.raw`(?:du\s+|en\s+date\s+du\s+)?`},
  {lead: String.raw`(?:[Ll]ettera|[Bb]iglietto)\s+d(?:i|el|ella)`, to: 'a', dated: String.raw`(?:del\s+)?`},
  {lead: String.raw`(?:[Cc]arta)\s+de`, to: 'a', dated: String.raw`(?:del\s+)?`},
  // `Lowe to Hale, 3 July 1776`: the correspondents alone; the date must follow them.
  {lead: '', to: 'to', dated: ''},
  {lead: '', to: 'an', dated: String.raw`(?:vom\s+)?`},
  {lead: '', to: 'à', dated: String.raw`(?:du\s+)?`}
]

/** Capitalized words and the particles and function words names and offices hold (`the Secretary of State`, `Karl von Stein`). */
const nameSource = String.raw`(?:(?:the|der|die|le|la|il)\s+)?\p{Lu}[\p{L}\p{M}.’'-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.’'-]*|of|for|the|de|du|des|d’|von|van|der|den|zu|di|da|del|della|y))*`

/** `Memorandum by the Secretary of State`: a document named by its genre and its author. */
const documentOpening = String.raw`(?:(?:[Aa]|[Tt]he)\s+)?([Mm]emorandum|[Mm]inute|[Aa]ide-m[ée]moire|[Nn]ote|[Rr]eport|[Ss]tatement|Denkschrift|Aufzeichnung|Vermerk|[Mm]émoire)\s+(?:by|von|de|du|par)\s+`
const documentLead = new RegExp(String.raw`^(${documentOpening}(${nameSource}))(?:\s+(?:to|for|an|à|pour)\s+(${nameSource}))?(?=[,\s])`, 'u')
/** What a text `documentLead` matches opens with: the names' patterns are costly to compile and run, so they are tried only then. */
const documentStart = new RegExp(`^${documentOpening}`, 'u')

/** What stands between the correspondents (or a document's author) and the date. */
const datedPattern = (dated: string) => new RegExp(String.raw`^(?:,\s*|\s+)${dated}`, 'u')
const documentDated = datedPattern('')

const leads = phrasings.map((phrasing) => ({
  phrasing,
  pattern: new RegExp(String.raw`^(${phrasing.lead ? `${phrasing.lead}\\s*` : ''}(${nameSource})\s+${phrasing.to}\s+(${nameSource}))(?=[,\s])`, 'u'),
  // What every text `pattern` matches holds: its lead at the start, or the word before the addressee.
  cue: phrasing.lead ? new RegExp(`^${phrasing.lead}`, 'u') : new RegExp(String.raw`\s${phrasing.to}\s`, 'u'),
  dated: datedPattern(phrasing.dated)
}))

/** The cue of the collection printing the letter (`in`, `in:`, `dans`, `en`). */
const collectionCue = /^[\s,.]*(?:(?:printed|reprinted|published)\s+)?(?:in:?|In:|dans|en|im)\s+/

/** An undated letter: `n.d.`, `o. D.`, `s.d.`. */
const undated = /^(?:n\.\s?d\.|o\.\s?D\.|s\.\s?d\.|undated)/

interface Head {
  /** The description as printed (`Ann Lowe to Mark Hale`). */
  title: string
  /** None when the description names only the addressee (`Letter to Dr. Marlow`). */
  writer?: string
  addressee?: string
  type: CslType
  genre?: string
  date?: string
  /** Where the rest after the date begins. */
  end: number
}

/** `Müllers`, `Marx’`: a name in the genitive, its ending dropped. */
function withoutGenitive(name: string): string {
  return name.replace(/(?<=\p{L}{2})s$|(?<=[sxzß])['’]$/u, '')
}

/** The article before an office (`the Minister`, `der Minister`, `le ministre`). */
const article = /^(?:the|der|die|le|la|il)\s+/

/** A name as printed, as CSL names: a person, or an office as a literal. */
function correspondent(printed: string): CslName[] {
  const name = printed.trim()
  if (article.test(name) || !isPersonalName(name)) return [{literal: name.replace(article, '')}]
  return namesOf(name)
}

/** What every description has in its first words: the word before the addressee, or the author of a document. */
const headCue = /\s(?:to|an|à|a|by|von|de|du|des|d’|d'|par|di|del|della)\s/u

/** The description, the correspondents and the date at the start of a citation. */
function readHead(text: string): Head | undefined {
  if (!headCue.test(text.slice(0, 200))) return undefined
  const document = documentStart.test(text) ? documentLead.exec(text) : null
  if (document?.[1] && document[3]) {
    const after = dateAfter(text, document[0].length, documentDated)
    if (!after) return undefined
    const head: Head = {title: document[1], writer: document[3], type: 'document', genre: (document[2] ?? '').toLowerCase(), end: after.end}
    if (document[4]) {
      head.addressee = document[4]
      head.title = document[0]
    }
    if (after.date) head.date = after.date
    return head
  }
  for (const {phrasing, cue, pattern, dated} of leads) {
    const match = cue.test(text) ? pattern.exec(text) : null
    if (!match?.[1] || !match[2] || !match[3]) continue
    // A bare `X to Y` is a letter only when both sides are short, a name or an office, not a clause.
    if (!phrasing.lead && (!plausibleName(match[2]) || !plausibleName(match[3]))) continue
    const after = dateAfter(text, match[0].length, dated)
    if (!after) continue
    const writer = phrasing.genitive ? withoutGenitive(match[2]) : match[2]
    // `Letter to Dr. Marlow, 5 May 1950`: the kind of document where the writer stands names none.
    const kind = phrasing.lead ? undefined : documentKind(writer)
    const head: Head = kind ? {title: match[1], addressee: match[3], type: kind === 'letter' ? 'letter' : 'document', genre: kind, end: after.end} : {title: match[1], writer, addressee: match[3], type: 'letter', end: after.end}
    if (after.date) head.date = after.date
    return head
  }
  return undefined
}

/** The genre a printed name is no more than (`Letter`, `Schreiben`, `Telegram`): no person's name. */
function documentKind(printed: string): string | undefined {
  const name = printed.trim()
  const genre = /['’]/.test(name) ? undefined : leadingGenre(name)
  return genre && genre.end === name.length ? genre.genre : undefined
}

/** A correspondent printed alone before or after `to`: a personal name, an office (`the Minister`), or a few words. */
function plausibleName(value: string): boolean {
  const words = value.trim().split(/\s+/)
  if (words.length > 5) return false
  return isPersonalName(value) || article.test(value) || words.length <= 3
}

/** The letter's date right after its correspondents (`, 3 July 1776`, ` vom 3. Mai 1848`), or `n.d.`. */
function dateAfter(text: string, from: number, dated: RegExp): {date?: string; end: number} | undefined {
  const lead = dated.exec(text.slice(from))
  if (!lead) return undefined
  const start = from + lead[0].length
  const rest = text.slice(start)
  const none = undated.exec(rest)
  if (none) return {end: start + none[0].length}
  const date = findDate(rest.slice(0, 40))
  if (!date || date.start !== 0) return undefined
  return {date: date.text, end: start + date.end}
}

/** The collection a letter is printed in, read as a book: by the grammar when it has publication facts in brackets, else by the labeller. */
function readCollection(printed: string): {item: CslItemDraft; locator?: string; label?: LocatorLabel} | undefined {
  // `Briefwechsel, Bd. 2, S. 20`: a title alone, then volume and page.
  const bare = /^\*?([^,*()]{3,160}?)\*?(?=,\s*(?:Bd\.|[Vv]ol\.|t\.|[Tt]ome|S\.|pp?\.|\d))/u.exec(printed)
  if (bare?.[1]) {
    const found: Found = {}
    if (stripOuter(readLocator(printed.slice(bare[0].length), found)) === '' && found.locator) {
      const item: CslItemDraft = {type: 'book', title: bare[1].trim()}
      if (found.volume) item.volume = found.volume
      return {item, locator: found.locator, label: found.label ?? 'page'}
    }
  }
  const facts = findFacts(printed)
  const grammar = facts ? parsePublished(printed) : undefined
  if (grammar?.item.title) return withVolumeAndPage(printed, grammar)
  const [first] = parseReferences(printed)
  const emphasized = /^\*([^*]+)\*/.exec(printed)
  if (first && first.start <= 3 && (first.parse.item.title || first.parse.item['container-title'] || emphasized)) {
    const item = first.parse.item
    // The emphasis is the collection's title, the names after the editor's cue its editors, whatever the labeller made of them.
    if (emphasized?.[1] && !item['container-title']) {
      item.title = emphasized[1].trim()
      const editors = editorCue.exec(printed.slice(emphasized[0].length))
      if (editors?.[1] && isNameList(editors[1].trim())) item.editor = namesOf(editors[1].trim())
    }
    const out: {item: CslItemDraft; locator?: string; label?: LocatorLabel} = {item}
    if (first.parse.locator) {
      out.locator = first.parse.locator
      out.label = first.parse.label ?? 'page'
    }
    if (titled(item)) return withVolumeAndPage(printed, out)
  }
  // The grammar's reading when it was made above (its title none), else now.
  const fallback = facts ? grammar : parsePublished(printed)
  return fallback && titled(fallback.item) ? fallback : undefined
}

/** `… (London, 1970), 2:45`: what follows the publication facts, read whole, is the volume and the page. */
function withVolumeAndPage<T extends {item: CslItemDraft; locator?: string; label?: LocatorLabel}>(printed: string, collection: T): T {
  const tail = /\)([^()]*)$/.exec(printed)
  const found: Found = {}
  if (!tail || stripOuter(readLocator(tail[1] ?? '', found)) !== '' || !found.locator || !found.volume) return collection
  collection.item.volume = found.volume
  if (collection.item.page === collection.locator) delete collection.item.page
  return {...collection, locator: found.locator, label: found.label ?? 'page'}
}

/** Has the collection as read a title of words (not `2:14`, not a name list)? */
function titled(item: CslItemDraft): boolean {
  const title = item['container-title'] ?? item.title
  return title !== undefined && /\p{L}{3}/u.test(title) && !/^[\d\s:.,–-]+$/.test(title)
}

/** `, éd. Lucie Baret`, `, hg. v. Otto Lamm`, `, a cura di …`: the editors after a collection's title. */
const editorCue = /^\s*,?\s*(?:eds?\.|éds?\.|hg\.\s*v\.|hrsg\.\s*v\.|[Hh]g\.|[Hh]rsg\.|edited\s+by|ed\.\s+by|a\s+cura\s+di|sous\s+la\s+direction\s+de)\s+([^,;()]+)/

/** Keys of a collection's item that the letter takes over as they are. */
const collectionFields = ['editor', 'translator', 'volume', 'issue', 'publisher', 'publisher-place', 'collection-title', 'edition', 'number-of-volumes', 'URL', 'DOI'] as const

/** The letter's item from its head, and the collection's fields when it is printed in one. */
function letterItem(head: Head, collection: CslItemDraft | undefined): CslItemDraft {
  const item: CslItemDraft = {type: head.type, title: stripOuter(head.title)}
  if (head.genre) item.genre = head.genre
  if (head.writer) item.author = correspondent(head.writer)
  if (head.addressee) item.recipient = correspondent(head.addressee)
  if (head.date) item.issued = cslDate(head.date)
  if (!collection) return item
  // A chapter's container is the collection; a book is the collection itself.
  const container = collection['container-title'] ?? collection.title
  if (container) item['container-title'] = container
  // `in Ann Lowe, *Selected Letters*, ed. …`: the collection's author.
  if (!collection['container-title'] && collection.author?.length) item['container-author'] = collection.author
  for (const key of collectionFields) {
    const value = collection[key]
    if (value !== undefined) (item as Record<string, unknown>)[key] = value
  }
  if (collection.issued) item.custom = {...item.custom, containerIssued: collection.issued}
  return item
}

/**
 * Read a letter (or a memorandum) printed in a collection, or a short form of one; undefined
 * when the citation is something else, a letter kept in an archive among them.
 */
export function parseLetter(citation: string): LetterParse | undefined {
  const text = withoutClosingStops(citation.trim())
  const head = readHead(text)
  if (!head) return undefined
  const rest = text.slice(head.end)
  const cue = collectionCue.exec(rest)
  if (cue) {
    const collection = readCollection(rest.slice(cue[0].length))
    if (!collection) return undefined
    const result: LetterParse = {item: letterItem(head, collection.item), incomplete: false}
    const pages = collection.item.page ?? (collection.label === 'page' || !collection.label ? collection.locator : undefined)
    if (pages) result.item.page = pages
    if (collection.locator) {
      result.locator = collection.locator
      result.label = collection.label ?? 'page'
    }
    return result
  }
  // A letter's short form: nothing, a page, or the collection's short title and its volume and page.
  if (head.type !== 'letter') return undefined
  const found: Found = {}
  const after = rest.replace(/^[\s,]+/, '')
  if (after === '') return {item: letterItem(head, undefined), incomplete: true}
  const title = /^\*([^*]+)\*/.exec(after)
  if (title?.[1]) {
    const item = letterItem(head, undefined)
    item['container-title'] = title[1].trim()
    const left = readLocator(after.slice(title[0].length), found)
    if (stripOuter(left)) return undefined
    return withLocator({item, incomplete: true}, found)
  }
  const left = readLocator(rest, found)
  if (stripOuter(left) || !found.locator) return undefined
  return withLocator({item: letterItem(head, undefined), incomplete: true}, found)
}

function withLocator(result: LetterParse, found: Found): LetterParse {
  if (found.volume) result.item.volume = found.volume
  if (found.locator) {
    result.locator = found.locator
    result.label = found.label ?? 'page'
  }
  return result
}

/** A letter's description that ends with its collection's cue (`…, 3 July 1776, in `), before `end`. */
const endsWithCue = /(?:^|[,\s])(?:in:?|In:|dans|en|im)$/
/** Characters at the end of the trimmed text the cue is looked for in (a pattern anchored at the end would scan every run of spaces). */
const cueReach = 6

/**
 * Where a letter's description begins when the split left it before a span (`Ann Lowe to Mark
 * Hale, 3 July 1776, in` before `*The Papers of Ann Lowe*, …`): searched in the text before
 * `start`; undefined when that text ends in no such description.
 */
export function letterStart(text: string, start: number): number | undefined {
  const before = text.slice(0, start)
  if (!endsWithCue.test(before.trimEnd().slice(-cueReach))) return undefined
  for (const word of before.matchAll(/(?:^|(?<=[\s(]))\S/g)) {
    const head = readHead(before.slice(word.index))
    if (!head) continue
    const tail = before.slice(word.index + head.end)
    if (collectionCue.exec(tail)?.[0].length === tail.length) return word.index
  }
  return undefined
}

/** `FRUS 1950, 7:64`, `DBFP, 1938, III:12`: a documentary series by its initials, its year, volume and page. */
const seriesShortForm = /^(\p{Lu}{2,8})(?:,?\s+((?:1[5-9]|20)\d\d))?,\s*(\d+|[IVXLC]+):\s*(\d+(?:\s*[-–]\s*\d+)?)$/u
/** How every series' short form ends: tried first, as the pattern above is costly to compile and rarely matches. */
const seriesEnd = /:\s*\d+(?:\s*[-–]\s*\d+)?$/

/**
 * A short form that names a documentary series by its initials (Chicago 14.117): the work it
 * stands for is the document cited in full before from a volume of that series (resolve.ts).
 */
export function parseSeriesShortForm(citation: string): LetterParse | undefined {
  const text = withoutClosingStops(citation.trim()).replace(/\\:/g, ':')
  const match = seriesEnd.test(text) ? seriesShortForm.exec(text) : null
  if (!match?.[1] || !match[3] || !match[4]) return undefined
  const item: CslItemDraft = {type: 'book', title: match[1], volume: match[3]}
  if (match[2]) item.issued = cslDate(match[2])
  return {item, incomplete: true, locator: match[4].replace(/\s+/g, ''), label: 'page'}
}
