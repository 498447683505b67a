#!/usr/bin/env node
/** `apparatus`: the compiled CLI's entry (dist/pipeline/cli.js); the pipeline is in the bundle. */
import {loadBundle} from './load-bundle.js'

loadBundle()
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
