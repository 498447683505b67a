/**
 * One benchmark build in its own process, so peak RSS is this build's alone. Prints a JSON
 * line: stage timings, wall time, peak RSS, document and note counts, and the time the CLI
 * takes to print the build's diagnostics.
 *
 * With `--reader`, it then renders the reader alone through our PDF path (Chromium started
 * included) into `OUT/pdf/reader.pdf`, with its phases, and writes the reader's print HTML to
 * `OUT/print/reader.html` for another renderer to print (`reader` in the JSON).
 *
 * With `--without=a,b`, the build runs without those of the executor's performance mechanisms
 * (`executorMechanisms`), so the benchmark can weigh each against its absence; V8's interrupt
 * budget is left at its default by giving Node `--interrupt-budget=67584` itself.
 */
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {formatBibliography} from '../pipeline/export/index.js'
import {diagnosticsReport} from '../pipeline/cli/reporter.js'
import {exitOnSignals} from '../pipeline/cli/signals.js'
import {editionExecutor, executorMechanisms, type ExecutorMechanism} from '../pipeline/build/executor.js'
import {buildEdition, type Format} from '../pipeline/build/edition.js'
import {renderPdf, writePrintHtml, type PdfInput} from '../pipeline/pdf/index.js'
import {tuneV8} from '../pipeline/build/v8-tuning.js'

// As the CLI does (pipeline/build/v8-tuning.ts), before the build's threads start.
tuneV8()

const withoutArgument = process.argv.find((argument) => argument.startsWith('--without='))
const [sources, out, formatList, mode] = process.argv.slice(2).filter((argument) => argument !== withoutArgument)
const without = new Set((withoutArgument?.slice('--without='.length) ?? '').split(',').filter(Boolean))
const unknown = [...without].filter((name) => !(executorMechanisms as readonly string[]).includes(name))
if (!sources || !out || unknown.length > 0) {
  process.stderr.write(`usage: build-once SOURCES OUT [formats] [--reader] [--without=${executorMechanisms.join(',')}]\n`)
  process.exit(2)
}
const started = performance.now()
// The CLI's executor: build threads for an edition of eight documents or more.
// Ctrl-C ends it as it ends the CLI's build: the staging folder goes with the process.
const result = await exitOnSignals(() => buildEdition({sources, out, executor: editionExecutor({without: without as Set<ExecutorMechanism>}), formats: (formatList ?? 'markdown,bib,html').split(',').filter((format): format is Format => ['markdown', 'bib', 'html', 'pdf'].includes(format))}))
const wall = performance.now() - started
// The diagnostics as `apparatus build` prints them (not part of the build's time).
const reportStart = performance.now()
diagnosticsReport(result.files, false)
const reportMs = performance.now() - reportStart
const messages = result.files.reduce((sum, file) => sum + file.messages.length, 0)
const notes = result.documents.reduce((sum, document) => sum + document.meta.counts.notes, 0)
const bytes = result.documents.reduce((sum, document) => sum + statSync(document.file.path).size, 0)

async function readerAlone(): Promise<{ms: number; phases: Record<string, number>; pdf: string; html: string; documents: Array<{title: string; markdown: string}>}> {
  const input: PdfInput = {
    edition: result.edition,
    documents: result.documents.map(({meta}) => ({meta, markdown: readFileSync(join(out ?? '.', 'markdown', `${meta.slug}.md`), 'utf8')})),
    bibliography: result.bibliography.items,
    occurrences: result.bibliography.occurrences,
    entries: formatBibliography(result.bibliography.items)
  }
  const phases: Record<string, number> = {}
  const start = performance.now()
  const [pdf] = await renderPdf(input, out ?? '.', {perDocument: false, timings: phases})
  const ms = performance.now() - start
  const [html] = await writePrintHtml(input, join(out ?? '.', 'print'), {perDocument: false})
  return {ms, phases, pdf: pdf ?? '', html: html ?? '', documents: input.documents.map(({meta, markdown}) => ({title: meta.title, markdown}))}
}

const reader = mode === '--reader' ? await readerAlone() : undefined
// The CPU time of the whole process, its threads included.
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000
process.stdout.write(
  `${JSON.stringify({
    documents: result.documents.length,
    notes,
    bytes,
    items: result.bibliography.items.length,
    errors: result.files.flatMap((file) => file.messages).filter((message) => message.fatal === true).length,
    wall,
    cpuMs: cpuMs(process.cpuUsage()),
    timings: result.timings,
    report: {ms: reportMs, messages},
    peakRss: process.resourceUsage().maxRSS * 1024,
    ...(reader ? {reader} : {})
  })}\n`
)
