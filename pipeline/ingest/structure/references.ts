/**
 * Reference lists: a section headed `Bibliography`, `References`, `Works Cited`, `Literatur`,
 * `Bibliographie` … whose paragraphs read as entries becomes a `:::references` container
 * holding its heading and one paragraph (or list item) per entry. The headings are data; the
 * entries are told by evidence (a surname and a comma, a year, the author dash `———`).
 * Nothing is reworded: lines are only grouped into entries.
 */
import type {Heading, Parent, Root, RootContent} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import {toString} from 'mdast-util-to-string'
import {endsSentence, joinSpans} from '../repair/join.js'
import type {Vocabulary} from '../repair/vocabulary.js'
import {readingOf, type Line} from '../spans.js'
import {keepsLines, toBlocks, type Block} from './blocks.js'
import {looksLikeHeading} from './heading.js'
import {directive} from '../../shared/annotations.js'

/** Headings of a reference list, by language, compared lower-cased without final punctuation. */
const referenceHeadings: Readonly<Record<string, readonly string[]>> = {
  en: [
    'bibliography', 'select bibliography', 'selected bibliography', 'bibliography and sources',
    'references', 'reference list', 'list of references', 'references cited', 'works cited',
    'works consulted', 'literature cited', 'sources', 'sources cited', 'sources and bibliography',
    'sources and literature', 'literature', 'primary sources', 'secondary sources',
    'primary and secondary sources', 'further reading', 'suggested reading', 'bibliographical note'
  ],
  de: [
    'literatur', 'literaturverzeichnis', 'literaturliste', 'literaturangaben', 'verwendete literatur',
    'zitierte literatur', 'quellen', 'quellen und literatur', 'quellen- und literaturverzeichnis',
    'quellenverzeichnis', 'bibliographie', 'bibliografie', 'auswahlbibliographie', 'gedruckte quellen'
  ],
  fr: [
    'bibliographie', 'bibliographie sélective', 'références', 'références bibliographiques',
    'sources', 'sources et bibliographie', 'ouvrages cités', 'orientation bibliographique'
  ],
  es: ['bibliografía', 'referencias', 'referencias bibliográficas', 'obras citadas', 'fuentes', 'fuentes y bibliografía'],
  it: ['bibliografia', 'riferimenti bibliografici', 'opere citate', 'fonti', 'fonti e bibliografia'],
  pt: ['bibliografia', 'referências', 'referências bibliográficas', 'obras citadas'],
  nl: ['literatuur', 'literatuurlijst', 'bronnen', 'bronnen en literatuur'],
  ru: ['библиография', 'литература', 'список литературы', 'источники', 'источники и литература']
}

const headings: ReadonlySet<string> = new Set(Object.values(referenceHeadings).flat())

/** Whether a heading's text names a reference list (`7. References`, `BIBLIOGRAPHY:`). */
export function isReferenceHeading(text: string): boolean {
  // A heading that names a list is a few words; a long line is none (and is not scanned).
  if (text.length > 200) return false
  const reading = text
    .replace(/[*_#]+/g, '')
    .trim()
    .replace(/^(?:[IVXLC]+|\d{1,2}|[A-Z])[.)]\s+/, '')
    .replace(/[\s.:]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase()
  return headings.has(reading)
}

/** The opening of an entry: a surname and a comma (`Putnam, R. D.`, `Du Bois, W. E. B.`), or the author dash. */
const entryOpening = /^(?:[-–—_]{2,}\.?|(?:\p{Lu}[\p{L}\p{M}'’-]*\s){0,2}\p{Lu}[\p{L}\p{M}'’-]*,\s?\p{L}|\p{Lu}[\p{L}\p{M}'’-]+\s(?:\p{Lu}\.\s?)+[,(:]?|\p{Lu}[\p{L}\p{M}'’-]+(?:\s\p{Lu}[\p{L}\p{M}'’-]+)?\s\((?:1[5-9]|20)\d\d)/u
/** A year of publication. */
const year = /(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|\bn\.\s?d\./

/** Does a paragraph read as a reference-list entry? */
function looksLikeEntry(text: string): boolean {
  const reading = text.replace(/^[*_\s]+/, '').replace(/\s+/g, ' ').trim()
  if (reading.length < 12 || reading.length > 1200) return false
  const opens = entryOpening.test(reading)
  return (opens && (year.test(reading) || /[.:]/.test(reading.slice(4)))) || (year.test(reading) && /^\p{Lu}/u.test(reading) && reading.length < 400 && /[,.]\s/.test(reading))
}

/** Most of the paragraphs read as entries, and there is at least one. */
function mostlyEntries(texts: readonly string[]): boolean {
  const entries = texts.filter(looksLikeEntry).length
  return entries > 0 && entries * 10 >= texts.length * 6
}

// --- Trees (Markdown, HTML, Word) -------------------------------------------------------------

/**
 * Wrap each reference-list section of a tree (its heading, up to the next heading of the same or
 * a higher level, a note or the end) in a `:::references` container. Returns how many.
 */
export function markReferenceLists(tree: Root): number {
  return markIn(tree)
}

function markIn(parent: Parent): number {
  let count = 0
  const children = parent.children as RootContent[]
  for (let index = 0; index < children.length; index++) {
    const node = children[index] as RootContent
    if (node.type === 'containerDirective' && node.name !== directive.removed && node.name !== directive.references) {
      count += markIn(node)
      continue
    }
    if (node.type !== 'heading' || !isReferenceHeading(toString(node))) continue
    let end = index + 1
    while (end < children.length) {
      const next = children[end] as RootContent
      if (next.type === 'footnoteDefinition' || (next.type === 'heading' && next.depth <= node.depth)) break
      if (next.type === 'containerDirective' && next.name !== directive.removed) break
      end++
    }
    const section = children.slice(index + 1, end)
    const texts = entryTexts(section)
    if (!mostlyEntries(texts)) continue
    const container: ContainerDirective = {type: 'containerDirective', name: directive.references, attributes: {}, children: [node as Heading, ...(section as ContainerDirective['children'])]}
    children.splice(index, end - index, container as RootContent)
    count++
  }
  return count
}

/** The texts of a section's entries: its paragraphs and list items. */
function entryTexts(nodes: readonly RootContent[]): string[] {
  const out: string[] = []
  for (const node of nodes) {
    if (node.type === 'paragraph') out.push(toString(node))
    else if (node.type === 'list') for (const item of node.children) out.push(toString(item))
  }
  return out
}

// --- Plain text -------------------------------------------------------------------------------

/** Where a reference list stands in a text's lines: its heading line and the end (exclusive). */
export interface ReferenceSection {
  heading: number
  end: number
}

/** Longest line of a sub-heading inside a reference list (`Primary Sources`, `Archives`). */
const subheadingLength = 60

/**
 * Find the reference lists among the body lines of a plain-text source: a line that is a
 * reference-list heading after a blank line, followed by paragraphs that read as entries up to
 * a paragraph that does not (a short heading followed by entries stays: a sub-heading).
 */
export function findReferenceSections(lines: readonly Line[]): ReferenceSection[] {
  const out: ReferenceSection[] = []
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line
    if (!(line.blankBefore || index === 0) || !isReferenceHeading(readingOf(line.spans))) continue
    const chunks = paragraphsFrom(lines, index + 1)
    let end = index + 1
    let entries = 0
    for (const [position, chunk] of chunks.entries()) {
      const reading = chunk.map((each) => readingOf(each.spans)).join(' ')
      const first = readingOf((chunk[0] as Line).spans)
      const entryLines = chunk.filter((each) => looksLikeEntry(readingOf(each.spans))).length
      const isEntries = looksLikeEntry(reading) || entryLines * 2 >= chunk.length
      const next = chunks[position + 1]
      const subheading = chunk.length === 1 && first.length <= subheadingLength && !endsSentence(first) && next !== undefined && looksLikeEntry(readingOf((next[0] as Line).spans))
      if (!isEntries && !subheading) break
      if (isEntries) entries++
      end = lines.indexOf(chunk.at(-1) as Line) + 1
    }
    if (entries === 0) continue
    out.push({heading: index, end})
    index = end - 1
  }
  return out
}

/** The blank-line separated paragraphs from `start` on. */
function paragraphsFrom(lines: readonly Line[], start: number): Line[][] {
  const out: Line[][] = []
  for (let index = start; index < lines.length; index++) {
    const line = lines[index] as Line
    if (line.blankBefore || out.length === 0) out.push([line])
    else out.at(-1)?.push(line)
  }
  return out
}

/**
 * The blocks of a reference list's lines: the heading, then one paragraph per entry. Within a
 * paragraph of several lines, an entry starts at a line less indented than the ones that
 * follow it (a hanging indent), or, without indents, at a line that opens like an entry after a
 * line that ends a sentence.
 */
function referenceBlocks(lines: readonly Line[], section: ReferenceSection, text: string, words: Vocabulary, perLine: boolean): Block[] {
  const headingLine = lines[section.heading] as Line
  const blocks: Block[] = [{kind: 'heading', depth: 2, spans: [...headingLine.spans], offset: headingLine.offset, blankBefore: headingLine.blankBefore, single: true, section: 'references'}]
  const body = lines.slice(section.heading + 1, section.end)
  const chunks: Line[][] = []
  for (const line of body) {
    if (line.blankBefore || chunks.length === 0) chunks.push([line])
    else chunks.at(-1)?.push(line)
  }
  for (const chunk of chunks) {
    const starts = perLine ? new Set(chunk.keys()) : entryStarts(chunk, text)
    // A sub-heading on the line above its first entry (`Primary sources`).
    if (chunk.length > 1 && isSubheading(readingOf((chunk[0] as Line).spans).trim())) starts.add(1)
    let open: Block | undefined
    chunk.forEach((line, position) => {
      if (open && !starts.has(position)) {
        joinSpans(open.spans, line.spans, words)
        open.single = false
        return
      }
      open = {kind: 'paragraph', spans: [...line.spans], offset: line.offset, blankBefore: position === 0 ? line.blankBefore : true, single: true, section: 'references'}
      blocks.push(open)
    })
  }
  // A one-line paragraph that is no entry but heads entries is a sub-heading.
  blocks.forEach((block, index) => {
    const reading = readingOf(block.spans).trim()
    const next = blocks[index + 1]
    if (index > 0 && block.single && next && looksLikeEntry(readingOf(next.spans)) && isSubheading(reading)) {
      block.kind = 'heading'
      block.depth = 3
    }
  })
  return blocks
}

/**
 * `toBlocks` for a text with reference lists: the lines around each list make blocks as
 * usual, the list's lines the blocks of its heading and entries (marked `section`).
 */
export function blocksWithReferences(lines: readonly Line[], words: Vocabulary, perLineKnown: boolean | undefined, text: string): Block[] {
  const sections = findReferenceSections(lines)
  if (sections.length === 0) return toBlocks(lines, words, perLineKnown)
  const perLine = perLineKnown ?? keepsLines(lines)
  const blocks: Block[] = []
  let from = 0
  for (const section of sections) {
    blocks.push(...toBlocks(lines.slice(from, section.heading), words, perLine), ...referenceBlocks(lines, section, text, words, perLine))
    from = section.end
  }
  blocks.push(...toBlocks(lines.slice(from), words, perLine))
  return blocks
}

/** A short line that is no entry and ends no sentence: a heading inside the list. */
function isSubheading(reading: string): boolean {
  return !looksLikeEntry(reading) && (looksLikeHeading(reading) || (reading.length <= subheadingLength && !endsSentence(reading) && !reading.includes(',')))
}

/** Indentation of a line in the source, in characters. */
function indentOf(line: Line, text: string): number {
  const lineStart = text.lastIndexOf('\n', line.offset - 1) + 1
  const first = line.spans[0]
  const leading = first?.type === 'text' ? first.value.length - first.value.trimStart().length : 0
  return line.offset - lineStart + leading
}

/** Positions in a paragraph's lines where an entry starts (always the first). */
function entryStarts(chunk: readonly Line[], text: string): Set<number> {
  const starts = new Set([0])
  if (chunk.length < 2) return starts
  const indents = chunk.map((line) => indentOf(line, text))
  const least = Math.min(...indents)
  const hanging = indents.some((indent) => indent > least) && indents[0] === least
  chunk.forEach((line, position) => {
    if (position === 0) return
    const reading = readingOf(line.spans).trim()
    const before = readingOf((chunk[position - 1] as Line).spans).trim()
    if (hanging ? indents[position] === least : entryOpening.test(reading) && (endsSentence(before) || /[>)]$/.test(before))) starts.add(position)
  })
  return starts
}
