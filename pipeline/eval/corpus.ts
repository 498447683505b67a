/**
 * `npm run eval -- --corpus DIR`: build a corpus of texts with note gold (a `MANIFEST.json`,
 * `texts/`, `gold/<stem>.json`; the layout of corpus-dev) with the compiled CLI, as a user runs
 * it, and count per text the notes expected, found, placed right, and the words lost; where a
 * gold file lists parsed `citations`, score ours against them (`corpus-citations.ts`).
 */
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {z} from 'zod'
import {citationFields} from './citation-metric.js'
import {formatDisagreement, goldCitationSchema, itemSchema, occurrenceSchema, scoreTextCitations, totalCitationScore, type BibliographyItem, type Occurrence, type TextCitationScore} from './corpus-citations.js'
import {goldFileSchema, mapNotes, notesOfMarkdown, placeNotes, type OutputNote, type PlacementMiss} from './notes.js'

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
  /** Our citations against the gold's, when the gold file lists citations. */
  citations?: TextCitationScore & {
    /** Gold notes not placed right whose citations are taken from the note of ours that starts with (or holds) their start. */
    looseNotes: number[]
  }
}

export interface CorpusEvaluation {
  corpus: string
  texts: TextResult[]
  totals: {texts: number; rightCount: number; expected: number; found: number; placed: number; wordsLost: number}
  /** The build's exit code (1: some source has errors, e.g. words lost; 3 or more: it failed and each text was built alone). */
  buildExitCode: number
  /** The citation figures of all texts with citation gold together; absent when none has any. */
  citationTotals?: ReturnType<typeof totalCitationScore> & {texts: number}
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
  const result = await run(process.execPath, [cli, 'build', '--format', 'markdown,bib', '--json', '--sources', sources, '--out', out], path.dirname(sources))
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
async function buildCorpus(root: string, sources: string, out: string): Promise<{report: Report; code: number; markdown: Map<string, string>; bib: Map<string, string>; failed: Map<string, string>}> {
  const markdown = new Map<string, string>()
  const bib = new Map<string, string>()
  const whole = await buildOnce(root, sources, out)
  if (whole.report) {
    for (const document of whole.report.documents) {
      markdown.set(path.basename(document.source), path.join(out, 'markdown', `${document.slug}.md`))
      bib.set(path.basename(document.source), path.join(out, 'bib'))
    }
    return {report: whole.report, code: whole.code, markdown, bib, failed: new Map()}
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
    for (const document of one.report.documents) {
      markdown.set(path.basename(document.source), path.join(alone, 'out', 'markdown', `${document.slug}.md`))
      bib.set(path.basename(document.source), path.join(alone, 'out', 'bib'))
    }
  }
  return {report, code, markdown, bib, failed}
}

/** The citation records and bibliography items of a build's `bib/` folder (empty when it wrote none). */
async function readBib(folder: string | undefined): Promise<{occurrences: Occurrence[]; items: Map<string, BibliographyItem>}> {
  const citations = folder ? path.join(folder, 'citations.json') : ''
  const bibliography = folder ? path.join(folder, 'bibliography.json') : ''
  if (!folder || !existsSync(citations) || !existsSync(bibliography)) return {occurrences: [], items: new Map()}
  const occurrences = z.array(occurrenceSchema).parse(JSON.parse(await readFile(citations, 'utf8')))
  const items = z.array(itemSchema).parse(JSON.parse(await readFile(bibliography, 'utf8')))
  return {occurrences, items: new Map(items.map((item) => [item.id, item]))}
}

/**
 * The note numbers citations.json gives the notes of a document, in order: a note's label when
 * it is a number not used before, else the next number after the highest such label.
 */
export function citationNoteNumbers(notes: readonly OutputNote[]): number[] {
  const numbers: Array<number | undefined> = []
  const used = new Set<number>()
  for (const note of notes) {
    const number = Number(note.identifier)
    const taken = /^\d+$/.test(note.identifier) && !used.has(number)
    numbers.push(taken ? number : undefined)
    if (taken) used.add(number)
  }
  let next = Math.max(0, ...used)
  return numbers.map((number) => number ?? ++next)
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
    const {report, code, markdown: markdownOf, bib: bibOf, failed} = await buildCorpus(root, sources, out)
    const bibs = new Map<string, Awaited<ReturnType<typeof readBib>>>()
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
      const goldCitations = z.array(goldCitationSchema).optional().parse(gold['citations'])
      let citations: TextResult['citations']
      if (goldCitations && goldCitations.length > 0) {
        const folder = bibOf.get(file)
        if (folder !== undefined && !bibs.has(folder)) bibs.set(folder, await readBib(folder))
        const {occurrences, items} = bibs.get(folder ?? '') ?? {occurrences: [], items: new Map<string, BibliographyItem>()}
        const mine = document ? occurrences.filter((occurrence) => occurrence.document === document.slug && occurrence.note > 0) : []
        const {map, loose} = mapNotes(gold.notes, notes, placement)
        const numbers = citationNoteNumbers(notes)
        const ourNoteOf = (n: number) => {
          const index = map.get(n)
          return index === undefined ? undefined : numbers[index]
        }
        citations = {...scoreTextCitations(gold.notes, goldCitations, ourNoteOf, mine, items), looseNotes: loose}
      }
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
        ...(failed.has(file) ? {buildError: failed.get(file)} : {}),
        ...(citations ? {citations} : {})
      })
    }
    const sum = (key: 'expected' | 'found' | 'placed' | 'wordsLost') => texts.reduce((total, text) => total + text[key], 0)
    const scored = texts.flatMap((text) => (text.citations ? [text.citations] : []))
    return {
      corpus,
      texts,
      totals: {texts: texts.length, rightCount: texts.filter((text) => text.slug !== null && text.found === text.expected).length, expected: sum('expected'), found: sum('found'), placed: sum('placed'), wordsLost: sum('wordsLost')},
      buildExitCode: code,
      ...(scored.length > 0 ? {citationTotals: {...totalCitationScore(scored), texts: scored.length}} : {})
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
  const cited = evaluation.texts.filter((text) => text.citations)
  if (cited.length > 0 && evaluation.citationTotals) lines.push('', ...formatCitationTable(cited, evaluation.citationTotals, width))
  if (verbose) {
    for (const text of cited) {
      const {disagreements, unmappedNotes, looseNotes} = text.citations!
      lines.push('', `${text.file}: ${disagreements.length} citation disagreements${looseNotes.length > 0 ? `; gold notes ${looseNotes.join(', ')} not placed right are scored in the note of ours that starts with (or holds) their start` : ''}${unmappedNotes.length > 0 ? `; gold notes ${unmappedNotes.join(', ')} have no note of ours` : ''}`)
      for (const disagreement of disagreements) lines.push(`  ${formatDisagreement(disagreement)}`)
    }
    for (const text of evaluation.texts) {
      if (text.misses.length === 0 && text.warnings.length === 0) continue
      lines.push('', `${text.file}${text.warnings.length > 0 ? `  (warnings: ${text.warnings.join(', ')})` : ''}`)
      if (text.slug === null) lines.push(`  not built (${text.buildError ?? 'no document'}): ${text.misses.length} gold notes`)
      else for (const miss of text.misses) lines.push(`  n=${miss.n}${miss.label !== null ? ` [${miss.label}]` : ''}: ${miss.reason}`)
    }
  }
  return lines.join('\n')
}


const figure = (value: number) => value.toFixed(3)
const share = (tally: {correct: number; total: number}) => (tally.total === 0 ? '-' : `${tally.correct}/${tally.total}`)

/** Per text and in total: segmentation, each field's F1, micro P/R/F1, resolution, volume and locator. */
function formatCitationTable(texts: readonly TextResult[], totals: NonNullable<CorpusEvaluation['citationTotals']>, width: number): string[] {
  const columns = ['gold', 'ours', 'match', 'seg P', 'seg R', 'seg F1', ...citationFields, 'micro P', 'micro R', 'micro F1', 'resolved', 'volume', 'locator']
  const widths = columns.map((column) => Math.max(column.length, 6))
  const line = (name: string, values: string[]) => `${name.padEnd(width)}  ${values.map((value, index) => value.padStart(widths[index]!)).join('  ')}`
  const row = (name: string, score: Omit<TextCitationScore, 'disagreements' | 'unmappedNotes'>) =>
    line(name, [
      String(score.gold), String(score.predicted), String(score.matched),
      figure(score.segmentation.precision), figure(score.segmentation.recall), figure(score.segmentation.f1),
      // A field neither side gives in any matched or unmatched citation: no figure (the JSON keeps the script's 0).
      ...citationFields.map((field) => (score.fields[field].tp + score.fields[field].fp + score.fields[field].fn === 0 ? '-' : figure(score.fields[field].f1))),
      figure(score.micro.precision), figure(score.micro.recall), figure(score.micro.f1),
      share(score.resolution), share(score.volume), share(score.locator)
    ])
  const lines = ['Citations (field columns: F1; notes up to the last with gold citations)', line('text', columns)]
  for (const text of texts) lines.push(row(text.file, text.citations!))
  lines.push(row('total', totals))
  lines.push('', `citations: segmentation F1 ${figure(totals.segmentation.f1)}, field micro-F1 ${figure(totals.micro.f1)} over ${totals.texts} text${totals.texts === 1 ? '' : 's'}; ibid./short forms resolved ${share(totals.resolution)}`)
  return lines
}
