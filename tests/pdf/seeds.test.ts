/**
 * The first edition's five seeds through the whole build to PDF, measured against the
 * hand-checked gold notes (`refContext`, `noteStart`): every note on the page of its call, in
 * the reader and in each document's own PDF, as many notes as the source.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildEdition, type BuildResult} from '../../pipeline/build/edition.js'
import type {NoteExpectation} from './generate.js'
import {emend, fonts, noteEmendations, outline, pagesBefore, placements, qpdfCheck, squash, pdfPageReader} from './pdf-tools.js'

interface GoldSeed {
  noteCount: number
  notes: NoteExpectation[]
}

const gold = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'gold', 'notes.json'), 'utf8')) as Record<string, GoldSeed>

/**
 * The gold quotes the seeds verbatim; the PDF prints Markdown emphasis as italics, leaves out
 * the Word comment anchors (`[EAM3]`) the edition removes, and prints its emendations.
 */
function asPrinted(note: NoteExpectation, emendations: ReturnType<typeof noteEmendations>): NoteExpectation {
  const clean = (text: string) => text.replace(/\[[A-Z]{2,}\d+\]/g, '').replace(/[*_]/g, '')
  return {...note, refContext: clean(note.refContext), noteStart: emend(clean(note.noteStart), emendations.get(note.n) ?? [])}
}

let outDir: string
let result: BuildResult

const textOf = pdfPageReader(() => outDir)

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'apparatus-pdf-seeds-'))
  result = await buildEdition({sources: join(import.meta.dirname, '..', '..', 'sources'), out: outDir, formats: ['markdown', 'pdf']})
})

afterAll(() => {
  if (outDir) rmSync(outDir, {recursive: true, force: true})
})

describe('the seeds as PDF', () => {
  it('writes the reader and one PDF per document, checked by qpdf, fonts embedded', () => {
    const names = ['reader', ...result.documents.map((document) => document.meta.slug)]
    expect(result.outputs.filter((path) => path.endsWith('.pdf')).sort()).toEqual(names.map((name) => `pdf/${name}.pdf`).sort())
    const reader = join(outDir, 'pdf', 'reader.pdf')
    expect(qpdfCheck(reader).status).toBe(0)
    expect(fonts(reader).filter((row) => !row.embedded)).toEqual([])
  })

  it('puts every gold note on the page of its call, in the reader and in its own PDF', () => {
    const reader = pagesBefore(textOf('reader'), 'Bibliography')
    let measured = 0
    for (const document of result.documents) {
      const seed = gold[basename(document.meta.source)]
      if (!seed) continue
      const emendations = noteEmendations(readFileSync(join(outDir, 'markdown', `${document.meta.slug}.md`), 'utf8'))
      const expectations = seed.notes.map((note) => asPrinted(note, emendations))
      expect(document.meta.counts.notes, document.meta.slug).toBe(seed.noteCount)
      for (const [name, pages] of [['reader', reader], [document.meta.slug, pagesBefore(textOf(document.meta.slug), 'Bibliography')]] as const) {
        const found = placements(pages, expectations)
        expect(found.filter((placement) => placement.notePages.length === 1), `${name}: ${document.meta.slug}`).toHaveLength(seed.noteCount)
        expect(found.filter((placement) => !placement.callOnPage), `${name}: ${document.meta.slug}`).toEqual([])
      }
      measured += seed.noteCount
    }
    expect(measured).toBeGreaterThan(150)
  })

  it('prints in the contents the pages where the chapters start, one outline entry per document', async () => {
    const pages = textOf('reader')
    const contents = pages.findIndex((text) => squash(text).startsWith('Contents'))
    const layout = execFileSync('pdftotext', ['-layout', '-f', String(contents + 1), '-l', String(contents + 1), join(outDir, 'pdf', 'reader.pdf'), '-'], {encoding: 'utf8'})
    const printed = layout.split('\n').map((line) => /\s{3,}(\d+)\s*$/.exec(line)?.[1]).filter((value): value is string => value !== undefined).map(Number)
    const startOf = (heading: string) => pages.findIndex((text) => squash(text).startsWith(squash(heading).slice(0, 30))) + 1
    const titles = result.documents.map((document) => document.meta.title)
    // The edition's introduction comes first, under its own heading.
    const introduction = startOf('Introduction')
    expect(introduction).toBeGreaterThan(contents + 1)
    expect(printed.slice(0, titles.length + 1)).toEqual([introduction, ...titles.map(startOf)])
    const items = await outline(join(outDir, 'pdf', 'reader.pdf'))
    for (const title of titles) expect(items.filter((item) => item.title === title)).toHaveLength(1)
    expect(items[1]?.title).toBe('Introduction')
  })
})
