/**
 * Archival citations: a description of the document (sender, recipient, genre, title, date)
 * followed by its place in an archive: archive, fond, opis, delo, papka, folios, in any of
 * the spellings historians use (`Fond 0430`, `F. 059a`, `Fond (F.) 45`, `f. R-5446`), or a
 * document-collection code (`SD00245`).
 */
import type {ArchivalDocument} from '../shared/types/citation.js'
import type {CslItemDraft} from '../shared/types/csl.js'
import {commentary} from '../shared/prose.js'
import {type Archive, archiveAcronyms, archiveByAcronym, archives, findArchiveName} from './archives.js'
import {cslDate, findDate} from './dates.js'
import {leadingGenre} from './genres.js'
import {normalizeRange, numberList} from './locator.js'
import {isNameList, namesOf} from './names.js'
import {closingRepository, repositoryLocation} from './repositories.js'
import {findQuoted, stripOuter} from './text.js'
import {splitTopLevel} from './title-parts.js'
import {isUnknownAuthor} from '../shared/vocabulary/anonymous.js'
import {escapeRegExp} from '../shared/regexp.js'

/** Abbreviations an author defined with “[hereafter X]” or “(henceforth X)”. */
export type ArchiveAliases = Map<string, Archive>

/** What the previous archival citation of the note said, for `also Fond 07, …`. */
export interface ArchivalContext {
  archive?: string
  aliases: ArchiveAliases
}

interface Unit {
  key: 'fond' | 'opis' | 'delo' | 'papka' | 'folios'
  pattern: RegExp
}

type UnitValues = Partial<Record<Unit['key'] | 'shelfmark', string>>

/** Units in the order they are printed; each anchored where the previous one ended. */
const units: Unit[] = [
  {key: 'fond', pattern: /(?:Fond|F\.|f\.|fond|Фонд|фонд|Ф\.|ф\.)\s*(?:\(F\.\)\s*)?((?:[A-ZР]-)?\d+[\w\p{L}]*(?:\s+[A-Z]{2,4}\b)?|[IVX]+\s+[A-Z]{2,4}\b|[A-Z][\p{L}-]*(?:\s+[\p{Ll}-]+){0,3})(?:\s*\(([^()]{1,80})\))?/uy},
  {key: 'opis', pattern: /(?:Opis|Op\.|op\.|opis|Опись|опись|Оп\.|оп\.)\s*(?:\(Op\.\)\s*)?(\d+[\p{L}]*)/uy},
  {key: 'delo', pattern: /(?:Delo|D\.|d\.|delo|Дело|дело|Д\.|д\.)\s*(?:\(D\.\)\s*)?(\d+[\p{L}]*(?:(?:\s*,\s*|\s+and\s+)\d+[\p{L}]*(?![.\p{L}\d]))*)/uy},
  {key: 'papka', pattern: /(?:Papka|Pap\.\s*\(Papka\)|Pap\.|papka|pap\.|P\.|Папка|папка|П\.|п\.)\s*(\d+[\p{L}]*)/uy},
  {key: 'folios', pattern: new RegExp(`(?:\\(L\\.\\)\\s*)?([Ll]isty|[Ll]ist|[Ll]l\\.|L\\.|l\\.|11\\.|1\\.|[Лл]исты|[Лл]ист|[Лл]л\\.|[Лл]\\.)\\s*(${numberList})`, 'uy')}
]

const acronymPattern = new RegExp(
  `(?<![\\p{L}])(${archiveAcronyms.map((alias) => alias.replace(/\s+/g, '\\s*')).join('|')})(?![\\p{L}])`,
  'u'
)

// Matches start only where a blank run starts, so long runs of blanks stay linear.
const ibidFolios = /(?:,\s*|(?<![\s,])\s*)\*?(?:\b(?:[Ii]bid(?:em)?|[Ee]bd|[Ee]bda|[Ee]benda)\b|(?<![\p{L}])[Тт]ам\s+же(?![\p{L}]))\.?\*?[,.]?\s*(?=(?:\(L\.\)\s*)?(?:Listy|List|Ll\.|ll\.|L\.|l\.|11\.|1\.|[Лл]исты|[Лл]ист|[Лл]л\.|[Лл]\.|Bll?\.|fols?\.)\s*\d)/u

/** Folios of an archive without fonds after `ibid.`: `Ebd., Bl. 9`, `ibid., fol. 4v`. */
const westernFolios = new RegExp(`(Bll?\\.|fols?\\.)\\s*(${numberList})(?:[rv](?![\\p{L}]))?`, 'uy')

const sdPattern = /\bSD\d{3,6}(?:\s*,\s*SD\d{3,6})*/

const fondStart = /(?<![\p{L}])(?:Fond|F\.|f\.|Фонд|фонд|Ф\.|ф\.)\s*(?:\(F\.\)\s*)?(?:[A-ZР]-)?[\dIVX]/u

const definition = /^\s*(?:\[\s*(?:hereafter|henceforth)\s+([^\]]+?)\s*\]|\(\s*(?:hereafter|henceforth)\s+([^)]+?)\s*\)|\((\p{Lu}[\p{L} ]{1,12})\))\s*,?/iu

export interface ArchivalParse {
  item: CslItemDraft
  archival: ArchivalDocument
  locator?: string
  /** Where the citation ends in the text (commentary may follow). */
  end: number
  /** The description carries `ibid.` in place of a location. */
  ibid: boolean
}

/** The patterns of the aliases notes define (`hereafter AVP`), made once for each. */
const aliasPatterns = new Map<string, RegExp>()

/** An alias as a word of its own (not inside a longer word). */
function aliasPattern(name: string): RegExp {
  let pattern = aliasPatterns.get(name)
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'u')
    aliasPatterns.set(name, pattern)
  }
  return pattern
}

/** Where the archival location starts, and which archive it names. */
function locate(text: string, context: ArchivalContext): {start: number; body: number; archive?: Archive; printed?: string; unlisted?: string} | undefined {
  const named = findArchiveName(text)
  const acronym = acronymPattern.exec(text)
  let alias: {start: number; end: number; archive: Archive} | undefined
  for (const [name, archive] of context.aliases) {
    const at = aliasPattern(name).exec(text)
    if (at && (!alias || at.index < alias.start)) alias = {start: at.index, end: at.index + at[0].length, archive}
  }
  const candidates: Array<{start: number; end: number; archive: Archive}> = []
  if (named) candidates.push(named)
  if (acronym?.[1]) {
    const archive = archiveByAcronym(acronym[1])
    if (archive) candidates.push({start: acronym.index, end: acronym.index + acronym[0].length, archive})
  }
  if (alias) candidates.push(alias)
  const fond = fondStart.exec(text)
  candidates.sort((a, b) => a.start - b.start)
  const first = candidates[0]
  if (first && (!fond || first.start <= fond.index)) {
    // The archive is the one the location belongs to: it must precede the fond closely.
    if (!fond || fond.index - first.end < 400) {
      let body = first.end
      const defined = definition.exec(text.slice(body))
      if (defined) {
        const name = (defined[1] ?? defined[2] ?? defined[3] ?? '').trim()
        if (name && !archiveByAcronym(name)) context.aliases.set(name, first.archive)
        body += defined[0].length
      }
      // A gloss after the name: `Storage Center … (post-1952 Central Committee Archive)`.
      const gloss = /^\s*\([^()]{1,120}\)\s*,?/.exec(text.slice(body))
      if (gloss) body += gloss[0].length
      return {start: first.start, body, archive: first.archive, printed: text.slice(first.start, body).replace(/[\s,]+$/, '')}
    }
  }
  if (!fond) return undefined
  // An archive the table does not list, by its acronym right before the fond (`ЦГАМО, ф. 2157`, `GAKO, f. 12`).
  const unlisted = unlistedAcronym.exec(text.slice(0, fond.index))
  if (unlisted?.[1]) return {start: unlisted.index + unlisted[0].indexOf(unlisted[1]), body: fond.index, printed: unlisted[1], unlisted: unlisted[1]}
  return {start: fond.index, body: fond.index}
}

/** An archive's acronym (capitals, perhaps a short second word: `ЦГА СПб`, `DAKO`) ending the text before a fond. */
const unlistedAcronym = /(?:^|[\s,;:(])(\p{Lu}{3,8}(?:\s\p{Lu}[\p{Lu}\p{Ll}]{0,3})?)[\s,.:]*$/u

/** Parse the location units from `position`; returns the units and where they end. */
function readUnits(text: string, position: number): {values: Partial<Record<Unit['key'], string>>; printed: Partial<Record<Unit['key'], string>>; fondName?: string; end: number} {
  const values: Partial<Record<Unit['key'], string>> = {}
  const printed: Partial<Record<Unit['key'], string>> = {}
  let fondName: string | undefined
  let at = position
  let end = position
  let progressed = true
  while (progressed) {
    progressed = false
    // `Ф. 17. Оп. 3. Д. 45`: units may be set as sentences.
    const gap = /[\s,.)\]]*/y
    gap.lastIndex = at
    gap.exec(text)
    const start = gap.lastIndex
    for (const unit of units) {
      if (values[unit.key] !== undefined) continue
      unit.pattern.lastIndex = start
      const match = unit.pattern.exec(text)
      if (!match) continue
      if (unit.key === 'folios') {
        values.folios = normalizeRange(match[2] ?? '')
      } else {
        values[unit.key] = (match[1] ?? '').trim().replace(/\s+/g, ' ')
        if (unit.key === 'fond' && match[2]) fondName = match[2]
      }
      printed[unit.key] = match[0]
      at = unit.pattern.lastIndex
      end = at
      progressed = true
      break
    }
  }
  return {values, printed, fondName, end}
}

/** A correspondent: the words up to a comma, a date or what the document is about. */
const bounded = '([^,;“"]+?)(?=\\s*(?:,|;|$|\\s+on\\s+\\d|\\s+\\d{1,2}\\s+\\p{L}+\\s+\\d{4}|\\s+(?:about|regarding|titled|with)\\s|\\s+of\\s(?!\\p{Lu})))'
const fromAndTo = new RegExp(`\\bfrom\\s+([^,;“"]+?)\\s+to\\s+${bounded}`, 'u')
const senderTo = new RegExp(`^(\\p{Lu}[^,;“"]*?)\\s+to\\s+${bounded}`, 'u')
const genreFromTo = new RegExp(`^\\s+(?:(?:from|von|de|du|di|da|del|dal|dello|della|от)\\s+|d[’'])([^,;“"]+?)\\s+(?:to|an|à|au|aux|a|al|alla|allo|к)\\s+${bounded}`, 'u')
const fromOnly = new RegExp(`\\bfrom\\s+${bounded}`, 'u')
const toOnly = new RegExp(`\\bto\\s+${bounded}`, 'u')

/**
 * `from X to Y`, `X to Y`, `report to Y`: sender and recipient of a document, without the places
 * printed in brackets after them (`Stone (Berlin) to Foreign Office (London)`).
 */
function correspondents(description: string): {from?: string; to?: string} {
  const plain = description.replace(/\[[^\]]*\]/g, ' ').replace(/(?<!\s)\s+\([^()]*\)/g, '').replace(/\s+/g, ' ').trim()
  const both = fromAndTo.exec(plain)
  if (both) return {from: both[1]?.trim(), to: both[2]?.trim()}
  const genre = leadingGenre(plain)
  // `Lettre de X à Y`, `Brief von X an Y`, `Lettera di X a Y`: the sender and recipient after the kind.
  const named = genre ? genreFromTo.exec(plain.slice(genre.end)) : null
  if (named) return {from: named[1]?.trim(), to: named[2]?.trim()}
  if (!genre) {
    const direct = senderTo.exec(plain)
    if (direct) return {from: direct[1]?.trim(), to: direct[2]?.trim()}
  }
  const from = fromOnly.exec(plain)
  const to = toOnly.exec(plain)
  const out: {from?: string; to?: string} = {}
  if (from?.[1]) out.from = from[1].trim()
  if (to?.[1] && (!from || (to.index ?? 0) > (from.index ?? 0))) out.to = to[1].trim()
  return out
}

/**
 * A document's title when the citation names it by its genre: `Telegram from X to Y`,
 * `The Soviet Politburo Resolution`, `Record of Conversation between …` (a capitalized
 * genre, or a genre followed by its sender), brackets of editorial insertions removed.
 */
function documentTitle(head: string, genre: {genre: string; end: number} | undefined): string | undefined {
  if (!genre || genre.end > 40) return undefined
  const plain = stripOuter(head.replace(/\[[^\]]*\]/g, ' ').replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' '))
  const direct = /^\s*from\s/.test(plain.slice(genre.end))
  if (!direct && !/^\p{Lu}/u.test(plain)) return undefined
  return direct ? plain : plain.replace(/\s+from\s+[^,]+$/, '')
}

/** Is there an archival location (or a document code, or `ibid.` with folios) in this citation? */
export function hasArchivalLocation(text: string, context: ArchivalContext): boolean {
  return hasFondLocation(text, context) || repositoryLocation(text) !== undefined
}

/** Is there a location in fonds (or a document code, or `ibid.` with folios) in this citation? */
export function hasFondLocation(text: string, context: ArchivalContext): boolean {
  if (sdPattern.test(text) || ibidFolios.test(text)) return true
  const place = locate(text, context)
  if (!place) return false
  const {values, printed} = readUnits(text, place.body)
  return !isNoFond(values, printed, place.archive) && (values.fond !== undefined || (place.archive !== undefined && values.opis !== undefined))
}

/**
 * `Lorenz, F. 1997:` is an author's initial and a year, not fond 1997: a fond printed as a
 * capital `F.`, with no archive named and no other unit after it, is no archival location; nor
 * is a lone `f. 23v` or `f. 3` with no archive named, a folio.
 */
function isNoFond(values: Partial<Record<Unit['key'], string>>, printed: Partial<Record<Unit['key'], string>>, archive: unknown): boolean {
  if (values.fond === undefined || Object.keys(values).some((key) => key !== 'fond')) return false
  // `…, leg. 1530, f. 23v`: a folio (recto or verso) of a Spanish or Portuguese bundle, no fond.
  if (/^f\.\s*\d+[rv]$/.test(printed.fond ?? '')) return true
  if (archive !== undefined) return false
  // A lone `f. 3` with no archive named: a folio (or an Italian fascicolo), no fond.
  if (/^f\.\s*\d+$/.test(printed.fond ?? '')) return true
  return /^F\.\s*(?:1[5-9]\d\d|20\d\d)\b/.test(printed.fond ?? '')
}

/**
 * Parse an archival citation; undefined when it holds no location, unless `bare` asks for a
 * document described without one.
 */
export function parseArchival(text: string, context: ArchivalContext, bare = false): ArchivalParse | undefined {
  const place = locate(text, context)
  const sd = sdPattern.exec(text)
  let values: UnitValues = {}
  let printedUnits: UnitValues = {}
  let fondName: string | undefined
  let start: number
  let end: number
  let archive: string | undefined
  let archivePrinted: string | undefined
  const read = place && (!sd || place.start < sd.index) ? readUnits(text, place.body) : undefined
  const fonds = read !== undefined && place !== undefined && (read.values.fond !== undefined || read.values.opis !== undefined || read.values.delo !== undefined) && !isNoFond(read.values, read.printed, place.archive)
  // A document described in full and then only its repository (`…, 3 May 1701, Riksarkivet, Stockholm`).
  const repository = fonds || sd ? undefined : repositoryLocation(text) ?? (bare && findDate(text) ? closingRepository(text) : undefined)
  if (place && read && fonds) {
    values = read.values
    printedUnits = read.printed
    fondName = read.fondName
    end = read.end
    // An acronym the table does not list names the archive only before a file's units, not before a lone fond.
    const unlisted = place.unlisted !== undefined && (values.opis !== undefined || values.delo !== undefined) ? place.unlisted : undefined
    const named = place.unlisted === undefined || unlisted !== undefined
    start = named ? place.start : place.body
    archive = place.archive?.acronym ?? unlisted ?? context.archive
    if (named) archivePrinted = place.printed
  } else if (repository) {
    start = repository.start
    end = repository.end
    archive = repository.archive
    archivePrinted = repository.printed
    fondName = repository.collection
    if (repository.shelfmark) printedUnits.shelfmark = repository.shelfmark
    if (repository.folios) {
      values.folios = repository.folios
      printedUnits.folios = `${repository.folioCue ?? ''} ${repository.folios}`.trim()
    }
  } else if (sd) {
    start = sd.index
    end = sd.index + sd[0].length
  } else if (ibidFolios.test(text)) {
    // `…, *ibid.*, l. 11-17`: the file of the previous citation, new folios.
    const match = ibidFolios.exec(text)
    start = match?.index ?? text.length
    const read = readUnits(text, start + (match?.[0].length ?? 0))
    values = read.values
    printedUnits = read.printed
    end = read.end
    westernFolios.lastIndex = start + (match?.[0].length ?? 0)
    const folios = values.folios === undefined ? westernFolios.exec(text) : null
    if (folios) {
      values.folios = normalizeRange(folios[2] ?? '')
      printedUnits.folios = folios[0]
      end = westernFolios.lastIndex
    }
  } else if (bare) {
    // A document cited without a location (it is printed in the next citation).
    start = text.length
    end = text.length
  } else {
    return undefined
  }
  if (archive) context.archive = archive

  let description = text.slice(0, start).replace(/(?<![\s,.:;])[\s,.:;]+$/, '')
  // A location that opens the citation (`TNA, FO 371/1234, minute by …, 3 May 1931`): the document is described after it, unless that is the note's commentary.
  if (repository?.leading && description.trim() === '') {
    const tail = text.slice(end).replace(/(?<![\s,.:;])[\s,.:;]+$/, '')
    const after = tail.replace(/^[\s,.:;]+/, '')
    if (after && !commentary(after)) {
      description = after
      end += tail.length
    }
  }
  // `1951 г.`, `1950–1951 гг.`: the year's abbreviation keeps its period.
  if (/(?:^|[\s\d])гг?$/u.test(description) && text.charAt(description.length) === '.') description += '.'
  let ibid = values.fond === undefined && values.folios !== undefined && !sd && !place && !repository
  const ibidTail = /(?:,\s*|(?<![\s,])\s*)\*?\b[Ii]bid\.?\*?,?$/.exec(description)
  if (ibidTail) {
    ibid = true
    description = description.slice(0, ibidTail.index).replace(/(?<![\s,.:;])[\s,.:;]+$/, '')
  }
  // The location of a document printed as “…, in AVP RF, …”.
  description = description.replace(/(?<!\s)\s+in$/, '')
  // The note's commentary before the location (`Orlov promised to rebuild the pier “…”: GARF,
  // f. 5, …`) describes no document: no title, kind, correspondent or date is read from it, and
  // the document is known by its archive and location. The commentary stays in the note.
  if (description && commentary(description)) {
    if (bare) return undefined
    description = ''
  }

  const archival: ArchivalDocument = {}
  if (archive) archival.archive = archive
  if (values.fond !== undefined) archival.fond = values.fond
  if (values.opis !== undefined) archival.opis = values.opis
  if (values.delo !== undefined) archival.delo = values.delo
  if (values.papka !== undefined) archival.papka = values.papka
  if (printedUnits.shelfmark !== undefined) archival.shelfmark = printedUnits.shelfmark
  if (values.folios !== undefined) archival.folios = values.folios
  // A collection code printed beside (not inside) the location.
  if (sd && (sd.index < start || sd.index >= end || !place)) archival.sdCode = sd[0].replace(/\s+/g, ' ')

  const asPrinted: NonNullable<ArchivalDocument['asPrinted']> = {}
  if (archivePrinted) asPrinted.archive = archivePrinted
  for (const key of ['fond', 'opis', 'delo', 'papka', 'shelfmark'] as const) {
    const printed = printedUnits[key]
    if (printed) asPrinted[key] = printed.trim()
  }
  if (printedUnits.folios) asPrinted.folios = printedUnits.folios.trim()
  if (Object.keys(asPrinted).length > 0) archival.asPrinted = asPrinted

  const item: CslItemDraft = {type: 'document'}
  const found = findDate(description)
  // `a letter … written 28 March 1945`: the date of a document mentioned, not of this one.
  const date = found && /\b(?:written|dated)\s+(?:on\s+)?$/.test(description.slice(0, found.start)) ? undefined : found
  let head = description
  if (date) {
    if (date.iso) archival.docDate = date.iso
    item.issued = cslDate(date.text)
    head = description.slice(0, date.start).replace(/(?<![\s,.:;])[\s,.:;]+$/, '').replace(/(?<!\s)\s+(?:on|of|dated|written|vom|am|du|le|del|dal|от)$/u, '')
  } else {
    const year = /\b(?:during|in)\s+(\d{4})\b/.exec(description)
    if (year?.[1]) {
      archival.docDate = year[1]
      item.issued = {'date-parts': [[Number(year[1])]], raw: year[1]}
    }
  }
  const quoted = findQuoted(description.replace(/[“"]([^”"]{1,30})[”"](?=\s+(?:report|telegram|letter|memorandum|document|cable)s?\b)/gi, '$1'))
  const genre = leadingGenre(head)
  if (genre) archival.genre = genre.genre
  const {from, to} = correspondents(quoted ? description.slice(0, quoted.start) : head)
  if (quoted) {
    item.title = quoted.all.join('; ')
    const before = description.slice(0, quoted.start).replace(/[\s,]+$/, '')
    const sender = before.replace(/,?\s*(?:reports?|report)\s+titled$|,?\s*titled$/, '')
    if (sender && !leadingGenre(sender) && !isUnknownAuthor(sender)) archival.from = from ?? sender
    else if (from) archival.from = from
    const lead = sender.split(',')[0]?.trim() ?? ''
    // `Memorandum, "Harbor Dues," …`: a genre before the title is no author.
    if (lead && isNameList(lead) && !leadingGenre(lead)) item.author = namesOf(lead)
    else if (from && isNameList(from.replace(/^(?:General|Gen\.|Marshal|Comrade)\s+/, ''))) item.author = namesOf(from.replace(/^(?:General|Gen\.|Marshal|Comrade)\s+/, ''))
  } else {
    if (from) archival.from = from
    const title = documentTitle(head, genre)
    if (title) item.title = title
    else if (repository && !from && !to && head) {
      // `Richard Hollis, diary entry, 3 June 1790, MS 1123, …`: the writer, then what the document is.
      const [lead = '', ...rest] = splitTopLevel(stripOuter(head))
      if (rest.length > 0 && isNameList(lead)) {
        item.author = namesOf(lead)
        item.title = stripOuter(rest.join(', '))
      } else item.title = stripOuter(head)
    }
  }
  if (to) archival.to = to
  if (description) archival.description = description
  if (fondName) item['archive_collection'] = fondName

  // A location printed in Cyrillic (`ГАРФ, ф. 5446, оп. 1`) is given in Cyrillic; the
  // normalized acronym stays in `custom.archival`, so both scripts name one archive.
  const cyrillic = Object.values(asPrinted).some((printed) => /\p{Script=Cyrillic}/u.test(printed))
  const abbreviations = cyrillic ? ['ф.', 'оп.', 'д.', 'п.'] : ['f.', 'op.', 'd.', 'p.']
  if (archive) item.archive = repository?.printed ?? (cyrillic ? (archiveByAcronym(archive)?.cyrillic ?? archive) : archive)
  const location = (['fond', 'opis', 'delo', 'papka'] as const)
    .map((key, position) => (archival[key] !== undefined ? `${abbreviations[position]} ${archival[key]}` : undefined))
    .filter((part): part is string => part !== undefined)
  if (archival.shelfmark !== undefined) location.push(archival.shelfmark)
  if (location.length > 0) item['archive_location'] = location.join(', ')
  if (repository?.place) item['archive-place'] = repository.place
  const custom: Record<string, string> = {}
  for (const key of ['archive', 'fond', 'opis', 'delo', 'papka', 'sdCode', 'shelfmark'] as const) {
    const value = archival[key]
    if (value !== undefined) custom[key] = value
  }
  item.custom = {archival: custom}
  if (archival.from) item.custom.sender = archival.from

  const result: ArchivalParse = {item, archival, end, ibid}
  if (archival.folios !== undefined) result.locator = archival.folios
  return result
}

/** Fond numbers that look wrong for the archive named (e.g. a Presidential Archive fond in AVP RF). */
export function suspiciousFond(archival: ArchivalDocument): boolean {
  const archive = archives.find((entry) => entry.acronym === archival.archive)
  return Boolean(archive?.foreignFonds && archival.fond && archive.foreignFonds.test(archival.fond))
}
