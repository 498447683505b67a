/**
 * Keeps a thread's heap near what it holds alive during the long stages of a large edition.
 * V8 lets a heap grow to several times its live size before it collects it (up to fourfold
 * on a machine with much memory); on the main thread, which holds the bibliography of
 * thousands of documents, that slack was most of the build's peak memory. While bounded, the
 * heap is looked at a few times a second, and a full collection is asked for when it has grown
 * by `headroomMb` since the last one. Measured on a loaded machine with build threads: the
 * 2,000-document benchmark corpus peaked at 1,425 MiB without it and 1,060 to 1,100 MiB with
 * it; 500 documents at about 960 MiB without and 800 to 850 MiB with, for up to a tenth more
 * CPU time.
 */
import {getHeapStatistics, setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

export interface HeapBound {
  /** Stop looking at the heap. */
  release(): void
  /** Collections asked for so far. */
  collections(): number
}

export function boundHeap(options: {headroomMb?: number; intervalMs?: number} = {}): HeapBound {
  const headroom = (options.headroomMb ?? 32) * 2 ** 20
  // The collector is exposed to contexts made after the flag is set (as Jest's leak detector does).
  setFlagsFromString('--expose-gc')
  const collect = runInNewContext('gc') as () => void
  let floor = getHeapStatistics().used_heap_size
  let count = 0
  const timer = setInterval(() => {
    const used = getHeapStatistics().used_heap_size
    // V8's own collections lower the floor too.
    if (used < floor) floor = used
    if (used <= floor + headroom) return
    collect()
    count++
    floor = getHeapStatistics().used_heap_size
  }, options.intervalMs ?? 200)
  timer.unref()
  return {release: () => clearInterval(timer), collections: () => count}
}
