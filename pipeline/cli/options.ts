/** The command line's grammar (pipeline/cli/main.ts). */
import {parseArgs} from 'node:util'

const cliOptions = {
  sources: {type: 'string'},
  out: {type: 'string'},
  format: {type: 'string'},
  only: {type: 'string', multiple: true},
  strict: {type: 'boolean'},
  quiet: {type: 'boolean'},
  json: {type: 'boolean'},
  port: {type: 'string'},
  jobs: {type: 'string'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} as const

/** The command line's options and positionals; throws on an unknown or malformed option. */
export function parseCommandLine(argv: string[]) {
  return parseArgs({args: argv, allowPositionals: true, options: cliOptions})
}

/** The commands: the first positional (without one, the CLI prints its usage and builds nothing). */
const commands = ['build', 'check', 'watch', 'serve', 'new'] as const

export function isCommand(name: string): name is (typeof commands)[number] {
  return commands.some((command) => command === name)
}
