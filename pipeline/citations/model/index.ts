/**
 * The reference labeller: tokens of a note or reference labelled with the trained model
 * (weights.json, made by scripts/train-citation-model.ts). The weights are read on first use.
 */
import {readFileSync} from 'node:fs'
import {authorDateHeads, type BoundaryModel, headsAfterSemicolon, loadBoundary, pageListsJoined} from './boundary.js'
import {eruditeReferences} from './erudite.js'
import {featuresOf} from './features.js'
import type {LabelledToken} from './labels.js'
import {labelFeatures, loadModel, type Model, type Weights} from './perceptron.js'
import {brokenWordsJoined, emphasisKept, isReference, type ModelParse, type ModelReference, prepositionInTitle, referenceToCsl, segmentReferences} from './reference.js'
import {type Decision, decisionsIn} from './decisions.js'
import {type Statute, statutesIn} from './statutes.js'
import {tokenize} from './tokens.js'
import {legalReadings} from '../legal.js'
import {parseMemoir} from '../oral-history.js'
import {yearInText} from '../dates.js'
import {numberedPaperSplit} from '../serials.js'
import {projectFile} from '../../shared/project-files.js'

export type {Label} from './labels.js'

export type {LabelledToken} from './labels.js'

let model: Model | undefined
let boundary: BoundaryModel | null | undefined
let shippedWeights: Weights | undefined

/** The shipped weights, parsed on first use (compiled, from the copy scripts/compile.mjs puts in dist/). */
function shipped(): Weights {
  shippedWeights ??= JSON.parse(readFileSync(projectFile('pipeline/citations/model/weights.json'), 'utf8')) as Weights
  return shippedWeights
}

function current(): Model {
  model ??= loadModel(shipped())
  return model
}

function currentBoundary(): BoundaryModel | undefined {
  if (boundary === undefined) {
    const weights = shipped().boundary
    boundary = weights ? loadBoundary(weights) : null
  }
  return boundary ?? undefined
}

/** Label every token of `text`. */
function labelTokens(text: string): LabelledToken[] {
  const tokens = tokenize(text)
  const found = labelFeatures(current(), featuresOf(tokens))
  return tokens.map((token, index) => ({...token, label: found[index] ?? 'other'}))
}

export interface FoundReference {
  start: number
  end: number
  text: string
  parse: ModelParse
}

/**
 * Law notes' `Id.`, `Id. at 1215` and `Id., para. 2` (Bluebook): Ibid., with the page after `at`
 * or the paragraph; not the `Id.,` of a Romance note before a title.
 */
const lawIbid = /^\s*\*?Id\.\*?(?:\s+at\s+(\d+(?:\s*[-–]\s*\d+)?)|,?\s+(?:paras?\.|¶+)\s*(\d+(?:\s*[-–]\s*\d+)?))?(?=\s*(?:[.;]|$))[.;]?/

/** The references in a note or list entry, each with its span and parse. */
export function parseReferences(text: string): FoundReference[] {
  return readNote(text).found
}

/** Ibid. and its kin as a title: the pointer printed twice. */
const repeatedIbid = /^(?:ebd|ebda|ebenda|ibid|ibidem|ib|ivi)\.?$/i

/** A note's references, and where the labeller read them, the note as it segmented it. */
function readNote(text: string): {found: FoundReference[]; note?: Segmented} {
  const id = lawIbid.exec(text)
  if (id) {
    const start = text.length - text.trimStart().length
    const parse: ModelParse = {item: {type: 'book'}, ibid: true, incomplete: false}
    if (id[1]) {
      parse.locator = id[1].replace(/\s+/g, '')
      parse.label = 'page'
    } else if (id[2]) {
      parse.locator = id[2].replace(/\s+/g, '')
      parse.label = 'paragraph'
    }
    const end = id[0].length
    const rest = parseReferences(text.slice(end)).map((found) => ({...found, start: found.start + end, end: found.end + end}))
    return {found: [{start, end, text: text.slice(start, end), parse}, ...rest]}
  }
  // An oral history (`Oral history interview with Name, date, … Collection, tape 3`) is read by rule.
  const oral = /interview|reminiscences/i.test(text) ? parseMemoir(text) : undefined
  if (oral) {
    const parse: ModelParse = {item: oral.item, ibid: false, incomplete: false}
    if (oral.locator) {
      parse.locator = oral.locator
      parse.label = 'page'
    }
    return {found: [wholeNote(text, parse)]}
  }
  const out: FoundReference[] = []
  const note = segmented(text)
  const {plain, segments} = note
  for (const reference of segments) {
    const printed = plain.slice(reference.start, reference.end)
    if (!isReference(reference, plain) || bracketTail(printed) || articleOpened(printed)) continue
    const parse = referenceToCsl(reference, plain, text)
    numberedPaperSplit(parse.item)
    // `Ebd ebd, S. 41`: the pointer printed twice is no title.
    if (parse.ibid && parse.item.title && repeatedIbid.test(parse.item.title)) delete parse.item.title
    const before = out.at(-1)?.parse.item.author
    if (parse.sameAuthors && before) parse.item.author = before.map((name) => ({...name}))
    out.push({start: reference.start, end: reference.end, text: text.slice(reference.start, reference.end), parse})
  }
  // A note that is nothing but `Ebd.`, `Ibidem.`, `Ivi.` or `Там же.`: the work of the note before.
  if (out.length === 0 && bareIbid.test(text)) out.push(wholeNote(text, {item: {type: 'book'}, ibid: true, incomplete: false}))
  const found = withErudite(text, out)
  // A statute with at most one word besides, a decision with at most three (`juris`, `m.w.N.`).
  const withLaws = text.includes('§') || /\bArtt?\.\s*\d/.test(text) ? withRuleReadings(text, found, statutesIn(text), 1) : found
  const withDecisions = courtCue.test(text) ? withRuleReadings(text, withLaws, decisionsIn(text), 3) : withLaws
  // Common-law cases and statutes (`347 U.S. 483 (1954)`, `2 Geo. III c. 12`), and law notes'
  // articles and books (`88 Yale L.J. 1201 (1979)`, `Law 94 (2d ed. 1994)`, `Law (1961)`), and
  // European cases and acts (`case C-882/19`, `Regulation 1092/2010`).
  return {found: /\d\s+\p{Lu}|\d\s*\]|\d\s+\(|\(\d{4}\)|[CT]-\d|\d\/\d/u.test(text) ? withRuleReadings(text, withDecisions, legalReadings(text), 3) : withDecisions, note}
}

/**
 * One entry of a reference list: always one work, whatever the labeller would split off
 * (`Hargreave, T. (1923; repr. 1990) *Title*`, `Title. 1923. Reprint, New York: Dover, 1990`).
 * Where the note reading finds several references, the labelled spans are read as one.
 */
export function parseEntry(text: string): FoundReference | undefined {
  const {found, note} = readNote(text)
  if (found.length <= 1) return found[0]
  const {plain, segments} = note ?? segmented(text)
  const [first] = segments
  const last = segments.at(-1)
  if (!first || !last) return found[0]
  const whole: ModelReference = {start: first.start, end: last.end, tokens: segments.flatMap((segment) => segment.tokens)}
  return {start: whole.start, end: whole.end, text: text.slice(whole.start, whole.end), parse: referenceToCsl(whole, plain, text)}
}

interface Segmented {
  /** The note's text without its emphasis marks. */
  plain: string
  /** The references the labeller reads in it, before any is judged commentary. */
  segments: ModelReference[]
}

/** The note as the labeller segments it. */
function segmented(text: string): Segmented {
  // Emphasis marks (`*Title*`) are no part of any word: the labeller reads the text without them.
  const plain = text.includes('*') ? withoutEmphasis(text) : text
  const tokens = emphasisKept(labelTokens(plain), text)
  brokenWordsJoined(tokens, true)
  prepositionInTitle(tokens)
  const labels = tokens.map((token) => token.label)
  const texts = tokens.map((token) => token.text)
  const heads = [...headsAfterSemicolon(texts, labels), ...authorDateHeads(texts, labels), ...pageListsJoined(texts, labels)]
  for (const index of heads) tokens[index] = {...(tokens[index] as LabelledToken), label: labels[index] ?? 'other'}
  return {plain, segments: segmentReferences(tokens, currentBoundary())}
}

/**
 * The text with its emphasis marks blanked, each offset kept: punctuation after a closing mark
 * (`*Title*, a cura di`) moves onto the word, an opening bracket before an opening mark
 * (`(*Title*)`) onto the next word, as a printed reference sets them; no lone `,` or `(` token.
 */
export function withoutEmphasis(text: string): string {
  return text
    .replace(/(?<=\S)\*([,.;:)\]]+)/g, (_, marks: string) => `${marks} `)
    .replace(/([(\[])\*(?=\S)/g, (_, bracket: string) => ` ${bracket}`)
    .replace(/\*/g, ' ')
}

/** The whole note, its spaces around left out, as one reference. */
function wholeNote(text: string, parse: ModelParse): FoundReference {
  return {start: text.length - text.trimStart().length, end: text.trimEnd().length, text: text.trim(), parse}
}

/**
 * `… (in den Stichproben des HAFREG). Für andere Abgrenzungen siehe …`: a span that opens by
 * closing a bracket the prose before it opened, with no number in it, is the end of that
 * bracket and the commentary after it, no reference.
 */
function bracketTail(printed: string): boolean {
  const first = /^\S+/.exec(printed)?.[0] ?? ''
  return /\)/.test(first) && !/\(/.test(first) && !/\d/.test(printed) && !pointerBack.test(first) && !address.test(printed)
}

/**
 * `… soll nach der Ansicht des Gerichts dem Zweck folgen, also „eng“ gebunden sein. Spätere
 * Fälle, …`: a span that opens with an article in lower case, holds no number and breaks off at
 * a comma is a piece of a sentence (a title that lost its first word ends with its facts).
 */
function articleOpened(printed: string): boolean {
  return /^(?:dem|den|der|des|die|das|einem|einen|einer|eines|the|an)\s/.test(printed) && !/\d/.test(printed) && /,\s*$/.test(printed)
}

/** An address on the web (`www.example.org)`): a reference, whatever bracket it closes. */
const address = /https?:|www\.|\w\.(?:de|org|com|net|edu|gov|int|eu|fr|it|uk)\b/

/** `ebd.)`, `ibid.)`, `a. a. O.)`: a pointer back closing a bracket is a reference of its own. */
const pointerBack = /^\*?(?:ibid|ib|ebd|ebda|ebenda|id|idem|ders|dies|ivi|a\.\s?a\.\s?O|op|loc|там)\b/iu

/** `Ibid.` and its kin standing alone, in emphasis or not. */
const bareIbid = /^\s*\*?(?:ibid(?:em)?|ebd|ebda|ebenda|ivi|ibídem|там\s+же)\.?\*?\s*$/iu

/** A court's abbreviation or a reporter: a note that may cite a decision. */
const courtCue = /\b(?:BVerfGE?|BVerwGE|BGHZ|BGHSt|BAGE|BSGE|BFHE|RGZ|RGSt|BVerfG|BVerwG|BGH|BAG|BSG|BFH|BPatG|EuGH|EuG|EGMR|RG|BayObLG|OLG|LG|AG|VG|OVG|VGH|LAG|LSG|FG|KG|ArbG|SG)\b/

/**
 * What a rule reader finds (sections of statutes, `§ 179 StGB`; court decisions, `BGH, Beschl.
 * v. 14.6.2011 – 2 StR 118/10`) is a citation wherever it stands: a labeller's reference that is
 * hardly more than such readings (no year and at most `words` words besides) becomes them, and
 * readings outside every reference are added.
 */
function withRuleReadings(text: string, found: readonly FoundReference[], readings: ReadonlyArray<Statute | Decision>, words: number): FoundReference[] {
  if (readings.length === 0) return [...found]
  const out: FoundReference[] = []
  const used = new Set<Statute | Decision>()
  const asReference = (reading: Statute | Decision): FoundReference => {
    const parse: ModelParse = {item: {...reading.item}, ibid: false, incomplete: false}
    if ('locator' in reading && reading.locator) {
      parse.locator = reading.locator
      parse.label = 'page'
    }
    return {start: reading.start, end: reading.end, text: text.slice(reading.start, reading.end), parse}
  }
  for (const reference of found) {
    const inside = readings.filter((reading) => reading.start < reference.end && reading.end > reference.start)
    inside.forEach((reading) => used.add(reading))
    let rest = reference.text
    for (const reading of inside) rest = rest.slice(0, Math.max(0, reading.start - reference.start)) + ' '.repeat(Math.min(reading.end, reference.end) - Math.max(reading.start, reference.start)) + rest.slice(reading.end - reference.start)
    const alone = !yearInText.test(rest) && (rest.match(/\p{L}{2,}/gu) ?? []).length <= words
    if (inside.length === 0 || !alone) out.push(reference)
    else out.push(...inside.map(asReference))
  }
  for (const reading of readings) if (!used.has(reading)) out.push(asReference(reading))
  return out.sort((a, b) => a.start - b.start)
}

/** A year or an address: a reference the érudit reader does not replace. */
function isFullReference(reference: FoundReference): boolean {
  const {item} = reference.parse
  return Boolean(item.issued || (item.URL && /[./]/.test(item.URL)) || (item.DOI && /^10\.\d{3,}\//.test(item.DOI)))
}

/**
 * The short references of older scholarship (`Marchand, Hist. des Abbayes, tom. iii. p. 418`,
 * `Lambert, xlii`) over the labeller's, which reads their locators as names and keeps the
 * commentary before them; the labeller's full references stay.
 */
function withErudite(text: string, found: readonly FoundReference[]): FoundReference[] {
  const erudite = eruditeReferences(text)
  if (erudite.length === 0) return [...found]
  const overlaps = (a: {start: number; end: number}, b: {start: number; end: number}) => a.start < b.end && b.start < a.end
  // A full reference of the labeller's stays, unless it ran several short ones together.
  // A modern reference with its authors, title and year is one, whatever shorthand it holds.
  const isComplete = ({parse: {item}}: FoundReference) => Boolean((item.author || item.editor) && item.title && item.issued)
  const isFull = (reference: FoundReference) => isFullReference(reference) && (isComplete(reference) || erudite.filter((short) => overlaps(short, reference)).length < 2)
  const full = found.filter(isFull)
  // Beside them, what the labeller read with no year, address or locator is commentary.
  const kept: FoundReference[] = found.filter((reference) => full.includes(reference) || (reference.parse.locator !== undefined && !erudite.some((short) => overlaps(short, reference))))
  for (const short of erudite) {
    if (full.some((reference) => overlaps(reference, short))) continue
    kept.push({start: short.start, end: short.end, text: text.slice(short.start, short.end), parse: short.parse})
  }
  return kept.sort((a, b) => a.start - b.start)
}

