#!/usr/bin/env node
/**
 * The `apparatus` command line. Diagnostics are printed to fit the terminal (80 columns when
 * standard error is not one; pipeline/cli/reporter.ts); exit codes:
 * 0 success, 1 errors in the sources (or warnings with --strict), 2 bad usage (or an output
 * folder that is not Apparatus's),
 * 3 the output could not be written or the build failed unexpectedly.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {createEdition} from './commands/new.js'
import {servePreview, type Preview} from './commands/serve.js'
import {watchFolder} from './commands/watch.js'
import {formats, type Format} from '../build/context.js'
import type {BuildOptions, BuildResult} from '../build/edition.js'
import {isCommand, parseCommandLine} from './options.js'
import {VFile} from 'vfile'
import {diagnosticsReport} from './reporter.js'
import {report} from '../build/rules.js'
import {hintOf} from '../shared/diagnostics.js'
import {progressReporter} from './progress.js'
import {exitOnSignals} from './signals.js'
import {terminalSafe} from './terminal.js'

const usage = `Usage: apparatus <command> [options]

Commands:
  build            build the edition from the sources into the output folder
  check            report every diagnostic; write nothing
  watch            build, then rebuild whenever a source changes
  serve            build, serve output/html on 127.0.0.1 with live reload, rebuild on change
  new DIR          create a starter edition (one sample source and its sidecar) in DIR

Options:
  --sources DIR    folder of sources, sidecars and edition.yml (default: sources)
  --out DIR        output folder (default: output)
  --format LIST    outputs to build, comma-separated: ${formats.join(',')} (default: all)
  --only GLOB      only documents whose slug or file name matches (repeatable)
  --jobs N         threads for the per-document stages (default: one per core)
  --strict         exit 1 on warnings too
  --quiet          print errors only
  --json           print a machine-readable report (diagnostics, outputs, timings)
  --port N         port for serve (default: 4173; 0 picks a free one)
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 success; 1 errors in the sources (or warnings with --strict);
2 bad usage, or an output folder that is not Apparatus's (output-not-ours);
3 the output could not be written or the build failed.`

/** The package version (the CLI runs from `dist/pipeline/` or, in tests, from `pipeline/cli/`). */
function version(): string {
  for (const relative of ['../../package.json', '../package.json']) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8'))
      if (pkg && typeof pkg === 'object' && 'name' in pkg && pkg.name === 'apparatus' && 'version' in pkg) return String(pkg.version)
    } catch {
      continue
    }
  }
  return 'unknown'
}

/** What `apparatus` alone prints: the commands, and where the options are. */
const shortUsage = `Usage: apparatus <command> [options]

Commands: build, check, watch, serve, new DIR
Run \`apparatus --help\` for the options, or \`apparatus build\` to build the edition.`

/** Bad usage: one line, a pointer to --help, exit 2. */
function fail(message: string): never {
  process.stderr.write(`apparatus: ${terminalSafe(message)}\nRun \`apparatus --help\` for the commands and options.\n`)
  process.exit(2)
}

/** What `apparatus new DIR` says once the edition is made: how to build it and where to look. */
function newEditionAdvice(dir: string, files: number): string {
  const paths = `--sources ${path.join(dir, 'sources')} --out ${path.join(dir, 'output')}`
  return [
    `created ${files} files in ${dir}`,
    `build it (from the Apparatus folder, after \`npm run build\`) with:`,
    `  npx apparatus build ${paths}`,
    `  (\`node dist/pipeline/cli.js\` works in place of \`npx apparatus\`)`,
    `then open ${path.join(dir, 'output', 'html', 'index.html')} in a browser, or preview it with:`,
    `  npx apparatus serve ${paths}`,
    ''
  ].join('\n')
}

/** node:util parseArgs's error as one line of ours. */
function parseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const code = error instanceof Error && 'code' in error ? String(error.code) : ''
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option \`${option}\``
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /argument missing/.test(message) ? `option \`${option}\` takes a value` : `option \`${option}\` takes no value`
  }
  return message.split('\n')[0]!
}

/** The options each command takes (`--help` and `--version` go with any). */
const buildOptionNames = ['sources', 'out', 'format', 'only', 'jobs', 'strict', 'quiet', 'json'] as const
const commandOptions: Record<string, readonly string[]> = {
  build: buildOptionNames,
  // check writes nothing: no formats to choose.
  check: buildOptionNames.filter((name) => name !== 'format'),
  watch: buildOptionNames,
  serve: [...buildOptionNames, 'port'],
  new: ['quiet']
}

export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseCommandLine(argv)
  } catch (error) {
    fail(parseError(error))
  }
  const {values, positionals} = parsed
  if (values.help) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  if (values.version) {
    process.stdout.write(`${version()}\n`)
    return 0
  }
  const command = positionals[0]
  if (command === undefined) {
    process.stderr.write(`${shortUsage}\n`)
    return 2
  }
  if (!isCommand(command)) fail(`unknown command \`${command}\``)
  const foreign = Object.keys(values).find((name) => name !== 'help' && name !== 'version' && !commandOptions[command]!.includes(name))
  if (foreign) fail(`\`${command}\` takes no \`--${foreign}\`${foreign === 'port' ? ' (it is an option of `serve`)' : ''}`)
  if (command === 'new') {
    const dir = positionals[1]
    if (!dir || positionals.length > 2) fail('`new` takes one folder: apparatus new DIR')
    try {
      const written = await createEdition(dir)
      if (!values.quiet) process.stderr.write(newEditionAdvice(dir, written.length))
      return 0
    } catch (error) {
      process.stderr.write(`apparatus: cannot create the edition: ${error instanceof Error ? error.message : String(error)}\n`)
      return 3
    }
  }
  if (positionals.length > 1) fail(`unexpected argument \`${positionals[1]}\``)

  // An empty folder name would be the working folder: a shell variable that was not set.
  for (const name of ['sources', 'out'] as const) {
    if (values[name] !== undefined && values[name].trim() === '') fail(`--${name} takes a folder, not an empty name`)
  }
  let selected: Format[] | undefined
  if (values.format) {
    selected = []
    for (const name of values.format.split(',').map((part) => part.trim()).filter(Boolean)) {
      const known = formats.find((format) => format === name)
      if (!known) fail(`unknown format \`${name}\`, expected one of ${formats.join(', ')}`)
      selected.push(known)
    }
  }
  const port = values.port === undefined ? 4173 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port takes a port number, not \`${values.port}\``)

  const jobs = values.jobs === undefined ? undefined : Number(values.jobs)
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) fail(`--jobs takes a whole number of at least 1, not \`${values.jobs}\``)

  // The pipeline is loaded only for a command that builds (not for --help, --version or new).
  const {editionExecutor} = await import('../build/executor.js')
  const options: BuildOptions = {
    executor: editionExecutor({jobs}),
    sources: values.sources,
    out: values.out,
    formats: selected,
    only: values.only,
    dryRun: command === 'check',
  }
  // A new task list for each build: a watch prints diagnostics between builds.
  const once = () => runBuild(command, {...options, onProgress: values.json || values.quiet ? undefined : progressReporter(process.stderr)}, values)
  if (command === 'build' || command === 'check') return once()

  const sourcesDir = values.sources ?? 'sources'
  let preview: Preview | undefined
  if (command === 'serve') {
    // The port first: a busy one is one line and exit 3, before any build.
    try {
      preview = await servePreview(path.join(values.out ?? 'output', 'html'), port)
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : ''
      const why = code === 'EADDRINUSE' ? 'the port is in use' : code === 'EACCES' ? 'permission denied' : error instanceof Error ? error.message : String(error)
      process.stderr.write(`apparatus: cannot serve on 127.0.0.1:${port}: ${why}; choose another port with --port  serve-port-unavailable\n`)
      return 3
    }
  }
  // Bad usage found by the first build (an `--only` that selects nothing, an output folder that
  // is not Apparatus's) will not mend itself: nothing is watched or served.
  if ((await once()) === 2) {
    await preview?.close()
    return 2
  }
  if (preview) process.stderr.write(`serving ${preview.url} (Ctrl-C to stop)\n`)
  const watcher = watchFolder(sourcesDir, async () => {
    await once()
    preview?.reload()
  }, 150, (message) => process.stderr.write(`${terminalSafe(message)}\n`))
  process.stderr.write(`watching ${sourcesDir} for changes\n`)
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  watcher.close()
  await preview?.close()
  return 0
}

interface ReportFlags {
  strict?: boolean
  quiet?: boolean
  json?: boolean
}

/** Rules after which a build wrote nothing (the sources or the output stood in the way, or it failed). */
const nothingBuiltRules: ReadonlySet<string> = new Set(['sources-unreadable', 'sources-empty', 'output-not-ours', 'output-unwritable', 'build-failed'])

/** Run one build or check, print its diagnostics, and return the exit code. */
async function runBuild(command: string, options: BuildOptions, flags: ReportFlags): Promise<number> {
  let result: BuildResult
  const started = performance.now()
  const {buildEdition, UsageError} = await import('../build/edition.js')
  try {
    result = await exitOnSignals((signal) => buildEdition({...options, signal}))
  } catch (error) {
    // Bad usage found in the sources (`--only` selecting nothing): one line, exit 2.
    if (error instanceof UsageError) {
      process.stderr.write(`apparatus: ${terminalSafe(error.message)}\n`)
      return 2
    }
    // Reported as a diagnostic, so that --json still prints its report.
    const file = new VFile({path: options.out ?? 'output'})
    report(file, 'build-failed', `The build failed: ${error instanceof Error ? error.message : String(error)}`)
    result = {edition: {title: '', editors: [], language: 'en', order: []}, documents: [], bibliography: {items: [], occurrences: []}, files: [file], outputs: [], timings: {}, documentWork: 0, upToDate: false}
  }
  const elapsed = performance.now() - started
  const messages = result.files.flatMap((file) => file.messages)
  const errors = messages.filter((message) => message.fatal === true).length
  const warnings = messages.filter((message) => message.fatal === false).length
  const failed = errors > 0 || (flags.strict === true && warnings > 0)

  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          command,
          ok: !failed,
          upToDate: result.upToDate,
          documentWork: result.documentWork,
          documents: result.documents.map(({meta}) => ({slug: meta.slug, source: meta.source, notes: meta.counts.notes, convention: meta.convention})),
          diagnostics: messages.map((message) => ({
            file: message.file,
            line: message.line,
            column: message.column,
            severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
            ruleId: message.ruleId,
            reason: message.reason,
            hint: hintOf(message.ruleId)
          })),
          outputs: result.outputs,
          timings: {...result.timings, total: elapsed}
        },
        null,
        2
      )}\n`
    )
  } else {
    const text = diagnosticsReport(result.files, Boolean(flags.quiet), Math.min(process.stderr.isTTY ? process.stderr.columns || 80 : 80, 160))
    if (text) process.stderr.write(`${text}\n`)
    if (!flags.quiet) {
      const nothingBuilt = messages.some((message) => nothingBuiltRules.has(message.ruleId ?? ''))
      const noun = command === 'check' ? 'checked' : nothingBuilt ? 'nothing built:' : result.upToDate ? 'up to date:' : 'built'
      process.stderr.write(`${noun} ${result.documents.length} document(s), ${result.bibliography.items.length} bibliography item(s) in ${(elapsed / 1000).toFixed(2)} s\n`)
    }
  }
  if (messages.some((message) => message.ruleId === 'output-not-ours')) return 2
  if (messages.some((message) => message.ruleId === 'output-unwritable' || message.ruleId === 'build-failed')) return 3
  return failed ? 1 : 0
}
