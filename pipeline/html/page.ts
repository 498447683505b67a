/**
 * One document page, from its annotated Markdown to HTML text: a pure step, so the pages of a
 * large edition are made on the build's threads (pipeline/build/executor.ts) as well as on the main one.
 */
import {closeSync, openSync, readFileSync, writeSync} from 'node:fs'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {storeMessages, type StoredMessage} from '../shared/cache.js'
import type {DocumentMeta} from '../shared/types/document.js'
import {renderDocument} from './document.js'
import {pageHtml} from './stream.js'
import type {SearchRecord} from './types.js'
import {documentPage} from './urls.js'
import type {SiteContext, SiteViews} from './views.js'

/**
 * A document's annotated Markdown in a file, read where the page is made (so a large edition's
 * texts are not all held by the thread that hands out the pages), and the hash of its content
 * (which a cached page is keyed by).
 */
export interface MarkdownFile {
  file: string
  sha256: string
}

export interface PageTask {
  markdown: string | MarkdownFile
  meta: DocumentMeta
  /** The bibliography keys this document cites (the others are not needed to link it). */
  keys: string[]
  site: SiteContext
  position: number
  total: number
  previous?: DocumentMeta
  next?: DocumentMeta
  bibliographyKey?: string
  /**
   * The file to write the page to, where it is made: the page's text then never travels to
   * the thread that hands out the pages (the result has no `content`).
   */
  writeTo?: string
}

export interface PageResult {
  /** Path of the page in `html/`; absent when the Markdown could not be read. */
  page?: string
  /** The page's HTML; absent when the page was written to the task's `writeTo`. */
  content?: string
  search: SearchRecord[]
  notes: number
  /** Path of the Markdown file the messages are about, and the messages. */
  file: string
  messages: StoredMessage[]
}

/** The page of a task's document, made with the `documentPage` template. */
export function renderDocumentPage(task: PageTask, documentPageTree: SiteViews['documentPage']): PageResult {
  const markdownPath = `markdown/${task.meta.slug}.md`
  try {
    const markdown = typeof task.markdown === 'string' ? task.markdown : readFileSync(task.markdown.file, 'utf8')
    const document = renderDocument(markdown, {keys: new Set(task.keys), meta: task.meta, path: markdownPath})
    const tree = documentPageTree({
      site: task.site,
      document,
      meta: task.meta,
      position: task.position,
      total: task.total,
      previous: task.previous,
      next: task.next,
      bibliographyKey: task.bibliographyKey
    })
    const page = {page: documentPage(task.meta.slug), search: document.search, notes: document.notes.length, file: markdownPath, messages: storeMessages(document.file)}
    // Joined from chunks even in memory: `toHtml` of a long document's whole tree holds every piece at once (1.6 GB for 50 MB).
    if (task.writeTo === undefined) return {...page, content: `${[...pageHtml(tree)].join('')}\n`}
    writeChunks(task.writeTo, pageHtml(tree))
    return page
  } catch (error) {
    // parseDocument fails the file when there is no front matter: keep its message, skip the page.
    if (!(error instanceof VFileMessage)) throw error
    const file = new VFile({path: markdownPath})
    file.messages.push(error)
    return {content: '', search: [], notes: 0, file: markdownPath, messages: storeMessages(file)}
  }
}

/** Write the page's chunks and its final newline to `path`. */
function writeChunks(path: string, chunks: Iterable<string>): void {
  const descriptor = openSync(path, 'w')
  try {
    for (const chunk of chunks) writeSync(descriptor, chunk)
    writeSync(descriptor, '\n')
  } finally {
    closeSync(descriptor)
  }
}
