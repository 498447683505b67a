/**
 * Word `.docx` files, read from the document's own XML: paragraphs by `w:p`, headings by style,
 * italic and bold runs, breaks and tabs; footnotes and endnotes as Word stores them (a
 * reference's `w:id` names its note; the separator notes are layout, not notes). Comments,
 * bookmarks and deleted text (tracked changes: the accepted reading is the text) go to the
 * apparatus as removed artifacts, so no word is lost.
 */
import type {BlockContent, DefinitionContent, FootnoteDefinition, Heading, List, ListItem, Paragraph, PhrasingContent, Root, TableCell, TableRow} from 'mdast'
import type {VFile} from 'vfile'
import type {Element, ElementContent, Root as XmlRoot} from 'xast'
import {report} from '../rules.js'
import {attribute, child, childElements, descendants, isOn, linkTargets, local, plainText, readParts, type Parts} from './docx-parts.js'
import type {Reader, ReadResult, SourceMetadata} from './types.js'
import {tidyEdges} from './phrasing.js'
import {bylineOfTree} from './byline.js'
import {gluedEndnotesAsFootnotes} from './glued-endnotes.js'
import {directive, type References, type RemovalRule, type RemovedBlock, type RemovedText} from '../../shared/annotations.js'
import {endnotesAsFootnotes} from '../conventions/markdown-endnotes.js'
import {symbolParagraphsAsFootnotes} from '../conventions/symbol-paragraphs.js'
import {noteSymbols} from '../conventions/symbol-notes.js'
import {toSuperscript} from '../conventions/notes-section.js'
import {numberToRoman} from '../../shared/roman.js'
import {fontCharacter, isSymbolFont, symbolText} from './symbol-fonts.js'

export const docxReader: Reader = {
  extensions: ['.docx'],
  read(input, file) {
    const parts = readParts(input.bytes, file)
    return parts ? readDocx(parts, file) : undefined
  }
}

interface Style {
  heading?: Heading['depth']
  quote: boolean
  list?: boolean
}

type NoteKind = 'footnote' | 'endnote'

interface Context {
  file: VFile
  styles: Map<string, Style>
  /** `numId:ilvl` → whether that level is numbered (not bullets). */
  ordered: Map<string, boolean>
  notes: Record<NoteKind, Map<string, Element>>
  comments: Map<string, Element>
  labels: Map<string, string>
  definitions: FootnoteDefinition[]
  usedComments: Set<string>
  /** The text, one paragraph a line: body, then notes, comments and deleted text. */
  lines: string[]
  noteLines: string[]
  extraLines: string[]
  /** Notes whose reference stands in a tracked deletion (`kind:id`). */
  deletedNotes: Set<string>
  insertions: number
  deletions: number
  counted: Record<NoteKind, number>
  /** How Word prints endnotes' numbers (`w:endnotePr/w:numFmt`): `lowerRoman` unless set. */
  endnoteFormat: string
  /** Hyperlink targets (`r:id` → URL) of the part being read, and of each kind of notes. */
  links: Map<string, string>
  noteLinks: Record<NoteKind, Map<string, string>>
  /** Labels given so far. */
  taken: Set<string>
  /** Characters of dingbat fonts (no Unicode table), by font: their code points. */
  dingbats: Map<string, string[]>
  /** Inside the document's bibliography (a field or content control): no second one inside it. */
  inReferences: boolean
}

/** Word's own notes that draw the separator line, not notes of the text. */
const layoutNotes: ReadonlySet<string> = new Set(['separator', 'continuationSeparator', 'continuationNotice'])

/** Elements that hold no words of the text (properties, drawings, field instructions). */
const skipped: ReadonlySet<string> = new Set([
  'pPr', 'rPr', 'sectPr', 'tblPr', 'tblGrid', 'trPr', 'tcPr', 'drawing', 'pict', 'object', 'AlternateContent',
  'instrText', 'footnoteRef', 'endnoteRef', 'separator', 'continuationSeparator', 'fldChar', 'proofErr',
  'lastRenderedPageBreak', 'commentRangeStart', 'commentRangeEnd', 'bookmarkEnd', 'permStart', 'permEnd'
])

function readDocx(parts: Parts, file: VFile): ReadResult {
  const context: Context = {
    file,
    styles: stylesOf(parts.styles),
    ordered: numberingOf(parts.numbering),
    notes: {footnote: notesOf(parts.footnotes, 'footnote'), endnote: notesOf(parts.endnotes, 'endnote')},
    comments: new Map(descendants(parts.comments ?? emptyRoot, 'comment').map((comment) => [attribute(comment, 'id') ?? '', comment])),
    labels: new Map(),
    definitions: [],
    usedComments: new Set(),
    lines: [],
    noteLines: [],
    extraLines: [],
    deletedNotes: new Set(),
    insertions: 0,
    deletions: 0,
    counted: {footnote: 0, endnote: 0},
    endnoteFormat: endnoteFormatOf(parts),
    links: linkTargets(parts.documentRels),
    noteLinks: {footnote: linkTargets(parts.footnotesRels), endnote: linkTargets(parts.endnotesRels)},
    taken: new Set(),
    dingbats: new Map(),
    inReferences: false
  }
  const body = child(childElements(parts.document)[0] ?? emptyElement, 'body') ?? emptyElement
  const blocks = blocksOf(childElements(body), context, 'body')
  // Notes that no reference calls keep their text (checked later as notes without reference).
  const deletedNotes: Paragraph[] = []
  for (const kind of ['footnote', 'endnote'] as const) {
    for (const [id, note] of context.notes[kind]) {
      if (context.labels.has(`${kind}:${id}`)) continue
      if (!context.deletedNotes.has(`${kind}:${id}`)) {
        noteReference(kind, id, context)
        continue
      }
      const text = descendants(note, 'p').map((p) => [...descendants(p, 't'), ...descendants(p, 'delText')].map(plainText).join('')).join(' ').replace(/\s+/g, ' ').trim()
      if (text === '') continue
      context.extraLines.push(text)
      deletedNotes.push({type: 'paragraph', children: [{type: 'text', value: text}]})
    }
  }
  if (deletedNotes.length > 0) blocks.push({type: 'containerDirective', name: directive.removed, attributes: {rule: 'word-deletion' satisfies RemovalRule}, children: deletedNotes} satisfies RemovedBlock)
  const unanchored = [...context.comments].filter(([id]) => !context.usedComments.has(id))
  if (unanchored.length > 0) {
    const container: RemovedBlock = {type: 'containerDirective', name: directive.removed, attributes: {rule: 'word-comment' satisfies RemovalRule}, children: unanchored.map(([, comment]): Paragraph => ({type: 'paragraph', children: [{type: 'text', value: commentText(comment, context)}]}))}
    blocks.push(container)
  }
  if (context.insertions + context.deletions > 0) {
    report(file, 'docx-tracked-changes', `Unexpected tracked changes (${context.insertions} insertion${context.insertions === 1 ? '' : 's'}, ${context.deletions} deletion${context.deletions === 1 ? '' : 's'}), expected a final text; insertions accepted, deleted text kept in the apparatus`, {line: 1, column: 1})
  }
  for (const [font, codes] of context.dingbats) {
    report(file, 'docx-symbol-font', `Unexpected ${codes.length} character${codes.length === 1 ? '' : 's'} of the font ${font} (${[...new Set(codes)].slice(0, 5).join(', ')}), expected Unicode text; kept as Word's private code points`, {line: 1, column: 1})
  }
  const tree: Root = {type: 'root', children: [...blocks, ...context.definitions]}
  // Notes typed by hand: superscript numbers in the text and a list under a notes heading.
  // Page-foot notes first: a notes list closing the text may be only the last page's notes.
  // Numbers glued to words (`oak.1`) calling the numbered list under a notes heading closing each
  // chapter or the text are read first: the stricter reading, the headings taken out with them.
  if (context.definitions.length === 0 && !gluedEndnotesAsFootnotes(tree) && !symbolParagraphsAsFootnotes(tree)) endnotesAsFootnotes(tree)
  for (const node of tree.children) tidyEdges(node)
  const text = [...context.lines, ...context.noteLines, ...context.extraLines].join('\n')
  const result: ReadResult = {tree, convention: 'docx-notes', text, witness: text}
  const metadata = metadataOf(parts.core)
  // Without an author in the core properties, a byline at the top (`By Tamsin Orlaway`) names one.
  const author = metadata?.authors ? undefined : bylineOfTree(tree)
  if (metadata || author) result.metadata = {...metadata, ...(author ? {authors: [author]} : {})}
  return result
}

const emptyRoot: XmlRoot = {type: 'root', children: []}
const space: Element = {type: 'element', name: 'w:r', attributes: {}, children: [{type: 'element', name: 'w:t', attributes: {}, children: [{type: 'text', value: ' '}]}]}
const emptyElement: Element = {type: 'element', name: 'empty', attributes: {}, children: []}

function stylesOf(styles: XmlRoot | undefined): Map<string, Style> {
  const map = new Map<string, Style>()
  for (const style of descendants(styles ?? emptyRoot, 'style')) {
    const id = attribute(style, 'styleId')
    if (id === undefined) continue
    const name = (attribute(child(style, 'name') ?? emptyElement, 'val') ?? id).toLowerCase()
    const outline = attribute(child(child(style, 'pPr') ?? emptyElement, 'outlineLvl') ?? emptyElement, 'val')
    const level = /^heading\s*(\d)$/.exec(name)?.[1] ?? (outline !== undefined && Number(outline) < 9 ? String(Number(outline) + 1) : undefined)
    const entry: Style = {quote: ['quote', 'intense quote', 'block text'].includes(name)}
    if (name === 'title') entry.heading = 1
    else if (level !== undefined) entry.heading = depthOf(Number(level))
    if (/^list (?:bullet|number)/.test(name)) entry.list = /number/.test(name)
    map.set(id, entry)
  }
  return map
}

/** Which list levels are numbered: `w:num` → `w:abstractNum` → `w:lvl` → `w:numFmt`. */
function depthOf(level: number): Heading['depth'] {
  return level <= 1 ? 1 : level === 2 ? 2 : level === 3 ? 3 : level === 4 ? 4 : level === 5 ? 5 : 6
}

function numberingOf(numbering: XmlRoot | undefined): Map<string, boolean> {
  const abstract = new Map<string, Element>()
  for (const element of descendants(numbering ?? emptyRoot, 'abstractNum')) abstract.set(attribute(element, 'abstractNumId') ?? '', element)
  const ordered = new Map<string, boolean>()
  for (const num of descendants(numbering ?? emptyRoot, 'num')) {
    const definition = abstract.get(attribute(child(num, 'abstractNumId') ?? emptyElement, 'val') ?? '')
    if (!definition) continue
    for (const level of descendants(definition, 'lvl')) {
      const format = attribute(child(level, 'numFmt') ?? emptyElement, 'val') ?? 'bullet'
      ordered.set(`${attribute(num, 'numId')}:${attribute(level, 'ilvl')}`, format !== 'bullet' && format !== 'none')
    }
  }
  return ordered
}

function notesOf(part: XmlRoot | undefined, kind: NoteKind): Map<string, Element> {
  const notes = new Map<string, Element>()
  for (const note of descendants(part ?? emptyRoot, kind)) {
    const id = attribute(note, 'id')
    if (id !== undefined && !layoutNotes.has(attribute(note, 'type') ?? '')) notes.set(id, note)
  }
  return notes
}

type Where = 'body' | 'note'

/** Block content of a run of block elements (paragraphs, tables, content controls). */
function blocksOf(given: readonly Element[], context: Context, where: Where): BlockContent[] {
  const elements = joinDeletedMarks(given, context)
  const span = where === 'body' && !context.inReferences ? bibliographySpan(elements) : undefined
  if (span) {
    // In document order: the notes are numbered as they are met.
    const before = blocksOf(elements.slice(0, span.start), context, where)
    const inside = referencesOf(elements.slice(span.start, span.end), context, where)
    return [...before, ...inside, ...blocksOf(elements.slice(span.end), context, where)]
  }
  const out: BlockContent[] = []
  let bookmarks: string[] = []
  let list: {node: List; key: string} | undefined
  for (const element of elements) {
    const name = local(element)
    if (name === 'bookmarkStart') {
      bookmarks.push(attribute(element, 'name') ?? '')
      continue
    }
    if (name === 'p') {
      const block = paragraphOf(element, context, where, bookmarks)
      bookmarks = []
      // A text box anchored in the paragraph (a sidebar, a caption): its paragraphs after it.
      const boxes = textBoxesOf(element).flatMap((box) => blocksOf(childElements(box), context, where))
      if (!block) {
        if (boxes.length > 0) list = undefined
        out.push(...boxes)
        continue
      }
      if (block.item && block.node.type === 'paragraph') {
        if (!list || list.key !== block.item.key) {
          list = {node: {type: 'list', ordered: block.item.ordered, spread: false, children: []}, key: block.item.key}
          if (block.item.ordered) list.node.start = 1
          out.push(list.node)
        }
        const item: ListItem = {type: 'listItem', spread: false, children: [block.node]}
        list.node.children.push(item)
        if (boxes.length > 0) {
          list = undefined
          out.push(...boxes)
        }
        continue
      }
      list = undefined
      out.push(...block.before, block.node, ...boxes)
      continue
    }
    list = undefined
    if (name === 'tbl') {
      out.push(...tableOf(element, context, where))
    } else if (name === 'sdt') {
      const content = childElements(child(element, 'sdtContent') ?? emptyElement)
      const bibliography = where === 'body' && !context.inReferences && child(child(element, 'sdtPr') ?? emptyElement, 'bibliography') !== undefined
      out.push(...(bibliography ? referencesOf(content, context, where) : blocksOf(content, context, where)))
    } else if (!skipped.has(name)) {
      out.push(...blocksOf(childElements(element), context, where))
    }
  }
  return out
}

/**
 * A paragraph whose mark is a tracked deletion (`w:pPr/w:rPr/w:del`) runs on into the next, as
 * the change accepted reads: one paragraph, with the next one's properties (its mark is the one
 * left). Counted with the deletions.
 */
function joinDeletedMarks(elements: readonly Element[], context: Context): readonly Element[] {
  const deletedMark = (element: Element) => local(element) === 'p' && [child(child(element, 'pPr') ?? emptyElement, 'rPr')].some((properties) => properties !== undefined && (child(properties, 'del') !== undefined || child(properties, 'moveFrom') !== undefined))
  if (!elements.some(deletedMark)) return elements
  const out: Element[] = []
  let carried: ElementContent[] = []
  const textOf = (nodes: ElementContent[]) => nodes.flatMap((node) => (node.type === 'element' ? descendants(node, 't').map(plainText) : [])).join('')
  // Words on either side of the deleted mark stay two words (Word would print them run together).
  const carry = (rest: ElementContent[]) => {
    if (carried.length > 0 && !/\s$/.test(textOf(carried)) && !/^\s/.test(textOf(rest))) carried.push(space)
    carried.push(...rest)
  }
  for (const [index, element] of elements.entries()) {
    const next = elements[index + 1]
    const properties = element.children.filter((inner) => inner.type === 'element' && local(inner) === 'pPr')
    const rest = element.children.filter((inner) => !(inner.type === 'element' && local(inner) === 'pPr'))
    if (deletedMark(element) && next && local(next) === 'p') {
      context.deletions++
      carry(rest)
      continue
    }
    if (carried.length === 0) {
      out.push(element)
      continue
    }
    carry(rest)
    out.push({...element, children: [...properties, ...carried]})
    carried = []
  }
  return out
}

/**
 * The field instructions of Word's and reference managers' bibliographies, whose result is the
 * document's list of references: Word's `BIBLIOGRAPHY`, Zotero's `ADDIN ZOTERO_BIBL`, EndNote's
 * `ADDIN EN.REFLIST`, Mendeley's `ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY`.
 */
const bibliographyField = /^\s*(?:BIBLIOGRAPHY\b|ADDIN\s+(?:ZOTERO_BIBL\b|EN\.REFLIST\b|Mendeley\s+Bibliography\b|CSL_BIBLIOGRAPHY\b))/i

/** A field's marks and instructions in a paragraph, in order. */
function fieldEvents(p: Element): Array<'begin' | 'end' | {instruction: string}> {
  const out: Array<'begin' | 'end' | {instruction: string}> = []
  const visit = (element: Element): void => {
    for (const inner of childElements(element)) {
      const name = local(inner)
      if (name === 'fldChar') {
        const type = attribute(inner, 'fldCharType')
        if (type === 'begin' || type === 'end') out.push(type)
      } else if (name === 'instrText') out.push({instruction: plainText(inner)})
      else if (name === 'fldSimple') {
        out.push('begin', {instruction: attribute(inner, 'instr') ?? ''})
        visit(inner)
        out.push('end')
      } else visit(inner)
    }
  }
  visit(p)
  return out
}

/** The paragraphs a bibliography field spans, from the one where it begins to the one where it ends. */
function bibliographySpan(elements: readonly Element[]): {start: number; end: number} | undefined {
  let start: number | undefined
  let depth = 0
  for (const [index, element] of elements.entries()) {
    if (local(element) !== 'p') continue
    const events = fieldEvents(element)
    for (const [at, event] of events.entries()) {
      if (start === undefined) {
        if (event !== 'begin') continue
        let instruction = ''
        for (let next = at + 1; next < events.length; next++) {
          const following = events[next]
          if (typeof following !== 'object') break
          instruction += following.instruction
        }
        if (!bibliographyField.test(instruction)) continue
        start = index
        depth = 1
        continue
      }
      if (event === 'begin') depth++
      else if (event === 'end') depth--
      if (depth === 0) return {start, end: index + 1}
    }
  }
  return start === undefined ? undefined : {start, end: elements.length}
}

/** Blocks of the document's bibliography, as the source's list of references. */
function referencesOf(elements: readonly Element[], context: Context, where: Where): BlockContent[] {
  context.inReferences = true
  const children = blocksOf(elements, context, where)
  context.inReferences = false
  if (children.length === 0) return []
  const node: References = {type: 'containerDirective', name: directive.references, attributes: {}, children}
  return [node]
}

/**
 * A table of at least two columns: a Markdown table (a cell's paragraphs joined by a space).
 * A table or list inside a cell cannot stand in a Markdown cell: its text is written there in
 * order, said in a diagnostic. Else, a table used for layout (one column): its cells' blocks one
 * after another, a table inside kept as a table.
 */
function tableOf(table: Element, context: Context, where: Where): BlockContent[] {
  const rows = childElements(table).filter((element) => local(element) === 'tr')
  const cells = rows.map((row) => childElements(row).filter((element) => local(element) === 'tc'))
  const all = descendants(table, 'tc')
  // Rows wrapped in content controls: read cell by cell.
  if (cells.flat().length !== all.length) return all.flatMap((cell) => blocksOf(childElements(cell), context, where))
  const read = cells.map((row) => row.map((cell) => blocksOf(childElements(cell), context, where)))
  const width = Math.max(0, ...cells.map((row) => row.length))
  if (width < 2) return read.flat(2)
  const before: BlockContent[] = []
  const tableRows: TableRow[] = read.map((row) => {
    const tableCells: TableCell[] = row.map((blocks) => {
      const children: PhrasingContent[] = []
      let previous: 'text' | 'structured' | undefined
      for (const block of blocks) {
        // A bookmark's or a deletion's block goes before the table, in the apparatus.
        if (block.type === 'containerDirective') {
          before.push(block)
          continue
        }
        if (block.type === 'table' || block.type === 'list') {
          const what = block.type === 'table' ? 'its rows are written in the cell, cells parted by `|` and rows by `;`' : 'its items are written in the cell, parted by `;`'
          report(context.file, 'docx-cell-flattened', `Unexpected ${block.type} inside a table cell, expected text (Markdown tables hold no blocks); ${what}`, {line: context.lines.length + 1, column: 1})
        }
        const phrasing = cellPhrasing(block)
        const structured = block.type === 'table' || block.type === 'list'
        if (children.length > 0 && phrasing.length > 0) children.push({type: 'text', value: structured || previous === 'structured' ? '; ' : ' '})
        if (phrasing.length > 0) previous = structured ? 'structured' : 'text'
        children.push(...phrasing)
      }
      return {type: 'tableCell', children}
    })
    while (tableCells.length < width) tableCells.push({type: 'tableCell', children: []})
    return {type: 'tableRow', children: tableCells}
  })
  return [...before, {type: 'table', align: [], children: tableRows}]
}

/** The words of a block as a table cell holds them, in order: a line break as a space; a table's cells parted by `|`, its rows and a list's items by `;`. */
function cellPhrasing(block: BlockContent | DefinitionContent): PhrasingContent[] {
  const joined = (parts: PhrasingContent[][], separator: string): PhrasingContent[] => {
    const out: PhrasingContent[] = []
    for (const part of parts.filter((nodes) => nodes.length > 0)) {
      if (out.length > 0) out.push({type: 'text', value: separator})
      out.push(...part)
    }
    return out
  }
  switch (block.type) {
    case 'paragraph': case 'heading':
      return block.children.map((node): PhrasingContent => (node.type === 'break' ? {type: 'text', value: ' '} : node))
    case 'table':
      return joined(block.children.map((row) => joined(row.children.map((cell) => cell.children), ' | ')), '; ')
    case 'list':
      return joined(block.children.map((item) => joined(item.children.map(cellPhrasing), ' ')), '; ')
    case 'blockquote':
      return joined(block.children.map((inner) => cellPhrasing(inner)), ' ')
    default:
      return []
  }
}

/**
 * The text boxes of a paragraph (`w:txbxContent` in a drawing or a VML shape), each once: of
 * Word's two versions of a shape (`mc:AlternateContent`), the first that holds one.
 */
function textBoxesOf(p: Element): Element[] {
  const boxes: Element[] = []
  const visit = (element: Element): void => {
    for (const inner of childElements(element)) {
      const name = local(inner)
      if (name === 'txbxContent') boxes.push(inner)
      else if (name === 'AlternateContent') {
        const versions = childElements(inner).map((version) => descendants(version, 'txbxContent'))
        boxes.push(...(versions.find((found) => found.length > 0) ?? []))
      } else if (name !== 'p') visit(inner)
    }
  }
  visit(p)
  return boxes
}

interface ParagraphBlock {
  node: BlockContent
  /** Removed blocks that stand before it (a heading's bookmarks). */
  before: BlockContent[]
  item?: {ordered: boolean; key: string}
}

function paragraphOf(p: Element, context: Context, where: Where, bookmarks: readonly string[]): ParagraphBlock | undefined {
  const properties = child(p, 'pPr')
  const style = context.styles.get(attribute(child(properties ?? emptyElement, 'pStyle') ?? emptyElement, 'val') ?? '')
  const runs = new Runs()
  inline(childElements(p), context, runs, false, false)
  const {children, text} = runs.finish()
  // Bookmarks stand at the paragraph's start: inside a word they would split it.
  const names = [...bookmarks, ...runs.bookmarks].filter((name) => name !== '').map((name) => `bookmark: ${name}`)
  const marks = names.map((name) => removed('word-bookmark', name))
  if (children.length === 0 && marks.length === 0) return undefined
  const target = where === 'body' ? context.lines : context.noteLines
  target.push(text)
  if (where === 'body' && style?.heading !== undefined) {
    const before: BlockContent[] = marks.length === 0 ? [] : [{type: 'containerDirective', name: directive.removed, attributes: {rule: 'word-bookmark' satisfies RemovalRule}, children: names.map((name): Paragraph => ({type: 'paragraph', children: [{type: 'text', value: name}]}))}]
    return {node: {type: 'heading', depth: style.heading, children}, before}
  }
  const paragraph: Paragraph = {type: 'paragraph', children: [...marks, ...children]}
  if (style?.quote) return {node: {type: 'blockquote', children: [paragraph]}, before: []}
  const numbering = child(properties ?? emptyElement, 'numPr')
  const numId = attribute(child(numbering ?? emptyElement, 'numId') ?? emptyElement, 'val')
  if (numbering && numId !== undefined && numId !== '0') {
    const level = attribute(child(numbering, 'ilvl') ?? emptyElement, 'val') ?? '0'
    return {node: paragraph, before: [], item: {ordered: context.ordered.get(`${numId}:${level}`) ?? false, key: numId}}
  }
  if (style?.list !== undefined) return {node: paragraph, before: [], item: {ordered: style.list, key: `style:${style.list}`}}
  return {node: paragraph, before: []}
}

/** Text with its formatting, and nodes between, made into phrasing content at the end. */
class Runs {
  private pieces: Array<{text: string; italic: boolean; bold: boolean; link: string | undefined} | PhrasingContent> = []
  private plain = ''
  readonly bookmarks: string[] = []
  /** The target of the hyperlink the next text stands in (`w:hyperlink`, a `HYPERLINK` field). */
  link: string | undefined
  /** Word's complex fields open at this point (`fldChar` begin … separate … end): their instructions, whether their result has begun. */
  readonly fields: Array<{instruction: string; result: boolean; outerLink: string | undefined}> = []

  text(value: string, italic: boolean, bold: boolean): void {
    if (value === '') return
    const last = this.pieces.at(-1)
    const link = this.link
    if (last && 'italic' in last && last.italic === italic && last.bold === bold && last.link === link) last.text += value
    else {
      // Emphasis becomes `*` in the Markdown, which parts the words of `every *n*th` there: here too.
      const formatted = italic || bold || (last !== undefined && 'italic' in last && (last.italic || last.bold))
      if (formatted) this.plain += ' '
      this.pieces.push({text: value, italic, bold, link})
    }
    this.plain += value
  }

  node(node: PhrasingContent, words = ''): void {
    this.pieces.push(node)
    if (words !== '') this.plain += ` ${words} `
  }

  finish(): {children: PhrasingContent[]; text: string} {
    const children: PhrasingContent[] = []
    for (const piece of this.pieces) {
      if (!('italic' in piece)) {
        children.push(piece)
        continue
      }
      let node: PhrasingContent = {type: 'text', value: piece.text}
      if (piece.italic) node = {type: 'emphasis', children: [node]}
      if (piece.bold) node = {type: 'strong', children: [node]}
      // Consecutive pieces with the same target are one link (its words in several styles).
      const previous = children.at(-1)
      if (piece.link === undefined) children.push(node)
      else if (previous?.type === 'link' && previous.url === piece.link) previous.children.push(node)
      else children.push({type: 'link', url: piece.link, children: [node]})
    }
    const first = children[0]
    if (first?.type === 'text') first.value = first.value.trimStart()
    const last = children.at(-1)
    if (last?.type === 'text') last.value = last.value.trimEnd()
    // A paragraph of blanks only is empty.
    const empty = children.every((node) => node.type === 'text' && node.value.trim() === '')
    return {children: empty ? [] : children, text: this.plain.replace(/\s+/g, ' ').trim()}
  }
}

function removed(rule: RemovalRule, value: string): RemovedText {
  return {type: 'textDirective', name: directive.removed, attributes: {rule}, children: [{type: 'text', value}]}
}

/** The runs of a paragraph (and what wraps them: links, insertions, fields, content controls). */
function inline(elements: readonly Element[], context: Context, runs: Runs, italic: boolean, bold: boolean): void {
  let customMark: {kind: NoteKind; id: string} | undefined
  for (const element of elements) {
    const name = local(element)
    if (skipped.has(name)) continue
    switch (name) {
      case 'r': {
        const properties = child(element, 'rPr')
        const runStyle = attribute(child(properties ?? emptyElement, 'rStyle') ?? emptyElement, 'val')?.toLowerCase() ?? ''
        const runItalic = properties ? isOn(child(properties, 'i')) || runStyle === 'emphasis' : false
        const runBold = properties ? isOn(child(properties, 'b')) || runStyle === 'strong' : false
        const raised = attribute(child(properties ?? emptyElement, 'vertAlign') ?? emptyElement, 'val') === 'superscript'
        const fonts = child(properties ?? emptyElement, 'rFonts')
        // A run set in the Symbol font holds the font's places (`a` drawn as `α`).
        const symbolRun = fonts !== undefined && isSymbolFont(attribute(fonts, 'ascii') ?? attribute(fonts, 'hAnsi'))
        for (const part of childElements(element)) {
          const partName = local(part)
          // A note with its own mark (`customMarkFollows`): the next text is that mark.
          if (customMark && partName === 't') {
            runs.node(noteReference(customMark.kind, customMark.id, context, plainText(part).trim()))
            customMark = undefined
            continue
          }
          if (partName === 'fldChar' || partName === 'instrText') {
            field(part, partName, runs)
            continue
          }
          if (partName === 'footnoteReference' || partName === 'endnoteReference') {
            const kind = partName === 'footnoteReference' ? 'footnote' : 'endnote'
            const id = attribute(part, 'id') ?? ''
            if (isOn(customFlag(part))) customMark = {kind, id}
            else runs.node(noteReference(kind, id, context))
            continue
          }
          // A number typed in superscript is a note's call typed by hand (or several, `2,3`): printed as superscript digits.
          if (raised && partName === 't' && /^\d{1,4}(?:,\s*\d{1,4})*$/.test(plainText(part).trim())) runs.text(toSuperscript(plainText(part)), italic || runItalic, bold || runBold)
          else if (symbolRun && partName === 't') runs.text(symbolText(plainText(part)), italic || runItalic, bold || runBold)
          else runText(part, partName, context, runs, italic || runItalic, bold || runBold)
        }
        break
      }
      case 'del':
      case 'moveFrom': {
        // A note whose reference was deleted is deleted with it (its text goes to the apparatus).
        for (const kind of ['footnote', 'endnote'] as const) {
          for (const reference of descendants(element, `${kind}Reference`)) context.deletedNotes.add(`${kind}:${attribute(reference, 'id') ?? ''}`)
        }
        const value = descendants(element, 'delText').map(plainText).join('') || plainText(element)
        if (value.trim() === '') break
        context.deletions++
        // Its words stand apart in the text too: deleted inside a word, they split it as the directive does.
        runs.node(removed('word-deletion', value), value)
        break
      }
      case 'ins':
      case 'moveTo':
        context.insertions++
        inline(childElements(element), context, runs, italic, bold)
        break
      case 'bookmarkStart': {
        const bookmark = attribute(element, 'name')
        if (bookmark) runs.bookmarks.push(bookmark)
        break
      }
      case 'sdt':
        inline(childElements(child(element, 'sdtContent') ?? emptyElement), context, runs, italic, bold)
        break
      case 'hyperlink':
      case 'fldSimple': {
        // A link keeps its target: `w:hyperlink r:id` names it in the part's relationships, a
        // `HYPERLINK "url"` field instruction holds it; a link to a bookmark (`w:anchor`) is text.
        const id = attribute(element, 'id')
        const target = name === 'hyperlink' ? (id === undefined ? undefined : context.links.get(id)) : hyperlinkTarget(attribute(element, 'instr') ?? '')
        const outer = runs.link
        if (target !== undefined) runs.link = target
        inline(childElements(element), context, runs, italic, bold)
        runs.link = outer
        break
      }
      default:
        inline(childElements(element), context, runs, italic, bold)
    }
  }
}

/** A complex field's mark or instruction: a `HYPERLINK` field's result is a link to its target. */
function field(part: Element, name: string, runs: Runs): void {
  if (name === 'instrText') {
    const open = runs.fields.at(-1)
    if (open && !open.result) open.instruction += plainText(part)
    return
  }
  const type = attribute(part, 'fldCharType')
  if (type === 'begin') runs.fields.push({instruction: '', result: false, outerLink: runs.link})
  else if (type === 'separate') {
    const open = runs.fields.at(-1)
    if (!open || open.result) return
    open.result = true
    const target = hyperlinkTarget(open.instruction)
    if (target !== undefined) runs.link = target
  } else if (type === 'end') {
    const open = runs.fields.pop()
    if (open) runs.link = open.outerLink
  }
}

/** The URL of a `HYPERLINK "url"` field instruction; none for a link within the document (`\\l "bookmark"`). */
function hyperlinkTarget(instruction: string): string | undefined {
  const match = /^\s*HYPERLINK\b(.*)$/is.exec(instruction)
  if (!match?.[1]) return undefined
  const argument = /^\s*(?:\\[a-z]\s+"[^"]*"\s*)*"([^"]+)"/i.exec(match[1]) ?? /^\s*([^\s"\\]+)/.exec(match[1])
  const target = argument?.[1]?.trim()
  if (!target || /\\l\s+"/i.test(match[1].slice(0, match[1].indexOf(target)))) return undefined
  return target
}

function customFlag(reference: Element): Element | undefined {
  const value = attribute(reference, 'customMarkFollows')
  return value === undefined ? undefined : {type: 'element', name: 'flag', attributes: {val: value}, children: []}
}

/** One piece of a run: text, a tab, a break, a symbol, a comment's reference. */
function runText(part: Element, name: string, context: Context, runs: Runs, italic: boolean, bold: boolean): void {
  switch (name) {
    case 't':
      runs.text(plainText(part), italic, bold)
      break
    case 'tab':
    case 'ptab':
      runs.text(' ', italic, bold)
      break
    case 'br':
    case 'cr': {
      // A page or column break is layout; a line break is the text's.
      const type = attribute(part, 'type')
      if (type === 'page' || type === 'column') runs.text(' ', italic, bold)
      // It parts the words on either side in the text too.
      else runs.node({type: 'break'}, ' ')
      break
    }
    case 'noBreakHyphen':
      runs.text('-', italic, bold)
      break
    case 'sym': {
      const code = Number.parseInt(attribute(part, 'char') ?? '', 16)
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) break
      const reading = fontCharacter(attribute(part, 'font'), code)
      if ('text' in reading) runs.text(reading.text, italic, bold)
      else {
        runs.text(String.fromCodePoint(code), italic, bold)
        const codes = context.dingbats.get(reading.unknown) ?? []
        codes.push(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`)
        context.dingbats.set(reading.unknown, codes)
      }
      break
    }
    case 'commentReference': {
      const id = attribute(part, 'id') ?? ''
      const comment = context.comments.get(id)
      if (!comment || context.usedComments.has(id)) break
      context.usedComments.add(id)
      runs.node(removed('word-comment', commentText(comment, context)))
      break
    }
    case 'delText':
      break
    default:
      if (!skipped.has(name)) for (const inner of childElements(part)) runText(inner, local(inner), context, runs, italic, bold)
  }
}

/** A comment as the apparatus shows it: its author, then its paragraphs. */
function commentText(comment: Element, context: Context): string {
  const text = descendants(comment, 'p').map((p) => descendants(p, 't').map(plainText).join('')).join(' ').replace(/\s+/g, ' ').trim()
  context.extraLines.push(text)
  const author = attribute(comment, 'author')
  return author ? `${author}: ${text}` : text
}

/** The reference to a note; its definition is made at the first reference, in order. */
function noteReference(kind: NoteKind, id: string, context: Context, mark?: string): PhrasingContent {
  const key = `${kind}:${id}`
  let label = context.labels.get(key)
  if (label === undefined) {
    const note = context.notes[kind].get(id)
    if (!note) {
      report(context.file, 'reference-without-note', `Unexpected ${kind} reference \`w:id="${id}"\` without a ${kind} of that id, expected it in \`word/${kind}s.xml\``, {line: context.lines.length + 1, column: 1})
      return {type: 'text', value: ''}
    }
    // Word numbers notes by position, so the labels are ours: footnotes 1, 2, 3 …; endnotes as
    // Word prints them (`i`, `ii` … by default), or `end-1`, `end-2` … where their numbers
    // would be the footnotes' (as TEI's `ed-1`, `margin-1`).
    // A mark of its own is the label; a note symbol (`*`, `†`) by its name, as in plain-text sources.
    // Such a note takes no number: Word numbers the next note as if it were not there.
    const named = mark === undefined ? undefined : (noteSymbols.get(mark) ?? mark)
    if (named && /^[^\s[\]^]{1,8}$/.test(named) && !context.taken.has(named)) label = named
    else {
      const count = ++context.counted[kind]
      const printed = kind === 'endnote' ? formatted(count, context.endnoteFormat) : String(count)
      const numbered = kind === 'endnote' && (printed === undefined || (/^\d+$/.test(printed) && context.notes.footnote.size > 0)) ? `end-${count}` : (printed ?? String(count))
      // A number a mark of its own already took (`3` typed by hand) is told apart, as a second series.
      let series = 1
      label = numbered
      while (context.taken.has(label)) label = `${numbered}-${++series}`
    }
    context.taken.add(label)
    context.labels.set(key, label)
    const definition: FootnoteDefinition = {type: 'footnoteDefinition', identifier: label.toLowerCase(), label, children: []}
    context.definitions.push(definition)
    const links = context.links
    context.links = context.noteLinks[kind]
    definition.children = blocksOf(childElements(note), context, 'note').filter((block): block is BlockContent => block.type !== 'heading')
    context.links = links
  }
  return {type: 'footnoteReference', identifier: label.toLowerCase(), label}
}

/** The endnotes' number format: the document's last section's, else the settings', else Word's default. */
function endnoteFormatOf(parts: Parts): string {
  const formatIn = (root: XmlRoot | undefined) => {
    const properties = descendants(root ?? emptyRoot, 'endnotePr').at(-1)
    return attribute(child(properties ?? emptyElement, 'numFmt') ?? emptyElement, 'val')
  }
  const section = descendants(parts.document, 'sectPr').at(-1)
  return (section ? formatIn({type: 'root', children: [section]}) : undefined) ?? formatIn(parts.settings) ?? 'lowerRoman'
}

/** A note's number as Word prints it in `format`; undefined for a format read as numbers apart (symbols, words). */
function formatted(count: number, format: string): string | undefined {
  switch (format) {
    case 'decimal':
      return String(count)
    case 'lowerRoman':
      return numberToRoman(count)
    case 'upperRoman':
      return numberToRoman(count).toUpperCase()
    case 'lowerLetter':
    case 'upperLetter': {
      // a … z, then aa … zz.
      const letter = String.fromCharCode(97 + ((count - 1) % 26)).repeat(Math.floor((count - 1) / 26) + 1)
      return format === 'lowerLetter' ? letter : letter.toUpperCase()
    }
    default:
      return undefined
  }
}

/** Word's core properties: `dc:title`, `dc:creator` (authors split at `;`), `dc:language`. */
function metadataOf(core: XmlRoot | undefined): SourceMetadata | undefined {
  if (!core) return undefined
  const field = (name: string) => descendants(core, name).map(plainText).join(' ').replace(/\s+/g, ' ').trim()
  const metadata: SourceMetadata = {}
  const title = field('title')
  if (title) metadata.title = title
  const authors = field('creator').split(/\s*;\s*/).filter((author) => author !== '')
  if (authors.length > 0) metadata.authors = authors
  const language = field('language')
  if (language) metadata.language = language
  return Object.keys(metadata).length > 0 ? metadata : undefined
}
