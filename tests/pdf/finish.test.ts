/**
 * The finishing step on PDFs laid out both ways: with a classic cross-reference table (as
 * Chromium writes them, read object by object) and with cross-reference streams (parsed whole).
 */
import {PDFDict, PDFDocument, PDFHexString, PDFName, PDFString} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {finishPdf, type PdfMetadata} from '../../pipeline/pdf/finish.js'

async function threePages(useObjectStreams: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  for (let page = 0; page < 3; page++) pdf.addPage([420, 595]).drawText(`Page ${page + 1}`, {x: 50, y: 500})
  pdf.setCreationDate(new Date('2020-01-01T00:00:00Z'))
  return pdf.save({useObjectStreams})
}

const metadata: PdfMetadata = {
  title: 'Soviet Aims in Korea',
  author: 'Kathryn Weathersby',
  keywords: ['Korean War', 'Soviet archives'],
  language: 'en',
  date: new Date('1993-11-01T00:00:00Z'),
  identity: 'print html'
}

const outline = [
  {id: 'a', title: 'Chapter one', children: [{id: 'a1', title: 'A section', children: []}]},
  {id: 'b', title: 'Chapter two', children: []},
  {id: 'missing', title: 'Not laid out', children: []}
]
const targets = {a: {page: 1, top: 10}, a1: {page: 2, top: 200}, b: {page: 3, top: 0}}

function text(dict: PDFDict, key: string): string | undefined {
  const value = dict.get(PDFName.of(key))
  return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : undefined
}

describe('finishPdf', () => {
  it.each([
    ['a classic cross-reference table', false],
    ['cross-reference streams', true]
  ])('sets metadata, outline and identifier on a PDF with %s', async (_label, streams) => {
    const finished = await PDFDocument.load(await finishPdf(await threePages(streams), metadata, outline, targets), {updateMetadata: false})
    expect(finished.getPageCount()).toBe(3)
    expect(finished.getTitle()).toBe('Soviet Aims in Korea')
    expect(finished.getAuthor()).toBe('Kathryn Weathersby')
    expect(finished.getCreationDate()?.toISOString()).toBe('1993-11-01T00:00:00.000Z')
    const info = finished.context.lookup(finished.context.trailerInfo.Info, PDFDict)
    expect(text(info, 'Keywords')).toBe('Korean War; Soviet archives')
    expect(text(finished.catalog, 'Lang')).toBe('en')
    expect(finished.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'))
    const outlines = finished.context.lookup(finished.catalog.get(PDFName.of('Outlines')), PDFDict)
    const first = finished.context.lookup(outlines.get(PDFName.of('First')), PDFDict)
    const last = finished.context.lookup(outlines.get(PDFName.of('Last')), PDFDict)
    expect([text(first, 'Title'), text(last, 'Title')]).toEqual(['Chapter one', 'Chapter two'])
    const child = finished.context.lookup(first.get(PDFName.of('First')), PDFDict)
    expect(text(child, 'Title')).toBe('A section')
    expect(finished.context.trailerInfo.ID).toBeDefined()
  })
})
