/**
 * The hand-checked gold citations (tests/fixtures/gold/citations.json) as the citations stage
 * hands them over: ParsedCitation[] per document, with the documents' metadata.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import type {BibliographyInput} from '../../pipeline/bibliography/index.js'
import type {ArchivalDocument, LocatorLabel, ParsedCitation} from '../../pipeline/shared/types/citation.js'
import type {CslItemDraft, CslName, CslType} from '../../pipeline/shared/types/csl.js'
import type {DocumentMeta} from '../../pipeline/shared/types/document.js'

export interface GoldRef {
  seed: string
  note: number
  index: number
}

export interface GoldCitation extends GoldRef {
  raw: string
  type: CslType
  author?: CslName[]
  editor?: CslName[]
  translator?: CslName[]
  title?: string
  'container-title'?: string
  publisher?: string
  'publisher-place'?: string
  issued?: string
  volume?: string
  issue?: string
  number?: string
  page?: string
  genre?: string
  URL?: string
  locator?: string
  isShortForm: boolean
  isIbid: boolean
  resolvesTo?: GoldRef | null
  archival?: Record<string, string | boolean | null>
}

export interface GoldCluster {
  id: string
  kind: 'work' | 'archival-document' | 'archival-file'
  members: Array<GoldRef & {raw: string}>
}

const goldDir = fileURLToPath(new URL('../fixtures/gold/', import.meta.url))

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T
}

export const goldCitations: GoldCitation[] = readJson(`${goldDir}citations.json`)
export const goldClusters: GoldCluster[] = readJson(`${goldDir}clusters.json`)

/** Metadata of the five seeds, as their sidecars give it. */
export const seedMetas: Record<string, DocumentMeta> = Object.fromEntries([
  meta('000_2777fb99a9e7d315.txt', 'weathersby-1993-soviet-aims', 'Soviet Aims in Korea and the Origins of the Korean War, 1945-1950: New Evidence from Russian Archives', ['Kathryn Weathersby'], '1993-11', 'working-paper'),
  meta('001_1f59a4efa4a0bdca.txt', 'sino-soviet-relations', 'Sino-Soviet Relations and the Origins of the Korean War', ['Shen Zhihua'], '1997', 'essay'),
  meta('002_7c7138262c288e0f.txt', 'weathersby-2015-origins', 'The Origins of the Korean War: The State of Knowledge', ['Kathryn Weathersby'], '2015', 'essay'),
  meta('003_496bc83017a56cd6.txt', 'gromyko-directive-1949', 'A Directive from Gromyko to Shtykov', [], '2019', 'document-translation'),
  meta('004_83f24317834575db.txt', 'rees-review', 'Review of Uncertain Partners and Soviet Aims in Korea', ['David Rees'], '1995', 'review')
].map((entry) => [entry.source.replace('sources/', ''), entry]))

function meta(file: string, slug: string, title: string, authors: string[], date: string, kind: DocumentMeta['kind']): DocumentMeta {
  return {
    slug, title, authors, date, kind, language: 'en', source: `sources/${file}`, sha256: '0'.repeat(64),
    convention: 'none', truncated: false, counts: {notes: 0, paragraphs: 0, emendations: {}, removed: {}}
  }
}

const archivalUnits = ['archive', 'fond', 'opis', 'delo', 'papka', 'sdCode', 'folios', 'docDate', 'from', 'to', 'description'] as const

function archivalOf(record: Record<string, string | boolean | null>): ArchivalDocument {
  const archival: ArchivalDocument = {}
  for (const unit of archivalUnits) {
    const value = record[unit]
    if (typeof value === 'string') archival[unit] = value
  }
  return archival
}

/** A gold record as a ParsedCitation (the cited page or folio moves to the locator). */
export function toParsed(record: GoldCitation): ParsedCitation {
  const item: CslItemDraft = {type: record.type}
  if (record.author && record.author.length > 0) item.author = record.author
  if (record.editor && record.editor.length > 0) item.editor = record.editor
  if (record.translator && record.translator.length > 0) item.translator = record.translator
  for (const field of ['title', 'container-title', 'publisher', 'publisher-place', 'volume', 'issue', 'number', 'genre', 'URL'] as const) {
    const value = record[field]
    if (value) item[field] = value
  }
  if (record.issued) item.issued = {raw: record.issued}
  const citation: ParsedCitation = {
    note: record.note,
    index: record.index,
    text: record.raw,
    item,
    ibid: record.isIbid,
    shortForm: record.isShortForm
  }
  let label: LocatorLabel | undefined
  if (record.archival) {
    citation.archival = archivalOf(record.archival)
    if (citation.archival.folios) {
      citation.locator = citation.archival.folios
      label = 'folio'
    }
  } else if (record.locator) {
    citation.locator = record.locator
    label = /chapter/i.test(record.locator) ? 'chapter' : undefined
  } else if (record.page) {
    citation.locator = record.page
    label = 'page'
  }
  if (label) citation.label = label
  if (record.resolvesTo !== undefined) {
    citation.resolvesTo = record.resolvesTo ? {note: record.resolvesTo.note, index: record.resolvesTo.index} : null
  }
  return citation
}

/** The gold citations as bibliography input, one entry per seed in reading order. */
export function goldInput(extra: Record<string, ParsedCitation[]> = {}): BibliographyInput[] {
  const bySeed = new Map<string, ParsedCitation[]>()
  for (const record of goldCitations) {
    const list = bySeed.get(record.seed) ?? []
    list.push(toParsed(record))
    bySeed.set(record.seed, list)
  }
  return Object.entries(seedMetas).map(([seed, entry]) => ({
    meta: entry,
    citations: [...(bySeed.get(seed) ?? []), ...(extra[seed] ?? [])],
    file: new VFile({path: entry.source})
  }))
}

/** `seed note.index` of a gold reference. */
export function refId(ref: GoldRef): string {
  return `${ref.seed.slice(0, 3)} ${ref.note}.${ref.index}`
}

interface ExtraFixture {
  citations: Record<string, ParsedCitation[]>
  documents: Array<{meta: Pick<DocumentMeta, 'slug' | 'title' | 'authors' | 'date' | 'kind' | 'language' | 'source'>; citations: ParsedCitation[]}>
}

const extraFixture: ExtraFixture = readJson(fileURLToPath(new URL('../fixtures/bibliography/extra/input.json', import.meta.url)))

/** The gold input plus the extra fixture: 001 notes 59-60 and a Russian document with TeX specials. */
export function fullInput(): BibliographyInput[] {
  const docs = goldInput(extraFixture.citations)
  for (const document of extraFixture.documents) {
    const entry: DocumentMeta = {
      ...document.meta, sha256: '0'.repeat(64), convention: 'none', truncated: false,
      counts: {notes: 0, paragraphs: 0, emendations: {}, removed: {}}
    }
    docs.push({meta: entry, citations: document.citations, file: new VFile({path: entry.source})})
  }
  return docs
}
