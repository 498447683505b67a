#!/usr/bin/env node
/** `apparatus`: the compiled CLI's entry (dist/pipeline/cli.js); the pipeline is in the bundle's chunks. */
import {tuneV8} from './build/v8-tuning.js'

tuneV8()
const bundle = await import('./bundle.js')
bundle
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`apparatus: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`)
      process.exitCode = 3
    }
  )
