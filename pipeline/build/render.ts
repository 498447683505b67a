/**
 * The renderers' step of a build: the bibliography's entries formatted and its exports, TEI and
 * pandoc Markdown, the HTML site and the PDFs, from the documents' annotated Markdown in the
 * staging folder. The costly work runs on the executor and through the cache (`cached`), and
 * the progress is counted here: the stages are handed its results, or plain functions composed
 * around their own (a PDF's print, a document's export), and yield what they write.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import type {Bibliography} from '../bibliography/index.js'
import type {SiteInput} from '../html/index.js'
import type {MarkdownFile, PageResult} from '../html/page.js'
import {report} from './catalog.js'
import {cached} from './cached.js'
import {formatsEntries, time, type Build} from './context.js'
import {formatOn, inOrder, type Executor} from './executor.js'
import {cachedPages, formatWithCache} from './formatted-cache.js'
import {sha256, type ContentCache} from '../shared/cache.js'
import {sourceDateEpoch} from '../shared/dates.js'
import type {Staging} from '../shared/output.js'
import type {FormattedEntry} from '../shared/types/citation.js'
import type {DocumentMeta, EditionConfig} from '../shared/types/document.js'

export interface RenderInput {
  edition: EditionConfig
  /** Each document's annotated Markdown, written to the staging folder, in edition order. */
  documents: Array<{meta: DocumentMeta; markdown: MarkdownFile}>
  bibliography: Bibliography
  /** Characters of the largest document's Markdown. */
  largestDocument: number
}

/** What the renderers run on: the executor, the cache and the pipeline's salt (its keys). */
export interface RenderMachinery {
  executor: Executor
  cache: ContentCache
  salt: string
}

/** Write the formats asked for into the staging folder. */
export async function renderOutputs(build: Build, input: RenderInput, staging: Staging, {executor, cache, salt}: RenderMachinery): Promise<void> {
  const {wanted, progress} = build
  const items = input.bibliography.items
  const needEntries = formatsEntries(wanted)
  // Formatted on the threads while the exports and document pages are written; `format` is
  // the time until the entries are ready, which overlaps the stages that follow.
  const entries = needEntries ? time(build, 'format', () => formatWithCache(items, salt, cache, (batch, onBatch) => formatOn(executor, batch, onBatch), (done, total) => progress?.('format', done, total, 'entries'))) : Promise.resolve([])
  // A failure is reported where the entries are awaited; never as an unhandled rejection.
  entries.catch(() => {})
  // The exports wait for the formatted entries at their end; the pages are made meanwhile.
  const exported = wanted.has('bib') ? time(build, 'exports', async () => {
    const ready = await entries
    if (!build.failed) await executor.run('exports', {bibliography: input.bibliography, documents: input.documents.map(({meta}) => ({meta})), dir: staging.dir, entries: ready, title: `Bibliography: ${input.edition.title}`})
  }) : Promise.resolve()
  exported.catch(() => {})
  // TEI and pandoc Markdown from each document's Markdown, made between the pages' work; an
  // unchanged document's come from the cache.
  const documentExports = wanted.has('tei') || wanted.has('pandoc')
    ? time(build, 'tei-pandoc', async () => {
        const {documentExporter, writeDocumentExports} = await import('../export/documents.js')
        const make = cached(cache, documentExporter(items, input.edition), {kind: 'exports', key: (task) => sha256(salt, task.kind, task.sha256, task.edition), encode: (text) => text, decode: (entry) => entry.toString('utf8')})
        await writeDocumentExports(input.documents, items, staging.dir, {tei: wanted.has('tei'), pandoc: wanted.has('pandoc'), edition: input.edition}, make)
      })
    : Promise.resolve()
  documentExports.catch(() => {})
  const siteInput: Omit<SiteInput, 'views'> = {edition: input.edition, documents: input.documents, bibliography: items, occurrences: input.bibliography.occurrences, entries}
  if (wanted.has('html')) await time(build, 'html', () => renderHtml(build, siteInput, input.largestDocument, staging, {executor, cache, salt}))
  await exported
  await documentExports
  if (wanted.has('pdf')) await renderPdfs(build, input, await entries, staging, {cache, salt})
}

/**
 * The site. Its document pages are made on the executor, as many at once as it runs, and
 * handed to the site in edition order; an unchanged page comes from the cache. Once they are
 * made and the entries formatted, the executor's threads have nothing left to do: they give
 * their heaps back before the site's last pages are written.
 */
async function renderHtml(build: Build, input: Omit<SiteInput, 'views'>, largestDocument: number, staging: Staging, {executor, cache, salt}: RenderMachinery): Promise<void> {
  // Loaded only here: a build without HTML (a check, the Markdown or the bibliography alone) needs no site.
  const [{copyAssets, documentPageTasks, sitePageCount, writeSite}, {siteViews}] = await Promise.all([import('../html/index.js'), import('../../templates/html/index.js')])
  const htmlFiles: VFile[] = []
  const epoch = sourceDateEpoch()
  const htmlDir = path.join(staging.dir, 'html')
  const total = sitePageCount(input)
  build.progress?.('html', 0, total, '')
  const render = cachedPages(salt, cache, (task) => executor.run('page', task))
  const tasks = documentPageTasks(input, {sourceDateEpoch: epoch}, htmlDir)
  async function* pages(): AsyncGenerator<PageResult> {
    yield* inOrder(tasks, render, executor.concurrency)
    Promise.resolve(input.entries).then(() => {
      build.released ??= executor.release()
    }, () => {})
  }
  const search = executor.openSearch?.({dir: htmlDir, largestDocument})
  let done = 0
  for await (const written of writeSite({...input, views: siteViews, pages: pages(), search}, staging.dir, {files: htmlFiles, sourceDateEpoch: epoch})) {
    if (written.page) build.progress?.('html', ++done, total, written.path)
  }
  await copyAssets(htmlDir)
  build.files.push(...htmlFiles)
}

/** The PDFs; a PDF whose print HTML and metadata are unchanged comes from the cache. */
async function renderPdfs(build: Build, input: RenderInput, entries: FormattedEntry[], staging: Staging, {cache, salt}: Pick<RenderMachinery, 'cache' | 'salt'>): Promise<void> {
  const pdfFile = new VFile({path: path.join(build.outDir, 'pdf')})
  build.files.push(pdfFile)
  // Loaded only here: puppeteer and pdf-lib take longer to load than a small edition to build.
  const [{preparePdfs}, {BrowserUnavailableError}] = await Promise.all([import('../pdf/index.js'), import('../pdf/browser.js')])
  // The reader prints every document: their texts are read together.
  const documents = await Promise.all(input.documents.map(async ({meta, markdown}) => ({meta, markdown: await readFile(markdown.file, 'utf8')})))
  const pdfInput = {edition: input.edition, documents, bibliography: input.bibliography.items, occurrences: input.bibliography.occurrences, entries}
  try {
    await time(build, 'pdf', async () => {
      const run = await preparePdfs(pdfInput, staging.dir, {sourceDateEpoch: sourceDateEpoch(), file: pdfFile, signal: build.signal})
      try {
        // A PDF whose task is unchanged comes from the cache; each is counted as it ends, printed or not.
        const print = cached(cache, run.print, {kind: 'pdf', key: (task) => sha256(salt, task.html, task.identity), encode: (pdf) => pdf, decode: (entry) => entry})
        let done = 0
        await run.write(async (task) => {
          try {
            return await print(task)
          } finally {
            build.progress?.('pdf', ++done, run.names.length, `${task.name}.pdf`)
          }
        })
      } finally {
        await run.close()
      }
    })
  } catch (error) {
    if (!(error instanceof BrowserUnavailableError)) throw error
    report(pdfFile, 'pdf-unavailable', `Cannot render the PDF reader: ${error.message}`)
  }
}
