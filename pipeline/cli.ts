#!/usr/bin/env node
/**
 * `apparatus`: the compiled CLI's entry (dist/pipeline/cli.js). The commands are imported once V8's
 * flags are set, as the flags hold only for code compiled after them.
 */
import {tuneV8} from './build/v8-tuning.js'

tuneV8()
const {main} = await import('./cli/main.js')
main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`apparatus: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`)
      process.exitCode = 3
    }
  )
