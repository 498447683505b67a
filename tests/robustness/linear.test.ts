/**
 * Issue 22, item 6: the stages grow linearly with the input. Each case builds a size N and 2N
 * in process (one thread, nothing written) and bounds the ratio of the stages' times, the best
 * of two runs each after a warm-up: never a wall-clock constant. Quadratic steps gave ratios of
 * 4 and more (one note of 'Ibid. ' x 8,000 took 6.9 s, x 16,000 40 s).
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {buildEdition} from '../../pipeline/build/edition.js'
import {tempDir} from './helpers.js'

const root = tempDir('linear')

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

type Stage = 'ingest' | 'citations' | 'markdown' | 'bibliography'

/** The best time of `stages` over three builds of `text` as `name`. */
async function stageTime(name: string, text: string, stages: readonly Stage[]): Promise<number> {
  const sources = path.join(root, `${name}-${text.length}`)
  mkdirSync(sources, {recursive: true})
  writeFileSync(path.join(sources, name), text)
  let best = Infinity
  for (let run = 0; run < 3; run++) {
    const result = await buildEdition({sources, dryRun: true, jobs: 1, formats: ['markdown']})
    expect(result.documents).toHaveLength(1)
    const timings = result.timings as Partial<Record<Stage, number>>
    best = Math.min(best, stages.reduce((sum, stage) => sum + (timings[stage] ?? 0), 0))
  }
  return best
}

async function ratio(name: string, make: (n: number) => string, n: number, stages: readonly Stage[]): Promise<number> {
  await stageTime(name, make(n / 4), stages)
  const once = await stageTime(name, make(n), stages)
  const twice = await stageTime(name, make(2 * n), stages)
  console.info(`[linear] ${name}: ${Math.round(once)} ms at ${n}, ${Math.round(twice)} ms at ${2 * n}`)
  return twice / once
}

describe('linear time (a ratio to the size, not a time)', () => {
  it('one note of N Ibid.s: citations and bibliography', async () => {
    const ibid = (n: number) => `The body cites a book.[1]\n\nNotes\n\n[1] John Smith, The Book (London: Press, 1990), 12. ${'Ibid. '.repeat(n)}\n`
    expect(await ratio('ibid.txt', ibid, 6000, ['citations', 'bibliography'])).toBeLessThan(3.2)
  }, 60_000)

  it('N Markdown footnotes: ingest', async () => {
    const footnotes = (n: number) => {
      const calls: string[] = []
      const notes: string[] = []
      for (let note = 1; note <= n; note++) {
        calls.push(`Sentence ${note} about the war.[^${note}]${note % 10 === 0 ? '\n\n' : ' '}`)
        notes.push(`[^${note}]: A note ${note} with a few words.\n`)
      }
      return `${calls.join('')}\n\n${notes.join('')}`
    }
    expect(await ratio('footnotes.md', footnotes, 3000, ['ingest'])).toBeLessThan(3.2)
  }, 60_000)
})
