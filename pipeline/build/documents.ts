/**
 * The documents' steps of a build: key each by its content and read the previous build's cache
 * (`planDocuments`), run the per-document stages (pipeline/build/document.ts) on the executor
 * for those the cache lacks (`mapDocuments`), and write each document's Markdown with the
 * bibliography's keys (`writeMarkdown`).
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {Bibliography} from '../bibliography/index.js'
import type {MarkdownFile} from '../html/page.js'
import {openCache, pipelineSalt, readEntry, replayMessages, sha256, type ContentCache} from '../shared/cache.js'
import type {Staging} from '../shared/output.js'
import type {ParsedCitation} from '../shared/types/citation.js'
import type {DocumentMeta, EditionConfig} from '../shared/types/document.js'
import {report} from './catalog.js'
import {parsedJson} from './cached.js'
import {time, type Build} from './context.js'
import {mapTasks, type Executor} from './executor.js'
import {markdownFolder} from './output-folder.js'
import {markdownKind, summaryKind, withKeys} from './entries.js'
import type {DocumentSummary} from './records.js'
import {selectedBy, type LoadedSource, type LoadedSources} from './sources.js'

/** The documents to build, each keyed by its content, and which of them the cache lacks. */
export interface DocumentPlan {
  sources: LoadedSource[]
  madeSidecars: ReadonlySet<LoadedSource>
  edition: EditionConfig
  editionFile: VFile
  keys: string[]
  /** Each document's summary from the cache, until the missing ones are made. */
  summaries: Array<DocumentSummary | undefined>
  /** Indexes of the documents the cache lacks. */
  missing: number[]
  /** True with `--only`: the other documents' outputs are carried over. */
  partial: boolean
  salt: string
  previousCache: string
  onDamaged: (kind: string, key: string) => void
  /** The build's inputs as one hash: unchanged, with every document in the cache, nothing is written. */
  fingerprint: string
  upToDate: boolean
}

/**
 * Key each document by its source, sidecar and the pipeline, and read what the previous
 * build's cache holds. With `--only`: the selected documents, and the others that the previous
 * build left in its cache (no work: the index, bibliography, search and reader stay whole); the
 * outputs of the others are carried over from the previous output.
 */
export async function planDocuments(build: Build, loaded: LoadedSources & {madeSidecars: ReadonlySet<LoadedSource>}, only: readonly string[] | undefined): Promise<DocumentPlan> {
  const previousCache = path.join(path.resolve(build.outDir), '.cache')
  const salt = await pipelineSalt()
  // A damaged entry is a miss: the work is done again, and the output folder's file says so.
  const onDamaged = (kind: string, key: string) => {
    report(build.outputFile, 'cache-entry-damaged', `Unexpected damaged cache entry \`.cache/${kind}/${key.slice(0, 16)}…\`; made again`)
  }
  const readCache = openCache(previousCache, undefined, onDamaged)
  let sources = loaded.sources
  let keys = sources.map((source) => sha256(salt, source.input.path, source.input.bytes, JSON.stringify(source.input.sidecar ?? null)))
  let summaries = await Promise.all(keys.map((key) => cachedSummary(readCache, key)))
  if (only) {
    const selected = selectedBy(only)
    const kept = sources.flatMap((source, index) => (summaries[index] || selected(source.input) ? [index] : []))
    sources = kept.map((index) => sources[index]!)
    keys = kept.map((index) => keys[index]!)
    summaries = kept.map((index) => summaries[index])
  }
  const missing = sources.flatMap((_, index) => (summaries[index] ? [] : [index]))
  const fingerprint = sha256(salt, ...keys, String(loaded.editionFile.value ?? ''), [...build.wanted].sort().join(','), JSON.stringify(only ?? null), process.env.SOURCE_DATE_EPOCH ?? '')
  const upToDate = missing.length === 0 && (await readCache.get('build', 'fingerprint'))?.toString('utf8') === fingerprint
  return {sources, madeSidecars: loaded.madeSidecars, edition: loaded.edition, editionFile: loaded.editionFile, keys, summaries, missing, partial: only !== undefined, salt, previousCache, onDamaged, fingerprint, upToDate}
}

/** A document's summary from the cache; none when its Markdown has gone from the cache. */
async function cachedSummary(cache: ContentCache, key: string): Promise<DocumentSummary | undefined> {
  const hit = await cache.get(summaryKind, key)
  const summary = hit && parsedJson<DocumentSummary>(hit)
  if (!summary) return undefined
  return !summary.markdown || (await cache.has(markdownKind, key)) ? summary : undefined
}

/** A document as the build keeps it between the stages. */
export interface MappedDocument {
  meta: DocumentMeta
  /** The source's diagnostics. */
  file: VFile
  citations: ParsedCitation[]
  /** The document's cache key, and the prefix of its Markdown's placeholder keys. */
  key: string
  placeholder: string
}

/**
 * The per-document stages over the documents the cache lacks, on the executor (the largest
 * first, so the last to finish is a small one); each stores its Markdown and summary in the new
 * cache, where the unchanged documents' entries go too. Returns the documents with Markdown,
 * in edition order, with their diagnostics replayed.
 */
export async function mapDocuments(build: Build, plan: DocumentPlan, executor: Executor, cache: ContentCache, cacheDir: string | undefined): Promise<MappedDocument[]> {
  const {sources, keys, summaries, missing} = plan
  const progress = build.progress
  let processed = 0
  if (missing.length > 0) progress?.('documents', 0, missing.length, '')
  const tasks = missing.map((index) => ({input: sources[index]!.input, store: cacheDir ? {dir: cacheDir, key: keys[index]!} : undefined}))
  const largestFirst = tasks.map((_, at) => at).sort((a, b) => tasks[b]!.input.bytes.length - tasks[a]!.input.bytes.length || a - b)
  const fresh = await mapTasks(executor, 'document', tasks, (at) => progress?.('documents', ++processed, missing.length, path.basename(tasks[at]!.input.path)), largestFirst)
  missing.forEach((index, position) => {
    summaries[index] = fresh[position]
  })
  const processedHere = new Set(missing)
  await Promise.all(keys.map((key, index) => (processedHere.has(index) ? undefined : Promise.all([cache.keep(summaryKind, key), summaries[index]!.markdown ? cache.keep(markdownKind, key) : undefined]))))

  const built: MappedDocument[] = []
  const slugs = new Map<string, string>()
  sources.forEach((source, index) => {
    const summary = summaries[index]!
    // The bytes were read for the key and the document stage; the build needs them no more.
    source.input.bytes = new Uint8Array(0)
    build.files.push(source.file)
    if (source.sidecarFile) build.files.push(source.sidecarFile)
    replayMessages(source.file, summary.messages)
    // Its slug was renamed: the build gave it a sidecar, so ingest did not say it had none.
    if (plan.madeSidecars.has(source)) report(source.file, 'sidecar-missing', 'Unexpected source without a sidecar, expected `' + source.input.path.replace(/\.[^./]+$/, '.yml') + '`; metadata was inferred')
    for (const stage of ['ingest', 'citations', 'markdown'] as const) build.timings[stage] = (build.timings[stage] ?? 0) + (processedHere.has(index) ? summary.timings[stage] : 0)
    const {meta} = summary
    if (!meta || !summary.markdown) return
    const previous = slugs.get(meta.slug)
    if (previous) {
      report(source.file, 'duplicate-slug', `Unexpected slug \`${meta.slug}\`, already used by \`${previous}\`; expected a unique slug`)
      return
    }
    slugs.set(meta.slug, meta.source)
    built.push({meta, file: source.file, citations: summary.citations, key: keys[index]!, placeholder: summary.placeholder})
  })
  // With `--only`, the documents not selected are not read: `order` may name them.
  if (!plan.partial) {
    for (const slug of plan.edition.order) {
      if (!slugs.has(slug)) report(plan.editionFile, 'unknown-document', `Unexpected slug \`${slug}\` in \`order\`, expected the slug of a source`)
    }
  }
  // The citations are kept by the bibliography: the summaries' own lists are released.
  for (const summary of summaries) if (summary) summary.citations = []
  return orderDocuments(built, plan.edition.order)
}

/** Each document's Markdown with the bibliography's keys, written one document at a time. */
export async function writeMarkdown(build: Build, documents: readonly MappedDocument[], bibliography: Bibliography, staging: Staging, cacheDir: string): Promise<{documents: Array<{meta: DocumentMeta; markdown: MarkdownFile}>; largestDocument: number}> {
  const keyByDocument = new Map<string, Map<string, string>>()
  for (const occurrence of bibliography.occurrences) {
    let documentKeys = keyByDocument.get(occurrence.document)
    if (!documentKeys) keyByDocument.set(occurrence.document, (documentKeys = new Map()))
    documentKeys.set(`${occurrence.note}.${occurrence.index}`, occurrence.key)
  }
  const written: Array<{meta: DocumentMeta; markdown: MarkdownFile}> = []
  let largestDocument = 0
  await time(build, 'write-markdown', async () => {
    for (const {meta, key, placeholder} of documents) {
      const documentKeys = keyByDocument.get(meta.slug)
      const markdown = withKeys({placeholder, markdown: (await readEntry(cacheDir, markdownKind, key)).toString('utf8')}, (note, index) => documentKeys?.get(`${note}.${index}`))
      written.push({meta, markdown: {file: await staging.write(`${markdownFolder}/${meta.slug}.md`, markdown), sha256: sha256(markdown)}})
      largestDocument = Math.max(largestDocument, markdown.length)
    }
  })
  return {documents: written, largestDocument}
}

function orderDocuments<T extends {meta: DocumentMeta}>(documents: T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((slug, index) => [slug, index]))
  return [...documents].sort((a, b) => {
    const ra = rank.get(a.meta.slug) ?? Number.POSITIVE_INFINITY
    const rb = rank.get(b.meta.slug) ?? Number.POSITIVE_INFINITY
    return ra === rb ? a.meta.source.localeCompare(b.meta.source) : ra - rb
  })
}
