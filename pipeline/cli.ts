#!/usr/bin/env node
/**
 * The `apparatus` command line. Diagnostics are printed with vfile-reporter; exit codes:
 * 0 success, 1 errors in the sources (or warnings with --strict), 2 bad usage,
 * 3 the output could not be written or the build failed unexpectedly.
 */
import {readFileSync, realpathSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {reporter} from 'vfile-reporter'
import {buildEdition, formats, type BuildResult, type Format} from './index.js'
import {catalog} from './diagnostics.js'

const usage = `Usage: apparatus <command> [options]

Commands:
  build            build the edition from the sources into the output folder
  check            report every diagnostic; write nothing

Options:
  --sources DIR    folder of sources, sidecars and edition.yml (default: sources)
  --out DIR        output folder (default: output)
  --format LIST    outputs to build, comma-separated: ${formats.join(',')} (default: all)
  --only GLOB      only documents whose slug or file name matches (repeatable)
  --strict         exit 1 on warnings too
  --quiet          print errors only
  --json           print a machine-readable report (diagnostics, outputs, timings)
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 success; 1 errors in the sources (or warnings with --strict);
2 bad usage; 3 the output could not be written or the build failed.`

/** The package version (the CLI runs from `dist/pipeline/` or, in tests, from `pipeline/`). */
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

function fail(message: string): never {
  process.stderr.write(`apparatus: ${message}\n\n${usage}\n`)
  process.exit(2)
}

export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        sources: {type: 'string'},
        out: {type: 'string'},
        format: {type: 'string'},
        only: {type: 'string', multiple: true},
        strict: {type: 'boolean'},
        quiet: {type: 'boolean'},
        json: {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
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
  const command = positionals[0] ?? 'build'
  if (positionals.length > 1) fail(`unexpected argument \`${positionals[1]}\``)
  if (command !== 'build' && command !== 'check') fail(`unknown command \`${command}\``)

  let selected: Format[] | undefined
  if (values.format) {
    selected = []
    for (const name of values.format.split(',').map((part) => part.trim()).filter(Boolean)) {
      const known = formats.find((format) => format === name)
      if (!known) fail(`unknown format \`${name}\`, expected one of ${formats.join(', ')}`)
      selected.push(known)
    }
  }

  let result: BuildResult
  const started = performance.now()
  try {
    result = await buildEdition({
      sources: values.sources,
      out: values.out,
      formats: selected,
      only: values.only,
      dryRun: command === 'check',
      onProgress: values.json || values.quiet ? undefined : progressLine
    })
  } catch (error) {
    process.stderr.write(`apparatus: the build failed: ${error instanceof Error ? error.message : String(error)}\n`)
    return 3
  }
  const elapsed = performance.now() - started
  const messages = result.files.flatMap((file) => file.messages)
  const errors = messages.filter((message) => message.fatal === true).length
  const warnings = messages.filter((message) => message.fatal === false).length

  if (values.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          command,
          ok: errors === 0 && !(values.strict && warnings > 0),
          documents: result.documents.map(({meta}) => ({slug: meta.slug, source: meta.source, notes: meta.counts.notes, convention: meta.convention})),
          diagnostics: messages.map((message) => ({
            file: message.file,
            line: message.line,
            column: message.column,
            severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
            ruleId: message.ruleId,
            reason: message.reason,
            hint: message.ruleId ? catalog[message.ruleId]?.hint : undefined
          })),
          outputs: result.outputs,
          timings: {...result.timings, total: elapsed}
        },
        null,
        2
      )}\n`
    )
  } else {
    const text = reporter(result.files, {quiet: true, silent: Boolean(values.quiet), verbose: true})
    if (text) process.stderr.write(`${text}\n`)
    if (!values.quiet) {
      const noun = command === 'check' ? 'checked' : 'built'
      process.stderr.write(`${noun} ${result.documents.length} document(s), ${result.bibliography.items.length} bibliography item(s) in ${(elapsed / 1000).toFixed(2)} s\n`)
    }
  }
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0
}

function progressLine(stage: string, done: number, total: number, label: string): void {
  const width = 24
  const filled = Math.round((done / Math.max(total, 1)) * width)
  const line = `${stage} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`
  if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(78).slice(0, 78)}${done === total ? '\n' : ''}`)
  else process.stderr.write(`${line}\n`)
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`apparatus: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`)
      process.exitCode = 3
    }
  )
}
