/**
 * Identity of a cited work or archival document: the index keys under which citations of the
 * same thing meet, and the facts that must agree before two of them are merged. Keys are
 * exact strings, so merging is a hash lookup per key, never a scan of all items.
 */
import type {ArchivalDocument, ParsedCitation} from '../shared/types/citation.js'
import type {CslItemDraft, CslName} from '../shared/types/csl.js'
import {correspondentHead} from './correspondents.js'
import {dayOf, isoOf, normalizeDate, yearOf} from './dates.js'
import {asciiFold, comparable, numberForm, titleForm} from './normalize.js'
import {fullEnd} from './pages.js'

/** What must agree between two citations of one published work. */
export interface WorkFacts {
  kind: 'work'
  subtitle?: string
  volume?: string
  year?: number
  /** A dated document's date as far as it is given (`1946-09`): two months are two documents. */
  date?: string
  container?: string
}

/** What must agree between two citations of one archival document. */
export interface DocumentFacts {
  kind: 'archival'
  /** `archive|fond|opis|delo` in comparison form. */
  file?: string
  papka?: string
  sdCode?: string
  day?: string
  folios: Array<[number, number]>
  from?: string
  to?: string
}

export interface UnparsedFacts {
  kind: 'unparsed'
}

export type Facts = WorkFacts | DocumentFacts | UnparsedFacts

export interface Identity {
  /** Index keys, strongest first. */
  keys: string[]
  facts: Facts
  /** A stable description of the identity, for key suffixes. */
  signature: string
}

/** Whether a citation is an archival one. */
export function isArchival(citation: ParsedCitation): boolean {
  return Boolean(citation.archival || citation.item.archive || citation.item.custom?.archival)
}

/** The comparison form of the first name of a list (family name, or an institution's words). */
export function nameHead(names: CslName[] | undefined): string {
  const first = names?.[0]
  if (!first) return ''
  if (first.family) return comparable(first.family).replace(/ /g, '')
  return titleForm(first.literal ?? '')
}

/** Split a title into the work's main title, its volume designation and its subtitle. */
export function titleParts(title: string): {main: string; volume?: string; subtitle?: string} {
  const volume = /[,.:;]?\s*\b(?:vol(?:ume)?s?\.?)\s+([IVXLC]+|\d+)\b[,.:;]?\s*/i.exec(title)
  if (volume) {
    const rest = title.slice(volume.index + volume[0].length).trim()
    return {main: title.slice(0, volume.index), volume: numberForm(volume[1]), subtitle: rest || undefined}
  }
  const colon = /\s*[:]\s+|\s+:\s*/.exec(title)
  if (colon) return {main: title.slice(0, colon.index), subtitle: title.slice(colon.index + colon[0].length) || undefined}
  return {main: title}
}

/** Items dated to the day: documents, letters, interviews. */
const datedTypes = new Set(['document', 'personal_communication', 'interview'])

/** Whether two dates, each given as far as it goes (`1946`, `1946-09`, `1946-09-02`), can be one. */
function sameAsFarAsGiven(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a.startsWith(b) || b.startsWith(a)
}

function workIdentity(item: CslItemDraft): Identity {
  const head = nameHead(item.author) || nameHead(item.editor)
  const parts = titleParts(item.title ?? '')
  const main = titleForm(parts.main)
  const volume = numberForm(item.volume) ?? parts.volume
  const issued = item.issued ? normalizeDate(item.issued) : undefined
  const facts: WorkFacts = {kind: 'work'}
  if (parts.subtitle) facts.subtitle = titleForm(parts.subtitle)
  if (volume) facts.volume = volume
  const year = yearOf(issued)
  if (year !== undefined) facts.year = year
  const date = datedTypes.has(item.type) ? isoOf(issued) : undefined
  if (date) facts.date = date
  const container = titleForm(item['container-title'] ?? '')
  if (container) facts.container = container
  let key: string
  if (main) key = `w|${head}|${main}`
  else key = `c|${head}|${container}|${volume ?? ''}|${numberForm(item.issue) ?? ''}|${year ?? ''}`
  return {keys: [key], facts, signature: [key, facts.subtitle, volume, year].join('|')}
}

/** Folio ranges of a printed folio list (`87-91`, `132-33`, `22 ff.`, `1 - 21, 30`). */
export function folioRanges(printed: string | undefined): Array<[number, number]> {
  if (!printed) return []
  const ranges: Array<[number, number]> = []
  for (const part of printed.split(/[,;]|\band\b/)) {
    // `45a`, `45 ob.`, `45 об.` (verso) are folio 45.
    const match = /(\d+)(?:[a-z]\b|\s*(?:ob|об)\.?)?(?:\s*[-–]\s*(\d+))?(\s*ff\.?)?/i.exec(part)
    if (!match?.[1]) continue
    const start = Number(match[1])
    let end = start
    if (match[2]) {
      end = Number(fullEnd(match[1], match[2]))
    } else if (match[3]) {
      end = Number.POSITIVE_INFINITY
    }
    ranges.push([start, Math.max(start, end)])
  }
  return ranges
}

function unit(value: string | undefined): string {
  return value === undefined ? '' : asciiFold(value).replace(/[^a-z0-9]+/g, '')
}

/** The archival structure of a citation, from the citation's own record or its item. */
export function archivalOf(citation: ParsedCitation): ArchivalDocument {
  const fromItem = citation.item.custom?.archival ?? {}
  const archival: ArchivalDocument = {...fromItem, ...citation.archival}
  if (!archival.archive && citation.item.archive) archival.archive = citation.item.archive
  return archival
}

function documentIdentity(citation: ParsedCitation): Identity {
  const archival = archivalOf(citation)
  const item = citation.item
  const issued = item.issued ? normalizeDate(item.issued) : undefined
  const day = dayOf(archival.docDate) ?? dayOf(isoOf(issued))
  // A file: a fond (with its opis and delo), or a shelfmark in an archive without fonds.
  const hasFile = archival.fond !== undefined || archival.shelfmark !== undefined
  const file = hasFile ? [archival.archive, archival.fond ?? archival.shelfmark, archival.opis, archival.delo].map(unit).join('|') : undefined
  const folios = folioRanges(archival.folios ?? (citation.label === 'folio' ? citation.locator : undefined))
  const from = correspondentHead(archival.from ?? item.custom?.sender)
  const to = correspondentHead(archival.to)
  const title = titleForm(item.title ?? '')
  const sdCode = archival.sdCode ? archival.sdCode.replace(/\s+/g, '').toUpperCase() : undefined

  const facts: DocumentFacts = {kind: 'archival', folios}
  if (file) facts.file = file
  if (archival.papka) facts.papka = unit(archival.papka)
  if (sdCode) facts.sdCode = sdCode
  if (day) facts.day = day
  if (from) facts.from = from
  if (to) facts.to = to

  const keys: string[] = []
  if (sdCode) keys.push(`sd|${sdCode}`)
  if (file) for (const [start, end] of folios) keys.push(`folio|${file}|${start}-${end}`)
  if (title) keys.push(`title|${day ?? archival.docDate ?? ''}|${title}`)
  if (day && from && to) keys.push(`pair|${day}|${from}|${to}`)
  if (day && from) keys.push(`from|${day}|${from}`)
  if (day && to) keys.push(`to|${day}|${to}`)
  const describes = Boolean(title || day || from || to || folios.length > 0 || sdCode || archival.description)
  // A reference to a whole file (or fond, or opis) is the same item wherever it is cited.
  if (file && !describes) keys.push(`file|${file}`)
  if (keys.length === 0) keys.push(`text|${comparable(citation.text)}`)
  return {keys, facts, signature: [file, sdCode, day, from, to, title, keys[0]].join('|')}
}

/** The identity of a citation that stands for itself (not an Ibid. or short form that resolves). */
export function identityOf(citation: ParsedCitation): Identity {
  if (citation.unparsed) {
    const key = `unparsed|${comparable(citation.text)}`
    return {keys: [key], facts: {kind: 'unparsed'}, signature: key}
  }
  return isArchival(citation) ? documentIdentity(citation) : workIdentity(citation.item)
}

function agree<T>(a: T | undefined, b: T | undefined): boolean {
  return a === undefined || b === undefined || a === b
}

function overlap(a: Array<[number, number]>, b: Array<[number, number]>): boolean {
  if (a.length === 0 || b.length === 0) return true
  return a.some(([startA, endA]) => b.some(([startB, endB]) => startA <= endB && startB <= endA))
}

/** Whether two sets of facts can describe the same thing. */
export function compatible(a: Facts, b: Facts): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'work' && b.kind === 'work') {
    return agree(a.subtitle, b.subtitle) && agree(a.volume, b.volume) && agree(a.year, b.year) &&
      sameAsFarAsGiven(a.date, b.date) && agree(a.container, b.container)
  }
  if (a.kind === 'archival' && b.kind === 'archival') {
    const sameFile = a.file !== undefined && a.file === b.file
    return agree(a.file, b.file) && agree(a.papka, b.papka) && agree(a.sdCode, b.sdCode) &&
      agree(a.day, b.day) && agree(a.from, b.from) && agree(a.to, b.to) &&
      (!sameFile || overlap(a.folios, b.folios))
  }
  return true
}

/** The facts of a merged group: what either side knows. */
export function combine(a: Facts, b: Facts): Facts {
  if (a.kind === 'work' && b.kind === 'work') {
    return {
      kind: 'work',
      subtitle: a.subtitle ?? b.subtitle,
      volume: a.volume ?? b.volume,
      year: a.year ?? b.year,
      date: a.date !== undefined && b.date !== undefined ? (a.date.length >= b.date.length ? a.date : b.date) : a.date ?? b.date,
      container: a.container ?? b.container
    }
  }
  if (a.kind === 'archival' && b.kind === 'archival') {
    return {
      kind: 'archival',
      file: a.file ?? b.file,
      papka: a.papka ?? b.papka,
      sdCode: a.sdCode ?? b.sdCode,
      day: a.day ?? b.day,
      folios: [...a.folios, ...b.folios],
      from: a.from ?? b.from,
      to: a.to ?? b.to
    }
  }
  return a
}
