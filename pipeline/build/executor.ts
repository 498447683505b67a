/**
 * Where the build's tasks (pipeline/build/tasks.ts) run. A small edition runs them in this
 * thread; a large one on a piscina pool of build threads, one per core, with its search index
 * built on a thread of its own. The CLI chooses (`editionExecutor`); buildEdition only runs
 * tasks by name. Only the compiled pipeline starts threads: from the TypeScript sources (tests)
 * everything runs in this thread.
 */
import {cpus} from 'node:os'
import {fileURLToPath} from 'node:url'
import {Piscina} from 'piscina'
import type {SearchBuilder} from '../html/search-index.js'
import type {SearchRecord} from '../html/types.js'
import type {SearchTask} from './search-worker.js'
import {formatBatches, orderEntries} from '../export/order.js'
import {boundHeap, type HeapBound} from './heap.js'
import type {FormattedEntry} from '../shared/types/citation.js'
import type {CslItem} from '../shared/types/csl.js'
import {tasks, type TaskInput, type TaskName, type TaskOutput} from './tasks.js'

export interface Executor {
  run<Name extends TaskName>(name: Name, input: TaskInput<Name>): Promise<TaskOutput<Name>>
  /** Tasks worth having under way at once. */
  concurrency: number
  /** Build the search index elsewhere (handed to the site as `SiteInput.search`); without it, in the site's thread. */
  openSearch?: (options: SearchThreadOptions) => SearchBuilder
  /** No more tasks will be run (the pages are made, the entries formatted): the threads stop and give their heaps back. */
  release(): Promise<void>
  /** The build is over: the threads stop, and the main thread's heap is no longer bounded. */
  close(): Promise<void>
}

/** Runs every task in this thread, one at a time. */
export const inThisThread: Executor = {
  run: async (name, input) => tasks[name](input as never) as never,
  concurrency: 1,
  release: async () => {},
  close: async () => {}
}

/** Young generation of a large edition's build threads, in MiB (see `threadPool`). */
const threadYoungMb = 16

/** Below this many documents, build threads cost more to start than they save. */
const minimumForThreads = 8

/** Whether this is the compiled pipeline (threads start only from `dist/`). */
const compiled = !import.meta.url.endsWith('.ts')

/**
 * The executor for an edition of `documents` documents: build threads, one per core (at most
 * `jobs`), for an edition of `minimumForThreads` documents or more; else this thread, with one
 * build thread beside it for the bibliography when the build formats its `entries`.
 */
export function editionExecutor(options: {jobs?: number; without?: ReadonlySet<ExecutorMechanism>} = {}): (documents: number, entries: boolean) => Executor {
  const without = options.without ?? new Set()
  return (documents, entries) => {
    const threads = Math.max(1, options.jobs ?? cpus().length)
    if (!compiled || threads < 2) return inThisThread
    if (documents >= minimumForThreads) return threadPool(threads, without)
    return entries && !without.has('side-thread') ? besideThisThread() : inThisThread
  }
}

/**
 * The executor's performance mechanisms, each of which the benchmark measures against its
 * absence (`npm run bench`, `BENCH_MECHANISMS`): the small edition's side thread, the main
 * thread's bounded heap and the build threads' small young generation.
 */
export const executorMechanisms = ['side-thread', 'heap-bound', 'young-generation'] as const
export type ExecutorMechanism = (typeof executorMechanisms)[number]

/** The tasks a small edition runs on its one thread: the bibliography's, which need no page. */
const besideTasks = new Set<TaskName>(['format', 'exports'])

/**
 * A small edition: its documents and pages in this thread, and the bibliography's formatting and
 * exports on one build thread beside it, started with the first document so that it has loaded
 * the pipeline by the time they come. On two cores the seeds' build took 1.34 s with the exports
 * and entries on a thread, 2.0 s with everything in this thread (median of six alternating runs).
 */
function besideThisThread(): Executor {
  let side: Piscina | undefined
  const start = (): Piscina => (side ??= new Piscina({filename: fileURLToPath(threadEntry('worker.js')), minThreads: 1, maxThreads: 1, idleTimeout: Number.POSITIVE_INFINITY}))
  const running = new Set<Promise<unknown>>()
  let closed = false
  return {
    run: (name, input) => {
      if (closed) return Promise.reject(new Error(`No build thread runs \`${name}\` after the build has ended`))
      if (!besideTasks.has(name)) {
        if (name === 'document') start()
        return inThisThread.run(name, input)
      }
      const output = start().run(input, {name}) as Promise<never>
      running.add(output)
      // A task the build no longer waits for (it failed meanwhile) ends with the thread, unreported.
      output.then(() => running.delete(output), () => running.delete(output))
      return output
    },
    concurrency: 1,
    // The thread is small and its exports may still be under way when the pages are made.
    release: async () => {},
    close: async () => {
      closed = true
      await Promise.allSettled([...running])
      const thread = side
      side = undefined
      await thread?.destroy()
    }
  }
}

/**
 * A thread's entry in `dist/pipeline/`: the compiled code that starts threads is a bundle one
 * folder under `dist/` (the CLI's in `dist/pipeline/`, the benchmark's in `dist/bench/`).
 */
function threadEntry(name: string): URL {
  return new URL(`../pipeline/${name}`, import.meta.url)
}

/**
 * `threads` build threads, started with the first task. Meanwhile the main thread, which holds
 * the bibliography of thousands of documents, keeps its heap near what it holds (pipeline/build/heap.ts).
 */
function threadPool(threads: number, without: ReadonlySet<ExecutorMechanism>): Executor {
  let pool: Piscina | undefined
  // Bounded from the first task on: a build that is up to date runs none.
  let heap: HeapBound | undefined
  let closed = false
  const release = async (): Promise<void> => {
    const running = pool
    pool = undefined
    await running?.destroy()
  }
  return {
    run: (name, input) => {
      // The exports hold the whole bibliography, which this thread has: they are written here.
      if (name === 'exports') return inThisThread.run(name, input)
      if (closed) return Promise.reject(new Error(`No build thread runs \`${name}\` after the build has ended`))
      if (!without.has('heap-bound')) heap ??= boundHeap()
      // A young generation of 16 MiB per thread (V8 takes up to 48 for a large heap): on the
      // 2,000-document benchmark the build's peak was 1,015 MiB with it and 1,069 to 1,092 MiB
      // without (four runs), for the same CPU time.
      pool ??= new Piscina({filename: fileURLToPath(threadEntry('worker.js')), minThreads: threads, maxThreads: threads, idleTimeout: Number.POSITIVE_INFINITY, ...(without.has('young-generation') ? {} : {resourceLimits: {maxYoungGenerationSizeMb: threadYoungMb}})})
      const output = pool.run(input, {name})
      // A task the build no longer waits for (it failed meanwhile) ends with the pool, unreported.
      output.catch(() => {})
      return output
    },
    // One task waiting beside each running one, so a thread starts its next at once.
    concurrency: threads * 2,
    openSearch: openSearchThread,
    release,
    close: async () => {
      closed = true
      heap?.release()
      await release()
    }
  }
}

export interface SearchThreadOptions {
  /** The site's `html/` folder, where the thread writes the index's parts. */
  dir: string
  shardSize?: number
  /** Characters of the edition's largest document (its records arrive in one message). */
  largestDocument?: number
}

/**
 * Heap of the search index thread, in MiB: the old generation holds a shard's index and script
 * many times over (and under V8's 2 GiB mark the heap grows by less before it is collected),
 * more for an edition with a very large document; the young generation is V8's default for a
 * large heap, which a limit would otherwise shrink.
 */
function searchHeapMb(largestDocument: number): number {
  return Math.max(256, Math.ceil(((largestDocument + 2_000_000) / 2 ** 20) * 120))
}
const searchYoungMb = 48

/**
 * The search index of a large edition, built on a thread of its own (pipeline/build/search-worker.ts):
 * minisearch's index and the shards' scripts are the largest passing allocations of the site,
 * and they stay off the thread that holds the bibliography. The thread is a piscina pool of one,
 * apart from the build threads: it keeps the index from one task to the next (a shard holds
 * several documents, cut at a size), so every task must reach the same thread, in order; and
 * its heap is bounded differently. Records are sent in edition order without waiting for the
 * thread; it writes the shards itself, and they are listed when the index is finished.
 */
export function openSearchThread(options: SearchThreadOptions): SearchBuilder {
  // The thread holds one shard at a time, whatever the size of the edition: a heap limit well
  // under the default makes V8 collect it sooner instead of letting it grow fourfold.
  const thread = new Piscina({
    filename: fileURLToPath(threadEntry('search-worker.js')),
    name: 'addRecords',
    minThreads: 1,
    maxThreads: 1,
    // In the order sent: piscina otherwise puts a task the busy thread cannot take yet back at the end of its queue.
    stricterFIFO: true,
    idleTimeout: Number.POSITIVE_INFINITY,
    resourceLimits: {maxOldGenerationSizeMb: searchHeapMb(options.largestDocument ?? 0), maxYoungGenerationSizeMb: searchYoungMb}
  })
  const replies: Array<Promise<string[]>> = []
  // The first failure of the thread (a task's error, its death, a failed start): the index it
  // held is lost, so no task is sent after it is known (piscina would start a fresh thread with
  // an empty index and write its shards over the first); `finish` throws it. (An abort signal
  // would drop the tasks already queued, but piscina then holds them back from the busy thread,
  // out of their order.)
  let failure: unknown
  const failed = (error: unknown) => {
    failure ??= error
  }
  thread.on('error', failed)
  const send = (records: readonly SearchRecord[], finish: boolean): void => {
    if (failure !== undefined) {
      const refused = Promise.reject(failure)
      refused.catch(() => {})
      replies.push(refused)
      return
    }
    const reply = thread.run({dir: options.dir, shardSize: options.shardSize, records: records as SearchRecord[], finish} satisfies SearchTask) as Promise<string[]>
    // A failure is thrown by `finish`, never left unhandled.
    reply.catch(failed)
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
      if (failure !== undefined) throw failure
      return paths.map((path) => ({path}))
    },
    async close() {
      await thread.destroy()
    }
  }
}

/**
 * Run the task `name` on each of `inputs`, at most `executor.concurrency` at once, in the order
 * given by `order` (indexes of `inputs`; default as they come); `onDone` is told of each as it
 * ends. The outputs are in the order of `inputs`.
 */
export async function mapTasks<Name extends TaskName>(executor: Executor, name: Name, inputs: ReadonlyArray<TaskInput<Name>>, onDone?: (at: number) => void, order?: readonly number[]): Promise<Array<TaskOutput<Name>>> {
  const outputs: Array<TaskOutput<Name>> = new Array(inputs.length)
  const queue = order ?? inputs.map((_, at) => at)
  let next = 0
  // Once a task fails no other starts: the build is ending.
  let stopped = false
  const lane = async (): Promise<void> => {
    for (let at = queue[next++]; at !== undefined && !stopped; at = queue[next++]) {
      try {
        outputs[at] = await executor.run(name, inputs[at]!)
      } catch (error) {
        stopped = true
        throw error
      }
      onDone?.(at)
    }
  }
  await Promise.all(Array.from({length: Math.min(executor.concurrency, queue.length)}, lane))
  return outputs
}

/**
 * `run` over `inputs`, `ahead` at a time, the outputs yielded in the order of the inputs: the
 * next is started as each is taken, so the threads stay busy while the consumer works.
 */
export async function* inOrder<Input, Output>(inputs: readonly Input[], run: (input: Input) => Promise<Output>, ahead: number): AsyncGenerator<Output> {
  const lanes = Math.max(1, ahead)
  const inFlight: Array<Promise<Output>> = []
  const start = (at: number) => {
    const output = run(inputs[at]!)
    // A failure is thrown where it is taken; one not taken (the consumer stopped) is not unhandled.
    output.catch(() => {})
    inFlight.push(output)
  }
  for (let at = 0; at < Math.min(lanes, inputs.length); at++) start(at)
  for (let at = 0; at < inputs.length; at++) {
    const output = await inFlight.shift()!
    if (at + lanes < inputs.length) start(at + lanes)
    yield output
  }
}

/** Entries for `items`, grouped and ordered, formatted in batches of `formatBatchSize` by `executor`. */
export async function formatOn(executor: Executor, items: readonly CslItem[], onBatch?: (done: number, total: number) => void): Promise<FormattedEntry[]> {
  const batches = formatBatches(items)
  let done = 0
  const formatted = await mapTasks(executor, 'format', batches, () => onBatch?.(++done, batches.length))
  return orderEntries(formatted.flat(), items)
}
