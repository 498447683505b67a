/**
 * buildEdition(): the one place that knows the order of the stages.
 *
 * sources → ingest → citations (per document) → bibliography (corpus-wide) → keys → annotated
 * Markdown → exports, HTML, PDF. Per-document stages depend only on their source and sidecar.
 */
import {readdir} from 'node:fs/promises'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {VFile} from 'vfile'
import {buildBibliography, type Bibliography} from './bibliography/index.js'
import {writeBibliographyExports} from './bibliography/export/index.js'
import {cachedPages, formatWithCache} from './formatted-cache.js'
import {openCache, pipelineSalt, replayMessages, sha256} from './cache.js'
import {withKeys, type DocumentRecord} from './document.js'
import {report} from './diagnostics.js'
import {renderSite} from './html/index.js'
import {slugOf} from './ingest/meta.js'
import {openPool, pagesAhead, type Pool} from './pool.js'
import type {ProgressListener} from './progress.js'
import {stage, type Staging} from './output.js'
import {loadSources} from './sources.js'
import type {ParsedCitation} from './types/citation.js'
import type {DocumentMeta, EditionConfig} from './types/document.js'

export const formats = ['markdown', 'bib', 'html', 'pdf'] as const
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
  /** Threads for the per-document stages (default: one per core). */
  jobs?: number
  /** Progress of the stages: documents, bibliography, format, html, pdf (each starts at 0 done). */
  onProgress?: ProgressListener
}

export const emptyOptions: BuildOptions = {}

export interface BuiltDocument {
  meta: DocumentMeta
  file: VFile
  citations: ParsedCitation[]
  markdown: string
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

  const loaded = await time('load', () => loadSources(sourcesDir))
  const files: VFile[] = [loaded.editionFile, ...loaded.otherFiles]
  const onlyPatterns = options.only?.map(globToRegExp)
  // `--only` selects before any document work: the slug is the sidecar's or the file name's.
  if (onlyPatterns) {
    loaded.sources = loaded.sources.filter(({input}) => {
      const slug = input.sidecar?.slug ?? slugOf(input.path)
      return onlyPatterns.some((pattern) => pattern.test(slug) || pattern.test(path.basename(input.path)))
    })
  }

  // Per-document stages, from the cache when the source, sidecar and pipeline are unchanged.
  const previousCache = path.join(path.resolve(outDir), '.cache')
  const salt = await pipelineSalt()
  const keys = loaded.sources.map((source) => sha256(salt, source.input.path, source.input.bytes, JSON.stringify(source.input.sidecar ?? null)))
  const readCache = openCache(previousCache, undefined)
  const records: Array<DocumentRecord | undefined> = await Promise.all(
    keys.map(async (key) => {
      const hit = await readCache.get('documents', key)
      return hit ? (JSON.parse(hit.toString('utf8')) as DocumentRecord) : undefined
    })
  )
  const missing = loaded.sources.flatMap((source, index) => (records[index] ? [] : [index]))
  // The threads start only when there is work for them (not for a build that is up to date).
  let pool: Pool | undefined
  const threads = (): Pool => (pool ??= openPool({jobs: options.jobs, documents: loaded.sources.length}))
  try {
    return await buildWith(missing.length > 0 ? threads() : undefined)
  } finally {
    await pool?.close()
  }

  async function buildWith(started: Pool | undefined): Promise<BuildResult> {
    const progress = options.onProgress
    let processed = 0
    if (missing.length > 0) progress?.('documents', 0, missing.length, '')
    const fresh = started ? await started.processAll(missing.map((index) => loaded.sources[index]!.input), (input) => progress?.('documents', ++processed, missing.length, path.basename(input.path))) : []
    missing.forEach((index, position) => {
      records[index] = fresh[position]
    })
    const documentWork = missing.length
    const processedHere = new Set(missing)

    const built: Array<Omit<BuiltDocument, 'markdown'> & {record: DocumentRecord}> = []
    const slugs = new Map<string, string>()
    loaded.sources.forEach((source, index) => {
      const record = records[index]!
      files.push(source.file)
      if (source.sidecarFile) files.push(source.sidecarFile)
      source.file.value = record.text
      replayMessages(source.file, record.messages)
      timings.ingest = (timings.ingest ?? 0) + (processedHere.has(index) ? record.timings.ingest : 0)
      timings.citations = (timings.citations ?? 0) + (processedHere.has(index) ? record.timings.citations : 0)
      timings.markdown = (timings.markdown ?? 0) + (processedHere.has(index) ? record.timings.markdown : 0)
      const {meta} = record
      if (!meta || record.markdown === undefined) return
      const previous = slugs.get(meta.slug)
      if (previous) {
        report(source.file, 'duplicate-slug', `Unexpected slug \`${meta.slug}\`, already used by \`${previous}\`; expected a unique slug`)
        return
      }
      slugs.set(meta.slug, meta.source)
      built.push({meta, file: source.file, citations: record.citations, record})
    })
    for (const slug of loaded.edition.order) {
      if (!slugs.has(slug) && !onlyPatterns) report(loaded.editionFile, 'unknown-document', `Unexpected slug \`${slug}\` in \`order\`, expected the slug of a source`)
    }

    const ordered = orderDocuments(built, loaded.edition.order)
    progress?.('bibliography', 0, 1, '')
    const bibliography = await time('bibliography', () => buildBibliography(ordered))
    progress?.('bibliography', 1, 1, `${bibliography.items.length} items`)
    const keyByDocument = new Map<string, Map<string, string>>()
    for (const occurrence of bibliography.occurrences) {
      let documentKeys = keyByDocument.get(occurrence.document)
      if (!documentKeys) keyByDocument.set(occurrence.document, (documentKeys = new Map()))
      documentKeys.set(`${occurrence.note}.${occurrence.index}`, occurrence.key)
    }

    const documents: BuiltDocument[] = await time('keys', () =>
      ordered.map(({record, ...document}) => {
        const documentKeys = keyByDocument.get(document.meta.slug)
        return {...document, markdown: withKeys(record, (note, index) => documentKeys?.get(`${note}.${index}`))}
      })
    )

    const result: BuildResult = {edition: loaded.edition, documents, bibliography, files, outputs: [], timings, documentWork, upToDate: false}
    if (options.dryRun) return result

    const fingerprint = sha256(salt, ...keys, String(loaded.editionFile.value ?? ''), [...wanted].sort().join(','), JSON.stringify(options.only ?? null), process.env.SOURCE_DATE_EPOCH ?? '')
    const previousFingerprint = await readCache.get('build', 'fingerprint')
    if (documentWork === 0 && previousFingerprint?.toString('utf8') === fingerprint) {
      result.upToDate = true
      result.outputs = (await listFiles(path.resolve(outDir))).filter((file) => !file.startsWith('.cache/')).sort()
      return result
    }

    // Exiting runs the staging folder's synchronous cleanup; the previous output is untouched.
    // The handlers are in place before the staging folder exists.
    const abort = () => {
      process.exit(130)
    }
    process.once('SIGINT', abort)
    process.once('SIGTERM', abort)
    let staging: Staging
    try {
      staging = await stage(outDir)
    } catch (error) {
      process.removeListener('SIGINT', abort)
      process.removeListener('SIGTERM', abort)
      report(loaded.editionFile, 'output-unwritable', `Cannot write the output folder \`${outDir}\`: ${error instanceof Error ? error.message.replace(/\.staging-\d+/, '') : String(error)}`)
      return result
    }
    const cache = openCache(previousCache, path.join(staging.dir, '.cache'))
    try {
      if (wanted.has('markdown')) {
        await time('write-markdown', () => Promise.all(documents.map((document) => staging.write(`markdown/${document.meta.slug}.md`, document.markdown))))
      }
      const needEntries = wanted.has('html') || wanted.has('pdf') || wanted.has('bib')
      // Formatted on the threads while the exports and document pages are written; `format` is
      // the time until the entries are ready, which overlaps the stages that follow.
      const entries = needEntries ? time('format', () => formatWithCache(bibliography.items, salt, cache, (items, onBatch) => threads().format(items, onBatch), (done, total) => progress?.('format', done, total, 'entries'))) : Promise.resolve([])
      // A failure is reported where the entries are awaited; never as an unhandled rejection.
      entries.catch(() => {})
      // The exports wait for the formatted entries at their end; the pages are made meanwhile.
      const exported = wanted.has('bib') ? time('exports', () => writeBibliographyExports(bibliography, documents, staging.dir, {entries, title: `Bibliography: ${loaded.edition.title}`})) : Promise.resolve()
      exported.catch(() => {})
      const renderInput = {
        edition: loaded.edition,
        documents: documents.map(({meta, markdown}) => ({meta, markdown})),
        bibliography: bibliography.items,
        occurrences: bibliography.occurrences,
        entries
      }
      if (wanted.has('html')) {
        const htmlFiles: VFile[] = []
        progress?.('html', 0, documents.length + 5, '')
        // A page whose inputs are unchanged comes from the cache.
        const renderPage = cachedPages(salt, cache, (task) => threads().renderPage(task))
        await time('html', () => renderSite(renderInput, staging.dir, {files: htmlFiles, sourceDateEpoch: sourceDateEpoch(), onPage: (done, total, page) => progress?.('html', done, total, page), renderPage, pagesAhead: pagesAhead({jobs: options.jobs, documents: loaded.sources.length})}))
        files.push(...htmlFiles)
      }
      await exported
      if (wanted.has('pdf')) {
        const pdfFile = new VFile({path: path.join(outDir, 'pdf')})
        files.push(pdfFile)
        // Loaded only here: puppeteer and pdf-lib take longer to load than a small edition to build.
        const [{renderPdf}, {BrowserUnavailableError}] = await Promise.all([import('./pdf/index.js'), import('./browser.js')])
        const pdfInput = {...renderInput, entries: await entries}
        try {
          await time('pdf', () =>
            renderPdf(pdfInput, staging.dir, {
              onProgress: (done, total, label) => progress?.('pdf', done, total, label),
              sourceDateEpoch: sourceDateEpoch(),
              file: pdfFile,
              cache
            })
          )
        } catch (error) {
          if (!(error instanceof BrowserUnavailableError)) throw error
          report(pdfFile, 'pdf-unavailable', `Cannot render the PDF reader: ${error.message}`)
        }
      }
      await time('cache', async () => {
        await Promise.all(keys.map((key, index) => (processedHere.has(index) ? cache.put('documents', key, JSON.stringify(records[index])) : cache.keep('documents', key))))
        await cache.put('build', 'fingerprint', fingerprint)
      })
      await time('commit', () => staging.commit())
      result.outputs = (await listFiles(path.resolve(outDir))).filter((file) => !file.startsWith('.cache/')).sort()
      return result
    } catch (error) {
      await staging.abort()
      throw error
    } finally {
      process.removeListener('SIGINT', abort)
      process.removeListener('SIGTERM', abort)
    }
  }
}

/** SOURCE_DATE_EPOCH in seconds, when set and valid. */
export function sourceDateEpoch(): number | undefined {
  const value = process.env.SOURCE_DATE_EPOCH
  if (!value || !/^\d+$/.test(value)) return undefined
  return Number(value)
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), relative)))
    else out.push(relative)
  }
  return out
}
