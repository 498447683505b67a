/**
 * From labelled tokens to references: where a new reference starts in a note, and each
 * reference's fields as CSL-JSON (names split into family and given, `in:` to the container,
 * years to `issued`, pages to `page` or the locator).
 */
import {escapeRegExp} from '../../shared/regexp.js'
import {centralEuropeanBody} from '../../shared/vocabulary/institutions.js'
import {publicationTowns} from '../../shared/vocabulary/places.js'
import type {LocatorLabel} from '../../shared/types/citation.js'
import type {CslItemDraft, CslName} from '../../shared/types/csl.js'
import type {LabelledToken} from './labels.js'
import type {Label} from './labels.js'
import {type BoundaryModel, namesRunOn, startsHere, walkBoundaries} from './boundary.js'
import {isBiographyCue, isCommentaryWord, isCommonNounOrAdjective, isDocumentNoun, isProseWord, isRoleNoun, leadingRoleEnd, lexiconOf, lexicons, wordOf} from './lexicon.js'
import {cslDate, firstYear, lastYear, year, yearInText} from '../dates.js'
import {typeFromContainer} from '../periodical.js'
import {monthNumber} from '../../shared/dates.js'

export interface ModelReference {
  start: number
  end: number
  tokens: LabelledToken[]
}

export interface ModelParse {
  item: CslItemDraft
  /** `ders.`, `dies.`, `id.`, `idem`: the authors of the reference before. */
  sameAuthors?: boolean
  locator?: string
  label?: LocatorLabel
  ibid: boolean
  /** No title and no year: a short form if an earlier citation matches it. */
  incomplete: boolean
  /** `op. cit.`, `art. cit.`, `cit.`: the work cited before by that author, whatever its title words. */
  opCit?: boolean
}

const nameLabels = new Set<Label>(['author', 'editor', 'translator'])

/** The same author(s) as the reference before (Spanish `Íd.`, `Ídem`, Russian `Он же`, `Она же` too). */
const sameAuthors = /^(?:ders|dies|dieselbe|derselbe|dieselben|id|idem|íd|ídem|eadem|ead|eid|(?:он|она|они)\s+же)\.?[,:]?$/i

/** Ibid. and its kin in many languages, at the start of a reference (Russian `Там же`). */
const ibidPattern = /^(?:(?:ibid(?:em)?|ibíd(?:em)?|ebd|ebda|ebenda|a\.\s?a\.\s?O|op\.\s?cit|loc\.\s?cit|ivi)\b|там\s+же(?!\p{L}))\.?/iu

/**
 * Split labelled tokens into references: a reference starts after text labelled `other`,
 * after a semicolon, and where an author follows the fields of a reference that has its own.
 */
export function segmentReferences(tokens: readonly LabelledToken[], boundary?: BoundaryModel): ModelReference[] {
  if (boundary) return segmentLearned(tokens, boundary)
  const out: ModelReference[] = []
  let current: ModelReference | undefined
  let seen = new Set<Label>()
  let previous: LabelledToken | undefined
  for (const token of tokens) {
    if (token.label === 'other') {
      current = undefined
      previous = token
      continue
    }
    const restart =
      current !== undefined &&
      previous !== undefined &&
      ((/;$/.test(previous.text) && !(nameLabels.has(previous.label) && nameLabels.has(token.label))) ||
        token.label === 'citation-number' ||
        (nameLabels.has(token.label) && !nameLabels.has(previous.label) && token.label === 'author' && (seen.has('title') || seen.has('date'))) ||
        (ibidPattern.test(token.text) && /[.,;]$/.test(previous.text)))
    if (!current || restart) {
      current = {start: token.start, end: token.end, tokens: []}
      seen = new Set()
      out.push(current)
    }
    current.tokens.push(token)
    current.end = token.end
    seen.add(token.label)
    previous = token
  }
  return out
}

const titleLabels = new Set<Label>(['title', 'journal', 'container-title'])

/**
 * A title printed in emphasis or guillemets (`*Les confréries de Lyon*`, `*Europe 1815*`) is one field: the
 * words the labeller read inside it as a place, a date or another field take the label most of
 * them carry, a title's, a journal's or a book's.
 */
export function emphasisKept(tokens: readonly LabelledToken[], text: string): LabelledToken[] {
  if (!text.includes('*') && !text.includes('«')) return [...tokens]
  const out = [...tokens]
  // Titles in guillemets (`«Rivista storica italiana»`) are one field too.
  for (const match of text.matchAll(/\*([^*\n]+)\*|«([^«»\n]+)»/g)) {
    const start = match.index
    const end = start + match[0].length
    const inside = out.map((token, index) => ({token, index})).filter(({token}) => token.start >= start && token.end <= end + 1)
    const counts = new Map<Label, number>()
    for (const {token} of inside) if (titleLabels.has(token.label)) counts.set(token.label, (counts.get(token.label) ?? 0) + 1)
    // Names are not printed in emphasis: words read as names there, after the names that open
    // the reference, are its title (`Vanterpool, Simon. *Beacons*. 1923.`).
    const first = inside[0]?.index ?? 0
    // After editors' names opened by `in` (`in Lund, P. (ed.) *Rivers Revisited*`), the book's.
    const named = out[first - 1]?.label
    // Right after the names, with no title of their own yet, the emphasis is the work's title, whatever the labeller read it as.
    const titled = out.slice(0, first).some((token) => titleLabels.has(token.label))
    if (inside.length > 0 && first > 0 && (named === 'author' || named === 'editor') && (counts.size === 0 || (!titled && !counts.has('title'))) && /[.,:)]$/.test(out[first - 1]?.text ?? '')) {
      let open = first - 1
      while (open > 0 && nameLabels.has(out[open - 1]?.label ?? 'other')) open--
      const opened = /^in:?$/i.test(out[open]?.text ?? '') || /^in:?$/i.test(out[open - 1]?.text ?? '')
      for (const {index} of inside) out[index] = {...(out[index] as LabelledToken), label: named === 'editor' && opened ? 'container-title' : 'title'}
      continue
    }
    const [label, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? []
    if (!label || !count || count * 2 < inside.length) continue
    for (const {token, index} of inside) if (token.label !== label && token.label !== 'other') out[index] = {...token, label}
  }
  bodyBeforeEmphasis(out, text)
  return out
}

/**
 * `Service des archives, *Rapport sur les fonds*, Paris, 1978`: plain words and a comma that open
 * the reference right before its emphasized title, read into the title, are a body as author.
 */
function bodyBeforeEmphasis(out: LabelledToken[], text: string): void {
  const emphasis = /\*[^*\n]+\*/.exec(text)
  if (!emphasis || !out[0] || out[0].start >= emphasis.index) return
  const before = out.filter((token) => token.end <= emphasis.index)
  const last = before.at(-1)
  if (before.length < 2 || before.length > 8 || !last || !last.text.endsWith(',') || before.some((token, index) => token.label !== 'title' || (index < before.length - 1 && /[,.;:]$/.test(token.text)))) return
  if (!/^\p{Lu}\p{Ll}/u.test(before[0]?.text ?? '') || before.some((token) => /[„“”"«»()\d]/u.test(token.text))) return
  for (let index = 0; index < before.length; index++) out[index] = {...(out[index] as LabelledToken), label: 'author'}
}

/**
 * Names are capitalized: a lower-case word the model took for the first name of a reference
 * (`anderem:`, a sentence's last word `bezieht.`), or an elision with no letter (`(...)`, `[…]`).
 */
const notName = /^[\p{Ll}][\p{Ll}\p{Lu}-]{3,}[:,.]?$|^[([]?(?:\.{3}|…)[)\]]?[.,:;]?$/u
const particles = new Set(lexicons.particle)

/**
 * The labels, with the lower-case words (`beispielsweise:`, `anderem:`) that open an author
 * run after text that is no reference, or at the start, read as that text: prose, not names.
 */
function proseNamesDropped(tokens: readonly LabelledToken[]): Label[] {
  const labels = tokens.map((token) => token.label)
  for (let index = 0; index < tokens.length; index++) {
    if (labels[index] !== 'author' || (index > 0 && labels[index - 1] !== 'other')) continue
    const text = tokens[index]?.text ?? ''
    if (!notName.test(text) || particles.has(text.replace(/[:,]$/, '').toLowerCase()) || sameAuthors.test(text) || ibidPattern.test(text)) continue
    labels[index] = 'other'
  }
  return labels
}

/** `(2004).`: a bracketed year that ends a sentence. */
const yearEndsSentence = new RegExp(String.raw`^\(${year}[a-z]?\)\.$`)
/** A family name of a short citation, or names joined by a slash: no initials, no given name after a comma. */
const shortName = /^(?:\p{Lu}[\p{Ll}'’-]+(?:\/\p{Lu}[\p{Ll}'’-]+)*|\/|und|and|&|et|al\.)$/u

/**
 * `Seidel/Busch (2004). Die Begriffe ‚Markt‘ und ‚Staat‘ werden …`: after a short author-date
 * citation that ends its sentence, the next sentence is commentary when it goes on as prose
 * (a word of prose in it, and it runs into text read as such, or into the next citation)
 * before any full stop, or ends with its full stop before a lead-in, such text or a citation:
 * what the labeller read of it as a title is no part of the citation.
 */
function proseAfterShortCitation(texts: readonly string[], labels: Label[], starts: ReadonlySet<number>): void {
  for (let index = 1; index + 1 < texts.length; index++) {
    if (labels[index] !== 'date' || !yearEndsSentence.test(texts[index] ?? '')) continue
    let first = index
    while (first > 0 && labels[first - 1] === 'author' && shortName.test(texts[first - 1] ?? '')) first--
    if (first === index || (first > 0 && labels[first - 1] === 'author')) continue
    let end = index + 1
    let prose = false
    while (end < texts.length && labels[end] !== 'other' && !starts.has(end) && !/[.!?]$/.test(texts[end] ?? '')) {
      if (isCommentaryWord(texts[end] ?? '')) prose = true
      end++
    }
    // The sentence ends with its own full stop, and a lead-in, text read as such or the next citation follows.
    if (end < texts.length && /[.!?]$/.test(texts[end] ?? '') && labels[end] !== 'other' && !starts.has(end)) {
      const after = end + 1
      const closes = after < texts.length && (starts.has(after) || labels[after] === 'other' || leadInWord.test(texts[after] ?? ''))
      if (closes && texts.slice(index + 1, after).some((text) => isCommentaryWord(text))) {
        for (let at = index + 1; at < after; at++) labels[at] = 'other'
        continue
      }
    }
    // Into text read as such: in lower case, or any with a word of prose in the sentence
    // (`… ging vom Minister Paul | Martin aus.`).
    const runsOn = end < texts.length && (starts.has(end) || (labels[end] === 'other' && (prose || /^\p{Ll}/u.test(texts[end] ?? ''))))
    if (end === index + 1 || !runsOn) continue
    // The prose the sentence runs into: a word of prose among its next words.
    if (!prose && !texts.slice(end, end + 6).some((text, offset) => labels[end + offset] === 'other' && isCommentaryWord(text))) continue
    for (let at = index + 1; at < end; at++) labels[at] = 'other'
  }
}

/** Articles and prepositions before a noun: what stands after them is no given name (`zur Hanse`). */
const beforeNoun = /^(?:der|die|das|des|dem|den|ein|eine|einer|zur|zum|im|am|vom|beim|ins|the|of|a|an|le|la|les|du|il|lo|el)$/

/**
 * `So schon Heinrich Brandt, Die Hanse …`: a capitalized word the labeller read as prose, after a
 * lower-case word of the sentence and right before a family name with its comma and a title,
 * is the given name.
 */
function givenNameBeforeFamily(texts: readonly string[], labels: Label[]): void {
  for (let index = 2; index + 1 < texts.length; index++) {
    if (labels[index] !== 'author' || labels[index - 1] !== 'other' || labels[index + 1] !== 'title' || !familyAlone.test(texts[index] ?? '')) continue
    const given = texts[index - 1] ?? ''
    const before = texts[index - 2] ?? ''
    if (!/^\p{Lu}\p{Ll}{2,}$/u.test(given) || lexiconOf.has(given.toLowerCase())) continue
    if (!/^\p{Ll}+$/u.test(before) || beforeNoun.test(before) || labels[index - 2] !== 'other') continue
    labels[index - 1] = 'author'
  }
}

/** `Vgl.`, `siehe`, `see`, `cf.`, Russian `См.` (see), `Ср.` (compare): words that lead into a reference. */
const leadInWord = /^\(?(?:[Vv]gl\.|[Vv]ergleiche|[Ss]iehe|see|[Cc]f\.|[Cc]fr\.|[Cc]ompare|[Vv]oir|[Vv]edi|[Vv]éase|[Vv]ease|[Vv]id\.|[Сс]м\.|[Сс]р\.)[:,]?$/
/** Words between a lead-in and the reference (`vgl. auch`, `see, e.g.,`). */
const leadInFiller = /^(?:auch|dazu|hierzu|etwa|insbes\.|insbesondere|z\.|B\.|z\.\s?B\.|u\.|a\.|u\.\s?a\.|unter|anderem|also|e\.g\.|for|example|generally|ferner|ausführlich|näher|grundlegend|aussi|anche|также|напр\.|:)[:,]?$/i
/**
 * A lead-in inside what the labeller read as one reference (`… Vorgehens vgl.: Anna Lindner:
 * Titel`, `…; vgl. Krause (1995)`): the lead-in is no part of a reference, and one starts after it.
 */
function leadInStarts(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index] ?? ''
    if (!leadInWord.test(text) || labels[index] === 'other') continue
    // `See` with a capital is a lead-in only where a sentence or a note begins (the German lake is not).
    if (/^See/.test(text) && index > 0 && !/[.;:)]$/.test(texts[index - 1] ?? '')) continue
    let next = index + 1
    while (next < texts.length && next - index <= 3 && leadInFiller.test(texts[next] ?? '')) next++
    if (next >= texts.length || !/^[\p{Lu}„“"«‚'(]/u.test(texts[next] ?? '') || labels[next] === 'other') continue
    for (let at = index; at < next; at++) labels[at] = 'other'
    starts.add(next)
    index = next
  }
}

/** `Siehe`, `Dazu`, `Es`: words of lead-ins and prose, no names. */
function isLeadInOrProse(text: string): boolean {
  return isProseWord(wordOf(text))
}

/** A year as author-date citations print it after the names: `(1995)`, `(1995a),`, `(2008, 127)`, `(1990: 10`. */
const parenthesizedYear = new RegExp(String.raw`^\(${year}[a-z]?(?:[,:;]|\)[.,:;]?)$`)
/** `1990:` or `2004,` before a page: `Hartmann 1990: 10`, `Lembke 2014, S. 27`. */
const bareYear = new RegExp(String.raw`^${year}[a-z]?[:,]$`)
const pageAfterYear = /^(?:S\.|p\.|pp\.|\d)/
/** A word of the names before an author-date year: `Müller`, `Rössler/Schleiermacher`, `H.`, `und`, `et al.`. */
const nameWord = /^(?:\p{Lu}[\p{L}'’-]*(?:\/\p{Lu}[\p{L}'’-]*)*,?|(?:\p{Lu}\.-?){1,3},?|\/|&|und|and|u\.|et|al\.,?|van|von|de|der|den|du|la|le|di|da)$/u
const nameless = new Set(['place', 'publisherWord', 'month', 'journalWord', 'article', 'genre'])
const notBeforeNames = /^(?:in|In|von|v\.|by|hg\.|hrsg\.|Hg\.|Hrsg\.|ed\.|eds\.|edited|herausgegeben|a|cura)[:,]?$/

/**
 * Author-date citations the labeller ran into the text before them: `S. 5. Berger (1995), S. 7`,
 * `… gibt Krause (1984), S. 267`, `Roth 2014, S. 27 Lindner 2004, S. 210`. Each starts a
 * reference of its own, its names read as authors and its year as the date.
 */
function authorDateStarts(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  let paged = false
  for (let index = 1; index < texts.length; index++) {
    const text = texts[index] ?? ''
    const label = labels[index - 1]
    if (label === 'other' || starts.has(index - 1)) paged = false
    if (label === 'pages') paged = true
    const parenthesized = parenthesizedYear.test(text)
    if (!parenthesized && !(bareYear.test(text) && pageAfterYear.test(texts[index + 1] ?? ''))) continue
    // The names before the year, back to where a sentence, a reference or the note ends.
    let first = index
    while (first > 0 && index - first < 6 && nameWord.test(texts[first - 1] ?? '') && !leadInWord.test(texts[first - 1] ?? '') && !isLeadInOrProse(texts[first - 1] ?? '')) {
      first--
      if (/[.;]$/.test(texts[first - 1] ?? '') && !/^(?:\p{Lu}\.-?){1,3}$/u.test(texts[first - 1] ?? '')) break
    }
    while (first < index && !/^\p{Lu}\p{L}/u.test(texts[first] ?? '')) first++
    if (first === index || first === 0) continue
    const before = texts[first - 1] ?? ''
    // Names run on from names before, unless a sentence ended there (`… für Arbeit und Soziales. Nowak, P. (2011):`).
    const sentenceEnded = parenthesized && /\p{Ll}{3}[.!?]$/u.test(before) && !lexiconOf.has(before.slice(0, -1).toLowerCase())
    if (notBeforeNames.test(before) || ((labels[first - 1] === 'author' || labels[first - 1] === 'editor') && !sentenceEnded)) continue
    // Places, publishers, months, journals and articles are no names (`Beispiel Verlag, 2001, S. 14`).
    const names = texts.slice(first, index)
    if (names.some((name) => lexiconOf.get(name.replace(/[,.]$/, '').toLowerCase())?.some((lexicon) => nameless.has(lexicon)))) continue
    // Read as a journal or publisher, unless a sentence ended before the names and their bracketed year.
    if (!(parenthesized && /\p{L}{3}[”“"»’‘]?[.!?]$/u.test(before)) && labels.slice(first, index).some((label) => label === 'journal' || label === 'publisher' || label === 'container-title')) continue
    // Inside a title (`Geschichte Europas (1918)`), unless after a word of prose (`so`, `gibt`),
    // and a bare year after a place (`Berlin 1990, S. 4`): no.
    if (labels[first] === 'title' && labels[first - 1] === 'title' && !/[.;:]$/.test(before) && !isProseWord(before)) continue
    // A bare year after a page before it, or right after a lead-in (`vgl. Lenz/Roth 1993: 24`).
    if (!parenthesized && !leadInWord.test(before) && !((/[.;)]$/.test(before) || /\d(?:\s?ff?\.?)?$/.test(before)) && paged)) continue
    for (let at = first; at < index; at++) labels[at] = 'author'
    labels[index] = 'date'
    if (labels[first - 1] !== 'other') starts.add(first)
  }
}

/** `(2006):` — a year in brackets before a colon, where a full author-date reference names its work. */
const yearBeforeWork = new RegExp(String.raw`^\(${year}[a-z]?\):$`)
/** The small words of a body's name: `Ministerium der Finanzen`, `Office of the Census`. */
const bodyJoin = /^(?:der|des|dem|den|für|und|zur|zum|am|im|of|the|and|for|on|de|del|la|los|las|y|e|et|du|des|di|della|[–&/-])$/
const bodyWord = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\p{L}*\/\p{Lu}[\p{L}/]*),?$/u

/**
 * `…, Bern, 43; Ministerium der Finanzen (2006): Titel`, `… Graz. Amt für Statistik, Abteilung
 * Regionen (2007): Jahrbuch`: names of persons or bodies between the end of a reference (a full
 * stop or a semicolon) and a bracketed year with a colon start a reference of their own.
 */
function bodyDateStarts(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  for (let index = 2; index < texts.length; index++) {
    if (!yearBeforeWork.test(texts[index] ?? '')) continue
    let first = index
    while (first > 0 && index - first < 16 && !/[.;]$/.test(texts[first - 1] ?? '') && (bodyWord.test(texts[first - 1] ?? '') || bodyJoin.test(texts[first - 1] ?? ''))) first--
    // Back to the end of the reference before, not into one (`In: Weber, H. (Hrsg.) (1998):`).
    if (first === 0 || first === index || !/[.;]$/.test(texts[first - 1] ?? '') || /^(?:\p{Lu}\.-?){1,3}$/u.test(texts[first - 1] ?? '')) continue
    if (!/^\p{Lu}\p{Ll}/u.test(texts[first] ?? '') || labels[first] === 'author') continue
    if (texts.slice(first, index).some((text) => leadInWord.test(text) || /\d/.test(text))) continue
    for (let at = first; at < index; at++) labels[at] = 'author'
    labels[index] = 'date'
    starts.add(first)
    // The work named after the colon is its title, not a journal's or book's.
    for (let at = index + 1; at < texts.length && (labels[at] === 'journal' || labels[at] === 'container-title'); at++) {
      labels[at] = 'title'
      if (/[.,:]$/.test(texts[at] ?? '')) break
    }
  }
}

const yearOrSpan = new RegExp(String.raw`^${year}(?:[-–]${year})?[.,]?$`)

/**
 * `Amt für Jugend (2012): Jahresbericht 2012. Bonn.`, `… (2006): Plan für Bildung 2007–2010,
 * Graz`: after the names and the year of an author-date reference the work is named, whatever
 * the labeller read its first words as, and a year printed with its title, no comma between,
 * is the title's: the reference's date was given with the names.
 */
function titleAfterHead(texts: readonly string[], labels: Label[]): void {
  for (let index = 1; index + 1 < texts.length; index++) {
    if (labels[index] !== 'date' || labels[index - 1] === 'other' || !/^\p{Lu}/u.test(texts[index - 1] ?? '') || !yearBeforeWork.test(texts[index] ?? '')) continue
    let at = index + 1
    while (at < texts.length && labels[at] === 'author' && !yearBeforeWork.test(texts[at + 1] ?? '') && !/^\(/.test(texts[at + 1] ?? '')) labels[at++] = 'title'
    while (at < texts.length && labels[at] === 'title') at++
    // The title's last words, read as a journal, before its year: `Plan für Bildung 2007, Graz`.
    let end = at
    while (at > index + 1 && !/[.,:;?!]$/.test(texts[at - 1] ?? '') && end < texts.length && end - at < 3 && (labels[end] === 'journal' || labels[end] === 'container-title') && !/[.,:;]$/.test(texts[end] ?? '')) end++
    if (at > index + 1 && /^(?:date|citation-number|volume)$/.test(labels[end] ?? '') && yearOrSpan.test(texts[end] ?? '') && !/[.,:;]$/.test(texts[end - 1] ?? '')) {
      for (let word = at; word <= end; word++) labels[word] = 'title'
    }
  }
}

/** A classical text's divisions: `4.32–33`, `1.150`, `21.4-5.`, no date (`12.3.1950`). */
const classicalToken = /^(\d{1,3}(?:\.\d{1,3}){1,3}(?:[-–]\d{1,4}(?:\.\d{1,4}){0,3})?)[.,;]?$/
const authorOfWork = /^\p{Lu}[\p{L}'’-]+,$/u

/**
 * `Tacitus, Annales 4.32–33; Cicero, De officiis 1.150`: an author's name and comma, a few
 * words of a title and divisions joined by full stops are author, title and locator, whatever
 * the labeller read them as (dates, journals).
 */
function classicalLocators(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  for (let index = 2; index < texts.length; index++) {
    const text = texts[index] ?? ''
    if (!classicalToken.test(text) || yearInText.test(text) || !/\p{L}{2}[,]?$/u.test(texts[index - 1] ?? '') || lexiconOf.get((texts[index - 1] ?? '').replace(/[.,]$/, '').toLowerCase())?.some((lexicon) => locatorLexicons.has(lexicon))) continue
    let first = index - 1
    while (first > 0 && index - first < 8 && !/[;.:]$/.test(texts[first - 1] ?? '') && !authorOfWork.test(texts[first] ?? '')) first--
    if (first === index - 1 || !authorOfWork.test(texts[first] ?? '') || (first > 0 && !/[;.:]$/.test(texts[first - 1] ?? ''))) continue
    // A year, a number or a quotation between name and divisions: a modern title (`Web 2.0.`).
    if (texts.slice(first + 1, index).some((word) => /[\d«»“”"„()]/.test(word))) continue
    labels[first] = 'author'
    for (let at = first + 1; at < index; at++) labels[at] = 'title'
    labels[index] = 'pages'
    if (first > 0) starts.add(first)
  }
}

/** `cit.` printed after a short title, or closing `op. cit.`, `art. cit.`, `loc. cit.`. */
const citWord = /^cit\.[,;:]?$/i
const citLead = /^(?:op|art|loc)\.$/i
/** Russian `Указ. соч.`, `Цит. соч.` (the work cited), `Указ. ст.` (the article cited): op. cit. */
const citLeadRussian = /^(?:указ|цит)\.$/iu
const citWordRussian = /^(?:соч|раб|ст)\.[,;:]?$/iu
/** Ibid. and its kin printed as one word: `ivi`, `ibid.`, `ibidem`, `ibíd.`, `ib.`, `ebd.`, `ebenda`. */
const ibidWord = /^(?:ivi|ibid\.?|ibidem|ibíd\.?|ib\.|ebd\.?|ebda\.?|ebenda)[,.;:]?$/i
/** Words that open a sentence before names, never given names: `As`, `Both`, `Like`, `Wie`, `Selon`, `Secondo`. */
const sentenceOpener = /^(?:As|Both|Like|Unlike|While|Whereas|Since|Following|According|Pace|Contra|Wie|Laut|Gemäß|Nach|Anders|Comme|Selon|Suivant|Contrairement|Come|Secondo|Seguendo|Como|Según)$/
const familyAlone = /^\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}'’-]+)?,$/u

/**
 * `Dumont, art. cit., p. 50`, `Ferranti, Le corporazioni cit., p. 80; ivi, p. 82`: the marks of
 * a short form (`op. cit.`, `art. cit.`, `loc. cit.`, `cit.`) are no words of a title and no
 * editors' names, and the names before them are the author's; an Ibid. (`ivi`, `ibid.`, `ebd.`)
 * or the author cited before (`id.`, `ead.`, `dies.`) where a note or sentence begins or after a
 * semicolon starts a reference of its own.
 */
function shortFormMarks(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index] ?? ''
    // `As Brenner (2001, p. 17) shows`, `Both Roth (2004) and …`: a word that opens a sentence is no given name.
    if (sentenceOpener.test(text) && labels[index] === 'author' && labels[index + 1] === 'author' && /^\p{Lu}/u.test(texts[index + 1] ?? '') && (index === 0 || labels[index - 1] === 'other' || /[.;:]$/.test(texts[index - 1] ?? ''))) {
      labels[index] = 'other'
      starts.add(index + 1)
      continue
    }
    if ((ibidWord.test(text) || sameAuthors.test(text)) && (index === 0 || /[.;]$/.test(texts[index - 1] ?? ''))) {
      if (index > 0) starts.add(index)
      labels[index] = 'author'
      // `Ders.: Die Deiche, Aurich 1966`: the mark is the whole author; the words the labeller
      // read as names after it are the title, and a word before the year its place.
      // `ders., Von Weimar nach Auschwitz, Stuttgart 1999`: words it read as prose too, where a
      // reference goes on after them.
      let close = index + 1
      while (close < texts.length && close - index <= 12 && (labels[close] === 'author' || labels[close] === 'other') && !/[,.:]$/.test(texts[close] ?? '')) close++
      const titled = labels[index + 1] === 'author' || (labels[index + 1] === 'other' && /[,.:]$/.test(texts[close] ?? '') && labels[close + 1] !== undefined && labels[close + 1] !== 'other')
      if (sameAuthors.test(text) && titled) {
        let at = index + 1
        while (at < texts.length && (labels[at] === 'author' || labels[at] === 'other')) {
          labels[at++] = 'title'
          if (/[,.:]$/.test(texts[at - 1] ?? '')) break
        }
        let end = at
        while (end < texts.length && labels[end] === 'author') end++
        if (labels[end] === 'date') for (let word = at; word < end; word++) labels[word] = 'location'
      }
      continue
    }
    // `*op. cit.*`: the marks in emphasis too.
    const bare = text.replace(/\*/g, '')
    const after = (texts[index + 1] ?? '').replace(/\*/g, '')
    const end = (citLead.test(bare) && citWord.test(after)) || (citLeadRussian.test(bare) && citWordRussian.test(after))
      ? index + 1
      : /^a\.$/.test(text) && /^a\.$/.test(texts[index + 1] ?? '') && /^O\.[,;:]?$/.test(texts[index + 2] ?? '') && index > 0
        ? index + 2
        : (citWord.test(text) || /^a\.\s?a\.\s?O\.[,;:]?$/.test(text)) && index > 0 && labels[index - 1] !== 'other' ? index : -1
    if (end < 0) continue
    for (let at = index; at <= end; at++) labels[at] = 'note'
    // The names before the mark, back to where the reference starts.
    let first = index
    while (first > 0 && index - first < 6 && (labels[first - 1] === 'editor' || labels[first - 1] === 'author') && !starts.has(first)) first--
    const names = texts.slice(first, index)
    if (first === index && index > 0 && labels[index - 1] === 'title' && familyAlone.test(texts[index - 1] ?? '') && (index === 1 || /[.;]$/.test(texts[index - 2] ?? ''))) {
      labels[index - 1] = 'author'
    } else if (names.length > 0 && !names.some((name) => editorCueWord.test(name))) {
      for (let at = first; at < index; at++) labels[at] = 'author'
    }
    index = end
  }
}

/** Russian notes' cues: `с.`/`С.`/`сс.` before pages, `№` before an issue, the towns printed abbreviated before a publisher. */
const russianPageCue = /^(?:с|С|сс|Сс)\.$/u
const russianPages = /^\d+(?:\s*[-–—]\s*\d+)?[.,;]?$/u
const russianTown = /^(?:М|Л|СПб|Пг|К|Мн|Спб|Н\.\s?Новгород)\.[,:]?$/u
const russianVolumeCue = /^(?:т|Т|вып|Вып)\.$/u
const cyrillicFamily = /^\p{Lu}[а-яё]+(?:-\p{Lu}[а-яё]+)?$/u
const cyrillicInitial = /^[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?,?$/u
/** `Ершов В. К.`: a Cyrillic family name, then the initials. */
const cyrillicFamilyInitials = /^\p{Lu}[а-яё]+(?:-\p{Lu}[а-яё]+)?\s+[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?$/u
/** `В. К. Ершов`: the initials, then a Cyrillic family name. */
const cyrillicInitialsFamily = /^[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?\s+\p{Lu}[а-яё]+(?:-\p{Lu}[а-яё]+)?$/u
const cyrillicWord = /^[«„"]?[А-ЯЁ][а-яё]/u
const russianYear = /^(?:1[5-9]|20)\d\d[.,]?$/

/**
 * `Иванов И. И. История города. Тверь, 1988. С. 4.`, `… Очерки // Вопросы истории. 1990.`:
 * the GOST form, family name first, then the title up to the full stop before the town
 * (`Тверь,` before a year, `Тверь:` before a publisher) or up to `//` before the journal.
 * Returns the index after the title, or -1.
 */
function russianHeadTitle(texts: readonly string[], labels: Label[], index: number): number {
  // `Ершов В. К., Лапин Д. Н.`: each name of the list, family name then initials.
  let at = index
  for (;;) {
    if (!cyrillicFamily.test(texts[at] ?? '')) return -1
    const family = at
    at++
    while (at < texts.length && at - family <= 2 && cyrillicInitial.test(texts[at] ?? '')) at++
    if (at === family + 1) return -1
    if (!/,$/.test(texts[at - 1] ?? '')) break
  }
  if (!cyrillicWord.test(texts[at] ?? '') || cyrillicInitial.test(texts[at] ?? '')) return -1
  for (let end = at; end < texts.length && end - at < 25; end++) {
    const word = texts[end] ?? ''
    const next = texts[end + 1] ?? ''
    const journal = next === '//'
    const town = townAfter(texts, end)
    if (!journal && !town) {
      if (/;$/.test(word) || /^\/\/$/.test(word)) return -1
      continue
    }
    for (let name = index; name < at; name++) labels[name] = 'author'
    for (let title = at; title <= end; title++) labels[title] = 'title'
    if (town) townAndPublisher(texts, labels, end + 1)
    else {
      // `// Вехи мысли. Т. 5: Теория рынков / под ред. …. СПб., 2003`: the book it is in, up to
      // its full stop or colon, and its editors and town after the slash.
      let container = end + 2
      while (container < texts.length && container - end <= 12 && !/[.:]$/.test(texts[container] ?? '') && texts[container + 1] !== '/') container++
      // A journal's year follows its name (`// Вопросы истории. 1990. № 7`), a book's town or editors.
      const journal = russianYear.test(texts[container + 1] ?? '')
      for (let word = end + 2; word <= container && word < texts.length; word++) labels[word] = journal ? 'journal' : 'container-title'
      const next = texts.indexOf('/', container + 1)
      const slash = next > 0 && next - container <= 15 ? next : -1
      if (slash > 0 && !texts.slice(container, slash).some((text) => /;$/.test(text) || text === '//')) editorsAndTown(texts, labels, slash)
    }
    return end + 1
  }
  return -1
}

/** `… // Вехи мысли. Т. 5. Теория рынков / под ред. …`: a `//` earlier in the reference (back to a semicolon) opens the journal or book it is in. */
function afterJournalCue(texts: readonly string[], index: number): boolean {
  for (let at = index - 1; at >= 0 && index - at <= 30 && !/;$/.test(texts[at] ?? ''); at--) if (texts[at] === '//') return true
  return false
}

/** Does a town follow the word at `end`, which closes a sentence: `М.,`, `Тверь, 1988`, `Тверь: Книга`? */
function townAfter(texts: readonly string[], end: number): boolean {
  const next = texts[end + 1] ?? ''
  // `М.,`, `Л.:`, `СПб. 1999`; `Л. М. Грин` is a name.
  const abbreviated = russianTown.test(next) && (/[,:]$/.test(next) || russianYear.test(texts[end + 2] ?? ''))
  return /\.$/.test(texts[end] ?? '') && (abbreviated || (/^\p{Lu}[\p{Ll}-]+[,:]$/u.test(next) && (/:$/.test(next) || russianYear.test(texts[end + 2] ?? ''))))
}

/** The town at `at`, and after its colon the publisher up to the year. */
function townAndPublisher(texts: readonly string[], labels: Label[], at: number): void {
  labels[at] = 'location'
  if (!/:$/.test(texts[at] ?? '')) return
  let publisher = at + 1
  while (publisher < texts.length && publisher - at <= 6 && !russianYear.test(texts[publisher] ?? '')) labels[publisher++] = 'publisher'
}

/**
 * `История края / под ред. И. И. Иванова. Тверь, 1999.`: a collective work in the GOST form,
 * its title up to the slash, its editors after `под ред.` up to the town. Returns the index
 * after the editors, or -1.
 */
function russianEditedTitle(texts: readonly string[], labels: Label[], index: number): number {
  if (!cyrillicWord.test(texts[index] ?? '')) return -1
  const next = texts.indexOf('/', index + 1)
  const slash = next > 0 && next - index <= 15 ? next : -1
  if (slash < 0 || texts.slice(index, slash).some((text) => /[;/]$/.test(text))) return -1
  const end = editorsAndTown(texts, labels, slash)
  if (end < 0) return -1
  for (let title = index; title < slash; title++) labels[title] = 'title'
  return end
}

/** `/ под ред. А. Б. Лосева. Тверь: Книга, 2001`: the editors after the slash's cue, the town and publisher; the index after the editors, or -1. */
function editorsAndTown(texts: readonly string[], labels: Label[], slash: number): number {
  if (texts[slash] !== '/' || !/^под$/iu.test(texts[slash + 1] ?? '')) return -1
  // `под ред.`, `под общ. ред.`
  const cue = /^ред\.$/iu.test(texts[slash + 2] ?? '') ? slash + 2 : /^общ\.$/iu.test(texts[slash + 2] ?? '') && /^ред\.$/iu.test(texts[slash + 3] ?? '') ? slash + 3 : -1
  if (cue < 0) return -1
  for (let end = cue + 1; end < texts.length && end - slash <= 10; end++) {
    if (!townAfter(texts, end)) continue
    for (let editor = slash; editor <= end; editor++) labels[editor] = 'editor'
    townAndPublisher(texts, labels, end + 1)
    return end + 1
  }
  return -1
}

/**
 * `И. И. Иванов, *Город*, М.: Наука, 1975, с. 45.`, `Там же, с. 46.`, `Вопросы истории, 1982,
 * № 4, с. 33–47`: Russian notes' cues, which the labeller, trained on Latin script, reads
 * badly. `с. 45` (`С. 45`) is a page; `№ 4` an issue (read with the volume's words); `М.`,
 * `Л.`, `СПб.` before a publisher's colon or a year are the town; `Там же` (Ibid.) where a
 * note or sentence begins, or after a semicolon, starts a reference of its own.
 */
function russianMarks(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index] ?? ''
    const next = texts[index + 1] ?? ''
    const opens = (index === 0 || /[.;]$/.test(texts[index - 1] ?? '')) && !afterJournalCue(texts, index)
    const headEnd = opens ? Math.max(russianHeadTitle(texts, labels, index), russianEditedTitle(texts, labels, index)) : -1
    if (headEnd > 0) {
      if (index > 0) starts.add(index)
      index = headEnd - 1
    } else if (/^(?:там|он|она|они)$/iu.test(text) && /^же[,.;:]?$/u.test(next) && (index === 0 || /[.;]$/.test(texts[index - 1] ?? ''))) {
      if (index > 0) starts.add(index)
      labels[index] = labels[index + 1] = 'author'
      index++
    } else if (russianPageCue.test(text) && russianPages.test(next) && index > 0) {
      labels[index] = labels[index + 1] = 'pages'
      index++
    } else if (russianVolumeCue.test(text) && /^\d+[.,;:]?$/.test(next) && index > 0) {
      labels[index] = labels[index + 1] = 'volume'
      index++
    } else if (text === '№' && /^\d+(?:[-–/]\d+)?[.,;]?$/.test(next) && index > 0) {
      labels[index] = labels[index + 1] = 'volume'
      index++
    } else if (russianTown.test(text) && index > 0 && /[,.]$/.test(texts[index - 1] ?? '') && (/:$/.test(text) || /^(?:1[5-9]|20)\d\d[.,]?$/.test(next))) {
      labels[index] = 'location'
    }
  }
}

/**
 * `…, S. 7ff Falk Berger, Titel, …`, `…, S. 6 Ebd.`, `…, S. 106. Anna Roth, ebd.`: after a
 * page, its full stop printed or lost, a name as printed (given name, family name and a comma)
 * or an Ibid. starts the next reference.
 */
function startsAfterPages(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  for (let index = 1; index + 1 < texts.length; index++) {
    if (labels[index - 1] !== 'pages' || !/\d(?:f{1,2})?\.?$/.test(texts[index - 1] ?? '')) continue
    const text = texts[index] ?? ''
    if (ibidPattern.test(text) && /^\p{Lu}/u.test(text)) {
      starts.add(index)
      continue
    }
    if (!/^\p{Lu}\p{Ll}+$/u.test(text) || !/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?,$/u.test(texts[index + 1] ?? '') || isProseWord(text)) continue
    labels[index] = labels[index + 1] = 'author'
    starts.add(index)
  }
}

/** A year alone as author-date citations print it: `1984`, `(1984)`, `1984a.`, `(1984),`. */
const yearAlone = new RegExp(String.raw`^\(?${year}[a-z]?\)?[.,;:]?$`)
const citationJoin = /^(?:und|and|sowie|as well as|et|ou|e|y|bzw\.)$/
const singleName = /^\p{Lu}\p{Ll}[\p{L}'’-]*$/u

/**
 * `siehe Kunze 1984 und Albrecht 1989`: a second author-date citation joined to the first by
 * `und`, `and`, … is one of its own, whatever the labeller read it as.
 */
function joinedAuthorDate(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  for (let index = 2; index + 2 < texts.length; index++) {
    if (!citationJoin.test(texts[index] ?? '') || labels[index - 1] !== 'date' || labels[index - 2] !== 'author') continue
    if (!yearAlone.test(texts[index - 1] ?? '') || !singleName.test(texts[index + 1] ?? '') || !yearAlone.test(texts[index + 2] ?? '')) continue
    labels[index] = 'other'
    labels[index + 1] = 'author'
    labels[index + 2] = 'date'
    starts.add(index + 1)
  }
}

/** A year in brackets with its page after a colon or comma: `(2003:`, `(2003,`. */
const yearOpensPage = new RegExp(String.raw`^\(${year}[a-z]?[:,]$`)
/** A page closing that bracket: `205)`, `12 f.)`, `S.`. */
const pageInBracket = /^(?:S\.|p\.|pp\.|\d+(?:[-–]\d+)?f{0,2}\.?\)?[.,;]?|f{1,2}\.\)[.,;]?)$/

/**
 * `Müller (2003: 205) und Weber (2001: 17)`: author-date citations with their pages in the
 * brackets, joined by `und`/`and`, are two; the page in each bracket is the locator.
 */
function joinedBracketedDates(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  for (let index = 1; index < texts.length; index++) {
    if (!yearOpensPage.test(texts[index] ?? '') || (labels[index - 1] !== 'author' && !starts.has(index - 1) && labels[index] !== 'date')) continue
    let close = index + 1
    while (close < texts.length && close - index <= 3 && pageInBracket.test(texts[close] ?? '') && !/\)[.,;]?$/.test(texts[close] ?? '')) close++
    // `(1979, 1994)`: a second year is another work of the same names, no page.
    if (close >= texts.length || !/^\d.*\)[.,;]?$|^f{1,2}\.\)[.,;]?$/.test(texts[close] ?? '') || texts.slice(index + 1, close + 1).some((word) => yearAlone.test(word.replace(/\)+/, ')')))) continue
    for (let at = index + 1; at <= close; at++) labels[at] = 'pages'
    labels[index] = 'date'
    const join = close + 1
    if (!citationJoin.test(texts[join] ?? '') || !singleName.test(texts[join + 1] ?? '') || !/^\((?:1[5-9]|20)\d\d/.test(texts[join + 2] ?? '')) continue
    labels[join] = 'other'
    labels[join + 1] = 'author'
    labels[join + 2] = 'date'
    starts.add(join + 1)
  }
}

/**
 * `Müller 2003: 12; Weber 2001.`, `vgl. Roth 1990; Kern 1994`: after a `;` that ends an
 * author-date citation, a name or two and a year alone ending the note (or before a `;`, a
 * comma or its page) are another citation, whatever the labeller read them as.
 */
function listedAuthorDates(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  for (let index = 2; index < texts.length; index++) {
    const text = texts[index] ?? ''
    if (!yearAlone.test(text) || /^\(/.test(text)) continue
    const last = index === texts.length - 1 || /[;,]$/.test(text) || pageAfterYear.test(texts[index + 1] ?? '')
    if (!last) continue
    let first = index
    while (first > 0 && index - first < 3 && nameWord.test(texts[first - 1] ?? '') && !/;$/.test(texts[first - 1] ?? '')) first--
    if (first === index || first === 0 || !/^\p{Lu}\p{Ll}/u.test(texts[first] ?? '') || !/;$/.test(texts[first - 1] ?? '')) continue
    if (labels[first - 1] !== 'date' && labels[first - 1] !== 'pages') continue
    if (!texts.slice(first, index).every((word) => !isLeadInOrProse(word) && !lexiconOf.get(word.replace(/[,.]$/, '').toLowerCase())?.some((lexicon) => nameless.has(lexicon)))) continue
    if (labels.slice(first, index + 1).every((label, at) => label === (at + first === index ? 'date' : 'author'))) continue
    for (let at = first; at < index; at++) labels[at] = 'author'
    labels[index] = 'date'
    starts.add(first)
  }
}

/**
 * `Winkler and Price (in press)`: the mark of a work to come stands where the year would, after
 * the names; both are read so whatever the labeller made of them.
 */
/**
 * `vom 3. Mai 1797`, `le 1er mai 1871`: a day the labeller read as a date and the month and year
 * after it are one date, not a page followed by a new reference.
 */
function printedDatesWhole(texts: readonly string[], labels: Label[]): void {
  for (let index = 0; index + 2 < texts.length; index++) {
    if (labels[index] !== 'date' || !/^\d{1,2}(?:\.|er)?$/.test(texts[index] ?? '')) continue
    if (monthNumber((texts[index + 1] ?? '').replace(/[.,]$/, '')) === undefined || !/^(?:1[5-9]|20)\d\d[,.;:]?$/.test(texts[index + 2] ?? '')) continue
    labels[index + 1] = 'date'
    labels[index + 2] = 'date'
  }
}

/** `2005 .`, `S. 19 .`: a full stop or comma printed apart ends the word before it and takes its label. */
function punctuationAlone(texts: readonly string[], labels: Label[]): void {
  for (let index = 1; index < texts.length; index++) if (/^[.,]$/.test(texts[index] ?? '')) labels[index] = labels[index - 1] ?? 'other'
}

/** The words of a reference list's key before its year: `Brandt`, `u.`, `a.`, `und`, `Lemke`, `et`, `al.`. */
const keyWord = /^(?:\p{Lu}[\p{L}'’-]*|u\.|a\.|und|and|&|et|al\.)$/u
/** The key's year, bare: `2008`, `2008a`. */
const keyYear = new RegExp(String.raw`^${year}[a-z]?$`)

/**
 * `Brandt u. a. 2008 Brandt, K. ; Lemke, S.: Title`: a reference list's key (names and a bare
 * year, as LaTeX's German author-year styles print it) before the entry, whose names open with
 * the key's first name again, is no part of the reference.
 */
function citationKeyDropped(texts: readonly string[], labels: Label[]): void {
  const name = texts[0] ?? ''
  if (!/^\p{Lu}[\p{L}'’-]+$/u.test(name)) return
  let at = 1
  while (at < texts.length && at < 7 && keyWord.test(texts[at] ?? '') && !keyYear.test(texts[at] ?? '')) at++
  if (!keyYear.test(texts[at] ?? '') || (texts[at + 1] ?? '').replace(/[,:]$/, '') !== name) return
  for (let word = 0; word <= at; word++) labels[word] = 'other'
  // The entry's names up to their colon, which the labeller may have read on from the key as a title.
  let end = at + 1
  while (end < texts.length && end - at <= 30 && !(texts[end] ?? '').endsWith(':') && entryNameWord.test(texts[end] ?? '')) end++
  if ((texts[end] ?? '').endsWith(':') && entryNameWord.test((texts[end] ?? '').replace(/:$/, ''))) for (let word = at + 1; word <= end; word++) labels[word] = 'author'
}

/** A word of a list of names: `Brandt,`, `K.`, `S.W.`, `;`, `Gonzalez`, `(Hrsg.)`, `von`. */
const entryNameWord = /^(?:\p{Lu}[\p{L}'’-]*[,.]?|(?:\p{Lu}\.-?)+,?|;|von|van|de|der|den|du|la|le|di|da|\((?:Hrsg|Hg|Ed|Eds)\.\)[,;]?)$/u

/**
 * `Senatsverwaltung für Häfen, Verkehr …`: the noun opening a body's name, read as commentary
 * where the labeller read the words after it as names, is the name's first word.
 */
function bodyNameOpened(texts: readonly string[], labels: Label[]): void {
  // `See de Marville, …`, `Voir de Lanoy, …`: a lead-in before a particle opens no body's name.
  if (leadInWord.test(texts[0] ?? '') || isLeadInOrProse(texts[0] ?? '')) return
  if (labels[0] === 'other' && labels[1] === 'author' && /^\p{Lu}\p{Ll}+$/u.test(texts[0] ?? '') && /^(?:der|des|für|of|for|de|du|del|della|di)$/.test(texts[1] ?? '')) labels[0] = 'author'
}

/**
 * `o. J.` and `o. O.` (German: no year, no place), `s. d.` and `s. l.` (French and Latin), `n. d.`
 * and `n. p.` (English): the marks of an imprint's missing facts, printed where its date and place
 * stand. They belong to the reference's date, not to its title nor to a name opening another.
 */
function missingImprintMarks(texts: readonly string[], labels: Label[]): void {
  for (let index = 1; index < texts.length; index++) {
    const text = texts[index] ?? ''
    // Every mark opens with its letter and a full stop, after the stop of the element before.
    // or opens a bracket where a year would stand (`Name (o. J.):`).
    if (!/^\(?[osn](?:\.|$)/.test(text) || (!text.startsWith('(') && !/[,.;:)]$/.test(texts[index - 1] ?? ''))) continue
    const joined = missingImprint.test(text)
    const split = !joined && missingImprint.test(`${text}${texts[index + 1] ?? ''}`)
    if (!joined && !split) continue
    labels[index] = 'date'
    if (split) labels[index + 1] = 'date'
  }
}

/** A missing fact's mark, its two letters apart (`o.` `J.,`) or joined (`o.J.,`, `s.d.`). */
const missingImprint = /^(?:o\.[JO]|s\.[dl]|n\.[dp])\.[,;:]?$|^\((?:o\.[JO]|s\.[dl]|n\.[dp])\.\)[.,;:]?$/

/** An article opening a title: `Der Deich`, `The Harbour`. */
const titleArticleWord = /^(?:Der|Die|Das|Ein|Eine|The|A|An|Le|La|Les|Un|Une|Il|Lo|Gli|El|Los|Las)$/
/** A year closing the imprint: `1975,`, `1980.`. */
const imprintYear = /^(?:1[5-9]|20)\d\d[,.;]?$/

/**
 * `Jan Peters, Der Deich, Husum 1980`, `Tom Reid, Harbours and Empire, Oxford 1975`: a run the
 * labeller read as names, which opens with a person's name in natural order and its comma and
 * ends with a town before the year, holds the title between them, not more names.
 */
function titleBetweenNameAndPlace(texts: readonly string[], labels: Label[]): void {
  for (let start = 0; start < texts.length; start++) {
    if (labels[start] !== 'author' || (start > 0 && labels[start - 1] === 'author')) continue
    let end = start
    while (end + 1 < texts.length && labels[end + 1] === 'author') end++
    const given = texts[start] ?? ''
    const family = texts[start + 1] ?? ''
    const town = texts[end] ?? ''
    if (end - start < 3 || labels[end + 1] !== 'date' || !imprintYear.test(texts[end + 1] ?? '')) continue
    if (!/^(?:\p{Lu}\p{Ll}+|\p{Lu}\.)$/u.test(given) || !/^\p{Lu}[\p{Ll}'’-]+,$/u.test(family) || !/,$/.test(texts[end - 1] ?? '') || !/^\p{Lu}\p{Ll}+$/u.test(town)) continue
    // The words between hold no comma before the last: one title, not a list of names.
    if (texts.slice(start + 2, end - 1).some((text) => text.endsWith(','))) continue
    if (!isTownWord(town) && !titleArticleWord.test(texts[start + 2] ?? '')) continue
    // `Anna Weber, Karl Lang, Berlin 1990`: a second person's name, not a title.
    const middle = texts.slice(start + 2, end)
    if (middle.length <= 3 && !titleArticleWord.test(middle[0] ?? '') && middle.every((text, at) => at === middle.length - 1 ? /^\p{Lu}[\p{Ll}'’-]+,$/u.test(text) : /^(?:\p{Lu}\p{Ll}+|(?:\p{Lu}\.)+)$/u.test(text))) continue
    for (let at = start + 2; at < end; at++) labels[at] = 'title'
    labels[end] = 'location'
    start = end
  }
}

/** The noun of a body that closes its name: `Pemberton Institute`, `Hanse-Stiftung`. */
const bodyNameEnd = /^(?:\p{Lu}[\p{L}-]*-)?(?:Institute|Institut|University|Universität|Université|Università|Foundation|Stiftung|Center|Centre|Zentrum|Museum|Library|Bibliothek|Council|Society|Gesellschaft|Akademie|Academy|College|Association|Verband|Verein)[,.;]?$/u

/**
 * `Laura Stein, Pemberton Institute, in einem Gespräch`: after a person's name and its comma, a
 * word the labeller read as a name before a body's noun is the body's, not a second name.
 */
function bodyAfterName(texts: readonly string[], labels: Label[]): void {
  for (let index = 1; index + 1 < texts.length; index++) {
    if (labels[index] !== 'author' || labels[index + 1] === 'author' || !/,$/.test(texts[index - 1] ?? '') || labels[index - 1] !== 'author') continue
    if (!/^\p{Lu}[\p{L}'’-]+$/u.test(texts[index] ?? '') || !bodyNameEnd.test(texts[index + 1] ?? '')) continue
    labels[index] = labels[index + 1] ?? 'title'
  }
}

/** A family name and a given name, each closed by a comma: `Orlov, Boris,`. */
const invertedFamily = /^\p{Lu}\S*,$/u
const invertedGiven = /^\p{Lu}[\p{Ll}'’-]+,$/u
const capitalAlone = /^\p{Lu}[\p{Ll}'’-]+$/u
const nameGoesOn = /^(?:und|and|u\.|et|e|y|&|von|van|de|di|da|du|del|der|den|zu|ten|ter|la|le)$/

/**
 * `Orlov, Boris, Gorod v novom veke`: after a name printed inverted and closed by its comma,
 * a capitalized word followed by one in lower case opens the title; it is no third name.
 */
function titleAfterInvertedName(texts: readonly string[], labels: Label[]): void {
  for (let index = 0; index + 3 < texts.length; index++) {
    if (index > 0 && labels[index - 1] === 'author') continue
    if (labels[index] !== 'author' || labels[index + 1] !== 'author' || labels[index + 2] !== 'author' || labels[index + 3] !== 'title') continue
    const next = texts[index + 3] ?? ''
    if (!invertedFamily.test(texts[index] ?? '') || !invertedGiven.test(texts[index + 1] ?? '') || !capitalAlone.test(texts[index + 2] ?? '')) continue
    if (!/^\p{Ll}/u.test(next) || nameGoesOn.test(next)) continue
    labels[index + 2] = 'title'
  }
}

/**
 * `Die Gärten des Barock, o. O. 1911`: a word after an article or preposition of a title
 * (`des`, `der`, `of the`) goes on with the title, whatever name it looks like.
 */
function namesAfterArticle(texts: readonly string[], labels: Label[]): void {
  for (let index = 1; index < texts.length; index++) {
    if (labels[index] !== 'author' || labels[index - 1] !== 'title' || !beforeNoun.test(texts[index - 1] ?? '')) continue
    for (let at = index; at < texts.length && labels[at] === 'author'; at++) {
      labels[at] = 'title'
      if (/[,.;:]$/.test(texts[at] ?? '')) break
    }
  }
}

function forthcomingDates(texts: readonly string[], labels: Label[]): void {
  for (let index = 1; index < texts.length; index++) {
    if (!(texts[index] ?? '').startsWith('(')) continue
    let end = index
    while (end < texts.length && end - index < 4 && !/\)/.test(texts[end] ?? '')) end++
    if (!forthcomingAtStart.test(texts.slice(index, end + 1).join(' '))) continue
    let first = index
    while (first > 0 && index - first < 6 && nameWord.test(texts[first - 1] ?? '') && !leadInWord.test(texts[first - 1] ?? '') && !isLeadInOrProse(texts[first - 1] ?? '')) first--
    while (first < index && !/^\p{Lu}\p{L}/u.test(texts[first] ?? '')) first++
    if (first === index || (first > 0 && /^(?:title|container-title|journal)$/.test(labels[first - 1] ?? '') && !/[.;:]$/.test(texts[first - 1] ?? ''))) continue
    for (let at = first; at < index; at++) labels[at] = 'author'
    for (let at = index; at <= end; at++) labels[at] = 'date'
  }
}

const urlLike = /^[<(\[]?(?:https?:\/\/|www\.)\S{3,}/i
const accessWord = /^[(\[]?(?:Zugriff|zugegriffen|abgerufen|Abruf|accessed|retrieved|URL|online|available|verfügbar|Download)\b/i
const accessCue = /^[(\[](?:Zugriff|zugegriffen|abgerufen|Abruf|Stand|accessed|consulted|retrieved|last|letzter)\b/i

/**
 * Addresses: one the labeller read as commentary (`vgl. www.example.org/a.html (Zugriff am
 * 5. 3. 2013)`) is a reference of its own, and so is one printed right after another; the
 * bracketed date of access after it belongs to it.
 */
function urlStarts(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  for (let index = 0; index < texts.length; index++) {
    if (!urlLike.test(texts[index] ?? '')) continue
    // `Zugriff am 18. 6. 2014: <http://…>`: the date of access before the address.
    let cue = index - 1
    while (cue > 0 && index - cue < 6 && !accessWord.test(texts[cue] ?? '')) cue--
    // `Title? Online verfügbar unter: http://…`: the whole cue after the title's stop.
    while (cue > 1 && index - cue < 6 && /^(?:online|im|Internet|available|verfügbar|abrufbar)$/i.test(texts[cue - 1] ?? '') && /[.?!]$/.test(texts[cue - 2] ?? '')) cue--
    // `in: Blatt Online, 4.5.2003, http://…`: a word of a periodical's name is no cue.
    const inName = (at: number) => (labels[at] === 'journal' || labels[at] === 'container-title') && labels[at - 1] === labels[at] && /^Online\b/.test(texts[at] ?? '')
    if (cue >= 0 && index - cue < 6 && accessWord.test(texts[cue] ?? '') && !inName(cue) && labels[cue] !== 'author' && labels[index - 1] !== 'other') for (let at = cue; at < index; at++) labels[at] = 'note'
    if (labels[index] !== 'other' && labels[index] !== 'doi') labels[index] = 'url'
    if (labels[index] === 'other') {
      labels[index] = 'url'
      // `… Berlin. Zugriff am 18. 6. 2014: <http://…>`: the address of the reference before.
      let first = index
      while (first > 0 && index - first < 8 && labels[first - 1] === 'other') first--
      if (first > 0 && first < index && texts.slice(first, index).some((text) => accessWord.test(text))) for (let at = first; at < index; at++) labels[at] = 'note'
    }
    if (index > 0 && urlLike.test(texts[index - 1] ?? '') && labels[index - 1] !== 'other') starts.add(index)
    if (!accessCue.test(texts[index + 1] ?? '')) continue
    for (let at = index + 1; at < Math.min(texts.length, index + 9); at++) {
      labels[at] = 'note'
      if (/[)\]][.,;:]*$/.test(texts[at] ?? '')) break
    }
  }
}

/**
 * `Haber (2011), S. 87, siehe auch S. 5–6, 31 und 212`: a lead-in before more pages, after a
 * reference's page, leads to more pages of the same work (a note on it; the locator stays the
 * first page), not to a reference of its own. Returns where the pages go on.
 */
function morePagesJoined(texts: readonly string[], labels: Label[], starts: Set<number>): number[] {
  const joined: number[] = []
  for (let index = 1; index + 2 < texts.length; index++) {
    if (labels[index - 1] !== 'pages' || !/,$/.test(texts[index - 1] ?? '') || !leadInWord.test(texts[index] ?? '')) continue
    let next = index + 1
    while (next < texts.length && next - index <= 2 && leadInFiller.test(texts[next] ?? '')) next++
    if (!/^(?:S\.|p\.|pp\.)$/.test(texts[next] ?? '') || !/^\d/.test(texts[next + 1] ?? '')) continue
    for (let at = index; at < next; at++) labels[at] = 'note'
    let end = next
    while (end < texts.length && end - next < 8 && /^(?:S\.|p\.|pp\.|\d[\d–-]*f{0,2}\.?[,.;]?|und|and|sowie|,)$/.test(texts[end] ?? '')) labels[end++] = 'note'
    starts.delete(index)
    starts.delete(next)
    joined.push(index, next)
  }
  return joined
}

/** Words that say where a document is found: `siehe:`, `online unter:`, `available at`. */
const whereFound = /^(?:siehe:?|see:?|unter:?|online:?|abrufbar|verfügbar|available|at:?|im|Internet:?|URL:?)$/

/**
 * `Erklärung der Minister vom 3.4.2008; siehe: http://…`: an address after a reference with none,
 * joined by words that say where it is found, is where that document is, not a citation of its
 * own. Returns the addresses that start no reference.
 */
function addressesJoined(texts: readonly string[], labels: Label[], starts: Set<number>): number[] {
  const joined: number[] = []
  for (let index = 1; index < texts.length; index++) {
    if (labels[index] !== 'url') continue
    let first = index
    while (first > 0 && index - first < 3 && whereFound.test(texts[first - 1] ?? '')) first--
    if (first === index || first === 0 || !/[;,]$/.test(texts[first - 1] ?? '') || labels[first - 1] === 'other' || labels[first - 1] === 'url') continue
    // The reference before has an address of its own: this one is another citation.
    let head = first - 1
    while (head > 0 && labels[head - 1] !== 'other' && !starts.has(head)) head--
    if (labels.slice(head, first).includes('url')) continue
    for (let at = first; at < index; at++) labels[at] = 'note'
    starts.delete(first)
    starts.delete(index)
    joined.push(first, index)
  }
  return joined
}

/** A year printed alone, a comma, full stop or semicolon after it: `1923,`. */
const plainYear = new RegExp(String.raw`^${year}[.,;]?$`)
const dayToken = /^\d{1,2}\.(?:\d{1,2}\.(?:\d{2}(?:\d{2})?)?)?[,.]?$|^\d{1,2}\.\/\d{1,2}\.$/
const newspaperWord = /^(?:\p{Lu}[\p{L}-]*|\(\p{Lu}{1,6}\))[,]?$/u
const documentWord = /^(?:Beschlu(?:ss|ß)|Beschl|Urteil|Schreiben|Brief|Presse(?:mitteilung|erklärung|spiegel|konferenz|dienst|information)|Mitteilung|Erklärung|Stellungnahme|Erlass|Erla(?:ss|ß)|Gesetz\w*|Verordnung|Bekanntmachung|Protokoll|Sitzung|Rede|Interview|Gespräch|Vertrag|Abkommen|Antrag|Anfrage|Drucksache)\b/
const newspaperJoin = /^(?:und|sowie|in|im|der|die|dem|den|,|;|auch)$/

/**
 * Newspapers by date one after another (`Kölnische Rundschau (KR) vom 12. 3. 1994, S. 2 und im
 * Stadt-Anzeiger (SA) vom 14. 3. 1994, in der Berliner Zeitung vom …`): each name before `vom`
 * and a date starts a reference, the words that join them (`und im`, `in der`) are none.
 */
function newspaperStarts(texts: readonly string[], labels: Label[], starts: Set<number>): void {
  let dated = false
  for (let index = 1; index + 1 < texts.length; index++) {
    if (texts[index] !== 'vom' || !dayToken.test(texts[index + 1] ?? '')) continue
    if (!texts.slice(index + 1, index + 5).some((text) => yearInText.test(text))) continue
    let first = index
    while (first > 0 && index - first < 5 && newspaperWord.test(texts[first - 1] ?? '') && !/[.;:]$/.test(texts[first - 2] ?? '.')) first--
    if (first > 0 && newspaperWord.test(texts[first - 1] ?? '') && index - first < 5) first--
    if (first === index || !/^\p{Lu}/u.test(texts[first] ?? '')) continue
    // A decision, a letter or a press release by its date is no newspaper, nor is a genitive
    // (`Pressespiegel der Bundeswehr vom …`).
    if (texts.slice(first, index).some((text) => documentWord.test(text))) continue
    const before = texts[first - 1]
    const beforeThat = texts[first - 2] ?? ''
    const opens = before === undefined || /[.;:,]$/.test(before) || /^(?:in|im|und|sowie|auch|aus|vgl\.|Vgl\.|siehe|Siehe)$/.test(before) || (/^(?:der|die|dem|den)$/.test(before) && /^(?:in|aus|und|sowie|auch)$/.test(beforeThat))
    // After an author-date head (`Amt (1961): Abkommen vom 12.3.1960, in: …`) the words are a title.
    if (!opens || (before !== undefined && yearBeforeTitle.test(before) && labels[first - 2] === 'author')) continue
    // The words between the reference before and this one.
    let join = first
    while (join > 0 && first - join < 3 && newspaperJoin.test((texts[join - 1] ?? '').replace(/,$/, ''))) join--
    if (dated && join > 0 && labels[join - 1] !== 'other' && (join < first || /[.;,]$/.test(before ?? ''))) {
      for (let at = join; at < first; at++) labels[at] = 'other'
      starts.add(first)
    }
    for (let at = first; at < index; at++) labels[at] = 'journal'
    // The date, and the page after it.
    let at = index
    while (at < texts.length && at - index < 5 && (at === index || dayToken.test(texts[at] ?? '') || plainYear.test(texts[at] ?? ''))) labels[at++] = 'date'
    if (/^S\.$/.test(texts[at] ?? '') && /^\d+/.test(texts[at + 1] ?? '')) labels[at] = labels[at + 1] = 'pages'
    dated = true
  }
}

const openYear = new RegExp(String.raw`^\(${year}[a-z]?[,:]$`)
const bracketPage = /^(?:S\.|p\.|pp\.)?\d+(?:[-–]\d+)?(?:\s?ff?\.?)?\)?[.,;:)]*$/

/**
 * `…, Diss. Universität Kiel, eingereicht im März 2005.`: a few words with a year after a
 * reference's comma, up to the end of the note or sentence, are its date (and a note on it), not
 * commentary; unless they read as prose.
 */
function trailingDateJoined(texts: readonly string[], labels: Label[]): void {
  for (let index = 1; index < texts.length; index++) {
    if (labels[index] !== 'other' || labels[index - 1] === 'other' || !/,$/.test(texts[index - 1] ?? '')) continue
    let end = index
    while (end < texts.length && labels[end] === 'other' && end - index < 5 && !/[.;]$/.test(texts[end - 1] ?? '')) end++
    if (end < texts.length && (labels[end] === 'other' || !/[.;]$/.test(texts[end - 1] ?? ''))) continue
    const run = texts.slice(index, end)
    if (!plainYear.test(run.at(-1) ?? '') || run.some((text) => isCommentaryWord(text) || leadInWord.test(text) || /^\p{Lu}/u.test(text) && !lexiconOf.get(text.replace(/[.,]$/, '').toLowerCase())?.includes('month'))) continue
    for (let at = index; at < end; at++) labels[at] = plainYear.test(texts[at] ?? '') || lexiconOf.get((texts[at] ?? '').replace(/[.,]$/, '').toLowerCase())?.includes('month') ? 'date' : 'note'
  }
}

/** `Kessler (2008, 49)`, `Falk (1999: 245ff.)`: the page after the year in the brackets. */
function bracketedPages(texts: readonly string[], labels: Label[]): void {
  for (let index = 0; index + 1 < texts.length; index++) {
    if (!openYear.test(texts[index] ?? '')) continue
    for (let at = index + 1; at < Math.min(texts.length, index + 4); at++) {
      const text = texts[at] ?? ''
      if ((!bracketPage.test(text) && !/^(?:S\.|p\.|pp\.|f\.|ff\.)$/.test(text)) || /^(?:1[5-9]\d\d|20\d\d)[a-z]?\)/.test(text)) break
      labels[at] = 'pages'
      if (text.includes(')')) break
    }
  }
}

/** `(2004):` or `2004:` after the names: the title follows. */
const yearBeforeTitle = new RegExp(String.raw`^\(?${year}[a-z]?\)?:$`)

/**
 * `Lindner, Sabine (2004): Was bleibt nach der Reform? Arbeit im Wandel, in: …`: the labeller
 * reads the first words of a title that opens like a sentence (a question) as prose. A few
 * words between the names' year and the rest of the title are the title's.
 */
function titleAfterYear(texts: readonly string[], labels: Label[]): void {
  for (let index = 1; index < texts.length; index++) {
    if (labels[index] !== 'date' || labels[index - 1] !== 'author' || !yearBeforeTitle.test(texts[index] ?? '')) continue
    let end = index + 1
    while (end < texts.length && labels[end] === 'other') end++
    if (end === index + 1 || end - index > 9 || labels[end] !== 'title') continue
    // A sentence that ends before the title is not the title's.
    if (texts.slice(index + 1, end).some((text) => /\p{L}{3}\.$/u.test(text))) continue
    for (let at = index + 1; at < end; at++) labels[at] = 'title'
  }
}

/** A year ending the first sentence of a title (`Jahresbericht 2009.`, `Report 2009,`). */
const yearEndingWords = /^(?:1[5-9]|20)\d\d[.,]$/

/**
 * `Amt für Häfen (2011): Jahresbericht 2010. Die Küste im Wandel, Kiel`: after an author-date
 * head (names, then `(Year):`), a year closing the first few words is the title's (a report
 * named by its year), not a second date, when the title goes on after it.
 */
function yearInTitleAfterHead(texts: readonly string[], labels: Label[]): void {
  for (let index = 1; index + 2 < texts.length; index++) {
    if (labels[index] !== 'date' || labels[index - 1] !== 'author' || !yearBeforeTitle.test(texts[index] ?? '')) continue
    let end = index + 1
    while (end < texts.length && end - index <= 6 && !yearEndingWords.test(texts[end] ?? '') && !/[.,;:!?]$/.test(texts[end] ?? '') && labels[end] !== 'other' && (labels[end] !== 'author' || end === index + 1)) end++
    if (end === index + 1 || end >= texts.length - 1 || !yearEndingWords.test(texts[end] ?? '') || labels[end] !== 'date' || (labels[end + 1] !== 'title' && labels[end + 1] !== 'other')) continue
    if (!/^\p{Lu}/u.test(texts[index + 1] ?? '')) continue
    for (let at = index + 1; at <= end; at++) labels[at] = 'title'
  }
}

/** Labels a subtitle read as prose may carry; any other is a field of its own. */
const subtitleLabels = new Set<Label>(['title', 'other', 'publisher', 'location', 'volume'])

/**
 * `Verband der Imker (2009): Honig und Wachs. Was die Ernte bringt. Ergebnisse der Umfrage
 * 2009. Kassel.`: after an author-date head (names, then `(Year):`) and the first sentence of a
 * title, the sentences up to the town that ends the reference (alone or `Town: Publisher.`, at
 * the end of the note or before its semicolon) are the title's, also where the labeller read
 * them as prose; no `in:`, journal, pages or address among them.
 */
function subtitleReadAsProse(texts: readonly string[], labels: Label[]): void {
  for (let index = 1; index + 2 < texts.length; index++) {
    if (labels[index] !== 'date' || labels[index - 1] !== 'author' || !yearBeforeTitle.test(texts[index] ?? '') || !/^[\p{Lu}„“"«‚‘]/u.test(texts[index + 1] ?? '')) continue
    let end = index + 1
    while (end < texts.length && !/;$/.test(texts[end - 1] ?? '')) end++
    if (end - index > 40) continue
    const run = texts.slice(index + 1, end)
    // Its first word may carry any label (`Kinder` read as pages): the title starts there.
    if (run.some((text, at) => /^in:$/i.test(text) || /https?:|www\./.test(text) || (at > 0 && !subtitleLabels.has(labels[index + 1 + at] ?? 'other')))) continue
    if (!run.some((_, at) => labels[index + 1 + at] === 'other')) continue
    // The reference's town: the last word alone, or `Town: Publisher.` of up to three words.
    let place = -1
    for (let at = end - 1; at > index + 1 && end - at <= 4; at--) {
      if (!/[.?!]$/.test(texts[at - 1] ?? '') || !isTownWord(texts[at] ?? '')) continue
      if (at === end - 1 ? /[.;]?$/.test(texts[at] ?? '') && !/:$/.test(texts[at] ?? '') : /:$/.test(texts[at] ?? '')) place = at
      break
    }
    if (place < 0) continue
    for (let at = index + 1; at < place; at++) labels[at] = 'title'
    labels[place] = 'location'
    for (let at = place + 1; at < end; at++) labels[at] = 'publisher'
    index = end - 1
  }
}

/**
 * `Lindt, Paula 2003, Die alte Frage nach den Werten, in: Zeitschrift …`: the
 * words after an author-year head's comma, up to `in:`, are the work's title, also where the
 * labeller read them as text that is no reference (their small words look like prose) and its
 * last words as names; no sentence may end among them.
 */
function titleReadAsProse(texts: readonly string[], labels: Label[]): void {
  for (let index = 1; index + 2 < texts.length; index++) {
    if (labels[index] !== 'date' || !/^(?:1[5-9]|20)\d\d[a-z]?,$/.test(texts[index] ?? '') || labels[index - 1] !== 'author' || labels[index + 1] !== 'other' || !/^\p{Lu}/u.test(texts[index + 1] ?? '')) continue
    let end = index + 1
    while (end < texts.length && end - index <= 25 && !/^in:$/i.test(texts[end] ?? '') && !/[.!?;]$/.test(texts[end - 1] ?? '') && (labels[end] === 'other' || labels[end] === 'title' || labels[end] === 'author')) end++
    if (end >= texts.length || !/^in:$/i.test(texts[end] ?? '') || !/,$/.test(texts[end - 1] ?? '') || labels[end + 1] === 'other') continue
    for (let at = index + 1; at < end; at++) labels[at] = 'title'
    index = end
  }
}

/** Split where the boundary model says a reference starts; `other` text ends a reference. */
function segmentLearned(tokens: readonly LabelledToken[], boundary: BoundaryModel): ModelReference[] {
  const texts = tokens.map((token) => token.text)
  const labels = proseNamesDropped(tokens)
  givenNameBeforeFamily(texts, labels)
  const forced = new Set<number>()
  punctuationAlone(texts, labels)
  citationKeyDropped(texts, labels)
  bodyNameOpened(texts, labels)
  missingImprintMarks(texts, labels)
  namesAfterArticle(texts, labels)
  titleAfterInvertedName(texts, labels)
  bodyAfterName(texts, labels)
  titleBetweenNameAndPlace(texts, labels)
  leadInStarts(texts, labels, forced)
  urlStarts(texts, labels, forced)
  newspaperStarts(texts, labels, forced)
  bracketedPages(texts, labels)
  titleAfterYear(texts, labels)
  yearInTitleAfterHead(texts, labels)
  subtitleReadAsProse(texts, labels)
  authorDateStarts(texts, labels, forced)
  bodyDateStarts(texts, labels, forced)
  titleAfterHead(texts, labels)
  joinedAuthorDate(texts, labels, forced)
  joinedBracketedDates(texts, labels, forced)
  listedAuthorDates(texts, labels, forced)
  forthcomingDates(texts, labels)
  printedDatesWhole(texts, labels)
  startsAfterPages(texts, labels, forced)
  russianMarks(texts, labels, forced)
  shortFormMarks(texts, labels, forced)
  classicalLocators(texts, labels, forced)
  // A semicolon printed apart after a date or page (`… 1995 ; Kanzler …`) separates citations, as
  // one printed after the word does; between names (`Roth, D. ; Lenz, K.`) it separates names.
  texts.forEach((text, index) => {
    if (text === ';' && index > 0 && index + 1 < texts.length && /\d[).]?$/.test(texts[index - 1] ?? '')) {
      labels[index] = 'other'
      forced.add(index + 1)
    }
  })
  trailingDateJoined(texts, labels)
  titleReadAsProse(texts, labels)
  proseAfterShortCitation(texts, labels, forced)
  const named = namesRunOn(texts, labels)
  const joined = [...named, ...addressesJoined(texts, labels, forced), ...morePagesJoined(texts, labels, forced)]
  const starts = new Set(walkBoundaries(texts, labels, (index, seen) => forced.has(index) || startsHere(boundary, texts, labels, index, seen)))
  for (const index of joined) starts.delete(index)
  const out: ModelReference[] = []
  let current: ModelReference | undefined
  tokens.forEach((token, index) => {
    const label = labels[index] ?? 'other'
    if (label === 'other') {
      current = undefined
      return
    }
    if (!current || starts.has(index)) {
      current = {start: token.start, end: token.end, tokens: []}
      out.push(current)
    }
    current.tokens.push(label === token.label ? token : {...token, label})
    current.end = token.end
  })
  return out.map(trailingProseDropped).map(leadingNamesRelabelled).map(leadingNameBeforeColon).map(givenNameCompleted).map(nounAuthorsRelabelled).map((reference) => sentenceYearCut(reference, tokens))
}

/** A bare year, no bracket or punctuation around it. */
const bareYearWord = new RegExp(String.raw`^${year}$`)

/**
 * `… zwischen Belgien, Spanien und Norwegen. 1983 kam Irland hinzu.`: a bare year after a full
 * stop, followed by prose (a word of commentary, or in lower case and no cue), opens a sentence
 * that reports an event; it is no date of the reference before it, which ends at the full stop.
 */
function sentenceYearCut(reference: ModelReference, note: readonly LabelledToken[]): ModelReference {
  const {tokens} = reference
  const at = tokens.findIndex((token, index) => {
    if (index === 0 || token.label !== 'date' || !bareYearWord.test(token.text) || !/\p{L}{2}\.$/u.test(tokens[index - 1]?.text ?? '')) return false
    const following = tokens[index + 1] ?? note.find((other) => other.start >= token.end)
    const word = following?.text ?? ''
    // Not a cue or a conjunction (`1983 ff.`, `1983 und 1985`).
    return isCommentaryWord(word) || (/^\p{Ll}{3,}/u.test(word) && !lexiconOf.has(wordOf(word).toLowerCase()))
  })
  if (at < 1) return reference
  const kept = tokens.slice(0, at)
  return {start: reference.start, end: kept.at(-1)?.end ?? reference.end, tokens: kept}
}

/** Where the first run of tokens read as authors begins and ends (the indices of its first and last). */
function firstAuthors(tokens: readonly LabelledToken[]): {first: number; end: number} | undefined {
  const first = tokens.findIndex((token) => token.label === 'author')
  if (first < 0) return undefined
  return {first, end: runEnd(tokens, first)}
}

/** A word that may be a given name: capitalized, in no word list, no document, role, common noun or adjective. */
function mayBeGivenName(text: string): boolean {
  const word = wordOf(text)
  return /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(word) && !lexiconOf.has(word.toLowerCase()) && !isDocumentNoun(word) && !isRoleNoun(word) && !isCommonNounOrAdjective(word)
}

/** Prepositions by which a note says where a person spoke or wrote (`Name in einer Glosse`, `Name im Interview`, `Name on the radio`). */
const mediumPreposition = /^(?:in|im|am|auf|bei|beim|über|gegenüber|vor|zu|zum|zur|on|at|to|dans|à|au|sur|devant)$/

/**
 * `Gerda Kuhnert in einer Reportage …`, `Rechtsanwalt Karl Vogt im Gespräch …`: a person named
 * in a sentence, whose family name the labeller left out of the author (it read the given name
 * alone as the author): the capitalized word after the given name, before a preposition or a
 * comma, is the family name.
 */
function givenNameCompleted(reference: ModelReference): ModelReference {
  const {tokens} = reference
  const names = firstAuthors(tokens)
  if (!names) return reference
  const {first, end} = names
  // Offices before the given name (`Rechtsanwalt`) are no part of the name, and need no punctuation after them.
  let given = first
  while (given < end && isRoleNoun(tokens[given]?.text ?? '')) given++
  const last = tokens[end]
  const family = tokens[end + 1]
  if (given !== end || !last || !family || !mayBeGivenName(last.text) || /[\p{P}]$/u.test(last.text)) return reference
  if (family.label === 'date' || !/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?,?$/u.test(family.text) || !mayBeGivenName(family.text.replace(/,$/, ''))) return reference
  const after = tokens[end + 2]?.text ?? ''
  if (!family.text.endsWith(',') && !mediumPreposition.test(after)) return reference
  return {...reference, tokens: tokens.map((token, index) => (index === end + 1 ? {...token, label: 'author'} : token))}
}

/** Articles and prepositions that follow a common noun opening a note (`Pressespiegel der …`, `Schreiben an …`, `Letter to …`), never a name. */
const afterNoun = /^(?:der|des|dem|die|das|an|vom|zum|zur|für|über|eines|einer|of|the|to|from|on|au|aux|du|sur|pour)$/
/** An opening quotation mark: a title printed right after a word, with no punctuation between. */
const opensQuote = /^[„“"«‚‘‹]/

/**
 * What the labeller read as the authors of a reference, when it is a document's or a press
 * item's heading (`Pressespiegel der …`, `Gemeinsame Erklärung der …`, `Flugblatt „…“`,
 * `Zahlen DESTATIS`, `den Blog des …`): unless the words name an institution (`Statistisches
 * Bundesamt`, `Landesamt für Statistik`), a noun of documents among them or an adjective or
 * abstract noun by its form first (`Gemeinsame`, `Special`); words in lower case only; or one
 * word followed, with no punctuation, by an article, a preposition or a quotation. Such a
 * heading is the reference's title (or text before it), not its author.
 */
function nounAuthorsRelabelled(reference: ModelReference): ModelReference {
  const {tokens} = reference
  const names = firstAuthors(tokens)
  if (!names) return reference
  const {first, end} = names
  const run = tokens.slice(first, end + 1)
  const words = run.map((token) => wordOf(token.text)).filter(Boolean)
  const head = words[0] ?? ''
  const printed = words.join(' ')
  const next = tokens[end + 1]
  // Not `ders.`, `ibid.`, `al-Hakim`, `d'Arcy`.
  const marked = sameAuthors.test(run[0]?.text ?? '') || ibidPattern.test(run[0]?.text ?? '') || /^\p{Ll}{1,3}[-'’]\p{Lu}/u.test(head)
  const lowerFirst = !marked && words.every((word) => /^\p{Ll}/u.test(word))
  const body = institution.test(printed) || company.test(` ${printed}`)
  // `Bericht, Anna (1990)`: a family name before its comma and a given name is a person's.
  const inverted = run.length >= 2 && /,$/.test(run[0]?.text ?? '') && mayBeGivenName(run[1]?.text ?? '')
  const document = words.some(isDocumentNoun) && !body && !inverted
  // Not a family name printed before its comma (`Herrschaft, Felicia`).
  const common = isCommonNounOrAdjective(head) && !/[\p{P}]$/u.test(run[0]?.text ?? '') && !body
  const single = run.length === 1 && !/[\p{P}]$/u.test(run[0]?.text ?? '') && next !== undefined && next.label !== 'author' && (afterNoun.test(next.text) || opensQuote.test(next.text))
  if (!lowerFirst && !document && !common && !(single && /^\p{Lu}\p{Ll}/u.test(head))) return reference
  // Lower-case words (`den`, `des`) lead into the heading and are no part of it.
  const asTitle = !lowerFirst && (next?.label === 'title' || !tokens.some((token) => token.label === 'title'))
  const label: Label = asTitle ? 'title' : 'other'
  return {...reference, tokens: tokens.map((token, index) => (index >= first && index <= end ? {...token, label} : token))}
}

/**
 * `Marta Lindqvist: Title, …`: a person's name as printed (given name, family name) and a
 * colon, opening a reference with no author, are its author, whatever the labeller read them as.
 */
function leadingNameBeforeColon(reference: ModelReference): ModelReference {
  const {tokens} = reference
  if (tokens.some((token) => token.label === 'author')) return reference
  const colon = tokens.findIndex((token, index) => index < 4 && token.text.endsWith(':'))
  if (colon < 1 || colon + 1 >= tokens.length || tokens[colon + 1]?.label === 'author') return reference
  const name = tokens.slice(0, colon + 1).map((token) => token.text).join(' ').replace(/:$/, '')
  if (!naturalName.test(name) || tokens.slice(0, colon + 1).some((token) => isProseWord(token.text.replace(/:$/, '')))) return reference
  return {...reference, tokens: tokens.map((token, index) => (index <= colon ? {...token, label: 'author'} : token))}
}

const closedYear = new RegExp(String.raw`^\(${year}[a-z]?\)[.,:;]?$`)
/** `(2004)` with nothing after the bracket. */
const yearInBrackets = new RegExp(String.raw`^\(${year}[a-z]?\)$`)
const nameEnd = /^(?:\p{Lu}\.-?){1,3}[,;]?$|^(?:e\.|V\.|u\.|a\.)$/u

/**
 * `Landesamt für Statistik (2011): Titel`, `Board of Trade (1931):
 * Title`: the words before a year in brackets that opens a reference are its authors (or, with
 * `(Hg.)`, its editors), not the start of its title, whatever the labeller read them as.
 */
function leadingNamesRelabelled(reference: ModelReference): ModelReference {
  const {tokens} = reference
  const year = tokens.findIndex((token) => closedYear.test(token.text))
  if (year < 1 || year > 14 || !/^\p{Lu}/u.test(tokens[0]?.text ?? '')) return reference
  const names = tokens.slice(0, year)
  if (names.every((token) => token.label === 'author' || token.label === 'editor')) return reference
  for (const token of names) {
    if (token.label === 'date' || token.label === 'pages' || token.label === 'url' || token.label === 'other' || token.label === 'volume') return reference
    // A number, a quotation or `in` before the year: a work and its journal (`«Title», in «Journal», 101 (1989)`), no names.
    if (/\d|[«»„“”"]/.test(token.text) || /^in:$/i.test(token.text) || (/^in$/i.test(token.text) && /,$/.test(tokens[names.indexOf(token) - 1]?.text ?? ''))) return reference
    if (/[.:]$/.test(token.text) && !nameEnd.test(token.text) && !bracketedEditorCue.test(token.text)) return reference
  }
  const relabelled = tokens.map((token, index): LabelledToken => {
    const label: Label = index < year ? (bracketedEditorCue.test(token.text) ? 'editor' : 'author') : index === year ? 'date' : token.label
    return label === token.label ? token : {...token, label}
  })
  return {...reference, tokens: relabelled}
}

const sentenceEnd = /[\p{L}\p{N})”"“„’]{2}[.!?]$/u
const evidenceLabels = new Set<Label>(['date', 'pages', 'url', 'doi', 'volume', 'journal', 'container-title', 'editor'])

/**
 * Commentary after a reference's page (`…, S. 3. Bei der Feier wenige Tage zuvor waren …`):
 * sentences after the one that holds the page, with no date, page, address or container of their
 * own and many lower-case words, are no part of it.
 */
function trailingProseDropped(reference: ModelReference): ModelReference {
  const {tokens} = reference
  const bracketed = bracketedCitationInSentence(tokens)
  if (bracketed) return {start: reference.start, end: bracketed.at(-1)?.end ?? reference.end, tokens: bracketed}
  let lastPage = -1
  tokens.forEach((token, index) => {
    if (token.label === 'pages') lastPage = index
  })
  if (lastPage < 0) return shortFormProseDropped(reference)
  for (let end = lastPage; end + 1 < tokens.length; end++) {
    const text = tokens[end]?.text ?? ''
    const next = tokens[end + 1]?.text ?? ''
    if (!(end === lastPage ? /[.!?]$/.test(text) : sentenceEnd.test(text)) || !/^[„“"‚]?\p{Lu}\p{Ll}/u.test(next)) continue
    const rest = tokens.slice(end + 1)
    if (rest.length < 4 || rest.some((token) => evidenceLabels.has(token.label))) continue
    const words = rest.filter((token) => /\p{L}/u.test(token.text))
    const lower = words.filter((token) => /^[„“"‚(]?\p{Ll}/u.test(token.text)).length
    const prose = words.filter((token) => isCommentaryWord(token.text)).length
    if (lower * 3 < words.length && prose === 0) continue
    const kept = tokens.slice(0, end + 1)
    return {start: reference.start, end: kept.at(-1)?.end ?? reference.end, tokens: kept}
  }
  return reference
}

/**
 * `Kowalski (1999: 45) and Lindqvist …`, `as Roth (2004, 12) shows`: names and a bracketed year
 * and page inside a sentence, the sentence going on in lower case after the bracket, are the
 * citation; the words after it are prose.
 */
function bracketedCitationInSentence(tokens: readonly LabelledToken[]): LabelledToken[] | undefined {
  const year = tokens.findIndex((token) => token.label === 'date')
  if (year < 1 || year > 6 || !openYear.test(tokens[year]?.text ?? '') || tokens.slice(0, year).some((token) => token.label !== 'author')) return undefined
  let close = year + 1
  while (close < tokens.length && close - year <= 4 && !/\)[.,;:]?$/.test(tokens[close]?.text ?? '')) close++
  const after = tokens[close + 1]
  if (close >= tokens.length || close - year > 4 || !after || tokens.slice(year + 1, close + 1).some((token) => token.label !== 'pages')) return undefined
  if (!/^\p{Ll}{2}/u.test(after.text) || /^(?:in|im|hrsg|hg|ed|eds|trans|übers|zit|nach|cited|quoted|p|pp|s|ff?)\b/.test(after.text)) return undefined
  if (tokens.slice(close + 1).some((token) => strongFacts.has(token.label) || token.label === 'url')) return undefined
  return tokens.slice(0, close + 1)
}

/** Labels of publication facts: a title before them is a work's, not a sentence. */
const factLabels = new Set<Label>([...evidenceLabels, 'publisher', 'location', 'edition', 'genre', 'isbn'])

/**
 * `Hajnal (2007). Den Vorschlag machte der Premierminister …`: a sentence after a short
 * author-date citation (names, a closed year) with no publication facts of its own, many
 * lower-case words and a word of prose, is commentary, not the cited work's title.
 */
function shortFormProseDropped(reference: ModelReference): ModelReference {
  const {tokens} = reference
  const year = tokens.findIndex((token) => token.label === 'date')
  // `… die von Weiß (2004) gegebenen Angaben …`: names and a year inside a sentence, the sentence
  // going on in lower case with no punctuation between, are the citation; the rest is prose.
  const after = tokens[year + 1]
  if (year >= 1 && year <= 6 && after && yearInBrackets.test(tokens[year]?.text ?? '') && tokens.slice(0, year).every((token) => token.label === 'author') &&
    /^\p{Ll}{2}/u.test(after.text) && !/^(?:in|im|und|and|u\.|et|sowie|bzw\.|hrsg|hg|ed|eds|trans|übers|zit|nach|cited|quoted|p|pp|s|ff?)\b/.test(after.text) && !tokens.slice(year + 1).some((token) => strongFacts.has(token.label) || token.label === 'url')) {
    return {start: reference.start, end: tokens[year]?.end ?? reference.end, tokens: tokens.slice(0, year + 1)}
  }
  if (year < 1 || year > 6 || !closedYear.test(tokens[year]?.text ?? '') || !/[.]$/.test(tokens[year]?.text ?? '')) return reference
  if (tokens.slice(0, year).some((token) => token.label !== 'author')) return reference
  const rest = tokens.slice(year + 1)
  if (rest.length < 4 || !/^[„“"‚]?\p{Lu}\p{Ll}/u.test(rest[0]?.text ?? '') || rest.some((token) => factLabels.has(token.label))) return reference
  const words = rest.filter((token) => /\p{L}/u.test(token.text))
  const lower = words.filter((token) => /^[„“"‚(]?\p{Ll}/u.test(token.text)).length
  const prose = words.filter((token) => isCommentaryWord(token.text)).length
  if (lower * 3 < words.length || prose === 0) return reference
  const kept = tokens.slice(0, year + 1)
  return {start: reference.start, end: kept.at(-1)?.end ?? reference.end, tokens: kept}
}

/** The text of each run of a label (or of labels read as one), in order. */
function runs(tokens: readonly LabelledToken[], text: string, label: Label, also?: Label): string[] {
  const out: string[] = []
  let start = -1
  let end = -1
  for (const token of [...tokens, undefined]) {
    if (token && (token.label === label || token.label === also)) {
      if (start < 0) start = token.start
      end = token.end
    } else if (start >= 0) {
      out.push(text.slice(start, end))
      start = -1
    }
  }
  return out
}

const quotes = /^[\s„“”"‘’‚'«»‹›]+|[\s„“”"‘’‚'«»‹›]+$/g

function clean(value: string): string {
  let out = value.replace(/\s+/g, ' ').trim()
  for (let pass = 0; pass < 3; pass++) out = out.replace(/^[\s,.;:(]+|[\s,;:/(]+$/g, '').replace(quotes, '').replace(/\.$/, '').trim()
  // A bracket left open or closed alone.
  if (/^[^(]*\)$/.test(out)) out = out.slice(0, -1).trim()
  if (/^\([^)]*$/.test(out)) out = out.slice(1).trim()
  return out
}

const editorCue = new RegExp(`[([]?\\b(?:${lexicons.editorCue.filter((cue) => !cue.includes(' ')).join('|')})\\.?(?=$|[\\s)\\]:,.])[)\\]]?:?`, 'giu')
const containerTail = /(?:(?:^|[\s,.]+)(?:nr|no|heft|h|jg|vol|bd|band|n°|issue|num|núm|número)\.?(?:\s*\d[\d/.-]*)?)+\s*$/i
/** `der Zeitschrift Nowy Mir`: the kind of periodical named before its title. */
const periodicalKind = /^(?:[Dd]er|[Dd]ie|[Dd]as|[Ii]n der)\s+(?:Zeitschrift|Zeitung|Wochenzeitung|Tageszeitung|Monatsschrift)\s+(?=\p{Lu})/u
/** A body that issues a book or journal: `Statistisches Landesamt`, `Robert Bosch Stiftung`. */
const issuingBody = /(?:institut|ministerium|ministry|amt|bundes\w+|verband|verein|kommission|commission|council|committee|office|agency|stiftung|foundation|association|department|centre|center|bundestag|landtag|parlament|parliament)$/i

/**
 * The title of a journal or book as printed after `in:`, without the kind of periodical before
 * it (`der Zeitschrift …`) or the body that issues it (`Statistisches Landesamt: Daten und
 * Analysen`, `Robert Bosch Stiftung, Stuttgart: Pflege neu denken`).
 */
function containerNamed(value: string): string {
  const named = value.replace(periodicalKind, '')
  const issued = /^([^:,]{3,60}?)(?:,\s*\p{Lu}[\p{L}-]+)?:\s+(\S.*)$/u.exec(named)
  if (issued && issuingBody.test(issued[1] ?? '') && (issued[1] ?? '').split(/\s+/).length <= 6 && /\p{L}{3}/u.test(issued[2] ?? '')) return issued[2] ?? named
  // `Focus Europa, Hamburgisches Weltwirtschaftsinstitut`: the body that publishes it, after a comma.
  const publisher = /^(.*\p{L}{3}.*?),\s*((?:\p{Lu}[\p{L}-]*\s+){0,4}\p{Lu}\p{L}*)$/u.exec(named)
  if (publisher?.[1] && issuingBody.test(publisher[2] ?? '')) return publisher[1]
  // `Mitteilungen (Pressestelle des Landesamts für Wasserbau)`: the body in brackets after the name issues it.
  const bracketed = /^(.*\p{L}{3}.*?)\s*\(([^()]{8,})\)$/u.exec(named)
  if (bracketed?.[1] && (bodyNoun.test(bracketed[2] ?? '') || issuingBody.test(bracketed[2] ?? ''))) return bracketed[1]
  return named
}
const hasEditorCue = new RegExp(editorCue.source, 'iu')
const containerLead = /^(?:(?:in|dans|en)\b\s?:?|(?:aus|im)\s?:)?\s*(?:(?:ders|dies|derselbe|dieselbe|dies\.|id|idem|eadem|ead|eid)\.?[,:]?\s+)?/i
const etAl = /\s*(?:,\s*)?(?:et\.?\s+al\.?|u\.\s?a\.?|and\s+others|e\.\s?a\.)\s*$/i
// `Hans Peter`, `Hans-Peter`, `H.-P.`, and `HansPeter` as a hyphen lost at a line end leaves it.
// `M.Powell` (an initial glued to a name) and `Thea von` (a particle after the given name) too.
const givenPattern = /^(?:(?:\p{Lu}\.)?\p{Lu}\p{Ll}[\p{Ll}'’-]*(?:\p{Lu}\p{Ll}+)?\.?(?:[\s-]+|$)|\p{Lu}\.?(?:[\s-]+|$)){1,3}(?:(?<=\s)(?:von|van|de|du|da|di|der|den|zu)$)?$|^(?:\p{Lu}\.?\s?-?){1,4}$/u
const initialsOnly = /^(?:\p{Lu}\.?\s?-?){1,4}$/u
const institution = /\b(?:für|of|for|the|e\.\s?V|gmbh|institut|institute|ministerium|ministry|amt|bundes\w*|verband|verein|kommission|commission|council|committee|office|bank|agency|university|universität|organisation|organization|stiftung|foundation|association|gesellschaft|society|department|statistisches|centre|center|nations|ministerio|ministère|ministero|secretaría|consejo|congreso|comisión|comissão|instituto|istituto|oficina|departamento|agencia|conseil|commissione|gobierno|gouvernement|bundestag|landtag|landesamt|bundesamt|parlament|parliament|assembleia|asamblea|organisation|endowment|alliance|union|unión|league|party|partei|partido|parti|bureau|corporation|guild|gilde|trust|board|college|museum|library|archives|army|navy|conference|congress|federation|chamber|kammer|chambre|cámara|authority|administration|secretariat|gewerkschaft|behörde|senat|magistrat|syndicat|sindicato|grupo|gruppo|tribunal)\b|\p{L}{4,}(?:kammer|kammertag|zentrum|behörde|gewerkschaft|partei|rat|bund|akademie|verband|verein|ministerium|institut|stiftung)\b|\p{L}{3,}(?:ungs|ions|s|-)stelle\b|(?<![\p{L}])(?:société|società|sociedad|académie|accademia|academia)(?![\p{L}])/iu
/** A firm by its legal form: `Henkel AG & Co. KGaA`, `Bavarian Nordic A/S`. */
const company = /\s(?:AG|GmbH|gGmbH|KGaA|KG|A\/S|AB|ASA|Inc\.?|Ltd\.?|plc|S\.\s?A\.|SpA|S\.p\.A\.|SE|e\.\s?V\.)(?=$|[\s,.])/

function splitName(value: string): CslName | undefined {
  const name = value.replace(/^[\s,.;:]+|[\s,;:]+$/g, '').replace(/\s+/g, ' ')
  if (!name || !/\p{L}/u.test(name)) return undefined
  const words = name.split(' ')
  if (words.length === 1) {
    // `MarkusPetersen`: a given and a family name whose space a line end or an OCR lost.
    const glued = /^(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)\.?$/u.exec(name)
    if (glued && !/^(?:Mac|Van|Von|Del|Der|Den|Des|Ten|Ter)$/.test(glued[1] ?? '')) return {family: glued[2] ?? '', given: glued[1] ?? ''}
    return {family: name.replace(/\.$/, '')}
  }
  // `Neves CAB`, `Souza VBA`: a family name and up to three initials run together (Vancouver).
  if (words.length === 2 && /^\p{Lu}\p{Ll}/u.test(words[0] ?? '') && !/\.$/.test(words[0] ?? '') && /^\p{Lu}{1,3}\.?$/u.test(words[1] ?? '')) {
    return {family: words[0] ?? '', given: (words[1] ?? '').replace(/\.$/, '')}
  }
  // `Le Roux A`, `van Dijk JM`: a particle, a family name and its initials (Vancouver).
  if (words.length === 3 && particles.has((words[0] ?? '').toLowerCase()) && /^\p{Lu}\p{Ll}/u.test(words[1] ?? '') && /^\p{Lu}{1,3}$/u.test(words[2] ?? '')) {
    return {family: `${words[0]} ${words[1]}`, given: words[2] ?? ''}
  }
  // `Brandt. K.`, `Lenz R.T.`: a family name before its initials, the comma between them
  // printed as a full stop or lost; one initial alone follows only such a full stop.
  if (words.length === 2 && /^\p{Lu}\p{Ll}[\p{L}'’-]*\.?$/u.test(words[0] ?? '') && (/\.$/.test(words[0] ?? '') ? /^(?:\p{Lu}\.-?){1,3}$/u : /^(?:\p{Lu}\.-?){2,3}$/u).test(words[1] ?? '')) {
    return {family: (words[0] ?? '').replace(/\.$/, ''), given: words[1] ?? ''}
  }
  // `APPELBAUM Eileen`, `Eileen APPELBAUM`: the family name in capitals.
  const capitals = words.filter((word) => /^\p{Lu}[\p{Lu}'’-]+,?$/u.test(word) && /\p{Lu}{3}/u.test(word))
  if (capitals.length > 0 && capitals.length < words.length && words.some((word) => /\p{Ll}/u.test(word))) {
    const given = words.filter((word) => !capitals.includes(word)).join(' ')
    return {family: capitals.join(' ').replace(/,$/, ''), given}
  }
  // `Иванов И. И.`, `Smith J. K.`: a family name, then initials only.
  if (words.length >= 3 && /^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(words[0] ?? '') && words.slice(1).every((word) => /^\p{Lu}\.$/u.test(word))) {
    return {family: words[0] ?? '', given: words.slice(1).join(' ')}
  }
  const last = words.at(-1) ?? ''
  // `Puettmann KJ`, `Doyle JJ.`: family first, initials after.
  if (/^\p{Lu}{1,3}\.?$/u.test(last) && words.length === 2 && !/\.$/.test(words[0] ?? '')) {
    return {family: words[0] ?? '', given: last.replace(/\.$/, '')}
  }
  // `María de la Fuente Ruiz`: particles right after the one given name open a double surname.
  const afterParticles = words.slice(1).findIndex((word) => !particles.has(word)) + 1
  if (afterParticles > 1 && words.length - afterParticles >= 2 && words.slice(afterParticles).every((word) => /^\p{Lu}\p{Ll}/u.test(word))) {
    return {family: words.slice(1).join(' '), given: words[0] ?? ''}
  }
  let familyStart = words.length - 1
  while (familyStart > 1 && particles.has((words[familyStart - 1] ?? '').toLowerCase())) familyStart--
  // `Van Gennep`, `De Gaulle`: a particle and a name, no given name.
  if (familyStart === 1 && particles.has((words[0] ?? '').toLowerCase()) && words.length === 2) familyStart = 0
  const family = words.slice(familyStart).join(' ')
  const given = words.slice(0, familyStart).join(' ')
  return given ? {family, given} : {family}
}

/** What holds a Spanish double surname's `y` to its surnames while a list is split at its `y`s. */
const surnameJoin = '\u2060'
/**
 * `y` between two surnames of one person: after one or two given names and a surname (`José
 * Ortiz y Gasparini`, `José Luis Ortiz y Gasparini`), or opening the list before the comma of an
 * inverted name (`Ortiz y Gasparini, José`); the surname after it is one word, ending the name.
 */
const joinedSurnames = /(?:(?<=^|[;/&]\s?)\p{Lu}\p{Ll}+ y \p{Lu}\p{Ll}+(?=, \p{Lu}\p{Ll})|(?<=(?:^|[;/&]\s?)\p{Lu}\p{Ll}+ (?:\p{Lu}\p{Ll}+ )?)\p{Lu}\p{Ll}+ y \p{Lu}\p{Ll}+(?=$|[,;/&]))/u

/** A name whose surnames were held together for the split, as printed. */
function surnamesRejoined(name: CslName): CslName {
  if (!name.family?.includes(surnameJoin)) return name
  return {...name, family: name.family.replaceAll(surnameJoin, ' ')}
}

/** Names from a printed list in any of the usual orders and separators. */
export function namesFrom(printed: string): CslName[] {
  // Russian `под ред.`, `под общ. ред.` (edited by) too.
  let text = printed.replace(containerLead, '').replace(editorPhrase, ' ').replace(editorCue, ' ').replace(/(?:\/\s*)?(?<![\p{L}])под\s+(?:общ\.\s+)?ред\.\s*/giu, ' ').replace(/\s+/g, ' ').trim()
  // `hg. v. Thomas Sokoll`, `edited by`, `a cura di`: the words between cue and name.
  text = text.replace(/^[\s,.;:]+|[\s,;:]+$/g, '').replace(/^(?:v\.|von|by|par|da|di)\s+/i, '').replace(etAl, '').trim()
  // A final period ends the list, unless it closes an initial.
  text = text.replace(/(?<!(?:^|[\s.-])\p{Lu})\.$/u, '').replace(/[\s,;:]+$/, '')
  if (!text) return []
  // `Ершов В. К., Лапин Д. Н.`, `А. Б. Лосева, В. Г. Пахомова`: a Russian list of family names
  // and initials, the initials after or before each family name.
  const listed = text.split(/\s*,\s*/)
  if (listed.length >= 2 && (listed.every((name) => cyrillicFamilyInitials.test(name)) || listed.every((name) => cyrillicInitialsFamily.test(name)))) {
    return listed.map((name) => {
      const words = name.split(/\s+/)
      const familyFirst = cyrillicFamilyInitials.test(name)
      const family = (familyFirst ? words[0] : words.at(-1)) ?? ''
      return {family, given: (familyFirst ? words.slice(1) : words.slice(0, -1)).join(' ')}
    })
  }
  // `KFA (Kommission für Auen)`, `ABC [Amt für Binnenschifffahrt]`: an acronym and its expansion name one body.
  // Not `DUROC (Jean)`: the expansion names a body, has three words or more, or joins its words.
  const expansion = /^\p{Lu}{2,}[\p{Lu}/-]*\s*[([](\p{Lu}[^()[\]]*)[)\]]$/u.exec(text.replace(/[.,:]$/, ''))
  if (expansion && (institution.test(expansion[1] ?? '') || (expansion[1] ?? '').split(/\s+/).length >= 3 || /\s(?:und|and|of|for|de|e|et|y|für|der|des|du|di)\s/.test(expansion[1] ?? ''))) return [{literal: text.replace(/[.,:]$/, '')}]
  // `DUPONT (Jean)`, `MARTIN (Paul) éd.`: French lists print the family name in capitals and the given name in brackets after it.
  text = text.replace(/(?<![\p{L}])éds?\.?(?![\p{L}])/gu, ' ').replace(/(?<![\p{L}])(\p{Lu}[\p{Lu}'’-]+(?:\s+\p{Lu}[\p{Lu}'’-]+)*)\s*\((?!(?:Hg|Hgg|Hrsg|Ed|Eds|Éds?|Dir|Coord|Comp)\.?\))(\p{Lu}[\p{Ll}'’-]*\.?(?:[\s-]\p{Lu}[\p{Ll}'’-]*\.?){0,2})\)/gu, '$1, $2').replace(/\s+/g, ' ').trim()
  // `Bundeskanzler Helmut Vogel`, `Prime Minister Jane Doe`, `Spokesman of the ministry`: an
  // office (in the first three words) is no part of a name, nor an author alone; a family name
  // before its comma (`Kanzler, Ingrid`) is no office.
  const printedWords = text.split(/\s+/)
  const role = leadingRoleEnd(printedWords)
  if (role >= 0) {
    const rest = printedWords.slice(role + 1)
    if (/^\p{Lu}\p{Ll}/u.test(rest[0] ?? '')) text = rest.join(' ')
    else if (role === 0) return []
  }
  // `Anna Lindner, Hanseatic Institute`: a person's name as printed, then the body she works
  // for, is the person.
  const [person, ...affiliation] = text.split(/\s*,\s*/)
  if (affiliation.length > 0 && naturalName.test(person ?? '') && !institution.test(person ?? '') && institution.test(affiliation.join(', '))) text = person ?? ''
  // `Institut für Küstenfragen, Anna Roth und Jan von Vogt`: a body, then the persons who wrote
  // for it, each named as printed: the persons are the authors.
  const staff = affiliation.join(', ').split(/\s*(?:,|\/|&|\s(?:und|and|et|e|y)\s)\s*/)
  if (affiliation.length > 0 && institution.test(person ?? '') && staff.every((name) => personAsPrinted.test(name) && mayBeGivenName(name.split(' ')[0] ?? ''))) text = affiliation.join(', ')
  const words = text.split(/\s+/)
  if (words.length >= 2 && (institution.test(text) || centralEuropeanBody.test(text)) && !/[/;&]/.test(text)) return [{literal: text.replace(/[.,]$/, '')}]
  // `Marrow KT, Lindqvist AB`: a Vancouver list of family names and initials, no firm (`AB`).
  if (words.length >= 2 && company.test(text) && !/;/.test(text) && !vancouverList.test(text)) return [{literal: text.replace(/[,]$/, '')}]
  // A person's affiliation in brackets (`Kunze (ZUMA, Mannheim)`) is no part of the name.
  if (/\p{Lu}\p{Ll}/u.test(text.replace(/\([^()]*\)?/g, ''))) text = text.replace(/\s*\([^()]*\)?/g, '').trim()
  // `José Ortiz y Gasparini`, `Ortiz y Gasparini, José`: Spanish joins a person's two surnames with `y`; no list.
  text = text.replace(joinedSurnames, (joined: string) => joined.replace(/ y /, `${surnameJoin}y${surnameJoin}`))
  const chunks = text.split(/\s*(?:;|\/|&|\s(?:und|and|u\.|et|e|y|with|mit)\s)\s*/).map((chunk) => chunk.trim().replace(/^,|,$/g, '').trim()).filter(Boolean)
  // `Lindner Karl/Brauer, Tobias`: the first name of a list is printed inverted where any is
  // (`Family, Given/Given Family` inverts the first alone), so, when a later name is inverted,
  // a first name of two words has lost its comma.
  const invertedList = text.includes('/') && chunks.slice(1).some((chunk) => /^\p{Lu}[\p{L}'’-]+,\s*\p{Lu}\p{Ll}+$/u.test(chunk))
  const names: CslName[] = []
  for (const [position, raw] of chunks.entries()) {
    const lostComma = invertedList && position === 0 ? /^(\p{Lu}\p{Ll}[\p{L}'’-]*)\s+(\p{Lu}\p{Ll}+)$/u.exec(raw) : null
    const chunk = lostComma && mayBeGivenName(lostComma[2] ?? '') ? `${lostComma[1]}, ${lostComma[2]}` : raw
    // Forms of address are no part of a name (`Dr. Anna Roth`, `Prof. Dr. Vogt`).
    const parts = chunk.split(/\s*,\s*/).map((part) => part.replace(honorific, '')).filter(Boolean)
    // `Perez, Louis A., Jr.`: a generational suffix belongs to the name before it.
    const suffixAt = parts.findIndex((part, index) => index > 0 && nameSuffix.test(part))
    const suffix = suffixAt > 0 ? parts.splice(suffixAt, 1)[0] : undefined
    const found = chunkNames(parts).map(surnamesRejoined)
    const owner = found.at(-1)
    if (suffix && owner && !owner.literal) owner.suffix = suffix
    names.push(...found)
  }
  return names.filter(isPlausibleName)
}

/** A family name alone: one capitalized word, hyphenated or not, with no capital inside it. */
const familyWord = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`
const familiesList = new RegExp(String.raw`^${familyWord}(?:\s*,\s*${familyWord})+(?:\s*(?:,|\s(?:und|and|u\.)\s|&)\s*${familyWord})?$`, 'u')

/**
 * `Lengfeld, Ruhe und Stahl 2005: 12`, `Lengfeld, Ruhe, Stahl 2005`: in a short author-date
 * citation with no title, three names or more of one word each, set off by commas, are family
 * names alone (an inverted first name would give the names after it their given names too).
 */
function familiesListed(printed: string): CslName[] | undefined {
  const text = printed.trim().replace(/[,.:;]$/, '').trim()
  if (!familiesList.test(text)) return undefined
  const names = text.split(/\s*(?:,|\s(?:und|and|u\.)\s|&)\s*/).filter(Boolean)
  return names.length >= 3 ? names.map((family) => ({family})) : undefined
}

/** `ders.`, `dies.`, `idem`, `eadem` standing for a name. */
const sameAuthorName = /^(?:ders|dies|derselbe|dieselbe|dieselben|idem|eadem|iidem)\.?$/i

/**
 * `Karla Winter, Die Straße, in: dies. (Hg.), Stadtbilder`, `in: Dies./Udo Kern (Hg.)`: an editor
 * named `ders.` or `dies.` is the author; with no author read (the note's own `Dies.` stands for
 * it), the placeholder is left out.
 */
function sameAuthorsAsEditors(names: readonly CslName[], authors: readonly CslName[] | undefined): CslName[] {
  return names.flatMap((name) => (sameAuthorName.test(name.family ?? name.literal ?? '') && !name.given ? (authors ?? []).map((author) => ({...author})) : [name]))
}

/**
 * Could this be a person's name? Not when, with no given name, its family name is in lower case
 * (`britischer`; not a particle, `de`, nor a name an OCR split, `Dru iæ`); not when its family
 * name is a noun of documents (`Meyers Enzyklopädisches Lexikon`) unless given names alone go
 * with it (`Bericht, Anna`); not when its given name opens with such a noun, a role, or a common
 * noun or adjective by its form (`Zahlen EUROSTAT`, `Special Media`).
 */
function isPlausibleName(name: CslName): boolean {
  if (name.literal) return true
  const family = name.family ?? ''
  if (!name.given && !particles.has(family) && family.split(/\s+/).every((word) => /^\p{Ll}/u.test(word) && !/^\p{Ll}{1,3}[-'’]\p{Lu}/u.test(word))) return false
  const givenWords = (name.given ?? '').split(/\s+/).filter(Boolean)
  // `Bericht, Anna`: a family name that is also such a noun, with given names only, stays.
  if (isDocumentNoun(family) && !(givenWords.length > 0 && givenWords.every((word) => mayBeGivenName(word) || /^(?:\p{Lu}\.-?)+$/u.test(word)))) return false
  const given = givenWords[0] ?? ''
  return !given || !(isDocumentNoun(given) || isRoleNoun(given) || isCommonNounOrAdjective(given))
}

/** Two or more names of a Vancouver list, each a family name and its initials run together: `Marrow KT, Lindqvist AB`. */
const vancouverList = /^\p{Lu}[\p{L}'’-]+\s\p{Lu}{1,3}(?:,\s*\p{Lu}[\p{L}'’-]+\s\p{Lu}{1,3})+$/u

/** Editors' cues of several words, and those `editorCue` cannot find for their accent. */
const editorPhrase = /^\s*(?:\p{Ll}{2,5}\.\s+(?:von|v\.|by|par|di|da)|a\s+cura\s+di|a\s+c\.\s+di|sous\s+la\s+direction\s+de|under\s+the\s+direction\s+of|herausgegeben\s+von|éds?\.|édité\s+par|dirigé\s+par)\s+/iu

/** Forms of address before a name. */
const honorific = /^(?:(?:Prof|Dr|Mr|Mrs|Ms|Mme|Mlle|Hr|Fr|Sir|Dame)\.?\s+)+(?=\p{Lu})/u
/** A generational suffix printed after a name: `Jr.`, `Sr.`, `III`. */
const nameSuffix = /^(?:Jr|Sr|Jun|Sen)\.?$|^(?:II|III|IV)$/
/** `Anna Roth`, `Jan von Vogt`, `Eva M. Berg`: a given name, a particle perhaps, a family name. */
const personAsPrinted = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?: \p{Lu}\.)?(?: (?:von|van|de|der|den|zu|du|di|da|ten|ter))? \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u
/** A name in natural order: `Harald Künemund`, `Marc A. Szydlik`. */
const naturalName = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?: \p{Lu}\.)? \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u

/** `Harbou, Thea von`: a particle printed after the given name belongs to the family name. */
function particleMoved(names: CslName[]): CslName[] {
  return names.map((name) => {
    const match = /^(.*\S)\s+((?:von|van|de|du|da|di|del|della|der|den|zu|von der|van der|van den|de la)\.?)$/u.exec(name.given ?? '')
    return match && name.family ? {...name, given: match[1], 'dropping-particle': match[2]} : name
  })
}

/** The names of one comma-separated chunk of a list. */
function chunkNames(parts: readonly string[]): CslName[] {
  return particleMoved(chunkNamesAsPrinted(parts))
}

function chunkNamesAsPrinted(parts: readonly string[]): CslName[] {
  if (parts.length === 1) {
    const name = splitName(parts[0] ?? '')
    return name ? [name] : []
  }
  // `Lorenz K, Vogt JJ`, `Alves LC, Leimann BCQ`: each part a family name and its initials.
  if (parts.every((part) => /^\p{Lu}\p{Ll}[\p{L}'’-]* \p{Lu}{1,4}\.?$/u.test(part))) {
    return parts.map((part) => {
      const [family = '', given = ''] = part.split(' ')
      return {family, given: given.replace(/\.$/, '')}
    })
  }
  // `Kessler, Brandt, Jürgens`: an odd number of single names cannot be pairs of family and given names.
  if (parts.length >= 3 && parts.length % 2 === 1 && parts.every((part) => /^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(part))) return parts.map((part) => ({family: part}))
  // `Kessler, Martin, Harald Brandt, Andreas Lorenz`: the first name inverted, the others not.
  // `Le Roux, Marie, Paul Vogt, …`: the first family name may open with a particle.
  const firstFamily = (parts[0] ?? '').split(' ')
  if (parts.length >= 3 && (firstFamily.length === 1 || (firstFamily.length === 2 && particles.has((firstFamily[0] ?? '').toLowerCase()))) && givenPattern.test(parts[1] ?? '') && parts.slice(2).every((part) => naturalName.test(part))) {
    return [{family: parts[0] ?? '', given: parts[1] ?? ''}, ...parts.slice(2).flatMap((part) => splitName(part) ?? [])]
  }
  // `Family, Given, Family, Given` or `Given Family, Given Family`.
  // `Anna Kessler, Jan Vogt`: every part a given name and a family name, none inverted.
  const uninverted = parts.every((part) => naturalName.test(part))
  const inverted = !uninverted && parts.length % 2 === 0 && parts.every((part, index) => index % 2 === 0 || givenPattern.test(part))
  const names: CslName[] = []
  if (inverted) {
    for (let index = 0; index < parts.length; index += 2) {
      const family = (parts[index] ?? '').trim()
      const given = (parts[index + 1] ?? '').trim()
      if (family) names.push(given ? {family, given} : {family})
    }
    return names
  }
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? ''
    const next = parts[index + 1]
    if (next !== undefined && !part.includes(' ') && (initialsOnly.test(next) || givenPattern.test(next)) && next.split(' ').length <= 2) {
      names.push({family: part, given: next})
      index++
      continue
    }
    const name = splitName(part)
    if (name) names.push(name)
  }
  return names
}


/** `S. 45–67`, `pp. 19 - 44`, `447ff.` → `45-67`, `19-44`, `447`. */
function pagesOf(value: string): string | undefined {
  const range = /(\d+)\s*[-–—]\s*(\d+)/.exec(value)
  if (range) return `${range[1]}-${range[2]}`
  // `S. 20, 27`: the pages listed.
  const list = /\d+(?:\s*(?:ff?\.)?\s*,\s*\d+)+/.exec(value)
  if (list) return list[0].replace(/\s*ff?\.\s*/g, '').replace(/\s*,\s*/g, ', ')
  const single = /\d+/.exec(value)
  return single?.[0]
}

const editorCueWord = new RegExp(`^[([]?(?:${lexicons.editorCue.filter((cue) => !cue.includes(' ')).join('|')})\\.?[)\\]]?[:,]?$`, 'iu')

/**
 * Labels the structure of a reference makes certain, over the model's: `in:` inside a title
 * opens the container (`Title, in: Book, …`), and words before `hrsg. von`/`edited by` are
 * not editors but the end of the field before them.
 */
export function relabel(tokens: readonly LabelledToken[]): LabelledToken[] {
  const out = tokens.map((token) => ({...token}))
  for (let index = 1; index < out.length; index++) {
    const token = out[index] as LabelledToken
    const before = out[index - 1] as LabelledToken
    // `…, in: Book`, `…. In Book`, and `…, in Journal, …` with no colon.
    // `in :` printed with a space before its colon opens too.
    const opens = /^in:$/i.test(token.text) || (/^In$/.test(token.text) && /[.,]$/.test(before.text)) || (token.text === 'in' && /,$/.test(before.text) && (/^\p{Lu}/u.test(out[index + 1]?.text ?? '') || out[index + 1]?.text === ':'))
    if (!opens || token.label !== 'title' || before.label !== 'title') continue
    for (let at = index; at < out.length && (out[at] as LabelledToken).label === 'title'; at++) (out[at] as LabelledToken).label = 'container-title'
  }
  // `trad. de Ana Ruiz, 2.ª ed.`, `Edited by Marian Holt. 2 vols.`: a given name ending an
  // editor's or translator's run with no stop after it, then one capitalized word the model read
  // as the edition or volume, ending in a stop: that word is the family name.
  for (let index = 1; index < out.length - 1; index++) {
    const token = out[index] as LabelledToken
    const before = out[index - 1] as LabelledToken
    if ((before.label !== 'editor' && before.label !== 'translator') || (token.label !== 'edition' && token.label !== 'volume')) continue
    if (!/^\p{Lu}\p{Ll}+$/u.test(before.text) || !/^\p{Lu}\p{Ll}+[.,]$/u.test(token.text) || !mayBeGivenName(before.text)) continue
    if (/^(?:ed|edn|edition|vol|vols|band|bd|aufl|auflage|éd|edición|edizione|tome|tomo)\b/i.test(token.text)) continue
    token.label = before.label
  }
  // `Eggers, Jan: Lotsen im Sturm … 12.3.1998`: a given name after the family name's comma that
  // is also a month's (`Jan`, `May`), read as the date where the reference has a date with digits later.
  for (let index = 1; index < out.length; index++) {
    const token = out[index] as LabelledToken
    const before = out[index - 1] as LabelledToken
    if (token.label !== 'date' || before.label !== 'author' || !/,$/.test(before.text) || !/^\p{Lu}\p{Ll}+[:.]?$/u.test(token.text)) continue
    const word = token.text.replace(/[:.]$/, '')
    // `Smith, May. 1990.`: a month's whole name that is also a given name, a stop, then the
    // year with its own stop, is the author's given name (a date prints `May 1990`).
    const givenBeforeYear = /^(?:April|May|June|August)\.$/.test(token.text) && /^(?:1[5-9]|20)\d\d[a-z]?\.$/.test(out[index + 1]?.text ?? '')
    if (givenBeforeYear) {
      token.label = 'author'
      continue
    }
    if (out[index + 1]?.label === 'date' || isDocumentNoun(word) || isCommonNounOrAdjective(word)) continue
    if (out.slice(index + 1).some((other) => other.label === 'date' && /\d/.test(other.text))) token.label = 'author'
  }
  // `Die Werft. Rostbach 1988 (Schriften des Hafenvereins; 7).`: with no date read, a town and
  // a year ending the title after its full stop, before a bracket or the end, are the place and date.
  if (!out.some((token) => token.label === 'date')) {
    // The year before a bracket that closes the reference, or the title's last word.
    const opening = out.findIndex((token, index) => index > 0 && token.text.startsWith('(') && /\)[.,;]?$/.test(out.at(-1)?.text ?? '') && out.slice(index + 1, -1).every((other) => !/[()]/.test(other.text)))
    const last = opening > 0 ? opening - 1 : out.findLastIndex((token) => token.label === 'title')
    const rest = out.slice(last + 1)
    const town = out[last - 1]
    if (last >= 3 && town?.label === 'title' && /^(?:1[5-9]|20)\d\d[.,]?$/.test(out[last]?.text ?? '') && /^\p{Lu}\p{Ll}+$/u.test(town.text) && isTownWord(town.text) && /\p{L}[.]$/u.test(out[last - 2]?.text ?? '') && out[last - 2]?.label === 'title' && (rest.length === 0 || rest[0]?.text.startsWith('('))) {
      town.label = 'location'
      ;(out[last] as LabelledToken).label = 'date'
    }
  }
  // A reference has one title: a title run after the first one, once `In:` has opened the
  // book (`Title. In: Editor (Hrsg.): Book`), is the container.
  let titleEnded = false
  let opened = false
  for (let index = 0; index < out.length; index++) {
    const token = out[index] as LabelledToken
    const before = out[index - 1]
    if (token.label === 'title') {
      if (titleEnded && opened) token.label = 'container-title'
      continue
    }
    if (before?.label === 'title') titleEnded = true
    if (titleEnded && (/^in:$/i.test(token.text) || (/^In:?$/.test(token.text) && /[.,;]$/.test(before?.text ?? '')))) opened = true
  }
  // A book without a title of its own is no container: `Seidl, D. (Hg.), Luhmann and Organizations`.
  if (!out.some((token) => token.label === 'title')) {
    const first = out.findIndex((token) => token.label === 'container-title')
    const opener = out.slice(0, Math.max(0, first)).some((token) => /^(?:in|dans|en|aus|im)\b:?$/i.test(token.text))
    if (first >= 0 && !opener) for (let at = first; at < out.length && (out[at] as LabelledToken).label === 'container-title'; at++) (out[at] as LabelledToken).label = 'title'
  }
  // `Pryce, N. (Ed.). (2007). *Canal towns* (Vols. 1–3). Weir Books.`: with no title, no pages,
  // only a bracketed volume after it and a publisher after that, a run read as a journal is the book's title.
  if (!out.some((token) => token.label === 'title' || token.label === 'pages')) {
    const first = out.findIndex((token) => token.label === 'journal')
    const last = first >= 0 ? runEnd(out, first) : -1
    let next = last + 1
    if (first >= 0 && out[next]?.label === 'volume' && /^\(Vols?\.$/i.test(out[next]?.text ?? '')) next = runEnd(out, next) + 1
    if (first >= 0 && out[next]?.label === 'publisher' && out.filter((token) => token.label === 'journal').length === last - first + 1) {
      for (let at = first; at <= last; at++) (out[at] as LabelledToken).label = 'title'
    }
  }
  // Places are names, not sentences: words of a place run up to its last full stop after a
  // word (`Übergang - Sequenz - Verlauf. - Weinheim:`) end the title or book before it.
  for (let start = 1; start < out.length; start++) {
    const field = (out[start - 1] as LabelledToken).label
    if ((out[start] as LabelledToken).label !== 'location' || (field !== 'title' && field !== 'container-title')) continue
    const end = runEnd(out, start)
    let last = -1
    for (let at = start; at < end; at++) if (/\p{L}{4}[.?!]$/u.test((out[at] as LabelledToken).text)) last = at
    for (let at = start; at <= last; at++) (out[at] as LabelledToken).label = field
    // `Title. Neue Felder, Hamburg: Verlag`: words of no town before the run's one comma (not
    // a list of places), a town after it, are the title's subtitle, not part of the place.
    const from = Math.max(start, last + 1)
    let comma = end - 1
    while (comma >= from && !(out[comma] as LabelledToken).text.endsWith(',')) comma--
    if (comma < from) comma = -1
    const head = out.slice(from, comma + 1)
    // Of two words at least, none a reprint's or thesis's cue (`Reprint, New York`).
    if (comma >= 0 && head.length >= 2 && !head.some((token) => /^(?:reprint|repr|nachdruck|neudruck|diss|thesis|ph\.?d)\b/i.test(token.text)) && /[.?!]$/.test(out[from - 1]?.text ?? '') && /^\p{Lu}/u.test(head[0]?.text ?? '') && head.every((token, at) => !isTownWord(token.text) && !/\d/.test(token.text) && (at === head.length - 1 || !token.text.endsWith(','))) && isTownWord(out[comma + 1]?.text ?? '')) {
      for (const token of head) token.label = field
    }
    start = end
  }
  // A number the labeller read as a reference's number, inside a title and not opening the
  // reference (`Plan Anual 2006, Madrid`), is the title's.
  for (let index = 1; index < out.length; index++) {
    const token = out[index] as LabelledToken
    if (token.label === 'citation-number' && out[index - 1]?.label === 'title' && !/[.;]$/.test(out[index - 1]?.text ?? '')) token.label = 'title'
  }
  quotedNamesAsTitle(out)
  capitalsTitleInNames(out)
  bookCueInNames(out)
  titleReadAsNames(out)
  containerReadAsEditors(out)
  bookBeforeEditorCue(out)
  thesisAfterTitle(out)
  bodyBeforeTitle(out)
  bodyAuthorDateHead(out)
  editorCueAfterYear(out)
  nameEndReadAsFacts(out)
  subtitleReadAsFacts(out)
  townAndPublisherEndingTitle(out)
  journalByIssue(out)
  journalStartInTitle(out)
  placeAndPublisherInTitle(out)
  for (let index = 1; index + 1 < out.length; index++) {
    const token = out[index] as LabelledToken
    const next = out[index + 1] as LabelledToken
    if (token.label !== 'editor' || !editorCueWord.test(token.text) || !/^(?:v\.|von|by|par|da|di)$/i.test(next.text)) continue
    // The run of editor words before the cue, after a title or container.
    let first = index
    while (first > 0 && (out[first - 1] as LabelledToken).label === 'editor') first--
    const field = first === 0 ? 'title' : out[first - 1]?.label
    if (first === index || (field !== 'title' && field !== 'container-title' && field !== 'journal')) continue
    // `…, in: Book, hrsg. von …`: from `in:` on, the words are the book's title.
    const opener = out.findIndex((word, at) => at >= first && at < index && (/^in:$/i.test(word.text) || (/^In$/.test(word.text) && /[.,]$/.test(out[at - 1]?.text ?? ''))))
    for (let at = first; at < index; at++) (out[at] as LabelledToken).label = opener >= 0 && at >= opener ? 'container-title' : field
    // `Anna Holm, Das Dorf, hg. v. …`: a name as printed, then a comma, before the title is its author.
    if (first === 0) {
      const comma = out.findIndex((word, at) => at < index - 1 && word.text.endsWith(','))
      const name = out.slice(0, comma + 1).map((word) => word.text).join(' ').replace(/,$/, '')
      if (comma >= 1 && naturalName.test(name)) for (let at = 0; at <= comma; at++) (out[at] as LabelledToken).label = 'author'
    }
  }
  editorsInTitle(out)
  publisherNamedAfterPlace(out)
  bracketedEditorsFirst(out)
  afterDoubleSlash(out)
  volumeCuesRead(out)
  journalInGuillemets(out)
  publisherNamedWhole(out)
  wordAfterQuotedWord(out)
  townBeforeDay(out)
  subtitleReadAsJournal(out)
  titleAfterEditorCue(out)
  shortTitleInNames(out)
  givenNameReadAsTitle(out)
  familyAfterInitials(out)
  titleReadAsJournalStart(out)
  titleWordInNames(out)
  placeAfterPublisher(out)
  yearInVolumeRun(out)
  titleReadAsPlace(out)
  titleBeforeTownAndYear(out)
  articleOfPublisher(out)
  bracketedTranslatorCue(out)
  documentDayAfterTitle(out)
  brokenWordsJoined(out)
  nameAfterHonorific(out)
  return out
}

/** Titles of address and degrees printed before a name (`Prof.`, `Dr.`, `Mr.`). */
const honorificWord = /^(?:Prof|Dr|Dres|Mr|Mrs|Ms|Hon|Rev|Sir)\.$/

/**
 * `Schreiben an Rektor Prof. Dr. Karl Amsel vom 3. 2. 1987`: the name after a title of address
 * inside a title is the title's; the labeller, taking the abbreviation's stop for the title's
 * end, read it as a periodical.
 */
function nameAfterHonorific(out: LabelledToken[]): void {
  for (let index = 0; index + 1 < out.length; index++) {
    const token = out[index] as LabelledToken
    if ((token.label !== 'title' && token.label !== 'container-title') || !honorificWord.test(token.text)) continue
    for (let at = index + 1; at < out.length && at - index <= 3 && (out[at] as LabelledToken).label === 'journal' && /^\p{Lu}\p{Ll}/u.test((out[at] as LabelledToken).text); at++) {
      ;(out[at] as LabelledToken).label = token.label
      if (/[.,;:]$/.test((out[at] as LabelledToken).text)) break
    }
  }
}

/**
 * `Hafenrat (Hrsg.) (2009): Leitlinien für Fähren. Beschluss vom 12.3.2008.`: after a
 * title's full stop, a noun of a document (`Beschluss`, `Erlass`, `Mitteilung`) the labeller read
 * as a journal, dated by `vom`, says when the document was made; it names no periodical. With
 * the year of the reference read before, the day is a note too.
 */
function documentDayAfterTitle(out: LabelledToken[]): void {
  for (let index = 1; index + 1 < out.length; index++) {
    const token = out[index] as LabelledToken
    const before = out[index - 1] as LabelledToken
    if (token.label !== 'journal' || before.label !== 'title' || !/\.$/.test(before.text) || out[index + 1]?.text !== 'vom' || !isDocumentNoun(token.text)) continue
    if (out[index + 1]?.label !== 'date' && out[index + 1]?.label !== 'journal') continue
    token.label = 'note'
    if (!out.slice(0, index).some((other) => other.label === 'date')) continue
    for (let at = index + 1; at < out.length && (out[at] as LabelledToken).label === 'date'; at++) (out[at] as LabelledToken).label = 'note'
  }
}

/**
 * `Frauen in der Fähr- schifffahrt`, `Nord- und Süddeutschland`: after a word that ends in a
 * letter and a hyphen (a word broken at a line end, or the first part of a compound whose head
 * follows), a word in lower case goes on in the same field. Before the note is split into
 * references only a word read as no reference's (`other`) is joined: a field the labeller gave
 * the second half may be the better one (`Collection Mé- moires,` read as the series), which the
 * rules after the split carry back to the first half.
 */
export function brokenWordsJoined(out: LabelledToken[], onlyOther = false): void {
  for (let index = 1; index < out.length; index++) {
    const token = out[index] as LabelledToken
    const before = out[index - 1] as LabelledToken
    if (before.label === 'other' || token.label === before.label || (onlyOther && token.label !== 'other')) continue
    if (/\p{Ll}-$/u.test(before.text) && /^\p{Ll}/u.test(token.text)) token.label = before.label
  }
}

/** Prepositions the labeller may read as the lead-in of a cited name (`nach Müller 2001`, `from Holt 1990`). */
const leadPreposition = /^(?:nach|von|bei|aus|from|after|by)$/

/**
 * `Von Krakau nach Kiel. Wanderungen …`, `Die Rückkehr von Migranten nach Polen, Kiel 2001`: a
 * preposition the labeller read as a lead-in, right after a word of a title with no stop between,
 * is the title's, and so are the words after it (the first capitalized) up to the first one that
 * ends in a stop, when no year follows them (`Titel nach Müller 2001` leads to a cited name). A town the
 * labeller then read as a name, before the year, is the place.
 */
export function prepositionInTitle(out: LabelledToken[]): void {
  for (let index = 1; index + 1 < out.length; index++) {
    const token = out[index] as LabelledToken
    const before = out[index - 1] as LabelledToken
    if (token.label !== 'other' || !leadPreposition.test(token.text) || !titleLabels.has(before.label) || !/[\p{L}\p{N}]$/u.test(before.text)) continue
    if (!/^\p{Lu}/u.test(out[index + 1]?.text ?? '')) continue
    let last = index + 1
    while (last < out.length && last - index <= 4 && /^\p{L}[\p{L}-]*$/u.test((out[last] as LabelledToken).text) && !isCommentaryWord((out[last] as LabelledToken).text)) last++
    const closing = out[last]
    if (!closing || last - index > 4 || !/^\p{L}[\p{L}-]*[.,:]$/u.test(closing.text) || closing.label === 'date') continue
    const after = out[last + 1]
    if (after && (after.label === 'date' || /^\(?(?:1[5-9]|20)\d\d/.test(after.text))) continue
    for (let at = index; at <= last; at++) (out[at] as LabelledToken).label = before.label
    if (after?.label === 'author' && closing.text.endsWith(',') && isTownWord(after.text) && out[last + 2]?.label === 'date') after.label = 'location'
    index = last
  }
}

/**
 * `Karl Ohm, Zollgeschichte, Kiel 1920`: with no title read, a name of two words at least and its
 * comma, then one word with its comma, then a capitalized word and a year with no comma between
 * them (a town and its year), all read as names: the one word is the title, the next the town.
 */
function titleBeforeTownAndYear(out: LabelledToken[]): void {
  if (out.some((token) => titleLabels.has(token.label))) return
  const year = out.findIndex((token) => token.label === 'date' && /^(?:1[5-9]|20)\d\d[a-z]?[.,;]?$/.test(token.text))
  const town = out[year - 1]
  const word = out[year - 2]
  if (year < 4 || !town || !word || (town.label !== 'author' && town.label !== 'location') || word.label !== 'author') return
  if (!/^\p{Lu}\p{Ll}+$/u.test(town.text) || !/^\p{Lu}\p{Ll}{2,},$/u.test(word.text)) return
  const names = out.slice(0, year - 2)
  if (!names.every((token) => token.label === 'author') || !/,$/.test(names.at(-1)?.text ?? '') || names.slice(0, -1).some((token) => /[,;]$/.test(token.text))) return
  word.label = 'title'
  town.label = 'location'
}

/** A translator's cue in brackets: `[Übers.]`, `(Übers.)`, `[trad.]`, `(trans.)`, `(tr.)`, `[пер.]`. */
const bracketedTranslator = /^[([](?:[Üü]bers|[Tt]rad|[Tt]rans|[Tt]r|[Tt]radd|пер)\.?[)\]][,.:;]?$/u

/**
 * `Titel, [Übers.] Anna Keller, Berlin 1990`, `Anna Keller (Übers.), Titel`: the names after a
 * bracketed translator's cue, up to their comma, or the names before it since the last comma,
 * are the translators, whatever the labeller read in them.
 */
function bracketedTranslatorCue(out: LabelledToken[]): void {
  const cue = out.findIndex((token) => bracketedTranslator.test(token.text))
  if (cue < 0) return
  const name = (token: LabelledToken | undefined) => token !== undefined && /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.(?:\s?\p{Lu}\.)*|von|van|de|del|della|di|du|la|le|y)[,.:;]?$/u.test(token.text)
  const after: number[] = []
  if (!/[,.:;]$/.test(out[cue]?.text ?? '')) {
    for (let at = cue + 1; at < out.length && after.length < 6 && name(out[at]); at++) {
      after.push(at)
      if (/[,.:;]$/.test(out[at]?.text ?? '')) break
    }
  }
  const afterEnds = /[,.:;]$/.test(out[after.at(-1) ?? -1]?.text ?? '')
  if (after.length >= 2 && afterEnds) {
    for (const at of [cue, ...after]) (out[at] as LabelledToken).label = 'translator'
    return
  }
  const before: number[] = []
  for (let at = cue - 1; at >= 0 && before.length < 6 && name(out[at]) && !/[,.:;]$/.test(out[at]?.text ?? ''); at--) before.unshift(at)
  if (before.length >= 2 && (before[0] === 0 || /,$/.test(out[(before[0] ?? 0) - 1]?.text ?? ''))) for (const at of [...before, cue]) (out[at] as LabelledToken).label = 'translator'
}

/**
 * Articles that open a publisher's name (`Bologna, Il Mulino`, `Madrid, La Esfera`, `Paris, Les
 * Belles Lettres`), by language; after the town's comma they are no part of the town.
 */
const publisherArticles: ReadonlySet<string> = new Set([
  // Italian
  'Il', 'Lo', 'La', 'I', 'Gli', 'Le',
  // Spanish and Portuguese
  'El', 'Los', 'Las', 'O', 'Os', 'A', 'As',
  // French
  'Les',
  // German and English
  'Der', 'Die', 'Das', 'The'
])

/**
 * `Bologna, Il Mulino`, `Barcelona, La Esfera, 1990`: an article read as a word of the place,
 * after the town's comma, opens the publisher, with the words after it up to their comma where
 * no publisher was read (and they name no town: `Paris, Le Havre` prints two places).
 */
function articleOfPublisher(out: LabelledToken[]): void {
  for (let index = 1; index + 1 < out.length; index++) {
    const token = out[index] as LabelledToken
    if (token.label !== 'location' || !publisherArticles.has(token.text) || out[index - 1]?.label !== 'location' || !/,$/.test(out[index - 1]?.text ?? '')) continue
    if (out[index + 1]?.label === 'publisher') {
      token.label = 'publisher'
      continue
    }
    if (out.some((other) => other.label === 'publisher')) continue
    let end = index + 1
    while (end < out.length && end - index <= 4 && out[end]?.label === 'location' && !/[,.:;]$/.test(out[end]?.text ?? '')) end++
    const last = out[end]
    if (!last || last.label !== 'location' || !/,$/.test(last.text) || out[end + 1]?.label !== 'date') continue
    const words = out.slice(index + 1, end + 1)
    if (words.some((word) => isTownWord(word.text) || !/^\p{Lu}/u.test(word.text))) continue
    for (let at = index; at <= end; at++) (out[at] as LabelledToken).label = 'publisher'
  }
}

/**
 * `Hans Roth/Eva Kern (Hg.), Räume, Frankfurt a. M. 2005`: with no title read, after the names
 * and their comma, a word that is no town, with its comma, opening a place run whose other words
 * are towns: the word is the title.
 */
function titleReadAsPlace(out: LabelledToken[]): void {
  if (out.some((token) => titleLabels.has(token.label))) return
  const at = out.findIndex((token) => token.label === 'location')
  const word = out[at]
  const before = out[at - 1]
  if (!word || !before || (before.label !== 'author' && before.label !== 'editor') || !/,$/.test(before.text)) return
  if (!/^\p{Lu}\p{Ll}{2,},$/u.test(word.text) || isTownWord(word.text)) return
  const end = runEnd(out, at)
  if (end === at || !isTownWord(out[at + 1]?.text ?? '')) return
  word.label = 'title'
}

/**
 * `in: Stadtforschung, 5. Jg., 1990, Heft 2, S. 33-50`, `in: Blatt Online, 4.5.2003, http://…`:
 * with no date read, a year the labeller read among the volume's words, set off by a comma or
 * in brackets, or a day's date in figures read as the volume, is the date.
 */
function yearInVolumeRun(out: LabelledToken[]): void {
  if (out.some((token) => token.label === 'date' && /(?:1[5-9]|20)\d\d/.test(token.text))) return
  const at = out.findIndex((token, index) => token.label === 'volume' && (/^\((?:1[5-9]|20)\d\d\)[,.;:]?$/.test(token.text) || dayInFigures.test(token.text) || (/^(?:1[5-9]|20)\d\d[,.;:]?$/.test(token.text) && /,$/.test(out[index - 1]?.text ?? ''))))
  if (at > 0) (out[at] as LabelledToken).label = 'date'
}

/**
 * `Verlag Nord, Kiel`, `… Arbeitspapier. Kiel.`: with no place read, a town ending the
 * publisher's run after its comma, or standing alone as the run, is the place of publication.
 */
function placeAfterPublisher(out: LabelledToken[]): void {
  if (out.some((token) => token.label === 'location')) return
  const first = out.findIndex((token) => token.label === 'publisher')
  if (first < 0) return
  const end = runEnd(out, first)
  let start = end
  while (start > first && isTownWord(out[start - 1]?.text ?? '') && !/,$/.test(out[start - 1]?.text ?? '')) start--
  if (!/^\p{Lu}/u.test(out[start]?.text ?? '') || !out.slice(start, end + 1).every((token) => isTownWord(token.text))) return
  if (start > first && !/,$/.test(out[start - 1]?.text ?? '')) return
  if (start === first && !/[.?!]$/.test(out[first - 1]?.text ?? '')) return
  for (let at = start; at <= end; at++) (out[at] as LabelledToken).label = 'location'
}

/**
 * `Horst Zeller, Mobilität. Ein Überblick, in: …`, `Uwe Pohl, Arbeit, Markt und Staat, Bonn
 * 2003`: a name printed given name first, its comma, then one word with a full stop or a comma
 * before the title: the word is the title's first, not a third name; so are more words, up to
 * the run's end, where the labeller read no title at all.
 */
function titleWordInNames(out: LabelledToken[]): void {
  const first = out.findIndex((token) => token.label !== 'other')
  if (first < 0 || out[first]?.label !== 'author') return
  const end = runEnd(out, first)
  const [given, family, word] = out.slice(first, first + 3)
  if (!given || !family || !word || !mayBeGivenName(given.text) || !/^\p{Lu}\p{Ll}[\p{L}'’-]*,$/u.test(family.text)) return
  if (end === first + 2) {
    // A word with no stop of its own opens the title read after it (`Ann Vale, Harbour Towns, …`).
    const opens = /^\p{Lu}\p{Ll}{3,}[.,]$/u.test(word.text) ? /^\p{Lu}/u.test(out[first + 3]?.text ?? '') : /^\p{Lu}\p{Ll}{2,}$/u.test(word.text)
    if (out[first + 3]?.label === 'title' && opens) word.label = 'title'
    return
  }
  // `Ann Vale, Harbour Towns, 2nd edn (Leith: …)`: with no title read at all, the words after
  // the name's comma up to the run's one comma or stop, ending it, are the title.
  const words = out.slice(first + 2, end + 1)
  if (end < first + 3 || out.some((token) => token.label === 'title') || !/[.,]$/.test(words.at(-1)?.text ?? '') || words.slice(0, -1).some((token) => /[,.;:]$/.test(token.text))) return
  if (!words.every((token) => /^\p{Lu}\p{Ll}/u.test(token.text) || (/^\p{Ll}{2,}$/u.test(token.text) && !particles.has(token.text)))) return
  for (const token of words) token.label = 'title'
}

/**
 * `Brandt, Mia: Im Netz, in: …`: a family name and its comma alone as the author, then a word
 * that may be a given name, with the colon that ends the names, before the title read on: the
 * word is the given name, not the title's first.
 */
function givenNameReadAsTitle(out: LabelledToken[]): void {
  const first = out.findIndex((token) => token.label !== 'other')
  if (first < 0 || out[first]?.label !== 'author' || out[first + 1]?.label !== 'title' || out[first + 2]?.label !== 'title') return
  const given = out[first + 1] as LabelledToken
  if (!/^\p{Lu}[\p{L}'’-]+,$/u.test(out[first]?.text ?? '') || !/^\p{Lu}\p{Ll}+:$/u.test(given.text) || !mayBeGivenName(given.text)) return
  given.label = 'author'
}

/**
 * `… der Aufsatz von T. W. Okafor in: …`: an author read as initials alone (after `von`, `by`), then a
 * capitalized word read as something else: the word is the family name the initials go with.
 */
function familyAfterInitials(out: LabelledToken[]): void {
  const first = out.findIndex((token) => token.label === 'author')
  if (first < 0) return
  const end = runEnd(out, first)
  const run = out.slice(first, end + 1)
  const initials = run.filter((token) => /^\p{Lu}\.$/u.test(token.text))
  if (initials.length === 0 || !run.every((token) => /^\p{Lu}\.$/u.test(token.text) || /^(?:von|by|par|di|da)$/i.test(token.text)) || !/^\p{Lu}\.$/u.test(out[end]?.text ?? '')) return
  const family = out[end + 1]
  if (!family || family.label === 'author' || !/^\p{Lu}\p{Ll}[\p{L}'’-]*[,:]?$/u.test(family.text) || isDocumentNoun(wordOf(family.text))) return
  family.label = 'author'
}

/**
 * `Rauch, T. (2001). Lokale Politik. Journal für Verwaltung, 23(2), 45-67.`: with no title
 * read, a journal run right after the date, before the volume or pages, that holds a full stop
 * after a word of two words or more: the words up to that stop are the article's title.
 */
function titleReadAsJournalStart(out: LabelledToken[]): void {
  if (out.some((token) => token.label === 'title' || token.label === 'container-title')) return
  const first = out.findIndex((token) => token.label === 'journal')
  if (first < 1 || out[first - 1]?.label !== 'date' || !/\.$/.test(out[first - 1]?.text ?? '')) return
  const end = runEnd(out, first)
  if (!['volume', 'pages', 'issue'].includes(out[end + 1]?.label ?? '')) return
  let stop = -1
  for (let at = first + 1; at < end; at++) {
    if (/^in:?$/i.test(out[at]?.text ?? '')) return
    if (/\p{Ll}{5,}\.$|\p{Ll}[?!]$/u.test(out[at]?.text ?? '') && /^\p{Lu}/u.test(out[at + 1]?.text ?? '')) {
      stop = at
      break
    }
  }
  if (stop < 0) return
  for (let at = first; at <= stop; at++) (out[at] as LabelledToken).label = 'title'
}

/** A pointer to a work cited before, standing for its facts: `a.a.O.`, `op. cit.`, `loc. cit.`. */
const citedBefore = /^(?:a\.\s?a\.\s?O|op\.|loc\.|cit)\b/i

/**
 * `Holm, Stadt und Hafen, S. 12.`, `Holm, Stadt und Hafen, a.a.O., S. 3.`: a short form, with no
 * title or year read, whose one name and comma are followed by words the labeller took for the
 * given names: words joined by a word in lower case that is no particle of a name (`und`, `of`,
 * `im`), with no comma before the run's last word, are the short title.
 */
function shortTitleInNames(out: LabelledToken[]): void {
  if (out.some((token) => titleLabels.has(token.label) || (token.label === 'date' && /\d/.test(token.text)))) return
  const first = out.findIndex((token) => token.label !== 'other')
  const name = out[first]
  if (!name || name.label !== 'author' || !/^\p{Lu}[\p{L}'’-]+,$/u.test(name.text)) return
  const end = runEnd(out, first)
  let last = end
  const cue = out.findIndex((token, at) => at > first && at <= end && citedBefore.test(token.text))
  if (cue > 0) last = cue - 1
  const words = out.slice(first + 1, last + 1)
  if (words.length < 2 || words.slice(0, -1).some((token) => /[,;:]$/.test(token.text)) || !/^\p{Lu}/u.test(words[0]?.text ?? '')) return
  if (cue < 0 && !/,$/.test(words.at(-1)?.text ?? '') && !['pages', 'locator'].includes(out[last + 1]?.label ?? '')) return
  const joined = words.some((token) => /^\p{Ll}{2,}$/u.test(token.text) && !particles.has(token.text))
  if (!joined || words.some((token) => /^\p{Lu}\.$/u.test(token.text))) return
  for (const token of words) token.label = 'title'
}

/** An editor's cue after the names, set off by a comma or closed by its stop: `ed.,`, `eds.`, `Hg.,`, `Hrsg.`. */
const editorCueWithComma = /^(?:eds?|hg|hgg|hrsg|éds?|dir)\.,?$/i

/**
 * `Ann Vale and Tom Reed, eds., Harbour Towns (Leith: Quay, 1981), 4.`, `Marsh, Edwin, ed.
 * Ferries and Tolls`: the capitalized words after the editors' cue, up to the end of their run,
 * are the book's title (or its first words, where the labeller read the rest as the title): the
 * cue ends the names.
 */
function titleAfterEditorCue(out: LabelledToken[]): void {
  const cue = out.findIndex((token) => (token.label === 'editor' || token.label === 'author') && editorCueWithComma.test(token.text))
  const field = out[cue]?.label
  if (cue < 2 || out[cue + 1]?.label !== field || !/^\p{Lu}/u.test(out[cue + 1]?.text ?? '')) return
  // The names before the cue: capitalized words, initials and joining words only.
  if (!out.slice(0, cue).every((token) => token.label === field && editorName.test(token.text))) return
  const end = runEnd(out, cue + 1)
  // A title read before the cue or apart from these words is another reading: left as it is.
  const titled = out.flatMap((token, at) => (token.label === 'title' ? [at] : []))
  if (titled.some((at) => at < cue) || (titled.length > 0 && titled[0] !== end + 1)) return
  for (let at = cue + 1; at <= end; at++) (out[at] as LabelledToken).label = 'title'
  if (field === 'author') for (let at = 0; at <= cue; at++) (out[at] as LabelledToken).label = 'editor'
}

/**
 * `Die Küste: Land ohne Grenzen? Aus norddeutschen Zeitschriften 1997, Kiel: Institut, 1998`:
 * after a title's question or full stop, words the labeller read as a journal, with a year (read as its
 * volume or as the date), followed by a place and publisher and no range of pages, are the title's subtitle: a
 * book has a place and publisher, a journal has none.
 */
function subtitleReadAsJournal(out: LabelledToken[]): void {
  const first = out.findIndex((token) => token.label === 'journal')
  if (first < 1 || out[first - 1]?.label !== 'title' || !/\p{L}[?!.]$/u.test(out[first - 1]?.text ?? '') || !/^\p{Lu}/u.test(out[first]?.text ?? '')) return
  let end = first
  while (end < out.length && out[end]?.label === 'journal') end++
  // Words of the name the labeller read as the volume, before the year.
  while (end < out.length && out[end]?.label === 'volume' && /^\p{L}+$/u.test(out[end]?.text ?? '')) end++
  const year = out[end]
  if (!year || (year.label !== 'volume' && year.label !== 'date') || !yearEndingWords.test(year.text) || out.some((token, at) => at < first && (/^in:$/i.test(token.text) || (/^In$/.test(token.text) && /[.,]$/.test(out[at - 1]?.text ?? ''))))) return
  const rest = out.slice(end + 1)
  if (!rest.some((token) => token.label === 'location') || !rest.some((token) => token.label === 'publisher') || rest.some((token) => token.label === 'journal' || token.label === 'volume' || (token.label === 'pages' && pageRange.test(token.text)))) return
  for (let at = first; at <= end; at++) (out[at] as LabelledToken).label = 'title'
}

/** A word in quotation marks of its own (`"Ladder"`, `„Fähre“`). */
const quotedWord = /^[„“"«‚‘][^\s„“”"«»‚‘’]+[“”"»’‘]$/u

/**
 * `… measured by the "Ladder" Method, Harbour Studies Paper`: a word quoted inside a title and
 * the word after it, up to its comma, are the title's, not a journal's first words.
 */
function wordAfterQuotedWord(out: LabelledToken[]): void {
  for (let index = 1; index < out.length; index++) {
    const before = out[index - 1] as LabelledToken
    const token = out[index] as LabelledToken
    if (before.label !== 'title' || !quotedWord.test(before.text) || (token.label !== 'journal' && token.label !== 'container-title') || !/^\p{L}[\p{L}-]*,$/u.test(token.text)) continue
    if (out[index + 1]?.label === token.label) token.label = 'title'
  }
}

/** A day's date in figures: `01.09.2005,`. */
const dayInFigures = /^\d{1,2}\.\d{1,2}\.(?:1[5-9]|20)\d\d[,.;]?$/

/** `…, Vienna 12.03.1998, DOC(1998) 77`: a town before a day's date is where the document was issued, not a journal. */
function townBeforeDay(out: LabelledToken[]): void {
  for (let index = 1; index + 1 < out.length; index++) {
    const token = out[index] as LabelledToken
    const day = out[index + 1] as LabelledToken
    if ((token.label !== 'journal' && token.label !== 'container-title') || out[index - 1]?.label === token.label || !isTownWord(token.text) || !/^\p{Lu}\p{Ll}+$/u.test(token.text) || !dayInFigures.test(day.text)) continue
    token.label = 'location'
    day.label = 'date'
  }
}

/** Pages followed on: `50ff.`, `12 f.`, `S. 7ff.`. */
const pagesFollowedOn = /^\d{1,4}\s?ff?\.[,.;)]*$/
const notPublisher = new Set<Label>(['note', 'other'])
/** What the labeller may read the end of a publisher's name as, after `Place:` (`Verein für Ortsgeschichte e. V.,`). */
const publisherGoesOn = new Set<Label>(['note', 'other', 'journal', 'container-title', 'volume', 'title'])

/**
 * `Sevilla: Junta de Puertos y Faros, 12ff.`: the words of a publisher's name up to its comma
 * are the publisher's, and a page with `ff.` closing a reference that has no pages is its page,
 * where the labeller read them as a note.
 */
function publisherNamedWhole(out: LabelledToken[]): void {
  for (let index = 1; index < out.length; index++) {
    const before = out[index - 1] as LabelledToken
    if (before.label === 'publisher' && notPublisher.has(out[index]?.label ?? 'other') && !/[,.;:)]$/.test(before.text) && /^\p{L}/u.test(out[index]?.text ?? '')) (out[index] as LabelledToken).label = 'publisher'
  }
  // After `Place:`, the publisher's name runs to its comma, through abbreviations (`e. V.`).
  for (let index = 1; index + 1 < out.length; index++) {
    if (out[index]?.label !== 'publisher' || out[index - 1]?.label !== 'location' || !/:$/.test(out[index - 1]?.text ?? '')) continue
    let end = index
    while (end < out.length && out[end]?.label === 'publisher' && !/[,;:)]$|\p{L}{3}\.$/u.test(out[end]?.text ?? '')) end++
    if (end >= out.length || out[end]?.label === 'publisher') continue
    let close = end
    while (close < out.length && close - end < 4 && publisherGoesOn.has(out[close]?.label ?? 'other') && /^\p{L}/u.test(out[close]?.text ?? '') && !/[,;:)]$|\p{L}{3}\.$/u.test(out[close]?.text ?? '')) close++
    const comma = out[close]
    if (!comma || close - end >= 4 || !publisherGoesOn.has(comma.label) || !/^\p{L}/u.test(comma.text) || !/,$/.test(comma.text)) continue
    for (let at = end; at <= close; at++) (out[at] as LabelledToken).label = 'publisher'
  }
  const last = out.at(-1)
  if (last && notPublisher.has(last.label) && pagesFollowedOn.test(last.text) && !out.some((token) => token.label === 'pages')) last.label = 'pages'
}

/** Vancouver's year, perhaps its month and day, then `;volume(issue):pages`: `1998;12(3):101-9`, `2001 Mar 4;7:22-30`. */
const vancouverFacts = /(?<![\d.])((?:1[5-9]|20)\d\d)(?:\s\p{L}{3,4}(?:\s\d{1,2})?)?;\s?(\d{1,4})(?:\((\d{1,4}(?:[-–]\d{1,4})?)\))?:/u

/**
 * A book's count of pages, the number before its cue: `312 p.`, `280 S.`, `240 с.` (Russian),
 * `312 págs.` (Spanish), `280 pagine` (Italian).
 */
const pageCount = /^(\d{1,4})\s*(?:p|pp|S|Seiten|pages|pgs|с|стр|págs|pags|pagine)\.?$/u

/** A tome's or volume's cue standing alone: `t.`, `tome`, `tomo`, `Bd.`, `vol.`. */
const tomeCue = /^(?:t\.|[Tt]ome|[Tt]omo|Bd\.|[Vv]ol\.)$/
/** A volume's number closing its element: `III,`, `2.`, or the reference's last word. */
const tomeNumber = /^(?:\d{1,3}|[IVXLC]{1,6})(?:[,.;]|$)/
const tomeReadAs = new Set<Label>(['title', 'container-title', 'journal', 'publisher', 'location', 'genre', 'edition'])

/**
 * `*Titre*, t. III, Paris, Colin, 1961`, `Werke, Bd. 2, Leipzig`: a volume's cue after a comma
 * and its number are the volume, where the labeller read them as the title going on and the
 * number as a publisher or place.
 */
function volumeCuesRead(out: LabelledToken[]): void {
  for (let index = 1; index + 1 < out.length; index++) {
    const cue = out[index] as LabelledToken
    const number = out[index + 1] as LabelledToken
    if (!tomeCue.test(cue.text) || !/,$/.test(out[index - 1]?.text ?? '') || !tomeReadAs.has(cue.label) || !tomeReadAs.has(number.label)) continue
    if (!tomeNumber.test(number.text) || (!/[,.;]$/.test(number.text) && index + 2 < out.length)) continue
    cue.label = 'volume'
    number.label = 'volume'
  }
  // `…, Colin, 1907, t. II`: a year before a tome's cue is the book's date, not its volume.
  for (let index = 1; index < out.length; index++) {
    const before = out[index - 1] as LabelledToken
    if (out[index]?.label === 'volume' && tomeCue.test(out[index]?.text ?? '') && before.label === 'volume' && yearEndingWords.test(before.text)) before.label = 'date'
  }
}

/** An opening guillemet, and a Roman volume number after a closing one. */
const opensGuillemet = /^«/
const closesGuillemet = /»[,.;]?$/
const romanVolume = /^[IVXLC]{1,6}[,.;]?$/

/**
 * `La riforma agraria, in «Studi storici», XII, 1971`: in Italian notes the journal stands in
 * guillemets after `in`, its volume (often in Roman numerals) after it. The words from `in` to
 * the closing guillemet are the journal, not the article's title going on.
 */
function journalInGuillemets(out: LabelledToken[]): void {
  for (let index = 1; index + 1 < out.length; index++) {
    if (out[index]?.text !== 'in' || !/,$/.test(out[index - 1]?.text ?? '') || out[index - 1]?.label !== 'title' || !opensGuillemet.test(out[index + 1]?.text ?? '')) continue
    let close = index + 1
    while (close < out.length && close - index < 12 && !closesGuillemet.test(out[close]?.text ?? '')) close++
    if (close >= out.length || close - index >= 12) continue
    for (let at = index; at <= close; at++) (out[at] as LabelledToken).label = 'journal'
    const after = out[close + 1]
    if (after && romanVolume.test(after.text) && after.label !== 'pages') after.label = 'volume'
  }
}

/** The index of the last token of the run of one label that begins at `start`. */
function runEnd(out: readonly LabelledToken[], start: number): number {
  const label = out[start]?.label
  let end = start
  while (end + 1 < out.length && out[end + 1]?.label === label) end++
  return end
}

const opensQuotation = /^[„“"«‚‘]/
const closesQuotation = /[“”"»«„‘’‚][.,;:]?$/

/**
 * `„Seemannsgarn“, Lindner (1990), S. 11`: words in quotation marks are a title, never a name,
 * where the labeller read them as the authors'.
 */
function quotedNamesAsTitle(out: LabelledToken[]): void {
  for (let index = 0; index < out.length; index++) {
    const token = out[index] as LabelledToken
    if (token.label !== 'author' || !opensQuotation.test(token.text)) continue
    // The word that closes the quotation (the opening mark itself not counted), within the run.
    let end = index
    while (end < out.length && (out[end] as LabelledToken).label === 'author' && !closesQuotation.test((out[end] as LabelledToken).text.slice(end === index ? 1 : 0))) end++
    if (end >= out.length || (out[end] as LabelledToken).label !== 'author') continue
    for (let at = index; at <= end; at++) (out[at] as LabelledToken).label = 'title'
    index = end
  }
}

/**
 * `Hafenstat, HAFEN KOMPAKT, Regionen, Luxemburg 1998`: after the first name of a run the
 * labeller read as names, two or more words in capitals between commas are a title printed in
 * capitals (a family name in capitals stands alone beside given names in mixed case): from there
 * the run is the title, and a town closing it before the year is the place.
 */
function capitalsTitleInNames(out: LabelledToken[]): void {
  if (out[0]?.label !== 'author') return
  const end = runEnd(out, 0)
  for (let at = 1; at < end; at++) {
    if (!/,$/.test((out[at - 1] as LabelledToken).text)) continue
    let last = at
    while (last < end && !/,$/.test((out[last] as LabelledToken).text)) last++
    const part = out.slice(at, last + 1)
    if (part.length < 2 || !part.every((token) => /^\p{Lu}{3,}[,.]?$/u.test(token.text))) continue
    for (let index = at; index <= end; index++) (out[index] as LabelledToken).label = 'title'
    const town = out[end] as LabelledToken
    // `…, Luxemburg 1998`: one word after the last comma, before the year, is the place.
    if (end > last && /,$/.test((out[end - 1] as LabelledToken).text) && /^\p{Lu}\p{Ll}+$/u.test(town.text) && (isTownWord(town.text) || out[end + 1]?.label === 'date')) town.label = 'location'
    return
  }
}

/**
 * `von K. Lindner in: Brauer/Kötter 1980: 63`: a contribution's author, then `in:` and the
 * names of the work it is in, read as one run of names: from `in:` on they are that work's
 * editors, not authors.
 */
function bookCueInNames(out: LabelledToken[]): void {
  const cue = out.findIndex((token, index) => index > 0 && /^in:$/i.test(token.text) && token.label === 'author' && (out[index - 1] as LabelledToken).label === 'author')
  if (cue < 0) return
  for (let at = cue; at < out.length && (out[at] as LabelledToken).label === 'author'; at++) (out[at] as LabelledToken).label = 'editor'
}

/** `Title // Journal Name. 1991. № 3`: the journal after the double slash runs to its first full stop (Russian lists). */
function afterDoubleSlash(out: LabelledToken[]): void {
  const slash = out.findIndex((token) => token.text === '//')
  const first = out[slash + 1]
  if (slash < 0 || !first || (first.label !== 'journal' && first.label !== 'container-title')) return
  for (let at = slash + 1; at < out.length; at++) {
    const token = out[at] as LabelledToken
    if (/^(?:1[5-9]|20)\d\d/.test(token.text)) break
    token.label = first.label
    if (/\p{L}[.]$/u.test(token.text)) break
  }
}

/** An editors' cue in brackets (`(Hg.)`, `(eds.)`, `(org.)`, `(coord.)`) after the names that open a reference. */
const openingEditorCue = /^\((?:hg|hgg|hrsg|eds?|éds?|orgs?|coords?|dir|dirs|comps?)\.\)[.,:]?$/i
const nameToken = /^(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.(?:-?\p{Lu}\.)*|von|van|de|da|di|del|der|du|la|le|and|und|y|e|et|&)[,;/]?$/u

/**
 * `Loureiro, Ana (org.). *Portos do Brasil*`: the names before a bracketed editors' cue that
 * opens a reference are its editors, whatever the labeller read them as.
 */
function bracketedEditorsFirst(out: LabelledToken[]): void {
  const cue = out.findIndex((token, index) => index <= 8 && openingEditorCue.test(token.text))
  if (cue < 1 || out.slice(0, cue).some((token) => !nameToken.test(token.text)) || out.slice(0, cue).every((token) => token.label === 'editor' || token.label === 'author')) return
  for (let at = 0; at <= cue; at++) (out[at] as LabelledToken).label = 'editor'
}

/**
 * `Lanthorn Books, 2007`: a word read as a place, with no colon or comma after it, before the
 * words of a publisher is the first word of the publisher's name (a place is set apart from its
 * publisher by a colon or a comma); a word of the place lexicon stays a place.
 */
function publisherNamedAfterPlace(out: LabelledToken[]): void {
  for (let index = 1; index < out.length; index++) {
    if (out[index]?.label !== 'publisher' || out[index - 1]?.label !== 'location') continue
    // `Bologna, il Mulino`, `Paris, les Éditions …`: an article after the place's comma opens the publisher's name.
    const article = out[index - 1] as LabelledToken
    if (/^\p{Ll}+$/u.test(article.text) && lexiconOf.get(article.text)?.includes('article') && /,$/.test(out[index - 2]?.text ?? '')) {
      article.label = 'publisher'
      continue
    }
    let first = index - 1
    while (first > 0 && out[first - 1]?.label === 'location' && !/[,:;.]$/.test(out[first - 1]?.text ?? '')) first--
    const words = out.slice(first, index)
    if (/[,:;]$/.test(words.at(-1)?.text ?? '') || (first > 0 && out[first - 1]?.label === 'location')) continue
    if (words.some((word) => !/^\p{Lu}/u.test(word.text) || lexiconOf.get(word.text.replace(/[.,]$/, '').toLowerCase())?.includes('place'))) continue
    for (let at = first; at < index; at++) (out[at] as LabelledToken).label = 'publisher'
  }
}

/** Editors' cues as printed after a title and a comma: `a cura di`, `éd.`, `dir.`, `sous la direction de`, `edited by`, `hrsg. v.`. */
const editorCues: ReadonlyArray<readonly RegExp[]> = [
  [/^a$/i, /^cura$/i, /^di$/i],
  [/^a$/i, /^c\.$/i, /^di$/i],
  [/^sous$/i, /^la$/i, /^dir(?:ection|\.)$/i, /^de$/i],
  [/^under$/i, /^the$/i, /^direction$/i, /^of$/i],
  [/^(?:edited|ed\.|eds\.|édité|dirigé)$/i, /^(?:by|par)$/i],
  [/^(?:hrsg\.|hg\.|herausgegeben)$/, /^(?:v\.|von)$/],
  [/^(?:éds?\.|dir\.|ed\.|eds\.|cur\.)$/i]
]
const editorName = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|de|di|da|del|della|van|von|la|le|du|et|e|and|und|&)[,.]?$/u

/**
 * `Le corporazioni di Genova, a cura di Paolo Sarti, Roma`, `Les villes, éd. Anne Roy, Paris`:
 * an editors' cue after the title's comma, and the names up to the next comma, are the
 * editors, not words of the title or book.
 */
function editorsInTitle(out: LabelledToken[]): void {
  for (let index = 1; index < out.length; index++) {
    const field = out[index]?.label
    if ((field !== 'title' && field !== 'container-title') || out[index - 1]?.label !== field || !/,$/.test(out[index - 1]?.text ?? '')) continue
    const cue = editorCues.find((words) => words.every((word, at) => word.test(out[index + at]?.text ?? '')))
    if (!cue) continue
    let end = index + cue.length
    const first = end
    // A name after `e`, `and`, `et` is the next editor's, whatever the labeller read it as (`Paolo Sarti e Anna Neri`).
    const joined = (at: number) => out.slice(first, at).some((token) => /^(?:e|et|and|und|&)$/.test(token.text))
    while (end < out.length && end - first < 8 && editorName.test(out[end]?.text ?? '') && (out[end]?.label === field || out[end]?.label === 'editor' || out[end]?.label === 'author' || joined(end))) {
      end++
      if (/[,]$/.test(out[end - 1]?.text ?? '') || (/\p{Ll}{2}\.$/u.test(out[end - 1]?.text ?? ''))) break
    }
    if (end === first || !/^\p{Lu}/u.test(out[first]?.text ?? '')) continue
    for (let at = index; at < end; at++) (out[at] as LabelledToken).label = 'editor'
    // `Renata Colli, *Statuti*, a cura di P. Sarti`: the names that open the reference, before
    // the title with no cue of their own, are its authors; the editors are named after the title.
    const opening = out.findIndex((token) => token.label !== 'editor')
    const names = out.slice(0, opening)
    if (field === 'title' && opening > 0 && opening < index && out[opening]?.label === 'title' && names.every((token) => editorName.test(token.text) && !/^(?:de|di|da|del|della|et|e|and|und|&)$/.test(token.text))) {
      for (let at = 0; at < opening; at++) (out[at] as LabelledToken).label = 'author'
    }
    index = end
  }
}

/**
 * `…, Aus russischen Blättern 1998, Ebenhausen: Institut für Ostfragen, Februar 1999`: a place
 * and its colon after a comma, a publisher's name up to the next comma and then a date are the
 * publication facts, not the title going on.
 */
function placeAndPublisherInTitle(out: LabelledToken[]): void {
  for (let index = 1; index + 2 < out.length; index++) {
    const token = out[index] as LabelledToken
    if (token.label !== 'title' || !/^\p{Lu}[\p{L}-]+:$/u.test(token.text) || !/,$/.test(out[index - 1]?.text ?? '') || out[index - 1]?.label !== 'title') continue
    let end = index + 1
    while (end < out.length && end - index <= 6 && !/,$/.test(out[end]?.text ?? '') && /^(?:\p{Lu}|und$|für$|of$|and$|&$)/u.test(out[end]?.text ?? '')) end++
    if (end >= out.length || !/^\p{Lu}/u.test(out[end]?.text ?? '') || !/,$/.test(out[end]?.text ?? '')) continue
    const next = out[end + 1]
    if (!next || !(next.label === 'date' || lexiconOf.get(next.text.replace(/[.,]$/, '').toLowerCase())?.includes('month') || yearInText.test(next.text))) continue
    token.label = 'location'
    for (let at = index + 1; at <= end; at++) (out[at] as LabelledToken).label = 'publisher'
    return
  }
}

/** A word of a place's name before its colon: `Reinbek`, `bei`, `Thousand`, `am`, `Main:`. */
const placeNameWord = /^(?:\p{Lu}[\p{L}'’.-]*:?|bei|am|an|der|upon|on)$/u

/**
 * `Name (2004). Der Titel. Neustadt bei Coburg: Verlag.`, `…, parishes, Kendal: The Institute for
 * Upland Commons (Occasional Notes 3)`: in a reference whose date was read before its title, a
 * place and its colon after the title's stop or comma, and the words after it to the end or to
 * a bracket, are the place and the publisher, when the place is a known town or the words name
 * a publisher or a body; and a town's first words before its connective (`bei`, `am`, `upon`),
 * read as the title's, are the town's.
 */
function townAndPublisherEndingTitle(out: LabelledToken[]): void {
  // `Titel. Neustadt bei Coburg: Verlag`: a town's first words before its connective.
  for (let index = 2; index < out.length; index++) {
    if (out[index]?.label !== 'location' || !/^(?:bei|am|an|upon|on)$/.test(out[index - 1]?.text ?? '') || out[index - 1]?.label !== 'title') continue
    const first = out[index - 2] as LabelledToken
    if (first.label === 'title' && /^\p{Lu}[\p{L}-]+$/u.test(first.text) && /[.,]$/.test(out[index - 3]?.text ?? '')) first.label = (out[index - 1] as LabelledToken).label = 'location'
  }
  const date = out.findIndex((token) => token.label === 'date')
  const titled = out.findIndex((token) => token.label === 'title')
  if (date < 0 || titled < 0 || date > titled) return
  for (let index = titled + 1; index < out.length; index++) {
    if (out[index]?.label !== 'title' || !/[.,]$/.test(out[index - 1]?.text ?? '') || out[index - 1]?.label !== 'title') continue
    let colon = index
    while (colon < out.length && colon - index < 4 && out[colon]?.label === 'title' && !out[colon]?.text.endsWith(':') && placeNameWord.test(out[colon]?.text ?? '')) colon++
    const place = out.slice(index, colon + 1)
    if (!out[colon]?.text.endsWith(':') || !/^\p{Lu}[\p{L}-]+:$/u.test(out[colon]?.text ?? '') || !place.every((token) => token.label === 'title' && placeNameWord.test(token.text))) continue
    let end = colon + 1
    while (end < out.length && out[end]?.label === 'title' && !out[end]?.text.startsWith('(')) end++
    const publisher = out.slice(colon + 1, end)
    if (publisher.length === 0 || publisher.length > 12 || !/^\p{Lu}/u.test(publisher[0]?.text ?? '') || (end < out.length && !out[end]?.text.startsWith('('))) continue
    const named = publisher.map((token) => token.text).join(' ')
    if (!isTownWord(out[colon]?.text ?? '') && !isTownWord(place[0]?.text ?? '') && !institution.test(named) && !publisher.some((token) => lexiconOf.get(token.text.replace(/[.,;]$/, '').toLowerCase())?.includes('publisherWord'))) continue
    for (const token of place) token.label = 'location'
    for (const token of publisher) token.label = 'publisher'
    return
  }
}

const issueOfYear = new RegExp(String.raw`^\d{1,2}\/${year}[,.;]?$`)

/**
 * `Titel. Arbeit und Recht 3/2006, Köln`: after the title's full stop, a few capitalized words
 * and an issue of a year (`3/2006`) are a journal and its issue, not the title going on.
 */
function journalByIssue(out: LabelledToken[]): void {
  const issue = out.findIndex((token) => token.label === 'title' && issueOfYear.test(token.text))
  if (issue < 2) return
  let first = issue
  while (first > 0 && issue - first < 6 && out[first - 1]?.label === 'title' && !/\p{L}{3}[.?!]$/u.test(out[first - 1]?.text ?? '')) first--
  if (first === issue || first === 0 || out[first - 1]?.label !== 'title' || !/\p{L}{3}[.?!]$/u.test(out[first - 1]?.text ?? '') || !/^\p{Lu}/u.test(out[first]?.text ?? '')) return
  for (let at = first; at <= issue; at++) (out[at] as LabelledToken).label = at < issue ? 'journal' : 'volume'
}

/** A title's word that closes a sentence, clause or quotation, where a journal's name may begin after it (not `St.`, `Dr.`). */
const titleWordEnds = /(?:\p{L}{3}|\d)[.?!]$|[?!]$|[,;:»«"”“’)\]]$/u
/** A word followed by a stop of any kind. */
const stopAfter = /[.?!,;:»«"”“’)\]]$/

/**
 * `Titel. Didaktik in Werkstatt und Hof, 44, S. 12`: a journal or book the labeller began
 * in mid-name, right after a title word with no stop, begins after the title's last stop, comma
 * or opening bracket (`(Ostheimer Studien zur Sprache und Poetik, Bd. 7)`): a title ends at its
 * punctuation, not inside a name.
 */
function journalStartInTitle(out: LabelledToken[]): void {
  for (let index = 2; index < out.length; index++) {
    const token = out[index] as LabelledToken
    const label = token.label
    if ((label !== 'journal' && label !== 'container-title') || out[index - 1]?.label !== 'title') continue
    // Opened by `in`, or after a stop already: the labeller's start holds.
    if (stopAfter.test(out[index - 1]?.text ?? '') || /^(?:in|dans|en|aus|im)\b/i.test(token.text)) continue
    // A run that itself ends a sentence before its last word (`Views. Water and Soil`) was begun too early, not too late.
    const end = runEnd(out, index)
    if (out.slice(index, end).some((word) => /\p{L}{3}[.?!]$/u.test(word.text))) continue
    let start = -1
    for (let at = index - 1; at >= 1 && index - at <= 8 && out[at - 1]?.label === 'title'; at--) {
      const text = (out[at] as LabelledToken).text
      if (/^[([]\p{Lu}/u.test(text) || (titleWordEnds.test(out[at - 1]?.text ?? '') && /^\p{Lu}/u.test(text))) {
        start = at
        break
      }
      if (/^[([]/.test(text)) break
    }
    // `The Elements of| Habit (Vol. 1)`: with no stop to begin after, a title does not end
    // on a connective; it runs to its stop.
    if (start < 0 && /^(?:of|and|the|for|on|und|der|des|die|für|zur|zum|de|du|la|le|di|del|della)$/.test(out[index - 1]?.text ?? '')) {
      for (let at = index; at < out.length && out[at]?.label === label; at++) {
        ;(out[at] as LabelledToken).label = 'title'
        if (/[.,:;?!]$/.test(out[at]?.text ?? '')) break
      }
      continue
    }
    // The title keeps two words at least.
    if (start < 0 || out.slice(0, start).filter((word) => word.label === 'title').length < 2) continue
    for (let at = start; at < index; at++) (out[at] as LabelledToken).label = label
  }
}

/** A word that names a public or private body: `Landesamt`, `Bundesministerium`, `Office`, `Kommission`. */
const bodyNoun = /(?<!\p{L})(?:\p{L}*amt(?:e?s)?|\p{L}*ministeriums?|\p{L}*stelle|\p{L}*behörde|ministry|ministère|ministerio|office|bureau|kommission|commission|institut\p{L}*|agency|agentur|council|department|stiftung|foundation|bundesregierung|government)(?!\p{L})/iu
const notBodyLabels = new Set<Label>(['date', 'pages', 'url', 'location', 'volume', 'journal', 'container-title'])

/**
 * `Statistisches Landesamt Sachsen, Statistisches Jahrbuch 2004, Kamenz 2005`, `Danish Central
 * Statistical Office, Regional Yearbook, Copenhagen 1996`: a body named before the first comma is
 * the author, and the words up to the next comma, before the place and year, are the title (a
 * year in it the title's when another year follows), whatever the labeller read them as.
 */
function bodyBeforeTitle(out: LabelledToken[]): void {
  const comma = out.findIndex((token, index) => index < 9 && token.text.endsWith(','))
  if (comma < 1 || !bodyNoun.test(out.slice(0, comma + 1).map((token) => token.text).join(' '))) return
  if (out.slice(0, comma + 1).some((token) => /\d/.test(token.text) || notBodyLabels.has(token.label))) return
  let end = comma + 1
  while (end < out.length && end - comma <= 12 && !out[end]?.text.endsWith(',') && !notBodyLabels.has(out[end]?.label ?? 'other')) end++
  if (end >= out.length || end === comma + 1 || !out[end]?.text.endsWith(',')) return
  const rest = out.slice(end + 1)
  if (!rest.some((token) => token.label === 'location' || token.label === 'date')) return
  const title = out.slice(comma + 1, end + 1)
  if (title.some((token) => token.label === 'date') && !rest.some((token) => token.label === 'date')) return
  if (title.some((token) => token.label !== 'date' && notBodyLabels.has(token.label))) return
  out.slice(0, comma + 1).forEach((token) => (token.label = 'author'))
  title.forEach((token) => (token.label = 'title'))
}

/** The date of an author-date head: `(2012).`, `(1994)`, `2004:`, `2001a:`. */
const headDate = new RegExp(String.raw`^(?:\(${year}[a-z]?\)[.:,]?|${year}[a-z]?:)$`)
/** A word of a body's name, its expansion in brackets included: `(European`, `Rivers),`, `[Amt`. */
const headBodyWord = /^[(\[]?(?:\p{Lu}[\p{L}'’.&-]*(?:\/\p{Lu}[\p{L}'’.-]*)*|\p{Ll}{1,4})[)\]]?[,.]?$/u

/**
 * `Amt für Häfen und Deiche, 2004: Titel`, `KFA (Kommission für Auen) (2001): Titel`, `ABC
 * [Amt für Binnenschifffahrt] 2009: Titel`, `Amt für Schleusen/Stelle Nordufer. (2012).
 * Titel`: a body named before the year of an author-date head is the author and the work is
 * named after the year, whatever the labeller read the name as (a title, or its first words
 * alone as a name). A bracketed editor cue after the body or after its year goes with it.
 */
function bodyAuthorDateHead(out: LabelledToken[]): void {
  const date = out.findIndex((token, index) => index < 24 && headDate.test(token.text))
  if (date < 2 || date + 1 >= out.length) return
  let end = date
  while (end > 0 && bracketedEditorCue.test(out[end - 1]?.text ?? '')) end--
  const names = out.slice(0, end)
  if (names.length < 2 || !/^\p{Lu}/u.test(names[0]?.text ?? '')) return
  if (names.some((token) => !headBodyWord.test(token.text) || (token.label !== 'author' && token.label !== 'title' && token.label !== 'editor'))) return
  const printed = names.map((token) => token.text).join(' ')
  // An acronym and its expansion in brackets, or a body's noun; not a document's heading.
  const expanded = /^\p{Lu}{2,}[\p{Lu}\p{Ll}/-]*$/u.test(names[0]?.text ?? '') && /^[(\[]\p{Lu}/u.test(names[1]?.text ?? '')
  if ((!expanded && !institution.test(printed)) || isDocumentNoun(names[0]?.text.replace(/[^\p{L}-]/gu, '') ?? '')) return
  // A person's name before a comma and a given name (`Bank, Hans`) is no body's.
  if (!expanded && /^\p{Lu}\p{Ll}+,$/u.test(names[0]?.text ?? '') && names.length <= 4 && mayBeGivenName((names[1]?.text ?? '').replace(/[,.]$/, ''))) return
  for (let at = 0; at < date; at++) (out[at] as LabelledToken).label = 'author'
  ;(out[date] as LabelledToken).label = 'date'
  let next = date + 1
  if (bracketedEditorCue.test(out[next]?.text ?? '')) (out[next++] as LabelledToken).label = 'editor'
  for (let at = next; at < out.length && out[at]?.label === 'author'; at++) (out[at] as LabelledToken).label = 'title'
  // The year was given with the names: a year printed with the title's words, no stop or
  // comma between, is the title's, and so are the words before it read as a place
  // (`Schätzung für Talheim bis 2040.`).
  for (let at = next + 1; at < out.length; at++) {
    if (out[at]?.label !== 'title' || !/\p{L}$/u.test(out[at]?.text ?? '')) continue
    let end = at + 1
    while (end < out.length && out[end]?.label === 'location' && !/[.,:;]$/.test(out[end]?.text ?? '')) end++
    const token = out[end]
    if (token?.label !== 'date' || !plainYear.test(token.text)) continue
    for (let word = at + 1; word <= end; word++) (out[word] as LabelledToken).label = 'title'
  }
}

/** A volume's or part's cue, never the last word of a name: `Vol.`, `Bd.`, `Teil`. */
export const volumeCueWord = /^(?:Vol|Vols|Volume|Volumes|Bd|Bde|Band|Bände|Heft|Hefte|Jg|Jahrgang|Nr|No|Number|Tome|Tomo|Teil|Part|Issue|Suppl|Supplement|Sonderheft|Sonderband)\b/i

/**
 * The end of a journal's or book's name read as publication facts: a capitalized word with no
 * digit after the name, no stop between, is no volume (`The Eastport Sun.`); words read as the
 * place after a name cut mid-phrase, up to a comma before a town or a place and publisher, are
 * the name's (`International Harbour Resource Management, London`); and an article alone read
 * as a journal between title words, a year after it, is the title's (`Reeds? The 2016 Ferry
 * Vote in Talheim.`).
 */
function nameEndReadAsFacts(out: LabelledToken[]): void {
  for (let index = 1; index < out.length; index++) {
    const token = out[index] as LabelledToken
    const field = out[index - 1]?.label
    if (token.label !== 'volume' || (field !== 'journal' && field !== 'container-title') || /[.,;:?!]$/.test(out[index - 1]?.text ?? '')) continue
    if (/^\p{Lu}\p{Ll}+[.,]?$/u.test(token.text) && !romanVolume.test(token.text) && !volumeCueWord.test(token.text)) token.label = field
  }
  for (let index = 1; index < out.length; index++) {
    const field = out[index - 1]?.label
    if (out[index]?.label !== 'location' || (field !== 'title' && field !== 'container-title' && field !== 'journal') || /[.,;:?!)\]"“”»«]$/.test(out[index - 1]?.text ?? '')) continue
    let comma = index
    while (comma + 1 < out.length && comma - index < 6 && out[comma]?.label === 'location' && !out[comma]?.text.endsWith(',')) comma++
    const town = out[comma + 1]
    if (out[comma]?.label !== 'location' || !out[comma]?.text.endsWith(',') || !town) continue
    if (isTownWord(out[comma]?.text ?? '') || out.slice(index, comma + 1).some((token) => /\d/.test(token.text))) continue
    if (!isTownWord(town.text) && !(town.label === 'location' && town.text.endsWith(':') && out[comma + 2]?.label === 'publisher')) continue
    for (let at = index; at <= comma; at++) (out[at] as LabelledToken).label = field
  }
  for (let index = 1; index + 1 < out.length; index++) {
    const token = out[index] as LabelledToken
    if (token.label !== 'journal' || !titleArticleWord.test(token.text) || out[index - 1]?.label !== 'title' || out[index + 1]?.label === 'journal') continue
    let next = index + 1
    if (out[next]?.label === 'date' && /^(?:1[5-9]|20)\d\d$/.test(out[next]?.text ?? '') && out[next + 1]?.label === 'title') next++
    if (out[next]?.label !== 'title') continue
    for (let at = index; at < next; at++) (out[at] as LabelledToken).label = 'title'
  }
}

const editionWord = new Set(lexicons.editionCue)
const factLabelsAfterName = new Set<Label>(['location', 'publisher', 'edition'])

/**
 * `In: Name (Hrsg.): Gärten pflegen: Regeln, Geräte, Jahreszeiten. Lemgo: Verlag`: after a
 * book's or title's words and their stop or colon, the sentences read as place, publisher or
 * edition up to the last full stop before the place and its publisher (or a known town) are the
 * name's subtitle, when none of their words is a town, an edition's cue, or opens with a digit,
 * and the last was not read as a publisher (`Title. Campus. Frankfurt.`).
 */
function subtitleReadAsFacts(out: LabelledToken[]): void {
  for (let start = 1; start < out.length; start++) {
    const field = out[start - 1]?.label
    if (!factLabelsAfterName.has(out[start]?.label ?? 'other') || (field !== 'title' && field !== 'container-title') || !/[.:,]$/.test(out[start - 1]?.text ?? '')) continue
    let end = start
    while (end + 1 < out.length && factLabelsAfterName.has(out[end + 1]?.label ?? 'other')) end++
    let last = -1
    for (let at = start; at < end; at++) {
      const next = out[at + 1] as LabelledToken
      const placed = next.label === 'location' && (isTownWord(next.text) || (next.text.endsWith(':') && out[at + 2]?.label === 'publisher'))
      if (/\p{L}{3}\.$/u.test(out[at]?.text ?? '') && placed) last = at
    }
    const span = out.slice(start, last + 1)
    // A publisher before its town (`Campus. Frankfurt.`) is none.
    if (last < 0 || /^\d/.test(span[0]?.text ?? '') || !/^\p{L}/u.test(span[0]?.text ?? '') || span.at(-1)?.label === 'publisher') continue
    if (span.some((token) => token.text.endsWith(':') || (/[.,]$/.test(token.text) && isTownWord(token.text)) || editionWord.has(token.text.replace(/[.,;:]+$/, '').toLowerCase()) || volumeCueWord.test(token.text))) continue
    for (const token of span) token.label = field
    start = last
  }
}

/** `Krohn, Oliver (2007) (Hg.): Titel`: the editors' cue after the names' year is no word of the title. */
function editorCueAfterYear(out: LabelledToken[]): void {
  for (let index = 2; index < out.length; index++) {
    if (out[index - 1]?.label === 'date' && out[index - 2]?.label === 'author' && /^\(/.test(out[index - 1]?.text ?? '') && bracketedEditorCue.test(out[index]?.text ?? '')) (out[index] as LabelledToken).label = 'editor'
  }
}

const thesisWord = /^\(?(?:Diss(?:ertation)?|Habil(?:itation(?:sschrift)?)?|Magisterarbeit|Masterarbeit|Diplomarbeit|Doktorarbeit|Staatsexamensarbeit|thesis|dissertation|th[eè]se|tesis?)\b\.?,?$/i
const thesisLead = /^\(?(?:Ph\.?\s?D\.?|PhD|MA|M\.A\.|Master['’]s|Doctoral|doctoral|unpublished|unveröff(?:entlichte)?\.?|ungedr(?:uckte)?\.?)$/

/**
 * `Title, Diss. Universität Kiel 2001`, `Title, PhD thesis, University of York`: the kind of
 * work after the title, and the school after it, are no words of the title.
 */
function thesisAfterTitle(out: LabelledToken[]): void {
  for (let index = 1; index < out.length; index++) {
    const token = out[index] as LabelledToken
    // `Das Zollhaus. Magisterarbeit, Universität Rostbach 1996`: the kind read as the publisher or place, right after the title.
    if ((token.label === 'publisher' || token.label === 'location') && thesisWord.test(token.text) && /[,]$/.test(token.text) && out[index - 1]?.label === 'title' && /[.,]$/.test(out[index - 1]?.text ?? '')) {
      token.label = 'genre'
      return
    }
    if (token.label !== 'title' || !thesisWord.test(token.text)) continue
    let start = index
    if (thesisLead.test(out[start - 1]?.text ?? '') && out[start - 1]?.label === 'title') start--
    if (start === 0 || !/[,.]$/.test(out[start - 1]?.text ?? '') || out[start - 1]?.label !== 'title') continue
    for (let at = start; at < out.length && (out[at] as LabelledToken).label === 'title'; at++) (out[at] as LabelledToken).label = 'genre'
    return
  }
}

/** Fields that follow a journal's or book's title. */
const afterContainer = new Set<Label>(['volume', 'pages', 'date', 'location', 'publisher', 'url', 'doi'])

/**
 * `…, in: Gegenlicht, Heft 7, S. 41-55`: the words after `in:` the labeller read as editors,
 * with no editor cue, no initial and nothing but an issue, pages, a year or publication facts
 * after them, are the journal (before an issue or pages) or the book they are printed in.
 */
function containerReadAsEditors(out: LabelledToken[]): void {
  for (let index = 0; index < out.length; index++) {
    if (!/^in:?$/i.test(out[index]?.text ?? '') || out[index]?.label !== 'editor' || (index > 0 && out[index - 1]?.label === 'editor')) continue
    let end = index + 1
    while (end < out.length && out[end]?.label === 'editor') end++
    const run = out.slice(index + 1, end)
    // Editors' marks: a cue, an initial, names joined by `/`, `&`, `und`, a colon before the book.
    if (run.length === 0 || run.some((token) => editorCueWord.test(token.text) || hasEditorCue.test(token.text) || /^\(?(?:\p{Lu}\.-?){1,3}[,;)]?$/u.test(token.text) || /[/&]|:$/.test(token.text) || /^(?:und|and|u\.|et|e|y)$/.test(token.text))) continue
    // `in: Wirtschaftsbericht Nord 47, S. 725`: a bare number before the pages' cue is the journal's volume.
    const bare = out[end]
    if (bare?.label === 'pages' && /^\d{1,4}[,.]?$/.test(bare.text) && !/^(?:1[5-9]|20)\d\d/.test(bare.text) && /^(?:S|p|pp|Sp)\.$/i.test(out[end + 1]?.text ?? '')) bare.label = 'volume'
    const next = out[end]?.label
    if (next !== undefined && !afterContainer.has(next)) continue
    // A title's shape: an issue after it, a word in lower case (`Zeitschrift für Politik`), or three words.
    if (next !== 'volume' && run.length < 3 && !run.some((token) => /^\p{Ll}/u.test(token.text))) continue
    const rest = new Set(out.slice(end).map((token) => token.label))
    const label: Label = (next === 'volume' || next === 'pages') && !rest.has('location') && !rest.has('publisher') ? 'journal' : 'container-title'
    for (let at = index; at < end; at++) (out[at] as LabelledToken).label = label
  }
}

/** Articles that open a title and never a name (not `Le`, `La`, `De`, `Der`, `El`: `Le Couteur`, `Der Derian`): `Die Fischer`, `Les ports`, `Il mare`. */
const titleArticle = /^(?:Die|Das|Ein|Eine|The|Les|Une|Il|Gli|Uno|Una|Los|Las)$/

/**
 * `Otto Brand, Die Fischer, Emden 1961`: after the names' comma, words opening with an article
 * the labeller read as more names are the title, and a word between them and the year the place.
 */
function titleReadAsNames(out: LabelledToken[]): void {
  if (out[0]?.label !== 'author') return
  let end = 0
  while (end < out.length && out[end]?.label === 'author') end++
  const first = out.findIndex((token, index) => index > 0 && index < end - 1 && titleArticle.test(token.text) && /,$/.test(out[index - 1]?.text ?? '') && /^\p{L}/u.test(out[index + 1]?.text ?? '') && !/^\p{Lu}{1,3}\.?,?$/u.test(out[index + 1]?.text ?? ''))
  if (first < 0) return
  let at = first
  while (at < end) {
    ;(out[at] as LabelledToken).label = 'title'
    if (/[,.:]$/.test(out[at++]?.text ?? '')) break
  }
  if (at < end && out[end]?.label === 'date' && end - at <= 3) for (let word = at; word < end; word++) (out[word] as LabelledToken).label = 'location'
}

/** A cue and the word after it: `hrsg. von`, `hg. v.`, `edited by`, and a cue misprinted (`hsg. von`). */
function editorCueAt(out: readonly LabelledToken[], index: number): boolean {
  const text = out[index]?.text ?? ''
  const next = out[index + 1]?.text ?? ''
  // A cue printed before the names (`hrsg. von`), not after them (`…, eds.`).
  return /^(?:von|v\.|by|par|di|da)$/.test(next) && (editorCueWord.test(text) || /^\p{Ll}{2,5}\.$/u.test(text))
}

/**
 * `…, in: Der Markt im Osten, hrsg. von Anna Roth/Paul Lenz, Wien 1998`: the words the labeller
 * read as editors from `in:` to the comma before an editors' cue are the book, the names after
 * the cue its editors.
 */
function bookBeforeEditorCue(out: LabelledToken[]): void {
  for (let index = 0; index < out.length; index++) {
    if (!/^in:?$/i.test(out[index]?.text ?? '') || out[index]?.label !== 'editor' || (index > 0 && out[index - 1]?.label === 'editor')) continue
    let cue = index + 2
    while (cue < out.length && out[cue]?.label === 'editor' && !(editorCueAt(out, cue) && /,$/.test(out[cue - 1]?.text ?? ''))) cue++
    if (cue >= out.length || out[cue]?.label !== 'editor' || cue - index > 16) continue
    if (!out.slice(index + 1, cue).some((token) => /\p{L}{3}/u.test(token.text))) continue
    for (let at = index; at < cue; at++) (out[at] as LabelledToken).label = 'container-title'
  }
}

const bracketedEditorCue = new RegExp(`^[([](?:${lexicons.editorCue.filter((cue) => !cue.includes(' ')).join('|')})\\.?[)\\]][.,:;]*$`, 'iu')

/** `Seidl, David/Becker, Kai (2006) (Hg.),`: a bracketed editor cue just after the names and their year. */
function editorCueAfterNames(tokens: readonly LabelledToken[]): boolean {
  const last = tokens.findIndex((token, index) => token.label === 'author' && tokens[index + 1]?.label !== 'author')
  if (last < 0) return false
  for (let at = last + 1; at < Math.min(tokens.length, last + 4); at++) {
    const token = tokens[at] as LabelledToken
    if (bracketedEditorCue.test(token.text)) return true
    if (token.label !== 'date' && token.label !== 'editor') return false
  }
  return false
}

const bookOpener = /^(?:in|In|dans|Dans|en|En):$/
const bookOpenerBare = /^(?:in|In|dans|Dans|en|En)$/
const yearCue = new RegExp(String.raw`^\(${year}[a-z]?\)[:.,]?$`)
/** Labels that end a book's title: the publication facts after it. */
const afterBook = new Set<Label>(['location', 'publisher', 'date', 'pages', 'volume', 'url', 'doi', 'isbn', 'edition', 'genre'])

/**
 * The book of a chapter printed after its editors and their cue or year (`in: Bundesverband
 * der Handwerker (Hrsg.): Arbeit im Umbruch, Bonn`, `in: Zentrum für Altersfragen (2012):
 * Altern heute`), whatever the labeller read the editors as: the words from the cue up to the
 * publication facts.
 */
function bookAfterEditors(tokens: readonly LabelledToken[], text: string): {editors: string; container: string; cue: boolean} | undefined {
  const opener = tokens.findIndex((token, index) => {
    const before = tokens[index - 1]
    if (!before || token.label === 'author' || before.label === 'other') return false
    return bookOpener.test(token.text) || (bookOpenerBare.test(token.text) && /[.,;]$/.test(before.text))
  })
  if (opener < 0) return undefined
  let cue = -1
  for (let at = opener + 1; at < Math.min(tokens.length, opener + 14); at++) {
    const token = tokens[at] as LabelledToken
    if (bracketedEditorCue.test(token.text) || yearCue.test(token.text)) {
      cue = at
      break
    }
    if (token.label === 'pages' || token.label === 'url') return undefined
  }
  if (cue <= opener + 1 || !/[:.,]$/.test(tokens[cue]?.text ?? '')) return undefined
  let end = cue + 1
  while (end < tokens.length && !afterBook.has((tokens[end] as LabelledToken).label) && (tokens[end] as LabelledToken).label !== 'other') end++
  if (end === cue + 1) return undefined
  const container = clean(text.slice((tokens[cue + 1] as LabelledToken).start, (tokens[end - 1] as LabelledToken).end).replace(containerTail, ''))
  const editors = text.slice((tokens[opener + 1] as LabelledToken).start, (tokens[cue - 1] as LabelledToken).end)
  if (!/\p{L}{3}/u.test(container)) return undefined
  return {editors, container, cue: bracketedEditorCue.test(tokens[cue]?.text ?? '')}
}

/** A word of a town's name in the lexicon, or a connective inside one (`Frankfurt a. M.`, `New York`). */
function isTownWord(word: string): boolean {
  const bare = word.replace(/^[(\[]+|[),.;:\]]+$/g, '').toLowerCase()
  return bare !== '' && (lexiconOf.get(bare)?.includes('place') === true || townConnective.test(bare) || /^(?:m|main|br|breisgau|saale|oder|donau|neckar)\.?$/.test(bare))
}

const gluedPages = /^\(?(?:pp?|S)\.\d{1,5}(?:[-–]\d{1,5})?\)?[.,;:]?$/
/** `Mertens, Gabi/Sander, Heinz, Landschaft und Erinnerung`: editors as `Family, Given`, joined by slashes, then the book. */
const editorsThenBook = /^(?:[Ii]n:?\s+)?(\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?(?:\s*\/\s*\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?)*)[,:]\s+(?=\p{Lu})/u

/**
 * Repairs of the labeller's book and journal runs: editors printed without a cue before the book
 * (`in: Family, Given/Family, Given, Book, Town`), whose words it read as names; a book's subtitle
 * read as its place (`Book. Subtitle, Town`, `Book. Subtitle (S. 3-9). Town: Publisher`).
 */
function containerRepaired(tokens: readonly LabelledToken[], text: string): LabelledToken[] {
  // `(pp.13-60)`: pages printed without a space after their cue, read into the book or its place.
  const out = tokens.map((token) => (gluedPages.test(token.text) ? {...token, label: 'pages' as const} : {...token}))
  // `« Titre », dans Livre`, `"Title," in Book`: after a quoted title, `in` opens the book the labeller ran into the title.
  for (let index = 1; index + 1 < out.length; index++) {
    const token = out[index] as LabelledToken
    if (token.label !== 'title' || !/^(?:in|dans):?$/i.test(token.text) || !/(?:[»”"’],|,[»”"’])$/.test(out[index - 1]?.text ?? '') || out[index - 1]?.label !== 'title') continue
    for (let at = index; at < out.length && out[at]?.label === 'title'; at++) (out[at] as LabelledToken).label = 'container-title'
  }
  // `in Book, ed. J. Wynn`: the words between `in` and a cue printed before the editors' names are the book's.
  for (let index = 1; index + 2 < out.length; index++) {
    const token = out[index] as LabelledToken
    if (token.label !== 'editor' || !/^(?:in|dans)$/i.test(token.text) || !/[.,;”"’»]$/.test(out[index - 1]?.text ?? '')) continue
    let cue = index + 1
    while (cue < out.length && out[cue]?.label === 'editor' && !editorCueWord.test(out[cue]?.text ?? '')) cue++
    const cueText = out[cue]?.text ?? ''
    if (cue >= out.length || cue === index + 1 || out[cue]?.label !== 'editor' || bracketedEditorCue.test(cueText) || /,$/.test(cueText) || !/,$/.test(out[cue - 1]?.text ?? '') || !/^\p{Lu}/u.test(out[cue + 1]?.text ?? '')) continue
    for (let at = index; at < cue; at++) (out[at] as LabelledToken).label = 'container-title'
  }
  // Editors without their cue, then the book: the words after the names are its title.
  const first = out.findIndex((token) => token.label === 'editor')
  let last = first
  while (last + 1 < out.length && out[last + 1]?.label === 'editor') last++
  const opens = (index: number) => /^(?:in|dans):$/i.test(out[index]?.text ?? '') || (/^(?:in|dans)$/i.test(out[index]?.text ?? '') && /[.,;]$/.test(out[index - 1]?.text ?? ''))
  const opener = first >= 0 && (opens(first) || opens(first - 1))
  const run = opener ? out.slice(first, last + 1) : []
  if (run.length > 0 && !run.some((token) => editorCueWord.test(token.text) || bracketedEditorCue.test(token.text))) {
    const from = (run[0] as LabelledToken).start
    const names = editorsThenBook.exec(text.slice(from, (run.at(-1) as LabelledToken).end))
    // The book's words the labeller read as names, and the rest of its title after them.
    let end = last + 1
    while (names && end < out.length && (out[end]?.label === 'title' || out[end]?.label === 'container-title')) end++
    const book = names ? out.slice(first, end).filter((token) => token.start >= from + names[0].length) : []
    // A title: two words or more, not all of them names.
    if (book.length >= 2 && book.some((token) => /^\p{Ll}/u.test(token.text) || !/^\p{Lu}[\p{L}'’.-]*,?$/u.test(token.text) || book.length >= 3)) {
      for (const token of book) token.label = 'container-title'
    }
  }
  // `in: LOGOS 1998 (9. Jg.), 51-66`: one word read as a name, with no given name nor cue, before a year, volume or pages: a journal.
  const after = out[last + 1]?.label
  if (run.length > 0 && run.length <= 4 && (after === 'date' || after === 'volume' || after === 'pages')) {
    const words = run.filter((token) => !/^in:$/i.test(token.text))
    // `Harbour News, 498`: a comma may close the last word.
    const word = (token: LabelledToken, index: number) => (index === words.length - 1 ? /^\p{Lu}[\p{L}'’-]{2,},?$/u : /^\p{Lu}[\p{L}'’-]{2,}$/u).test(token.text) && !editorCueWord.test(token.text)
    if (words.length > 0 && words.every(word)) for (const token of words) token.label = 'journal'
  }
  // `(Hrsg.). Book, 2. überarb. Aufl.`: a book's title read as its edition, up to its comma.
  for (let start = 1; start < out.length; start++) {
    if (out[start]?.label !== 'edition' || out[start - 1]?.label !== 'editor' || !bracketedEditorCue.test(out[start - 1]?.text ?? '')) continue
    const comma = out.findIndex((token, index) => index >= start && token.label === 'edition' && /,$/.test(token.text))
    const book = comma >= start && comma + 1 < out.length && out[comma + 1]?.label === 'edition' ? out.slice(start, comma + 1) : []
    if (book.length > 0 && book.every((token) => !/\d/.test(token.text) && !/^(?:Aufl|Ausg|ed|edn|edition|éd|überarb|erw|rev|neu|durchges|verb)/i.test(token.text))) for (const token of book) token.label = 'container-title'
  }
  // A run read as the place right after a book's title that ends a sentence: its words before the
  // town are the book's subtitle, all of them when another place follows.
  for (let start = 1; start < out.length; start++) {
    const before = out[start - 1] as LabelledToken
    if (out[start]?.label !== 'location' || before.label !== 'container-title' || !/\p{L}{3}[.?!]$/u.test(before.text)) continue
    const end = runEnd(out, start)
    const placeLater = out.slice(end + 1).some((token) => token.label === 'location')
    let cut = placeLater ? end : -1
    if (!placeLater) for (let at = start; at < end; at++) if (/,$/.test(out[at]?.text ?? '')) cut = at
    const subtitle = out.slice(start, cut + 1)
    // Before the town, a phrase (`Eine Bilanz, London`), not a list of towns or countries (`Mahwah, NJ`, `Linz, Steyr, Wels`).
    const phrase = placeLater || (subtitle.length >= 2 && subtitle.slice(0, -1).some((token) => !/[,/]$/.test(token.text)))
    if (subtitle.length > 0 && phrase && !subtitle.some((token) => isTownWord(token.text) || token.text.includes('/')) && /^\p{Lu}/u.test(subtitle[0]?.text ?? '')) for (const token of subtitle) token.label = 'container-title'
    start = end
  }
  containerEndRepaired(out)
  subtitleReadAsContainer(out)
  journalInTitle(out)
  journalBegunEarly(out)
  return out
}

/**
 * `Moden des 19. Jahrhunderts aus ländlicher Sicht. Zeitschrift für Trachtenkunde 3: 37-39`: a journal
 * the labeller began inside the title, before the title's last full stop, begins after it when
 * the words before the stop name no periodical.
 */
function journalBegunEarly(out: LabelledToken[]): void {
  const first = out.findIndex((token) => token.label === 'journal' || token.label === 'container-title')
  if (first < 1 || out[first - 1]?.label !== 'title' || /^(?:in|dans|en)\b/i.test(out[first]?.text ?? '')) return
  const end = runEnd(out, first)
  const after = out[end + 1]?.label
  if (after !== 'volume' && after !== 'pages' && after !== 'date') return
  let stop = -1
  for (let at = first; at < end; at++) if (/(?:\p{L}{4}|\))[.?!]$/u.test(out[at]?.text ?? '')) stop = at
  if (stop < 0 || !/^\p{Lu}/u.test(out[stop + 1]?.text ?? '')) return
  const before = out.slice(first, stop + 1)
  // Not a journal's name of its own before another (`Civitas Nova. Zeitschrift für …`), nor abbreviated words (`Rev. Lus. Pesc.`).
  if (before.length > 4 || before.some((token) => collectionWord.test(token.text)) || lexiconOf.get(wordOf(out[first]?.text ?? '').toLowerCase())?.includes('journalWord')) return
  if ((before.length >= 2 && before.every((token) => /^\p{Lu}/u.test(token.text))) || out.slice(first, end + 1).some((token, index) => first + index !== stop && /^\p{Lu}\p{Ll}{0,5}\.$|^\p{Ll}{1,4}\.$/u.test(token.text))) return
  for (const token of before) token.label = 'title'
}

/** A word that opens a journal's volume or issue: `Band`, `Bd.`, `Jg.`, `Heft`, `Vol.`, `No.`. */
const volumeCue = /^(?:Band|Bd\.|Jg\.|Jahrgang|Heft|H\.|Nr\.|No\.|Vol\.|vol\.|Volume|Issue|Sonderheft)$/

/**
 * `Das Wachstum der Dünen. Küstenkundliche Blätter, Band 59, S. 73–76`: a reference with no
 * journal, whose title runs up to a volume and a range of pages, holds the journal in its
 * title: the words after the title's last full stop.
 */
function journalInTitle(out: LabelledToken[]): void {
  // `…, Jahrgang 31, S. 208`: a volume's cue alone read as the journal is the volume's.
  for (let index = 0; index < out.length; index++) {
    const label = out[index]?.label
    if ((label === 'journal' || label === 'container-title') && volumeCue.test(out[index]?.text ?? '') && out[index - 1]?.label !== label && out[index + 1]?.label !== label) (out[index] as LabelledToken).label = 'volume'
  }
  if (out.some((token) => token.label === 'journal' || token.label === 'container-title' || token.label === 'editor' || /^in:?$/i.test(token.text))) return
  const first = out.findIndex((token) => token.label === 'title')
  if (first < 0) return
  const end = runEnd(out, first)
  const after = out[end + 1]
  if (!after || !(after.label === 'volume' || volumeCue.test(after.text))) return
  // A range of pages after the volume, and no place or publisher but a volume read as one.
  const rest = out.slice(end + 1)
  if (!rest.some((token) => token.label === 'pages' && /\d\s*[-–]\s*\d|^[-–]\d/.test(token.text)) || rest.some((token, index) => (token.label === 'publisher' || token.label === 'location') && !(volumeCue.test(token.text) || volumeCue.test(rest[index - 1]?.text ?? '')))) return
  let stop = -1
  for (let at = first + 1; at < end; at++) if (/\p{L}{3}[.?!]$|[”"“»«’]\.?$/u.test(out[at]?.text ?? '')) stop = at
  const journal = out.slice(stop + 1, end + 1)
  if (stop < first + 1 || journal.length === 0 || journal.length > 7 || !/^\p{Lu}/u.test(journal[0]?.text ?? '') || journal.slice(0, -1).some((token) => /[.,:;]$/.test(token.text))) return
  for (const token of journal) token.label = 'journal'
  for (const token of rest) if (token.label === 'location' || token.label === 'publisher') token.label = 'volume'
}

/** Words that name a series, periodical or collection rather than a book's subtitle. */
const collectionWord = /reihe|schrift|studien|beiträge|bericht|report|paper|series|studies|journal|review|jahrbuch|materialien|heft|proceedings|bulletin|mitteilungen|working|document|dokumentation|newsletter|magazin|zeitung|times|news|blätter|quarterly|annal|revue|rivista|cahiers|archiv|edition|collection|bibliothek|library|texte|forschung/iu
/** What may follow a book's title: its place, publisher, year and edition. */
const bookFacts = new Set<Label>(['location', 'publisher', 'date', 'edition', 'other', 'citation-number'])

/**
 * `Der kurze Sommer. Arbeit und Muße nach 1955. Essen: Kerbholz`: a journal or book the
 * labeller read right after a title, with no `in` before it and nothing after it but a place,
 * a publisher and a year, is the title's own subtitle; a book has no container unless it is
 * printed in one (`in:`), and a journal has a volume, pages or a date of its own.
 */
function subtitleReadAsContainer(out: LabelledToken[]): void {
  const first = out.findIndex((token) => token.label === 'journal' || token.label === 'container-title')
  if (first < 1 || out[first - 1]?.label !== 'title') return
  const end = runEnd(out, first)
  const rest = out.slice(end + 1)
  if (!rest.some((token) => token.label === 'location' || token.label === 'publisher') || !rest.every((token) => bookFacts.has(token.label))) return
  const run = out.slice(first, end + 1)
  // A series' or body's acronym (`OECD`), a bracket or a code tells a collection; a lone article (`The`) no subtitle.
  if (run.some((token) => collectionWord.test(token.text) || /^\(/.test(token.text) || /^\p{Lu}{2,}[.,:]?$|\d[-–]\d/u.test(token.text)) || !run.some((token) => /\p{L}{4}/u.test(token.text))) return
  // No `in` opening the book anywhere before it, and no editors after the title.
  const title = out.findIndex((token) => token.label === 'title')
  if (out.slice(title, end + 1).some((token, index) => token.label === 'editor' || (/^(?:in|dans|en|aus)\b:?$/i.test(token.text) && /[.,;:”"’»]$/.test(out[title + index - 1]?.text ?? '')))) return
  // With the words the labeller left unlabelled before the place.
  let last = end
  while (last + 1 < out.length && (out[last + 1]?.label === 'other' || out[last + 1]?.label === 'citation-number')) last++
  for (const token of out.slice(first, last + 1)) token.label = 'title'
}

/** A word that opens a place's name in lower case: `bei`, `am`, `an der`, `upon`, `sur`. */
const placeJoin = /^(?:a|am|an|bei|im|in|ob|upon|on|sur|sous|de|del|della|di|du|van|von|zu|der|den|la|le|en|et)\.?$/

/**
 * The end of a journal's or book's title the labeller read as its place or publisher: a run
 * between two parts of the book (`Veloria in River Commerce: The Ferry State`), a run before
 * the pages when the place is printed later (`Nachbarschaft. Grenzen, Gärten (S. 12-30). Bonn:
 * Dietz`), a run opening in lower case (`Wegebau nach der Flut, Berlin`: towns do not), and
 * a subtitle after a colon read as the publisher before the place and publisher
 * (`Kleine Inseln: Spieler der Meere?, Baden-Baden: Nomos`).
 */
function containerEndRepaired(out: LabelledToken[]): void {
  const isPlaceOrPublisher = (label: Label | undefined) => label === 'location' || label === 'publisher'
  // `(Hrsg.), Marvia: Gestalt einer Küste`, `…, Lumina: Evening Classes, 4(1)`: one word and
  // its colon read as a place, after the editors' cue or a title's stop and before the book or
  // journal, opens the book's or journal's title.
  for (let index = 1; index + 1 < out.length; index++) {
    const token = out[index] as LabelledToken
    const next = out[index + 1]?.label
    const before = out[index - 1] as LabelledToken
    if (token.label !== 'location' || !/^\p{Lu}[\p{L}-]+:$/u.test(token.text) || (next !== 'container-title' && next !== 'journal') || isTownWord(token.text)) continue
    const afterCue = before.label === 'editor' && bracketedEditorCue.test(before.text) && /[,:]$/.test(before.text)
    const afterTitle = before.label === 'title' && /[,.]$/.test(before.text) && next === 'journal'
    if (afterCue || afterTitle) token.label = next
  }
  for (let start = 1; start < out.length; start++) {
    const label = out[start]?.label
    if (!isPlaceOrPublisher(label) || out[start - 1]?.label !== 'container-title') continue
    const end = runEnd(out, start)
    const next = out[end + 1]?.label
    const later = out.slice(end + 1)
    const placeLater = later.some((token) => token.label === 'location')
    const run = out.slice(start, end + 1)
    let book: LabelledToken[] = []
    if (next === 'container-title') book = run
    else if (label === 'location' && placeLater && (next === 'pages' || next === 'volume') && !run.some((token) => isTownWord(token.text) || token.text.includes('/'))) book = run
    else if (label === 'location' && /^\p{Ll}{3,}$/u.test(out[start]?.text ?? '') && !placeJoin.test(out[start]?.text ?? '')) {
      // Up to the first comma: the town follows it.
      const comma = run.findIndex((token) => /,$/.test(token.text))
      book = comma >= 0 && comma < run.length - 1 ? run.slice(0, comma + 1) : []
    } else if (label === 'publisher' && /:$/.test(out[start - 1]?.text ?? '') && out[end + 1]?.label === 'location' && later.some((token) => token.label === 'publisher')) book = run
    for (const token of book) token.label = 'container-title'
    start = end
  }
  // `Zeitschrift für Arbeitsrecht (ZfA): 12-19`: the journal's abbreviation in brackets after its name is part of it.
  for (let index = 1; index < out.length; index++) {
    const before = out[index - 1]?.label
    if ((before !== 'journal' && before !== 'container-title') || out[index]?.label === before || /[.,:;]$/.test(out[index - 1]?.text ?? '')) continue
    if (/^\((?=[\p{L}&-]*\p{Lu}[\p{L}&-]*\p{Lu})[\p{L}&-]{2,10}\)[.,:;]?$/u.test(out[index]?.text ?? '')) (out[index] as LabelledToken).label = before
  }
  // `Lernen in flexiblen Welten. Weinheim`, `Studies of Reed and Rush, 12`: a title does not end
  // on a word without its stop before words left unlabelled, nor on a connective: it runs to the next stop.
  for (let index = 0; index + 1 < out.length; index++) {
    const label = out[index]?.label
    const last = out[index]?.text ?? ''
    const next = out[index + 1]?.label
    if ((label !== 'journal' && label !== 'container-title') || next === label || /[.,:;!?)\]»”"“’]$/.test(last)) continue
    const connective = /^(?:und|and|of|der|des|die|für|in|im|zur|zum|the|a|an|at|with|from|towards|et|de|du|di|della|del|y|e|on|for|to|jenseits|zwischen)$/.test(last)
    const unlabelled = next === 'other' || next === 'note'
    if (!unlabelled && !(connective && (next === 'location' || next === 'publisher' || next === 'volume'))) continue
    let stop = index + 1
    while (stop < out.length && stop - index <= 6 && !/[.,:;!?]$/.test(out[stop]?.text ?? '')) stop++
    // The reference's end is a stop too.
    const words = out.slice(index + 1, Math.min(stop, out.length - 1) + 1)
    if (stop - index > 6 || (stop >= out.length && !connective) || words.some((token) => !/^\p{L}/u.test(token.text) || (!unlabelled && isTownWord(token.text)))) continue
    for (const token of words) token.label = label
  }
  // `Book. Reinbek bei Hamburg`: a town and its connective before the place are the place.
  for (let index = 1; index + 1 < out.length; index++) {
    if (out[index]?.label !== 'container-title' || out[index + 1]?.label !== 'location' || out[index - 1]?.label !== 'container-title') continue
    if (!/^(?:bei|b\.|am|an|a\.|upon|on|sur)$/.test(out[index]?.text ?? '') || !/^\p{Lu}[\p{L}-]+$/u.test(out[index - 1]?.text ?? '') || !/[.,:;–-]$/.test(out[index - 2]?.text ?? '')) continue
    ;(out[index - 1] as LabelledToken).label = 'location'
    ;(out[index] as LabelledToken).label = 'location'
  }
}

const accessPhrase = new RegExp(String.raw`[(\[]\s*(?:Zugriff(?:\s+am)?|zugegriffen\s+am|abgerufen\s+am|Abruf(?:\s+am)?|letzter\s+Zugriff(?:\s+am)?|Stand:?|accessed(?:\s+on)?|consulted|retrieved(?:\s+on)?|last\s+accessed(?:\s+on)?|cited|consulté\s+le|consultado(?:\s+el)?)\s*:?\s*([^)\]]*\d[^)\]]*)[)\]]|\b(?:Zugriff\s+am|abgerufen\s+am|accessed(?:\s+on)?)\s+([^:<()]*?${year})\s*:?(?=\s*[<(]?(?:https?:|www\.))|\b(?:Zugriff|zugegriffen|abgerufen|Abruf|accessed|retrieved)(?:\s+(?:am|on))?\s*:?\s*(\d{1,2}\.\s?\d{1,2}\.\s?${year}|\d{1,2}\.?\s+\p{L}+\.?\s+${year}|\p{L}+\.?\s+\d{1,2},\s+${year})`, 'iu')

/** A reference's CSL-JSON draft, its locator and whether it is an Ibid. or incomplete. */
/** The words that present a paper at a meeting, the meeting's name after them: `Paper presented at the`, `Vortrag auf der`. */
const presentedAt = /^(?:(?:(?:a\s+)?(?:paper|poster|lecture|talk|address)\s+(?:presented|given|read|delivered)\s+(?:at|to|before)|(?:vortrag|referat|beitrag)\s+(?:(?:gehalten\s+)?(?:auf|bei|an|vor|zur|zum))|communication\s+(?:présentée\s+)?(?:au|à\s+la|aux)|(?:relazione|comunicazione)\s+(?:presentata\s+)?al(?:la)?)\s+(?:(?:the|der|dem|den|des)\s+)?)(.+?)[.,]?$/iu

/**
 * A paper given at a meeting (`Paper presented at the Annual Meeting of …`, `Vortrag auf der
 * Tagung …`), read as a chapter's book or a title's last words: a conference paper, the
 * meeting's name its event.
 */
function conferenceRead(item: CslItemDraft): void {
  const container = presentedAt.exec(item['container-title'] ?? '')
  if (container?.[1]) {
    item.type = 'paper-conference'
    item['event-title'] = container[1]
    delete item['container-title']
    eventPlace(item)
    return
  }
  // `„Mühlenrecht". Vortrag auf der Tagung …`: the title's quotation closes before the meeting.
  const inTitle = /^(.+?)["“”»«]\.?\s+(\S.*)$/u.exec(item.title ?? '')
  const event = inTitle?.[2] ? presentedAt.exec(inTitle[2]) : null
  if (inTitle?.[1] && event?.[1] && !item['container-title']) {
    item.type = 'paper-conference'
    item.title = inTitle[1].replace(/^[„“"«»]+/, '').trim()
    item['event-title'] = event[1]
    eventPlace(item)
  }
}

/** A paper's town with no publisher is where the meeting was held. */
function eventPlace(item: CslItemDraft): void {
  if (!item['publisher-place'] || item.publisher) return
  item['event-place'] = item['publisher-place']
  delete item['publisher-place']
}

/** Databases MLA names after a reference (`*JSTOR*.`), where the work was read. */
const database = /^(?:JSTOR|Project MUSE|ProQuest(?:\s+[\p{L} ]+)?|EBSCOhost|Gale(?:\s+[\p{L} ]+)?|HathiTrust(?:\s+Digital\s+Library)?|Internet Archive|Google Books|Academic Search (?:Complete|Premier)|Persée|Cairn(?:\.info)?|OpenEdition(?:\s+Journals)?|Periodicals Archive Online|Nexis Uni|LexisNexis|Westlaw|HeinOnline)$/u

/** `*JSTOR*` at a reference's end is its database, CSL's `source`, not a note. */
function databaseRead(item: CslItemDraft): void {
  const note = item.note?.replace(/[.,]$/, '').trim()
  if (!note || !database.test(note) || item.source) return
  item.source = note
  delete item.note
}

/** A book's tome: `t. II`, `tome 3`, `Bd. 2`. */
const bookTome = /^(?:t\.|[Tt]ome|[Tt]omo|Bd\.|Band)\s*(?:[IVXLC]{1,6}|\d{1,3})$/
/** A range of pages: `33-58`, `455–480`. */
const pageRange = /\d\s*[-–]\s*\d/

export function referenceToCsl(reference: ModelReference, text: string, marked?: string): ModelParse {
  const {tokens: relabelled, edition: superscriptEdition} = editionWithYear(townWithConnective(relabel(reference.tokens)))
  const series = seriesByCue(relabelled) ?? seriesInBrackets(relabelled) ?? seriesAfterTitle(relabelled)
  const tokens = containerRepaired(series?.tokens ?? relabelled, text)
  const printed = text.slice(reference.start, reference.end)
  const item: CslItemDraft = {type: 'book'}
  if (superscriptEdition) item.edition = superscriptEdition
  if (series) {
    item['collection-title'] = series.title
    if (series.number) item['collection-number'] = series.number
  }
  const result: ModelParse = {item, ibid: false, incomplete: false}
  const ibid = ibidPattern.exec(printed)
  const first = (label: Label) => runs(tokens, text, label)[0]
  const all = (label: Label) => runs(tokens, text, label).join(' ')
  const authors = runs(tokens, text, 'author').filter((run) => !ibidPattern.test(run.trim()))
  if (ibid) result.ibid = true
  else if (authors.length > 0 && sameAuthors.test(authors[0]?.trim() ?? '')) result.sameAuthors = true
  else if (authors.length > 0) {
    const names = (!tokens.some((token) => token.label === 'title') && familiesListed(authors[0] ?? '')) || namesFrom(authors[0] ?? '')
    // `Müller, H. (Hg.):` printed where the author stands: the editors of the book.
    if (names.length > 0) {
      if (hasEditorCue.test(authors[0] ?? '') || editorCueAfterNames(tokens) || moreEditorCues.test(authors[0] ?? '')) item.editor = names
      else item.author = names
    }
  }
  const editors = first('editor')
  if (editors && !item.editor) {
    const names = sameAuthorsAsEditors(namesFrom(editors), item.author)
    if (names.length > 0) item.editor = names
  }
  const translators = first('translator')
  if (translators) {
    // APA's `(J. Amsel, Trans.; 2nd ed.)`: the brackets and the semicolon are no part of the name.
    const names = namesFrom(translators.replace(translatorCue, '').replace(/[()[\];]/g, ' '))
    if (names.length > 0) item.translator = names
  }
  const title = emphasizedTitle(tokens, text, marked, item) ?? first('title')
  // `… vom 4. 2. 1988, S. 7, unter der Rubrik „Im Land“`: a newspaper's column, not a title.
  const column = /^(?:unter|in)\s+der\s+(?:Rubrik|Kolumne|Serie)\s+[„“"»«‚']*(.+?)[“”"»«‘’']*$/u.exec(clean(title ?? ''))
  if (column?.[1]) item.section = column[1]
  else if (title && clean(title)) item.title = clean(title)
  // The first run of a journal or book that holds a word, without its number cues.
  for (const run of runs(tokens, text, 'journal', 'container-title')) {
    const value = containerNamed(clean(clean(run).replace(containerLead, '').replace(containerTail, '')))
    // `Zugriff am`, `Stand:`, `accessed`: when an address was read, never a journal or book.
    // Nor an editors' cue alone (`Herausgegeben vom Ministerium`, the body read as something else).
    if (accessWord.test(value) || /^(?:Stand|Zugriff|last|letzter)\b/i.test(value) || editorCueWord.test(value) || /^(?:herausgegeben|edited|published)$/i.test(value)) continue
    if (/\p{L}{3}|^\p{Lu}{2}$/u.test(value)) {
      item['container-title'] = value
      break
    }
  }
  // `*Titre*, Rouen, Société de l'histoire de Normandie, 1965`: after a book's title in emphasis,
  // (its tome, `t. II`, and the page cited, `p. 210`, may follow: an article's pages are a range),
  // a name the labeller read as a journal, itself not in emphasis nor quoted nor after `in`, with
  // no volume, issue or pages, is the publisher (a journal's title is printed in emphasis).
  const journalRun = tokens.find((token) => token.label === 'journal' || token.label === 'container-title')
  const titleRun = tokens.find((token) => token.label === 'title')
  // The book's title in emphasis, the name the labeller read as a journal not.
  const titleAloneEmphasized = marked?.includes('*') === true && titleRun !== undefined && journalRun !== undefined && emphasized(marked, titleRun.start) && !emphasized(marked, journalRun.start)
  if (titleAloneEmphasized && journalRun && item['container-title'] && !item.publisher && !/^[«„“"‘]/.test(journalRun.text) && (!all('volume') || volumesCount.test(clean(all('volume'))) || bookTome.test(clean(all('volume')))) && !tokens.some((token) => token.label === 'pages' && (token.start < journalRun.start || pageRange.test(token.text))) && !openedByIn(tokens, journalRun)) {
    item.publisher = item['container-title']
    delete item['container-title']
    for (const token of tokens) if (token.label === 'journal' || token.label === 'container-title') token.label = 'publisher'
  }
  // `*Smugglers of the Lizard*. Studies in Coastal History 6. New York: Harbour Books`: such a
  // name with a number, before the place and publisher of a book whose title is in emphasis, is its series.
  const published = journalRun ? tokens.findIndex((token) => token.start > journalRun.start && (token.label === 'publisher' || token.label === 'location')) : -1
  // Without emphasis, a number ending its sentence right before the place and publisher tells the series (a journal's volume has pages after it).
  const numberEnds = journalRun && published >= 1 && tokens[published - 1]?.label === 'volume' && /^\d{1,4}\.$/.test(tokens[published - 1]?.text ?? '') && tokens.filter((token) => token.label === 'volume').length === 1
  const bookSeries = marked?.includes('*') ? titleAloneEmphasized : numberEnds
  if (journalRun && titleRun && item['container-title'] && published >= 0 && bookSeries && titleRun.start < journalRun.start && !/^[«„“"‘]/.test(journalRun.text) && !tokens.some((token) => token.label === 'pages') && !openedByIn(tokens, journalRun)) {
    item['collection-title'] = item['container-title']
    delete item['container-title']
    const number = tokens.filter((token) => token.label === 'volume' && token.start > journalRun.start && token.start < (tokens[published]?.start ?? 0)).map((token) => token.text).join(' ')
    if (/^\d{1,4}[.,]?$/.test(number)) item['collection-number'] = number.replace(/[.,]$/, '')
    for (const token of tokens) if (token.label === 'journal' || token.label === 'container-title' || (token.label === 'volume' && number)) token.label = 'other'
  }
  // `in: Editors (Hrsg.): Book`, `in: Institution (2012): Book`: the book is the container.
  const book = bookAfterEditors(tokens, text)
  if (book) {
    item['container-title'] = book.container
    const names = sameAuthorsAsEditors(namesFrom(book.editors), item.author)
    if (book.cue && names.length > 0) item.editor = names
  }
  // `Der Stern (1984), Nr. 12, S. 40`: a name after an article is no person's but a periodical's.
  const periodical = /^(?:Der|Die|Das|The|Le|La|Il|El)\s+\p{Lu}[\p{L}-]+$/u.exec(clean(authors[0] ?? ''))
  if (periodical && item.author && !item.title && !item['container-title']) {
    item['container-title'] = periodical[0]
    delete item.author
  }
  if (item['container-title']) item['container-title'] = containerFactsMoved(item['container-title'], item)
  // `(Zugriff am 14. 11. 2013)`, `(accessed 3 May 2010)`: when the address was read, not published.
  const access = accessPhrase.exec(printed)
  // Nor is a number inside an address a year.
  const unaccessed = (access ? printed.replace(access[0], ' ') : printed).replace(/(?:https?:\/\/|www\.)\S+/gi, ' ')
  const accessedOn = access?.[1] ?? access?.[2] ?? access?.[3]
  if (accessedOn) {
    const accessYear = firstYear(accessedOn)
    // `May 12, 2021`, `14. 11. 2013`: the whole date where it reads as one.
    const whole = cslDate(accessedOn.trim().replace(/[.,]$/, ''))
    item.accessed = (whole['date-parts']?.[0]?.length ?? 0) > 1 ? whole : accessYear ? {'date-parts': [[accessYear]], raw: accessedOn.trim()} : {raw: accessedOn.trim()}
  }
  const inAccess = (token: LabelledToken) => access !== null && token.start - reference.start >= access.index && token.start - reference.start < access.index + access[0].length
  const date = tokens.filter((token) => token.label === 'date' && !inAccess(token)).map((token) => token.text).join(' ')
  // `in: Zeitschrift für Beispiele 3/2004, S. 12`: a journal's issue and year, read as its volume.
  const issueYear = /(?<![\d/])\d{1,3}\s?\/\s?(1[5-9]\d\d|20\d\d)(?![\d/])/.exec(printed)?.[1]
  const year = firstYear(date) ?? (item.title || item.author ? (issueYear ? Number(issueYear) : undefined) : firstYear(unaccessed))
  if (year !== undefined) item.issued = {'date-parts': [[year]], raw: clean(date) || String(year)}
  // `*Annales*, 1969, n° 3`: a year the labeller joined to the journal's title is the issue's year.
  const journalYear = /^(.*\p{L}.*?),\s*((?:1[5-9]|20)\d\d)$/u.exec(item['container-title'] ?? '')
  if (!item.issued && journalYear?.[1] && journalYear[2]) {
    item['container-title'] = journalYear[1]
    item.issued = {'date-parts': [[Number(journalYear[2])]], raw: journalYear[2]}
  }
  // `(1923; repr. 1990)`, `1923. Reprint, New York: Dover, 1990`, `(Nachdr. 1990)`: the first
  // year is the original's, the year after the reprint's cue the edition's.
  // `Tübingen 1972 [1922]`: the year in square brackets after the edition's is the original's;
  // `(1925) 1988.`, `[1925] 1988`: the bracketed year before the edition's is the original's too.
  const after = /(?<!\d)((?:1[5-9]|20)\d\d)\s?\[((?:1[5-9]|20)\d\d)\]/.exec(unaccessed)
  // Only with a reprint's cue (`(1925) 1988. Beacons. Reprint, …`): else the first year may be the one cited (`[1950] 1992:`).
  const before = /(?<![\d\p{L}]\s?)(\[|\()((?:1[5-9]|20)\d\d)[)\]]\s?((?:1[5-9]|20)\d\d)(?=[.,:;]?(?:\s|$))/u.exec(unaccessed)
  const reprint = reprintCue.exec(unaccessed)
  const beforeKept = before && reprint ? before : null
  const [edition, originalYear] = after ? [after[1], after[2]] : beforeKept ? [beforeKept[3], beforeKept[2]] : []
  if (edition && originalYear && Number(originalYear) < Number(edition) && item.issued) {
    item['original-date'] = {'date-parts': [[Number(originalYear)]]}
    item.issued = {'date-parts': [[Number(edition)]], raw: edition}
  }
  // `Neudr. d. Ausg. 1912. Aalen 1970`, `Reprint of the 1912 edition`: the year right after the cue is the original's, the last one the reprint's.
  const reprintOf = reprint ? /^\S+\s+(?:(?:d(?:er)?\.?|of\s+the)\s+)?(?:Ausg(?:abe)?\.?|Aufl(?:age)?\.?|ed(?:ition)?\.?)?\s*(?:von\s+|of\s+)?((?:1[5-9]|20)\d\d)(?:\s+ed(?:ition)?\.?)?[.,]/u.exec(unaccessed.slice(reprint.index)) : null
  const afterOriginal = reprint && reprintOf ? lastYear(unaccessed.slice(reprint.index + reprintOf[0].length)) : undefined
  const reprinted = reprint ? (reprintOf && afterOriginal !== undefined ? afterOriginal : firstYear(unaccessed.slice(reprint.index))) : undefined
  // The original's year is the last before the cue: a title's years come earlier (`Lighting the City, 1700-1900. 1931. Reprint, …`).
  const original = reprint ? (reprintOf && afterOriginal !== undefined ? Number(reprintOf[1]) : lastYear(unaccessed.slice(0, reprint.index))) : undefined
  if (reprinted !== undefined && original !== undefined && original < reprinted) {
    item['original-date'] = {'date-parts': [[original]]}
    item.issued = {'date-parts': [[reprinted]], raw: String(reprinted)}
  }
  else if (forthcomingMark.test(printed)) item.status = 'forthcoming'
  // `Der Fischmarkt [1887]. Nachdr.`: the original's year and the reprint's cue after the title are no part of it.
  const originalInTitle = /\s*[[(]((?:1[5-9]|20)\d\d)[\])]\.?(?:\s*(\S+))?\.?$/u.exec(item.title ?? '')
  if (item.title && originalInTitle && item['original-date']?.['date-parts']?.[0]?.[0] === Number(originalInTitle[1]) && (!originalInTitle[2] || reprintCueAlone.test(originalInTitle[2]) || reprintCueAlone.test(`${originalInTitle[2]}.`))) {
    item.title = item.title.slice(0, originalInTitle.index).trim()
  }
  // `Schiffbau und Staat. Neudr. d. Ausg`: the reprint's words after the title's full stop.
  const cueInTitle = item['original-date'] && item.title ? reprintInTitle.exec(item.title) : null
  if (cueInTitle && item.title && cueInTitle.index > 0) item.title = item.title.slice(0, cueInTitle.index).trim()
  // `12 (1990), H. 3`: the volume and, in a run of its own, the issue.
  const volume = all('volume')
  // `2 vol.`, `3 Bde.`: the number before the cue counts the volumes.
  const volumes = volumesCount.exec(clean(volume))
  // APA's `(Vols. 1–3)`, `(Vol. 2)` after a book's title: the volumes, a range kept whole.
  const bracketedVolumes = /^\(\s*vols?\.\s*(\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\s*\)[.,]?$/i.exec(volume.trim())
  if (volumes?.[1]) item['number-of-volumes'] = volumes[1]
  else if (bracketedVolumes?.[1]) item.volume = bracketedVolumes[1].replace(/\s+/g, '')
  else if (volume) {
    const issue = /(?:\(|(?<![\p{L}])(?:h|heft|no|nr|n°|nº|n\.\s?º|n|núm|num|número|numero|fasc|issue|№)\.?\s*)(\d+(?:[-/]\d+)?)/iu.exec(volume)
    // `vol. II`, `t. III`: a volume in roman numerals too.
    // `dritter Band`: a volume's number spelled out.
    const spelled = spelledVolume.exec(volume)?.[1]
    // `XII, 3`: the first number, Roman or Arabic, is the volume's.
    const number = /\d+|(?<![\p{L}])[IVXLC]{1,6}(?![\p{L}])/u.exec(volume.replace(/\(.*$/, '')) ?? (spelled && ordinalOf(spelled) ? [String(ordinalOf(spelled))] : null)
    // `n.º 150`, `Heft 3` with no volume before: the number is the issue's.
    if (number && !(issue && issue.index === 0 && !issue[0].startsWith('('))) item.volume = number[0]
    if (issue?.[1]) item.issue = issue[1]
  }
  for (const [label, field] of [['publisher', 'publisher'], ['location', 'publisher-place'], ['edition', 'edition'], ['genre', 'genre'], ['note', 'note']] as const) {
    const value = first(label)
    if (value && clean(value)) item[field] = clean(value)
  }
  // `М.`, `СПб.`: a town printed abbreviated keeps its full stop.
  if (item['publisher-place'] && russianTown.test(`${item['publisher-place']}.`)) item['publisher-place'] += '.'
  if (item.edition) editionRead(item)
  if (access && item.note && access[0].includes(item.note)) delete item.note
  // APA's `Retrieved May 12, 2021, from`: the access date's words, no note.
  if (item.accessed && item.note && /^(?:retrieved|accessed|abgerufen)\b.*\b(?:from|at|von|unter)$/i.test(item.note)) delete item.note
  describedAfterTitle(tokens, text, item)
  // APA's `(Original work published 1931)`: the original's year, no note.
  const originally = /^\(?(?:original(?:ly)?\s+(?:work\s+)?published|first\s+published)\s+(?:in\s+)?((?:1[5-9]|20)\d\d)\)?\.?$/i.exec(item.note ?? '')
  if (originally?.[1]) {
    item['original-date'] ??= {'date-parts': [[Number(originally[1])]]}
    delete item.note
  }
  // Vancouver's `[dissertation]`, `[master's thesis]` after the title: the kind of work.
  const describedKind = /^\[((?:doctoral\s+|master['’]s\s+|PhD\s+)?(?:dissertation|thesis))\]$/i.exec(item.note ?? '')
  if (describedKind?.[1] && !item.genre) {
    item.genre = describedKind[1]
    delete item.note
  }
  // Vancouver's `Available from:` before an address: the address's cue, no note.
  if (item.note && /^(?:available\s+(?:from|at)|URL|online|en\s+ligne|online\s+verfügbar(?:\s+unter)?)\s*:?$/i.test(item.note)) delete item.note
  // `№ 3` read as a kind of work: the issue (Russian lists).
  const numero = /^№\s*(\d+(?:[-–/]\d+)?)$/.exec(item.genre ?? '')
  if (numero?.[1]) {
    if (!item.issue) item.issue = numero[1]
    delete item.genre
  }
  // APA's `(Report No. 17)`, `(Working Paper No. 4)` after the title: the kind of report and its number.
  const numbered = /^(\p{Lu}[\p{L}\s-]*?\p{L})\s+(?:No|Nr|no|nr)\.\s*([\w./-]+)$/u.exec(item.genre ?? '')
  if (numbered?.[1] && numbered[2] && printed.includes(`(${item.genre})`) && !item.number) {
    item.genre = numbered[1]
    item.number = numbered[2]
  }
  // APA's `(2020, March 3)`: the whole date of a page or a newspaper's piece.
  const dated = /^\(?((?:1[5-9]|20)\d\d),\s+(\p{L}+\.?\s+\d{1,2})\)?\.?$/u.exec(item.issued?.raw ?? '')
  if (dated?.[1] && dated[2]) {
    const whole = cslDate(`${dated[2]}, ${dated[1]}`)
    if ((whole['date-parts']?.[0]?.length ?? 0) > 1) item.issued = {...whole, raw: item.issued?.raw ?? whole.raw}
  }
  // `Bd. 2`, `vol. 3`, `t. II` read as an edition: the volume.
  const volumeAsEdition = /^(?:Bd|Band|vol|Vol|t|tome|tomo|Teil|Tl)\.?\s*(\d{1,3}|[IVXLC]{1,6})$/.exec(item.edition ?? '')
  if (volumeAsEdition?.[1]) {
    if (!item.volume) item.volume = volumeAsEdition[1]
    delete item.edition
  }
  // A reprint's cue is no edition nor part of the place: `Reprint, New York`.
  if (item.edition && reprintCueAlone.test(item.edition)) delete item.edition
  const cuedPlace = reprintCueBeforePlace.exec(item['publisher-place'] ?? '')
  if (cuedPlace && item['publisher-place']) item['publisher-place'] = item['publisher-place'].slice(cuedPlace[0].length)
  else if (item['publisher-place'] && reprintCueAlone.test(item['publisher-place'].replace(/[,:]$/, ''))) delete item['publisher-place']
  // The whole address as printed, where the labeller read a part of it as something else (`…/report2019`).
  // An address has no space: of a run the labeller read (`Recuperado de https://…`, `… (consulté le …`), the address alone.
  const urlRun = (/(?:https?:\/\/|www\.)\S+/i.exec(first('url') ?? '')?.[0] ?? first('url'))?.trim()
  const url = urlRun ? (new RegExp(`${escapeRegExp(urlRun)}[^\\s<>\\]]*`).exec(printed)?.[0] ?? urlRun) : undefined
  if (url) item.URL = url.trim().replace(/[.,;)]+$/, '').replace(/^(?:URL:?\s*|<)/i, '').replace(/>$/, '')
  const doi = first('doi')
  if (doi) item.DOI = doi.trim().replace(/^(?:doi:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, '').replace(/[.,;]+$/, '')
  // `https://doi.org/10.…` read as an address: the work's DOI.
  const resolver = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,}\/\S+)$/i.exec(item.URL ?? '')
  if (resolver?.[1] && !item.DOI) {
    item.DOI = resolver[1]
    delete item.URL
  }
  const isbn = first('isbn')
  if (isbn) item.ISBN = isbn.replace(/^isbn:?\s*/i, '').replace(/[.,;]+$/, '').trim()
  // A day of an access date is no page.
  let pages = tokens.filter((token) => token.label === 'pages' && !inAccess(token)).length > 0 ? all('pages') : ''
  // `Berlin: BMI, 84.`, `Madrid, 43.`: a page the labeller ran into the publisher or place.
  for (const field of ['publisher', 'publisher-place'] as const) {
    const trailing = /^(.*\p{L}.*?),\s*(\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\s*(?:ff?\.?)?$/u.exec(item[field] ?? '')
    if (!trailing || pages) continue
    item[field] = trailing[1]
    pages = trailing[2] ?? ''
  }
  // `J Exampl Stud 12:40–52`, `Res Notes 7 (3):101 - 118`: a journal's volume, issue and pages.
  // Vancouver's `1998;12(3):101-9`, `2001 Mar;4:22-30`: the year, then the volume, issue and pages, printed as one word.
  const vancouver = vancouverFacts.exec(printed)
  if (vancouver?.[1] && vancouver[2]) {
    const year = Number(vancouver[1])
    const printedDate = vancouver[0].slice(0, vancouver[0].indexOf(';'))
    if (!item.issued) item.issued = {'date-parts': [[year]], raw: printedDate}
    else if (item.issued['date-parts']?.[0]?.[0] === year && item.issued.raw?.includes(';')) item.issued = {...item.issued, raw: printedDate}
    if (!item.volume || item.volume === vancouver[1]) item.volume = vancouver[2]
    if (vancouver[3] && !item.issue) item.issue = vancouver[3]
  }
  const volumePages = /(?<![\d./])(\d{1,4})\s*(?:\(([^()]{1,12})\))?\s*:\s*[A-Z]?(\d{1,5})(?:\s*[-–]\s*|\s+)[A-Z]?(\d{1,5})(?![\d/])/.exec(printed)
  // `101-9`: a range whose end is printed with its last digits only (Vancouver).
  const abbreviatedEnd = volumePages !== null && /\d\s*[-–]\s*[A-Z]?\d/.test(volumePages[0]) && (volumePages[4]?.length ?? 0) < (volumePages[3]?.length ?? 0)
  if (volumePages && (Number(volumePages[4]) > Number(volumePages[3]) || abbreviatedEnd) && (item['container-title'] || item.title)) {
    // The labeller may have read the pages already; the volume and issue before them are still the journal's.
    if (!/\d\s*[-–]\s*\d/.test(pages)) pages = `${volumePages[3]}-${volumePages[4]}`
    if (!item.volume && !/^(?:1[5-9]\d\d|20\d\d)$/.test(volumePages[1] ?? '')) item.volume = volumePages[1]
    if (!item.issue && volumePages[2] && /^\d+$/.test(volumePages[2])) item.issue = volumePages[2]
  }
  // `312 p.`, `280 S.`: the number before the cue counts the book's pages; it is no place in it.
  const counted = pageCount.exec(pages.trim())
  if (counted?.[1] && !item['container-title']) {
    item['number-of-pages'] = counted[1]
    pages = ''
  }
  // `S. 1–40, hier S. 12`, `pp. 45–70, at 52`: an article's or chapter's pages, then the page cited.
  const pinpoint = /^(.*?\d)\s*,?\s*(?:hier|here|at|esp\.|bes\.|insbes\.|ici)\s+(?:(?:S|p|pp)\.\s*)?(\d+(?:\s*[-–]\s*\d+)?(?:\s*f{1,2}\.)?)\s*[.,;]?$/.exec(pages.trim())
  if (pinpoint?.[1] && pinpoint[2]) pages = pinpoint[1]
  const classical = classicalToken.exec(pages.trim())
  const page = classical?.[1] ? classical[1].replace(/[–—]/g, '-') : pages ? pagesOf(pages) : undefined
  if (page) {
    if (item['container-title'] && page.includes('-')) item.page = page
    else {
      result.locator = page
      result.label = classical ? 'section' : 'page'
    }
  }
  if (pinpoint?.[2] && item.page) {
    result.locator = pagesOf(pinpoint[2]) ?? pinpoint[2]
    result.label = 'page'
  }
  // `Lille, Desclée, 1981`, `Lyon, PUL`: a place and, after its comma, a name that is no place nor a state's abbreviation: the publisher.
  const placeAndPublisher = !item.publisher ? /^(.*\p{L}.*?),\s*(\p{Lu}\p{Ll}{2,}(?:[\s-]+\p{Lu}\p{Ll}+){0,2}|(?!USA$)\p{Lu}{3,6})$/u.exec(item['publisher-place'] ?? '') : null
  if (placeAndPublisher?.[1] && placeAndPublisher[2] && !placeAndPublisher[2].split(/[\s-]+/).some((word) => lexiconOf.get(word.toLowerCase())?.includes('place'))) {
    item['publisher-place'] = placeAndPublisher[1]
    item.publisher = placeAndPublisher[2]
  }
  // `Rouen, Presses universitaires, 1980` read as one publisher: the town before the comma is the place.
  const placeInPublisher = !item['publisher-place'] ? /^(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?),\s*(\S.*)$/u.exec(item.publisher ?? '') : null
  const inLexicon = (words: string, lexicon: 'place' | 'publisherWord') => words.split(/[\s-]+/).some((word) => lexiconOf.get(word.toLowerCase().replace(/[.,]$/, ''))?.includes(lexicon))
  // A learned society or another body publishing (`Dieppe, Société de l'histoire de Normandie`) as well as a publisher's word.
  if (placeInPublisher?.[1] && placeInPublisher[2] && !inLexicon(placeInPublisher[1], 'publisherWord') && (inLexicon(placeInPublisher[1], 'place') || inLexicon(placeInPublisher[2], 'publisherWord') || (institution.test(placeInPublisher[2]) && !institution.test(placeInPublisher[1])))) {
    item['publisher-place'] = placeInPublisher[1]
    item.publisher = placeInPublisher[2]
  }
  // `Paris, Le Havre, 1990`: a town the vocabulary knows after a first place is a second place, no publisher.
  if (item.publisher && item['publisher-place'] && publicationTowns.has(item.publisher.trim()) && !inLexicon(item.publisher, 'publisherWord')) {
    item['publisher-place'] = `${item['publisher-place']}, ${item.publisher.trim()}`
    delete item.publisher
  }
  // `Rouen, 1980`: a town alone before the year is where the book appeared, its publisher unnamed.
  if (item.publisher && !item['publisher-place'] && placeAlone(tokens)) {
    item['publisher-place'] = item.publisher
    delete item.publisher
  }
  // A journal's run with a word in it: not a volume's cue (`t. 2`) or a comma the labeller read so.
  const site = item.type === 'webpage'
  if (runs(tokens, text, 'journal').some((run) => /\p{L}{2}/u.test(clean(run)))) item.type = 'article-journal'
  else if (item['container-title']) item.type = 'chapter'
  else if (item.genre && /diss|thesis|habil|magister|diplom|thèse|tesi|tesis/i.test(item.genre)) item.type = 'thesis'
  else if (item.genre && /working|paper|report|bericht/i.test(item.genre)) item.type = 'report'
  else if (item.URL && !item.title) item.type = 'webpage'
  if (periodical && item['container-title'] === periodical[0]) item.type = 'article-magazine'
  // A page of a site, read from the title's emphasis and the address after it.
  if (site) item.type = 'webpage'
  // `Berliner Tageblatt, Nr. 412 vom 1.9.1923, S. 2`: a newspaper by its title; its number is the issue's.
  // `FAZ vom 12. 5. 2001, S. 5`, `Die Zeit, 14.2.2003`: a periodical cited by its day, with no
  // volume nor range of pages, is a newspaper (a journal is cited by its volume or year).
  const day = item.type === 'article-journal' ? dayOf(printed, item.issued?.['date-parts']?.[0]?.[0]) : undefined
  const byDay = day !== undefined && item.volume === undefined && item.issue === undefined && !pageRange.test(item.page ?? '')
  if (item.type === 'article-journal' && (typeFromContainer(item['container-title']) === 'article-newspaper' || byDay)) {
    item.type = 'article-newspaper'
    if (day) item.issued = {'date-parts': [day]}
    if (item.volume !== undefined && item.volume === item.issue) delete item.volume
    // `The Daily Towpath, A3.`, `p. B2`: a page of a lettered section, printed last.
    const sectionPage = /(?:,\s*|(?<![\p{L}])(?:pp?|S)\.\s*)([A-Z]\d{1,3}(?:\s*[-–]\s*[A-Z]?\d{1,3})?)\.?\s*$/u.exec(printed)
    if (sectionPage?.[1]) {
      const digits = /\d+/.exec(sectionPage[1])?.[0]
      if (item.volume === digits) delete item.volume
      if (result.locator === digits) {
        delete result.locator
        delete result.label
      }
      item.page = sectionPage[1].replace(/\s*[-–]\s*/, '-')
    }
    const numeric = /(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?((?:1[5-9]|20)\d\d)(?!\d)/.exec(printed)
    if (numeric && Number(numeric[2]) <= 12 && Number(numeric[3]) === item.issued?.['date-parts']?.[0]?.[0]) {
      item.issued = {'date-parts': [[Number(numeric[3]), Number(numeric[2]), Number(numeric[1])]]}
    }
  }
  // MLA's page of a site: `"Title." *Site*, 12 Mar. 2015, www.site.org/page.`: read by its day
  // as a newspaper, but with an address and no page, under a name that is no newspaper's.
  if (item.type === 'article-newspaper' && item.URL && !item.page && typeFromContainer(item['container-title']) !== 'article-newspaper') item.type = 'webpage'
  conferenceRead(item)
  databaseRead(item)
  // `// Хозяйство / под ред. …`: the editors' cue closes the book's title.
  const editedBook = /^(.*\p{L}.*?)\s*\/\s*под\s+(?:общ\.\s+)?ред(?!\p{L}).*$/u.exec(item['container-title'] ?? '')
  if (editedBook?.[1]) item['container-title'] = editedBook[1]
  if (!result.ibid && !item.title && !item['container-title'] && !item.issued && !item.URL) result.incomplete = true
  // `Holm, Stadt und Hafen, S. 12`, `Vale, *Harbour Towns*, 40`: a name and a title with no
  // publication facts at all stand for a work cited in full elsewhere.
  if (!result.ibid && item.author && item.title && !item['container-title'] && !item.issued && !item.URL && !item.publisher && !item['publisher-place'] && !item.volume && !item.edition && !item.genre) result.incomplete = true
  // `Dumont, art. cit., p. 50`, `Ferranti, Le corporazioni cit.`: a short form, whatever it names.
  if (!result.ibid && shortFormMark.test(printed)) {
    result.incomplete = true
    result.opCit = true
    if (item.note && /^(?:(?:(?:op|art|loc)\.\s*)?cit|a\.\s?a\.\s?O|(?:указ|цит)\.\s*(?:соч|раб|ст))\.?$/i.test(item.note)) delete item.note
  }
  return result
}

/**
 * The day of `year` printed in a reference: `12. 5. 2001`, `14.2.2003`, `8. Juni 1995`, `June 8,
 * 1995`, as year, month and day.
 */
function dayOf(printed: string, printedYear: number | string | undefined): number[] | undefined {
  const year = Number(printedYear)
  if (printedYear === undefined || !Number.isInteger(year)) return undefined
  const numeric = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:1[5-9]|20)\d\d)(?!\d)/.exec(printed)
  if (numeric && Number(numeric[2]) >= 1 && Number(numeric[2]) <= 12 && Number(numeric[1]) >= 1 && Number(numeric[1]) <= 31 && Number(numeric[3]) === year) return [year, Number(numeric[2]), Number(numeric[1])]
  const named = /(?<![\d.])(\d{1,2})\.?\s+(\p{L}+)\.?\s+((?:1[5-9]|20)\d\d)(?!\d)/u.exec(printed)
  const month = named ? monthNumber(named[2] ?? '') : undefined
  if (named && month !== undefined && Number(named[3]) === year && Number(named[1]) >= 1 && Number(named[1]) <= 31) return [year, month, Number(named[1])]
  const english = /\b(\p{L}+)\.?\s+(\d{1,2}),\s+((?:1[5-9]|20)\d\d)(?!\d)/u.exec(printed)
  const englishMonth = english ? monthNumber(english[1] ?? '') : undefined
  if (english && englishMonth !== undefined && Number(english[3]) === year && Number(english[2]) >= 1 && Number(english[2]) <= 31) return [year, englishMonth, Number(english[2])]
  return undefined
}

/** Ordinals spelled out in words, German, English and French, by stem. */
const spelledOrdinals: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:erst|first|premi[eè]r)/i, 1], [/^(?:zweit|second|deuxi[eè]m)/i, 2], [/^(?:dritt|third|troisi[eè]m)/i, 3],
  [/^(?:viert|fourth|quatri[eè]m)/i, 4], [/^(?:fünft|fifth|cinqui[eè]m)/i, 5], [/^(?:sechst|sixth|sixi[eè]m)/i, 6],
  [/^(?:siebt|siebent|seventh|septi[eè]m)/i, 7], [/^(?:acht|eighth|huiti[eè]m)/i, 8], [/^(?:neunt|ninth|neuvi[eè]m)/i, 9],
  [/^(?:zehnt|tenth|dixi[eè]m)/i, 10]
]
const ordinalWord = String.raw`(?:(?:erst|zweit|dritt|viert|fünft|sechst|sieb(?:en)?t|acht|neunt|zehnt)(?:e|er|en|es)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|premi[eè]re?|(?:deux|trois|quatr|cinqu|six|sept|huit|neuv|dix)i[eè]me|seconde?)`
const editionNoun = String.raw`(?:Auflage|Aufl\.|[Ee]dition|[Ee]d\.|édition|éd\.)`
const volumeNoun = String.raw`(?:Band|Bd\.|Teil|[Vv]olume|[Vv]ol\.|[Tt]ome)`
const spelledEdition = new RegExp(String.raw`(?<![\p{L}])(${ordinalWord})\s+${editionNoun}`, 'iu')
const spelledVolume = new RegExp(String.raw`(?<![\p{L}])(${ordinalWord})\s+${volumeNoun}`, 'iu')
/** The same, every one in a text: for rewriting them as numbers. */
const spelledEditions = new RegExp(spelledEdition.source, 'giu')
const spelledVolumes = new RegExp(spelledVolume.source, 'giu')
/** `Handbuch, vierte Auflage, dritter`: a spelled edition or volume ending a book's title, with what follows it. */
const spelledTail = new RegExp(String.raw`[,:]\s*${ordinalWord}\s+(?:${editionNoun}|${volumeNoun})(?:,.*)?$`, 'iu')

/** `Family, Given: Book`, `Family, G.; Other, H.: Book`: names as printed, then a colon and the book. */
const editorsBeforeBook = /^((?:\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?)(?:\s*[;/]\s*\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?)*):\s+(\p{Lu}.*)$/u

function ordinalOf(word: string): number | undefined {
  return spelledOrdinals.find(([stem]) => stem.test(word))?.[1]
}

/**
 * Facts printed at the end of a book's or journal's title: a spelled-out edition or volume
 * (`Handbuch, vierte Auflage, dritter Band`) and the town it appeared in (`Blätter für X, Bonn`,
 * `Book. Subtitle. London`) go to their own fields.
 */
function containerFactsMoved(value: string, item: CslItemDraft): string {
  // `Book. -  Town`: the dash before the place is no part of the title.
  let out = value.replace(/[\s.]*\s[-–—]$/, '')
  // `… / Serie, Teil II. In: Zeitung`: words before a second `In:` belong to the title, not the container.
  const opened = /[.!?]\s+In:\s+(\p{Lu}.*)$/u.exec(out)
  if (opened?.[1] && /\p{L}{3}/u.test(opened[1])) out = opened[1]
  // `Family, Given: Book`: the editors as printed before the book, without a cue.
  const editors = editorsBeforeBook.exec(out)
  if (editors?.[1] && editors[2] && /\p{L}{3}/u.test(editors[2])) {
    const names = namesFrom(editors[1])
    if (names.length > 0 && !item.editor && !item.author?.some((name) => editors[1]?.startsWith(name.family ?? '\u0000'))) item.editor = names
    out = editors[2]
  }
  // `In Anna Berg, Gesammelte Schriften`: the reference's own author named before the book of her works.
  const own = /^(\p{Lu}[\p{Ll}'’-]+(?:[\s-]+\p{Lu}[\p{Ll}'’-]+|\s+\p{Lu}\.)*)\s+(?:(?:von|van|de|der)\s+)?(\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:et\s+al\.|u\.\s?a\.))?([,:])\s+(\p{Lu}.*\p{L}{3}.*)$/u.exec(out)
  // After a colon only in a book without editors: `Judith Berg: Lektüren`, edited by others, is about her.
  if (own?.[4] && item.author?.some((name) => name.family === own[2]) && (own[3] === ',' || !item.editor)) out = own[4]
  const tail = spelledTail.exec(out)
  if (tail && tail.index > 0 && /\p{L}{3}/u.test(out.slice(0, tail.index))) {
    const edition = spelledEdition.exec(tail[0])
    const volume = spelledVolume.exec(tail[0])
    if (edition?.[1] && !item.edition) item.edition = String(ordinalOf(edition[1]) ?? edition[1])
    if (volume?.[1] && !item.volume) item.volume = String(ordinalOf(volume[1]) ?? volume[1])
    out = out.slice(0, tail.index)
  }
  // `Book (pp.13-60)`, `Book, pp.155-67`: the chapter's pages printed without a space after their cue.
  out = out.replace(/[\s,]*\(?(?:pp?|S)\.\d[\d\s–-]*\)?$/, '')
  // `Gathered Essays. Vol. III: Studies of the Harbour`: the volume's number and its own title.
  const part = /^(.*\p{L}{3}.*?)[.,]\s+(?:Vol|Bd|Band|Tome|t)\.?\s+([IVXLC]{1,6}|\d{1,3})(?:[:.]\s*(\p{Lu}.*))?$/u.exec(out)
  if (part?.[1] && part[2]) {
    if (!item.volume) item.volume = part[2]
    if (part[3] && !item['volume-title']) item['volume-title'] = part[3]
    out = part[1]
  }
  // `Book, im Erscheinen`, `Book (in press)`: not yet printed, no part of the title.
  out = out.replace(/[\s,.;–-]*[([]?(?:im\s+Erscheinen|im\s+Druck|in\s+Vorbereitung|in\s+press|forthcoming)[)\]]?\.?$/iu, '')
  // `Book. – Weinheim/München`: towns joined by slashes after the book's stop are its places.
  const towns = /^(.*\p{L}{3}.*?)(?:[,.]\s+[–-]?|\s+[–-])\s*(\p{Lu}[\p{L}-]+(?:\s*\/\s*\p{Lu}[\p{L}-]+)+)$/u.exec(out)
  if (towns?.[1] && towns[2] && towns[2].split(/\s*\/\s*/).some(isTownWord)) {
    if (!item['publisher-place']) item['publisher-place'] = towns[2]
    out = towns[1]
  }
  // `Studien zur Stadtgeschichte 3`, `Schriften XXV`: the volume's number after the book's name.
  const numbered = /^(.*\p{L}{3}.*?)\s+(\d{1,3}|[IVX]{1,5})\.?$/u.exec(out)
  if (numbered?.[1] && numbered[2] && !/\b(?:Version|Teil|Part|Nr|No|Heft|Band|Bd|Vol|Agenda|Web|G)\.?$/i.test(numbered[1])) {
    if (!item.volume) item.volume = numbered[2]
    out = numbered[1]
  }
  const town = /^(.*\p{L}{3}.*?)[,.]\s+((?:\p{Lu}[\p{L}.-]*)(?:[\s/]+[\p{L}.]+){0,2})$/u.exec(out)
  if (town?.[1] && town[2] && town[2].split(/[\s/]+/).every(isTownWord) && isTownWord(town[2].split(/[\s/]+/)[0] ?? '')) {
    if (!item['publisher-place']) item['publisher-place'] = town[2]
    out = town[1]
  }
  // `Wege in der Jugendarbeit, Gütersloh`: with no place read, one name after the last comma, in no
  // word list nor a common noun, is the place (`Stille Welt, Sonderheft` is not).
  // Not the last of a list (`Zünfte, Gesellen, Meister`).
  const named = /^([^,]*\p{L}{3}[^,]*),\s+(\p{Lu}[\p{Ll}-]+(?:[\s-]\p{Lu}[\p{Ll}-]+)?)$/u.exec(out)
  if (named?.[1] && named[2] && !item['publisher-place'] && named[2].split(/[\s-]/).every(mayBeGivenName) && !collectionWord.test(named[2]) && !/(?:band|material|teil)$/i.test(named[2])) {
    item['publisher-place'] = named[2]
    out = named[1]
  }
  // `…, o. J.`, `…, im Internet`, `…, online verfügbar unter`: no part of the name.
  out = out.replace(/[\s,.;]+(?:o\.\s?J\.?|im\s+Internet|(?:online\s+)?verfügbar\s+unter|abrufbar\s+unter|available\s+(?:at|from))[:.]?$/iu, '')
  return out
}

/**
 * An edition as printed, read: `Bd. 5, 2. Aufl.` is volume 5 and edition 2; `2nd ed.`, `3. Aufl.`,
 * `2e éd.` are the edition's number; other wordings (`rev. ed.`) stay as printed.
 */
function editionRead(item: CslItemDraft): void {
  // `vierte Auflage, dritter Band`: the spelled ordinals as numbers.
  const printed = (item.edition ?? '')
    .replace(spelledEditions, (whole: string, word: string) => `${ordinalOf(word) ?? word}. Aufl.`)
    .replace(spelledVolumes, (whole: string, word: string) => `Bd. ${ordinalOf(word) ?? word}`)
  const volume = /(?:^|[\s,])(?:Bd|Band|Vol|vol|t|Jg)\.?\s*(\d+|[IVXLC]+)\b/.exec(printed)
  if (volume?.[1] && !item.volume) item.volume = volume[1]
  const number = /(?:^|[\s,])(\d{1,2})(?:\.[ªº]|[ªº]|\.|st|nd|rd|th|e|ème|a)?\s*(?:Aufl(?:age)?|[Ee]d(?:n|ition|ición|izione)?|éd(?:ition)?|ed\.)\b/.exec(printed)
  // `4. Aufl., Bd. 3, Jena`: a town after the edition and volume is where the book appeared.
  const town = /,\s*(\p{Lu}[\p{L}-]+(?:\s(?:a\.|am|an|bei)\s?\p{Lu}[\p{L}.-]*)?)$/u.exec(printed)
  if (town?.[1] && (number || volume) && !item['publisher-place'] && !/^(?:Aufl|Band|Bd|Teil|Vol|Ed|Jg)/i.test(town[1])) item['publisher-place'] = town[1]
  if (number?.[1]) item.edition = number[1]
  else if (volume) {
    const rest = printed.replace(volume[0], '').replace(/^[\s,]+|[\s,]+$/g, '')
    if (rest) item.edition = rest
    else delete item.edition
  }
}

/** The small words inside a town's name: `Reinbek bei Hamburg`, `Frankfurt am Main`, `Halle an der Saale`, `Neustadt a. d. Aisch`. */
const townConnective = /^(?:bei|b\.|am|an|a\.|der|d\.|im|i\.|ob|upon|on|sur|en)$/

/**
 * `…, Reinbek bei Hamburg 1991`: a town named with a connective, whose first words the labeller
 * ran into the title before it, is the place; the comma before it ends the title.
 */
function townWithConnective(tokens: readonly LabelledToken[]): LabelledToken[] {
  const out = [...tokens]
  for (let index = 2; index < out.length; index++) {
    if (out[index]?.label !== 'location' || out[index - 1]?.label === 'location') continue
    let first = index
    while (first > 0 && index - first < 2 && townConnective.test(out[first - 1]?.text ?? '')) first--
    if (first === index) continue
    const head = out[first - 1]
    if (!head || head.label === 'location' || !/^\p{Lu}[\p{L}-]+$/u.test(head.text) || !/,$/.test(out[first - 2]?.text ?? '')) continue
    for (let at = first - 1; at < index; at++) out[at] = {...(out[at] as LabelledToken), label: 'location'}
  }
  return out
}

/** Labels the labeller gives a town before a year it did not read as one. */
const townLabels = new Set<Label>(['location', 'journal', 'container-title', 'publisher'])

/** A town's one word before its year: `Nürnberg` of `Nürnberg 1988,`. */
const townWord = /^\p{Lu}[\p{L}-]+,?$/u

/** A series found in a reference: its title and number, and the reference's tokens relabelled without it. */
interface SeriesRead {
  title: string
  number?: string
  tokens: LabelledToken[]
}

/** Words that name a series before its name in quotation marks: `coll. « … »`, `collana «…»`, `Reihe „…“`, `series "…"`. */
const seriesCue = /^\(?(?:[Cc]oll\.|[Cc]ollection|[Cc]ollana|[Cc]olección|[Cc]olecção|Reihe|Schriftenreihe|[Ss]eries|[Ss]ér\.|[Ss]érie)$/u
/** The quotation marks that open a series' name. */
const seriesQuoteOpen = /^[«„“"‹]/
/** The quotation marks that close it, with what may follow on the word. */
const seriesQuoteClose = /[»“”"›][),.;]*$/

/**
 * `Paris, Éditions du Vent, coll. « Histoires maritimes », 1975`, `(collana «Studi», 12)`: a
 * series named after its cue in quotation marks, with its number; the publisher's name runs on
 * up to the cue, whatever the labeller read in it.
 */
function seriesByCue(tokens: readonly LabelledToken[]): SeriesRead | undefined {
  const cue = tokens.findIndex((token, index) => index > 0 && seriesCue.test(token.text) && seriesQuoteOpen.test(tokens[index + 1]?.text ?? ''))
  if (cue < 0) return undefined
  // A mark alone (`«`) closes nothing; a word with both marks (`«Studi»`) is the name whole.
  const closes = (index: number) => seriesQuoteClose.test(tokens[index]?.text ?? '') && (index > cue + 1 || (tokens[index]?.text.replace(/[),.;]+$/, '').length ?? 0) > 1)
  let close = cue + 1
  while (close < tokens.length && close - cue <= 16 && !closes(close)) close++
  if (close >= tokens.length || close - cue > 16) return undefined
  const title = tokens.slice(cue + 1, close + 1).map((token) => token.text).join(' ').replace(/^[«„“"‹]\s*/, '').replace(/\s*[»“”"›][),.;]*$/, '').trim()
  if (!title) return undefined
  let end = close
  // The series' number, not the year after it.
  const number = /^((?!(?:1[5-9]|20)\d\d\b)\d{1,4}|[IVXLC]{1,6})[),.;]*$/.exec(tokens[close + 1]?.text ?? '')
  if (number && /,$/.test(tokens[close]?.text ?? '')) end = close + 1
  const out = tokens.map((token, index) => (index >= cue && index <= end ? {...token, label: 'other' as Label} : {...token}))
  const publisher = out.findLastIndex((token, index) => index < cue && token.label === 'publisher')
  if (publisher >= 0 && out.slice(publisher + 1, cue).every((token) => !/\d/.test(token.text) && /^\p{L}/u.test(token.text))) {
    for (let at = publisher + 1; at < cue; at++) (out[at] as LabelledToken).label = 'publisher'
  }
  return number && end > close ? {title, number: number[1], tokens: out} : {title, tokens: out}
}

/** A series as its bracket prints it: the name and number `seriesNumbered` found, or else the words whole. */
function seriesNamed(words: string, numbered: RegExpExecArray | null): {title: string; number?: string} {
  return numbered?.[1] ? {title: numbered[1], number: numbered[2]} : {title: words.replace(/[,.]$/, '')}
}

/**
 * `Titel (Schriftenreihe des Stadtarchivs 12), Nürnberg 1988`: a bracket right after a book's
 * title, holding a series' name (and number), before the place and year: the series. The town
 * and year after it, read as a book's name, are the place and date.
 */
function seriesAfterTitle(tokens: readonly LabelledToken[]): SeriesRead | undefined {
  const open = tokens.findIndex((token, index) => index > 1 && token.text.startsWith('(') && tokens[index - 1]?.label === 'title' && token.label === 'title')
  if (open < 0) return undefined
  let close = open
  while (close < tokens.length && !/\)[.,;]?$/.test(tokens[close]?.text ?? '')) close++
  if (close >= tokens.length - 1 || close - open > 16 || !/\),$/.test(tokens[close]?.text ?? '')) return undefined
  const words = tokens.slice(open, close + 1).map((token) => token.text).join(' ').replace(/^\(|\),$/g, '').replace(/^=\s*/, '').trim()
  const numbered = seriesNumbered.exec(words)
  if (yearInText.test(words) || !(seriesWord.test(words) || numbered)) return undefined
  // Then the town and year of the book: `Nürnberg 1988`.
  const town = close + 1
  if (!townWord.test(tokens[town]?.text ?? '') || !plainYear.test(tokens[town + 1]?.text ?? '')) return undefined
  const series = seriesNamed(words, numbered)
  const relabelled = tokens.map((token, index): LabelledToken => {
    if (index >= open && index <= close) return {...token, label: 'other'}
    if (index === town) return {...token, label: 'location'}
    if (index === town + 1) return {...token, label: 'date'}
    return token
  })
  return {...series, tokens: relabelled}
}

/**
 * `Wien 51965`: the number of an edition printed in superscript before the year, read with it
 * as one number after the place: the edition and the year.
 */
function editionWithYear(tokens: readonly LabelledToken[]): {tokens: LabelledToken[]; edition?: string} {
  if (tokens.some((token) => token.label === 'date' && yearInText.test(token.text))) return {tokens: [...tokens]}
  // After the place: a town's one word, whatever the labeller read it as (`Graz 31971`).
  const town = (token: LabelledToken | undefined) => token !== undefined && (token.label === 'location' || (townLabels.has(token.label) && /^\p{Lu}\p{Ll}+$/u.test(token.text)))
  const at = tokens.findIndex((token, index) => town(tokens[index - 1]) && /^[2-9](?:1[5-9]|20)\d\d[.,;]?$/.test(token.text))
  const token = tokens[at]
  const place = tokens[at - 1]
  if (!token || !place) return {tokens: [...tokens]}
  const out = [...tokens]
  out[at - 1] = {...place, label: 'location'}
  // The year's text without the edition's digit, read where the reference's dates are read.
  out[at] = {...token, label: 'date', text: token.text.slice(1)}
  return {tokens: out, edition: token.text.charAt(0)}
}

/**
 * `Bremen 1985 (Schriften des Instituts für Landeskunde 7)`: a bracket closing a book's
 * reference after its year, holding words and perhaps a number, no year or page, is the series
 * it appeared in. Returns the series and the tokens without the bracket's (read as nothing).
 */
function seriesInBrackets(tokens: readonly LabelledToken[]): SeriesRead | undefined {
  const last = tokens.length - 1
  if (last < 3 || !/\)[.,;]?$/.test(tokens[last]?.text ?? '')) return undefined
  let open = last
  while (open > 0 && !tokens[open]?.text.startsWith('(')) open--
  if (open < 2 || tokens.slice(open, last + 1).some((token) => /[()].*[()]/.test(token.text) && token !== tokens[open] && token !== tokens[last])) return undefined
  const before = tokens.slice(0, open)
  // After the book's title and its year, no journal's or book's: a series, not an article's or chapter's facts.
  if (!before.some((token) => token.label === 'title') || !before.some((token) => token.label === 'date') || before.some((token) => token.label === 'journal' || token.label === 'container-title' || token.label === 'pages')) return undefined
  // `(= Beiträge zur Stadtgeschichte, Bd. 4)`: the equals sign of German series is no part of the name.
  const words = tokens.slice(open, last + 1).map((token) => token.text).join(' ').replace(/^\(|\)[.,;]?$/g, '').replace(/^=\s*/, '').trim()
  if (yearInText.test(words) || /\b(?:S|p|pp)\.\s*\d/.test(words) || !/^\p{Lu}\p{Ll}+\s+\p{L}/u.test(words) || words.length > 120) return undefined
  const numbered = seriesNumbered.exec(words)
  // A bracket without a number is a series only by its name (`Reihe`, `Studies`): else it may name a body.
  if (!numbered && !seriesWord.test(words)) return undefined
  const series = seriesNamed(words, numbered)
  return {...series, tokens: tokens.map((token, index) => (index >= open ? {...token, label: 'other'} : token))}
}

/**
 * APA's description in square brackets after the title (`*Title* [Doctoral dissertation,
 * University of Pavona]. Repository.`, `[Data set]`): the kind of work and the institution that
 * granted or issued it; a name after the bracket, where a publisher was read across it, is the
 * archive or database that holds the work.
 */
function describedAfterTitle(tokens: readonly LabelledToken[], text: string, item: CslItemDraft): void {
  const titleEnd = tokens.findLast((token) => token.label === 'title')?.end
  if (titleEnd === undefined) return
  const described = /^[\s*.]*\[(\p{Lu}[^[\]]{2,100})\]\.?/u.exec(text.slice(titleEnd))
  // `[Übers.] Name`: a translator's cue, no kind of work.
  if (!described?.[1] || bracketedTranslator.test(`[${described[1]}]`)) return
  const [kind = '', ...by] = described[1].split(/,\s*/)
  item.genre = kind.trim()
  const institution = by.join(', ').trim()
  const publisher = item.publisher ?? ''
  if (institution) {
    const after = publisher.includes(']') ? clean(publisher.slice(publisher.indexOf(']') + 1)) : ''
    item.publisher = institution
    if (after && after !== institution) item.archive = after
  } else if (publisher.includes(']')) item.publisher = clean(publisher.slice(publisher.indexOf(']') + 1))
  if (item.note && clean(item.note.replace(/^\[|\]$/g, '')) === item.genre) delete item.note
  if (/diss|thesis|habil|master|doctoral|magister|diplom|tesi|thèse|tesis/i.test(kind)) item.type = 'thesis'
}

/** Is the run that starts with `first` opened by `in`, `in:`, `dans` (a journal or book then, no publisher or series)? */
function openedByIn(tokens: readonly LabelledToken[], first: LabelledToken): boolean {
  const at = tokens.indexOf(first)
  return /^(?:in|dans|en|aus|im):?$/i.test(first.text) || /^(?:in|dans|en|aus|im):?$/i.test(tokens[at - 1]?.text ?? '')
}

/** Does the character at `position` stand inside `*emphasis*`? */
function emphasized(marked: string, position: number): boolean {
  return emphasisAt(marked, position) !== undefined
}

/** The `*emphasis*` that holds the character at `position`. */
function emphasisAt(marked: string, position: number): RegExpExecArray | undefined {
  return [...marked.matchAll(/\*([^*\n]+)\*/g)].find((match) => match.index <= position && position < match.index + match[0].length)
}

/** `2 vols.`, `3 Bde.`, `2 t.`, `2 voll.`: how many volumes a work has. */
const volumesCount = /^(\d{1,2})\s+(?:vols?|volumes|Bde|Bände|t|tomes|voll|volumi|tomos)\.?$/i
/** A series and its number: `Studies in Maritime History 4`, `Schriften des Instituts 7`, `Beiträge zur Geschichte, Bd. 12`. */
const seriesNumbered = /^(\p{Lu}[^()]*?\p{L}[^()]*?)[,.;]?\s+(?:(?:vol|no|Bd|Band|Nr|n°|t|tome|Heft|H|fasc|Nummer|num)\.?\s*)?(\d{1,4})$/u
/** Words that name a series. */
const seriesWord = /\b(?:Reihe|Schriften|Schriftenreihe|Beiträge|Studien|Forschungen|Abhandlungen|Materialien|Texte|Bibliothek|Arbeitspapiere|Series|Studies|Papers|Monographs|Library|Collection|Cahiers|Bibliothèque|Quaderni|Collana|Biblioteca|Colección)\b/u

/**
 * A title printed in emphasis is the emphasis's words (`*Smugglers and Officers*. Studies in
 * Maritime History 4.`): the words the labeller ran into the title after the emphasis closed
 * are a number of volumes (`2 vols.`) or a series and its number, set on the item; the
 * title is returned. Undefined when the title is not printed so.
 */
function emphasizedTitle(tokens: LabelledToken[], text: string, marked: string | undefined, item: CslItemDraft): string | undefined {
  if (!marked?.includes('*')) return undefined
  const first = tokens.findIndex((token) => token.label === 'title')
  if (first < 0) return undefined
  let last = first
  while (last + 1 < tokens.length && tokens[last + 1]?.label === 'title') last++
  const start = tokens[first]?.start ?? 0
  const emphasis = emphasisAt(marked, start)
  if (!emphasis) return undefined
  const close = emphasis.index + emphasis[0].length
  // `*Havens*. U of Skerry P`: words after the emphasis run on, no stop between, into the
  // publisher's name are its first words.
  if (tokens[last + 1]?.label === 'publisher' && !/[.,:;]$/.test(tokens[last]?.text ?? '')) {
    let from = last
    while (from > first && tokens[from - 1]?.start !== undefined && (tokens[from - 1]?.start ?? 0) >= close && !/[.,:;]$/.test(tokens[from - 1]?.text ?? '')) from--
    if ((tokens[from]?.start ?? 0) >= close) {
      for (let at = from; at <= last; at++) (tokens[at] as LabelledToken).label = 'publisher'
      last = from - 1
    }
  }
  const end = tokens[last]?.end ?? 0
  if (close >= end - 1) return undefined
  const tail = clean(text.slice(close, end))
  const parts = tail.split(/\.\s+(?=[\p{Lu}\d])|,\s+/u).map((part) => clean(part)).filter(Boolean)
  const kept: string[] = []
  const placed = tokens.some((token) => token.label === 'location')
  for (const part of parts) {
    const count = volumesCount.exec(part)
    // A series' name is short; a long part is not tried (the pattern's two lazy runs).
    const series = part.length <= 160 ? seriesNumbered.exec(part) : null
    const contributed = /^(translated|trans\.|übersetzt|übers\.|traduit|edited|ed\.|herausgegeben|hg\.|hrsg\.)\s+(?:by|von|v\.|par)\s+(\p{Lu}.*)$/iu.exec(part)
    if (count?.[1]) item['number-of-volumes'] = count[1]
    // `Translated by Ada Finn`, `Edited by …` after the title: who translated or edited the work.
    else if (contributed?.[1] && contributed[2]) {
      const names = namesFrom(contributed[2])
      if (names.length === 0) kept.push(part)
      else if (/^(?:t|ü)/i.test(contributed[1])) item.translator = names
      else item.editor = names
    }
    // `*Titre*, Rouen, Société …`: the town after the title's comma, where no place was read.
    else if (!placed && !item['publisher-place'] && /^,/.test(text.slice(close).trim()) && /^\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+)?$/u.test(part)) item['publisher-place'] = part
    else if (series?.[1] && series[2] && !item['collection-title']) {
      item['collection-title'] = series[1]
      item['collection-number'] = series[2]
    } else kept.push(part)
  }
  // A page's site after its title (`*Title*. Harbour Archives Network. Retrieved …, from https://…`).
  if (kept.length === 1 && parts.length === 1 && /^\p{Lu}[\p{L}'’&\s-]+$/u.test(kept[0] ?? '') && /(?:https?:\/\/|www\.)/.test(marked.slice(end)) && !tokens.some((token) => token.label === 'publisher' || token.label === 'volume')) {
    item['container-title'] = kept[0] ?? ''
    item.type = 'webpage'
    return text.slice(start, close)
  }
  // Words neither: the title's, as the labeller read them.
  if (kept.length > 0) return undefined
  return text.slice(start, close)
}

/** Editors' cues of Portuguese and Spanish lists the lexicon does not hold: `(org.)`, `(orgs.)`, `(coords.)`, `(dirs.)`. */
const moreEditorCues = /\((?:orgs?|coords?|dirs|comps)\.\)/i

/** A reprint's cue: `repr.`, `Reprint,`, `reprinted`, `Nachdr.`, `Neudr.`, `ND`, `réimpr.`, `rist.`, `reimpr.`. */
const reprintCue = /(?<![\p{L}])(?:[Rr]epr(?:int(?:ed)?)?\.?|Nachdr(?:uck)?\.?|Neudr(?:uck)?\.?|ND|[Rr]éimpr(?:ession|\.)|[Rr]istampa|[Rr]ist\.|[Rr]eimpr(?:esión|\.))(?![\p{L}])/u
const reprintCueAlone = new RegExp(`^${reprintCue.source}$`, 'u')
/** A reprint's cue after a full stop in a title, and what follows it. */
const reprintInTitle = new RegExp(`\\.\\s+${reprintCue.source}.*$`, 'u')
/** `Reprint, New York`: the cue before the place's name. */
const reprintCueBeforePlace = new RegExp(`^${reprintCue.source}[,:]?\\s+(?=\\p{Lu})`, 'u')

/** `Translated by`, `trans.`, `übers. v.`, `traduit par`, `tradotto da`: the words before a translator's name (the longest first, whole words). */
const translatorCue = /(?<![\p{L}])(?:übersetzt|übers|translated|transl|trans|traduit|traduction|traduzione|tradotto|traducido|traducción|trad)(?![\p{L}])\.?\s*(?:(?:(?:aus\s+dem\s+\p{L}+|from\s+the\s+\p{L}+|de\s+l['’]\p{Ll}+|de\s+\p{Ll}+|du\s+\p{Ll}+|dall['’]\p{Ll}+|dal\s+\p{Ll}+|del\s+\p{Ll}+)\s+)?(?:v\.|von|by|par|de|da|di|por)\s+)?/giu

/** `op. cit.`, `art. cit.`, `loc. cit.`, or `cit.` after a short title, Russian `Указ. соч.`: a work cited before (in emphasis too). */
const shortFormMark = /(?:^|[\s,])\*?(?:(?:(?:op|art|loc)\.\s*)?cit\.|a\.\s?a\.\s?O\.|(?:указ|цит)\.\s*(?:соч|раб|ст)\.)\*?(?=$|[\s,;:])/i

/** The publisher read is one capitalized word right before the year, no publisher's word: a place. */
function placeAlone(tokens: readonly LabelledToken[]): boolean {
  const at = tokens.findIndex((token) => token.label === 'publisher')
  const word = tokens[at]
  if (!word || tokens[at + 1]?.label !== 'date' || tokens.some((token, index) => index > at && token.label === 'publisher')) return false
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*,$/u.test(word.text)) return false
  return !lexiconOf.get(word.text.replace(/,$/, '').toLowerCase())?.includes('publisherWord')
}

/** A work not yet published: `(i. E.)`, `(im Druck)`, `(in press)`, `(forthcoming)`, `(à paraître)`. */
const forthcomingMark = new RegExp(String.raw`\((?:${year}[a-z]?,\s?)?(?:i\.\s?E\.|im Erscheinen|im Druck|in Druck|in Vorbereitung|in press|forthcoming|in preparation|à paraître|sous presse|in corso di stampa|in stampa|en prensa)\)`, 'i')
const forthcomingAtStart = new RegExp(`^${forthcomingMark.source}`, 'i')
/** The names of a short citation, then the mark: `Seidel et al. (i. E.).`, `Vogt (im Druck), S. 12`. */
const forthcomingAfterNames = new RegExp(`^\\s*\\p{Lu}[\\p{L}'’ .,/&-]{0,80}?\\s${forthcomingMark.source}[\\s.,;:]*(?:(?:S\\.|p\\.|pp\\.)?\\s*\\d[\\d\\s–-]*f{0,2}\\.?)?\\s*$`, 'iu')

/**
 * Commentary the labeller took for a reference: many of its words are the verbs, pronouns and
 * particles of prose (a quarter without a year, a third with one), rare in titles.
 */
function isProse(tokens: readonly LabelledToken[], hasYear: boolean): boolean {
  let words = 0
  let prose = 0
  for (const token of tokens) {
    const key = wordOf(token.text).toLowerCase()
    if (!/\p{L}/u.test(key)) continue
    words++
    if (lexiconOf.get(key)?.includes('commentary')) prose++
  }
  return prose >= 3 && prose >= words * (hasYear ? 1 / 3 : 1 / 4)
}

/** Fields only a reference has: pages, a journal or book, its editors, a volume. */
const strongFacts = new Set<Label>(['pages', 'volume', 'journal', 'container-title', 'editor', 'isbn'])
const numberFacts = new Set<Label>(['pages', 'volume', 'isbn'])
const weakFacts = new Set<Label>(['publisher', 'location', 'edition', 'genre'])
const quoted = /[„“”"«»‚‘’]/
const locatorCue = /^(?:supra|infra|note|at|n\.|nn\.)$/
const locatorLexicons = new Set(['pageCue', 'volumeCue', 'issueCue', 'legal'])
/** `(2007).`, `[1998]`: a year in round or square brackets. */
const bracketedYear = new RegExp(String.raw`^[(\[]${year}[a-z]?[)\]][.,:]?$`)
const opensWithYear = new RegExp(String.raw`^[(\[]${year}`)

/** Pages, a volume or an ISBN with a number, a journal, book or editor. */
function hasStrongFact(tokens: readonly LabelledToken[]): boolean {
  return tokens.some((token) => strongFacts.has(token.label) && (/\d/.test(token.text) || !numberFacts.has(token.label)))
}

/** A place, publisher, edition or genre as printed, capitalized or with a number. */
function hasWeakFact(tokens: readonly LabelledToken[]): boolean {
  return tokens.some((token) => weakFacts.has(token.label) && /^[(\[]?[\p{Lu}\d]/u.test(token.text))
}

/**
 * `Die Erhebung umfasste zwei Befragungen. Alle Schulen wurden angeschrieben …`, `Dies erinnert –
 * ohne es gleichzusetzen – wohl`: a clause the labeller read as a title, with no facts of a
 * publication (pages, a journal or book, editors; a place or publisher only beside a date), no
 * author set off by a comma, colon or full stop or followed by its year, no bracketed
 * year, and, outside
 * quotations, at least half its words in lower case and a word of prose, is commentary.
 */
function isProseClause(tokens: readonly LabelledToken[], hasYear: boolean): boolean {
  if (hasStrongFact(tokens)) return false
  if (hasYear && hasWeakFact(tokens)) return false
  // `supra note 8 at 41`, `para. 12`, `S. 4`, `Nr. 7`: a locator's cue and its number.
  if (tokens.some((token, index) => /^\d/.test(tokens[index + 1]?.text ?? '') && (locatorCue.test(token.text) || lexiconOf.get(token.text.replace(/[.,:]+$/, '').toLowerCase())?.some((lexicon) => locatorLexicons.has(lexicon))))) return false
  // `1402 U.N.T.S. 77`, `12 F.3d 40`: a reporter's volume, name and page.
  if (tokens.some((token, index) => /^\d+$/.test(tokens[index - 1]?.text ?? '') && /^(?:\p{Lu}+\.){2,}$|^\p{Lu}\.\d?\p{Ll}{1,2}\.?$/u.test(token.text) && /^\d/.test(tokens[index + 1]?.text ?? ''))) return false
  // `Office of Statistics. (2007). The survey …`: an author-date reference's bracketed year.
  if (tokens.some((token) => token.label === 'date' && bracketedYear.test(token.text))) return false
  const lastAuthor = tokens.findLastIndex((token) => token.label === 'author')
  if (tokens.some((token) => token.label === 'author' && /[,:]$/.test(token.text)) || (lastAuthor >= 0 && (/\.$/.test(tokens[lastAuthor]?.text ?? '') || tokens[lastAuthor + 1]?.label === 'date'))) return false
  let inQuote = false
  let words = 0
  let lower = 0
  let prose = 0
  for (const token of tokens) {
    const opens = /^[(\[]?[„“"«‚‘]/.test(token.text)
    // A low quotation mark closes too where text extraction printed it so (`„Titel„`).
    const closes = /[”“"»‘’„][)\].,;:!?]*$/.test(token.text)
    if (opens && !(closes && token.text.length > 2)) inQuote = true
    const outside = !inQuote && !(opens && closes) && !quoted.test(token.text)
    if (closes) inQuote = false
    if (token.label === 'author' || token.label === 'date' || !outside || !/\p{L}/u.test(token.text)) continue
    words++
    if (/^[(\[]?\p{Ll}/u.test(token.text)) lower++
    // Not the `i` of Slavic and Italian titles (`and`).
    if (isCommentaryWord(token.text) && token.text !== 'i') prose++
  }
  return words >= 5 && lower * 2 >= words && prose >= 1
}

function bears(token: LabelledToken): boolean {
  if (token.label === 'url') return /[./]/.test(token.text)
  if (token.label === 'doi') return /\d/.test(token.text) || urlLike.test(token.text)
  if (token.label === 'publisher' || token.label === 'location') return /^[(\[]?[\p{Lu}\d]/u.test(token.text)
  return true
}

/**
 * `ein Treffen in Wien statt. 1983`, `des Mikrozensus 2001`: a span that opens with a word in
 * lower case (no particle of a name, Ibid., address or `forthcoming`), with no bracketed year,
 * no facts of a publication (pages, a volume, a journal or book, editors, a place or publisher)
 * and no full date is the middle of a sentence, not a reference.
 */
function startsInSentence(tokens: readonly LabelledToken[]): boolean {
  const first = tokens[0]?.text ?? ''
  if (!/^\p{Ll}{3,}/u.test(first) || particles.has(first.toLowerCase()) || sameAuthors.test(first) || ibidPattern.test(first) || urlLike.test(first) || /^(?:forthcoming|unpublished|unveröff)/.test(first)) return false
  if (hasStrongFact(tokens)) return false
  if (hasWeakFact(tokens)) return false
  // A document by its full date (`vom 23. März 2018`, `8 April 2009`) is cited, whatever opens it.
  if (tokens.some((token, index) => token.label === 'date' && yearInText.test(token.text) && tokens[index - 1]?.label === 'date' && /\d|\p{L}{3}/u.test(tokens[index - 1]?.text ?? ''))) return false
  return !tokens.some((token) => token.label === 'date' && opensWithYear.test(token.text))
}

/** Does the reference hold enough to stand as a citation (not commentary the model mislabelled)? */
export function isReference(reference: ModelReference, text: string): boolean {
  const printed = text.slice(reference.start, reference.end)
  if (ibidPattern.test(printed)) return true
  // Labels on words that cannot bear them are no evidence: an address or DOI without a dot,
  // slash or digit, a place or publisher in lower case (`für`, `u. a.`).
  const labelsSeen = new Set(reference.tokens.filter((token) => bears(token)).map((token) => token.label))
  const hasYear = reference.tokens.some((token) => token.label === 'date' && yearInText.test(token.text))
  if (labelsSeen.has('url') || labelsSeen.has('doi')) return true
  // `Geboren 1901 in …, 1925 Promotion in …`, `born 1901 in …`: a life's events, no publication.
  if (isBiographyCue(reference.tokens[0]?.text ?? '') && !hasStrongFact(reference.tokens)) return false
  if (isProse(reference.tokens, hasYear) || isProseClause(reference.tokens, hasYear) || startsInSentence(reference.tokens)) return false
  // `Arnaud, loc. cit.`: names and the mark of a work cited before.
  if (labelsSeen.has('author') && shortFormMark.test(printed)) return true
  // `Seidel et al. (i. E.)`: names and a work to come.
  if (labelsSeen.has('author') && forthcomingAfterNames.test(printed)) return true
  if (hasYear && reference.tokens.length >= 2) return true
  if (labelsSeen.has('author') && (labelsSeen.has('title') || labelsSeen.has('pages'))) return true
  // `Flugblatt „Titel“ …`, `Rundschreiben des Verbandes an …`: a document named by its kind and its title.
  if (isDocumentNoun(reference.tokens[0]?.text ?? '') && reference.tokens.filter((token) => token.label === 'title').length >= 3) return true
  if (labelsSeen.has('title') && (labelsSeen.has('publisher') || labelsSeen.has('location') || labelsSeen.has('journal') || labelsSeen.has('container-title'))) return true
  return false
}
