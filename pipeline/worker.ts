/**
 * A build thread: runs the tasks of pipeline/pool.ts it is sent. The compiled pipeline is one
 * bundle (pipeline/bundle.ts), which the thread loads with its code cache, as the main thread does.
 */
import {parentPort} from 'node:worker_threads'
import {formatEntries} from './bibliography/export/formatted.js'
import {renderDocumentPage, type PageResult, type PageTask} from './html/page.js'
import {processDocument, type DocumentSummary, type RecordStore} from './records.js'
import type {FormattedEntry} from './types/citation.js'
import type {CslItem} from './types/csl.js'
import type {SourceInput} from './types/document.js'

export type WorkerTask =
  | {type: 'document'; id: number; input: SourceInput; store?: RecordStore}
  | {type: 'format'; id: number; items: CslItem[]}
  | {type: 'page'; id: number; page: PageTask}
  /** Load citeproc and compile the style ahead of the first batch; no reply. */
  | {type: 'warm'; id: number}

export type WorkerReply =
  | {type: 'document'; id: number; summary: DocumentSummary}
  | {type: 'format'; id: number; entries: FormattedEntry[]}
  | {type: 'page'; id: number; result: PageResult}
  | {type: 'error'; id: number; message: string}

const warmUpItem: CslItem = {id: 'warm-up', type: 'book', title: 'Warm-up', author: [{family: 'Author', given: 'An'}], issued: {'date-parts': [[1950]]}}
let warm = false

function run(task: WorkerTask): WorkerReply | undefined {
  switch (task.type) {
    case 'document':
      return {type: 'document', id: task.id, summary: processDocument(task.input, task.store)}
    case 'format':
      warm = true
      return {type: 'format', id: task.id, entries: formatEntries(task.items)}
    case 'page':
      return {type: 'page', id: task.id, result: renderDocumentPage(task.page)}
    case 'warm':
      if (!warm) formatEntries([warmUpItem])
      warm = true
      return undefined
  }
}

/** Answer the tasks the main thread sends; called by the thread's entry (`dist/pipeline/worker.js`). */
export function serveBuildTasks(): void {
  parentPort?.on('message', (task: WorkerTask) => {
    let reply: WorkerReply | undefined
    try {
      reply = run(task)
    } catch (error) {
      reply = {type: 'error', id: task.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error)}
    }
    if (reply) parentPort?.postMessage(reply)
  })
}
