#!/usr/bin/env node
/** `apparatus`: the compiled CLI's entry (dist/pipeline/cli.js); the pipeline is in the bundle's chunks. */
import {cpus} from 'node:os'
import {Worker} from 'node:worker_threads'
import {buildsOnThreads} from './cli-options.js'
import {tuneV8} from './v8-tuning.js'

tuneV8()
const args = process.argv.slice(2)
// A build starts its first thread now, so the thread loads the pipeline while this one does
// (pipeline/pool.ts takes it, or lets it go with the process).
const early = cpus().length > 1 && buildsOnThreads(args) ? new Worker(new URL('./worker.js', import.meta.url)) : undefined

const bundle = await import('./bundle.js')
if (early) bundle.offerWorker(early)
bundle
  .main(args)
  .then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`apparatus: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`)
      process.exitCode = 3
    }
  )
