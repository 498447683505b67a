/**
 * `npm run eval -- --citations GOLD.jsonl|DIR`: the figures of the shared `citation-score`
 * script (segmentation P/R/F1, per-field P/R/F1 and micro-F1; its docstring defines them) for
 * our build beside the naive baseline. The script is run itself, so the figures are exactly
 * its own; it is found with `--citation-score PATH` or as `tools/citation-score` in a folder
 * above the gold file. Nothing here is read unless asked for on the command line.
 */
import {existsSync, statSync} from 'node:fs'
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {z} from 'zod'
import {projectRoot, runCommand} from './corpus.js'

const scoredFields = ['authors', 'title', 'container', 'year', 'pages'] as const

const prf = z.object({precision: z.number(), recall: z.number(), f1: z.number()}).passthrough()
const scoreSchema = z.object({
  dataset: z.string().nullable(),
  system: z.string(),
  docs: z.number(),
  footnotes: z.number(),
  gold_refs: z.number(),
  citations: z.number(),
  matched: z.number(),
  footnotes_with_citation: z.number(),
  segmentation: prf,
  fields: z.record(prf.extend({matched_accuracy: z.number().nullable()})),
  micro: prf,
  crashes: z.array(z.unknown()),
  timeouts: z.array(z.unknown()),
  build_seconds: z.number().optional(),
  notes_recovered: z.object({notes_written: z.number(), notes_built: z.number(), docs_with_wrong_note_count: z.number()}).passthrough().optional()
}).passthrough()
export type Score = z.infer<typeof scoreSchema>

export interface DatasetScores {
  gold: string
  apparatus: Score
  naive: Score
  /** The script's SUMMARY lines, as it printed them. */
  summaries: string[]
}

/** The gold files a path names: the file, or a folder's `*.jsonl`. */
async function goldFiles(target: string): Promise<string[]> {
  if (!statSync(target).isDirectory()) return [target]
  return (await readdir(target)).filter((name) => name.endsWith('.jsonl')).sort().map((name) => path.join(target, name))
}

/** `tools/citation-score` in the gold file's folder or one above it (up to four levels). */
function findScoreScript(gold: string): string | undefined {
  let folder = path.dirname(path.resolve(gold))
  for (let level = 0; level < 5; level++) {
    const candidate = path.join(folder, 'tools', 'citation-score')
    if (existsSync(candidate)) return candidate
    const parent = path.dirname(folder)
    if (parent === folder) break
    folder = parent
  }
  return undefined
}

async function score(script: string, gold: string, system: 'apparatus' | 'naive', work: string, root: string): Promise<{score: Score; summary: string}> {
  const json = path.join(work, `${system}.json`)
  const result = await runCommand('python3', [script, path.resolve(gold), root, '--system', system, '--work', path.join(work, system), '--json', json], root)
  if (!existsSync(json)) throw new Error(`Unexpected citation-score failure (exit ${result.code}) on ${gold}:\n${result.stderr.slice(-2000)}`)
  const summary = result.stdout.split('\n').find((line) => line.startsWith('SUMMARY')) ?? ''
  return {score: scoreSchema.parse(JSON.parse(await readFile(json, 'utf8'))), summary}
}

/** Score each gold file for our build and the naive baseline. */
export async function evaluateCitations(target: string, options: {script?: string; root?: string} = {}): Promise<DatasetScores[]> {
  const root = options.root ?? projectRoot()
  const out: DatasetScores[] = []
  for (const gold of await goldFiles(target)) {
    const script = options.script ?? findScoreScript(gold)
    if (!script) throw new Error(`Unexpected gold file without the scoring script: pass --citation-score PATH (no tools/citation-score above ${gold})`)
    const work = await mkdtemp(path.join(tmpdir(), 'apparatus-citation-score-'))
    try {
      const apparatus = await score(script, gold, 'apparatus', work, root)
      const naive = await score(script, gold, 'naive', work, root)
      out.push({gold, apparatus: apparatus.score, naive: naive.score, summaries: [apparatus.summary, naive.summary]})
    } finally {
      await rm(work, {recursive: true, force: true})
    }
  }
  return out
}

const number = (value: number) => value.toFixed(3)

/** One table per dataset: ours beside the naive baseline, P/R/F1 per row. */
export function formatCitations(datasets: readonly DatasetScores[]): string {
  const lines: string[] = []
  for (const {gold, apparatus, naive, summaries} of datasets) {
    lines.push(`${apparatus.dataset ?? path.basename(gold)}  (${gold}; ${apparatus.docs} docs, ${apparatus.footnotes} footnotes, ${apparatus.gold_refs} gold refs)`)
    const built = apparatus.notes_recovered
    lines.push(`apparatus: ${apparatus.citations} citations, ${apparatus.footnotes_with_citation} footnotes with >= 1 citation, notes built ${built ? `${built.notes_built}/${built.notes_written}` : '?'}, crashes ${apparatus.crashes.length}, timeouts ${apparatus.timeouts.length}, build ${apparatus.build_seconds ?? '?'} s`)
    lines.push(`naive:     ${naive.citations} citations, ${naive.footnotes_with_citation} footnotes with >= 1 citation`)
    if (apparatus.gold_refs > 0) {
      lines.push('', '| | apparatus P | R | F1 | naive P | R | F1 |', '|---|---|---|---|---|---|---|')
      const row = (name: string, ours: z.infer<typeof prf> | undefined, theirs: z.infer<typeof prf> | undefined) =>
        `| ${name} | ${ours ? `${number(ours.precision)} | ${number(ours.recall)} | ${number(ours.f1)}` : '- | - | -'} | ${theirs ? `${number(theirs.precision)} | ${number(theirs.recall)} | ${number(theirs.f1)}` : '- | - | -'} |`
      lines.push(row('segmentation', apparatus.segmentation, naive.segmentation))
      for (const field of scoredFields) lines.push(row(field, apparatus.fields[field], naive.fields[field]))
      lines.push(row('micro', apparatus.micro, naive.micro))
    }
    lines.push('', ...summaries.filter(Boolean), '')
  }
  return lines.join('\n')
}
