#!/usr/bin/env node
/**
 * `npm run eval`: measure citations and clustering against the gold data and print a table.
 * Flags: `--gold-notes` cuts notes with the gold boundaries instead of ingest; `--verbose`
 * lists every disagreement. Exit code 0 always: it is a measurement, not a gate.
 */
import {pathToFileURL} from 'node:url'
import {type Evaluation, evaluate} from './index.js'
import type {Scores} from './metrics.js'

function percent(value: number): string {
  return (value * 100).toFixed(1).padStart(6)
}

function row(name: string, value: Scores): string {
  return `${name.padEnd(22)} ${percent(value.precision)} ${percent(value.recall)} ${percent(value.f1)}   ${String(value.tp).padStart(4)} ${String(value.fp).padStart(4)} ${String(value.fn).padStart(4)}`
}

/** The evaluation as a plain-text table. */
export function formatEvaluation(evaluation: Evaluation, verbose = false): string {
  const header = `${''.padEnd(22)} ${'P%'.padStart(6)} ${'R%'.padStart(6)} ${'F1%'.padStart(6)}     TP   FP   FN`
  const lines: string[] = []
  lines.push('Citation split', header, row('citations', evaluation.split), '')
  lines.push('Fields', header)
  for (const [field, value] of Object.entries(evaluation.fields)) lines.push(row(field, value))
  lines.push(row('all fields (micro)', evaluation.fieldsOverall), '')
  lines.push('Types', header)
  for (const [type, value] of Object.entries(evaluation.types)) lines.push(row(type, value))
  lines.push('')
  const {archival, resolution, clusters} = evaluation
  lines.push(`Archival exact match   ${percent(archival.rate)}   (${archival.exact}/${archival.total})`)
  lines.push(`  by field: ${Object.entries(archival.byField).map(([field, rate]) => `${field} ${(rate * 100).toFixed(1)}`).join(', ')}`)
  lines.push(`Ibid/short-form resolution ${percent(resolution.accuracy)}   (${resolution.correct}/${resolution.total})`)
  if (clusters) {
    lines.push('', 'Clusters (pairwise)', header, row('works and documents', clusters.work), row('archival files', clusters.file), row('overall', clusters.overall))
  } else lines.push('', 'Clusters: bibliography not available')
  if (verbose) lines.push('', 'Disagreements', ...evaluation.mismatches)
  return lines.join('\n')
}

async function main(argv: string[]): Promise<void> {
  const evaluation = await evaluate({goldNotes: argv.includes('--gold-notes')})
  process.stdout.write(formatEvaluation(evaluation, argv.includes('--verbose')) + '\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
    process.exitCode = 1
  })
}
