/**
 * Reading our PDFs back with the real clients: qpdf, pdffonts, pdftotext (page by page), and
 * pdf-lib for the outline and the links. The page texts and the note-placement check live in
 * pipeline/pdf/placement.ts (the benchmark uses them too).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString} from 'pdf-lib'
import {visit} from 'unist-util-visit'
import {parseMarkdown} from '../../pipeline/markdown/index.js'
import {pageTexts, printedText} from '../../pipeline/pdf/placement.js'

export {expectationsFromMarkdown, pageTexts, pagesBefore, placements, squash, type Placement} from '../../pipeline/pdf/placement.js'

export function qpdfCheck(path: string): {status: number | null; output: string} {
  const result = spawnSync('qpdf', ['--check', path], {encoding: 'utf8'})
  return {status: result.status, output: `${result.stdout}${result.stderr}`}
}

/** pdffonts rows: font name and whether it is embedded. */
export function fonts(path: string): Array<{name: string; embedded: boolean}> {
  const lines = execFileSync('pdffonts', [path], {encoding: 'utf8'}).split('\n').slice(2).filter((line) => line.trim() !== '')
  return lines.map((line) => {
    // Columns: name type encoding emb sub uni object ID; the name has no spaces, the type may.
    const columns = line.trim().split(/\s+/)
    const emb = columns.at(-5)
    return {name: columns[0] ?? '', embedded: emb === 'yes'}
  })
}

export function pdfInfo(path: string): Record<string, string> {
  const info = execFileSync('pdfinfo', ['-isodates', path], {encoding: 'utf8'})
  return Object.fromEntries(info.split('\n').filter((line) => line.includes(':')).map((line) => {
    const at = line.indexOf(':')
    return [line.slice(0, at).trim(), line.slice(at + 1).trim()]
  }))
}

/** Page texts of `<dir()>/pdf/<name>.pdf`, read once per name. */
export function pdfPageReader(dir: () => string): (name: string) => string[] {
  const texts = new Map<string, string[]>()
  return (name) => {
    let pages = texts.get(name)
    if (!pages) texts.set(name, (pages = pageTexts(join(dir(), 'pdf', `${name}.pdf`))))
    return pages
  }
}

export interface OutlineItem {
  title: string
  children: OutlineItem[]
}

function decode(value: unknown): string {
  return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : ''
}

/** The outline (bookmarks), read with pdf-lib. */
export async function outline(path: string): Promise<OutlineItem[]> {
  const pdf = await PDFDocument.load(readFileSync(path), {updateMetadata: false})
  const root = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  const level = (first: PDFDict | undefined): OutlineItem[] => {
    const items: OutlineItem[] = []
    let item = first
    while (item) {
      items.push({title: decode(item.lookup(PDFName.of('Title'))), children: level(item.lookupMaybe(PDFName.of('First'), PDFDict))})
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
    }
    return items
  }
  return level(root?.lookupMaybe(PDFName.of('First'), PDFDict))
}

/** Link annotations: how many go to a place in the document, and how many leave it. */
export async function links(path: string): Promise<{internal: number; external: number}> {
  const pdf = await PDFDocument.load(readFileSync(path), {updateMetadata: false})
  let internal = 0
  let external = 0
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    for (let index = 0; index < (annots?.size() ?? 0); index++) {
      const annot = annots?.lookup(index, PDFDict)
      if (annot?.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict)
      if (annot.has(PDFName.of('Dest')) || action?.get(PDFName.of('S')) === PDFName.of('GoTo')) internal++
      else external++
    }
  }
  return {internal, external}
}

/** The emendations in each note (`:emend[corrected]{orig}`), in order, by note number. */
export function noteEmendations(markdown: string): Map<number, Array<{original: string; corrected: string}>> {
  const byNote = new Map<number, Array<{original: string; corrected: string}>>()
  visit(parseMarkdown(markdown), 'footnoteDefinition', (definition) => {
    const list: Array<{original: string; corrected: string}> = []
    visit(definition, 'textDirective', (directive) => {
      const original = directive.attributes?.orig
      if (directive.name === 'emend' && typeof original === 'string') list.push({original, corrected: printedText(directive)})
    })
    if (list.length > 0) byNote.set(Number(definition.identifier), list)
  })
  return byNote
}

/** Apply emendations to a quotation of the source, each after the previous one. */
export function emend(text: string, emendations: Array<{original: string; corrected: string}>): string {
  let result = text
  let from = 0
  for (const {original, corrected} of emendations) {
    const at = result.indexOf(original, from)
    if (at === -1) continue
    result = result.slice(0, at) + corrected + result.slice(at + original.length)
    from = at + corrected.length
  }
  return result
}


/** Line ends of justified text, as pdftotext lays out the pages. */
export interface LineEnds {
  /** Lines that reach the right edge of their paragraph's block and are not its last. */
  justified: number
  /** Of those, the lines that end in a hyphen. */
  hyphenated: number
  /** The hyphenated line ends, each as `word-|next`, for messages. */
  examples: string[]
}

/**
 * Count the justified and the hyphenated line ends in blocks of at least `minLines` lines (long
 * paragraphs), from pdftotext's word boxes: a line is justified when it ends within a point of
 * the block's right edge and another line of the block follows.
 */
export function lineEnds(path: string, minLines = 4): LineEnds {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', path, '-'], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})
  const result: LineEnds = {justified: 0, hyphenated: 0, examples: []}
  for (const block of xhtml.matchAll(/<block xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/block>/g)) {
    const right = Number(block[1])
    const lines = [...(block[2] ?? '').matchAll(/<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((line) => ({
      right: Number(line[1]),
      words: [...(line[2] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => word[1] ?? '')
    }))
    if (lines.length < minLines) continue
    lines.slice(0, -1).forEach((line, index) => {
      if (line.right < right - 1) return
      result.justified++
      const last = line.words.at(-1) ?? ''
      if (/\p{L}\u00ad?[-\u00ad\u2010\u2011]$/u.test(last)) {
        result.hyphenated++
        result.examples.push(`${last}|${lines[index + 1]?.words[0] ?? ''}`)
      }
    })
  }
  return result
}
