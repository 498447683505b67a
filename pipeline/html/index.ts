/**
 * The HTML edition: a static site that opens from the file system or any web server, reads
 * without JavaScript, and loads nothing from other origins. `buildSite` makes the pages (pure),
 * `renderSite` writes them with their assets to `<outDir>/html/`; `writeSite` writes the pages
 * alone and yields each as it is written (the build counts them).
 */
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {ElementContent, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {toHast} from 'mdast-util-to-hast'
import {VFile} from 'vfile'
import {report} from './rules.js'
import {parseMarkdown} from '../markdown/index.js'
import type {CitationOccurrence, FormattedEntry} from '../shared/types/citation.js'
import type {CslItem} from '../shared/types/csl.js'
import type {DocumentMeta, EditionConfig} from '../shared/types/document.js'
import {archivalIndex, archivalLocation, chronology} from './archives.js'
import {copyAssets} from './assets.js'
import {backLinks} from './backlinks.js'
import {sourceDateEpoch} from '../shared/dates.js'
import {buildDate} from './dates.js'
import {replayMessages} from '../shared/cache.js'
import {editionHandlers} from './handlers.js'
import {remarkSafeContent} from './safe-content.js'
import {SearchIndex, type SearchBuilder} from './search-index.js'
import {chunked} from './stream.js'
import type {SearchRecord} from './types.js'
import {renderDocumentPage, type MarkdownFile, type PageResult, type PageTask} from './page.js'
import {anchorId, documentPage, hrefTo} from './urls.js'
import type {SiteContext, SiteViews} from './views.js'

export {copyAssets}

export interface SiteInput {
  edition: EditionConfig
  /** The page templates (the edition's are templates/html/: `siteViews`). */
  views: SiteViews
  /** Annotated Markdown of each document (its text, or a file to read it from), in edition order. */
  documents: Array<{meta: DocumentMeta; markdown: string | MarkdownFile}>
  bibliography: CslItem[]
  /** Every citation occurrence with its key. */
  occurrences: CitationOccurrence[]
  /** Formatted bibliography entries, grouped; the document pages are made while they are formatted. */
  entries: FormattedEntry[] | Promise<FormattedEntry[]>
  /**
   * The document pages as made from `documentPageTasks`, in edition order (default: made here,
   * one at a time). The build makes them on its threads and takes unchanged ones from its cache.
   */
  pages?: AsyncIterable<PageResult>
  /** Where the search index is built (default: here); it is finished and closed with the site. */
  search?: SearchBuilder
}

export interface SiteOptions {
  /**
   * Seconds since the epoch for the "built on" date (default: `SOURCE_DATE_EPOCH` from the
   * environment; no date is shown when neither is set: the clock is never read).
   */
  sourceDateEpoch?: number
  /** Receives the files that carry diagnostics (one per document, one for the site). */
  files?: VFile[]
  /** Characters of indexed text per shard of the search index (default: see `SearchIndexOptions`). */
  searchShardSize?: number
}

const emptyOptions: SiteOptions = {}

export interface SitePage {
  /** Path relative to the `html/` folder. */
  path: string
  content: string
}

/** A page as it is made: the largest come in parts, written as they are made; none when the page is already written. */
interface PageParts {
  path: string
  content?: string | Iterable<string>
}

/** A file of the site as `writeSite` writes it: `page` for a page that `sitePageCount` counts, false for a shard of the search index. */
export interface SiteFile {
  /** Path relative to the `html/` folder. */
  path: string
  page: boolean
}

/** Make every page of the site (no assets, nothing written); `files` are those with diagnostics. */
export async function buildSite(input: SiteInput, options: SiteOptions = emptyOptions): Promise<{pages: SitePage[]; files: VFile[]}> {
  const pages: SitePage[] = []
  const files: VFile[] = []
  for await (const page of assembleSite(input, {...options, files, pagesDir: undefined})) {
    pages.push({path: page.path, content: page.content === undefined ? '' : typeof page.content === 'string' ? page.content : [...page.content].join('')})
  }
  options.files?.push(...files)
  return {pages, files}
}

/** Write the site to `<outDir>/html/`; returns the written paths relative to outDir. */
export async function renderSite(input: SiteInput, outDir: string, options: SiteOptions = emptyOptions): Promise<string[]> {
  const written: string[] = []
  for await (const file of writeSite(input, outDir, options)) written.push(file.path)
  const assets = await copyAssets(path.join(outDir, 'html'))
  return [...written, ...assets].map((file) => `html/${file}`).sort()
}

/** The pages `writeSite` yields as `page`: the documents, the four site pages and the search index. */
export function sitePageCount(input: Pick<SiteInput, 'documents'>): number {
  return input.documents.length + 5
}

/**
 * Write the pages of the site to `<outDir>/html/` (not its assets: `copyAssets`), yielding
 * each as it is written, so a caller can count them; the search index's shards are written
 * as pages are indexed.
 */
export async function* writeSite(input: SiteInput, outDir: string, options: SiteOptions = emptyOptions): AsyncGenerator<SiteFile> {
  const htmlDir = path.join(outDir, 'html')
  await mkdir(path.join(htmlDir, 'assets', 'search'), {recursive: true})
  // The document pages are written where they are made.
  for await (const page of assembleSite(input, {...options, pagesDir: htmlDir})) {
    if (page.content !== undefined) await writeFile(path.join(htmlDir, page.path), typeof page.content === 'string' ? page.content : chunked(page.content))
    yield {path: page.path, page: !page.path.startsWith('assets/search/')}
  }
}

/**
 * Make the pages one by one and yield each as soon as it is made: a document's tree is gone
 * before the next is rendered, so memory does not grow with the edition. The document pages
 * come first; the pages that need the formatted entries wait for them. The files with
 * diagnostics go to `options.files` once the pages are made.
 */
async function* assembleSite(input: SiteInput, options: SiteOptions & {pagesDir?: string}): AsyncGenerator<PageParts> {
  const siteFile = new VFile({path: 'html'})
  const files: VFile[] = [siteFile]
  const site = siteContext(input.edition, options)
  const search: SearchBuilder = input.search ?? new SearchIndex({shardSize: options.searchShardSize})
  try {
    // Pages are taken in edition order, so the search index and diagnostics are the same
    // however many are made at once.
    const pages = input.pages ?? madeHere(documentPageTasks(input, options, options.pagesDir), input.views)
    const listed: Array<{meta: DocumentMeta; notes: number}> = []
    let at = 0
    for await (const result of pages) {
      const document = input.documents[at++]
      const file = new VFile({path: result.file})
      replayMessages(file, result.messages)
      files.push(file)
      if (!result.page || !document) continue
      listed.push({meta: document.meta, notes: result.notes})
      yield {path: result.page, content: result.content}
      yield* search.addAll(result.search)
    }
    const metas = listed.map(({meta}) => meta)
    const links = backLinks(input.occurrences, metas)
    const index = archivalIndex(input.bibliography)
    const archivalKeys = new Set(input.bibliography.filter((item) => archivalLocation(item)).map((item) => item.id))
    yield {path: 'archives.html', content: withNewline(input.views.archivesPage({site, index, backLinks: links}))}
    yield treePage('search.html', input.views.searchPage(site))

    const entries = completeEntries(input.bibliography, await input.entries, siteFile)
    yield treePage('index.html', input.views.indexPage({
      site,
      introduction: introduction(input.edition.introduction, siteFile),
      documents: listed,
      entries: entries.length,
      archivalDocuments: chronology(index).length
    }))
    yield {path: 'bibliography.html', content: withNewline(input.views.bibliographyPage({site, entries, backLinks: links, archival: archivalKeys}))}
    // The bibliography is indexed in slices, so a shard holds a part of it as it holds whole documents.
    for (let start = 0; start < entries.length; start += entriesPerSlice) {
      const records = entries.slice(start, start + entriesPerSlice).map((entry): SearchRecord => ({url: hrefTo('bibliography.html', anchorId(entry.id)), title: `Bibliography: ${shorten(entry.text, 90)}`, kind: 'bibliography', text: entry.text}))
      yield* search.addAll(records)
    }
    yield* await search.finish()
  } finally {
    // A thread building the index stops with the site, made or not.
    await search.close?.()
  }

  const noisy = files.filter((file) => file.messages.length > 0)
  options.files?.push(...noisy)
}

/** A page made from its tree, with the line end every page has. */
function treePage(pagePath: string, tree: Root): PageParts {
  return {path: pagePath, content: `${toHtml(tree)}\n`}
}

function siteContext(edition: EditionConfig, options: SiteOptions): SiteContext {
  return {edition, built: buildDate(options.sourceDateEpoch ?? sourceDateEpoch())}
}

/**
 * What each document page is made from, in edition order: written to its file in `pagesDir`
 * where it is made when `pagesDir` is given (the site's `html/` folder), else returned.
 */
export function documentPageTasks(input: Pick<SiteInput, 'edition' | 'documents' | 'bibliography' | 'occurrences'>, options: SiteOptions = emptyOptions, pagesDir?: string): PageTask[] {
  const site = siteContext(input.edition, options)
  const keys = new Set(input.bibliography.map((item) => item.id))
  const editionKeys = new Map(input.bibliography.flatMap((item) => (item.custom?.editionDocument ? [[item.custom.editionDocument, item.id] as const] : [])))
  const citedKeys = keysByDocument(input.occurrences, keys)
  return input.documents.map(({meta, markdown}, at) => ({
    markdown,
    meta,
    keys: citedKeys.get(meta.slug) ?? [],
    site,
    position: at + 1,
    total: input.documents.length,
    previous: input.documents[at - 1]?.meta,
    next: input.documents[at + 1]?.meta,
    bibliographyKey: editionKeys.get(meta.slug),
    writeTo: pagesDir === undefined ? undefined : path.join(pagesDir, documentPage(meta.slug))
  }))
}

/** The pages made one at a time in this thread. */
async function* madeHere(tasks: readonly PageTask[], views: SiteViews): AsyncGenerator<PageResult> {
  for (const task of tasks) yield renderDocumentPage(task, views.documentPage)
}

/** A page's parts and the line end every page has. */
function* withNewline(parts: Iterable<string>): Generator<string> {
  yield* parts
  yield '\n'
}

/** Bibliography entries indexed together (a document's records are, however many). */
const entriesPerSlice = 1000

/** The keys each document cites that the bibliography has. */
function keysByDocument(occurrences: readonly CitationOccurrence[], keys: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, Set<string>>()
  for (const occurrence of occurrences) {
    if (!keys.has(occurrence.key)) continue
    let cited = out.get(occurrence.document)
    if (!cited) out.set(occurrence.document, (cited = new Set()))
    cited.add(occurrence.key)
  }
  return new Map([...out].map(([slug, cited]) => [slug, [...cited].sort()]))
}

/** Entries in the given order, plus a plain entry for each item the formatter left out. */
function completeEntries(bibliography: readonly CslItem[], formattedEntries: readonly FormattedEntry[], file: VFile): FormattedEntry[] {
  const formatted = new Set(formattedEntries.map((entry) => entry.id))
  const missing = bibliography.filter((item) => !formatted.has(item.id))
  for (const item of missing) report(file, 'html-missing-entry', `Unexpected bibliography item \`${item.id}\` without a formatted entry, expected one; its title is shown`)
  return [
    ...formattedEntries,
    ...missing.map((item): FormattedEntry => {
      const text = item.title ?? item.id
      return {id: item.id, group: ['Other sources'], html: '', text, bibtex: ''}
    })
  ].map((entry) => (entry.html === '' ? {...entry, html: escapeText(entry.text)} : entry))
}

/** At most `length` characters, cut at a word. */
function shorten(text: string, length: number): string {
  if (text.length <= length) return text
  const cut = text.slice(0, length)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2))}…`
}

/** Plain text as an HTML fragment for the entry parser (which escapes nothing itself). */
function escapeText(text: string): string {
  return toHtml({type: 'text', value: text})
}

function introduction(markdown: string | undefined, file: VFile): ElementContent[] {
  if (!markdown) return []
  const tree = parseMarkdown(markdown)
  remarkSafeContent()(tree, file)
  const hast = toHast(tree, {handlers: editionHandlers({file, keys: new Set(), bibliographyPage: 'bibliography.html'})})
  return hast.type === 'root'
    ? hast.children.filter((child): child is ElementContent => child.type === 'element' || child.type === 'text')
    : []
}
