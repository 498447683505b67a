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
import {openCache} from '../shared/cache.js'
import {maxEpochSeconds, sourceDateEpoch} from '../shared/dates.js'
import type {DocumentMeta, EditionConfig} from '../shared/types/document.js'
import {report} from './catalog.js'
import {formatsEntries, newBuild, time, type Build, type Format, type ProgressListener} from './context.js'
import {mapDocuments, planDocuments, writeMarkdown, type MappedDocument} from './documents.js'
import {inThisThread, type Executor} from './executor.js'
import {commitOutput, guardOutput, isFileSystemError, listOutputs, outputUnwritable, stageOutput} from './output-folder.js'
import {renderOutputs} from './render.js'
import {assignSlugs} from './slugs.js'
import {loadSources, selectedBy, type LoadedSource, type LoadedSources} from './sources.js'

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
   * for an edition of `documents` documents, `entries` false when no bibliography entry will be
   * formatted (a dry run, an unwritable output, no bib, html or pdf asked for) (default: all in
   * this thread; the CLI's uses build threads for a large edition, `editionExecutor`).
   */
  executor?: (documents: number, entries: boolean) => Executor
  /** Progress of the stages: documents, bibliography, format, html, pdf (each starts at 0 done). */
  onProgress?: ProgressListener
  /**
   * Stops the build's browser at once (default: none): the CLI aborts it on a signal, before
   * it exits (pipeline/cli/signals.ts).
   */
  signal?: AbortSignal
}

const emptyOptions: BuildOptions = {}

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
  const executor = (options.executor ?? (() => inThisThread))(plan.sources.length, staging !== undefined && formatsEntries(build.wanted))
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
  const unmatched = (only ?? []).filter((glob) => {
    const selects = selectedBy([glob])
    return !loaded.sources.some(({input}) => selects(input))
  })
  if (unmatched.length > 0) {
    throw new UsageError(`--only ${unmatched.map((glob) => `\`${glob}\``).join(', ')} matches no source in \`${build.sourcesDir}\` (by slug or file name); nothing was built`)
  }
  return {...loaded, madeSidecars: assignSlugs(loaded.sources)}
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

