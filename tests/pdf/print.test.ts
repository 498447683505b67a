/**
 * The printed page as a reader sees it, on a small edition made here (one browser, one PDF):
 * justified text hyphenated by its language, no gaps from doubled spaces, dates in words, the
 * chapter head's punctuation, the introduction in the contents and the bookmarks, and a tagged
 * structure that poppler and qpdf read without error.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString} from 'pdf-lib'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {renderPdf, type PdfInput} from '../../pipeline/pdf/index.js'
import type {DocumentMeta} from '../../pipeline/shared/types/document.js'
import {lineEnds, outline, qpdfCheck} from './pdf-tools.js'

/** Small linear congruential generator: the same seed gives the same prose. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const vocabulary = (
  'administration correspondence representatives international consideration determination ' +
  'organization communication negotiations responsibility interpretation recommendation ' +
  'documentation reconstruction establishment understanding government conference settlement ' +
  'the of and to in a that was for with by on as from at which had its were their this'
).split(' ')

function prose(seed: number, sentences: number, separator: string): string {
  const next = random(seed)
  return Array.from({length: sentences}, () => {
    const words = Array.from({length: 9 + Math.floor(next() * 9)}, () => vocabulary[Math.floor(next() * vocabulary.length)] ?? 'the').join(' ')
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`
  }).join(separator)
}

const slug = 'print-test'
const meta: DocumentMeta = {
  slug,
  title: 'A Study of Printed Pages',
  shortTitle: 'Printed Pages',
  authors: ['Ada Testwriter'],
  date: '1987-04',
  // Ends in a full stop, as an editor's remark does: the date must not follow it with a comma.
  publication: 'Journal of Typesetting Tests 3. Title supplied by the editors.',
  kind: 'article',
  language: 'en',
  source: `sources/${slug}.txt`,
  sha256: 'generated',
  convention: 'markdown-footnotes',
  truncated: false,
  counts: {notes: 1, paragraphs: 9, emendations: {}, removed: {}}
}

/** Sentences parted by a no-break space and a space, as a Word export types them. */
const spacedParagraph = prose(99, 10, '\u00a0 ')

function markdown(): string {
  const paragraphs = Array.from({length: 8}, (_, index) => prose(index + 1, 8, ' '))
  return [
    '---',
    `title: "${meta.title}"`,
    `slug: "${slug}"`,
    `authors: ["${meta.authors[0]}"]`,
    `date: "${meta.date}"`,
    `publication: "${meta.publication}"`,
    'kind: "article"',
    'language: "en"',
    'truncated: false',
    `source: "${meta.source}"`,
    'sha256: "generated"',
    'convention: "markdown-footnotes"',
    'counts: {notes: 1, paragraphs: 9, emendations: {}, removed: {}}',
    '---',
    '',
    '## The first section',
    '',
    `${paragraphs[0]} The *emphasized correspondence* and the **strong determination** stand here.[^1]`,
    '',
    spacedParagraph,
    '',
    ...paragraphs.slice(1).flatMap((paragraph) => [paragraph, '']),
    '[^1]: A note on the correspondence.',
    ''
  ].join('\n')
}

const input: PdfInput = {
  edition: {
    title: 'An Edition for Print Tests',
    editors: ['E. Ditor'],
    date: '2026-03-14',
    language: 'en',
    order: [slug],
    introduction: 'This edition gathers a study of printed pages written for the tests.\n\nIts second paragraph says nothing more.'
  },
  documents: [{meta, markdown: markdown()}],
  bibliography: [],
  occurrences: [],
  entries: []
}

let outDir: string
let reader: string
const file = new VFile({path: 'pdf'})

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'apparatus-print-test-'))
  await renderPdf(input, outDir, {file, sourceDateEpoch: 1_700_000_000, perDocument: false})
  reader = join(outDir, 'pdf', 'reader.pdf')
})

afterAll(() => {
  if (outDir) rmSync(outDir, {recursive: true, force: true})
})

function layoutText(): string {
  return execFileSync('pdftotext', ['-layout', reader, '-'], {encoding: 'utf8'})
}

/** Words of each line of the text, with their horizontal extent, from pdftotext's boxes. */
function lines(): Array<Array<{text: string; left: number; right: number}>> {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', reader, '-'], {encoding: 'utf8'})
  return [...xhtml.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((line) =>
    [...(line[1] ?? '').matchAll(/<word xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((word) => ({left: Number(word[1]), right: Number(word[2]), text: word[3] ?? ''})))
}

describe('the printed page', () => {
  it('renders without a diagnostic', () => {
    expect(file.messages.map((message) => `${message.ruleId}: ${message.reason}`)).toEqual([])
  })

  it('hyphenates at least one in ten justified lines of long paragraphs', () => {
    const ends = lineEnds(reader)
    expect(ends.justified).toBeGreaterThan(40)
    expect(ends.hyphenated / ends.justified).toBeGreaterThanOrEqual(0.1)
  })

  it('keeps the words of the text whole: a soft hyphen is left only where a line breaks', () => {
    const text = layoutText()
    expect(text).toMatch(/\u00ad[-\u2010]\s*\n/)
    expect(text.replace(/\u00ad[-\u2010]\s*\n/g, '\n')).not.toContain('\u00ad')
  })

  it('prints a no-break space and a space as one space, not a gap', () => {
    // In a justified line every space is as wide as the others; a doubled one would be twice.
    const sentenceEnds = lines().filter((words) => words.length >= 6).flatMap((words) => {
      const gaps = words.slice(1).map((word, index) => word.left - (words[index]?.right ?? 0))
      const sorted = [...gaps].sort((a, b) => a - b)
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0
      return words.slice(0, -1).flatMap((word, index) => (word.text.endsWith('.') ? [(gaps[index] ?? 0) / median] : []))
    })
    expect(sentenceEnds.length).toBeGreaterThan(5)
    expect(Math.max(...sentenceEnds)).toBeLessThan(1.4)
  })

  it('prints dates in words and never a full stop and a comma together', () => {
    const text = layoutText()
    expect(text).toContain('April 1987')
    expect(text).not.toContain('1987-04')
    expect(text).toContain('March 14, 2026')
    expect(text).not.toContain('2026-03-14')
    expect(text).toContain('Title supplied by the editors.')
    expect(text).not.toMatch(/\.,/)
  })

  it('gives the introduction a heading, an entry in the contents and a bookmark', async () => {
    const text = layoutText()
    expect(text).toMatch(/Contents\s+Introduction\s+\d+/)
    expect(text).toMatch(/\fIntroduction\s*\nThis edition gathers/)
    expect((await outline(reader)).map((item) => item.title)).toEqual(['Contents', 'Introduction', meta.title])
  })

  it('writes a tagged structure that qpdf and poppler read without error, emphasis mapped to PDF 1.7 types', async () => {
    expect(qpdfCheck(reader).status).toBe(0)
    const struct = spawnSync('pdfinfo', ['-struct', reader], {encoding: 'utf8'})
    expect(struct.stderr).toBe('')
    expect(struct.stdout).toMatch(/\n\s*H2\b/)
    const pdf = await PDFDocument.load(readFileSync(reader), {updateMetadata: false})
    const markInfo = pdf.catalog.lookup(PDFName.of('MarkInfo'), PDFDict)
    expect(markInfo.get(PDFName.of('Marked'))?.toString()).toBe('true')
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
    const roles = root.lookup(PDFName.of('RoleMap'), PDFDict)
    expect(roles.get(PDFName.of('Em'))).toBe(PDFName.of('Span'))
    expect(roles.get(PDFName.of('Strong'))).toBe(PDFName.of('Span'))
    const types = new Set(pdf.context.enumerateIndirectObjects().flatMap(([, object]) => (object instanceof PDFDict && object.has(PDFName.of('P')) ? [String(object.get(PDFName.of('S')))] : [])))
    expect(types).toContain('/Em')
    expect(types).toContain('/Strong')
    const metadata = pdf.catalog.lookup(PDFName.of('Metadata'))
    expect(metadata).toBeInstanceOf(PDFRawStream)
    const xmp = metadata instanceof PDFRawStream ? new TextDecoder().decode(metadata.contents) : ''
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${input.edition.title}</rdf:li>`)
    expect(xmp).toContain('<rdf:li>en</rdf:li>')
  })

  it('gives every list item a label or a body and nothing else, as PDF 1.7 asks', () => {
    const tree = execFileSync('pdfinfo', ['-struct', reader], {encoding: 'utf8'}).split('\n')
    const indent = (line: string) => line.length - line.trimStart().length
    const children: string[] = []
    let items = 0
    tree.forEach((line, index) => {
      if (line.trim() !== 'LI (block)') return
      items++
      for (const next of tree.slice(index + 1)) {
        if (indent(next) <= indent(line)) break
        if (indent(next) === indent(line) + 2) children.push(next.trim().split(' ')[0] ?? '')
      }
    })
    expect(items).toBeGreaterThan(1)
    expect(new Set(children)).toEqual(new Set(['LBody']))
  })

  it('marks everything on the pages that is not tagged as an artifact', () => {
    // qpdf writes each content stream uncompressed, one operator a line.
    const qdf = join(outDir, 'qdf.pdf')
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', reader, qdf])
    const streams = [...readFileSync(qdf, 'latin1').matchAll(/%% Contents for page \d+\n[\s\S]*?\nstream\n([\s\S]*?)endstream/g)].map((match) => match[1] ?? '')
    expect(streams.length).toBeGreaterThan(2)
    let untagged = 0
    let artifacts = 0
    for (const stream of streams) {
      let depth = 0
      for (const line of stream.split('\n').map((text) => text.trim())) {
        if (/\bB[DM]C$/.test(line)) depth++
        if (line === '/Artifact BMC') artifacts++
        if (line === 'EMC') depth--
        if (depth === 0 && /(?:\bTj|\bTJ|^(?:.* )?(?:f|f\*|S|B))$/.test(line)) untagged++
      }
    }
    expect(artifacts).toBeGreaterThan(0)
    expect(untagged).toBe(0)
  })

  it('describes every link by what it leads to', async () => {
    const pdf = await PDFDocument.load(readFileSync(reader), {updateMetadata: false})
    const descriptions = pdf.getPages().flatMap((page) => {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
      return (annots?.asArray() ?? []).map((ref) => {
        const annot = pdf.context.lookup(ref, PDFDict)
        const contents = annot.get(PDFName.of('Contents'))
        return contents instanceof PDFHexString || contents instanceof PDFString ? contents.decodeText() : ''
      })
    })
    expect(descriptions.length).toBeGreaterThanOrEqual(3)
    expect(descriptions.filter((description) => description === '')).toEqual([])
    expect(descriptions).toContain('Introduction')
    expect(descriptions).toContain(meta.title)
    expect(descriptions).toContain('Note 1')
  })
})
