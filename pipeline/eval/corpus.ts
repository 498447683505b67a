/**
 * `npm run eval -- --corpus DIR`: build a corpus of texts with note gold (a `MANIFEST.json`,
 * `texts/`, `gold/<stem>.json`; the layout of corpus-dev) with the compiled CLI, as a user runs
 * it, and count per text the notes expected, found, placed right, and the words lost.
 */
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {z} from 'zod'
import {goldFileSchema, notesOfMarkdown, placeNotes, type PlacementMiss} from './notes.js'

const manifestSchema = z.array(z.object({file: z.string(), expectedNoteCount: z.number().optional()}).passthrough())

const reportSchema = z.object({
  documents: z.array(z.object({slug: z.string(), source: z.string(), notes: z.number(), convention: z.string().optional()}).passthrough()),
  diagnostics: z.array(z.object({file: z.string().optional(), severity: z.string().optional(), ruleId: z.string().optional(), reason: z.string().optional()}).passthrough())
}).passthrough()
type Report = z.infer<typeof reportSchema>

export interface TextResult {
  /** The text's file name in `texts/`. */
  file: string
  /** The document's slug, or null when the build made no document of it. */
  slug: string | null
  convention: string | null
  expected: number
  found: number
  placed: number
  wordsLost: number
  /** Rule ids of the build's warnings and errors about this text. */
  warnings: string[]
  misses: PlacementMiss[]
  /** Set when the whole build failed and this text's own build failed too. */
  buildError?: string
}

export interface CorpusEvaluation {
  corpus: string
  texts: TextResult[]
  totals: {texts: number; rightCount: number; expected: number; found: number; placed: number; wordsLost: number}
  /** The build's exit code (1: some source has errors, e.g. words lost; 3 or more: it failed and each text was built alone). */
  buildExitCode: number
}

/** The repository root: the folder above this module with Apparatus's package.json (source or dist/). */
export function projectRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let folder = from
  for (;;) {
    if (existsSync(path.join(folder, 'package.json')) && existsSync(path.join(folder, 'pipeline'))) return folder
    const parent = path.dirname(folder)
    if (parent === folder) throw new Error(`Unexpected module outside the Apparatus repository: ${from}`)
    folder = parent
  }
}

interface Run {
  code: number
  stdout: string
  stderr: string
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, FORCE_COLOR: '0'}})
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code: code ?? 3, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8')}))
  })
}

export {run as runCommand}

/** Build a folder of texts with the compiled CLI; no report when the build failed (exit 3, no JSON). */
async function buildOnce(root: string, sources: string, out: string): Promise<{report?: Report; code: number; stderr: string}> {
  const cli = path.join(root, 'dist/pipeline/cli.js')
  if (!existsSync(cli)) throw new Error(`Unexpected missing ${cli}, expected a compiled CLI (run \`node scripts/compile.mjs\`)`)
  const result = await run(process.execPath, [cli, 'build', '--format', 'markdown', '--json', '--sources', sources, '--out', out], path.dirname(sources))
  if (result.code !== 0 && result.code !== 1) return {code: result.code, stderr: result.stderr}
  try {
    return {report: reportSchema.parse(JSON.parse(result.stdout)), code: result.code, stderr: result.stderr}
  } catch {
    return {code: result.code, stderr: result.stderr}
  }
}

/**
 * Build the texts in one run, as a user would; when that run fails, each text alone (into
 * `alone/<file>/` beside the sources), so one text that breaks the build does not hide the others. `failed` names
 * the texts whose own build failed, with the end of its error output.
 */
async function buildCorpus(root: string, sources: string, out: string): Promise<{report: Report; code: number; markdown: Map<string, string>; failed: Map<string, string>}> {
  const markdown = new Map<string, string>()
  const whole = await buildOnce(root, sources, out)
  if (whole.report) {
    for (const document of whole.report.documents) markdown.set(path.basename(document.source), path.join(out, 'markdown', `${document.slug}.md`))
    return {report: whole.report, code: whole.code, markdown, failed: new Map()}
  }
  const report: Report = {documents: [], diagnostics: []}
  const failed = new Map<string, string>()
  let code = 0
  for (const file of (await readdir(sources)).sort()) {
    if (file.endsWith('.yml')) continue
    const alone = path.join(path.dirname(sources), 'alone', file)
    await cp(path.join(sources, file), path.join(alone, 'sources', file))
    const sidecar = file.replace(/\.[^.]+$/, '.yml')
    if (existsSync(path.join(sources, sidecar))) await cp(path.join(sources, sidecar), path.join(alone, 'sources', sidecar))
    const one = await buildOnce(root, path.join(alone, 'sources'), path.join(alone, 'out'))
    code = Math.max(code, one.code)
    if (!one.report) {
      failed.set(file, `build failed (exit ${one.code}): ${one.stderr.trim().split('\n').slice(-3).join(' / ')}`)
      continue
    }
    report.documents.push(...one.report.documents)
    report.diagnostics.push(...one.report.diagnostics)
    for (const document of one.report.documents) markdown.set(path.basename(document.source), path.join(alone, 'out', 'markdown', `${document.slug}.md`))
  }
  return {report, code, markdown, failed}
}

const wordsLostCount = /loss of (\d+) word/

/** Evaluate the note placement of a corpus folder. `keep`: leave the temporary build folder. */
export async function evaluateCorpus(corpus: string, options: {root?: string; keep?: boolean} = {}): Promise<CorpusEvaluation> {
  const root = options.root ?? projectRoot()
  const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(corpus, 'MANIFEST.json'), 'utf8')))
  const work = await mkdtemp(path.join(tmpdir(), 'apparatus-eval-'))
  try {
    const sources = path.join(work, 'sources')
    const out = path.join(work, 'out')
    await cp(path.join(corpus, 'texts'), sources, {recursive: true})
    const {report, code, markdown: markdownOf, failed} = await buildCorpus(root, sources, out)
    const documents = new Map(report.documents.map((document) => [path.basename(document.source), document]))
    const texts: TextResult[] = []
    for (const entry of manifest) {
      const file = path.basename(entry.file)
      const stem = file.replace(/\.[^.]+$/, '')
      const gold = goldFileSchema.parse(JSON.parse(await readFile(path.join(corpus, 'gold', `${stem}.json`), 'utf8')))
      const document = documents.get(file)
      const diagnostics = report.diagnostics.filter((diagnostic) => diagnostic.file !== undefined && path.basename(diagnostic.file) === file)
      let wordsLost = 0
      for (const diagnostic of diagnostics) {
        if (diagnostic.ruleId !== 'words-lost') continue
        wordsLost += Number(wordsLostCount.exec(diagnostic.reason ?? '')?.[1] ?? 0)
      }
      const warnings = [...new Set(diagnostics.filter((diagnostic) => diagnostic.severity === 'warning' || diagnostic.severity === 'error').map((diagnostic) => diagnostic.ruleId ?? '?'))]
      let notes: ReturnType<typeof notesOfMarkdown> = []
      const markdown = markdownOf.get(file)
      if (markdown && existsSync(markdown)) notes = notesOfMarkdown(await readFile(markdown, 'utf8'))
      const placement = placeNotes(gold.notes, notes)
      texts.push({
        file,
        slug: document?.slug ?? null,
        convention: document?.convention ?? null,
        expected: gold.noteCount ?? entry.expectedNoteCount ?? gold.notes.length,
        found: document?.notes ?? 0,
        placed: placement.placed,
        wordsLost,
        warnings,
        misses: document ? placement.misses : placement.misses.map((miss) => ({...miss, reason: failed.get(file) ?? 'text not built'})),
        ...(failed.has(file) ? {buildError: failed.get(file)} : {})
      })
    }
    const sum = (key: 'expected' | 'found' | 'placed' | 'wordsLost') => texts.reduce((total, text) => total + text[key], 0)
    return {
      corpus,
      texts,
      totals: {texts: texts.length, rightCount: texts.filter((text) => text.slug !== null && text.found === text.expected).length, expected: sum('expected'), found: sum('found'), placed: sum('placed'), wordsLost: sum('wordsLost')},
      buildExitCode: code
    }
  } finally {
    if (options.keep) process.stderr.write(`build kept in ${work}\n`)
    else await rm(work, {recursive: true, force: true})
  }
}

/** The evaluation as a table; `verbose` lists the gold notes not placed right and the warnings. */
export function formatCorpus(evaluation: CorpusEvaluation, verbose = false): string {
  const width = Math.max(24, ...evaluation.texts.map((text) => text.file.length))
  const header = `${'text'.padEnd(width)}  expected  found  placed  words lost  convention`
  const line = (name: string, expected: number, found: number, placed: number, lost: number, convention: string) =>
    `${name.padEnd(width)}  ${String(expected).padStart(8)}  ${String(found).padStart(5)}  ${String(placed).padStart(6)}  ${String(lost).padStart(10)}  ${convention}`
  const lines = [header]
  for (const text of evaluation.texts) lines.push(line(text.file, text.expected, text.found, text.placed, text.wordsLost, text.slug === null ? (text.buildError ? '(build failed)' : '(not built)') : text.convention ?? ''))
  const {totals} = evaluation
  lines.push(line('total', totals.expected, totals.found, totals.placed, totals.wordsLost, ''))
  const share = totals.expected === 0 ? 100 : (100 * totals.placed) / totals.expected
  lines.push('', `right note count in ${totals.rightCount} of ${totals.texts} texts; ${totals.placed} of ${totals.expected} notes placed right (${share.toFixed(1)} %); ${totals.wordsLost} words lost`)
  if (verbose) {
    for (const text of evaluation.texts) {
      if (text.misses.length === 0 && text.warnings.length === 0) continue
      lines.push('', `${text.file}${text.warnings.length > 0 ? `  (warnings: ${text.warnings.join(', ')})` : ''}`)
      if (text.slug === null) lines.push(`  not built (${text.buildError ?? 'no document'}): ${text.misses.length} gold notes`)
      else for (const miss of text.misses) lines.push(`  n=${miss.n}${miss.label !== null ? ` [${miss.label}]` : ''}: ${miss.reason}`)
    }
  }
  return lines.join('\n')
}

