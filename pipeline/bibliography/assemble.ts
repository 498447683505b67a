/**
 * One CSL item from the citations of one work or document: the fullest citation is the base,
 * the others fill what it lacks. Archival structure goes to `archive`, `archive_location`
 * and `custom.archival`; folios stay with the occurrences.
 */
import type {ParsedCitation} from '../types/citation.js'
import type {ArchivalLocation, CslCustom, CslItemDraft, CslType} from '../types/csl.js'
import {correspondentHead, personNames} from './correspondents.js'
import {dateState, normalizeDate, parseDate} from './dates.js'
import {archivalOf, isArchival} from './identity.js'
import {comparable} from './normalize.js'

/** Item types whose `page` is the extent of the part in its container, not a cited page. */
const containedTypes = new Set<CslType>([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'chapter',
  'paper-conference', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'review', 'review-book'
])

const archivalUnits = ['archive', 'fond', 'opis', 'delo', 'papka', 'sdCode'] as const

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
export function archiveLocation(archival: ArchivalLocation): string | undefined {
  const parts = [
    archival.fond !== undefined ? `f. ${archival.fond}` : undefined,
    archival.opis !== undefined ? `op. ${archival.opis}` : undefined,
    archival.delo !== undefined ? `d. ${archival.delo}` : undefined,
    archival.papka !== undefined ? `p. ${archival.papka}` : undefined
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
    if (!item.recipient && document.to) item.recipient = personNames(document.to) ?? [{literal: document.to}]
    if (!item.title && document.description) item.title = document.description
  }
  if ((!item.author || item.author.length === 0) && custom.sender) {
    const names = personNames(custom.sender)
    if (names) item.author = names
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

/** Normalize dates and drop what belongs to the occurrence rather than the item. */
function finishFields(item: CslItemDraft): void {
  if (item.issued) {
    const state = dateState(item.issued)
    const issued = normalizeDate(item.issued)
    if (issued) item.issued = issued
    else delete item.issued
    if (state && !item.status) item.status = state
  }
  if (item.page !== undefined && !containedTypes.has(item.type)) delete item.page
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
  finishFields(item)
  if (archival) {
    dropRepeatedDate(item)
    describedByGenre(item, members)
  }
  if (item.custom && Object.keys(item.custom).length === 0) delete item.custom
  return item
}

/** The entry of a citation the grammar could not read: its text is its title. */
export function unparsedItem(citation: ParsedCitation): CslItemDraft {
  return {type: 'document', title: citation.text, custom: {unparsed: true}}
}
