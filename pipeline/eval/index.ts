/**
 * Evaluation of the citations stage (and the bibliography's clustering) against the
 * hand-checked gold data: ingest + extractCitations on the seeds, in process, compared
 * record by record, matched by (seed, note, index).
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {z} from 'zod'
import {buildBibliography} from '../bibliography/index.js'
import {extractCitations} from '../citations/index.js'
import {ingestSource} from '../ingest/index.js'
import {loadSources} from '../build/sources.js'
import type {ParsedCitation} from '../shared/types/citation.js'
import type {CslDate, CslItemDraft, CslName} from '../shared/types/csl.js'
import type {DocumentMeta} from '../shared/types/document.js'
import {notesFromGold, treeFromNotes} from './gold-notes.js'
import {add, type Counts, emptyCounts, pairCounts, type Scores, scores} from './metrics.js'
import {normalizeDate, normalizeLocator, normalizeNames, normalizeText} from './normalize.js'

export interface EvaluateOptions {
  /** Folder of sources (default: `sources`). */
  sources?: string
  /** Folder of gold data (default: `tests/fixtures/gold`). */
  gold?: string
  /** Cut notes with the gold note boundaries instead of running ingest (default: false). */
  goldNotes?: boolean
}

const emptyOptions: EvaluateOptions = {}

const goldRef = z.object({seed: z.string(), note: z.number(), index: z.number()})
type GoldRef = z.infer<typeof goldRef>

const goldName = z.object({family: z.string().optional(), given: z.string().optional(), suffix: z.string().optional(), literal: z.string().optional()})

/** One gold record: the fields we compare (the rest is commentary for people) pass through. */
const goldCitation = goldRef
  .extend({
    raw: z.string(),
    type: z.string(),
    author: z.array(goldName).optional(),
    editor: z.array(goldName).optional(),
    translator: z.array(goldName).optional(),
    isShortForm: z.boolean(),
    isIbid: z.boolean(),
    resolvesTo: goldRef.nullable().optional(),
    archival: z.record(z.unknown()).optional()
  })
  .passthrough()
type GoldCitation = z.infer<typeof goldCitation>

const goldCluster = z.object({
  id: z.string(),
  kind: z.enum(['work', 'archival-file', 'archival-document']),
  members: z.array(goldRef)
})
type GoldCluster = z.infer<typeof goldCluster>

const goldNotes = z.record(z.object({notes: z.array(z.object({n: z.number(), noteStart: z.string(), noteEnd: z.string(), noteLine: z.number()}))}))

async function readJson<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<T> {
  return schema.parse(JSON.parse(await readFile(file, 'utf8')))
}

/** Fields compared, in CSL-JSON names; `page` is the cited page or folio range. */
export const fields = [
  'type', 'author', 'editor', 'translator', 'title', 'container-title', 'publisher', 'publisher-place',
  'issued', 'volume', 'issue', 'page', 'locator', 'number', 'genre', 'URL'
] as const
type Field = (typeof fields)[number]

/** Archival fields that must all agree for an exact match. */
const archivalFields = ['archive', 'fond', 'opis', 'delo', 'papka', 'folios', 'sdCode', 'docDate'] as const

export interface Evaluation {
  split: Scores
  fields: Record<string, Scores>
  fieldsOverall: Scores
  types: Record<string, Scores>
  archival: {exact: number; total: number; rate: number; byField: Record<string, number>}
  resolution: {correct: number; total: number; accuracy: number}
  clusters?: {work: Scores; file: Scores; overall: Scores}
  /** Disagreements, for reading. */
  mismatches: string[]
}

function refKey(ref: GoldRef): string {
  return `${ref.seed}#${ref.note}.${ref.index}`
}

function predictedValue(citation: ParsedCitation, field: Field): string | undefined {
  const item: CslItemDraft = citation.item
  switch (field) {
    case 'type':
      return item.type
    case 'author':
    case 'editor':
    case 'translator':
      return normalizeNames(item[field])
    case 'issued':
      return normalizeDate(item.issued)
    case 'page':
      return citation.label === 'page' || citation.label === 'folio' ? normalizeLocator(citation.locator) : undefined
    case 'locator':
      return citation.label && citation.label !== 'page' && citation.label !== 'folio' ? normalizeText(citation.locator ?? '') : undefined
    default: {
      const value = item[field]
      return typeof value === 'string' && value !== '' ? normalizeText(value) : undefined
    }
  }
}

function isNames(value: unknown): value is CslName[] {
  return Array.isArray(value)
}

function goldValue(record: GoldCitation, field: Field): string | undefined {
  const value = record[field]
  if (value === undefined || value === null) return undefined
  if (field === 'author' || field === 'editor' || field === 'translator') return isNames(value) ? normalizeNames(value) : undefined
  if (field === 'issued') return typeof value === 'string' ? normalizeDate({raw: value} satisfies CslDate) : undefined
  if (field === 'page') return typeof value === 'string' ? normalizeLocator(value) : undefined
  return typeof value === 'string' ? normalizeText(value) : undefined
}

function tokens(value: string): Set<string> {
  return new Set(normalizeText(value).split(/[^\p{L}\p{N}]+/u).filter(Boolean))
}

/** Token overlap of two printed citations (Dice coefficient). */
function overlap(a: string, b: string): number {
  const left = tokens(a)
  const right = tokens(b)
  if (left.size + right.size === 0) return 1
  let shared = 0
  for (const token of left) if (right.has(token)) shared++
  return (2 * shared) / (left.size + right.size)
}

interface SeedRun {
  seed: string
  meta: DocumentMeta
  file: VFile
  citations: ParsedCitation[]
}

async function runSeeds(options: EvaluateOptions, gold: string): Promise<SeedRun[]> {
  const loaded = await loadSources(options.sources ?? 'sources')
  const notes = options.goldNotes ? await readJson(path.join(gold, 'notes.json'), goldNotes) : undefined
  const runs: SeedRun[] = []
  for (const source of loaded.sources) {
    const seed = path.basename(source.input.path)
    const ingested = ingestSource(source.input, source.file)
    if (!ingested) continue
    let tree = ingested.tree
    const seedNotes = notes?.[seed]
    if (seedNotes) tree = treeFromNotes(notesFromGold(new TextDecoder().decode(source.input.bytes), seedNotes.notes))
    const file = new VFile({path: source.input.path, value: String(source.file.value)})
    const citations = extractCitations(tree, ingested.meta, file)
    runs.push({seed, meta: ingested.meta, file, citations})
  }
  return runs
}

/** Run the pipeline on the seeds and compare with the gold data. */
export async function evaluate(options: EvaluateOptions = emptyOptions): Promise<Evaluation> {
  const gold = options.gold ?? 'tests/fixtures/gold'
  const records = await readJson(path.join(gold, 'citations.json'), z.array(goldCitation))
  const clusters = await readJson(path.join(gold, 'clusters.json'), z.array(goldCluster))
  const runs = await runSeeds(options, gold)
  const mismatches: string[] = []

  // The gold set covers every note of a seed up to its last recorded note.
  const scope = new Map<string, number>()
  for (const record of records) scope.set(record.seed, Math.max(scope.get(record.seed) ?? 0, record.note))
  const predicted = new Map<string, ParsedCitation>()
  for (const run of runs) {
    const last = scope.get(run.seed)
    if (last === undefined) continue
    for (const citation of run.citations) {
      if (citation.note <= last) predicted.set(refKey({seed: run.seed, note: citation.note, index: citation.index}), citation)
    }
  }

  const split = emptyCounts()
  const fieldCounts = new Map<string, Counts>(fields.map((field) => [field, emptyCounts()]))
  const typeCounts = new Map<string, Counts>()
  const typeOf = (type: string) => {
    const counts = typeCounts.get(type) ?? emptyCounts()
    typeCounts.set(type, counts)
    return counts
  }
  const archivalByField = new Map<string, number>(archivalFields.map((field) => [field, 0]))
  let archivalExact = 0
  let archivalTotal = 0
  let resolved = 0
  let resolvable = 0
  const matched = new Set<string>()

  for (const record of records) {
    const key = refKey(record)
    const citation = predicted.get(key)
    const similar = citation ? overlap(citation.text, record.raw) >= 0.5 : false
    if (citation && similar) {
      split.tp++
      matched.add(key)
    } else {
      split.fn++
      mismatches.push(`split   ${key}: gold \`${record.raw}\` / got \`${citation?.text ?? '—'}\``)
    }
    for (const field of fields) {
      const expected = field === 'type' ? record.type : goldValue(record, field)
      // Ibid. records in the gold data carry only type and locator.
      if (record.isIbid && field !== 'type' && field !== 'page' && field !== 'locator') continue
      const got = citation ? predictedValue(citation, field) : undefined
      const counts = fieldCounts.get(field) ?? emptyCounts()
      if (expected !== undefined && got !== undefined && expected === got) counts.tp++
      else {
        if (got !== undefined) counts.fp++
        if (expected !== undefined) counts.fn++
        if (expected !== undefined || got !== undefined) mismatches.push(`field   ${key} ${field}: gold \`${expected ?? '—'}\` / got \`${got ?? '—'}\``)
      }
    }
    const goldType = record.type
    const gotType = citation?.item.type
    if (gotType === goldType) typeOf(goldType).tp++
    else {
      typeOf(goldType).fn++
      if (gotType) typeOf(gotType).fp++
    }
    if (record.archival) {
      archivalTotal++
      let exact = true
      for (const field of archivalFields) {
        const expected = record.archival[field]
        const got = citation?.archival?.[field]
        const same = (expected ?? undefined) === (typeof got === 'string' ? got : undefined)
        if (same) archivalByField.set(field, (archivalByField.get(field) ?? 0) + 1)
        else {
          exact = false
          mismatches.push(`archive ${key} ${field}: gold \`${String(expected ?? '—')}\` / got \`${typeof got === 'string' ? got : '—'}\``)
        }
      }
      if (exact) archivalExact++
    }
    if (record.isIbid || record.isShortForm) {
      resolvable++
      const expected = record.resolvesTo ? `${record.resolvesTo.note}.${record.resolvesTo.index}` : 'null'
      const got = citation?.resolvesTo ? `${citation.resolvesTo.note}.${citation.resolvesTo.index}` : citation?.resolvesTo === null ? 'null' : '—'
      const flags = citation !== undefined && citation.ibid === record.isIbid && citation.shortForm === record.isShortForm
      if (flags && expected === got) resolved++
      else mismatches.push(`resolve ${key}: gold ${record.isIbid ? 'ibid' : 'short'} → ${expected} / got ${citation?.ibid ? 'ibid' : citation?.shortForm ? 'short' : 'full'} → ${got}`)
    }
  }
  for (const [key, citation] of predicted) {
    if (matched.has(key)) continue
    if (!records.some((record) => refKey(record) === key)) {
      split.fp++
      mismatches.push(`extra   ${key}: \`${citation.text}\``)
    } else split.fp++
  }

  const evaluation: Evaluation = {
    split: scores(split),
    fields: Object.fromEntries([...fieldCounts].map(([field, counts]) => [field, scores(counts)])),
    fieldsOverall: scores([...fieldCounts.values()].reduce((total, counts) => {
      add(total, counts)
      return total
    }, emptyCounts())),
    types: Object.fromEntries([...typeCounts].sort(([a], [b]) => a.localeCompare(b)).map(([type, counts]) => [type, scores(counts)])),
    archival: {
      exact: archivalExact,
      total: archivalTotal,
      rate: archivalTotal === 0 ? 1 : archivalExact / archivalTotal,
      byField: Object.fromEntries([...archivalByField].map(([field, count]) => [field, archivalTotal === 0 ? 1 : count / archivalTotal]))
    },
    resolution: {correct: resolved, total: resolvable, accuracy: resolvable === 0 ? 1 : resolved / resolvable},
    mismatches
  }
  evaluation.clusters = clusterScores(runs, records, clusters)
  return evaluation
}

/** Pairwise clustering scores of the bibliography: works and documents by key, files by location. */
function clusterScores(runs: SeedRun[], records: GoldCitation[], clusters: GoldCluster[]): Evaluation['clusters'] {
  const bibliography = buildBibliography(runs.map((run) => ({meta: run.meta, citations: run.citations, file: run.file})))
  const slugToSeed = new Map(runs.map((run) => [run.meta.slug, run.seed]))
  const keyOf = new Map<string, string>()
  for (const occurrence of bibliography.occurrences) {
    const seed = slugToSeed.get(occurrence.document) ?? path.basename(occurrence.source)
    keyOf.set(refKey({seed, note: occurrence.note, index: occurrence.index}), occurrence.key)
  }
  const itemOf = new Map(bibliography.items.map((item) => [item.id, item]))
  const fileOf = (key: string): string | undefined => {
    const archival = itemOf.get(key)?.custom?.archival
    if (!archival || archival.fond === undefined) return undefined
    return [archival.archive, archival.fond, archival.opis, archival.delo].join('|')
  }

  const goldWork = new Map<string, string>()
  const goldFile = new Map<string, string>()
  for (const record of records) {
    goldWork.set(refKey(record), `single:${refKey(record)}`)
    if (record.archival?.['fond']) goldFile.set(refKey(record), `single:${refKey(record)}`)
  }
  const fileCluster = new Map<string, string>()
  for (const cluster of clusters) {
    if (cluster.kind === 'archival-file') for (const member of cluster.members) fileCluster.set(refKey(member), cluster.id)
  }
  for (const cluster of clusters) {
    const keys = cluster.members.map(refKey)
    if (cluster.kind === 'archival-file') {
      for (const key of keys) goldFile.set(key, cluster.id)
      continue
    }
    for (const key of keys) goldWork.set(key, cluster.id)
    // Copies of one document are in one file: the file cluster of any copy, else their own.
    if (cluster.kind === 'archival-document') {
      const file = keys.map((key) => fileCluster.get(key)).find((id) => id !== undefined) ?? cluster.id
      for (const key of keys) goldFile.set(key, file)
    }
  }
  const predictedWork = new Map<string, string>()
  const predictedFile = new Map<string, string>()
  for (const id of new Set([...goldWork.keys(), ...goldFile.keys()])) {
    const key = keyOf.get(id)
    predictedWork.set(id, key ?? `missing:${id}`)
    predictedFile.set(id, (key && fileOf(key)) ?? `missing:${id}`)
  }
  const work = pairCounts(goldWork, predictedWork)
  const file = pairCounts(goldFile, predictedFile)
  const overall = emptyCounts()
  add(overall, work)
  add(overall, file)
  return {work: scores(work), file: scores(file), overall: scores(overall)}
}
