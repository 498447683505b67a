/**
 * One benchmark build in its own process, so peak RSS is this build's alone. Prints a JSON
 * line: stage timings, wall time, peak RSS, document and note counts.
 */
import {performance} from 'node:perf_hooks'
import {buildEdition, type Format} from '../pipeline/index.js'

const [sources, out, formatList] = process.argv.slice(2)
if (!sources || !out) {
  process.stderr.write('usage: build-once SOURCES OUT [formats]\n')
  process.exit(2)
}
const started = performance.now()
const result = await buildEdition({sources, out, formats: (formatList ?? 'markdown,bib,html').split(',').filter((format): format is Format => ['markdown', 'bib', 'html', 'pdf'].includes(format))})
const wall = performance.now() - started
const notes = result.documents.reduce((sum, document) => sum + document.meta.counts.notes, 0)
const bytes = result.documents.reduce((sum, document) => sum + Buffer.byteLength(String(document.file.value)), 0)
process.stdout.write(
  `${JSON.stringify({
    documents: result.documents.length,
    notes,
    bytes,
    items: result.bibliography.items.length,
    errors: result.files.flatMap((file) => file.messages).filter((message) => message.fatal === true).length,
    wall,
    timings: result.timings,
    peakRss: process.resourceUsage().maxRSS * 1024
  })}\n`
)
