/**
 * The build's costly work as pure functions of what they are sent (and can send back between
 * threads): the per-document stages, the formatting of a batch of bibliography entries, a
 * document page, the bibliography's exports. An executor (pipeline/build/executor.ts) runs them by name, in this thread or
 * on a build thread, whose entry (pipeline/worker.ts) exports them.
 *
 * Each task loads its stage when it first runs: a thread that only formats entries never loads
 * ingest, the citation model or the HTML stage, nor the main thread citation-js when the entries
 * are formatted on another.
 */
import type {Bibliography} from '../bibliography/index.js'
import type {PageResult, PageTask} from '../html/page.js'
import type {DocumentSummary, RecordStore} from './records.js'
import type {FormattedEntry} from '../shared/types/citation.js'
import type {CslItem} from '../shared/types/csl.js'
import type {DocumentMeta, SourceInput} from '../shared/types/document.js'

/** A source to process, and where to store its Markdown and summary (nowhere for a dry run). */
export interface DocumentTask {
  input: SourceInput
  store?: RecordStore
}

/** The bibliography's exports, written into `dir/bib/` once its entries are formatted. */
export interface ExportsTask {
  bibliography: Bibliography
  documents: Array<{meta: DocumentMeta}>
  dir: string
  entries: FormattedEntry[]
  title: string
}

export const tasks = {
  document: async (task: DocumentTask): Promise<DocumentSummary> => (await import('./records.js')).processDocument(task.input, task.store),
  format: async (items: CslItem[]): Promise<FormattedEntry[]> => (await import('../export/formatted.js')).formatEntries(items),
  page: async (task: PageTask): Promise<PageResult> => {
    const [{renderDocumentPage}, {documentPageTree}] = await Promise.all([import('../html/page.js'), import('../../templates/html/document-page.js')])
    return renderDocumentPage(task, documentPageTree)
  },
  exports: async (task: ExportsTask): Promise<void> => (await import('../export/bibliography.js')).writeBibliographyExports(task.bibliography, task.documents, task.dir, {entries: task.entries, title: task.title, existing: true})
}

export type Tasks = typeof tasks
export type TaskName = keyof Tasks
export type TaskInput<Name extends TaskName> = Parameters<Tasks[Name]>[0]
export type TaskOutput<Name extends TaskName> = Awaited<ReturnType<Tasks[Name]>>
