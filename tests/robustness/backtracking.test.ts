/**
 * No pattern backtracks catastrophically: adversarial long lines go through ingest and citation
 * parsing, in the body and in a note, keep every word, and take time in proportion to their
 * length: a line four times as long takes at most eight times as long (a quadratic pass takes
 * sixteen), measured again once before failing, with a floor of 10 ms for the short line's time
 * (timer and collector noise). Times over a second are printed for the record.
 */
import {performance} from 'node:perf_hooks'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {extractCitations} from '../../pipeline/citations/index.js'
import {ingestSource, lostWords} from '../../pipeline/ingest/index.js'
import {stringifyDocument} from '../../pipeline/markdown/index.js'
import {adversarialLines} from './generate.js'

/** Long enough that a quadratic pass shows (a Markdown note or quote of short lazy lines took seconds). */
const length = 40_000

const placements: Record<string, (line: string) => string> = {
  body: (line) => `${line}\n`,
  'bracketed note': (line) => `A claim.[1]\n\nNotes\n\n[1] ${line}\n`,
  'markdown note': (line) => `A claim.[^1]\n\n[^1]: ${line}\n`,
  'markdown quote': (line) => `A claim.[^1]\n\n> ${line}\n\n[^1]: A note.\n`,
  'word note': (line) => `A claim.[footnoteRef:1]\n\n[1: ${line}]\n`
}

function run(text: string, name: string) {
  const file = new VFile({path: `sources/${name}.txt`})
  const result = ingestSource({path: file.path, bytes: new TextEncoder().encode(text)}, file)
  if (!result) throw new Error(`${name} was refused: ${file.messages.map(String).join('; ')}`)
  extractCitations(result.tree, result.meta, file)
  return {file, markdown: stringifyDocument(result.meta, result.tree)}
}

/**
 * Known superlinear passes that are not ours: micromark's text resolver merges its events in
 * time that grows faster than the line when a Markdown block holds thousands of unclosed `[`
 * (`:emend[` × 5,700): bounded at twenty times for four times the length (quadratic is sixteen,
 * a backtracking pattern far more), so that it is watched without failing on it.
 */
const upstream = new Set(['markdown note/directives', 'markdown quote/directives'])

/** Milliseconds `work` takes. */
function timed(work: () => unknown): number {
  const started = performance.now()
  work()
  return performance.now() - started
}

describe.each(Object.entries(placements))('adversarial lines in the %s', (placement, place) => {
  it.each(Object.keys(adversarialLines))('%s finishes and keeps every word', (name) => {
    const make = adversarialLines[name]
    if (!make) throw new Error(`no line ${name}`)
    const short = place(make(length / 4))
    const long = place(make(length))
    let shortMs = timed(() => run(short, name))
    let longMs = timed(() => run(long, name))
    const bound = () => (upstream.has(`${placement}/${name}`) ? 20 : 8) * Math.max(shortMs, 10)
    if (longMs > bound()) {
      shortMs = Math.min(shortMs, timed(() => run(short, name)))
      longMs = Math.min(longMs, timed(() => run(long, name)))
    }
    if (longMs > 1000) console.info(`[robustness] ${placement} / ${name}: ${Math.round(longMs)} ms for ${length} characters`)
    expect(longMs, `${Math.round(longMs)} ms for ${length} characters, ${Math.round(shortMs)} ms for ${length / 4}`).toBeLessThanOrEqual(bound())
    const {file, markdown} = run(long, name)
    expect(lostWords(String(file.value), markdown)).toEqual([])
  })
})

describe('a first line as long as a chapter', () => {
  it('does not become a title: the file name is the title of last resort', () => {
    const line = 'The war began in June. '.repeat(5000)
    const {markdown} = run(`${line}\n\nA second paragraph.\n`, 'long-first-line')
    const title = /^title: "(.*)"$/m.exec(markdown)?.[1] ?? ''
    expect(title).toBe('Long first line')
  })
})
