/**
 * Size: a 20 MB text and a text with 5,000 notes, generated at run time, build beside a small
 * document without losing a word. Times are printed for the record, never asserted.
 */
import {readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {buildEdition} from '../../pipeline/build/edition.js'
import {lostWords} from '../../pipeline/ingest/index.js'
import {corpus} from './cases.js'
import {bigText, manyNotes} from './generate.js'
import {htmlDangers, sourceText, tempDir, writeSources} from './helpers.js'

const root = tempDir('scale')
const good = corpus.filter((item) => item.name === 'good.txt')

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

function record(label: string, timings: Record<string, number>): void {
  const rounded = Object.entries(timings).map(([stage, ms]) => `${stage} ${Math.round(ms)} ms`)
  console.info(`[robustness] ${label}: ${rounded.join(', ')}`)
}

describe('large sources', () => {
  it('builds a 20 MB text without losing a word', async () => {
    const sources = writeSources(good, path.join(root, 'big'))
    writeFileSync(path.join(sources, 'big.txt'), bigText(20 * 1024 * 1024))
    expect(statSync(path.join(sources, 'big.txt')).size).toBeGreaterThanOrEqual(20 * 1024 * 1024)
    const out = path.join(root, 'big-out')
    const result = await buildEdition({sources, out, formats: ['markdown']})
    record('20 MB text', result.timings)
    expect(result.documents.map((document) => document.meta.slug).sort()).toEqual(['big', 'good'])
    const big = result.documents.find((document) => document.meta.slug === 'big')
    expect(big?.meta.counts.paragraphs).toBeGreaterThan(10_000)
    const markdown = readFileSync(path.join(out, 'markdown', 'big.md'), 'utf8')
    expect(lostWords(sourceText(path.join(sources, 'big.txt')), markdown)).toEqual([])
    expect(result.files.flatMap((file) => file.messages).filter((message) => message.fatal === true)).toEqual([])
  })

  it('builds 5,000 notes into Markdown and HTML', async () => {
    const sources = writeSources(good, path.join(root, 'notes'))
    writeFileSync(path.join(sources, 'many-notes.txt'), manyNotes(5000))
    const out = path.join(root, 'notes-out')
    const result = await buildEdition({sources, out, formats: ['markdown', 'html']})
    record('5,000 notes', result.timings)
    const document = result.documents.find((entry) => entry.meta.slug === 'many-notes')
    expect(document?.meta.counts.notes).toBe(5000)
    // A `Notes` heading over the list: the notes-section convention, which removes the heading into the apparatus.
    expect(document?.meta.convention).toBe('notes-section')
    expect(result.bibliography.occurrences.filter((occurrence) => occurrence.document === 'many-notes').length).toBeGreaterThanOrEqual(5000)
    expect(lostWords(sourceText(path.join(sources, 'many-notes.txt')), readFileSync(path.join(out, 'markdown', 'many-notes.md'), 'utf8'))).toEqual([])
    const html = readFileSync(path.join(out, 'html', 'many-notes.html'), 'utf8')
    expect(html).toContain('id="n5000"')
    expect(htmlDangers(html)).toEqual([])
    // The bibliography page lists the citing document once per entry: it must stay linear in size.
    expect(statSync(path.join(out, 'html', 'bibliography.html')).size).toBeLessThan(50 * 1024 * 1024)
  })
})
