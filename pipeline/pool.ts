/**
 * The build's threads. The per-document stages (ingest, citations, Markdown), the formatting
 * of bibliography entries (citeproc, the costliest stage) and the document pages are pure
 * functions of their inputs, so a large edition runs them on worker threads: each task goes to
 * the next free worker; entries are formatted in batches while the main thread writes the
 * exports. Only the compiled pipeline uses threads; from TypeScript sources (tests) the work
 * runs in-process.
 */
import {cpus} from 'node:os'
import {Worker} from 'node:worker_threads'
import {formatBatchSize, formatEntries, orderEntries} from './bibliography/export/formatted.js'
import {renderDocumentPage, type PageResult, type PageTask} from './html/page.js'
import type {SearchBuilder} from './html/search-index.js'
import type {SearchRecord} from './html/types.js'
import {processDocument, type DocumentSummary, type RecordStore} from './records.js'
import type {FormattedEntry} from './types/citation.js'
import type {CslItem} from './types/csl.js'
import type {SourceInput} from './types/document.js'
import type {SearchReply, SearchTask} from './search-worker.js'
import type {ExportsTask, WorkerReply, WorkerTask} from './worker.js'

/**
 * A thread's entry in `dist/pipeline/`: the compiled code that starts threads is a bundle one
 * folder under `dist/` (the CLI's in `dist/pipeline/`, the benchmark's in `dist/bench/`).
 */
function threadEntry(name: string): URL {
  return new URL(`../pipeline/${name}`, import.meta.url)
}

/** Whether this is the compiled pipeline (threads start only from `dist/`, not from the TypeScript sources). */
const compiled = !import.meta.url.endsWith('.ts')

/** Below this many documents, worker threads cost more to start than they save. */
export const minimumForThreads = 8

export interface PoolOptions {
  /** Threads at most, the main thread included (default: one per core). */
  jobs?: number
  /** How many documents the build has (decides how many workers are worth starting). */
  documents?: number
}

export interface Pool {
  /** Run the per-document stages; summaries come back in the order of `tasks`. */
  processAll(tasks: readonly DocumentTask[], onDone?: (input: SourceInput) => void): Promise<DocumentSummary[]>
  /** Format bibliography entries, grouped and ordered as `formatBibliography` does. */
  format(items: readonly CslItem[], onBatch?: (done: number, total: number) => void): Promise<FormattedEntry[]>
  /** Make one document page of the HTML edition. */
  renderPage(task: PageTask): Promise<PageResult>
  /**
   * Write the bibliography's exports on a worker (a small edition's, whose worker is idle once
   * the entries are formatted); without it they are written on the main thread.
   */
  writeExports?(task: ExportsTask): Promise<void>
  close(): Promise<void>
}

/** A source to process, and where to store its Markdown and summary (nowhere for a dry run). */
export interface DocumentTask {
  input: SourceInput
  store?: RecordStore
}

interface Pending {
  resolve: (reply: WorkerReply) => void
  reject: (error: unknown) => void
}

/**
 * Tasks a worker is sent at most before it answers: the next waits in its own queue, so it
 * starts on it at once instead of when the main thread, busy with its own share, reads the reply.
 */
const tasksAhead = 2

/**
 * Build threads started before the pipeline was loaded (pipeline/cli-entry.ts): a thread takes
 * about as long to load the bundle as the main thread, so one started with the process is ready
 * when the first documents are. The first pool takes them; one never taken does not keep the
 * process alive.
 */
const earlyWorkers: Worker[] = []

/** Offer a build thread started early (its entry is `dist/pipeline/worker.js`) to the first pool. */
export function offerWorker(worker: Worker): void {
  worker.unref()
  // One that fails before a pool takes it is dropped; the pool then starts its own, which reports.
  const drop = (): void => {
    const at = earlyWorkers.indexOf(worker)
    if (at >= 0) earlyWorkers.splice(at, 1)
  }
  worker.once('error', drop)
  worker.once('exit', drop)
  earlyWorkers.push(worker)
}

class ThreadPool implements Pool {
  private readonly workers: Worker[]
  private readonly pending = new Map<number, Pending>()
  /** Tasks sent to each worker and not yet answered. */
  private readonly load = new Map<Worker, number>()
  private readonly queue: Array<{task: WorkerTask; pending: Pending}> = []
  private nextId = 0
  private failure: unknown

  constructor(count: number) {
    this.workers = Array.from({length: count}, () => {
      const worker = earlyWorkers.shift() ?? new Worker(threadEntry('worker.js'))
      worker.ref()
      worker.on('message', (reply: WorkerReply) => this.settle(worker, reply))
      worker.once('error', (error) => this.fail(error))
      worker.once('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a build thread stopped with exit code ${code}`))
      })
      this.load.set(worker, 0)
      return worker
    })
  }

  /**
   * Run the per-document stages on the workers and, with `here`, on this thread too. Each
   * worker takes the largest document left, so the last to finish is a small one. With `here`
   * the documents are shared out beforehand instead, largest first to the thread with the
   * fewest bytes so far, and each worker is sent its share at once: this thread answers no
   * worker while it works on a document, so a worker that waited for its next one sat idle.
   */
  async processAll(tasks: readonly DocumentTask[], onDone?: (input: SourceInput) => void, here = false): Promise<DocumentSummary[]> {
    const summaries: DocumentSummary[] = new Array(tasks.length)
    const order = tasks.map((_, at) => at).sort((a, b) => tasks[b]!.input.bytes.length - tasks[a]!.input.bytes.length || a - b)
    const onWorker = async (at: number, worker?: Worker): Promise<void> => {
      const {input, store} = tasks[at]!
      const reply = await this.run({type: 'document', id: this.nextId++, input, store}, worker)
      if (reply.type === 'document') summaries[at] = reply.summary
      onDone?.(input)
    }
    if (!here) {
      let next = 0
      const loop = async (): Promise<void> => {
        for (let at = order[next++]; at !== undefined; at = order[next++]) await onWorker(at)
      }
      await Promise.all(Array.from({length: this.workers.length * tasksAhead}, () => loop()))
    } else {
      const shares = shareOut(order.map((at) => tasks[at]!.input.bytes.length), this.workers.length + 1).map((share) => share.map((index) => order[index]!))
      // The workers' shares are sent before this thread starts on its own; a failure is
      // reported once this thread is done, never as an unhandled rejection meanwhile.
      const sent = Promise.all(this.workers.flatMap((worker, at) => shares[at + 1]!.map((task) => onWorker(task, worker))))
      sent.catch(() => {})
      for (const at of shares[0]!) {
        const {input, store} = tasks[at]!
        summaries[at] = processDocument(input, store)
        onDone?.(input)
        // Let the workers' replies in.
        await new Promise((resolve) => setImmediate(resolve))
      }
      await sent
    }
    // Documents are done: the workers warm up citeproc while the bibliography is merged.
    this.warm()
    return summaries
  }

  /** Load citeproc and compile the style on every worker, ahead of the first batch. */
  warm(): void {
    for (const worker of this.workers) worker.postMessage({type: 'warm', id: -1} satisfies WorkerTask)
  }

  async format(items: readonly CslItem[], onBatch?: (done: number, total: number) => void): Promise<FormattedEntry[]> {
    const batches = batchesOf(items)
    let done = 0
    // A lone worker (a small edition's) is sent every batch at once: the main thread, making
    // pages meanwhile, reads a reply (and would send the next batch) only between two pages.
    const to = this.workers.length === 1 ? this.workers[0] : undefined
    const replies = await Promise.all(
      batches.map(async (batch) => {
        const reply = await this.run({type: 'format', id: this.nextId++, items: batch}, to)
        onBatch?.(++done, batches.length)
        return reply
      })
    )
    return orderEntries(replies.flatMap((reply) => (reply.type === 'format' ? reply.entries : [])), items)
  }

  async renderPage(task: PageTask): Promise<PageResult> {
    const reply = await this.run({type: 'page', id: this.nextId++, page: task})
    if (reply.type !== 'page') throw new Error('a build thread answered a page with something else')
    return reply.result
  }

  /** Write the exports on a worker (`Pool.writeExports` of a small edition's pool, not a large one's). */
  async exportsOnWorker(task: ExportsTask): Promise<void> {
    const reply = await this.run({type: 'exports', id: this.nextId++, exports: task})
    if (reply.type !== 'exports') throw new Error('a build thread answered the exports with something else')
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }

  /** Whether a worker has no task, and none is waiting for one. */
  idle(): boolean {
    return this.queue.length === 0 && this.workers.some((worker) => this.load.get(worker) === 0)
  }

  /** Send `task` to the least loaded worker (or queue it), or to `to`, however many it has. */
  private run(task: WorkerTask, to?: Worker): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      const pending = {resolve, reject}
      const worker = to ?? this.leastLoaded()
      if (worker) this.send(worker, task, pending)
      else this.queue.push({task, pending})
    })
  }

  /** The worker with the fewest tasks, when it can take one more. */
  private leastLoaded(): Worker | undefined {
    let best: Worker | undefined
    for (const worker of this.workers) if (best === undefined || this.load.get(worker)! < this.load.get(best)!) best = worker
    return best !== undefined && this.load.get(best)! < tasksAhead ? best : undefined
  }

  private send(worker: Worker, task: WorkerTask, pending: Pending): void {
    this.pending.set(task.id, pending)
    this.load.set(worker, this.load.get(worker)! + 1)
    worker.postMessage(task)
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const pending = this.pending.get(reply.id)
    this.pending.delete(reply.id)
    this.load.set(worker, this.load.get(worker)! - 1)
    const queued = this.queue.shift()
    if (queued) this.send(worker, queued.task, queued.pending)
    if (reply.type === 'error') pending?.reject(new Error(reply.message))
    else pending?.resolve(reply)
  }

  private fail(error: unknown): void {
    this.failure ??= error
    for (const pending of this.pending.values()) pending.reject(error)
    for (const {pending} of this.queue) pending.reject(error)
    this.pending.clear()
    this.queue.length = 0
  }
}

/**
 * Sizes (largest first) shared out between `bins` threads: each goes to the thread with the
 * fewest bytes so far (the first on a tie). Returns the indexes of each thread's share.
 */
export function shareOut(sizes: readonly number[], bins: number): number[][] {
  const shares: number[][] = Array.from({length: bins}, () => [])
  const totals: number[] = new Array(bins).fill(0)
  sizes.forEach((size, index) => {
    let least = 0
    for (let bin = 1; bin < bins; bin++) if (totals[bin]! < totals[least]!) least = bin
    shares[least]!.push(index)
    totals[least]! += size
  })
  return shares
}

function batchesOf(items: readonly CslItem[]): CslItem[][] {
  const batches: CslItem[][] = []
  for (let start = 0; start < items.length; start += formatBatchSize) batches.push(items.slice(start, start + formatBatchSize))
  return batches
}

/** Everything on the main thread: for the TypeScript sources and for `--jobs 1`. */
const inProcess: Pool = {
  processAll: async (tasks, onDone) =>
    tasks.map(({input, store}) => {
      const summary = processDocument(input, store)
      onDone?.(input)
      return summary
    }),
  format: async (items, onBatch) => {
    const batches = batchesOf(items)
    const entries = batches.flatMap((batch, index) => {
      const formatted = formatEntries(batch)
      onBatch?.(index + 1, batches.length)
      return formatted
    })
    return orderEntries(entries, items)
  },
  renderPage: async (task) => renderDocumentPage(task),
  close: async () => {}
}

/**
 * Open the build's threads: one worker per core for editions of `minimumForThreads` documents
 * or more. A small edition shares its documents between the main thread and one worker, which
 * then formats the entries while the main thread writes the exports and the pages.
 */
export function openPool(options: PoolOptions = {}): Pool {
  const workers = plannedWorkers(options)
  if (workers > 0) return new ThreadPool(workers)
  if (!compiled || Math.max(1, options.jobs ?? cpus().length) < 2) return inProcess
  // A small edition: one worker, which takes documents with this thread, then formats the
  // entries while the pages are made here, then writes the exports while this thread writes the
  // site's last pages; a page goes to it when it has nothing to do. (A large edition's exports
  // stay on the main thread: a worker would hold a second copy of its bibliography.)
  const worker = new ThreadPool(1)
  // The site's pages may be done first: the worker stops once the exports are written.
  let exporting: Promise<void> = Promise.resolve()
  return {
    processAll: (tasks, onDone) => worker.processAll(tasks, onDone, true),
    format: (items, onBatch) => worker.format(items, onBatch),
    renderPage: (task) => (worker.idle() ? worker.renderPage(task) : inProcess.renderPage(task)),
    writeExports: (task) => {
      const written = worker.exportsOnWorker(task)
      exporting = written.catch(() => {})
      return written
    },
    close: async () => {
      await exporting
      await worker.close()
    }
  }
}

/** How many workers `openPool` starts (0: all on the main thread). */
function plannedWorkers(options: PoolOptions): number {
  const jobs = Math.max(1, options.jobs ?? cpus().length)
  if (!compiled || jobs < 2 || (options.documents ?? 0) < minimumForThreads) return 0
  return jobs
}

/** Document pages worth having in the making at once with the pool `options` would open. */
export function pagesAhead(options: PoolOptions = {}): number {
  const workers = plannedWorkers(options)
  // A small edition's pages are made here and, when it is free, on its one worker.
  return workers < 2 ? 2 : workers * 2
}

/**
 * Heap of the search index thread, in MiB: the old generation holds a shard's index and script
 * many times over (and under V8's 2 GiB mark the heap grows by less before it is collected),
 * more for an edition with a very large document (its records arrive in one message); the young
 * generation is V8's default for a large heap, which a limit would otherwise shrink.
 */
function searchHeapMb(largestDocument: number): number {
  return Math.max(256, Math.ceil(((largestDocument + 2_000_000) / 2 ** 20) * 120))
}
const searchYoungMb = 48

/**
 * Whether a build with the pool `options` runs on worker threads: such a build also builds its
 * search index on a thread of its own and bounds its main thread's heap (pipeline/heap.ts).
 */
export function usesWorkers(options: PoolOptions = {}): boolean {
  return plannedWorkers(options) > 0
}

/**
 * The search index of a large edition, built on a thread of its own: minisearch's index and
 * the shards' scripts are the largest passing allocations of the site, and they stay off the
 * thread that holds the bibliography. Records are sent in edition order without waiting for
 * the thread; it writes the shards itself, and they are listed when the index is finished.
 */
export function openSearchThread(options: {dir: string; shardSize?: number; largestDocument?: number}): SearchBuilder {
  // The thread holds one shard at a time, whatever the size of the edition: a heap limit well
  // under the default makes V8 collect it sooner instead of letting it grow fourfold.
  const worker = new Worker(threadEntry('search-worker.js'), {resourceLimits: {maxOldGenerationSizeMb: searchHeapMb(options.largestDocument ?? 0), maxYoungGenerationSizeMb: searchYoungMb}})
  const pending = new Map<number, {resolve: (paths: string[]) => void; reject: (error: unknown) => void}>()
  const replies: Array<Promise<string[]>> = []
  let nextId = 0
  let failure: unknown
  let closed = false
  const fail = (error: unknown) => {
    failure ??= error
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  worker.on('message', (reply: SearchReply) => {
    const waiting = pending.get(reply.id)
    pending.delete(reply.id)
    if ('error' in reply) waiting?.reject(new Error(reply.error))
    else waiting?.resolve(reply.paths)
  })
  worker.once('error', fail)
  worker.once('exit', (code) => {
    if (!closed) fail(new Error(`the search index thread stopped with exit code ${code}`))
  })
  const send = (records: readonly SearchRecord[], finish: boolean): void => {
    const id = nextId++
    const reply = new Promise<string[]>((resolve, reject) => {
      if (failure) return reject(failure)
      pending.set(id, {resolve, reject})
      worker.postMessage({id, dir: options.dir, shardSize: options.shardSize, records: records as SearchRecord[], finish} satisfies SearchTask)
    })
    // A failure is thrown by `finish`, never left unhandled.
    reply.catch(() => {})
    replies.push(reply)
  }
  return {
    addAll(records) {
      send(records, false)
      return []
    },
    async finish() {
      send([], true)
      const paths = (await Promise.all(replies)).flat()
      return paths.map((path) => ({path}))
    },
    async close() {
      closed = true
      await worker.terminate()
    }
  }
}
