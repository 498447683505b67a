/**
 * The parsed citations of a corpus gold file (its `citations`: CSL-like records per note, see
 * `npm run eval -- --corpus`) against the build's `bib/citations.json` and
 * `bib/bibliography.json`, with the metric of the shared `citation-score` script
 * (`citation-metric.ts`). A gold note is the build's note that the note placement gives it.
 *
 * The gold annotates the notes from the first to the last one it lists citations for; those
 * are scored (a note in that stretch without gold citations counts what we find in it as
 * spurious), the rest are not. Gold `raw` strings are verbatim source and our citation texts
 * annotated Markdown: both are compared as visible text, as the notes are (tags, entities,
 * proofer queries and emphasis marks dropped, an emendation read by its original).
 *
 * Beyond the metric: resolution (a gold ibid. or short form whose `resolvesTo` lies in the
 * excerpt is right when our citation has the bibliography key of the citation matched to the
 * gold target), and the accuracy of `volume` and `locator` (book, chapter, section) on matched pairs.
 */
import {z} from 'zod'
import {
  addMetricCounts,
  emptyMetricCounts,
  goldFieldValues,
  jaccard,
  metricResult,
  predictedFieldValues,
  scoreNote,
  type CitationField,
  type MetricCounts,
  type MetricResult,
  type ScoredGold,
  type ScoredPrediction
} from './citation-metric.js'
import {normalizeVisible, visibleMarkdown} from './notes.js'

const nameSchema = z.object({family: z.string().optional(), given: z.string().optional(), literal: z.string().optional(), 'non-dropping-particle': z.string().optional()}).passthrough()

export const goldCitationSchema = z
  .object({
    note: z.number(),
    index: z.number(),
    raw: z.string(),
    type: z.string().optional(),
    author: z.array(nameSchema).optional(),
    title: z.string().optional(),
    'container-title': z.string().optional(),
    issued: z.string().optional(),
    volume: z.string().optional(),
    page: z.string().optional(),
    locator: z.string().optional(),
    isIbid: z.boolean().optional(),
    isShortForm: z.boolean().optional(),
    resolvesTo: z.object({note: z.number(), index: z.number()}).nullable().optional(),
    resolvesOutsideExcerpt: z.boolean().optional()
  })
  .passthrough()
export type GoldCitation = z.infer<typeof goldCitationSchema>

/** A record of `bib/citations.json`. */
export const occurrenceSchema = z
  .object({
    document: z.string(),
    note: z.number(),
    index: z.number(),
    text: z.string(),
    markdown: z.string().optional(),
    key: z.string(),
    locator: z.string().optional(),
    label: z.string().optional(),
    page: z.string().optional(),
    ibid: z.boolean().optional(),
    shortForm: z.boolean().optional()
  })
  .passthrough()
export type Occurrence = z.infer<typeof occurrenceSchema>

/** The parts of a `bib/bibliography.json` item read here. */
export const itemSchema = z
  .object({
    id: z.string(),
    author: z.array(nameSchema).optional(),
    title: z.string().optional(),
    'container-title': z.string().optional(),
    issued: z.object({'date-parts': z.array(z.array(z.union([z.number(), z.string(), z.null()]))).optional(), literal: z.string().optional(), raw: z.string().optional()}).passthrough().optional(),
    page: z.string().optional(),
    volume: z.union([z.string(), z.number()]).optional()
  })
  .passthrough()
export type BibliographyItem = z.infer<typeof itemSchema>

export type DisagreementClass = 'missed' | 'spurious' | CitationField | 'resolution' | 'volume' | 'locator'

/** One disagreement between the gold and our citations, for a developer to read. */
export interface CitationDisagreement {
  class: DisagreementClass
  /** The gold note (`n`). */
  note: number
  /** Our note number (citations.json `note`), or null when no note of ours is the gold note. */
  ourNote: number | null
  /** The gold citation as visible text. */
  gold: string | null
  /** Our citation's text as citations.json gives it (plain text; the metric reads the visible text of its `markdown`, or of `text` where a citations.json written before `markdown` existed has Markdown there). */
  ours: string | null
  /** For a field: the values as compared (normalised); for resolution: the bibliography key of our citation matched to the gold target, and ours. */
  goldValue: string | null
  ourValue: string | null
  detail?: string
}

export interface Tally {
  total: number
  correct: number
  accuracy: number | null
}

export interface TextCitationScore extends MetricResult {
  /** Gold notes scored (from the first to the last with gold citations). */
  notesScored: number
  /** Of those, the gold notes no note of ours stands for (all their citations are missed). */
  unmappedNotes: number[]
  resolution: Tally
  volume: Tally
  locator: Tally
  disagreements: CitationDisagreement[]
  counts: MetricCounts
  extra: ExtraCounts
}

export interface ExtraCounts {
  resolution: [number, number]
  volume: [number, number]
  locator: [number, number]
}

const tally = ([correct, total]: [number, number]): Tally => ({total, correct, accuracy: total > 0 ? correct / total : null})

/** A volume as its words, lower-cased, without a leading label (`vol.`, `t.`, `Bd.`). */
export function normalizeVolume(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const text = String(value).normalize('NFKC').toLowerCase().replace(/^\s*(?:vols?|v|t|tome|tom|bd|band|volume)\.?\s*/u, '')
  const words = text.match(/[\p{L}\p{N}]+/gu)
  return words ? words.join(' ') : null
}

/** A book/chapter/section locator as its numbers, without labels (`l. xliv. [c. 17,]` → `xliv 17`). */
export function normalizeLocator(value: string | null | undefined): string | null {
  if (!value) return null
  const text = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/§+/gu, ' ')
    .replace(/(?<![\p{L}\p{N}])(?:l|lib|liv|livre|book|bk|bks|c|cap|capp|ch|chap|chapter|sect|sec|s|art|n|no|v|vv|p|pp|f|ff|fol|epist|ep)\.(?=\s|\p{N}|$)/gu, ' ')
  const words = text.match(/[\p{L}\p{N}]+/gu)
  return words ? words.join(' ') : null
}

/** The gold note numbers scored: every gold note up to the last one with gold citations. */
export function scoredNotes(notes: ReadonlyArray<{n: number}>, citations: readonly GoldCitation[]): number[] {
  const last = Math.max(0, ...citations.map((citation) => citation.note))
  return notes.map((note) => note.n).filter((n) => n <= last)
}

interface Prediction extends ScoredPrediction {
  occurrence: Occurrence
  item: BibliographyItem | undefined
}

interface Gold extends ScoredGold {
  citation: GoldCitation
}

const byPosition = (a: {index: number}, b: {index: number}) => a.index - b.index

/**
 * Score the gold citations of one text. `ourNoteOf(n)` gives our note number for gold note `n`
 * (undefined: none); `occurrences` are this document's records of citations.json.
 */
export function scoreTextCitations(
  goldNotes: ReadonlyArray<{n: number}>,
  goldCitations: readonly GoldCitation[],
  ourNoteOf: (n: number) => number | undefined,
  occurrences: readonly Occurrence[],
  items: ReadonlyMap<string, BibliographyItem>
): TextCitationScore {
  const counts = emptyMetricCounts()
  const extra: ExtraCounts = {resolution: [0, 0], volume: [0, 0], locator: [0, 0]}
  const disagreements: CitationDisagreement[] = []
  const unmappedNotes: number[] = []
  const ourOf = new Map<number, Occurrence[]>()
  for (const occurrence of occurrences) {
    const list = ourOf.get(occurrence.note) ?? []
    list.push(occurrence)
    ourOf.set(occurrence.note, list)
  }
  // Gold (note, index) → the prediction it is matched to.
  const matchedTo = new Map<string, Prediction>()
  const scope = scoredNotes(goldNotes, goldCitations)
  const goldByNote = new Map<number, GoldCitation[]>()
  for (const citation of goldCitations) {
    const list = goldByNote.get(citation.note) ?? []
    list.push(citation)
    goldByNote.set(citation.note, list)
  }
  for (const list of goldByNote.values()) list.sort(byPosition)
  const goldOf = (n: number): readonly GoldCitation[] => goldByNote.get(n) ?? []
  const gold = (citation: GoldCitation): Gold => ({raw: normalizeVisible(citation.raw), fields: goldFieldValues(citation), citation})
  for (const n of scope) {
    const ourNote = ourNoteOf(n)
    const golds = goldOf(n).map(gold)
    if (ourNote === undefined) unmappedNotes.push(n)
    const predicted: Prediction[] = (ourNote === undefined ? [] : [...(ourOf.get(ourNote) ?? [])].sort(byPosition)).map((occurrence) => {
      const item = items.get(occurrence.key)
      return {text: visibleMarkdown(occurrence.markdown ?? occurrence.text), fields: predictedFieldValues(item, occurrence.page ?? occurrence.locator), exempt: Boolean(occurrence.ibid || occurrence.shortForm), occurrence, item}
    })
    const outcome = scoreNote({gold: golds, predicted}, counts)
    const at = {note: n, ourNote: ourNote ?? null}
    for (const pair of outcome.pairs) {
      const g = golds[pair.gold]!
      const p = predicted[pair.predicted]!
      matchedTo.set(`${g.citation.note}.${g.citation.index}`, p)
      for (const wrong of pair.wrong) {
        const detail = wrong.predicted !== null && wrong.gold === null ? 'only ours sets it' : undefined
        disagreements.push({class: wrong.field, ...at, gold: g.raw, ours: p.occurrence.text, goldValue: wrong.gold, ourValue: wrong.predicted, ...(detail ? {detail} : {})})
      }
      const volume = normalizeVolume(g.citation.volume)
      if (volume !== null) {
        const ours = normalizeVolume(p.item?.volume ?? (p.occurrence.label === 'volume' ? p.occurrence.locator : undefined))
        extra.volume[1]++
        if (ours === volume) extra.volume[0]++
        else disagreements.push({class: 'volume', ...at, gold: g.raw, ours: p.occurrence.text, goldValue: volume, ourValue: ours})
      }
      const locator = normalizeLocator(g.citation.locator)
      if (locator !== null) {
        const ours = p.occurrence.label === 'page' ? null : normalizeLocator(p.occurrence.locator)
        extra.locator[1]++
        if (ours === locator) extra.locator[0]++
        else disagreements.push({class: 'locator', ...at, gold: g.raw, ours: p.occurrence.text, goldValue: locator, ourValue: ours, detail: `our locator ${p.occurrence.locator === undefined ? 'none' : `\`${p.occurrence.locator}\` (${p.occurrence.label ?? 'no label'})`}`})
      }
    }
    for (const index of outcome.missedGold) {
      const g = golds[index]!
      const best = Math.max(0, ...predicted.map((p) => jaccard(p.text, g.raw)))
      disagreements.push({
        class: 'missed',
        ...at,
        gold: g.raw,
        ours: null,
        goldValue: null,
        ourValue: null,
        detail: ourNote === undefined ? 'no note of ours is this gold note' : predicted.length === 0 ? 'no citation in our note' : `best Jaccard ${best.toFixed(2)} among ours: ${predicted.map((p) => `\`${p.occurrence.text}\``).join(' | ')}`
      })
    }
    for (const index of outcome.spurious) {
      const p = predicted[index]!
      disagreements.push({class: 'spurious', ...at, gold: null, ours: p.occurrence.text, goldValue: null, ourValue: null, detail: golds.length === 0 ? 'the gold has no citation in this note' : `gold: ${golds.map((g) => `\`${g.raw}\``).join(' | ')}`})
    }
  }
  for (const n of scope) {
    for (const citation of goldOf(n)) {
      if (!(citation.isIbid || citation.isShortForm) || !citation.resolvesTo) continue
      extra.resolution[1]++
      const target = goldCitations.find((other) => other.note === citation.resolvesTo!.note && other.index === citation.resolvesTo!.index)
      const ours = matchedTo.get(`${citation.note}.${citation.index}`)
      const theirs = target ? matchedTo.get(`${target.note}.${target.index}`) : undefined
      if (ours && theirs && ours.occurrence.key === theirs.occurrence.key) {
        extra.resolution[0]++
        continue
      }
      const targetText = target ? normalizeVisible(target.raw) : '?'
      const detail = !ours
        ? 'our citation is not matched'
        : !theirs
          ? `the gold target n=${citation.resolvesTo.note} \`${targetText}\` is not matched`
          : `ours resolves to \`${ours.occurrence.key}\`, the target n=${citation.resolvesTo.note} \`${targetText}\` is \`${theirs.occurrence.key}\``
      disagreements.push({class: 'resolution', note: n, ourNote: ourNoteOf(n) ?? null, gold: normalizeVisible(citation.raw), ours: ours?.occurrence.text ?? null, goldValue: theirs?.occurrence.key ?? null, ourValue: ours?.occurrence.key ?? null, detail})
    }
  }
  return {...metricResult(counts), notesScored: scope.length, unmappedNotes, resolution: tally(extra.resolution), volume: tally(extra.volume), locator: tally(extra.locator), disagreements, counts, extra}
}

/** The figures of several texts' scores together (the metric's counts summed). */
export function totalCitationScore(scores: readonly TextCitationScore[]): Omit<TextCitationScore, 'disagreements' | 'unmappedNotes'> {
  const counts = emptyMetricCounts()
  const extra: ExtraCounts = {resolution: [0, 0], volume: [0, 0], locator: [0, 0]}
  let notesScored = 0
  for (const score of scores) {
    addMetricCounts(counts, score.counts)
    notesScored += score.notesScored
    for (const key of ['resolution', 'volume', 'locator'] as const) {
      extra[key][0] += score.extra[key][0]
      extra[key][1] += score.extra[key][1]
    }
  }
  return {...metricResult(counts), notesScored, resolution: tally(extra.resolution), volume: tally(extra.volume), locator: tally(extra.locator), counts, extra}
}

/** One disagreement on one line: where, what, gold against ours. */
export function formatDisagreement(disagreement: CitationDisagreement): string {
  const {note, ourNote, gold, ours, goldValue, ourValue, detail} = disagreement
  const where = `n=${note}${ourNote === null ? ' (no note of ours)' : ourNote === note ? '' : ` (our note ${ourNote})`}`
  const value = (text: string | null) => (text === null ? 'none' : `\`${text}\``)
  const parts = [`${where} ${disagreement.class}:`]
  if (gold !== null) parts.push(`gold \`${gold}\``)
  if (ours !== null) parts.push(`${gold !== null ? '| ' : ''}ours \`${ours}\``)
  if (disagreement.class === 'resolution') parts.push(`— the gold target's key ${value(goldValue)}, ours ${value(ourValue)}`)
  else if (disagreement.class !== 'missed' && disagreement.class !== 'spurious') parts.push(`— gold ${value(goldValue)}, ours ${value(ourValue)}`)
  if (detail) parts.push(`(${detail})`)
  return parts.join(' ')
}
