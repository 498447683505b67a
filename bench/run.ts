/**
 * `npm run bench`: builds synthetic corpora of 5, 50, 500 and 2,000 documents made from the
 * seeds, times each stage in the process, reports throughput and peak memory, times the seeds'
 * whole build with Node start, and compares our HTML and PDF paths with pandoc and WeasyPrint.
 * Writes bench/results.json and prints a table. `BENCH_SIZES=5,50` limits the sizes;
 * `BENCH_CORPUS=DIR` also times the ingest of a folder of real texts on one core;
 * the speed of citation parsing is measured on the seeds' notes;
 * `BENCH_LARGE_MB=N` sets the size of the one very large text whose peak memory is measured (0 skips it);
 * `BENCH_NOTES_MB=N` the size of a text with an endnote in every paragraph, built at N/2 and N MB (0 skips it);
 * `BENCH_MECHANISMS=0` skips weighing the kept performance mechanisms against their absence, and
 * `BENCH_MECHANISM_DOCS=N` sets the corpus the large-edition mechanisms are weighed on (default 500).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, readdirSync, rmSync, statSync} from 'node:fs'
import {mkdir, mkdtemp, readdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {findBrowser} from '../pipeline/pdf/browser.js'
import {generateCorpus, readSeeds} from './corpus.js'
import {summarizeProfiles, type ProfileSummary} from './profile.js'

const root = path.resolve(new URL('../..', import.meta.url).pathname)
const node = process.execPath
const cli = path.join(root, 'dist/pipeline/cli.js')
const once = path.join(root, 'dist/bench/build-once.js')

interface OnceResult {
  documents: number
  notes: number
  bytes: number
  items: number
  errors: number
  wall: number
  cpuMs: number
  timings: Record<string, number>
  peakRss: number
  report: {ms: number; messages: number}
}

function buildOnce(sources: string, out: string, formats = 'markdown,bib,html', switches: Switches = {}): OnceResult {
  const args = [...(switches.nodeArgs ?? []), once, sources, out, formats, ...(switches.without ? [`--without=${switches.without}`] : [])]
  const stdout = execFileSync(node, args, {cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit']})
  return JSON.parse(stdout.trim().split('\n').pop()!) as OnceResult
}

/** How a build runs without a mechanism: Node's own flags, or the executor's `--without`. */
interface Switches {
  nodeArgs?: string[]
  without?: string
}

function timeCommand(command: string, args: string[], cwd = root): {ms: number; ok: boolean} {
  const start = performance.now()
  const result = spawnSync(command, args, {cwd, stdio: 'ignore'})
  return {ms: performance.now() - start, ok: result.status === 0}
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], {stdio: 'ignore'}).status === 0
}

const sizes = (process.env.BENCH_SIZES ?? '5,50,500,2000').split(',').map(Number).filter((n) => n > 0)
const work = await mkdtemp(path.join(tmpdir(), 'apparatus-bench-'))
// Removed however the run ends (a failed step included).
process.on('exit', () => rmSync(work, {recursive: true, force: true}))
const seeds = await readSeeds(path.join(root, 'sources'))
const results: Record<string, unknown> = {node: process.version, cpus: (await import('node:os')).cpus().length}

// The seeds' whole build without PDF, Node start included.
const seedsOut = path.join(work, 'seeds-out')
// Cold builds (the output and its cache removed each time), then one with nothing changed.
const seedsWall = [0, 1, 2, 3, 4].map(() => {
  rmSync(seedsOut, {recursive: true, force: true})
  return timeCommand(node, [cli, 'build', '--quiet', '--format', 'markdown,bib,html', '--out', seedsOut]).ms
})
results.seedsWallMs = median(seedsWall)
results.seedsWallRunsMs = seedsWall
results.seedsNoChangeWallMs = timeCommand(node, [cli, 'build', '--quiet', '--format', 'markdown,bib,html', '--out', seedsOut]).ms

// The performance mechanisms kept, each weighed against its absence in this run: cold builds
// alternated with and without it, medians of wall time, CPU time (all threads) and peak memory.
// A mechanism stays only where it gains at least 10 % on one of them.
interface MechanismRow {
  mechanism: string
  corpus: string
  runs: number
  with: {wallMs: number; cpuMs: number; rssMiB: number}
  without: {wallMs: number; cpuMs: number; rssMiB: number}
}
const mechanismRows: MechanismRow[] = []
function weigh(mechanism: string, corpus: string, sources: string, runs: number, switches: Switches): void {
  const out = path.join(work, 'mechanism-out')
  const sample: {with: OnceResult[]; without: OnceResult[]} = {with: [], without: []}
  for (let run = 0; run < runs; run++) {
    for (const side of run % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
      rmSync(out, {recursive: true, force: true})
      sample[side].push(buildOnce(sources, out, 'markdown,bib,html', side === 'with' ? {} : switches))
    }
  }
  rmSync(out, {recursive: true, force: true})
  const medians = (list: OnceResult[]) => ({wallMs: median(list.map((one) => one.wall)), cpuMs: median(list.map((one) => one.cpuMs)), rssMiB: median(list.map((one) => one.peakRss)) / 2 ** 20})
  mechanismRows.push({mechanism, corpus, runs, with: medians(sample.with), without: medians(sample.without)})
}
/** V8's own interrupt budget (pipeline/build/v8-tuning.ts raises it; a flag on Node's command line wins). */
const defaultBudget: Switches = {nodeArgs: ['--interrupt-budget=67584']}
if (process.env.BENCH_MECHANISMS !== '0') {
  const seedSources = path.join(root, 'sources')
  weigh('interrupt budget raised', 'seeds', seedSources, 5, defaultBudget)
  weigh('side thread for a small edition', 'seeds', seedSources, 5, {without: 'side-thread'})
  const docs = Number(process.env.BENCH_MECHANISM_DOCS ?? 500)
  if (docs > 0) {
    const corpus = path.join(work, `mechanisms-${docs}`)
    await generateCorpus(seeds, docs, corpus)
    weigh('interrupt budget raised', `${docs} documents`, corpus, 2, defaultBudget)
    weigh('main thread heap bounded', `${docs} documents`, corpus, 2, {without: 'heap-bound'})
    weigh('build threads\' young generation of 16 MiB', `${docs} documents`, corpus, 2, {without: 'young-generation'})
    rmSync(corpus, {recursive: true, force: true})
  }
  results.mechanisms = mechanismRows
}

// `BENCH_CORPUS=DIR`: the ingest of a folder of real texts (a `texts/` folder inside it, as in a
// corpus with gold, or the sources themselves), on one core: the time the ingest stage takes.
const corpusDir = process.env.BENCH_CORPUS
if (corpusDir) {
  const texts = existsSync(path.join(corpusDir, 'texts')) ? path.join(corpusDir, 'texts') : corpusDir
  const out = path.join(work, 'corpus-out')
  const runs = [0, 1, 2].map(() => {
    rmSync(out, {recursive: true, force: true})
    const stdout = spawnSync(node, [cli, 'build', '--json', '--jobs', '1', '--format', 'markdown', '--sources', texts, '--out', out], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 28}).stdout
    const report = JSON.parse(stdout) as {timings: Record<string, number>; documents: Array<{notes: number}>}
    return {ingestMs: report.timings.ingest ?? 0, notes: report.documents.reduce((sum, document) => sum + document.notes, 0)}
  })
  const bytes = readdirSync(texts).reduce((sum, name) => sum + statSync(path.join(texts, name)).size, 0)
  results.corpusIngest = {folder: texts, bytes, notes: runs[0]?.notes ?? 0, ingestMs: median(runs.map((run) => run.ingestMs))}
}

// Citation parsing on one core: the notes of the seeds, ingested once, parsed by the citations
// stage ten times after a first round that loads the model and warms the compiler. Timed in CPU
// time (the process's, its collector's threads included), which other work on a shared machine
// does not lengthen as it does the wall time.
{
  const {VFile} = await import('vfile')
  const {ingestSource} = await import('../pipeline/ingest/index.js')
  const {extractCitations} = await import('../pipeline/citations/index.js')
  const ingested = seeds.flatMap((seed) => {
    const file = new VFile({path: `sources/${seed.name}`})
    const result = ingestSource({path: file.path, bytes: new TextEncoder().encode(seed.text)}, file)
    return result ? [result] : []
  })
  const parse = (): number => ingested.reduce((sum, result) => sum + extractCitations(structuredClone(result.tree), result.meta, new VFile()).length, 0)
  const citations = parse()
  const rounds = 10
  let parseMs = 0
  for (let round = 0; round < rounds; round++) {
    const trees = ingested.map((result) => structuredClone(result.tree))
    const start = process.cpuUsage()
    ingested.forEach((result, index) => extractCitations(trees[index]!, result.meta, new VFile()))
    const used = process.cpuUsage(start)
    parseMs += (used.user + used.system) / 1000
  }
  results.citationParsing = {citations, rounds, ms: parseMs, perSecond: (citations * rounds) / (parseMs / 1000)}
}

// `BENCH_LARGE_MB` (default 50, 0 to skip): one source of that many megabytes, made of the
// seeds' words in paragraphs, built to Markdown and HTML: the peak memory of a very large text.
const largeMb = Number(process.env.BENCH_LARGE_MB ?? 50)
if (largeMb > 0) {
  const words = seeds.flatMap((seed) => seed.text.split(/\s+/).filter((word) => /^[\p{L}]+[.,;:]?$/u.test(word)))
  const paragraphs: string[] = [`A Very Large Text\n`]
  let size = 0
  for (let index = 0; size < largeMb * 2 ** 20; index++) {
    const paragraph = Array.from({length: 80}, (_, offset) => words[(index * 131 + offset * 7) % words.length]).join(' ')
    paragraphs.push(`${paragraph}.`)
    size += paragraph.length + 3
  }
  const dir = path.join(work, 'large-src')
  await mkdir(dir, {recursive: true})
  await writeFile(path.join(dir, 'large.txt'), paragraphs.join('\n\n'))
  const run = buildOnce(dir, path.join(work, 'large-out'), 'markdown,html')
  results.large = {mb: size / 2 ** 20, wallMs: run.wall, peakRssMiB: run.peakRss / 2 ** 20, errors: run.errors}
}

// `BENCH_NOTES_MB` (default 2, 0 to skip): one text of that many megabytes with an endnote
// call `[n]` in every short paragraph and a notes section of short invented citations, and one
// of half that size: the build's wall time and peak memory should grow no faster than the text.
const notesMb = Number(process.env.BENCH_NOTES_MB ?? 2)
if (notesMb > 0) {
  const words = seeds.flatMap((seed) => seed.text.split(/\s+/).filter((word) => /^[\p{L}]+$/u.test(word)))
  const annotated = async (mb: number, name: string) => {
    const paragraphs: string[] = [`A Very Long Annotated Text\n`]
    const notes: string[] = []
    let size = 0
    for (let index = 1; size < mb * 2 ** 20; index++) {
      const paragraph = Array.from({length: 10}, (_, offset) => words[(index * 131 + offset * 7) % words.length]).join(' ')
      const note = `${index}. A. Author${index % 97}, A Study of Question ${index % 300} (City: Press, ${1900 + (index % 120)}), ${(index % 400) + 1}.`
      paragraphs.push(`${paragraph}.[${index}] ${words[index % words.length]}.`)
      notes.push(note)
      size += paragraph.length + note.length + 16
    }
    const dir = path.join(work, `${name}-src`)
    await mkdir(dir, {recursive: true})
    await writeFile(path.join(dir, `${name}.txt`), `${paragraphs.join('\n\n')}\n\nNotes\n\n${notes.join('\n')}\n`)
    const run = buildOnce(dir, path.join(work, `${name}-out`), 'markdown,bib')
    return {mb: size / 2 ** 20, notes: notes.length, wallMs: run.wall, peakRssMiB: run.peakRss / 2 ** 20, errors: run.errors}
  }
  const half = await annotated(notesMb / 2, 'annotated-half')
  const whole = await annotated(notesMb, 'annotated')
  results.annotated = {half, whole}
}

interface Row {
  n: number
  documents: number
  notes: number
  items: number
  mb: number
  wallMs: number
  ingestMs: number
  citationsMs: number
  bibliographyMs: number
  markdownMs: number
  exportsMs: number
  htmlMs: number
  textMBps: number
  docsPerS: number
  notesPerS: number
  peakRssMiB: number
  /** Printing the diagnostics as `apparatus build` does (after the build, not in its wall time). */
  reportMs: number
  messages: number
}
const rows: Row[] = []
const failures: Array<{n: number; error: string}> = []
for (const n of sizes) {
  const dir = path.join(work, `corpus-${n}`)
  await generateCorpus(seeds, n, dir)
  let run: OnceResult
  try {
    run = buildOnce(dir, path.join(work, `out-${n}`))
  } catch (error) {
    // A size that runs out of memory is a result too: record it, go on with the rest.
    failures.push({n, error: error instanceof Error ? error.message.split('\n')[0]! : String(error)})
    console.log(`n = ${n}: the build failed (${failures.at(-1)?.error})`)
    continue
  } finally {
    rmSync(dir, {recursive: true, force: true})
    rmSync(path.join(work, `out-${n}`), {recursive: true, force: true})
  }
  const textStages = ['ingest', 'citations', 'bibliography', 'markdown'].reduce((sum, stage) => sum + (run.timings[stage] ?? 0), 0)
  rows.push({
    n,
    documents: run.documents,
    notes: run.notes,
    items: run.items,
    mb: run.bytes / 1e6,
    wallMs: run.wall,
    ingestMs: run.timings.ingest ?? 0,
    citationsMs: run.timings.citations ?? 0,
    bibliographyMs: run.timings.bibliography ?? 0,
    markdownMs: run.timings.markdown ?? 0,
    exportsMs: run.timings.exports ?? 0,
    htmlMs: run.timings.html ?? 0,
    textMBps: run.bytes / 1e6 / (textStages / 1000),
    docsPerS: run.documents / (run.wall / 1000),
    notesPerS: run.notes / (run.wall / 1000),
    peakRssMiB: run.peakRss / 2 ** 20,
    reportMs: run.report.ms,
    messages: run.report.messages
  })
}
results.sizes = rows
if (failures.length > 0) results.failures = failures
const at = (n: number) => rows.find((row) => row.n === n)
const r500 = at(500)
const r2000 = at(2000)
if (r500 && r2000) results.scaling500to2000 = r2000.wallMs / r500.wallMs

// Our Markdown → HTML against pandoc --citeproc on the same annotated Markdown.
if (hasCommand('pandoc')) {
  const markdownDir = path.join(seedsOut, 'markdown')
  const files = (await readdir(markdownDir)).filter((name) => name.endsWith('.md'))
  const pandocOut = path.join(work, 'pandoc')
  await mkdir(pandocOut, {recursive: true})
  const start = performance.now()
  for (const name of files) {
    spawnSync('pandoc', ['-f', 'markdown', '-t', 'html', '--standalone', '--citeproc', '--bibliography', path.join(seedsOut, 'bib/bibliography.json'), '--csl', path.join(root, 'templates/apparatus.csl'), '-o', path.join(pandocOut, name.replace(/\.md$/, '.html')), path.join(markdownDir, name)], {stdio: 'ignore'})
  }
  const pandocMs = performance.now() - start
  const ours = buildOnce(path.join(root, 'sources'), path.join(work, 'html-only'), 'html')
  results.htmlVsPandoc = {oursMs: ours.timings.html ?? 0, pandocMs, ratio: pandocMs / (ours.timings.html ?? 1)}
}

// Our Paged.js PDF path against WeasyPrint on the same print HTML of the seeds' reader, side by
// side in this run: time (process or browser start included), pages, and notes on their call's page.
const pdfLines: string[] = []
if (findBrowser()) {
  const {pageTexts, summarizePlacement} = await import('../pipeline/pdf/placement.js')
  const stage = buildOnce(path.join(root, 'sources'), path.join(work, 'pdf-out'), 'pdf')
  const readerRun = execFileSync(node, [once, path.join(root, 'sources'), path.join(work, 'reader-out'), 'markdown', '--reader'], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit']})
  const {reader} = JSON.parse(readerRun.trim().split('\n').pop() ?? '{}') as {reader?: {ms: number; phases: Record<string, number>; pdf: string; html: string; documents: Array<{title: string; markdown: string}>}}
  const check = (pdfPath: string) => {
    const pages = pageTexts(pdfPath)
    const placed = summarizePlacement(pages, reader?.documents ?? [])
    return {pages: pages.length, notes: placed.notes, notesOnCallPage: placed.onCallPage, notesMissing: placed.missing, placement: placed.notes > 0 ? placed.onCallPage / placed.notes : 0}
  }
  const ours = reader ? {ms: reader.ms, phases: reader.phases, ...check(reader.pdf)} : undefined
  const weasyPdf = path.join(work, 'weasyprint-reader.pdf')
  const weasy = reader && hasCommand('weasyprint') ? timeCommand('weasyprint', [reader.html, weasyPdf]) : undefined
  const weasyprint = weasy ? {ms: weasy.ms, ok: weasy.ok, ...(weasy.ok ? check(weasyPdf) : {})} : undefined
  results.pdfStageMs = stage.timings.pdf ?? 0
  results.pdfVsWeasyPrint = {
    ours,
    weasyprint,
    // Above 1: WeasyPrint takes longer than our path.
    ratio: ours && weasyprint ? weasyprint.ms / ours.ms : undefined,
    version: hasCommand('weasyprint') ? execFileSync('weasyprint', ['--version'], {encoding: 'utf8'}).trim() : undefined
  }
  const row = (name: string, ms: number, pages: number | undefined, notes: number | undefined, placed: number | undefined) =>
    `${name.padEnd(10)}${ms.toFixed(0).padStart(9)}${String(pages ?? '-').padStart(7)}  ${notes ? `${placed ?? 0}/${notes} (${(((placed ?? 0) / notes) * 100).toFixed(1)}%)` : '-'}`
  pdfLines.push(`PDF stage of the seeds (the reader and one PDF per document): ${stage.timings.pdf?.toFixed(0) ?? '-'} ms`)
  pdfLines.push('seeds reader      ms  pages  notes on their call\'s page')
  if (ours) pdfLines.push(row('Paged.js', ours.ms, ours.pages, ours.notes, ours.notesOnCallPage))
  if (weasyprint) pdfLines.push(weasyprint.ok ? row('WeasyPrint', weasyprint.ms, weasyprint.pages, weasyprint.notes, weasyprint.notesOnCallPage) : 'WeasyPrint failed')
  if (ours && weasyprint) pdfLines.push(`WeasyPrint / Paged.js: ${(weasyprint.ms / ours.ms).toFixed(2)}× the time`)
}

// Where the time goes: CPU profiles (every thread) of the seeds' build and of a 50-document one.
const profiles: Record<string, ProfileSummary> = {}
if (process.env.BENCH_PROFILE !== '0') {
  const corpus = path.join(work, 'profile-corpus')
  await generateCorpus(seeds, 50, corpus)
  for (const [label, sources] of [['seeds', path.join(root, 'sources')], ['50 documents', corpus]] as const) {
    const dir = path.join(work, `profile-${Object.keys(profiles).length}`)
    spawnSync(node, ['--cpu-prof', '--cpu-prof-dir', dir, cli, 'build', '--quiet', '--format', 'markdown,bib,html', '--sources', sources, '--out', path.join(dir, 'out')], {cwd: root, stdio: 'ignore'})
    const files = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(dir, name))
    if (files.length > 0) profiles[label] = await summarizeProfiles(files)
  }
  rmSync(corpus, {recursive: true, force: true})
  results.profiles = profiles
}

// The issue's targets, as measured in this run.
const largest = rows.at(-1)
const pdf = results.pdfVsWeasyPrint as {ours?: {ms: number; placement: number}; weasyprint?: {ms: number; placement?: number}; ratio?: number} | undefined
const html = results.htmlVsPandoc as {ratio: number} | undefined
const targets = [
  {target: "seeds' build without PDF, Node start included (median of 5 cold runs)", goal: '< 1,500 ms', measured: `${Number(results.seedsWallMs).toFixed(0)} ms`, met: Number(results.seedsWallMs) < 1500},
  ...(largest ? [{target: `text stages per core (ingest, citations, bibliography, Markdown) at ${largest.n} documents`, goal: '≥ 2 MB/s', measured: `${largest.textMBps.toFixed(2)} MB/s`, met: largest.textMBps >= 2}] : []),
  ...(results.scaling500to2000 ? [{target: '500 → 2,000 documents', goal: '≤ 4.4× the time', measured: `${Number(results.scaling500to2000).toFixed(2)}×`, met: Number(results.scaling500to2000) <= 4.4}] : []),
  ...(r2000 ? [{target: 'peak memory (RSS) at 2,000 documents', goal: '< 1,024 MiB', measured: `${r2000.peakRssMiB.toFixed(0)} MiB`, met: r2000.peakRssMiB < 1024}] : []),
  ...(pdf?.ours ? [{target: "seeds' reader PDF, Chromium start included", goal: '< 10,000 ms', measured: `${pdf.ours.ms.toFixed(0)} ms`, met: pdf.ours.ms < 10_000}] : []),
  ...(html ? [{target: 'our Markdown → HTML against pandoc --citeproc', goal: 'faster (ratio > 1)', measured: `pandoc takes ${html.ratio.toFixed(2)}×`, met: html.ratio > 1}] : []),
  ...(pdf?.ours && pdf.weasyprint && pdf.ratio ? [{target: 'our PDF path against WeasyPrint, same print HTML', goal: 'faster, notes placed as well', measured: `WeasyPrint takes ${pdf.ratio.toFixed(2)}×; notes on their call's page ${(pdf.ours.placement * 100).toFixed(1)}% against ${((pdf.weasyprint.placement ?? 0) * 100).toFixed(1)}%`, met: pdf.ratio > 1 && pdf.ours.placement >= (pdf.weasyprint.placement ?? 0)}] : [])
]
const corpusIngest = results.corpusIngest as {bytes: number; notes: number; ingestMs: number} | undefined
const large = results.large as {mb: number; peakRssMiB: number} | undefined
const parsing = results.citationParsing as {citations: number; perSecond: number} | undefined
if (parsing) targets.push({target: `citation parsing on one core (the seeds' ${parsing.citations} citations, ten rounds)`, goal: '≥ 2,000 references/s', measured: `${parsing.perSecond.toFixed(0)} references/s`, met: parsing.perSecond >= 2000})
if (large) targets.push({target: `peak memory (RSS) of one ${large.mb.toFixed(0)} MB text built to Markdown and HTML`, goal: '< 1,024 MiB', measured: `${large.peakRssMiB.toFixed(0)} MiB`, met: large.peakRssMiB < 1024})
const annotated = results.annotated as {half: {mb: number; wallMs: number; peakRssMiB: number}; whole: {mb: number; notes: number; wallMs: number; peakRssMiB: number}} | undefined
if (annotated) {
  const {half, whole} = annotated
  targets.push({target: `one ${whole.mb.toFixed(1)} MB text with ${whole.notes} endnotes against half of it: build time`, goal: '< 2.5× (linear)', measured: `${(whole.wallMs / half.wallMs).toFixed(2)}× (${half.wallMs.toFixed(0)} → ${whole.wallMs.toFixed(0)} ms)`, met: whole.wallMs / half.wallMs < 2.5})
  targets.push({target: `one ${whole.mb.toFixed(1)} MB text with ${whole.notes} endnotes against half of it: peak memory`, goal: '< 2.5× (linear)', measured: `${(whole.peakRssMiB / half.peakRssMiB).toFixed(2)}× (${half.peakRssMiB.toFixed(0)} → ${whole.peakRssMiB.toFixed(0)} MiB)`, met: whole.peakRssMiB / half.peakRssMiB < 2.5})
}
if (corpusIngest) targets.push({target: `ingest of BENCH_CORPUS (${(corpusIngest.bytes / 1024).toFixed(0)} KB, ${corpusIngest.notes} notes) on one core`, goal: '< 2,000 ms', measured: `${corpusIngest.ingestMs.toFixed(0)} ms`, met: corpusIngest.ingestMs < 2000})
results.targets = targets

await writeFile(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
const fixed = (value: number, digits = 0) => value.toFixed(digits).padStart(9)
console.log(`seeds, whole cold build without PDF (node start included): ${Number(results.seedsWallMs).toFixed(0)} ms; with nothing changed: ${Number(results.seedsNoChangeWallMs).toFixed(0)} ms`)
console.log('      n     docs    notes    items       MB  wall ms ingest ms   cit ms   bib ms   md ms   html ms  text MB/s   docs/s  notes/s  RSS MiB')
for (const row of rows) {
  console.log([row.n, row.documents, row.notes, row.items].map((v) => fixed(v)).join('') + fixed(row.mb, 2) + [row.wallMs, row.ingestMs, row.citationsMs, row.bibliographyMs, row.markdownMs, row.htmlMs].map((v) => fixed(v)).join('') + fixed(row.textMBps, 2) + fixed(row.docsPerS, 1) + fixed(row.notesPerS, 0) + fixed(row.peakRssMiB, 0))
}
console.log(`diagnostics printed as \`apparatus build\` does: ${rows.map((row) => `${row.n} documents ${row.messages} messages in ${row.reportMs.toFixed(0)} ms`).join('; ')}`)
if (results.scaling500to2000) console.log(`500 → 2,000 documents: ${Number(results.scaling500to2000).toFixed(2)}× the time`)
if (results.htmlVsPandoc) console.log('HTML vs pandoc --citeproc:', JSON.stringify(results.htmlVsPandoc))
for (const line of pdfLines) console.log(line)
for (const [label, summary] of Object.entries(profiles)) {
  console.log(`\nprofile, ${label} (${summary.totalMs.toFixed(0)} ms of samples over its threads, idle included): self time`)
  for (const item of summary.packages.slice(0, 10)) console.log(`  ${item.ms.toFixed(0).padStart(7)} ms ${(item.share * 100).toFixed(1).padStart(5)}%  ${item.name}`)
  console.log('  top functions:')
  for (const item of summary.functions.slice(0, 10)) console.log(`  ${item.ms.toFixed(0).padStart(7)} ms ${(item.share * 100).toFixed(1).padStart(5)}%  ${item.name}`)
}
if (mechanismRows.length > 0) {
  console.log('\nperformance mechanisms, each with and without it (medians of alternated cold builds; gain = without / with - 1)')
  console.log('  mechanism                                   corpus          runs   wall ms with/without   gain    CPU ms with/without   gain   RSS MiB with/without   gain')
  const gain = (withValue: number, withoutValue: number) => `${((withoutValue / withValue - 1) * 100).toFixed(0).padStart(5)} %`
  for (const row of mechanismRows) {
    console.log(`  ${row.mechanism.padEnd(44)}${row.corpus.padEnd(16)}${String(row.runs).padStart(4)}   ${row.with.wallMs.toFixed(0).padStart(8)} /${row.without.wallMs.toFixed(0).padStart(8)} ${gain(row.with.wallMs, row.without.wallMs)}   ${row.with.cpuMs.toFixed(0).padStart(8)} /${row.without.cpuMs.toFixed(0).padStart(8)} ${gain(row.with.cpuMs, row.without.cpuMs)}   ${row.with.rssMiB.toFixed(0).padStart(6)} /${row.without.rssMiB.toFixed(0).padStart(6)} ${gain(row.with.rssMiB, row.without.rssMiB)}`)
  }
}
console.log('\ntargets')
for (const target of targets) console.log(`  ${target.met ? 'met    ' : 'NOT MET'}  ${target.target}: ${target.measured} (goal ${target.goal})`)

