/**
 * buildEdition(): the one place that knows the order of the stages.
 *
 * sources → (per document, on the executor, through the cache) ingest → citations → annotated
 * Markdown → (corpus-wide) bibliography → keys → exports, HTML, PDF → the output swapped in.
 * Per-document stages depend only on their source and sidecar.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {buildBibliography, type Bibliography} from '../bibliography/index.js'
import type {MarkdownFile} from '../html/page.js'
import {slugOf} from '../ingest/meta.js'
import type {ProgressListener} from '../cli/progress.js'
import {openCache, pipelineSalt, readEntry, replayMessages, sha256, type ContentCache} from '../shared/cache.js'
import {maxEpochSeconds, sourceDateEpoch} from '../shared/dates.js'
import type {Staging} from '../shared/output.js'
import type {ParsedCitation} from '../shared/types/citation.js'
import type {DocumentMeta, EditionConfig} from '../shared/types/document.js'
import {report} from './catalog.js'
import {newBuild, time, type Build, type Format} from './context.js'
import {withKeys} from './document.js'
import {inThisThread, mapTasks, type Executor} from './executor.js'
import {commitOutput, guardOutput, isFileSystemError, listOutputs, markdownFolder, outputUnwritable, stageOutput} from './output-folder.js'
import {markdownKind, summaryKind, type DocumentSummary} from './records.js'
import {renderOutputs} from './render.js'
import {assignSlugs} from './slugs.js'
import {loadSources, type LoadedSource, type LoadedSources} from './sources.js'

export {formats, type Format} from './context.js'

export interface BuildOptions {
  /** Folder of raw sources, sidecars and edition.yml (default `sources`). */
  sources?: string
  /** Output folder (default `output`). */
  out?: string
  /** Outputs to write (default all). Markdown is always built; it is written when listed. */
  formats?: readonly Format[]
  /** Only documents whose slug or source file name matches one of these globs. */
  only?: readonly string[]
  /** Write nothing: diagnostics only (`apparatus check`). */
  dryRun?: boolean
  /**
   * Runs the per-document stages, the formatting of the entries and the document pages, chosen
   * for an edition of `documents` documents, `writes` false when nothing will be rendered (a
   * dry run, an unwritable output) (default: all in this thread; the CLI's uses build threads
   * for a large edition, `editionExecutor`).
   */
  executor?: (documents: number, writes: boolean) => Executor
  /** Progress of the stages: documents, bibliography, format, html, pdf (each starts at 0 done). */
  onProgress?: ProgressListener
}

export const emptyOptions: BuildOptions = {}

export interface BuiltDocument {
  meta: DocumentMeta
  /** The source's diagnostics (its text is not kept: the Markdown is in `markdown/<slug>.md`). */
  file: VFile
}

export interface BuildResult {
  edition: EditionConfig
  documents: BuiltDocument[]
  bibliography: Bibliography
  /** Every file with diagnostics: sources, sidecars, edition.yml, others. */
  files: VFile[]
  /** Output files written, relative to the output folder. */
  outputs: string[]
  /** Milliseconds per stage. */
  timings: Record<string, number>
  /** How many documents went through ingest and citations (the others came from the cache). */
  documentWork: number
  /** True when nothing changed since the last build: nothing was written. */
  upToDate: boolean
}

/** Bad usage found once the sources are read (an `--only` that selects nothing): exit 2, nothing written. */
export class UsageError extends Error {}

/** Build the edition in `options.sources` into `options.out`. */
export async function buildEdition(options: BuildOptions = emptyOptions): Promise<BuildResult> {
  const build = newBuild(options)
  const loaded = await loadEdition(build, options.only)
  if (loaded.unreadable || !(await guardOutput(build))) return nothingBuilt(build, loaded.edition)
  const plan = await planDocuments(build, loaded, options.only)
  const staging = plan.upToDate ? undefined : await stageOutput(build)
  const executor = (options.executor ?? (() => inThisThread))(plan.sources.length, staging !== undefined)
  try {
    const cacheDir = staging && path.join(staging.dir, '.cache')
    const cache = openCache(plan.previousCache, cacheDir, plan.onDamaged)
    const documents = await mapDocuments(build, plan, executor, cache, cacheDir)
    const bibliography = await reduceBibliography(build, documents)
    const result: BuildResult = {edition: loaded.edition, documents: documents.map(({meta, file}) => ({meta, file})), bibliography, files: build.files, outputs: [], timings: build.timings, documentWork: plan.missing.length, upToDate: plan.upToDate}
    if (plan.upToDate) result.outputs = await listOutputs(build)
    if (!staging || !cacheDir) return result
    const written = await writeMarkdown(build, documents, bibliography, staging, cacheDir)
    await renderOutputs(build, {edition: loaded.edition, bibliography, ...written}, staging, {executor, cache, salt: plan.salt})
    await commitOutput(build, staging, cache, plan.fingerprint, plan.partial)
    result.outputs = await listOutputs(build)
    return result
  } catch (error) {
    build.failed = true
    // The threads stop before the staging folder goes.
    await executor.close().catch(() => {})
    await staging?.abort().catch(() => undefined)
    // A file system's refusal (no space, no permission) is the output's diagnostic, with the report.
    if (!isFileSystemError(error)) throw error
    outputUnwritable(build, error, '; the previous output is left as it was')
    return nothingBuilt(build, loaded.edition)
  } finally {
    await build.released
    await executor.close()
  }
}

function nothingBuilt(build: Build, edition: EditionConfig): BuildResult {
  return {edition, documents: [], bibliography: {items: [], occurrences: []}, files: build.files, outputs: [], timings: build.timings, documentWork: 0, upToDate: false}
}

/**
 * Read the sources folder, check `--only` (a pattern that selects nothing is a usage error, a
 * typo, before anything is written) and make the slugs unique, kept off the edition's own
 * files, before anything is keyed by them.
 */
async function loadEdition(build: Build, only: readonly string[] | undefined): Promise<LoadedSources & {madeSidecars: ReadonlySet<LoadedSource>}> {
  const loaded = await time(build, 'load', () => loadSources(build.sourcesDir))
  build.files.push(loaded.editionFile, ...loaded.otherFiles)
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '' && sourceDateEpoch() === undefined) {
    const environment = new VFile({path: 'SOURCE_DATE_EPOCH'})
    report(environment, 'source-date-epoch-invalid', `Unexpected SOURCE_DATE_EPOCH \`${epoch.slice(0, 40)}\`, expected whole seconds since 1970 up to ${maxEpochSeconds} (year 275760); ignored`)
    build.files.push(environment)
  }
  // Without its sources folder (a mistyped --sources) the edition is not replaced by an empty one.
  if (loaded.unreadable) return {...loaded, madeSidecars: new Set()}
  const unmatched = (only ?? []).filter((glob) => !loaded.sources.some(({input}) => selects([glob], input)))
  if (unmatched.length > 0) {
    throw new UsageError(`--only ${unmatched.map((glob) => `\`${glob}\``).join(', ')} matches no source in \`${build.sourcesDir}\` (by slug or file name); nothing was built`)
  }
  return {...loaded, madeSidecars: assignSlugs(loaded.sources)}
}

/** Whether one of the `--only` globs selects a source, by the sidecar's slug or the file name. */
function selects(globs: readonly string[], input: LoadedSource['input']): boolean {
  return globs.some((glob) => {
    const pattern = globToRegExp(glob)
    return pattern.test(input.sidecar?.slug ?? slugOf(input.path)) || pattern.test(path.basename(input.path))
  })
}

/** The documents to build, each keyed by its content, and which of them the cache lacks. */
interface DocumentPlan {
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
async function planDocuments(build: Build, loaded: LoadedSources & {madeSidecars: ReadonlySet<LoadedSource>}, only: readonly string[] | undefined): Promise<DocumentPlan> {
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
    const kept = sources.flatMap((source, index) => (summaries[index] || selects(only, source.input) ? [index] : []))
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
  if (!hit) return undefined
  let summary: DocumentSummary
  try {
    summary = JSON.parse(hit.toString('utf8')) as DocumentSummary
  } catch {
    return undefined
  }
  return !summary.markdown || (await cache.has(markdownKind, key)) ? summary : undefined
}

/** A document as the build keeps it between the stages. */
type MappedDocument = BuiltDocument & {citations: ParsedCitation[]; key: string; placeholder: string}

/**
 * The per-document stages over the documents the cache lacks, on the executor (the largest
 * first, so the last to finish is a small one); each stores its Markdown and summary in the new
 * cache, where the unchanged documents' entries go too. Returns the documents with Markdown,
 * in edition order, with their diagnostics replayed.
 */
async function mapDocuments(build: Build, plan: DocumentPlan, executor: Executor, cache: ContentCache, cacheDir: string | undefined): Promise<MappedDocument[]> {
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

/** The corpus-wide reduce: the documents' citations merged into one bibliography with keys and back-links. */
async function reduceBibliography(build: Build, documents: MappedDocument[]): Promise<Bibliography> {
  build.progress?.('bibliography', 0, 1, '')
  const bibliography = await time(build, 'bibliography', () => buildBibliography(documents))
  build.progress?.('bibliography', 1, 1, `${bibliography.items.length} items`)
  // The parsed citations live on in the bibliography's items and occurrences: the documents'
  // own lists (a CSL item per citation) are released.
  for (const document of documents) document.citations = []
  return bibliography
}

/** Each document's Markdown with the bibliography's keys, written one document at a time. */
async function writeMarkdown(build: Build, documents: readonly MappedDocument[], bibliography: Bibliography, staging: Staging, cacheDir: string): Promise<{documents: Array<{meta: DocumentMeta; markdown: MarkdownFile}>; largestDocument: number}> {
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

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${escaped}$`)
}

function orderDocuments<T extends {meta: DocumentMeta}>(documents: T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((slug, index) => [slug, index]))
  return [...documents].sort((a, b) => {
    const ra = rank.get(a.meta.slug) ?? Number.POSITIVE_INFINITY
    const rb = rank.get(b.meta.slug) ?? Number.POSITIVE_INFINITY
    return ra === rb ? a.meta.source.localeCompare(b.meta.source) : ra - rb
  })
}
