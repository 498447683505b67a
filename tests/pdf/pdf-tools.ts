import {join} from 'node:path'
/**
 * Reading our PDFs back with the real clients: qpdf, pdffonts, pdftotext (page by page), and
 * pdf-lib for the outline and the links. Plus the note-placement check.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import type {Nodes, PhrasingContent, Root} from 'mdast'
import {PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString} from 'pdf-lib'
import {visit} from 'unist-util-visit'
import {parseMarkdown} from '../../pipeline/markdown/index.js'
import type {NoteExpectation} from './generate.js'

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

/**
 * The text of each page. pdftotext ends every page with a form feed, so one run split there
 * gives exactly what `pdftotext -f N -l N` gives for page N, without a process per page.
 */
/** Page texts of `<dir()>/pdf/<name>.pdf`, read once per name. */
export function pdfPageReader(dir: () => string): (name: string) => string[] {
  const texts = new Map<string, string[]>()
  return (name) => {
    let pages = texts.get(name)
    if (!pages) texts.set(name, (pages = pageTexts(join(dir(), 'pdf', `${name}.pdf`))))
    return pages
  }
}

export function pageTexts(path: string): string[] {
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}).split('\f')
  pages.pop()
  return pages
}

/** Text compared without whitespace and with compatibility forms folded (ligatures, no-break spaces). */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
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

/** Text as printed: emendations give their reading, removed text and unknown markup none. */
function printedText(node: Nodes): string {
  if (node.type === 'textDirective' && node.name === 'removed') return ''
  if (node.type === 'footnoteReference') return ''
  if ('children' in node) return node.children.map((child) => printedText(child)).join('')
  return 'value' in node ? node.value : ''
}

const contextLength = 40

/** Expectations like the gold notes' (`refContext`, `noteStart`) derived from annotated Markdown. */
export function expectationsFromMarkdown(markdown: string): NoteExpectation[] {
  const tree: Root = parseMarkdown(markdown)
  const starts = new Map<string, string>()
  visit(tree, 'footnoteDefinition', (definition) => {
    starts.set(definition.identifier, printedText(definition).replace(/\s+/g, ' ').trim().slice(0, contextLength))
  })
  const expectations: NoteExpectation[] = []
  const seen = new Set<string>()
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return
    let before = ''
    const walk = (children: PhrasingContent[]) => {
      for (const child of children) {
        if (child.type === 'footnoteReference') {
          if (!seen.has(child.identifier)) {
            seen.add(child.identifier)
            expectations.push({n: Number(child.identifier), refContext: before.slice(-contextLength), noteStart: starts.get(child.identifier) ?? ''})
          }
        } else if ('children' in child && !(child.type === 'textDirective' && child.name === 'removed')) {
          walk(child.children)
        } else {
          before += printedText(child)
        }
      }
    }
    walk(node.children)
    return 'skip'
  })
  return expectations
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

/** The pages before the bibliography (whose first page starts with its heading), where notes are. */
export function pagesBefore(pages: string[], heading: string): string[] {
  const at = pages.findIndex((text) => squash(text).startsWith(squash(heading)))
  return at === -1 ? pages : pages.slice(0, at)
}

export interface Placement {
  n: number
  /** Pages (1-based) where the note's number and first words were found. */
  notePages: number[]
  /** Whether the call, glued to the word before it, is on the note's page. */
  callOnPage: boolean
}

/**
 * Where each note landed: its number and first words must be found once, on the page of its
 * call. The call is found as the last word before it followed by the note's number (`state.1`):
 * the rest of the context may begin on the previous page.
 */
export function placements(pages: string[], expectations: NoteExpectation[]): Placement[] {
  const squashed = pages.map(squash)
  return expectations.map((expectation) => {
    // The note's number runs into its first words, which keeps look-alike openings apart.
    const start = squash(`${expectation.n} ${expectation.noteStart}`)
    const call = squash(`${expectation.refContext.trim().split(/\s+/).at(-1) ?? ''}${expectation.n}`)
    const notePages = squashed.flatMap((text, index) => {
      let count = 0
      for (let at = text.indexOf(start); at !== -1; at = text.indexOf(start, at + 1)) count++
      return Array.from({length: count}, () => index + 1)
    })
    const page = notePages.length === 1 ? squashed[(notePages[0] ?? 1) - 1] ?? '' : ''
    return {n: expectation.n, notePages, callOnPage: page.includes(call)}
  })
}
