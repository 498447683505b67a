/**
 * The command line's grammar, shared by the CLI (pipeline/cli.ts) and its entry point
 * (pipeline/cli-entry.ts), which reads the command and `--jobs` before the pipeline is loaded.
 */
import {parseArgs} from 'node:util'

export const cliOptions = {
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
export const commands = ['build', 'check', 'watch', 'serve', 'new'] as const

export function isCommand(name: string): name is (typeof commands)[number] {
  return commands.some((command) => command === name)
}

/** Whether `argv` asks for a build that may use threads: a command that builds, without `--jobs 1`. */
export function buildsOnThreads(argv: string[]): boolean {
  let parsed
  try {
    parsed = parseCommandLine(argv)
  } catch {
    // Bad usage: the CLI says so, and builds nothing.
    return false
  }
  const {values, positionals} = parsed
  const command = positionals[0]
  return !values.help && !values.version && command !== undefined && command !== 'new' && isCommand(command) && Number(values.jobs) !== 1
}
