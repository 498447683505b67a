/**
 * Split a note's text into citation spans: at sentence breaks, semicolons, “cited in”,
 * “For … see”, “, and” between two sources, never inside quotations, parentheses or
 * emphasis. Lead-ins (“See”, “See, e.g.,”, “also”, “For …, see”) are left out of a span;
 * commentary before a citation in the same clause is cut off when a citation start follows
 * a lead-in verb, and before an archival reference when it reads as prose (a clause with a
 * finite verb: pipeline/shared/prose.ts).
 */
import {monthNumber} from '../shared/dates.js'
import {commentary, outsideQuotes} from '../shared/prose.js'
import {archiveAcronyms, startsWithArchiveName} from './archives.js'
import {centralEuropeanBody} from '../shared/vocabulary/institutions.js'
import {leadingGenre} from './genres.js'
import {isNameList} from './names.js'
import {escapeRegExp} from '../shared/regexp.js'
import {isUnknownAuthor} from '../shared/vocabulary/anonymous.js'
import {protectedMask} from './text.js'
import {yearInText, yearsInText} from './dates.js'
import {isCommentaryWord, isDocumentNoun} from './model/lexicon.js'

export interface Span {
  start: number
  end: number
}

/** Words that end with a period without ending a sentence. */
const abbreviations = new Set([
  'e.g', 'i.e', 'cf', 'viz', 'vs', 'al', 'etc', 'Mass', 'Ill', 'Calif', 'Conn', 'Va', 'Md', 'Wash', 'Pa',
  'Ont', 'Jr', 'Sr', 'Dr', 'Mr', 'Mrs', 'Ms', 'Gen', 'Lt', 'Col', 'Maj', 'Adm', 'Capt', 'Cmdr', 'St', 'Co',
  'Inc', 'Bros', 'Pub', 'Corp', 'Ltd', 'ed', 'eds', 'trans', 'comp', 'vol', 'Vol', 'vols', 'Vols', 'No',
  'Nos', 'no', 'p', 'pp', 'l', 'll', 'L', 'Ll', 'ff', 'op', 'cit', 'Pap', 'F', 'Op', 'D', 'Fig', 'ch', 'Ch',
  'Univ', 'Dept', 'Jan', 'Feb', 'Mar', 'Apr', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec', 'n', 'nn',
  'repr', 'rev', 'ser', 'esp', 'Rev', 'Prof', 'Pres', 'Amb', 'Ave', 'Acad', 'Nauk', 'f', 'd', 'ob',
  'pt', 'sec', 'chap', 'diss', 'ca', 'c', 'Pap', 'Dok', 'ed', 'Ed', 'Eds', 'Trans', 'Comp',
  // German: `2 Bde. (Bremen …)`, `Hg. Karl Weber`.
  'Bd', 'Bde', 'Aufl', 'Jg', 'Jh', 'Anm', 'Nr', 'Sp', 'Abt', 'Tl', 'Lfg', 'Bl', 'Hg', 'Hrsg', 'hrsg',
  // Editions and translators: `3rd edn. (Oxford …)`, `2. Ausg. Berlin`, `übers. v.`, `trad. it.`, `coll. « … »`.
  'edn', 'Ausg', 'übers', 'Übers', 'bearb', 'Bearb', 'trad', 'Trad', 'coll', 'éd', 'Éd'
])

/** Continuations that attach a sentence to the citation before it. */
const continuations = /^(?:Available\s+(?:online\s+)?(?:at|from)|Prepared\s+by|Compiled\s+by|Translated\s+by|Trans\.\s|Reprinted\s+in)\b/

/** Lead-ins, stripped repeatedly from the start of a span. */
const leadIns: Array<{pattern: RegExp}> = [
  {pattern: /^\[?(?:cited|quoted)\s+(?:in|from):?\]?\s+/i},
  {pattern: /^(?:and|also|but|or)\s+/},
  {pattern: /^see\s+also,?\s+/i},
  {pattern: /^see,?\s+(?:e\.g\.|for example|for instance|especially|in particular|among others),?\s+/i},
  {pattern: /^(?:see|cf\.|compare)\s+/i},
  {pattern: /^\*(?:see(?:\s+also)?|cf\.|e\.g\.,?)\*,?\s+/i},
  {pattern: /^(?:e\.g\.|for example|for instance),?\s+/i},
  {pattern: /^For\s+[^;:“"*]{1,160}?,?\s+see\s+(?:also\s+)?/},
  {pattern: /^[Ii]n\s+(?=(?:AVP|APRF|RTsKhIDNI|RGASPI|GARF|TsKhSD|RGANI)\b)/},
  {pattern: /^(?:the|an?)\s+(?:[a-z-]+\s+){0,2}(?:report|study|article|essay|book|account|memoirs?)\s+by\s+(?=\p{Lu})/u}
]

/** Verbs and prepositions after which a citation may start inside commentary (`see especially`, `see, e.g.,`). */
const anchors = /(?:\b(?:see(?:\s+also)?(?:,?\s+(?:especially|esp\.|e\.g\.|for example|for instance|in particular|notably|above all|generally|most recently),?)?|in|include|includes|including|by|was|were|as|is|are|from)|,)\s+/g

/** Words a name or an institution's name may hold in lower case (`Ministry of Defence`, `Jan van der Berg`). */
const nameFunctionWords = new Set(['of', 'for', 'the', 'and', 'on', 'in', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'les', 'di', 'da', 'del', 'della', 'dos', 'das', 'do', 'von', 'van', 'der', 'den', 'ter', 'ten', 'zu', 'zur', 'zum', 'für', 'und', 'y', 'e', 'et', 'al.', '&', 'i'])

/**
 * A head of words that can be a name or an institution: capitalized words, initials and their
 * function words, or the words printed in an author's place (`Author(s) not indicated`).
 */
function nameLike(head: string): boolean {
  if (isUnknownAuthor(head.trim())) return true
  const words = head.trim().split(/\s+/)
  if (words.length > 0 && words.every((word) => /^[\p{Lu}\d(]/u.test(word) || nameFunctionWords.has(word.toLowerCase()))) return true
  // `Ústav dějin Vltavy`: a Czech, Slovak or Polish body's name keeps its words in lower case.
  // Its first word names the body: a stem further on (`… the Municipal Archives show`) is prose.
  return /^\p{Lu}/u.test(words[0] ?? '') && centralEuropeanBody.test(words[0] ?? '')
}

/** The clause of `text` that ends at `end`: from the last comma, colon or semicolon before it. */
function lastClause(text: string, end: number): string {
  const start = Math.max(text.lastIndexOf(',', end - 1), text.lastIndexOf(':', end - 1), text.lastIndexOf(';', end - 1)) + 1
  return text.slice(start, end)
}

/** Commentary that leads into a citation (`for a different view`, `A custom also described in`): words of prose, not a name. */
function proseLead(head: string): boolean {
  return !nameLike(head) && head.split(/\s+/).some((word) => /^\p{Ll}{3,}/u.test(word) && !nameFunctionWords.has(word) && monthNumber(word.replace(/\.$/, '')) === undefined)
}

/** `3. Mai 1953`: a day's ordinal period before a month's name ends no sentence. */
function dayBeforeMonth(text: string, dot: number): boolean {
  if (!/(?:^|[\s(])\d{1,2}$/.test(text.slice(Math.max(0, dot - 3), dot))) return false
  const next = /^\s+(\p{L}+)/u.exec(text.slice(dot + 1, dot + 24))
  return next?.[1] !== undefined && monthNumber(next[1]) !== undefined
}

/** `2. Aufl.`, `3. Band`, `18. Jahrhundert`: an ordinal's period before the noun it counts ends no sentence. */
function ordinalBeforeNoun(text: string, dot: number): boolean {
  const before = text.slice(Math.max(0, dot - 12), dot)
  // `S. 2. Band 3 …`: a page's number ends its sentence.
  if (!/(?:^|[\s(,])\d{1,3}$/.test(before) || /(?:^|[\s(,])(?:S|pp?|Bd|Nr|No|H|Jg|fol|Anm|Fn|Sp|Tl)\.\s*\d{1,3}$/.test(before)) return false
  return countedNoun.test(text.slice(dot + 1, dot + 30))
}

/** Nouns German notes count with an ordinal (`2. Aufl.`, `3. Bd.`, `19. Jh.`). */
const countedNoun = /^\s+(?:Aufl(?:\.|age\b)|Ausg(?:\.|abe\b)|Bd\.|Band\b|Jg\.|Jahrgang\b|Jh\.|Jahrhunderts?\b|H\.|Heft\b|Teil\b|Kap\.|Kapitel\b|Abt\.|Abteilung\b|Sitzung\b|Wahlperiode\b|Legislaturperiode\b|Lieferung\b|Lfg\.)/

const acronymStart = new RegExp(`^(?:${archiveAcronyms.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'u')

/** Trailing commentary joined to a citation by a comma. */
const commentaryTail = /,\s+(?:citing|asserting|arguing|noting|suggesting|which|where|who|whose|in (?:both|all|each|either|neither|any|some|most|many|one|two|three) of which|in which|only|but|although|though|because|rather than|and (?:has|have|had|is|was|were|this|that|it) )\b/g

/** `Weathersby’s manuscript …`: a work named through its author. */
export const possessiveWork = /^(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}-]+\s?[’'‘]\s?s\s+(?:unpublished\s+)?(?:manuscript|dissertation|thesis|conference report|report|paper)\b/u

/** Does an archive's name or acronym, or a fond, start here? */
function archivalStart(text: string): boolean {
  if (acronymStart.test(text) || /^(?:Fond|F\.)\s*[\dIVX]/.test(text)) return true
  return startsWithArchiveName(text.slice(0, 160))
}

/** The first clause of a text: up to its first comma, semicolon or colon outside quotations. */
function firstClause(text: string): string {
  return outsideQuotes(text).split(/[,;:]/)[0] ?? ''
}

/** How strongly the text at this point reads as the start of a citation. */
export function citationStart(text: string): 'strong' | 'titled' | 'weak' | undefined {
  if (/^[“"*]/.test(text)) return 'strong'
  if (/^(?:Ibid|ibid)\b|^Id\.(?:\s+at\s+\d|\s*$)/.test(text)) return 'strong'
  // `idem, “Title”`, `Id., *Title*`, `Ders., Titel`: the author cited before, then the work.
  if (/^\*?(?:[Ii]d\.|[Ii]dem|[Ee]adem|[Ee]ad\.|Ders\.|Dies\.)\*?,\s/.test(text)) return 'strong'
  if (archivalStart(text)) return 'strong'
  if (/^the\s+[^,;]{0,60}\barchive\b/i.test(text)) return 'strong'
  // `an interview he conducted, …`, `the letter was dated …`: a sentence about a document.
  const interview = /^(?:an?\s+|author['’]s\s+)?(?:unpublished\s+)?interview\b/i.test(text)
  const genre = interview ? undefined : leadingGenre(text)
  if ((interview || (genre && genre.end < 60)) && commentary(firstClause(text))) return 'weak'
  if (interview) return 'strong'
  if (possessiveWork.test(text)) return 'strong'
  if (genre && genre.end < 60) return 'strong'
  const comma = /^([^,;:()“"*]{2,80}?)(?:,| et al\.,)/.exec(text)
  if (comma?.[1] && isNameList(comma[1])) return 'strong'
  // An author or institution, then a title; a clause with a verb is commentary.
  const lead = /^(\p{Lu}[^,;“"*]{0,80}),\s*[“"*]/u.exec(text)
  if (lead?.[1] && nameLike(lead[1])) return 'strong'
  // An institution with its name translated: `Zhonggong Zhongyang Bianyiju (Central …), Title`.
  if (/^[A-Z][^,;()“"*]{2,80}\([^()]{3,120}\),\s*(?!(?:No|Nos|Vol|Vols)\.)[A-Z]/.test(text)) return 'strong'
  // A title followed by publication facts: the citation may start here or later.
  if (/^[A-Z0-9][^()]{0,200}(?:\([^()]*\)\s*)?\([^()]*:\s*[^()]*,\s*(?:\d{4}|forthcoming)\)/.test(text)) return 'titled'
  if (/^(?!(?:Vols?|No|Nos|pp?)\.)[A-Z][^,;()“"*]{2,100},\s*(?:pp?\.|[Cc]hapters?)\s*\d/.test(text)) return 'titled'
  if (/^[A-Z0-9]/.test(text)) return 'weak'
  return undefined
}

function isAbbreviation(text: string, dot: number): boolean {
  const before = /(\S+)$/.exec(text.slice(Math.max(0, dot - 40), dot))
  const token = (before?.[1] ?? '').replace(/^[(\[“"*]+/, '')
  if (!token) return true
  if (abbreviations.has(token)) return true
  // A verso folio: `l. 12ob.`.
  if (/\dob$/.test(token)) return true
  // Initials and dotted acronyms: `K.`, `U.S.`, `A.A.`.
  return /^(?:\p{Lu}\.)*\p{Lu}$/u.test(token)
}

/** Words of a repository: archives, papers, collections and their boxes and folders. */
const repositoryWord = /\b(?:Archives?|Papers|Library|Collection|Society|Museum|Folder|Box|Container|Record Group|RG\s?\d)\b/

/** A bracketed repository that ends the note or region after `end`. */
function isRepositoryAfter(text: string, end: number, to: number): boolean {
  const rest = text.slice(end, to)
  const group = /^\s*\(([^()]{4,300})\)[\s.]*$/.exec(rest)
  return group?.[1] !== undefined && (repositoryWord.test(group[1]) || startsWithArchiveName(group[1]))
}

/** Sentence boundaries: [start, end) ranges of the note text between `from` and `to`. */
function sentences(text: string, mask: Uint8Array, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let start = from
  const boundary = /[.?!]([”"])?(?=\s+[A-Z“"*(])/g
  for (const match of text.slice(from, to).matchAll(boundary)) {
    const dot = from + match.index
    const end = dot + match[0].length
    if (match[1]) {
      // A quotation that ends a sentence of commentary, and a citation after it.
      if (!mask[dot] || citationStart(text.slice(end, to).trimStart()) !== 'strong') continue
    } else {
      if (mask[dot]) continue
      if (text.charAt(dot) === '.' && (isAbbreviation(text, dot) || dayBeforeMonth(text, dot) || ordinalBeforeNoun(text, dot))) continue
      // `…, August 3, 1902. (Ministry … Archives. …)`: the repository of the document before.
      if (isRepositoryAfter(text, end, to)) continue
    }
    out.push([start, end])
    start = end
  }
  if (start < to) out.push([start, to])
  return out
}

/**
 * Regions of a note read on their own: parenthesized groups of references
 * (`(See *Yonhap*, 23 June 1993, …)`) and the text around them.
 */
function regions(text: string, mask: Uint8Array): Array<[number, number]> {
  const out: Array<[number, number]> = []
  const groups = /\((?=(?:see|cf\.|for|also)\b)/gi
  let start = 0
  for (const match of text.matchAll(groups)) {
    const open = match.index
    if (open < start || (open > 0 && mask[open - 1] && text.charAt(open - 1) !== ' ')) continue
    let depth = 0
    let close = -1
    for (let index = open; index < text.length; index++) {
      const char = text.charAt(index)
      if (char === '(') depth++
      if (char === ')' && --depth === 0) {
        close = index
        break
      }
    }
    if (close < 0) continue
    if (open > start) out.push([start, open])
    out.push([open + 1, close])
    start = close + 1
  }
  if (start < text.length) out.push([start, text.length])
  return out
}

/** The protection mask of one region, positioned in the whole note. */
function regionMask(text: string, from: number, to: number): Uint8Array {
  const mask = new Uint8Array(text.length).fill(1)
  mask.set(protectedMask(text.slice(from, to)), from)
  return mask
}

/** Split points inside a sentence: semicolons, “cited in”, “, and” between sources. */
function clauses(text: string, mask: Uint8Array, from: number, to: number): Span[] {
  const sentence = text.slice(from, to)
  const cuts: Array<{at: number; skip: number}> = []
  for (const match of sentence.matchAll(/;/g)) {
    if (!mask[from + match.index]) cuts.push({at: match.index, skip: 1})
  }
  // `…, cited in Name`, `Name [quoted in:] Name`: the source quoted from is cited apart.
  for (const match of sentence.matchAll(/(?:,|(?<![\s,]))\s+(?=\[?(?:cited|quoted)\s+(?:in|from):?\]?\s)/gi)) {
    if (!mask[from + match.index]) cuts.push({at: match.index, skip: match[0].length})
  }
  for (const match of sentence.matchAll(/,\s+(?=\*?[Ii]bid\b)/g)) {
    const left = sentence.slice(0, match.index)
    if (!mask[from + match.index] && /\bSD\d{3,}\s*$/.test(left)) cuts.push({at: match.index, skip: match[0].length})
  }
  for (const match of sentence.matchAll(/(?:,|(?<![\s,]))\s+and\s+/g)) {
    if (mask[from + match.index]) continue
    const left = sentence.slice(0, match.index)
    const right = sentence.slice(match.index + match[0].length)
    const leftEnds = /(?:\)|\d|ff\.|\d[a-z]?)\s*$/.test(left)
    if (leftEnds && citationStart(right) === 'strong' && !/^\d/.test(right)) {
      cuts.push({at: match.index, skip: match[0].length})
    } else if (leftEnds && /^(?:Opis|Op\.|Fond|F\.)\s*\d/.test(right)) {
      cuts.push({at: match.index, skip: match[0].length})
    }
  }
  cuts.sort((a, b) => a.at - b.at)
  const spans: Span[] = []
  let start = 0
  for (const cut of cuts) {
    if (cut.at < start) continue
    spans.push({start: from + start, end: from + cut.at})
    start = cut.at + cut.skip
  }
  spans.push({start: from + start, end: to})
  return spans
}

/**
 * Where an archival reference starts after the note's commentary on it (`Orlov promised to
 * rebuild the pier “…”: GARF, f. 5, …`): the commentary is no description of the document.
 * A description in citation form (`Orlov report to the ministry, 3 May 1931, of …: GARF, …`)
 * stays.
 */
function afterCommentary(text: string, start: number, end: number, mask: Uint8Array): number {
  const body = text.slice(start, end)
  for (const match of body.matchAll(/[:,]\s+\(?|\s\(/g)) {
    if (mask[start + match.index]) continue
    const at = match.index + match[0].length
    if (!archivalStart(body.slice(at))) continue
    return commentary(body.slice(0, match.index)) ? start + at : start
  }
  return start
}

/** Strip lead-ins and leading commentary; trim trailing punctuation and commentary. */
function tidy(text: string, span: Span, mask: Uint8Array): Span | undefined {
  let {start, end} = span
  const trim = () => {
    while (start < end && /[\s,;:.()]/.test(text.charAt(start)) && text.charAt(start) !== '(') start++
    while (end > start && /[\s,;:]/.test(text.charAt(end - 1))) end--
  }
  trim()
  let stripped = true
  while (stripped) {
    stripped = false
    for (const leadIn of leadIns) {
      const match = leadIn.pattern.exec(text.slice(start, end))
      if (match && match[0].length < end - start) {
        start += match[0].length
        stripped = true
        trim()
      }
    }
  }
  if (start >= end) return undefined
  if (citationStart(text.slice(start, end)) !== 'strong') {
    const body = text.slice(start, end)
    let strong: number | undefined
    let titled: number | undefined
    // A title cannot start after its own publication facts.
    const facts = /\([^()]*:\s*[^()]*,\s*(?:\d{4}|forthcoming)\)/.exec(body)
    for (const match of body.matchAll(anchors)) {
      const at = match.index + match[0].length
      if (mask[start + match.index]) continue
      if (facts && at > facts.index) break
      const comma = match[0].startsWith(',')
      const kind = citationStart(body.slice(at))
      // After a comma only when the clause before it is prose (`and, for a different view, Name,
      // Title`), not an author or an archive.
      // A quotation in lower case after the comma is the prose's own (`…, “it will prove …”`).
      if (kind === 'strong' && (!comma || (proseLead(lastClause(body, match.index)) && !/^[“"‘„«]\s*\p{Ll}/u.test(body.slice(at))))) {
        strong = at
        break
      }
      if (kind === 'titled' && (!comma || facts)) titled = at
    }
    let chosen = strong ?? titled
    // `… first made by Rowan Ashby in *Title*`, `I follow Margaret Holloway, *Title*`: the
    // author named at the end of the prose before the title is the citation's.
    if (chosen !== undefined) {
      const named = /(?:^|[\s(])((?:(?:\p{Lu}\.\s?)+|\p{Lu}[\p{Ll}'’-]+\s){0,3}\p{Lu}[\p{Ll}'’-]+)(?:,\s*|\s+in\s+)$/u.exec(body.slice(0, chosen))
      if (named?.[1] && named.index + named[0].length === chosen && isNameList(named[1]) && /^[“"*]/.test(body.slice(chosen))) chosen = named.index + named[0].indexOf(named[1])
    }
    if (chosen !== undefined) start += chosen
  }
  start = afterCommentary(text, start, end, mask)
  const body = text.slice(start, end)
  for (const match of body.matchAll(commentaryTail)) {
    if (!mask[start + match.index]) {
      end = start + match.index
      break
    }
  }
  while (end > start && /[\s,;:]/.test(text.charAt(end - 1))) end--
  // A final period belongs to the sentence, unless it closes an abbreviation.
  if (text.charAt(end - 1) === '.' && !isAbbreviation(text, end - 1)) end--
  return start < end ? {start, end} : undefined
}

/** Split a note's text into spans that may hold citations (commentary is filtered later). */
export function splitNote(text: string): Span[] {
  const spans: Span[] = []
  const whole = protectedMask(text)
  for (const [regionStart, regionEnd] of regions(text, whole)) {
    const mask = regionStart === 0 && regionEnd === text.length ? whole : regionMask(text, regionStart, regionEnd)
    for (const [from, to] of sentences(text, mask, regionStart, regionEnd)) {
      const sentence = text.slice(from, to).trimStart()
      const offset = to - from - sentence.length
      const continuation = continuations.exec(sentence)
      const last = spans.at(-1)
      const parts = clauses(text, mask, from + offset, to)
      if (continuation && last) {
        const first = parts.shift()
        last.end = first?.end ?? to
        while (last.end > last.start && /[\s.;,]/.test(text.charAt(last.end - 1))) last.end--
      }
      for (const clause of parts) {
        const span = tidy(text, clause, mask)
        if (span) spans.push(span)
      }
    }
  }
  return spans
}

/**
 * What a reference prints and prose does not: a title in quotes or emphasis, a year in brackets,
 * pages, a volume, a book, chapter or tome (`c. 25`, `tom. xiii`), a case or paragraph, an
 * address, Ibid. and supra, a locator at its end.
 */
const referenceMarks = /[“"«„*]|\([^()]*\d{4}[^()]*\)|\b(?:pp?|S|Bd|[Vv]ols?|No|Nr|H|Jg|paras?|Art)\.?\s*\d|\b(?:c|cap|ch|chap|tom|t|l|ll|lib|liv|sect|fol|[Bb]k|[Pp]t)\.\s*(?:\d|[ivxlc]+\b|[IVXLC]+\b)|\b\d{4}[a-z]?\s*[,:]\s*\d|https?:|\bdoi\b|\b(?:[Ii]bid|ebd|cit|[Ss]upra|[Ii]nfra)\b|\sv\.\s|\bCase\b|,\s*\d+(?:\s*[-–]\s*\d+)?[,;.]?$/

/** A year a reference prints (`London 1990`, `, 1990`), not a date in prose (`in March 1950`, `the 1948 report`). */
function publicationYear(text: string): boolean {
  for (const match of text.matchAll(yearsInText)) {
    const before = /(\p{L}+)\.?\s+(?:\d{1,2},?\s+)?$/u.exec(text.slice(0, match.index))?.[1] ?? ''
    if (monthNumber(before) === undefined && !/^(?:in|since|during|until|by|of|from|after|before|between|and|to|early|late|mid|the|an?|its|his|her|their)$/i.test(before)) return true
  }
  return false
}

/** The sentences of a whole note, in order: read once for all the references found in it. */
export function noteSentences(text: string): ReadonlyArray<readonly [number, number]> {
  return sentences(text, protectedMask(text), 0, text.length)
}

/** The sentence (of `noteSentences`, in order) that holds the position `at`. */
function sentenceAt(list: ReadonlyArray<readonly [number, number]>, at: number): readonly [number, number] | undefined {
  let low = 0
  let high = list.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [from, to] = list[middle] as readonly [number, number]
    if (at < from) high = middle - 1
    else if (at >= to) low = middle + 1
    else return list[middle]
  }
  return undefined
}

/**
 * Is a reference found in a note (by the labeller) a piece of the note's prose? The sentence it
 * stands in is commentary, and it prints nothing a reference prints.
 */
export function proseReference(text: string, start: number, end: number, sentencesOfNote = noteSentences(text)): boolean {
  const reference = text.slice(start, end)
  const sentence = sentenceAt(sentencesOfNote, start)
  const before = text.slice(sentence?.[0] ?? start, start)
  if (lifeEvents(reference, before) || listInSentence(before, reference) || proseSentences(reference)) return true
  if (referenceMarks.test(reference) || publicationYear(reference)) return false
  return commentary(text.slice(sentence?.[0] ?? start, Math.max(sentence?.[1] ?? end, end))) !== undefined
}

/**
 * What only a reference prints: a title in quotes or emphasis, pages or a volume, `in:`, editors,
 * an address, a pointer back. Years are not among them: a life's events have years too.
 */
const workMarks = /[“"«„»*]|\b(?:pp?|S|Bd|[Vv]ols?|No|Nr|H|Jg|Heft)\.\s*\d|\b[Ii]n:\s|\((?:Hg|Hrsg|eds?)\.\)|\b(?:hrsg|Hrsg|Hg|ed|eds)\.\s|https?:|www\.|\bdoi\b|\b(?:[Ii]bid|[Ee]bd|cit|[Ss]upra|a\.\s?a\.\s?O)\b/

/** A year and the step of a career it dates (`1934 Promotion in Göttingen`, `1949 Ruf nach Kassel`, `1925 lecturer at Hull`). */
const careerSteps = /(?<!\d)(?:1[5-9]|20)\d\d\s+(?:Promotion|Habilitation|habilitiert|promoviert|Dozent(?:in)?|Privatdozent(?:in)?|Professor(?:in)?|Prof\.|Berufung|Emeritierung|emeritiert|Assistent(?:in)?|Studium|Abitur|Lehrstuhl|Ruf|Eintritt|PhD|Ph\.D\.|appointed|professor|lecturer|doctorate|habilitation|thèse|agrégation)\b/g

/** Words that open a note on a person's life (`geboren am 3. Mai 1890 in …`, `born 1890 in …`). */
const lifeCue = /(?:^|[\s,(])(?:geboren|geb\.|gestorben|gest\.|born|died|né|née|nato|nata)\s+(?:am|in|on|at|le|en|a|il|\d)/u

/**
 * `Wilma Ostrander, geboren am 17. Juni 1908 in Lübeck, 1934 Promotion in Göttingen, 1949 Ruf …`: the
 * events of a life, with their years and places, print no title, page or editor: no reference.
 * `before` is the sentence up to the reference (`geboren am … in` may stand there).
 */
function lifeEvents(reference: string, before: string): boolean {
  if (workMarks.test(reference)) return false
  const steps = [...reference.matchAll(careerSteps)].length
  return steps >= 2 || ((steps >= 1 || /^\p{Lu}[\p{L}-]+,\s/u.test(reference)) && lifeCue.test(before)) || lifeCue.test(reference)
}

/** Words after which a citation starts inside a sentence (`bei`, `see`, `vgl. auch`). */
const citationLead = /(?:^|\s)(?:bei|in|von|vom|durch|nach|laut|vgl\.|siehe|s\.|auch|etwa|z\.\s?B\.|zit\.|zitiert|see|cf\.|by|also|e\.g\.,?|i\.e\.,?|quoted|cited|from|dans|chez|voir|cfr\.|vedi|in:|u\.\s?a\.|und|and|sowie|oder|or)\s*$/i

/**
 * `Auf dem Markt verkaufte man vor allem Äpfel, Nüsse, Lebkuchen, Kerzen u. a.`: words the labeller
 * read as names, met in the middle of a sentence after its verb, with no year and nothing a
 * reference prints, are an enumeration of the prose. `before` is the sentence up to them.
 */
function listInSentence(before: string, reference: string): boolean {
  if (yearInText.test(reference) || /\d/.test(reference)) return false
  const words = before.trim().split(/\s+/).filter(Boolean)
  // After an article, a noun of the sentence, not a reference, whatever it quotes.
  if (words.length >= 3 && article.test(before.trimEnd()) && /^\p{Lu}\p{Ll}/u.test(reference) && !isDocumentNoun(/^\S+/.exec(reference)?.[0] ?? '')) return true
  if (workMarks.test(reference)) return false
  if (words.length < 3 || citationLead.test(before.trimEnd()) || /[:;(]$/.test(before.trimEnd())) return false
  // The sentence runs in lower case up to them: prose, not the end of another reference.
  return /^\p{Ll}{3,}$/u.test(words.at(-1) ?? '')
}

/**
 * Articles of an object, after which a sentence goes on with a noun, not with a reference (`mit dem
 * Kämmerer Name über …`); not a genitive's (`Rundschreiben des Vereins …` names a document's author).
 */
const article = /(?:^|\s)(?:dem|den|einem|einen|the|a|an)\s*$/

/**
 * `Die Zählung fand an drei Tagen statt. Sämtliche Fähren wurden beobachtet … Am Ende lagen 412 …`:
 * two or more sentences with a verb of commentary (`wurden`, `haben`, `is`), and no title in quotes,
 * page or editor, are the note's own text, whatever dates they hold.
 */
function proseSentences(reference: string): boolean {
  // A year other than a day's (`02.06.2015`) may be a publication's: the citation among the sentences.
  if (workMarks.test(reference) || yearInText.test(reference.replace(/\d{1,2}\.\s?\d{1,2}\.\s?\d{4}/g, ''))) return false
  const parts = reference.split(/(?<=[.!?])\s+(?=\p{Lu})/u)
  const words = reference.split(/\s+/).length
  return words >= 15 && parts.filter((part) => part.split(/\s+/).some((word) => isCommentaryWord(word))).length >= 2
}
