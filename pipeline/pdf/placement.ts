/**
 * Reading a printed PDF back with pdftotext: the text of each page, and where each note landed
 * against where it is called. Used by the tests and by the benchmark, which checks any
 * renderer's PDF of our print HTML (Chromium with Paged.js, WeasyPrint) the same way.
 */
import {execFileSync} from 'node:child_process'
import type {Nodes, PhrasingContent, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {parseMarkdown} from '../markdown/index.js'
import {directive, isTextDirective} from '../shared/annotations.js'

/** What a note looks like in print: its number, the words before its call, its first words. */
export interface NoteExpectation {
  n: number
  /** Text just before the call. */
  refContext: string
  /** First words of the note. */
  noteStart: string
  /** Last words of the note (generated documents only). */
  noteEnd?: string
}

/**
 * The text of each page. pdftotext ends every page with a form feed, so one run split there
 * gives exactly what `pdftotext -f N -l N` gives for page N, without a process per page.
 */
export function pageTexts(path: string): string[] {
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}).split('\f')
  pages.pop()
  return pages
}

/** Paged.js ends a page that breaks inside a word with a non-breaking hyphen. */
const pageBreakHyphen = /\u2011[ \t]*(?=\n|$)/g

/**
 * Text compared without whitespace and with compatibility forms folded (ligatures, no-break
 * spaces), and words hyphenated at a line end joined again: the PDF's text keeps a soft hyphen
 * where a word was broken, before the hyphen drawn there (pdftotext's layout mode prints both).
 */
export function squash(text: string): string {
  return text.replace(pageBreakHyphen, '').normalize('NFKC').replace(/\u00ad[-\u2010]?/g, '').replace(/\s+/g, '')
}

/** Text as printed: emendations give their reading, removed text and unknown markup none. */
export function printedText(node: Nodes): string {
  if (isTextDirective(node, directive.removed)) return ''
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
        } else if ('children' in child && !isTextDirective(child, directive.removed)) {
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

/** The pages before the bibliography (whose first page starts with its heading), where notes are. */
export function pagesBefore(pages: string[], heading: string): string[] {
  const at = pages.findIndex((text) => squash(text).startsWith(squash(heading)))
  return at === -1 ? pages : pages.slice(0, at)
}

/** `squash` that keeps the soft hyphen of a word broken at a line end (without the hyphen drawn). */
function squashKeepingBreaks(text: string): string {
  return text.replace(pageBreakHyphen, '\u00ad').normalize('NFKC').replace(/\u00ad[-\u2010]?/g, '\u00ad').replace(/\s+/g, '')
}

/**
 * Whether a page has a note's call: the word before it glued to its number, or, when that word
 * was hyphenated across a page break, its end glued to the number here and its start, with the
 * soft hyphen, on the page before.
 */
function hasCall(page: string, previous: string | undefined, word: string, n: number): boolean {
  if (page.includes(squash(`${word}${n}`))) return true
  if (previous === undefined) return false
  const whole = squash(word)
  for (let at = 1; at < whole.length; at++) {
    if (page.includes(`${whole.slice(at)}${n}`) && previous.includes(`${whole.slice(0, at)}\u00ad`)) return true
  }
  return false
}

/** Each page squashed, with and without the soft hyphens of its broken words (normalized once). */
function squashedPages(pages: string[]): {squashed: string[]; withBreaks: string[]} {
  const withBreaks = pages.map(squashKeepingBreaks)
  return {squashed: withBreaks.map((text) => text.replaceAll('\u00ad', '')), withBreaks}
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
  const {squashed, withBreaks} = squashedPages(pages)
  return expectations.map((expectation) => {
    // The note's number runs into its first words, which keeps look-alike openings apart.
    const start = squash(`${expectation.n} ${expectation.noteStart}`)
    const word = expectation.refContext.trim().split(/\s+/).at(-1) ?? ''
    const notePages = squashed.flatMap((text, index) => {
      let count = 0
      for (let at = text.indexOf(start); at !== -1; at = text.indexOf(start, at + 1)) count++
      return Array.from({length: count}, () => index + 1)
    })
    const index = notePages.length === 1 ? (notePages[0] ?? 1) - 1 : -1
    const callOnPage = index >= 0 && hasCall(squashed[index] ?? '', withBreaks[index - 1], word, expectation.n)
    return {n: expectation.n, notePages, callOnPage}
  })
}

/** How many of a printed edition's notes are on the page of their call. */
export interface PlacementSummary {
  notes: number
  /** Notes whose first words are on a page that also has their call. */
  onCallPage: number
  /** Notes whose first words were not found in their chapter at all. */
  missing: number
}

/**
 * Check every note of every chapter of a printed book (any renderer's): each chapter's pages
 * run from the page that starts with its title to the next chapter's or the bibliography, and
 * a note is in place when a page of its chapter has both its first words and its call.
 */
export function summarizePlacement(pages: string[], chapters: Array<{title: string; markdown: string}>, endHeading = 'Bibliography'): PlacementSummary {
  const {squashed, withBreaks} = squashedPages(pages)
  const startOf = (heading: string) => squashed.findIndex((text) => text.startsWith(squash(heading).slice(0, 30)))
  const starts = chapters.map((chapter) => startOf(chapter.title))
  const end = startOf(endHeading)
  const summary: PlacementSummary = {notes: 0, onCallPage: 0, missing: 0}
  chapters.forEach((chapter, index) => {
    const from = starts[index] ?? -1
    const next = [...starts.slice(index + 1), end].find((at) => at > from)
    const own = from === -1 ? squashed : squashed.slice(from, next === undefined || next === -1 ? undefined : next)
    for (const expectation of expectationsFromMarkdown(chapter.markdown)) {
      const start = squash(`${expectation.n} ${expectation.noteStart}`)
      const word = expectation.refContext.trim().split(/\s+/).at(-1) ?? ''
      const first = from === -1 ? 0 : from
      const found = own.flatMap((text, at) => (text.includes(start) ? [first + at] : []))
      summary.notes++
      if (found.length === 0) summary.missing++
      else if (found.some((at) => hasCall(squashed[at] ?? '', withBreaks[at - 1], word, expectation.n))) summary.onCallPage++
    }
  })
  return summary
}
