/**
 * The citation metric of the shared `citation-score` script, reimplemented exactly (its
 * docstring defines it), so that a corpus's parsed citation gold is scored the same way as
 * the peers' datasets:
 *
 * - Tokens: NFKC, lower-cased, the `\w+` runs; Jaccard over the token sets.
 * - Matching, within one note: every (gold, predicted) pair with Jaccard ≥ 0.5, taken greedily
 *   by descending Jaccard (ties: gold order, then predicted order), each used at most once.
 * - Segmentation: recall = matched gold / gold; precision = matched predicted / predicted.
 * - Fields authors (set of normalised family names), title (normalised, first 60 characters),
 *   container (normalised), year (first 15xx–20xx number), pages (digit runs joined by `-`).
 *   Per field and matched pair: both set and equal → TP; both set, different → FP and FN; only
 *   gold → FN; only predicted → FP unless the citation is an ibid. or short form. Unmatched gold
 *   counts FN and unmatched predicted FP for each field it has. P, R, F1 are 0 when undefined;
 *   micro sums the five fields' counts.
 *
 * `\w` is Python's: letters, digits and `_`; `\d` any decimal digit.
 */
import {add, emptyCounts, type Counts} from './metrics.js'

export const citationFields = ['authors', 'title', 'container', 'year', 'pages'] as const
export type CitationField = (typeof citationFields)[number]

/** Normalised field values: authors as a sorted list of distinct family names. */
export interface FieldValues {
  authors: string[] | null
  title: string | null
  container: string | null
  year: string | null
  pages: string | null
}

const particles = new Set(['von', 'van', 'de', 'der', 'den', 'di', 'da', 'du', 'la', 'le', 'del', 'della', 'zu', 'ten', 'ter', 'dos', 'das'])

const wordRun = /[\p{L}\p{N}_]+/gu

/** The token set of a text: NFKC, lower-cased, the word runs. */
function tokens(value: string | null | undefined): Set<string> {
  return new Set((value ?? '').normalize('NFKC').toLowerCase().match(wordRun) ?? [])
}

/** |A ∩ B| / |A ∪ B| over the token sets; 0 when both are empty. */
export function jaccard(a: string, b: string): number {
  const left = tokens(a)
  const right = tokens(b)
  if (left.size === 0 && right.size === 0) return 0
  let shared = 0
  for (const token of left) if (right.has(token)) shared++
  return shared / (left.size + right.size - shared)
}

/** NFKC, lower-cased, every character but letters, digits and white space dropped, white space collapsed. */
export function normalizeTitle(value: string | null | undefined): string | null {
  if (!value) return null
  const text = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\s]/gu, '')
    .replace(/_/g, '')
    .replace(/\s+/gu, ' ')
    .trim()
  return text || null
}

/** A family name: no diacritics, lower-cased, particles dropped (unless nothing else is left), Latin letters only. */
export function normalizeFamily(value: string | null | undefined): string | null {
  if (!value) return null
  const plain = value.normalize('NFKD').replace(/\p{Mn}/gu, '').toLowerCase()
  const words = plain.split(/[\s-]+/u).filter(Boolean)
  const letters = (word: string) => word.replace(/[^a-z]/g, '')
  const kept = words.filter((word) => !particles.has(letters(word)))
  const name = (kept.length > 0 ? kept : words).map(letters).join('')
  return name || null
}

/** The first number 1500–2099 not inside a longer number. */
export function normalizeYear(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return /(?<!\p{Nd})(1[5-9]\p{Nd}\p{Nd}|20\p{Nd}\p{Nd})(?!\p{Nd})/u.exec(String(value))?.[1] ?? null
}

/** The digit runs joined by `-` (`S. 29 - 68` → `29-68`). */
export function normalizePages(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const runs = String(value).match(/\p{Nd}+/gu)
  return runs ? runs.join('-') : null
}

function familySet(names: Array<string | null | undefined>): string[] | null {
  const set = new Set<string>()
  for (const name of names) {
    const family = normalizeFamily(name)
    if (family) set.add(family)
  }
  return set.size > 0 ? [...set].sort() : null
}

/** A name of the gold or of CSL-JSON. */
export interface NameValue {
  family?: string
  given?: string
  literal?: string
  'non-dropping-particle'?: string
}

/** The gold fields of a citation record of a corpus gold file (CSL-like, values as printed). */
export interface GoldCitationValues {
  author?: NameValue[]
  title?: string
  'container-title'?: string
  issued?: string
  page?: string
}

export function goldFieldValues(gold: GoldCitationValues): FieldValues {
  const title = normalizeTitle(gold.title)
  return {
    authors: familySet((gold.author ?? []).map((name) => name.family ?? name.literal)),
    title: title ? title.slice(0, 60) : null,
    container: normalizeTitle(gold['container-title']),
    year: normalizeYear(gold.issued),
    pages: normalizePages(gold.page)
  }
}

/** The parts of a CSL-JSON item the metric reads. */
export interface PredictedItem {
  author?: NameValue[]
  title?: string
  'container-title'?: string
  issued?: {'date-parts'?: Array<Array<number | string | null>>; literal?: string; raw?: string}
  page?: string
}

/** The predicted fields of a citation: its bibliography item's, the page else the citation's locator. */
export function predictedFieldValues(item: PredictedItem | undefined, locator: string | undefined): FieldValues {
  const names = (item?.author ?? []).map((name) => {
    if (name.family && name['non-dropping-particle']) return `${name['non-dropping-particle']} ${name.family}`
    return name.family || name.literal
  })
  const title = normalizeTitle(item?.title)
  const issued = item?.issued
  let year: string | null = null
  const first = issued?.['date-parts']?.[0]?.[0]
  if (first !== undefined && first !== null && first !== '') year = normalizeYear(first)
  if (!year && issued) year = normalizeYear(issued.literal || issued.raw)
  return {
    authors: familySet(names),
    title: title ? title.slice(0, 60) : null,
    container: normalizeTitle(item?.['container-title']),
    year,
    pages: normalizePages(item?.page) ?? normalizePages(locator)
  }
}

export type {Counts}

export interface Rates {
  precision: number
  recall: number
  f1: number
}

/** P, R and F1 of counts; each 0 when undefined (the script's convention). */
export function rates(counts: Counts): Rates {
  const precision = counts.tp + counts.fp > 0 ? counts.tp / (counts.tp + counts.fp) : 0
  const recall = counts.tp + counts.fn > 0 ? counts.tp / (counts.tp + counts.fn) : 0
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return {precision, recall, f1}
}

export interface MatchedPair {
  gold: number
  predicted: number
  jaccard: number
}

/** Greedy one-to-one matching of one note's gold and predicted citations by Jaccard ≥ 0.5. */
export function matchCitations(gold: readonly string[], predicted: readonly string[]): MatchedPair[] {
  const candidates: MatchedPair[] = []
  gold.forEach((raw, goldIndex) => {
    predicted.forEach((text, predictedIndex) => {
      const value = jaccard(text, raw)
      if (value >= 0.5) candidates.push({gold: goldIndex, predicted: predictedIndex, jaccard: value})
    })
  })
  candidates.sort((a, b) => b.jaccard - a.jaccard || a.gold - b.gold || a.predicted - b.predicted)
  const usedGold = new Set<number>()
  const usedPredicted = new Set<number>()
  const pairs: MatchedPair[] = []
  for (const candidate of candidates) {
    if (usedGold.has(candidate.gold) || usedPredicted.has(candidate.predicted)) continue
    usedGold.add(candidate.gold)
    usedPredicted.add(candidate.predicted)
    pairs.push(candidate)
  }
  return pairs
}

/** One gold citation as the metric sees it. */
export interface ScoredGold {
  raw: string
  fields: FieldValues
}

/** One predicted citation as the metric sees it; `exempt` for an ibid. or short form. */
export interface ScoredPrediction {
  text: string
  fields: FieldValues
  exempt: boolean
}

/** One note: its gold citations and the citations predicted in it. */
export interface ScoredNote<G extends ScoredGold = ScoredGold, P extends ScoredPrediction = ScoredPrediction> {
  gold: G[]
  predicted: P[]
}

export interface FieldScore extends Counts, Rates {
  /** Matched pairs whose gold has the field. */
  matchedWithGold: number
  /** Of those, the share whose predicted value is equal; null when there are none. */
  matchedAccuracy: number | null
}

export interface MetricResult {
  gold: number
  predicted: number
  matched: number
  segmentation: Rates
  fields: Record<CitationField, FieldScore>
  micro: Counts & Rates
}

/** A field of a matched pair that is not a TP: the two values as compared. */
export interface FieldDisagreement {
  field: CitationField
  gold: string | null
  predicted: string | null
}

/** How each note's citations came out: the pairs (with wrong fields), the unmatched of both sides. */
export interface NoteOutcome {
  pairs: Array<MatchedPair & {wrong: FieldDisagreement[]}>
  missedGold: number[]
  spurious: number[]
}

export interface MetricCounts {
  gold: number
  predicted: number
  matched: number
  fields: Record<CitationField, Counts & {equal: number; withGold: number}>
}

export function emptyMetricCounts(): MetricCounts {
  const fields = {} as MetricCounts['fields']
  for (const field of citationFields) fields[field] = {tp: 0, fp: 0, fn: 0, equal: 0, withGold: 0}
  return {gold: 0, predicted: 0, matched: 0, fields}
}

export function addMetricCounts(into: MetricCounts, from: MetricCounts): void {
  into.gold += from.gold
  into.predicted += from.predicted
  into.matched += from.matched
  for (const field of citationFields) {
    const a = into.fields[field]
    const b = from.fields[field]
    add(a, b)
    a.equal += b.equal
    a.withGold += b.withGold
  }
}

const shown = (value: string[] | string | null): string | null => (Array.isArray(value) ? value.join(', ') : value)

const sameValue = (a: string[] | string | null, b: string[] | string | null): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((value, index) => value === b[index]) : a === b

/** Score one note into `counts`; the outcome says which citations and fields disagree. */
export function scoreNote(note: ScoredNote, counts: MetricCounts): NoteOutcome {
  counts.gold += note.gold.length
  counts.predicted += note.predicted.length
  const found = matchCitations(note.gold.map((gold) => gold.raw), note.predicted.map((predicted) => predicted.text))
  counts.matched += found.length
  const pairs: NoteOutcome['pairs'] = []
  for (const pair of found) {
    const gold = note.gold[pair.gold]!.fields
    const predicted = note.predicted[pair.predicted]!
    const wrong: FieldDisagreement[] = []
    for (const field of citationFields) {
      const g = gold[field]
      const p = predicted.fields[field]
      const tally = counts.fields[field]
      if (g !== null) {
        tally.withGold++
        if (sameValue(g, p)) tally.equal++
      }
      if (g !== null && p !== null) {
        if (sameValue(g, p)) tally.tp++
        else {
          tally.fp++
          tally.fn++
          wrong.push({field, gold: shown(g), predicted: shown(p)})
        }
      } else if (g !== null) {
        tally.fn++
        wrong.push({field, gold: shown(g), predicted: null})
      } else if (p !== null && !predicted.exempt) {
        tally.fp++
        wrong.push({field, gold: null, predicted: shown(p)})
      }
    }
    pairs.push({...pair, wrong})
  }
  const matchedGold = new Set(found.map((pair) => pair.gold))
  const matchedPredicted = new Set(found.map((pair) => pair.predicted))
  const missedGold: number[] = []
  note.gold.forEach((gold, index) => {
    if (matchedGold.has(index)) return
    missedGold.push(index)
    for (const field of citationFields) if (gold.fields[field] !== null) counts.fields[field].fn++
  })
  const spurious: number[] = []
  note.predicted.forEach((predicted, index) => {
    if (matchedPredicted.has(index)) return
    spurious.push(index)
    for (const field of citationFields) if (predicted.fields[field] !== null) counts.fields[field].fp++
  })
  return {pairs, missedGold, spurious}
}

/** The figures of summed counts. */
export function metricResult(counts: MetricCounts): MetricResult {
  const fields = {} as Record<CitationField, FieldScore>
  const micro = emptyCounts()
  for (const field of citationFields) {
    const {tp, fp, fn, equal, withGold} = counts.fields[field]
    fields[field] = {tp, fp, fn, ...rates({tp, fp, fn}), matchedWithGold: withGold, matchedAccuracy: withGold > 0 ? equal / withGold : null}
    add(micro, {tp, fp, fn})
  }
  return {
    gold: counts.gold,
    predicted: counts.predicted,
    matched: counts.matched,
    segmentation: rates({tp: counts.matched, fp: counts.predicted - counts.matched, fn: counts.gold - counts.matched}),
    fields,
    micro: {...micro, ...rates(micro)}
  }
}
