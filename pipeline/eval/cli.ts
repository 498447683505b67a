#!/usr/bin/env node
/**
 * `npm run eval`: measure citations and clustering against the gold data and print a table.
 * Flags: `--gold-notes` cuts notes with the gold boundaries instead of ingest; `--verbose`
 * lists every disagreement. Exit code 0 always: it is a measurement, not a gate (2 on bad usage).
 *
 * `--corpus DIR` builds a corpus folder (MANIFEST.json, texts/, gold/) with the compiled CLI
 * and prints per text the notes expected, found, placed right and the words lost, and where a gold
 * file lists parsed citations, the citation-score metric of ours against them (pipeline/eval/corpus.ts);
 * `--citations GOLD.jsonl|DIR` prints the shared citation-score figures for our build and the
 * naive baseline (`--citation-score PATH` names the script). `--json` prints either as JSON.
 */
import {pathToFileURL} from 'node:url'
import type {Evaluation} from './index.js'
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

const usage = `Usage: npm run eval -- [--gold-notes] [--verbose]
       npm run eval -- --corpus DIR [--json] [--verbose] [--keep]
       npm run eval -- --citations GOLD.jsonl|DIR [--citation-score PATH] [--json]`

const flags = new Set(['--gold-notes', '--verbose', '--json', '--keep'])
const valued = new Set(['--corpus', '--citations', '--citation-score'])

export interface EvalArguments {
  flags: Set<string>
  values: Map<string, string[]>
}

/** Flags and `--name value` (or `--name=value`) options; undefined on bad usage. */
function parseEvalArguments(argv: readonly string[]): EvalArguments | undefined {
  const parsed: EvalArguments = {flags: new Set(), values: new Map()}
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!
    const [name, inline] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined]
    if (flags.has(name) && inline === undefined) parsed.flags.add(name)
    else if (valued.has(name)) {
      const value = inline ?? argv[++index]
      if (value === undefined || value === '') return undefined
      parsed.values.set(name, [...(parsed.values.get(name) ?? []), value])
    } else return undefined
  }
  return parsed
}

async function main(argv: string[]): Promise<void> {
  const args = parseEvalArguments(argv)
  if (!args) {
    process.stderr.write(`${usage}\n`)
    process.exitCode = 2
    return
  }
  const json = args.flags.has('--json')
  const verbose = args.flags.has('--verbose')
  const corpora = args.values.get('--corpus') ?? []
  const citations = args.values.get('--citations') ?? []
  if (corpora.length > 0 || citations.length > 0) {
    const results: {corpora: unknown[]; citations: unknown[]} = {corpora: [], citations: []}
    if (corpora.length > 0) {
      const {evaluateCorpus, formatCorpus} = await import('./corpus.js')
      for (const corpus of corpora) {
        const evaluation = await evaluateCorpus(corpus, {keep: args.flags.has('--keep')})
        if (json) results.corpora.push(evaluation)
        else process.stdout.write(`${formatCorpus(evaluation, verbose)}\n`)
      }
    }
    if (citations.length > 0) {
      const {evaluateCitations, formatCitations} = await import('./peer-citations.js')
      const script = args.values.get('--citation-score')?.at(-1)
      for (const target of citations) {
        const datasets = await evaluateCitations(target, script === undefined ? {} : {script})
        if (json) results.citations.push(...datasets)
        else process.stdout.write(`${formatCitations(datasets)}\n`)
      }
    }
    if (json) {
      // One corpus alone is printed as its own object; otherwise both lists.
      const only = corpora.length === 1 && citations.length === 0 ? results.corpora[0] : corpora.length === 0 ? results.citations : results
      process.stdout.write(`${JSON.stringify(only, null, 2)}\n`)
    }
    return
  }
  const {evaluate} = await import('./index.js')
  const evaluation = await evaluate({goldNotes: args.flags.has('--gold-notes')})
  process.stdout.write(formatEvaluation(evaluation, verbose) + '\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
    process.exitCode = 1
  })
}
