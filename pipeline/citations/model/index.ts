/**
 * The reference labeller: tokens of a note or reference labelled with the trained model
 * (weights.json, made by scripts/train-citation-model.ts). The weights are read on first use.
 */
import shipped from './weights.json' with {type: 'json'}
import {type BoundaryModel, loadBoundary} from './boundary.js'
import {eruditeReferences} from './erudite.js'
import {featuresOf} from './features.js'
import type {Label} from './labels.js'
import {labelFeatures, loadModel, type Model, type Weights} from './perceptron.js'
import {isReference, type ModelParse, referenceToCsl, segmentReferences} from './reference.js'
import {type Decision, decisionsIn} from './decisions.js'
import {type Statute, statutesIn} from './statutes.js'
import {tokenize} from './tokens.js'

export type {Label} from './labels.js'

export interface LabelledToken {
  text: string
  start: number
  end: number
  label: Label
}

let model: Model | undefined
let boundary: BoundaryModel | null | undefined

function current(): Model {
  model ??= loadModel(shipped as Weights)
  return model
}

function currentBoundary(): BoundaryModel | undefined {
  if (boundary === undefined) {
    const weights = (shipped as Weights).boundary
    boundary = weights ? loadBoundary(weights) : null
  }
  return boundary ?? undefined
}

/** Label every token of `text`. */
export function labelTokens(text: string): LabelledToken[] {
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

/** The references in a note or list entry, each with its span and parse. */
export function parseReferences(text: string): FoundReference[] {
  const out: FoundReference[] = []
  // Emphasis marks (`*Title*`) are no part of any word: the labeller reads the text without them.
  const plain = text.includes('*') ? text.replace(/\*/g, ' ') : text
  for (const reference of segmentReferences(labelTokens(plain), currentBoundary())) {
    if (!isReference(reference, plain)) continue
    const parse = referenceToCsl(reference, plain)
    const before = out.at(-1)?.parse.item.author
    if (parse.sameAuthors && before) parse.item.author = before.map((name) => ({...name}))
    out.push({start: reference.start, end: reference.end, text: text.slice(reference.start, reference.end), parse})
  }
  const found = withErudite(text, out)
  const withLaws = text.includes('§') || /\bArtt?\.\s*\d/.test(text) ? withStatutes(text, found) : found
  return courtCue.test(text) ? withDecisions(text, withLaws) : withLaws
}

/** A court's abbreviation or a reporter: a note that may cite a decision. */
const courtCue = /\b(?:BVerfGE?|BVerwGE|BGHZ|BGHSt|BAGE|BSGE|BFHE|RGZ|RGSt|BVerfG|BVerwG|BGH|BAG|BSG|BFH|BPatG|EuGH|EuG|EGMR|RG|BayObLG|OLG|LG|AG|VG|OVG|VGH|LAG|LSG|FG|KG|ArbG|SG)\b/

/**
 * Court decisions (`BGH, Beschl. v. 14.6.2011 – 2 StR 118/10`) are citations wherever they stand:
 * a reference that is hardly more than decisions becomes them, and decisions outside every
 * reference are added.
 */
function withDecisions(text: string, found: readonly FoundReference[]): FoundReference[] {
  const decisions = decisionsIn(text)
  if (decisions.length === 0) return [...found]
  const out: FoundReference[] = []
  const used = new Set<Decision>()
  for (const reference of found) {
    const inside = decisions.filter((decision) => decision.start < reference.end && decision.end > reference.start)
    inside.forEach((decision) => used.add(decision))
    let rest = reference.text
    for (const decision of inside) rest = rest.slice(0, Math.max(0, decision.start - reference.start)) + ' '.repeat(Math.min(decision.end, reference.end) - Math.max(decision.start, reference.start)) + rest.slice(decision.end - reference.start)
    const alone = !/(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)/.test(rest) && (rest.match(/\p{L}{2,}/gu) ?? []).length <= 3
    if (inside.length === 0 || !alone) {
      out.push(reference)
      continue
    }
    for (const decision of inside) out.push(decisionReference(text, decision))
  }
  for (const decision of decisions) {
    if (used.has(decision) || out.some((reference) => reference.start < decision.end && decision.start < reference.end)) continue
    out.push(decisionReference(text, decision))
  }
  return out.sort((a, b) => a.start - b.start)
}

function decisionReference(text: string, decision: Decision): FoundReference {
  const parse: ModelParse = {item: {...decision.item}, ibid: false, incomplete: false}
  if (decision.locator) {
    parse.locator = decision.locator
    parse.label = 'page'
  }
  return {start: decision.start, end: decision.end, text: text.slice(decision.start, decision.end), parse}
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

/** Hardly more than a statute: no year, at most one word besides. */
function isStatuteAlone(printed: string, statutes: readonly Statute[], start: number): boolean {
  let rest = printed
  for (const statute of statutes) rest = rest.slice(0, statute.start - start) + ' '.repeat(statute.end - statute.start) + rest.slice(statute.end - start)
  return !/(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)/.test(rest) && (rest.match(/\p{L}{2,}/gu) ?? []).length <= 1
}

/**
 * Sections of statutes (`§ 179 StGB`) are citations wherever they stand: a reference that is
 * hardly more than statutes becomes them, and statutes outside every reference are added.
 */
function withStatutes(text: string, found: readonly FoundReference[]): FoundReference[] {
  const statutes = statutesIn(text)
  if (statutes.length === 0) return [...found]
  const out: FoundReference[] = []
  const used = new Set<Statute>()
  for (const reference of found) {
    const inside = statutes.filter((statute) => statute.start < reference.end && statute.end > reference.start)
    inside.forEach((statute) => used.add(statute))
    if (inside.length === 0 || !isStatuteAlone(reference.text, inside, reference.start)) {
      out.push(reference)
      continue
    }
    for (const statute of inside) out.push(statuteReference(text, statute))
  }
  for (const statute of statutes) if (!used.has(statute)) out.push(statuteReference(text, statute))
  return out.sort((a, b) => a.start - b.start)
}

function statuteReference(text: string, statute: Statute): FoundReference {
  return {start: statute.start, end: statute.end, text: text.slice(statute.start, statute.end), parse: {item: {...statute.item}, ibid: false, incomplete: false}}
}
