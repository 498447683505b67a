/**
 * Runs the per-document stages on worker threads (one per core, at most `jobs`). Only the
 * compiled pipeline uses threads; from TypeScript sources (tests) the work runs in-process.
 */
import {cpus} from 'node:os'
import {Worker} from 'node:worker_threads'
import {processSource, type DocumentRecord} from './document.js'
import type {SourceInput} from './types/document.js'

/** Below this many documents, starting threads costs more than it saves. */
export const minimumForThreads = 8

export async function processAll(inputs: SourceInput[], jobs = cpus().length): Promise<DocumentRecord[]> {
  const compiled = import.meta.url.endsWith('.js')
  const threads = Math.min(jobs, inputs.length)
  if (!compiled || threads < 2 || inputs.length < minimumForThreads) return inputs.map((input) => processSource(input))
  const results: DocumentRecord[] = new Array(inputs.length)
  let next = 0
  const workers = Array.from({length: threads}, () => new Worker(new URL('./worker.js', import.meta.url)))
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= inputs.length) return resolve()
              const id = next++
              worker.postMessage({id, input: inputs[id]})
            }
            worker.on('message', (message: {id: number; record: DocumentRecord}) => {
              results[message.id] = message.record
              send()
            })
            worker.once('error', reject)
            send()
          })
      )
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return results
}
