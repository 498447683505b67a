/**
 * The PDF reader: `pdf/reader.pdf` (the whole edition as a book) and `pdf/<slug>.pdf` (each
 * document alone), printed by Chromium from print HTML paginated by Paged.js.
 */
import {mkdtempSync} from 'node:fs'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {setImmediate} from 'node:timers/promises'
import {pathToFileURL} from 'node:url'
import type {ElementContent} from 'hast'
import type {Root} from 'mdast'
import type {Browser} from 'puppeteer-core'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {printLabels} from '../../templates/pdf/labels.js'
import {BrowserUnavailableError, launchBrowser, pdfWorkPrefix, removedOnExit} from './browser.js'
import {report} from './rules.js'
import {parseDocument, parseMarkdown} from '../markdown/index.js'
import type {CitationOccurrence, FormattedEntry} from '../shared/types/citation.js'
import type {CslItem} from '../shared/types/csl.js'
import type {DocumentMeta, EditionConfig} from '../shared/types/document.js'
import {fontFaceCss, pagedPolyfillPath, paginateScriptPath, printStylesheetPath} from './assets.js'
import {citedKeys} from './back-matter.js'
import {printedText, printHtml, readerDocument, singleDocument, type BookInput, type HtmlAssets, type OutlineEntry, type PrintDocument} from './book.js'
import {chapterToHast, type Chapter} from './chapter.js'
import {finishPdf} from './finish.js'
import {openPrintWindow, renderHtmlFile, type Layout, type PrintWindow} from './render.js'
import {linkDescriptions} from './links.js'
import {typeset, typesetAll} from './typography.js'

export interface PdfInput {
  edition: EditionConfig
  /** Annotated Markdown of each document, in reading order. */
  documents: Array<{meta: DocumentMeta; markdown: string}>
  bibliography: CslItem[]
  occurrences: CitationOccurrence[]
  /** Formatted bibliography entries (html), grouped. */
  entries: FormattedEntry[]
}

export interface PdfOptions {
  /**
   * Seconds since the epoch for the PDF dates (default: the edition's date, else the latest
   * document's, for the reader; each document's own date; none when there is none: never the clock).
   */
  sourceDateEpoch?: number
  /** Diagnostics go here (default: none kept, and a failed render throws). */
  file?: VFile
  /** PDFs rendered at once, one Chromium window each (default: 2). */
  concurrency?: number
  /** Also write one PDF per document (default: true); false writes the reader alone. */
  perDocument?: boolean
  /**
   * Filled with milliseconds per phase: `assemble` (print documents and HTML), `launch`
   * (Chromium), and summed over the PDFs rendered `load`, `layout` (Paged.js), `print`
   * (Chromium's PDF) and `finish` (pdf-lib); `<name>.pdf` is each PDF's render from start to file.
   */
  timings?: Record<string, number>
  /** Keep the print HTML beside the PDFs as `<name>.html` (default: false). */
  keepHtml?: boolean
  /** A running browser to use and leave open (default: one is launched and closed). */
  browser?: Browser
  /**
   * Stops the rendering (default: none): the launched browser's processes are killed and its
   * profile and the print HTML's folder removed at once; no PDF is started after it.
   */
  signal?: AbortSignal
}

/** One PDF to print: its file's name, its print HTML, and its metadata as JSON (`identity`). */
export interface PrintTask {
  name: string
  html: string
  identity: string
}

/** Prints one PDF: its bytes. */
export type PrintPdf = (task: PrintTask) => Promise<Uint8Array>

/**
 * The PDFs of an edition, planned, with Chromium starting: `preparePdfs`. A PDF's bytes depend
 * only on its print task (the print HTML and the metadata), so a caller may print through a
 * function of its own composed around `print`: the build takes an unchanged PDF from its cache
 * and counts each PDF as it ends.
 */
export interface PdfRun {
  /** The PDFs' file names, in the order they are printed: `reader.pdf`, then each document's. */
  names: string[]
  /** Prints one of this run's PDFs with Chromium: its bytes. */
  print: PrintPdf
  /**
   * Print every PDF with `print` (this run's own, or one composed around it), at most
   * `concurrency` at once, and write it to `pdf/`. Returns the paths written, the reader first.
   */
  write(print: PrintPdf): Promise<string[]>
  /** Close the browser (unless it was given) and remove the print HTML's folder; after `write`, once. */
  close(): Promise<void>
}

const emptyOptions: PdfOptions = {}

/** A PDF to make: its file name, print document and metadata. */
interface Job {
  name: string
  document: PrintDocument
  author: string
  subject?: string
  keywords: string[]
  date?: Date
  /** Slugs of the documents printed in it. */
  slugs: string[]
}

/** The date of a document or edition as a Date, when it names at least a year. */
function dateOf(epoch: number | undefined, printed: string | undefined): Date | undefined {
  if (epoch !== undefined && Number.isFinite(epoch)) return new Date(epoch * 1000)
  const match = printed ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(printed) : null
  if (!match) return undefined
  return new Date(Date.UTC(Number(match[1]), Number(match[2] ?? '1') - 1, Number(match[3] ?? '1')))
}

function latest(dates: Array<Date | undefined>): Date | undefined {
  return dates.reduce<Date | undefined>((max, date) => (date && (!max || date > max) ? date : max), undefined)
}

function parseBody(markdown: string, path: string): Root {
  try {
    return parseDocument(markdown, path).tree
  } catch {
    // The metadata comes with the input; a body without front matter is still printable.
    const tree = parseMarkdown(markdown)
    tree.children = tree.children.filter((node) => node.type !== 'yaml')
    return tree
  }
}

function introductionToHast(markdown: string, file: VFile): ElementContent[] {
  const hast = unified().use(remarkRehype).runSync(parseMarkdown(markdown), file)
  return hast.type === 'root' ? hast.children.filter((node): node is ElementContent => node.type !== 'doctype') : []
}

function collectIds(entries: OutlineEntry[]): string[] {
  return entries.flatMap((entry) => [entry.id, ...collectIds(entry.children)])
}

/**
 * Run `task` over `items`, at most `limit` at a time. After a failure no new task starts; the
 * running ones are awaited (so nothing is still writing when the caller cleans up), then the
 * first error is thrown.
 */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failed = false
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]
      if (item === undefined) continue
      try {
        await task(item)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  const results = await Promise.allSettled(Array.from({length: Math.max(1, Math.min(limit, items.length))}, worker))
  const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected')
  if (rejected) throw rejected.reason
}

function checkLayout(layout: Layout, name: string, expected: number, file: VFile): void {
  for (const note of layout.notes) {
    if (note.callPage !== note.notePage) {
      report(file, 'pdf-note-misplaced', `Unexpected note ${note.note} of \`${note.slug}\` on page ${note.notePage} of ${name}, expected page ${note.callPage} where it is called`)
    }
  }
  if (layout.hidden > 0) {
    report(file, 'pdf-text-hidden', `Unexpected ${layout.hidden} line ${layout.hidden === 1 ? 'part' : 'parts'} of text past the end of ${layout.hidden === 1 ? 'its page' : 'their pages'} in ${name}, expected every line inside a page`)
  }
  if (layout.notes.length !== expected) {
    report(file, 'pdf-note-misplaced', `Unexpected ${layout.notes.length} notes in ${name}, expected ${expected}`)
  }
}

/**
 * The PDFs to make (the reader first, then each document unless `perDocument` is false) and the
 * notes each must print. Each chapter is made in a task of its own: Chromium, started before,
 * goes on starting in between (puppeteer needs the event loop to spawn and connect to it).
 */
async function printJobs(input: PdfInput, options: PdfOptions): Promise<{jobs: Job[]; noteCount: (job: Job) => number}> {
  const file = options.file ?? new VFile()
  const labels = printLabels(input.edition.language)
  const entryKeys = new Set(input.entries.map((entry) => entry.id))
  const metas = input.documents.map((document) => document.meta)

  const chapters: Chapter[] = []
  for (const {meta, markdown} of input.documents) {
    await setImmediate()
    const refs = new Map(input.occurrences.filter((item) => item.document === meta.slug).map((item) => [`${item.note}.${item.index}`, item.key]))
    const chapter = chapterToHast(meta, parseBody(markdown, `${meta.slug}.md`), {labels, entryKeys, keyOfRef: (ref) => refs.get(ref), file})
    typeset(chapter.element, {language: input.edition.language})
    chapters.push(chapter)
  }

  const introduction = input.edition.introduction ? introductionToHast(input.edition.introduction, file) : undefined
  if (introduction) typesetAll(introduction, {language: input.edition.language})
  const bookInput = (documents: DocumentMeta[], selected: Chapter[], withIntroduction: boolean): BookInput => {
    const keys = new Set([...citedKeys({documents, occurrences: input.occurrences})].filter((key) => entryKeys.has(key)))
    const titled = selected.map((chapter, index) => ({chapter, title: documents[index]?.title ?? chapter.slug, authors: documents[index]?.authors ?? []}))
    const editionDate = input.edition.date ?? dateOf(options.sourceDateEpoch, undefined)?.toISOString().slice(0, 10)
    return {
      edition: input.edition,
      labels,
      ...(editionDate === undefined ? {} : {date: editionDate}),
      chapters: titled,
      backMatter: {labels, documents, entries: input.entries, bibliography: input.bibliography, occurrences: input.occurrences},
      keys,
      ...(withIntroduction && introduction ? {introduction} : {})
    }
  }

  const editionAuthors = input.edition.editors.join(', ')
  const jobs: Job[] = [{
    name: 'reader',
    document: readerDocument(bookInput(metas, chapters, true)),
    author: editionAuthors || [...new Set(metas.flatMap((meta) => meta.authors))].join(', '),
    subject: input.edition.subtitle ?? input.edition.title,
    keywords: [...new Set(metas.flatMap((meta) => [meta.shortTitle ?? meta.title, ...meta.authors]))],
    date: dateOf(options.sourceDateEpoch, input.edition.date) ?? latest(metas.map((meta) => dateOf(undefined, meta.date))),
    slugs: metas.map((meta) => meta.slug)
  }]
  if (options.perDocument ?? true) {
    chapters.forEach((chapter, index) => {
      const meta = metas[index]
      if (!meta) return
      jobs.push({
        name: meta.slug,
        document: singleDocument(bookInput([meta], [chapter], false)),
        author: meta.authors.join(', '),
        subject: meta.publication ?? input.edition.title,
        keywords: [meta.kind, input.edition.title, ...meta.authors],
        date: dateOf(options.sourceDateEpoch, meta.date),
        slugs: [meta.slug]
      })
    })
  }
  const noteCount = (job: Job) => chapters.filter((chapter) => job.slugs.includes(chapter.slug)).reduce((sum, chapter) => sum + chapter.notes.length, 0)
  return {jobs, noteCount}
}

/** What the print HTML of every job is made with. */
async function htmlAssets(): Promise<Omit<HtmlAssets, 'fontCss' | 'author' | 'keywords' | 'bodyClass'>> {
  return {
    printCss: await readFile(printStylesheetPath(), 'utf8'),
    pagedUrl: pathToFileURL(pagedPolyfillPath()).href,
    paginateScript: await readFile(paginateScriptPath(), 'utf8')
  }
}

function jobHtml(job: Job, assets: Omit<HtmlAssets, 'fontCss' | 'author' | 'keywords' | 'bodyClass'>): string {
  return printHtml(job.document, {
    ...assets,
    // The stylesheet's own strings (page numbers, brackets) are printed too.
    fontCss: fontFaceCss(printedText(job.document) + assets.printCss),
    author: job.author,
    keywords: job.keywords,
    bodyClass: job.name === 'reader' ? 'reader' : 'single'
  })
}

/**
 * Write the print HTML of the reader (and, unless `perDocument` is false, of each document) to
 * `dir/<name>.html`, as Chromium renders it: its stylesheet, fonts and scripts are referenced by
 * `file:` URL, so another renderer (WeasyPrint) can print the same page. Returns the paths.
 */
export async function writePrintHtml(input: PdfInput, dir: string, options: PdfOptions = emptyOptions): Promise<string[]> {
  const {jobs} = await printJobs(input, options)
  const assets = await htmlAssets()
  await mkdir(dir, {recursive: true})
  return Promise.all(jobs.map(async (job) => {
    const path = join(dir, `${job.name}.html`)
    await writeFile(path, jobHtml(job, assets))
    return path
  }))
}

/** Write `outDir/pdf/reader.pdf` and `outDir/pdf/<slug>.pdf`; returns the paths written. */
export async function renderPdf(input: PdfInput, outDir: string, options: PdfOptions = emptyOptions): Promise<string[]> {
  const run = await preparePdfs(input, outDir, options)
  try {
    return await run.write(run.print)
  } finally {
    await run.close()
  }
}

/**
 * Plan the PDFs of `input` (the reader first, then each document unless `perDocument` is
 * false) and start Chromium meanwhile; nothing is printed until `write` is called. Whatever
 * fails here, the browser is closed and the work folder removed before the error is thrown.
 */
export async function preparePdfs(input: PdfInput, outDir: string, options: PdfOptions = emptyOptions): Promise<PdfRun> {
  const file = options.file ?? new VFile()
  const timings = options.timings ?? {}
  const add = (phase: string, ms: number) => {
    timings[phase] = (timings[phase] ?? 0) + ms
  }
  const timed = async <T>(phase: string, work: Promise<T>): Promise<T> => {
    const start = performance.now()
    const result = await work
    add(phase, performance.now() - start)
    return result
  }
  // Chromium starts while the print documents are assembled; a failed start is thrown when a
  // render first needs the browser (never, when every PDF comes from the cache).
  const launched = options.browser ? Promise.resolve(options.browser) : timed('launch', launchBrowser({signal: options.signal}))
  launched.catch(() => undefined)
  // The first window (a renderer process) opens meanwhile too; the first render takes it. A
  // window is kept for the next render: loading a page in it is quicker than opening another.
  let ahead: Promise<PrintWindow> | undefined = launched.then(openPrintWindow)
  ahead.catch(() => undefined)
  const idle: Array<Promise<PrintWindow>> = []
  const pdfDir = join(outDir, 'pdf')
  // Made in the try: the browser is closed, the folder removed, whatever fails.
  let removeWorkDir: (() => void) | undefined
  let closed: Promise<void> | undefined
  const close = (): Promise<void> => (closed ??= (async () => {
    if (options.browser) await Promise.all([...idle, ...(ahead ? [ahead] : [])].map((window) => window.then(({context}) => context.close()).catch(() => undefined)))
    else await launched.then((browser) => browser.close()).catch(() => undefined)
    removeWorkDir?.()
  })())
  try {
    const assembling = performance.now()
    const {jobs, noteCount} = await printJobs(input, {...options, file})
    await mkdir(pdfDir, {recursive: true})
    // Made and marked for removal in one step: a signal finds it either absent or marked.
    const htmlDir = options.keepHtml ? pdfDir : mkdtempSync(pdfWorkPrefix())
    if (!options.keepHtml) {
      const remove = (removeWorkDir = removedOnExit(htmlDir))
      options.signal?.addEventListener('abort', remove, {once: true})
    }
    const assets = await htmlAssets()
    add('assemble', performance.now() - assembling)
    const byName = new Map(jobs.map((job) => [job.name, job]))
    const print: PrintPdf = async ({name, html}) => {
      const job = byName.get(name)
      if (!job) throw new Error(`Unexpected print task \`${name}\`, expected one of the edition's PDFs`)
      const label = `${name}.pdf`
      const started = performance.now()
      const htmlPath = join(htmlDir, `${name}.html`)
      const running = await launched
      let opening = idle.pop()
      if (!opening) {
        opening = ahead ?? openPrintWindow(running)
        ahead = undefined
      }
      const rendered = await renderHtmlFile(running, opening, htmlPath, collectIds(job.document.outline), label)
      idle.push(opening)
      for (const [phase, ms] of Object.entries(rendered.phases)) add(phase, ms)
      checkLayout(rendered.layout, label, noteCount(job), file)
      const pdf = await timed('finish', finishPdf(rendered.pdf, {
        title: job.document.title,
        author: job.author,
        ...(job.subject === undefined ? {} : {subject: job.subject}),
        keywords: job.keywords,
        language: job.document.language,
        ...(job.date === undefined ? {} : {date: job.date}),
        identity: html
      }, job.document.outline, rendered.layout.targets, linkDescriptions(job.document.body, printLabels(input.edition.language))))
      add(label, performance.now() - started)
      return pdf
    }
    const write = async (printWith: PrintPdf): Promise<string[]> => {
      const written: string[] = []
      // Each page is serialized when its render starts: the reader's render does not wait for the others'.
      await pool(jobs, options.concurrency ?? 2, async (job) => {
        options.signal?.throwIfAborted()
        const started = performance.now()
        const html = jobHtml(job, assets)
        add('assemble', performance.now() - started)
        await writeFile(join(htmlDir, `${job.name}.html`), html)
        const label = `${job.name}.pdf`
        try {
          const pdf = await printWith({name: job.name, html, identity: JSON.stringify({...job, document: job.document.title})})
          const path = join(pdfDir, label)
          await writeFile(path, pdf)
          written.push(path)
        } catch (error) {
          if (error instanceof BrowserUnavailableError || !options.file || options.signal?.aborted) throw error
          report(file, 'pdf-render-failed', `Unexpected failure rendering ${label}: ${error instanceof Error ? error.message : String(error)}`)
        }
      })
      // Stable order whatever finished first: reader, then the documents in reading order.
      const order = jobs.map((job) => join(pdfDir, `${job.name}.pdf`))
      return written.sort((a, b) => order.indexOf(a) - order.indexOf(b))
    }
    return {names: jobs.map((job) => `${job.name}.pdf`), print, write, close}
  } catch (error) {
    await close()
    throw error
  }
}
