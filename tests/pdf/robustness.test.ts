/**
 * Failure and reproducibility: a missing or crashing Chromium gives a BrowserUnavailableError
 * (never a hang or a half-written PDF); the same input gives the same bytes; dates never come
 * from the clock; problems in the Markdown become diagnostics, not crashes.
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser} from 'puppeteer-core'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {BrowserUnavailableError, launchBrowser} from '../../pipeline/pdf/browser.js'
import {preparePdfs, renderPdf, type PdfInput} from '../../pipeline/pdf/index.js'
import {generateLongDocument} from './generate.js'
import {loadFixture} from './load-fixture.js'
import {pageTexts, pdfInfo, squash} from './pdf-tools.js'

const long = generateLongDocument({notes: 40})
const longInput: PdfInput = {
  edition: {title: 'Edition', editors: [], language: 'en', order: []},
  documents: [{meta: long.meta, markdown: long.markdown}],
  bibliography: [],
  occurrences: [],
  entries: []
}
const outDir = mkdtempSync(join(tmpdir(), 'apparatus-pdf-robust-'))
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser.close()
  rmSync(outDir, {recursive: true, force: true})
})

describe('renderPdf without a working browser', () => {
  it('throws BrowserUnavailableError when Chromium is missing', async () => {
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH
    process.env.PUPPETEER_EXECUTABLE_PATH = join(outDir, 'no-such-chromium')
    try {
      await expect(renderPdf(longInput, join(outDir, 'missing'))).rejects.toThrow(BrowserUnavailableError)
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved
    }
    expect(existsSync(join(outDir, 'missing', 'pdf', 'reader.pdf'))).toBe(false)
  })

  it('throws BrowserUnavailableError when Chromium dies mid-render', async () => {
    const doomed = await launchBrowser()
    let killed = false
    doomed.on('targetcreated', () => {
      if (killed) return
      killed = true
      doomed.process()?.kill('SIGKILL')
    })
    const error: unknown = await renderPdf(longInput, join(outDir, 'crash'), {browser: doomed}).catch((caught: unknown) => caught)
    expect(killed).toBe(true)
    expect(error).toBeInstanceOf(BrowserUnavailableError)
    expect(String(error)).toMatch(/Chromium/)
    expect(existsSync(join(outDir, 'crash', 'pdf', 'reader.pdf'))).toBe(false)
  })
})

/** This process's Chromium profiles and PDF work folders in the temporary folder. */
const ownFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`apparatus-chromium-${process.pid}-`) || name.startsWith(`apparatus-pdf-${process.pid}-`))

/** Processes whose command line names `marker`. */
function processesNaming(marker: string): number[] {
  return readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) return false
    try {
      return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)
    } catch {
      return false
    }
  }).map(Number)
}

describe.skipIf(!existsSync('/proc/self/cmdline'))('renderPdf stopped by its signal', () => {
  it('kills the browser it launched and removes its profile and print HTML at once; no PDF is started after', async () => {
    const before = new Set(ownFolders())
    const controller = new AbortController()
    const out = join(outDir, 'aborted')
    const run = await preparePdfs(longInput, out, {signal: controller.signal})
    const made = ownFolders().filter((name) => !before.has(name))
    expect(made.map((name) => name.replace(/-\d+-.*$/, '')).sort()).toEqual(['apparatus-chromium', 'apparatus-pdf'])
    const profile = made.find((name) => name.startsWith('apparatus-chromium-')) ?? ''
    const end = Date.now() + 60_000
    while (processesNaming(profile).length === 0 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(processesNaming(profile).length).toBeGreaterThan(0)
    controller.abort(new Error('Stopped by the test'))
    // At once, before anything else runs.
    expect(processesNaming(profile)).toEqual([])
    expect(ownFolders().filter((name) => !before.has(name))).toEqual([])
    await expect(run.write(run.print)).rejects.toThrow('Stopped by the test')
    await run.close()
    expect(existsSync(join(out, 'pdf', 'reader.pdf'))).toBe(false)
  })

  it('launches nothing when already aborted', async () => {
    const before = new Set(ownFolders())
    const controller = new AbortController()
    controller.abort(new Error('Stopped before'))
    await expect(renderPdf(longInput, join(outDir, 'aborted-before'), {signal: controller.signal})).rejects.toThrow('Stopped before')
    expect(ownFolders().filter((name) => !before.has(name))).toEqual([])
  })
})

describe('renderPdf output', () => {
  const fixture = loadFixture(join(import.meta.dirname, '..', 'fixtures', 'pdf', 'edition'))
  const rees = fixture.documents.filter((document) => document.meta.slug === 'rees-1994')
  const small: PdfInput = {...fixture, documents: rees, edition: {...fixture.edition, date: undefined, order: ['rees-1994']}}

  it('writes the same bytes for the same input', async () => {
    const first = await renderPdf(small, join(outDir, 'a'), {browser, sourceDateEpoch: 1_000_000_000})
    const second = await renderPdf(small, join(outDir, 'b'), {browser, sourceDateEpoch: 1_000_000_000})
    expect(first.map((path) => path.slice(join(outDir, 'a').length))).toEqual(second.map((path) => path.slice(join(outDir, 'b').length)))
    for (const [index, path] of first.entries()) expect(readFileSync(path).equals(readFileSync(second[index] ?? ''))).toBe(true)
  })

  it('takes the dates from the documents, or leaves them out, never from the clock', async () => {
    // The edition has no date here; the review is dated 1994.
    const dated = await renderPdf(small, join(outDir, 'dated'), {browser})
    expect(dated.map((path) => pdfInfo(path).CreationDate)).toEqual(['1994-01-01T00:00:00Z', '1994-01-01T00:00:00Z'])
    const undatedMeta = {...(rees[0]?.meta ?? long.meta), date: undefined}
    const undated = await renderPdf({...small, documents: [{meta: undatedMeta, markdown: rees[0]?.markdown ?? ''}]}, join(outDir, 'undated'), {browser})
    expect(undated.map((path) => pdfInfo(path).CreationDate)).toEqual([undefined, undefined])
    expect(undated.map((path) => pdfInfo(path).ModDate)).toEqual([undefined, undefined])
  })

  it('reports problems of the Markdown as diagnostics and still prints every note', async () => {
    const markdown = `${rees[0]?.markdown ?? ''}\n[^3]: A note nobody calls.\n`
    const file = new VFile({path: 'pdf'})
    const paths = await renderPdf({...small, documents: [{meta: {...(rees[0]?.meta ?? long.meta), counts: {...long.meta.counts, notes: 3}}, markdown}]}, join(outDir, 'diagnostics'), {browser, file, keepHtml: true})
    expect(file.messages.map((message) => message.ruleId)).toEqual(['note-uncalled'])
    expect(existsSync(join(outDir, 'diagnostics', 'pdf', 'reader.html'))).toBe(true)
    const text = squash(pageTexts(paths[1] ?? '').join(''))
    expect(text).toContain(squash('Notes without a call in the text'))
    expect(text).toContain(squash('3 A note nobody calls.'))
  })
})
