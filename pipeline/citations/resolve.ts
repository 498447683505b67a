/**
 * Resolve Ibid., short forms and op. cit. within a document: an Ibid. refers to the nearest
 * preceding citation of a work; a short form to the first full citation of the same work
 * (author and title words), or, failing that, to a later full citation (reported) or to the
 * first identical short form.
 */
import type {CitationRef, ParsedCitation} from '../shared/types/citation.js'
import type {CslItemDraft, CslName} from '../shared/types/csl.js'
import {idemWords} from './pointers.js'

export type Problem = 'ibid-unresolved' | 'ibid-ambiguous' | 'short-form-unresolved' | 'short-form-forward'

export interface Candidate {
  citation: ParsedCitation
  /** The grammar found no publication facts: a short form if something matches it. */
  incomplete: boolean
  opCit: boolean
}

const stopWords = new Set([
  'the', 'of', 'and', 'a', 'an', 'in', 'on', 'to', 'for', 'from', 'with', 'about', 'vol', 'vols',
  'volume', 'part', 'at', 'by', 'its', 'his', 'her', 'their'
])

/** Significant lower-case words of a title. */
export function titleWords(value: string | undefined): string[] {
  if (!value) return []
  return value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !stopWords.has(word) && !/^[ivxlc]+$/.test(word))
}

function nameWords(names: CslName[] | undefined): Set<string> {
  const out = new Set<string>()
  for (const name of names ?? []) {
    for (const part of [name.family, name.given, name.literal]) {
      for (const word of titleWords(part)) out.add(word)
    }
  }
  return out
}

function firstVolume(item: CslItemDraft): string | undefined {
  return item.volume?.split(/\s+and\s+|,/)[0]?.trim()
}

function workWords(item: CslItemDraft): Set<string> {
  const words = new Set(titleWords(item.title))
  const translation = item.custom?.['titleTranslation']
  if (typeof translation === 'string') for (const word of titleWords(translation)) words.add(word)
  if (!item.title) for (const word of titleWords(item['container-title'])) words.add(word)
  return words
}

/** The words a short form is matched by. */
interface ShortWords {
  /** Words of the first name's family (or literal) name, when it names anyone. */
  family?: string[]
  title: string[]
  volume?: string
}

/** The words a full citation is matched by. */
interface FullWords {
  names: Set<string>
  /** Words of the first author's and the first editor's names: a short form names the first. */
  leading: Set<string>
  work: Set<string>
  volume?: string
}

function shortWords(short: CslItemDraft): ShortWords {
  const names = short.author ?? short.editor
  const family = names?.length ? titleWords(names[0]?.family ?? names[0]?.literal) : undefined
  return {family, title: titleWords(short.title ?? short['container-title']), volume: firstVolume(short)}
}

function fullWords(full: CslItemDraft): FullWords {
  return {names: nameWords([...(full.author ?? []), ...(full.editor ?? [])]), leading: nameWords([full.author?.[0], full.editor?.[0]].filter((name) => name !== undefined)), work: workWords(full), volume: firstVolume(full)}
}

/** How well a short form matches a full citation (0 when it does not). */
export function matchScore(short: CslItemDraft, full: CslItemDraft): number {
  return score(shortWords(short), fullWords(full))
}

function score(short: ShortWords, full: FullWords): number {
  const {family, title: words} = short
  if (family && (family.length === 0 || !family.every((word) => full.leading.has(word)))) return 0
  if (words.length === 0) return family ? 0.5 : 0
  const shared = words.filter((word) => full.work.has(word)).length / words.length
  if (!family && shared < 1) return 0
  if (shared < 0.5) return family ? 0.1 : 0
  if (short.volume && full.volume && short.volume !== full.volume) return shared * 0.5
  return shared
}

function ref(citation: ParsedCitation): CitationRef {
  return {note: citation.note, index: citation.index}
}

/** Archival documents without a location cannot be what an Ibid. refers to: they are cited in it. */
function isBareDocument(citation: ParsedCitation): boolean {
  return citation.archival !== undefined && citation.archival.fond === undefined && citation.archival.archive === undefined
}

/**
 * `Hollis, *Harbour Papers*, 2:40` after a full citation of volume 1 (`1:33`): the entry is the
 * work as first cited, so the volume this occurrence cites goes with its page (`2:40`).
 */
function citeVolume(citation: ParsedCitation, target: ParsedCitation, byRef: ReadonlyMap<string, ParsedCitation>): void {
  // `Ibid., 44` cites the volume of the citation before it.
  const volume = citation.item.volume ?? (citation.ibid ? target.item.volume : undefined)
  let root = target
  for (let step = 0; step < 50 && root.resolvesTo && (root.ibid || root.shortForm); step++) {
    const next = byRef.get(`${root.resolvesTo.note}.${root.resolvesTo.index}`)
    if (!next || next === root) break
    root = next
  }
  if (!volume || !root.item.volume || volume === root.item.volume || !citation.locator || citation.locator.includes(':')) return
  citation.locator = `${volume}:${citation.locator}`
}

/** Resolve every Ibid. and short form in place; returns the problems found. */
export function resolveCitations(candidates: Candidate[]): Array<{citation: ParsedCitation; problem: Problem}> {
  const problems: Array<{citation: ParsedCitation; problem: Problem}> = []
  const full: ParsedCitation[] = []
  const firstShort: ParsedCitation[] = []
  const holders = new Set<ParsedCitation>()
  // Notes with a document described without a location so far; a citation is final once passed.
  const bareNotes = new Set<number>()
  // Each full citation is compared with every short form after it: its words are kept.
  const known = new WeakMap<CslItemDraft, FullWords>()
  const wordsOf = (item: CslItemDraft): FullWords => {
    let words = known.get(item)
    if (!words) known.set(item, (words = fullWords(item)))
    return words
  }
  const byRef = new Map(candidates.map(({citation}) => [`${citation.note}.${citation.index}`, citation]))
  const byNote = new Map<number, Candidate[]>()
  for (const candidate of candidates) {
    const inNote = byNote.get(candidate.citation.note)
    if (inNote) inNote.push(candidate)
    else byNote.set(candidate.citation.note, [candidate])
  }
  for (const [position, candidate] of candidates.entries()) {
    const {citation} = candidate
    const previous = candidates[position - 1]?.citation
    if (previous && !citation.ibid && sameAuthors.test(citation.text)) sameAuthorsAs(citation, previous, byRef)
    if (previous && isBareDocument(previous)) bareNotes.add(previous.note)
    // Citations after a document described without a location print that document.
    const printsDocument = bareNotes.has(citation.note)
    if (printsDocument) holders.add(citation)
    // Resolved against the reference list already.
    if (citation.resolvesTo) continue
    if (citation.ibid) {
      const archival = citation.archival !== undefined
      let target: ParsedCitation | undefined
      for (let back = position - 1; back >= 0; back--) {
        const previous = candidates[back]?.citation
        // An Ibid. refers to a note's citation, never to the reference list or the body text.
        if (!previous || previous.unparsed || previous.place) continue
        // `Telegram …, 16 June 1950. Ibid.`: the Ibid. is the last publication that printed documents.
        if (printsDocument && !holders.has(previous)) continue
        if (archival ? previous.archival?.fond !== undefined || previous.archival?.shelfmark !== undefined : !isBareDocument(previous)) {
          target = previous
          break
        }
      }
      citation.resolvesTo = target ? ref(target) : null
      if (!target) problems.push({citation, problem: 'ibid-unresolved'})
      else {
        inherit(citation, target)
        citeVolume(citation, target, byRef)
        // Chicago forbids an Ibid. after a note that cites several works: it is read as the last of them, and reported.
        if (target.note !== citation.note && worksInNote(byNote.get(target.note) ?? []) > 1) problems.push({citation, problem: 'ibid-ambiguous'})
      }
      continue
    }
    if (candidate.incomplete && !citation.unparsed) {
      const earlier = best(citation.item, full, wordsOf)
      if (earlier) {
        citation.shortForm = true
        citation.resolvesTo = ref(earlier)
        citeVolume(citation, earlier, byRef)
        continue
      }
      const later = best(
        citation.item,
        candidates.slice(position + 1).filter((entry) => !entry.incomplete && !entry.citation.ibid && !entry.citation.unparsed).map((entry) => entry.citation),
        wordsOf
      )
      if (later) {
        citation.shortForm = true
        citation.resolvesTo = ref(later)
        citeVolume(citation, later, byRef)
        problems.push({citation, problem: 'short-form-forward'})
        continue
      }
      const twin = firstShort.find((entry) => sameShortForm(entry.item, citation.item))
      if (twin) {
        citation.shortForm = true
        citation.resolvesTo = ref(twin)
        continue
      }
      // A periodical piece without its date is complete enough to stand as a full citation.
      if (!candidate.opCit && citation.item['container-title'] && citation.item.title) {
        full.push(citation)
        continue
      }
      if (!candidate.opCit && !citation.item.title && !citation.item.author) {
        full.push(citation)
        continue
      }
      // `Lowe to Hale, 3 July 1776` cited first: the writer, addressee and date name the letter.
      if (isLetter(citation.item) && citation.item.issued && !citation.item['container-title']) {
        full.push(citation)
        continue
      }
      citation.shortForm = true
      citation.resolvesTo = null
      firstShort.push(citation)
      problems.push({citation, problem: 'short-form-unresolved'})
      continue
    }
    if (!citation.unparsed) full.push(citation)
  }
  return problems
}

/**
 * How many works a note cites (`inNote`, its candidates): its parsed citations that are no Ibid. of one before them. Documents
 * (archival or not) beside a publication (`“Notes on …,” September 1945, cited from …`) are printed in it:
 * only the publications count then.
 */
function worksInNote(inNote: readonly Candidate[]): number {
  const cited = inNote.filter(({citation}) => !citation.ibid && !citation.unparsed && !citation.place)
  const published = cited.filter(({citation}) => citation.archival === undefined && citation.item.type !== 'document')
  return published.length > 0 ? published.length : cited.length
}

/** Spanish prints `Íd.`, `Ídem`; Russian `Он же`, `Она же`, `Они же`. */
const sameAuthorWords = String.raw`(?:${idemWords}|iid|eaed|íd|ídem|(?:он|она|они)\s+же)`
/** `Id.`, `Idem`, `Eadem`, `Ders.`, `Dies.`: the author(s) of the citation before, in the note before too. */
const sameAuthors = new RegExp(String.raw`^\*?${sameAuthorWords}(?:\.\*?[,:]?|\*?[,:])\s`, 'i')
const sameAuthorWord = new RegExp(String.raw`^${sameAuthorWords}\.?$`, 'i')

/** Give `citation` the authors of the citation before it (of the work an Ibid. or short form stands for). */
function sameAuthorsAs(citation: ParsedCitation, previous: ParsedCitation, byRef: ReadonlyMap<string, ParsedCitation>): void {
  const own = citation.item.author
  if (own?.length && !(own.length === 1 && sameAuthorWord.test(own[0]?.family ?? own[0]?.literal ?? ''))) return
  let source: ParsedCitation | undefined = previous
  for (let step = 0; step < 3 && source && !source.item.author?.length && source.resolvesTo; step++) source = byRef.get(`${source.resolvesTo.note}.${source.resolvesTo.index}`)
  // `J. Dupont, op. cit.` names the author as briefly as the work: the names of the work it
  // stands for, as cited in full, where they are the same family's.
  const work = source?.shortForm && source.resolvesTo ? byRef.get(`${source.resolvesTo.note}.${source.resolvesTo.index}`) : undefined
  if (work?.item.author?.length && work.item.author[0]?.family !== undefined && work.item.author[0].family === source?.item.author?.[0]?.family) source = work
  const names = source?.item.author
  if (!names?.length) return
  // `Ders. (Hg.):`, `Idem, ed.,`: the same person as the editor of this work, not its author.
  if (editorCue.test(citation.text.replace(sameAuthors, ' '))) {
    if (own?.length) delete citation.item.author
    if (!citation.item.editor?.length) citation.item.editor = names.map((name) => ({...name}))
    return
  }
  citation.item.author = names.map((name) => ({...name}))
}

/** An editors' cue right after `Ders.` or `Idem`: `(Hg.)`, `(eds.)`, `, ed.`, `(dir.)`, `(a cura di)`. */
const editorCue = /^\s*[.,]?\s*[([]?(?:eds?|hg|hrsg|hgg|éds?|dir|a\s+cura\s+di|editors?)\.?[)\]]?(?=[\s,:.]|$)/iu

function best(item: CslItemDraft, pool: ParsedCitation[], wordsOf: (item: CslItemDraft) => FullWords): ParsedCitation | undefined {
  let found: ParsedCitation | undefined
  let threshold = 0.49
  const words = shortWords(item)
  const initials = seriesInitials(item)
  for (const entry of pool) {
    // The series' latest document cited in full from that volume: a short form follows its full note.
    if (initials) {
      if (fromSeries(entry.item, initials, item.issued?.['date-parts']?.[0]?.[0]) && (!entry.item.volume || entry.item.volume === item.volume)) found = entry
      continue
    }
    if (!sameLetter(item, entry)) continue
    if (entry.archival && isLetter(item)) {
      if (sameCorrespondents(item, entry)) return entry
      continue
    }
    if (entry.archival && !item.archive) continue
    const value = score(words, wordsOf(entry.item))
    if (value > threshold) {
      threshold = value
      found = entry
    }
  }
  return found
}

/** The initials a short form names a documentary series by (`FRUS`), when it is one. */
function seriesInitials(item: CslItemDraft): string | undefined {
  return !item.author && !item.editor && item.title && /^\p{Lu}{2,8}$/u.test(item.title) && item.volume ? item.title : undefined
}

/**
 * Is this item printed in the series these initials name (`Foreign Relations of the United
 * States, 1950` for `FRUS 1950`)? The initials of its container's words, or of its capitalized
 * words alone (`Akten zur deutschen auswärtigen Politik`: ADAP); the year, when given, in its title.
 */
function fromSeries(item: CslItemDraft, initials: string, year: number | string | undefined): boolean {
  const series = item['container-title']
  if (!series) return false
  const words = series.replace(/,?\s*(?:1[5-9]|20)\d\d.*$/, '').split(/[\s-]+/).filter((word) => /^\p{L}/u.test(word))
  const all = words.map((word) => word.charAt(0).toUpperCase()).join('')
  const significant = words.filter((word) => !stopWords.has(word.toLowerCase()) && !/^(?:zur|zum|der|die|des|de|du|la|le|et|und)$/i.test(word)).map((word) => word.charAt(0).toUpperCase()).join('')
  if (all !== initials && significant !== initials) return false
  return year === undefined || series.includes(String(year))
}

/** A letter's short form (`Lowe to Hale, 3 July 1776`): its correspondents and its date name it. */
function isLetter(item: CslItemDraft): boolean {
  return item.type === 'letter' && item.recipient !== undefined
}

/** The day a citation's item was written, as printed parts (`1776-7-3`). */
function dayOf(item: CslItemDraft): string | undefined {
  return item.issued?.['date-parts']?.[0]?.join('-')
}

/**
 * Can this full citation be the letter a short form names? Another letter of the same
 * correspondents has another date; a letter kept in an archive is named by its date too.
 */
function sameLetter(item: CslItemDraft, entry: ParsedCitation): boolean {
  if (!isLetter(item)) return true
  const day = dayOf(item)
  const other = entry.archival?.docDate?.split('-').map(Number).join('-') ?? dayOf(entry.item)
  if (entry.archival) return day !== undefined && day === other
  return day === undefined || other === undefined || day === other
}

/** Do a letter's writer and addressee (`Lowe to Hale`) name an archival document's sender and recipient? */
function sameCorrespondents(item: CslItemDraft, entry: ParsedCitation): boolean {
  const named = (names: CslName[] | undefined, printed: string | undefined) => {
    const words = titleWords(names?.[0]?.family ?? names?.[0]?.literal)
    const printedWords = new Set(titleWords(printed))
    return words.length > 0 && words.every((word) => printedWords.has(word))
  }
  return named(item.author, entry.archival?.from ?? entry.item.custom?.sender) && named(item.recipient, entry.archival?.to)
}

function sameShortForm(a: CslItemDraft, b: CslItemDraft): boolean {
  const left = titleWords(a.title).join(' ')
  return left !== '' && left === titleWords(b.title).join(' ') && (a.author?.[0]?.family ?? '') === (b.author?.[0]?.family ?? '')
}

/** What an Ibid. takes over from the citation it refers to. */
function inherit(citation: ParsedCitation, target: ParsedCitation): void {
  if (citation.archival && target.archival) {
    for (const key of ['archive', 'fond', 'opis', 'delo', 'papka', 'shelfmark'] as const) {
      const value = target.archival[key]
      if (value !== undefined && citation.archival[key] === undefined) citation.archival[key] = value
    }
    for (const key of ['archive', 'archive_location', 'archive_collection', 'archive-place'] as const) {
      const value = target.item[key]
      if (value !== undefined) citation.item[key] = value
    }
    const archival = target.item.custom?.archival
    if (archival) citation.item.custom = {...citation.item.custom, archival: {...archival}}
    return
  }
  citation.item.type = target.item.type
}
