/**
 * The build's costly work as pure functions of what they are sent (and can send back between
 * threads): the per-document stages, the formatting of a batch of bibliography entries, a
 * document page, the bibliography's exports. An executor (pipeline/build/executor.ts) runs them by name, in this thread or
 * on a build thread, whose entry (pipeline/worker.ts) exports them.
 */
import type {Bibliography} from '../bibliography/index.js'
import {formatEntries} from '../export/formatted.js'
import {writeBibliographyExports} from '../export/index.js'
import {renderDocumentPage, type PageResult, type PageTask} from '../html/page.js'
import {processDocument, type DocumentSummary, type RecordStore} from './records.js'
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
  document: (task: DocumentTask): DocumentSummary => processDocument(task.input, task.store),
  format: (items: CslItem[]): FormattedEntry[] => formatEntries(items),
  page: (task: PageTask): PageResult => renderDocumentPage(task),
  exports: (task: ExportsTask): Promise<void> => writeBibliographyExports(task.bibliography, task.documents, task.dir, {entries: task.entries, title: task.title, existing: true})
}

export type Tasks = typeof tasks
export type TaskName = keyof Tasks
export type TaskInput<Name extends TaskName> = Parameters<Tasks[Name]>[0]
export type TaskOutput<Name extends TaskName> = Awaited<ReturnType<Tasks[Name]>>
