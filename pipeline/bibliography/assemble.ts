/**
 * One CSL item from the citations of one work or document: the fullest citation is the base,
 * the others fill what it lacks. Archival structure goes to `archive`, `archive_location`
 * and `custom.archival`; folios stay with the occurrences.
 */
import type {ParsedCitation} from '../shared/types/citation.js'
import type {ArchivalLocation, CslCustom, CslItemDraft, CslType} from '../shared/types/csl.js'
import {correspondentHead, personNames} from './correspondents.js'
import {dateState, normalizeDate, parseDate} from './dates.js'
import {archivalOf, isArchival, titleParts} from './identity.js'
import {citedPages, proseTitle, senderInDescription} from './lint.js'
import {comparable, numberForm} from './normalize.js'

/** Item types whose `page` is the extent of the part in its container, not a cited page. */
const containedTypes = new Set<CslType>([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'chapter',
  'paper-conference', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'review', 'review-book',
  // A case's first page in its reporter, a statute's in the Statutes at Large.
  'legal_case', 'legislation'
])

const archivalUnits = ['archive', 'fond', 'opis', 'delo', 'papka', 'sdCode', 'shelfmark'] as const

/** A year printed as an issue's date in parentheses: `4 (1993)`, `(Winter 1993/94)`, `(October 1983)`. */
const issueYear = /\((?:[^()]*?[\s,])?(1[5-9]\d\d|20\d\d)(?:\s*[/–-]\s*\d{2,4})?\)/

const accessDate = /[(\[]\s*(?:Zugriff|zugegriffen|abgerufen|Abruf|letzter\s+Zugriff|Stand|accessed|consulted|retrieved|last\s+accessed)\b[^)\]]*[)\]]/gi

/** An undated work whose citation prints its issue's date: that year, not "n.d.". */
function datePrinted(item: CslItemDraft, members: ParsedCitation[]): void {
  if (item.issued) return
  for (const citation of members) {
    // `(Zugriff am 14. 11. 2013)`, `(accessed 3 May 2010)`: the date an address was read.
    const year = issueYear.exec(citation.text.replace(accessDate, ' '))?.[1]
    if (year && !(item.title ?? '').includes(year)) {
      item.issued = {'date-parts': [[Number(year)]]}
      return
    }
  }
}

/** Whether two printed page ranges are the same (`163-72` and `163–172`). */
function samePages(a: string, b: string | undefined): boolean {
  const form = (text: string) => text.replace(/\s+/g, '').replace(/[–—]/g, '-')
  return b !== undefined && form(a) === form(b)
}

/** How much a citation says: the base of a merged item is the richest one. */
function richness(item: CslItemDraft): number {
  let score = 0
  for (const [field, value] of Object.entries(item)) {
    // The language says nothing about how complete a citation is.
    if (field === 'custom' || field === 'language' || value === undefined || value === '') continue
    score += Array.isArray(value) ? 1 + value.length : 1
  }
  return score
}

/** `f. 059a, op. 5a, d. 3, p. 11`: the location within the archive, as historians abbreviate it. */
function archiveLocation(archival: ArchivalLocation): string | undefined {
  const parts = [
    archival.fond !== undefined ? `f. ${archival.fond}` : undefined,
    archival.opis !== undefined ? `op. ${archival.opis}` : undefined,
    archival.delo !== undefined ? `d. ${archival.delo}` : undefined,
    archival.papka !== undefined ? `p. ${archival.papka}` : undefined,
    archival.shelfmark
  ].filter((part): part is string => part !== undefined)
  return parts.length > 0 ? parts.join(', ') : undefined
}

function fillFrom(target: CslItemDraft, source: CslItemDraft): void {
  const record: Record<string, unknown> = target
  for (const [field, value] of Object.entries(source)) {
    if (field === 'custom' || value === undefined || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    const current = record[field]
    if (current === undefined || current === '' || (Array.isArray(current) && current.length === 0)) {
      record[field] = structuredClone(value)
    }
  }
}

function mergeCustom(target: CslCustom, source: CslCustom | undefined): void {
  if (!source) return
  for (const [field, value] of Object.entries(source)) {
    if (field === 'archival' || value === undefined) continue
    if (target[field] === undefined) target[field] = structuredClone(value)
  }
}

function mergeArchival(target: ArchivalLocation, citation: ParsedCitation): void {
  const archival = archivalOf(citation)
  for (const unit of archivalUnits) {
    const value = archival[unit]
    if (value !== undefined && value !== null && target[unit] === undefined) target[unit] = value
  }
}

/** Complete the archival fields of an item from the structure of its citations. */
function finishArchival(item: CslItemDraft, members: ParsedCitation[]): void {
  const custom: CslCustom = item.custom ?? {}
  const archival: ArchivalLocation = {}
  for (const citation of members) mergeArchival(archival, citation)
  custom.archival = archival
  item.custom = custom
  if (!item.archive && archival.archive) item.archive = archival.archive
  if (!item['archive_location']) {
    const location = archiveLocation(archival)
    if (location) item['archive_location'] = location
  }
  for (const citation of members) {
    const document = citation.archival
    if (!document) continue
    if (!custom.sender && document.from) custom.sender = document.from
    if (!item.genre && document.genre) item.genre = document.genre
    if (!item.issued && document.docDate) item.issued = parseDate(document.docDate)
    // A recipient read out of prose (`the north” was underlined by…`) is not one.
    if (!item.recipient && document.to && !proseTitle(document.to)) item.recipient = personNames(document.to) ?? [{literal: document.to}]
    if (!item.title && document.description) item.title = document.description
  }
  if (!custom.sender && (!item.author || item.author.length === 0)) {
    const sender = senderInDescription(item.title)
    if (sender) custom.sender = sender
  }
  if ((!item.author || item.author.length === 0) && custom.sender) {
    // A person as a name; an office or a place (`Moscow`, `the Central Committee`) as it is printed.
    // What follows a comma describes the sender (`Balasanov, political adviser in North Korea`);
    // a phrase that is not a name (`the telegram`) is not one.
    const sender = (custom.sender.split(',')[0] ?? custom.sender).replace(/^the\s+/i, '').trim()
    if (sender && !proseTitle(sender)) item.author = personNames(sender) ?? [{literal: sender}]
  }
}

/** A date printed at the end of a title (`…, 5 March 1949`, `… on 18 May 1949`). */
const trailingDate = /(?:,\s*|\s+(?:on|of|dated)\s+)((?:\d{1,2}\s+)?[A-Z][a-z]+\.?(?:\s+\d{1,2},?)?\s+\d{4})\.?$/

/** Drop a date at the end of the title when it is the item's date (styles print that). */
function dropRepeatedDate(item: CslItemDraft): void {
  const match = item.title ? trailingDate.exec(item.title) : null
  if (!match?.[1] || !item.issued) return
  const printed = parseDate(match[1])
  if (JSON.stringify(printed?.['date-parts']) !== JSON.stringify(item.issued['date-parts'])) return
  item.title = item.title?.slice(0, match.index)
}

/**
 * A title that only describes (`Ciphered telegram from Shtykov to Vyshinsky`, `Kovalev to
 * Filippov`) says no more than genre, sender and recipient: the genre is kept and the title
 * dropped, so styles do not print it twice.
 */
function describedByGenre(item: CslItemDraft, members: ParsedCitation[]): void {
  // Only when the sender prints as the author; otherwise the title is what names them.
  if (!item.author || item.author.length === 0) return
  const match = item.title ? /^(?:(.+?)\s+from\s+)?(.+?)\s+to\s+(.+?)$/i.exec(item.title) : null
  if (!match?.[2] || !match[3]) return
  const recipient = members.map((citation) => citation.archival?.to).find(Boolean)
  const sender = item.custom?.sender
  const senderHead = correspondentHead(match[2])
  if (!senderHead || senderHead !== correspondentHead(sender) || correspondentHead(match[3]) !== correspondentHead(recipient)) return
  const genre = match[1]
  if (genre && item.genre && comparable(item.genre) !== comparable(genre)) return
  if (genre && !item.genre) item.genre = genre.charAt(0).toLowerCase() + genre.slice(1)
  delete item.title
}

/** Where an address may break at a line's end: after a slash, a dot, a hyphen, an underscore or a query's signs. */
const breakPoint = /[/._=?&#-]$/
/** The rest of an address on the next line (after the first half's autolink bracket, `<https://…/>`): no spaces, a digit, a slash or a dot in it, not a capitalized word. */
const continuation = /^>?\s+([\w.~%/?#=&+:-]+?)[.,;)]*(?=\s|$)/u

/**
 * An address (URL or DOI) broken at a line's end is printed as two words (`https://doi.org/10.5555/
 * jnt.2005.12`): the reader takes the first for the whole. Joined again from the citation's
 * text, and a doi.org address becomes the DOI, as when it is printed whole.
 */
function rejoinAddresses(item: CslItemDraft, members: readonly ParsedCitation[]): void {
  let joined = false
  for (const field of ['URL', 'DOI'] as const) {
    const value = item[field]
    if (!value || !breakPoint.test(value)) continue
    for (const {text} of members) {
      const at = text.indexOf(value)
      if (at === -1) continue
      const rest = continuation.exec(text.slice(at + value.length))?.[1]
      // A page or a year after the address is no part of it.
      if (!rest || !/[\d/._-]/.test(rest) || /^\p{Lu}\p{Ll}+$/u.test(rest) || /^\d{1,4}$/.test(rest)) continue
      item[field] = value + rest
      joined = true
      break
    }
  }
  const doi = joined ? /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\S+)$/i.exec(item.URL ?? '') : null
  if (doi?.[1] && !item.DOI) {
    item.DOI = doi[1]
    delete item.URL
  }
}

/** Normalize dates and drop what belongs to the occurrence rather than the item. */
function finishFields(item: CslItemDraft, members: ParsedCitation[]): void {
  rejoinAddresses(item, members)
  if (item.issued) {
    const state = dateState(item.issued)
    const issued = normalizeDate(item.issued)
    if (issued) item.issued = issued
    else delete item.issued
    if (state && !item.status) item.status = state
  }
  // Pages read as the publisher (`…, No. 8, pp. 9 - 10`) are the cited place, never a publisher.
  if (item.publisher !== undefined && citedPages.test(item.publisher)) delete item.publisher
  if (item.page !== undefined && !containedTypes.has(item.type)) delete item.page
  // A page a citation cites is the occurrence's locator, not the part's page range.
  if (item.page !== undefined && members.some((citation) => citation.locator !== undefined && samePages(citation.locator, item.page))) delete item.page
  // A volume the title names already (`…, Volume II, …`) is not printed again.
  if (item.volume !== undefined && item.title && titleParts(item.title).volume === numberForm(item.volume)) delete item.volume
  if (item.author && item.author.length === 0) delete item.author
  if (item.editor && item.editor.length === 0) delete item.editor
}

/** The item of a group of citations (full citations only; Ibid. and short forms take keys). */
export function assembleItem(members: ParsedCitation[]): CslItemDraft {
  const ordered = members
    .map((citation, order) => ({citation, order, score: richness(citation.item)}))
    .sort((a, b) => b.score - a.score || a.order - b.order)
  const base = ordered[0]?.citation
  if (!base) return {type: 'document'}
  const item: CslItemDraft = structuredClone(base.item)
  const custom: CslCustom = {}
  mergeCustom(custom, base.item.custom)
  for (const {citation} of ordered.slice(1)) {
    fillFrom(item, citation.item)
    mergeCustom(custom, citation.item.custom)
  }
  item.custom = custom
  const archival = members.some(isArchival)
  if (archival) finishArchival(item, members)
  finishFields(item, members)
  if (!archival) datePrinted(item, members)
  // An interview its citation calls unpublished appeared in nothing: a work it names (`for their
  // forthcoming book …`) is not its container.
  if (item.type === 'interview' && members.some((citation) => /\bunpublished\s+interview/i.test(citation.text))) {
    delete item['container-title']
    delete item.publisher
    if (item.custom) delete item.custom.containerTitleTranslation
    if (!item.genre) item.genre = 'unpublished interview'
  }
  // An interview known by its interviewee and date says what it is.
  if (item.type === 'interview' && !item.title && !item.genre && !item['container-title']) item.genre = 'interview'
  if (!archival && (!item.author || item.author.length === 0) && (!item.editor || item.editor.length === 0)) {
    // A published document named by its sender (`Ciphered telegram from Stalin to Mao`).
    const sender = senderInDescription(item.title)
    if (sender) item.author = personNames(sender) ?? [{literal: sender}]
  }
  if (!archival && item.title && proseTitle(item.title) && !item['container-title'] && !item.publisher && !item.issued) {
    // Prose of the note read as a work (`an interview he conducted, Gen. …`): kept as what it is.
    return unparsedItem(base)
  }
  if (archival) {
    dropRepeatedDate(item)
    describedByGenre(item, members)
    // Prose of the note taken for a title (`the reports of events in Seoul, compiled…`): the
    // document is described by its archive and location, its kind, date and correspondents;
    // with none of them, the prose is kept as what it is, an unparsed entry.
    if (item.title && proseTitle(item.title)) {
      if (!item['archive_location'] && !item.author?.length && !item.recipient?.length) return unparsedItem(base)
      delete item.title
    }
  }
  if (item.custom && Object.keys(item.custom).length === 0) delete item.custom
  return item
}

/** The entry of a citation the grammar could not read: its words, as printed, are its title. */
export function unparsedItem(citation: ParsedCitation): CslItemDraft {
  return {type: 'document', title: citation.printed ?? citation.text, custom: {unparsed: true}}
}

/** Merge a second entry of one work into the first: the first's fields win, the second fills gaps. */
export function mergeInto(target: CslItemDraft, source: CslItemDraft): void {
  fillFrom(target, source)
  if (source.custom) {
    const custom: CslCustom = target.custom ?? {}
    mergeCustom(custom, source.custom)
    if (!custom.archival && source.custom.archival) custom.archival = structuredClone(source.custom.archival)
    target.custom = custom
  }
}
