/**
 * buildEdition(): the one place that knows the order of the stages.
 *
 * sources → ingest → citations (per document) → bibliography (corpus-wide) → keys → annotated
 * Markdown → exports, HTML, PDF. Per-document stages depend only on their source and sidecar.
 */
import {readdir, readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {buildBibliography, type Bibliography} from '../bibliography/index.js'
import {writeDocumentExports} from '../export/index.js'
import {cached} from './cached.js'
import {cachedPages, formatWithCache} from './formatted-cache.js'
import {openCache, pipelineSalt, readEntry, replayMessages, sha256} from '../shared/cache.js'
import {withKeys} from './document.js'
import {report} from './catalog.js'
import {formatOn, inThisThread, mapTasks, type Executor} from './executor.js'
import {renderSite} from '../html/index.js'
import type {MarkdownFile} from '../html/page.js'
import {slugOf} from '../ingest/meta.js'
import type {ProgressListener} from '../cli/progress.js'
import {carryOver, isErrno, outputMarker, outputRefusal, recoverOutput, removeLeftovers, stage, type Staging} from '../shared/output.js'
import {markdownKind, summaryKind, type DocumentSummary} from './records.js'
import {assignSlugs} from './slugs.js'
import {loadSources} from './sources.js'
import {maxEpochSeconds, sourceDateEpoch} from '../shared/dates.js'
import type {ParsedCitation} from '../shared/types/citation.js'
import type {DocumentMeta, EditionConfig} from '../shared/types/document.js'

export const formats = ['markdown', 'bib', 'tei', 'pandoc', 'html', 'pdf'] as const
export type Format = (typeof formats)[number]

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
   * for an edition of `documents` documents (default: all in this thread; the CLI's uses build
   * threads for a large edition, `editionExecutor`).
   */
  executor?: (documents: number) => Executor
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

/** Build the edition in `options.sources` into `options.out`. */
export async function buildEdition(options: BuildOptions = emptyOptions): Promise<BuildResult> {
  const sourcesDir = options.sources ?? 'sources'
  const outDir = options.out ?? 'output'
  const wanted = new Set<Format>(options.formats ?? formats)
  const timings: Record<string, number> = {}
  const time = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now()
    try {
      return await run()
    } finally {
      timings[name] = (timings[name] ?? 0) + (performance.now() - start)
    }
  }

  // The output folder's diagnostics: refused, restored, unwritable, its cache's damaged entries.
  const outputFile = new VFile({path: displayPath(path.resolve(outDir))})
  const loaded = await time('load', () => loadSources(sourcesDir))
  const files: VFile[] = [outputFile, loaded.editionFile, ...loaded.otherFiles]
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '' && sourceDateEpoch() === undefined) {
    const environment = new VFile({path: 'SOURCE_DATE_EPOCH'})
    report(environment, 'source-date-epoch-invalid', `Unexpected SOURCE_DATE_EPOCH \`${epoch.slice(0, 40)}\`, expected whole seconds since 1970 up to ${maxEpochSeconds} (year 275760); ignored`)
    files.push(environment)
  }
  // Without its sources folder (a mistyped --sources) the edition is not replaced by an empty one.
  if (loaded.unreadable) {
    return {edition: loaded.edition, documents: [], bibliography: {items: [], occurrences: []}, files, outputs: [], timings, documentWork: 0, upToDate: false}
  }
  // `--only` selects by the sidecar's slug or the file name; a pattern that selects nothing is
  // a usage error (a typo), before anything is written.
  const onlyPatterns = options.only?.map(globToRegExp)
  const selects = (pattern: RegExp, input: (typeof loaded.sources)[number]['input']) => pattern.test(input.sidecar?.slug ?? slugOf(input.path)) || pattern.test(path.basename(input.path))
  const unmatched = (options.only ?? []).filter((_, index) => !loaded.sources.some(({input}) => selects(onlyPatterns![index]!, input)))
  if (unmatched.length > 0) {
    throw new UsageError(`--only ${unmatched.map((glob) => `\`${glob}\``).join(', ')} matches no source in \`${sourcesDir}\` (by slug or file name); nothing was built`)
  }
  if (!options.dryRun) {
    // Never replace a folder that is not an output of Apparatus: nothing is written.
    const refusal = outputRefusal(outDir, sourcesDir)
    if (refusal) {
      report(outputFile, 'output-not-ours', `Unexpected output folder \`${outDir}\`: ${refusal}; expected a new or empty folder or an output of Apparatus (with its \`${outputMarker}\` file); nothing was written`)
      return {edition: loaded.edition, documents: [], bibliography: {items: [], occurrences: []}, files, outputs: [], timings, documentWork: 0, upToDate: false}
    }
    try {
      const restored = await recoverOutput(outDir)
      if (restored) report(outputFile, 'output-restored', `Restored the previous output from \`${displayPath(restored)}\`, left by a build that stopped while swapping its output in`)
      await removeLeftovers(outDir)
    } catch (error) {
      report(outputFile, 'output-unwritable', `Cannot write the output folder \`${outDir}\`: ${errorMessage(error)}`)
    }
  }
  // Slugs are made unique, and kept off the edition's own files, before anything is keyed by them.
  const madeSidecars = assignSlugs(loaded.sources)

  // Per-document stages, from the cache when the source, sidecar and pipeline are unchanged.
  const previousCache = path.join(path.resolve(outDir), '.cache')
  const salt = await pipelineSalt()
  const keys = loaded.sources.map((source) => sha256(salt, source.input.path, source.input.bytes, JSON.stringify(source.input.sidecar ?? null)))
  // A damaged entry is a miss: the work is done again, and the output folder's file says so.
  const onDamaged = (kind: string, key: string) => {
    report(outputFile, 'cache-entry-damaged', `Unexpected damaged cache entry \`.cache/${kind}/${key.slice(0, 16)}…\`; made again`)
  }
  const readCache = openCache(previousCache, undefined, onDamaged)
  const summaries: Array<DocumentSummary | undefined> = await Promise.all(
    keys.map(async (key) => {
      const hit = await readCache.get(summaryKind, key)
      if (!hit) return undefined
      let summary: DocumentSummary
      try {
        summary = JSON.parse(hit.toString('utf8')) as DocumentSummary
      } catch {
        return undefined
      }
      // A summary whose Markdown has gone from the cache is made again.
      return !summary.markdown || (await readCache.has(markdownKind, key)) ? summary : undefined
    })
  )
  // `--only`: the selected documents, and the others that the previous build left in its cache
  // (no work: the index, bibliography, search and reader stay whole); the outputs of the others
  // are carried over from the previous output.
  if (onlyPatterns) {
    const kept = loaded.sources.flatMap((source, index) => (summaries[index] || onlyPatterns.some((pattern) => selects(pattern, source.input)) ? [index] : []))
    loaded.sources = kept.map((index) => loaded.sources[index]!)
    keys.splice(0, keys.length, ...kept.map((index) => keys[index]!))
    summaries.splice(0, summaries.length, ...kept.map((index) => summaries[index]))
  }
  const missing = loaded.sources.flatMap((source, index) => (summaries[index] ? [] : [index]))
  const fingerprint = sha256(salt, ...keys, String(loaded.editionFile.value ?? ''), [...wanted].sort().join(','), JSON.stringify(options.only ?? null), process.env.SOURCE_DATE_EPOCH ?? '')
  const upToDate = missing.length === 0 && (await readCache.get('build', 'fingerprint'))?.toString('utf8') === fingerprint

  // A process that exits meanwhile (the CLI's Ctrl-C) removes the staging folder (pipeline/shared/output.ts).
  let staging: Staging | undefined
  if (!options.dryRun && !upToDate) {
    try {
      staging = await stage(outDir)
    } catch (error) {
      // The documents are still read for their diagnostics; nothing is written.
      report(outputFile, 'output-unwritable', `Cannot write the output folder \`${outDir}\`: ${errorMessage(error)}`)
    }
  }
  const executor = (options.executor ?? (() => inThisThread))(loaded.sources.length)
  // Once the pages are made and the entries formatted the threads have nothing left to do: their
  // heaps are given back before the site's last pages are written.
  let released: Promise<void> | undefined
  const releaseThreads = (): void => {
    released ??= executor.release()
  }
  // Once set, nothing more is handed to the executor: the staging folder is going.
  let failed = false
  try {
    return await buildWith()
  } catch (error) {
    failed = true
    // The threads stop before the staging folder goes.
    await executor.close().catch(() => {})
    await staging?.abort().catch(() => undefined)
    // A file system's refusal (no space, no permission) is the output's diagnostic, with the report.
    if (!isFileSystemError(error)) throw error
    report(outputFile, 'output-unwritable', `Cannot write the output folder \`${outDir}\`: ${errorMessage(error)}; the previous output is left as it was`)
    return {edition: loaded.edition, documents: [], bibliography: {items: [], occurrences: []}, files, outputs: [], timings, documentWork: 0, upToDate: false}
  } finally {
    await released
    await executor.close()
  }

  async function buildWith(): Promise<BuildResult> {
    const progress = options.onProgress
    const cacheDir = staging ? path.join(staging.dir, '.cache') : undefined
    const cache = openCache(previousCache, cacheDir, onDamaged)
    let processed = 0
    if (missing.length > 0) progress?.('documents', 0, missing.length, '')
    const tasks = missing.map((index) => ({input: loaded.sources[index]!.input, store: cacheDir ? {dir: cacheDir, key: keys[index]!} : undefined}))
    // The largest first, so the last to finish is a small one.
    const largestFirst = tasks.map((_, at) => at).sort((a, b) => tasks[b]!.input.bytes.length - tasks[a]!.input.bytes.length || a - b)
    const fresh = await mapTasks(executor, 'document', tasks, (at) => progress?.('documents', ++processed, missing.length, path.basename(tasks[at]!.input.path)), largestFirst)
    missing.forEach((index, position) => {
      summaries[index] = fresh[position]
    })
    const documentWork = missing.length
    const processedHere = new Set(missing)
    // The unchanged documents' entries go into the new cache, where every document's Markdown is read from.
    await Promise.all(keys.map((key, index) => (processedHere.has(index) ? undefined : Promise.all([cache.keep(summaryKind, key), summaries[index]!.markdown ? cache.keep(markdownKind, key) : undefined]))))

    const built: Array<BuiltDocument & {citations: ParsedCitation[]; key: string; placeholder: string}> = []
    const slugs = new Map<string, string>()
    loaded.sources.forEach((source, index) => {
      const summary = summaries[index]!
      // The bytes were read for the key and the document stage; the build needs them no more.
      source.input.bytes = new Uint8Array(0)
      files.push(source.file)
      if (source.sidecarFile) files.push(source.sidecarFile)
      replayMessages(source.file, summary.messages)
      // Its slug was renamed: the build gave it a sidecar, so ingest did not say it had none.
      if (madeSidecars.has(source)) report(source.file, 'sidecar-missing', 'Unexpected source without a sidecar, expected `' + source.input.path.replace(/\.[^./]+$/, '.yml') + '`; metadata was inferred')
      timings.ingest = (timings.ingest ?? 0) + (processedHere.has(index) ? summary.timings.ingest : 0)
      timings.citations = (timings.citations ?? 0) + (processedHere.has(index) ? summary.timings.citations : 0)
      timings.markdown = (timings.markdown ?? 0) + (processedHere.has(index) ? summary.timings.markdown : 0)
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
    for (const slug of loaded.edition.order) {
      if (!slugs.has(slug) && !onlyPatterns) report(loaded.editionFile, 'unknown-document', `Unexpected slug \`${slug}\` in \`order\`, expected the slug of a source`)
    }

    const ordered = orderDocuments(built, loaded.edition.order)
    progress?.('bibliography', 0, 1, '')
    const bibliography = await time('bibliography', () => buildBibliography(ordered))
    progress?.('bibliography', 1, 1, `${bibliography.items.length} items`)
    // The parsed citations live on in the bibliography's items and occurrences: the documents'
    // own lists (a CSL item per citation, in the summaries too) are released.
    for (const summary of summaries) if (summary) summary.citations = []
    for (const document of ordered) document.citations = []
    const documents: BuiltDocument[] = ordered.map(({meta, file}) => ({meta, file}))
    const result: BuildResult = {edition: loaded.edition, documents, bibliography, files, outputs: [], timings, documentWork, upToDate}
    if (upToDate) result.outputs = (await listFiles(path.resolve(outDir))).filter((file) => !file.startsWith('.cache/') && file !== outputMarker).sort()
    if (!staging || !cacheDir) return result

    // Each document's Markdown with the bibliography's keys, written one document at a time.
    const keyByDocument = new Map<string, Map<string, string>>()
    for (const occurrence of bibliography.occurrences) {
      let documentKeys = keyByDocument.get(occurrence.document)
      if (!documentKeys) keyByDocument.set(occurrence.document, (documentKeys = new Map()))
      documentKeys.set(`${occurrence.note}.${occurrence.index}`, occurrence.key)
    }
    const markdownFiles = new Map<string, MarkdownFile>()
    let largestDocument = 0
    await time('write-markdown', async () => {
      for (const {meta, key, placeholder} of ordered) {
        const documentKeys = keyByDocument.get(meta.slug)
        const markdown = withKeys({placeholder, markdown: (await readEntry(cacheDir, markdownKind, key)).toString('utf8')}, (note, index) => documentKeys?.get(`${note}.${index}`))
        markdownFiles.set(meta.slug, {file: await staging!.write(`${markdownFolder}/${meta.slug}.md`, markdown), sha256: sha256(markdown)})
        largestDocument = Math.max(largestDocument, markdown.length)
      }
    })

    const needEntries = wanted.has('html') || wanted.has('pdf') || wanted.has('bib')
    // Formatted on the threads while the exports and document pages are written; `format` is
    // the time until the entries are ready, which overlaps the stages that follow.
    const entries = needEntries ? time('format', () => formatWithCache(bibliography.items, salt, cache, (items, onBatch) => formatOn(executor, items, onBatch), (done, total) => progress?.('format', done, total, 'entries'))) : Promise.resolve([])
    // A failure is reported where the entries are awaited; never as an unhandled rejection.
    entries.catch(() => {})
    // The exports wait for the formatted entries at their end; the pages are made meanwhile.
    const title = `Bibliography: ${loaded.edition.title}`
    const exported = wanted.has('bib') ? time('exports', async () => {
          const ready = await entries
          if (!failed) await executor.run('exports', {bibliography, documents: documents.map(({meta}) => ({meta})), dir: staging!.dir, entries: ready, title})
        }) : Promise.resolve()
    exported.catch(() => {})
    // TEI and pandoc Markdown from each document's Markdown, made between the pages' work.
    const documentExports = wanted.has('tei') || wanted.has('pandoc')
      ? time('tei-pandoc', () => writeDocumentExports(documents.map(({meta}) => ({meta, markdown: markdownFiles.get(meta.slug)!})), bibliography.items, staging!.dir, {tei: wanted.has('tei'), pandoc: wanted.has('pandoc'), edition: loaded.edition, wrapExport: (make) => cached(cache, make, {kind: 'exports', key: (task) => sha256(salt, task.kind, task.sha256, task.edition), encode: (text) => text, decode: (entry) => entry.toString('utf8')})}))
      : Promise.resolve()
    documentExports.catch(() => {})
    const renderInput = {
      edition: loaded.edition,
      // Each page reads its document's Markdown where it is made.
      documents: documents.map(({meta}) => ({meta, markdown: markdownFiles.get(meta.slug)!})),
      bibliography: bibliography.items,
      occurrences: bibliography.occurrences,
      entries
    }
    if (wanted.has('html')) {
      const htmlFiles: VFile[] = []
      progress?.('html', 0, documents.length + 5, '')
      // A page whose inputs are unchanged comes from the cache.
      const renderPage = cachedPages(salt, cache, (task) => executor.run('page', task))
      const openSearch = executor.openSearch
      await time('html', () => renderSite(renderInput, staging!.dir, {files: htmlFiles, sourceDateEpoch: sourceDateEpoch(), onPage: (done, total, page) => progress?.('html', done, total, page), renderPage, pagesAhead: executor.concurrency, openSearch: openSearch ? (site) => openSearch({...site, largestDocument}) : undefined, onPagesMade: releaseThreads}))
      files.push(...htmlFiles)
    }
    await exported
    await documentExports
    if (wanted.has('pdf')) {
      const pdfFile = new VFile({path: path.join(outDir, 'pdf')})
      files.push(pdfFile)
      // Loaded only here: puppeteer and pdf-lib take longer to load than a small edition to build.
      const [{renderPdf}, {BrowserUnavailableError}] = await Promise.all([import('../pdf/index.js'), import('../pdf/browser.js')])
      // The reader prints every document: their texts are read together.
      const texts = await Promise.all(renderInput.documents.map(async ({meta, markdown}) => ({meta, markdown: await readFile(markdown.file, 'utf8')})))
      const pdfInput = {...renderInput, documents: texts, entries: await entries}
      try {
        await time('pdf', () =>
          renderPdf(pdfInput, staging!.dir, {
            onProgress: (done, total, label) => progress?.('pdf', done, total, label),
            sourceDateEpoch: sourceDateEpoch(),
            file: pdfFile,
            // A PDF whose print HTML and metadata are unchanged comes from the cache.
            wrapPrint: (print) => cached(cache, print, {kind: 'pdf', key: (task) => sha256(salt, task.html, task.identity), encode: (pdf) => pdf, decode: (entry) => entry})
          })
        )
      } catch (error) {
        if (!(error instanceof BrowserUnavailableError)) throw error
        report(pdfFile, 'pdf-unavailable', `Cannot render the PDF reader: ${error.message}`)
      }
    }
    if (!wanted.has('markdown')) await rm(path.join(staging.dir, markdownFolder), {recursive: true, force: true})
    await time('cache', () => cache.put('build', 'fingerprint', fingerprint))
    // A partial build keeps the rest of the previous output: with `--only`, every file it did
    // not make again (the other documents' pages, Markdown, PDFs, exports, cache entries); with
    // `--format`, the folders of the formats not asked for.
    const notWanted = formats.filter((format) => !wanted.has(format))
    if (onlyPatterns || notWanted.length > 0) await time('carry-over', () => carryOver(path.resolve(outDir), staging!.dir, onlyPatterns ? undefined : notWanted))
    await time('commit', () => staging!.commit())
    result.outputs = (await listFiles(path.resolve(outDir))).filter((file) => !file.startsWith('.cache/') && file !== outputMarker).sort()
    return result
  }
}

/** Folder of the annotated Markdown in the output (written for every build, kept when asked for). */
const markdownFolder = 'markdown'

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), relative)))
    else out.push(relative)
  }
  return out
}

function displayPath(absolute: string): string {
  return path.relative(process.cwd(), absolute).split(path.sep).join('/') || '.'
}

/** An error's message, without the staging folder's and previous folder's process ids. */
function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.(?:staging|previous)-\d+/g, '')
}

/** A file system's error (ENOSPC, EACCES, EROFS, EIO…), also as a worker thread passes it on (its message only). */
function isFileSystemError(error: unknown): boolean {
  if (isErrno(error) && typeof error.code === 'string' && /^E[A-Z0-9]+$/.test(error.code)) return true
  return error instanceof Error && /^E(?:NOSPC|ACCES|PERM|ROFS|IO|DQUOT|FBIG|MFILE|NFILE|NOTDIR|ISDIR|EXIST|NOENT|NOTEMPTY|BUSY|XDEV): /.test(error.message)
}
