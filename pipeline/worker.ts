/**
 * A build thread: runs the tasks of pipeline/pool.ts it is sent. The compiled thread
 * (dist/pipeline/worker.js) loads the same bundle's chunks as the CLI (pipeline/bundle.ts).
 */
import {parentPort} from 'node:worker_threads'
import {writeBibliographyExports} from './bibliography/export/index.js'
import {formatEntries} from './bibliography/export/formatted.js'
import type {Bibliography} from './bibliography/index.js'
import {renderDocumentPage, type PageResult, type PageTask} from './html/page.js'
import {processDocument, type DocumentSummary, type RecordStore} from './records.js'
import type {FormattedEntry} from './types/citation.js'
import type {CslItem} from './types/csl.js'
import type {DocumentMeta, SourceInput} from './types/document.js'

/** The bibliography's exports, with its formatted entries, to write into `dir`, a folder that exists (writeBibliographyExports). */
export interface ExportsTask {
  bibliography: Bibliography
  documents: Array<{meta: DocumentMeta}>
  dir: string
  entries: FormattedEntry[]
  title: string
}

export type WorkerTask =
  | {type: 'document'; id: number; input: SourceInput; store?: RecordStore}
  | {type: 'format'; id: number; items: CslItem[]}
  | {type: 'page'; id: number; page: PageTask}
  | {type: 'exports'; id: number; exports: ExportsTask}
  /** Load citeproc and compile the style ahead of the first batch; no reply. */
  | {type: 'warm'; id: number}

export type WorkerReply =
  | {type: 'document'; id: number; summary: DocumentSummary}
  | {type: 'format'; id: number; entries: FormattedEntry[]}
  | {type: 'page'; id: number; result: PageResult}
  | {type: 'exports'; id: number}
  | {type: 'error'; id: number; message: string}

const warmUpItem: CslItem = {id: 'warm-up', type: 'book', title: 'Warm-up', author: [{family: 'Author', given: 'An'}], issued: {'date-parts': [[1950]]}}
let warm = false

function run(task: WorkerTask): WorkerReply | Promise<WorkerReply> | undefined {
  switch (task.type) {
    case 'document':
      return {type: 'document', id: task.id, summary: processDocument(task.input, task.store)}
    case 'format':
      warm = true
      return {type: 'format', id: task.id, entries: formatEntries(task.items)}
    case 'page':
      return {type: 'page', id: task.id, result: renderDocumentPage(task.page)}
    case 'exports': {
      const {bibliography, documents, dir, entries, title} = task.exports
      return writeBibliographyExports(bibliography, documents, dir, {entries, title, existing: true}).then(() => ({type: 'exports', id: task.id}))
    }
    case 'warm':
      if (!warm) formatEntries([warmUpItem])
      warm = true
      return undefined
  }
}

/** Answer the tasks the main thread sends; called by the thread's entry (`dist/pipeline/worker.js`). */
export function serveBuildTasks(): void {
  const failed = (task: WorkerTask, error: unknown): WorkerReply => ({type: 'error', id: task.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error)})
  parentPort?.on('message', (task: WorkerTask) => {
    let reply: ReturnType<typeof run>
    try {
      reply = run(task)
    } catch (error) {
      reply = failed(task, error)
    }
    // A task that writes files answers when they are written; the thread takes others meanwhile.
    if (reply instanceof Promise) {
      reply.then(
        (done) => parentPort?.postMessage(done),
        (error: unknown) => parentPort?.postMessage(failed(task, error))
      )
    } else if (reply) parentPort?.postMessage(reply)
  })
}
