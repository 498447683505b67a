/**
 * The PDF reader end to end: the hand-written edition fixture plus a long generated document,
 * rendered once (one browser), then read back with qpdf, pdffonts, pdftotext and pdf-lib.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {PDFDocument, PDFName, PDFString} from 'pdf-lib'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {preparePdfs, type PdfInput} from '../../pipeline/pdf/index.js'
import {generateLongDocument, type GeneratedDocument, type NoteExpectation} from './generate.js'
import {loadFixture} from './load-fixture.js'
import {expectationsFromMarkdown, fonts, links, outline, pagesBefore, pdfInfo, placements, qpdfCheck, squash, pdfPageReader} from './pdf-tools.js'

const fixture = join(import.meta.dirname, '..', 'fixtures', 'pdf', 'edition')
const epoch = 1_700_000_000

let outDir: string
let input: PdfInput
let long: GeneratedDocument
let paths: string[]
let progress: Array<[number, number, string]>
const file = new VFile({path: 'pdf'})

/** The fixture edition with the generated document as its second chapter. */
function editionInput(): PdfInput {
  const base = loadFixture(fixture)
  long = generateLongDocument({notes: 120})
  const [first, ...rest] = base.documents
  if (!first) throw new Error('fixture has no documents')
  const keys = long.works.map((work) => work.key)
  return {
    ...base,
    edition: {...base.edition, order: [first.meta.slug, long.meta.slug, ...rest.map((document) => document.meta.slug)]},
    documents: [first, {meta: long.meta, markdown: long.markdown}, ...rest],
    bibliography: [...base.bibliography, ...long.works.map((work) => ({id: work.key, type: 'book' as const, title: work.title}))],
    occurrences: [...base.occurrences, ...long.works.map((work, index) => ({
      source: long.meta.source, document: long.meta.slug, note: Number(work.key.slice(4)), index: 0, text: work.title, key: keys[index] ?? work.key, ibid: false, shortForm: false
    }))],
    entries: [...base.entries, ...long.works.map((work) => ({id: work.key, group: ['Generated works'], html: `<div class="csl-entry">${work.title}.</div>`, text: `${work.title}.`, bibtex: ''}))]
  }
}

function expectationsOf(slug: string): NoteExpectation[] {
  if (slug === long.meta.slug) return long.notes
  const document = input.documents.find((item) => item.meta.slug === slug)
  return document ? expectationsFromMarkdown(document.markdown) : []
}

const textOf = pdfPageReader(() => outDir)

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'apparatus-pdf-test-'))
  input = editionInput()
  progress = []
  // The build's way: the stage's own print, counted by a function composed around it.
  const run = await preparePdfs(input, outDir, {file, sourceDateEpoch: epoch})
  try {
    paths = await run.write(async (task) => {
      const pdf = await run.print(task)
      progress.push([progress.length + 1, run.names.length, `${task.name}.pdf`])
      return pdf
    })
  } finally {
    await run.close()
  }
})

afterAll(() => {
  if (outDir) rmSync(outDir, {recursive: true, force: true})
})

describe('renderPdf', () => {
  it('writes the reader and one PDF per document, reporting progress', () => {
    const slugs = input.documents.map((document) => document.meta.slug)
    expect(paths).toEqual([join(outDir, 'pdf', 'reader.pdf'), ...slugs.map((slug) => join(outDir, 'pdf', `${slug}.pdf`))])
    expect(progress.map(([done, total]) => [done, total])).toEqual(paths.map((_, index) => [index + 1, paths.length]))
    expect(new Set(progress.map(([, , label]) => label))).toEqual(new Set(['reader.pdf', ...slugs.map((slug) => `${slug}.pdf`)]))
  })

  it('reports no diagnostics: every note landed on the page of its call', () => {
    expect(file.messages.map((message) => `${message.ruleId}: ${message.reason}`)).toEqual([])
  })

  it('writes PDFs that qpdf --check accepts', () => {
    for (const path of paths) {
      const result = qpdfCheck(path)
      expect(result.output).toContain('No syntax or stream encoding errors')
      expect(result.status).toBe(0)
    }
  })

  it('embeds every font, Source Serif 4 among them', () => {
    for (const path of paths) {
      const rows = fonts(path)
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.filter((row) => !row.embedded)).toEqual([])
      expect(rows.some((row) => row.name.includes('SourceSerif4'))).toBe(true)
    }
  })

  it('gives the reader one outline entry per document, with its sections beneath', async () => {
    const items = await outline(join(outDir, 'pdf', 'reader.pdf'))
    const titles = items.map((item) => item.title)
    for (const document of input.documents) expect(titles.filter((title) => title === document.meta.title)).toHaveLength(1)
    expect(titles).toEqual(['Contents', ...input.documents.map((document) => document.meta.title), 'Bibliography', 'Index of archival sources'])
    const longItem = items.find((item) => item.title === long.meta.title)
    expect(longItem?.children.map((child) => child.title).slice(0, 2)).toEqual([expect.stringMatching(/^Section 1: /), expect.stringMatching(/^Section 2: /)])
  })

  it('gives each document’s PDF its own outline entry first', async () => {
    for (const document of input.documents) {
      const items = await outline(join(outDir, 'pdf', `${document.meta.slug}.pdf`))
      expect(items[0]?.title).toBe(document.meta.title)
    }
  })

  it('prints in the table of contents the pages where the chapters start', () => {
    const pages = textOf('reader')
    const contents = pages.findIndex((text) => squash(text).startsWith('Contents'))
    expect(contents).toBeGreaterThan(0)
    const layout = execFileSync('pdftotext', ['-layout', '-f', String(contents + 1), '-l', String(contents + 1), join(outDir, 'pdf', 'reader.pdf'), '-'], {encoding: 'utf8'})
    const printed = layout.split('\n').map((line) => /\s{3,}(\d+)\s*$/.exec(line)?.[1]).filter((value): value is string => value !== undefined).map(Number)
    const startOf = (heading: string) => pages.findIndex((text) => squash(text).startsWith(squash(heading).slice(0, 30))) + 1
    const expected = [...input.documents.map((document) => startOf(document.meta.title)), startOf('Bibliography'), startOf('Index of archival sources')]
    expect(expected.every((page) => page > contents + 1)).toBe(true)
    expect(printed).toEqual(expected)
  })

  it('starts every chapter on a right-hand (odd) page', () => {
    const pages = textOf('reader')
    for (const document of input.documents) {
      const start = pages.findIndex((text) => squash(text).startsWith(squash(document.meta.title).slice(0, 30))) + 1
      expect(start % 2).toBe(1)
    }
  })

  it('puts every note of the reader on the page of the words before its call, once', () => {
    const pages = pagesBefore(textOf('reader'), 'Bibliography')
    for (const document of input.documents) {
      const expectations = expectationsOf(document.meta.slug)
      expect(expectations).toHaveLength(document.meta.counts.notes)
      const wrong = placements(pages, expectations).filter((placement) => placement.notePages.length !== 1 || !placement.callOnPage)
      expect(wrong, document.meta.slug).toEqual([])
    }
  })

  it('puts every note of each document’s PDF on the page of its call, as many notes as the source', () => {
    for (const document of input.documents) {
      const pages = pagesBefore(textOf(document.meta.slug), 'Bibliography')
      const expectations = expectationsOf(document.meta.slug)
      const found = placements(pages, expectations)
      expect(found.filter((placement) => placement.notePages.length === 1)).toHaveLength(document.meta.counts.notes)
      expect(found.filter((placement) => !placement.callOnPage), document.meta.slug).toEqual([])
    }
  })

  it('continues long notes on the next page without losing their end', () => {
    const pages = pagesBefore(textOf(long.meta.slug), 'Bibliography').map(squash)
    const longNotes = long.notes.filter((note) => note.n % 17 === 0)
    expect(longNotes.length).toBeGreaterThan(3)
    let continued = 0
    for (const note of longNotes) {
      const start = pages.findIndex((text) => text.includes(squash(note.noteStart)))
      const end = pages.findIndex((text) => text.includes(squash(note.noteEnd ?? '')))
      expect(end - start, `note ${note.n}`).toBeGreaterThanOrEqual(0)
      expect(end - start, `note ${note.n}`).toBeLessThanOrEqual(1)
      if (end > start) continued++
    }
    expect(continued).toBeGreaterThan(0)
  })

  it('sets the metadata from the edition and SOURCE_DATE_EPOCH, tagged, with a language', async () => {
    const reader = pdfInfo(join(outDir, 'pdf', 'reader.pdf'))
    expect(reader.Title).toBe(input.edition.title)
    expect(reader.Author).toBe(input.edition.editors.join(', '))
    expect(reader.Subject).toBe(input.edition.subtitle)
    expect(reader.Keywords).toContain('; ')
    expect(reader.CreationDate).toBe('2023-11-14T22:13:20Z')
    expect(reader.ModDate).toBe('2023-11-14T22:13:20Z')
    expect(reader.Tagged).toBe('yes')
    const single = pdfInfo(join(outDir, 'pdf', 'rees-1994.pdf'))
    expect(single.Title).toBe('Review: Uncertain Partners and New Evidence from Russian Archives')
    expect(single.Author).toBe('David Rees')
    const pdf = await PDFDocument.load(readFileSync(join(outDir, 'pdf', 'reader.pdf')), {updateMetadata: false})
    expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en')
  })

  it('links note calls, citations and back references inside the PDF, and nothing outside it', async () => {
    const totalNotes = input.documents.reduce((sum, document) => sum + document.meta.counts.notes, 0)
    const reader = await links(join(outDir, 'pdf', 'reader.pdf'))
    expect(reader.external).toBe(0)
    expect(reader.internal).toBeGreaterThan(totalNotes)
  })

  it('marks the apparatus, the excerpt and the removed text', () => {
    const reader = textOf('reader').join('\n')
    const flat = squash(reader)
    expect(flat).toContain(squash('Editorial apparatus'))
    expect(flat).toContain(squash('Excerpt: the source breaks off before the end of the work.'))
    expect(flat).toContain(squash('The source text breaks off here.'))
    // Removed text is not in the running text, only in the apparatus entry naming its rule.
    expect(flat).toContain(squash('paywall notice: To continue reading Request your trial'))
    expect(flat.split(squash('To continue reading'))).toHaveLength(2)
    expect(flat).toContain(squash('l.] 1. OCR: folio abbreviation'))
  })
})
