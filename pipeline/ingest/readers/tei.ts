/**
 * TEI P5 XML (whole documents and fragments of sibling `<div>` or `<text>` elements) into the
 * mdast the text conventions make: headings, paragraphs, verse, lists, tables, quotations;
 * each `<note>` a footnote referenced where it stands (or where its `@target` or a `<ref>`
 * points); `<choice>` as `emend`; running heads, figures and deletions as `removed`.
 *
 * The witness is the text content (the `teiHeader` left out: its words go to the front matter
 * as metadata), with a space wherever the Markdown separates what the XML joins, so that the
 * conservation check compares like with like. It is built by its own walk over the XML, which
 * shares with the conversion only the decisions where words meet (`roleOf`, `apartFromNeighbours`).
 */
import type {BlockContent, DefinitionContent, FootnoteDefinition, FootnoteReference, List, ListItem, PhrasingContent, Root, RootContent, Table, TableCell, TableRow} from 'mdast'
import type {Element, ElementContent, Root as XastRoot, RootContent as XastRootContent} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {report} from '../rules.js'
import {words} from '../conservation.js'
import {decodeBytes, normalizeNewlines} from '../decode.js'
import {reportMarkupDeclaration, reportUndecoded} from '../decode-report.js'
import {locator, type Locate} from '../location.js'
import type {Reader, ReadResult} from './types.js'
import {headerMetadata} from './tei-header.js'
import {attribute, childElements, isBlank, isElement, localName, plainText, spacedText, xmlSpace} from './tei-xast.js'
import {directive, type Emendation, type EmendationRule, isTextDirective, type References, type RemovalRule, type RemovedBlock, type RemovedText} from '../../shared/annotations.js'
import {noteSymbols} from '../conventions/symbol-notes.js'
import {endnotesAsFootnotes} from '../conventions/markdown-endnotes.js'
import {toSuperscript} from '../conventions/notes-section.js'
import {raisedForm} from './phrasing.js'
import {biblStructPhrasing} from './tei-bibl.js'

export const teiReader: Reader = {
  extensions: ['.xml'],
  read(input, file) {
    const decoded = decodeBytes(input.bytes, {declared: input.sidecar?.encoding, markup: true})
    if (!decoded.ok) {
      reportUndecoded(decoded, file, 'TEI XML')
      return undefined
    }
    const text = normalizeNewlines(decoded.text)
    const locate = locator(text)
    if (decoded.fallback) report(file, 'encoding-fallback', 'Unexpected bytes that are not UTF-8, expected UTF-8; read as Windows-1252', locate(0))
    reportMarkupDeclaration(decoded, file, text)
    const parsed = parse(text)
    if ('reason' in parsed) {
      report(file, 'xml-invalid', `Unexpected ${parsed.reason}, expected well-formed XML`, locate(parsed.offset))
      return undefined
    }
    return convert(parsed.nodes, text, parsed.shift, locate)
  }
}

/** The synthetic root around a fragment; its start tag shifts every offset by its length. */
const wrapper = 'apparatus-fragment'
const declaration = /^[ \t\n]*<\?xml\b[^>]*\?>/
/** A document type must precede the root: such a file is parsed as it is. */
const doctype = /^[ \t\n]*(?:<\?[^>]*\?>[ \t\n]*|<!--[\s\S]*?-->[ \t\n]*)*<!DOCTYPE/i

type Parsed = {nodes: XastRootContent[]; shift: number} | {reason: string; offset: number}

/**
 * Whole documents and fragments alike are parsed inside a synthetic root (a fragment has
 * several roots and no declaration); the declaration, if any, becomes spaces so that offsets
 * and lines stay those of the source.
 */
function parse(text: string): Parsed {
  const wrap = !doctype.test(text)
  const open = wrap ? `<${wrapper}>` : ''
  const body = wrap ? text.replace(declaration, (match) => match.replace(/[^\n]/g, ' ')) : text
  let root: XastRoot
  try {
    root = fromXml(wrap ? `${open}${body}</${wrapper}>` : body)
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined
    const position = cause instanceof Error && 'pos' in cause && typeof cause.pos === 'number' ? cause.pos : 0
    const detail = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error)
    // parse-xml appends `(line, column)` and an excerpt of the wrapped text: positions are ours.
    const reason = (detail.split('\n')[0] ?? detail).replace(/\s*\(line \d+, column \d+\)$/, '').replace(`</${wrapper}>`, 'the end of the file').replace(wrapper, 'the end of the file')
    return {reason: reason === '' ? 'XML' : `XML: ${reason}`, offset: Math.min(Math.max(position - open.length, 0), text.length)}
  }
  const [first] = root.children
  if (wrap && isElement(first) && first.name === wrapper) return {nodes: first.children, shift: open.length}
  return {nodes: root.children, shift: 0}
}

// ---------------------------------------------------------------------------------------------
// Where words meet: the decisions the conversion and the witness share.

/** Always blocks: a paragraph that holds one is split around it. */
const splitters = new Set([
  'TEI', 'teiCorpus', 'teiHeader', 'text', 'group', 'front', 'body', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5',
  'div6', 'div7', 'p', 'ab', 'lg', 'list', 'listBibl', 'table', 'floatingText', 'sp', 'titlePage', 'docTitle', 'argument',
  'epigraph', 'opener', 'closer', 'postscript', 'listWit', 'listPerson', 'listPlace'
])
/** Blocks among elements, phrasing inside text (a `<quote>` in a sentence). */
const ambivalent = new Set(['quote', 'cit', 'q', 'said', 'bibl', 'figure', 'fw', 'l', 'head', 'label', 'item', 'witness'])
/** Phrasing wherever they stand. */
const phrasing = new Set([
  'hi', 'emph', 'foreign', 'title', 'name', 'persName', 'placeName', 'orgName', 'geogName', 'roleName', 'forename', 'surname',
  'addName', 'genName', 'nameLink', 'rs', 'date', 'time', 'num', 'measure', 'unit', 'ref', 'ptr', 'soCalled', 'mentioned',
  'term', 'gloss', 'abbr', 'expan', 'choice', 'sic', 'corr', 'orig', 'reg', 'add', 'del', 'unclear', 'supplied', 'damage',
  'gap', 'seg', 'w', 'c', 'pc', 'g', 'lb', 'pb', 'cb', 'milestone', 'anchor', 'formula', 'note', 'idno', 'space', 'app',
  'lem', 'rdg', 'subst', 'handShift', 'distinct', 'code', 'biblScope', 'pubPlace', 'publisher', 'author', 'editor', 'ex',
  'am', 'restore', 'surplus', 'secl', 'locus', 'email', 'graphic', 'index', 'span', 'metamark', 'catchwords'
])
/** Phrasing whose words stand apart from their neighbours' (a caption's parts, cells). */
const apart = new Set(['head', 'l', 'label', 'item', 'cell', 'row', 'figDesc', 'trailer', 'byline', 'dateline', 'docAuthor', 'docDate', 'titlePart', 'witness', 'space'])
/** Read as one paragraph even when they hold no text of their own, only elements. */
const paragraphLike = new Set(['p', 'ab', 'head', 'l', 'titlePart', 'docAuthor', 'docDate', 'docImprint', 'byline', 'dateline', 'salute', 'signed', 'trailer', 'speaker', 'stage', 'label', 'bibl', 'witness', 'cell', 'figDesc'])
/** The source's reading in a `<choice>` (the other child is the edition's). */
const readings = new Set(['sic', 'orig', 'abbr'])

type Role = 'block' | 'inline'


function hasText(children: readonly ElementContent[]): boolean {
  return children.some((child) => (child.type === 'text' || child.type === 'cdata') && !isBlank(child.value))
}

/** Whether the children of `element` are read as running text. */
function mixedOf(element: Element): boolean {
  return paragraphLike.has(localName(element)) || hasText(element.children)
}

function roleOf(element: Element, mixed: boolean): Role {
  const name = localName(element)
  if (splitters.has(name)) return 'block'
  if (ambivalent.has(name)) return mixed && !element.children.some((child) => isElement(child) && splitters.has(localName(child))) ? 'inline' : 'block'
  if (phrasing.has(name)) return 'inline'
  return mixed ? 'inline' : 'block'
}

/** Emphasis styles as bits, so that a style already open is not opened again. */
const emphasisBit = 1
const strongBit = 2

function styleOf(element: Element): number {
  const name = localName(element)
  if (name === 'emph') return emphasisBit
  if (name === 'title') {
    const level = attribute(element, 'level')
    return level === 'a' || level === 'u' ? 0 : emphasisBit
  }
  if (name !== 'hi' && name !== 'foreign' && name !== 'seg') return 0
  const rend = `${attribute(element, 'rend') ?? ''} ${attribute(element, 'rendition') ?? ''} ${attribute(element, 'style') ?? ''}`.toLowerCase()
  if (/(?:^|[\s#])(?:bold|b|strong)(?:$|\s)|font-weight:\s*(?:bold|[6-9]00)/.test(rend)) return strongBit
  if (/(?:^|[\s#])(?:italics?|i|it|ital|underline|u|g|spaced|letterspaced|sperrsatz|emphasis)(?:$|\s)|font-style:\s*italic/.test(rend)) return emphasisBit
  return 0
}

/**
 * The style `element` opens inside `open` styles, if any. A style inside another opens none
 * (Markdown writes `**` inside `*…*` as `__`, which no word may touch), nor does one with no word to hold.
 */
function appliedStyle(element: Element, open: number): number {
  const style = styleOf(element)
  if (style === 0 || open !== 0) return 0
  return /[\p{L}\p{N}]/u.test(plainText(element.children)) ? style : 0
}

/** Elements that become something other than their text: notes, directives, code. */
function isMarked(name: string): boolean {
  return name === 'note' || name === 'choice' || name === 'del' || name === 'rdg' || name === 'figure' || name === 'fw' || name === 'formula'
}

/** Whether the conversion puts a space around a phrasing element (a caption's parts, cells, `<lb/>`). */
function spacedInline(element: Element): boolean {
  const name = localName(element)
  if (name === 'lb') return attribute(element, 'break') !== 'no'
  return apart.has(name) || roleOf(element, true) === 'block'
}

/**
 * Whether the Markdown separates the words of an element from its neighbours': spaces, and
 * markup that splits words as the conservation check reads them (`[^1]`, `:removed[…]`,
 * backticks). Emphasis never does: `flanking` keeps its `*` off any word's inside.
 */
function apartFromNeighbours(element: Element, state: State): boolean {
  if (spacedInline(element) || state.noteRefs.has(element) || state.crossRefs.has(element) || state.after.has(element)) return true
  const name = localName(element)
  // A note writes its reference (a standoff note, nothing); the others write nothing when they hold no text.
  if (name === 'note') return !state.standoff.has(element)
  if (name === 'choice') return choicePair(element) !== undefined
  return isMarked(name) && !isBlank(plainText(element.children))
}

// ---------------------------------------------------------------------------------------------
// State of one conversion.

interface State {
  locate: Locate
  shift: number
  definitions: FootnoteDefinition[]
  /** Footnote identifiers taken (lower case, as Markdown compares them). */
  taken: Set<string>
  /** Notes without a usable label so far (their generated labels count 1, 2, …). */
  generated: number
  /** The identifier of each note converted. */
  noteIds: Map<Element, string>
  /** Notes referenced from elsewhere (`@target`, `<ref target>`), not where they stand. */
  standoff: Set<Element>
  /** Element → the notes whose `@target` names it, referenced right after it. */
  after: Map<Element, Element[]>
  /** A note → its parts continued on the next pages (`@next`, `@prev`), read as its text. */
  continued: Map<Element, Element[]>
  /** The continuing parts: no call where they stand. */
  continuations: Set<Element>
  /** Digits in superscript are read as superscript digits (calls of notes typed by hand). */
  typedCalls: boolean
  /** Whether any digits were read so: else the reading is the same as without `typedCalls`. */
  raised: boolean
  /** Generated labels of notes of the editor (`type="editorial"`) and of the margin, counted apart. */
  editorial: number
  margin: number
  /** `<ref>`/`<ptr>` → the note it points to; or a superscript number → the note of that number it calls. */
  noteRefs: Map<Element, Element>
  /** `<ref target="#fn1">1</ref>` pointing at a paragraph or item of the notes part: read as superscript digits when `typedCalls`. */
  typedRefs: Set<Element>
  /** A `<ref>`/`<ptr>` → the note standing in the text it refers to: a second call (see `linkStandoffNotes`). */
  crossRefs: Map<Element, Element>
  divDepth: number
  inNote: number
  /** Inside a `<listBibl>`: a list within it is part of the same list of references. */
  inListBibl: number
  /** Witness of the standoff notes and of `<choice>`'s source readings, apart from the text where they stand. */
  aside: string[]
}

function convert(nodes: XastRootContent[], text: string, shift: number, locate: Locate): ReadResult {
  const contents = nodes.filter((node): node is ElementContent => node.type !== 'doctype')
  const header = findHeader(contents)
  // Without a `<note>`, notes may be typed by hand: superscript numbers in the text and numbered
  // paragraphs under a notes heading. Read so only where they pair; else superscripts stay digits.
  const typed = hasNoteElement(contents) ? undefined : read(contents, shift, locate, true)
  const chosen = typed && (endnotesAsFootnotes(typed.tree) || !typed.raised) ? typed : read(contents, shift, locate, false)
  return {tree: chosen.tree, convention: 'tei-notes', text, witness: chosen.witness, metadata: headerMetadata(header, contents)}
}

function read(contents: ElementContent[], shift: number, locate: Locate, typedCalls: boolean): {tree: Root; witness: string; raised: boolean} {
  const state: State = {locate, shift, definitions: [], taken: new Set(), generated: 0, noteIds: new Map(), standoff: new Set(), after: new Map(), noteRefs: new Map(), crossRefs: new Map(), typedRefs: new Set(), continued: new Map(), continuations: new Set(), editorial: 0, margin: 0, divDepth: 0, inNote: 0, inListBibl: 0, aside: [], typedCalls, raised: false}
  linkStandoffNotes(contents, state)
  const body: RootContent[] = blocksOf(contents, hasText(contents), state)
  // Notes whose anchor was never met (it stood in the header, say) keep their text.
  for (const note of state.standoff) if (!state.noteIds.has(note)) definitionOf(note, state)
  const witness: string[] = []
  witnessOf(contents, hasText(contents), false, state, witness)
  return {tree: {type: 'root', children: [...body, ...state.definitions]}, witness: [...witness, ...state.aside].join(''), raised: state.raised}
}

function hasNoteElement(nodes: readonly ElementContent[]): boolean {
  return nodes.some((node) => isElement(node) && (localName(node) === 'note' || hasNoteElement(node.children)))
}

function findHeader(nodes: readonly ElementContent[]): Element | undefined {
  for (const node of nodes) {
    if (!isElement(node)) continue
    const name = localName(node)
    if (name === 'teiHeader') return node
    if (name === 'TEI' || name === 'teiCorpus') {
      const found = findHeader(node.children)
      if (found) return found
    }
  }
  return undefined
}

/** Ids of the elements, then the notes that point at one (`@target`) or that a `<ref>` points at. */
function linkStandoffNotes(nodes: readonly ElementContent[], state: State): void {
  const ids = new Map<string, Element>()
  const notes: Element[] = []
  const refs: Element[] = []
  /** Notes standing in running text, called where they stand. */
  const inText = new Set<Element>()
  /** Pointers inside a note (`see note 2 above`). */
  const inNotes = new Set<Element>()
  /** Elements in the back matter or a notes division: where notes typed as paragraphs or items stand. */
  const inNotesPart = new Set<Element>()
  const visit = (children: readonly ElementContent[], mixed: boolean, inNote: boolean, inPart: boolean) => {
    for (const child of children) {
      if (!isElement(child)) continue
      const name = localName(child)
      if (name === 'teiHeader') continue
      const id = attribute(child, 'xml:id')
      if (id !== undefined) ids.set(id, child)
      const part = inPart || name === 'back' || (name.startsWith('div') && /note/i.test(attribute(child, 'type') ?? ''))
      if (part) inNotesPart.add(child)
      if (name === 'note') {
        notes.push(child)
        if (mixed) inText.add(child)
      }
      if ((name === 'ref' || name === 'ptr') && attribute(child, 'target')?.startsWith('#')) {
        refs.push(child)
        if (inNote) inNotes.add(child)
      }
      visit(child.children, roleOf(child, mixed) === 'block' ? mixedOf(child) : true, inNote || name === 'note', part)
    }
  }
  visit(nodes, hasText(nodes), false, false)
  linkContinuations(notes, ids, state)
  for (const ref of refs) {
    const note = ids.get((attribute(ref, 'target') ?? '').split(/\s+/)[0]?.slice(1) ?? '')
    // A number in the text pointing into the notes part, at a paragraph or an item: a note typed
    // by hand, called as by a superscript number (`linkTypedCalls`, `endnotesAsFootnotes`).
    if (note && localName(note) !== 'note' && inNotesPart.has(note) && !inNotesPart.has(ref) && /^\d{1,4}$/.test(plainText(ref.children).trim())) state.typedRefs.add(ref)
    // A pointer to a note that stands in the text is a cross-reference, not its call: the note is
    // called where it stands. In a note the pointer's words stay (`see footnote 2`), a bare
    // `<ptr/>` refers to the note by its mark; in the text it is a second call of the note.
    if (note && inText.has(note)) {
      if (!inNotes.has(ref) || words(plainText(ref.children)).length === 0) state.crossRefs.set(ref, note)
      continue
    }
    if (note && localName(note) === 'note' && !contains(note, ref)) {
      state.noteRefs.set(ref, note)
      state.standoff.add(note)
    }
  }
  linkTypedCalls(nodes, state)
  for (const note of notes) {
    if (state.standoff.has(note)) continue
    // `@corresp` points so too, from a note set apart (in the text it may name a person, a place).
    const pointer = attribute(note, 'target') ?? (inText.has(note) ? undefined : attribute(note, 'corresp'))
    const target = (pointer ?? '').split(/\s+/).find((value) => value.startsWith('#'))
    const anchor = target ? ids.get(target.slice(1)) : undefined
    if (!anchor || anchor === note || contains(note, anchor) || contains(anchor, note)) continue
    state.standoff.add(note)
    const list = state.after.get(anchor) ?? []
    list.push(note)
    state.after.set(anchor, list)
  }
}

/**
 * A note the page break cut goes on in a note of the next page: the first part names the next
 * (`next="#n2b"`), the next names the first (`prev="#n2a"`), either or both. Its parts are one
 * note, called where the first stands.
 */
function linkContinuations(notes: readonly Element[], ids: ReadonlyMap<string, Element>, state: State): void {
  const nextOf = new Map<Element, Element>()
  const noteAt = (pointer: string | undefined): Element | undefined => {
    const target = pointer?.trim().startsWith('#') ? ids.get(pointer.trim().slice(1)) : undefined
    return target && localName(target) === 'note' ? target : undefined
  }
  for (const note of notes) {
    const next = noteAt(attribute(note, 'next'))
    if (next && next !== note) nextOf.set(note, next)
    const previous = noteAt(attribute(note, 'prev'))
    if (previous && previous !== note && !nextOf.has(previous)) nextOf.set(previous, note)
  }
  const targets = new Set(nextOf.values())
  for (const first of nextOf.keys()) {
    if (targets.has(first)) continue
    const parts: Element[] = []
    for (let part = nextOf.get(first); part && part !== first && !parts.includes(part); part = nextOf.get(part)) parts.push(part)
    state.continued.set(first, parts)
    for (const part of parts) state.continuations.add(part)
  }
}

/**
 * Notes set apart from the text (a `<div type="notes">` at the back, numbered by `@n`) that
 * nothing links to, called by superscript numbers typed in the text (`<hi rend="sup">1</hi>`):
 * each number calls the note of that number, where the text calls every such note, 1, 2, 3 …
 * in order.
 */
function linkTypedCalls(nodes: readonly ElementContent[], state: State): void {
  const linked = new Set(state.noteRefs.values())
  const apart: Element[] = []
  const calls: Array<{element: Element; number: number}> = []
  /** Marks (`*`, `†`) raised in the text, by name, waiting for the note set apart that they call. */
  const marks = new Map<string, Element[]>()
  const visit = (children: readonly ElementContent[], inNote: boolean, mixed: boolean) => {
    for (const child of children) {
      if (!isElement(child)) continue
      const name = localName(child)
      if (name === 'teiHeader') continue
      if (name === 'note') {
        // A note standing as a block of its own (not in running text), not linked, not continued.
        // Numbered (a margin note without a number is no part of the series).
        const apartNote = !inNote && !mixed && !linked.has(child) && !state.standoff.has(child) && !state.continuations.has(child) && attribute(child, 'target') === undefined
        if (apartNote && /^\d+$/.test(cleanLabel(attribute(child, 'n')) ?? '')) apart.push(child)
        // Marked (`n="*)"`): called by the first such mark raised in the text before it not yet taken.
        const symbol = apartNote ? symbolOf(attribute(child, 'n')) : undefined
        const call = symbol === undefined ? undefined : marks.get(symbol)?.shift()
        if (call) {
          state.noteRefs.set(call, child)
          state.standoff.add(child)
        }
        visit(child.children, true, true)
        continue
      }
      const symbol = inNote || !isRaised(child) ? undefined : symbolOf(plainText(child.children))
      const marked = symbol === undefined ? undefined : marks.get(symbol)
      if (marked) marked.push(child)
      else if (symbol !== undefined) marks.set(symbol, [child])
      const number = inNote ? undefined : typedCallNumber(child)
      if (number !== undefined) calls.push({element: child, number})
      else if (symbol === undefined) visit(child.children, inNote, roleOf(child, mixed) === 'block' ? mixedOf(child) : true)
    }
  }
  visit(nodes, false, hasText(nodes))
  if (apart.length < 2 || calls.length === 0) return
  // The notes numbered 1, 2, 3 … in order, starting again at 1 in each part (a chapter's notes);
  // each called by the first number of its value after the call before, part by part.
  const runs: Element[][] = []
  for (const note of apart) {
    const number = Number(cleanLabel(attribute(note, 'n')) ?? Number.NaN)
    const run = runs.at(-1)
    if (number === 1) runs.push([note])
    else if (run && number === run.length + 1) run.push(note)
    else return
  }
  const chosen: Array<{element: Element; note: Element}> = []
  let part = -1
  let next = 1
  for (const call of calls) {
    if (call.number === 1 && part + 1 < runs.length && (part === -1 || next > (runs[part]?.length ?? 0))) {
      part++
      next = 1
    }
    const note = runs[part]?.[next - 1]
    if (note && call.number === next) {
      chosen.push({element: call.element, note})
      next++
    }
  }
  if (chosen.length !== apart.length) return
  for (const {element, note} of chosen) {
    state.noteRefs.set(element, note)
    state.standoff.add(note)
  }
}

/** The name of a note mark (`*`, `*)`, `(†)` → `star`, `dagger`), or undefined for anything else. */
function symbolOf(printed: string | undefined): string | undefined {
  const mark = printed?.trim().replace(/^[([]\s*/, '').replace(/\s*[)\]]$/, '')
  return mark === undefined ? undefined : noteSymbols.get(mark)
}

/**
 * The number a call typed in the text prints: digits in superscript, or a `<ref>`/`<ptr>` that
 * points nowhere in the file (`<ref type="footnote" n="1">1</ref>`), by its digits or its `@n`.
 */
function typedCallNumber(element: Element): number | undefined {
  // Raised digits, perhaps with a bracket as the notes' `@n` print them (`<hi rendition="#sup">1)</hi>`).
  const raised = isRaised(element) ? /^[([]?(\d{1,4})[)\]]?$/.exec(plainText(element.children).trim()) : null
  if (raised) return Number(raised[1])
  const name = localName(element)
  if ((name !== 'ref' && name !== 'ptr') || attribute(element, 'target')?.trim().startsWith('#')) return undefined
  const printed = plainText(element.children).replace(/[\s()[\]]/g, '')
  const digits = printed === '' ? cleanLabel(attribute(element, 'n')) : printed
  return digits !== undefined && /^\d{1,4}$/.test(digits) ? Number(digits) : undefined
}

function contains(outer: Element, inner: Element): boolean {
  return outer.children.some((child) => child === inner || (isElement(child) && contains(child, inner)))
}

// ---------------------------------------------------------------------------------------------
// Blocks.

/**
 * Blocks of a container's children. Runs of phrasing (text, `<hi>`, notes) become paragraphs;
 * `mixed` says whether the children are running text (then only splitters are blocks).
 */
function blocksOf(children: readonly ElementContent[], mixed: boolean, state: State): BlockContent[] {
  const out: BlockContent[] = []
  let run: ElementContent[] = []
  // Notes before the first block (a division's note on its title or on the whole of it).
  let leading: PhrasingContent[] = []
  const flush = () => {
    if (run.length === 0) return
    const content = finish(inlineOf(run, 0, state))
    run = []
    if (content.length === 0) return
    const calls = !mixed && content.every((node) => node.type === 'footnoteReference')
    // A note between blocks belongs to the block before it (its last paragraph, item or cell).
    const end = endOf(out.at(-1))
    if (calls && end) {
      end.children.push(...content)
      return
    }
    if (calls && out.length === 0) {
      leading.push(...content)
      return
    }
    out.push({type: 'paragraph', children: content})
  }
  const placeLeading = () => {
    const first = out[0]
    if (leading.length === 0 || first === undefined) return
    // After the title it comes before, else where the first paragraph begins.
    if (first.type === 'heading') first.children.push(...leading)
    else {
      const start = startOf(first)
      if (start) start.children.unshift(...leading)
      else out.unshift({type: 'paragraph', children: leading})
    }
    leading = []
  }
  for (const child of children) {
    // `raw` is xast-util-to-xml's node for serialized XML; a parsed source has none.
    if (child.type === 'comment' || child.type === 'instruction' || child.type === 'raw') continue
    if (child.type === 'text' || child.type === 'cdata') {
      if (mixed || !isBlank(child.value) || run.length > 0) run.push(child)
      continue
    }
    if (roleOf(child, mixed) === 'inline') {
      run.push(child)
      continue
    }
    flush()
    out.push(...blockOf(child, state))
    placeLeading()
    const targeted = state.after.get(child)
    if (targeted) {
      const references = targeted.map((note) => referenceTo(note, state))
      const last = out.at(-1)
      if (last?.type === 'paragraph' || last?.type === 'heading') last.children.push(...references)
      else out.push({type: 'paragraph', children: references})
    }
  }
  flush()
  if (leading.length > 0) out.push({type: 'paragraph', children: leading})
  return out
}

/** The phrasing a block begins with: a paragraph, a heading, a list's first item, a quotation's first block, a table's first cell. */
function startOf(block: BlockContent | DefinitionContent | undefined): {children: PhrasingContent[]} | undefined {
  switch (block?.type) {
    case 'paragraph': case 'heading': return block
    case 'list': return startOf(block.children[0]?.children[0])
    case 'blockquote': return startOf(block.children[0])
    case 'table': return block.children[0]?.children[0]
    default: return undefined
  }
}

/** The phrasing a block ends with: a paragraph, a heading, a list's last item, a quotation's or a removed block's (a figure's) last block, a table's last cell. */
function endOf(block: BlockContent | DefinitionContent | undefined): {children: PhrasingContent[]} | undefined {
  switch (block?.type) {
    case 'paragraph': case 'heading': return block
    case 'list': return endOf(block.children.at(-1)?.children.at(-1))
    case 'blockquote': case 'containerDirective': return endOf(block.children.at(-1))
    case 'table': return block.children.at(-1)?.children.at(-1)
    default: return undefined
  }
}

function blockOf(element: Element, state: State): BlockContent[] {
  const name = localName(element)
  switch (name) {
    case 'teiHeader':
      return []
    case 'div': case 'div1': case 'div2': case 'div3': case 'div4': case 'div5': case 'div6': case 'div7': {
      state.divDepth++
      const blocks = notesSection(element, state) ?? blocksOf(element.children, mixedOf(element), state)
      state.divDepth--
      return blocks
    }
    case 'head': {
      const content = finish(inlineOf(element.children, 0, state))
      if (content.length === 0) return []
      if (state.inNote > 0) return [{type: 'paragraph', children: content}]
      return [{type: 'heading', depth: headingDepth(state.divDepth + 1), children: content}]
    }
    case 'titlePart': {
      const type = attribute(element, 'type')
      const content = finish(inlineOf(element.children, 0, state))
      if (content.length === 0) return []
      if ((type === undefined || type === 'main') && state.inNote === 0) return [{type: 'heading', depth: 1, children: content}]
      return [{type: 'paragraph', children: content}]
    }
    case 'lg':
      return verse(element, state)
    case 'list':
      return list(element, state)
    case 'table':
      return table(element, state)
    case 'quote': case 'cit': case 'q': case 'said': {
      const children = blocksOf(element.children, mixedOf(element), state)
      return children.length === 0 ? [] : [{type: 'blockquote', children}]
    }
    case 'listBibl': {
      // The source's own list of references, each `<bibl>` or `<biblStruct>` an entry (a list within it, a part of it).
      state.inListBibl++
      const children = blocksOf(element.children, mixedOf(element), state)
      state.inListBibl--
      if (children.length === 0 || state.inListBibl > 0 || state.inNote > 0) return children
      const node: References = {type: 'containerDirective', name: directive.references, attributes: {}, children}
      return [node]
    }
    case 'biblStruct': {
      const children = biblStructPhrasing(element, true)
      return children.length === 0 ? [] : [{type: 'paragraph', children}]
    }
    case 'figure': case 'fw': {
      const removed = removedOf(element, state)
      if (!removed) return []
      const node: RemovedBlock = {type: 'containerDirective', name: directive.removed, attributes: {rule: removed.rule}, children: [{type: 'paragraph', children: removed.children}]}
      return [node]
    }
    default:
      return blocksOf(element.children, mixedOf(element), state)
  }
}

function headingDepth(depth: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return depth <= 1 ? 1 : depth === 2 ? 2 : depth === 3 ? 3 : depth === 4 ? 4 : depth === 5 ? 5 : 6
}

/**
 * A `<div>` of standoff notes only (each referenced from the text): the notes are defined
 * where they are referenced, and the section's heading is kept as removed.
 */
function notesSection(element: Element, state: State): BlockContent[] | undefined {
  const elements = childElements(element)
  const heads = elements.filter((child) => localName(child) === 'head')
  const notes = elements.filter((child) => localName(child) === 'note')
  if (notes.length === 0 || heads.length + notes.length !== elements.length || !notes.every((note) => state.standoff.has(note))) return undefined
  if (hasText(element.children)) return undefined
  return heads.flatMap((head): BlockContent[] => {
    const content = finish(inlineOf(head.children, 0, state))
    if (content.length === 0) return []
    const node: RemovedBlock = {type: 'containerDirective', name: directive.removed, attributes: {rule: 'notes-heading' satisfies RemovalRule}, children: [{type: 'paragraph', children: content}]}
    return [node]
  })
}

/** A stanza: one paragraph, a line break between lines. */
function verse(element: Element, state: State): BlockContent[] {
  if (childElements(element).some((child) => localName(child) === 'lg')) return blocksOf(element.children, mixedOf(element), state)
  const out: BlockContent[] = []
  const lines: PhrasingContent[][] = []
  let current: ElementContent[] = []
  const end = () => {
    if (current.length > 0) lines.push(finish(inlineOf(current, 0, state)))
    current = []
  }
  for (const child of element.children) {
    if (isElement(child) && localName(child) === 'head') {
      out.push(...blockOf(child, state))
      continue
    }
    if (isElement(child) && localName(child) === 'l') {
      end()
      lines.push(finish(inlineOf(child.children, 0, state)))
      continue
    }
    // Notes and page breaks between lines go with the line before.
    const last = lines.at(-1)
    if (isElement(child) && last && current.length === 0) last.push(...finish(inlineOf([child], 0, state)))
    else current.push(child)
  }
  end()
  const children: PhrasingContent[] = []
  for (const line of lines.filter((content) => content.length > 0)) {
    if (children.length > 0) children.push({type: 'break'})
    children.push(...line)
  }
  if (children.length > 0) out.push({type: 'paragraph', children})
  return out
}

/** A list's or table's `<head>`: a paragraph before it (Markdown has no caption). */
function headParagraph(head: Element, state: State): BlockContent[] {
  const content = finish(inlineOf(head.children, 0, state))
  return content.length > 0 ? [{type: 'paragraph', children: content}] : []
}

function list(element: Element, state: State): BlockContent[] {
  const out: BlockContent[] = []
  const items: ListItem[] = []
  let label: PhrasingContent[] = []
  for (const child of element.children) {
    if (!isElement(child)) continue
    const name = localName(child)
    if (name === 'head') {
      out.push(...headParagraph(child, state))
    } else if (name === 'label') {
      label = finish(inlineOf(child.children, 0, state))
    } else if (name === 'item') {
      const blocks = blocksOf(child.children, mixedOf(child), state)
      if (label.length > 0) {
        const first = blocks[0]
        if (first?.type === 'paragraph') first.children = [...label, {type: 'text', value: ' '}, ...first.children]
        else blocks.unshift({type: 'paragraph', children: label})
        label = []
      }
      items.push({type: 'listItem', spread: false, children: blocks.length > 0 ? blocks : [{type: 'paragraph', children: []}]})
    } else {
      // Anything else (a note, a page break) joins the item before it: a note's call, its text.
      const blocks = blocksOf([child], false, state)
      const last = items.at(-1)
      const [only] = blocks
      const end = endOf(last?.children.at(-1))
      if (end && blocks.length === 1 && only?.type === 'paragraph' && only.children.every((node) => node.type === 'footnoteReference')) end.children.push(...only.children)
      else if (last) last.children.push(...blocks)
      else out.push(...blocks)
    }
  }
  if (label.length > 0) items.push({type: 'listItem', spread: false, children: [{type: 'paragraph', children: label}]})
  if (items.length === 0) return out
  const kind = `${attribute(element, 'type') ?? ''} ${attribute(element, 'rend') ?? ''}`.toLowerCase()
  const ordered = /ordered|numbered|decimal|arabic/.test(kind) && !/unordered/.test(kind)
  const node: List = {type: 'list', ordered, spread: false, children: items}
  if (ordered) node.start = 1
  out.push(node)
  return out
}

function table(element: Element, state: State): BlockContent[] {
  const out: BlockContent[] = []
  const rows: TableRow[] = []
  for (const child of element.children) {
    if (!isElement(child)) continue
    const name = localName(child)
    if (name === 'head') {
      out.push(...headParagraph(child, state))
      continue
    }
    if (name !== 'row') {
      // A note or page break between rows: its reference goes to the last cell.
      const content = finish(inlineOf([child], 0, state))
      const cell = rows.at(-1)?.children.at(-1)
      if (cell) cell.children.push(...content)
      else if (content.length > 0) out.push({type: 'paragraph', children: content})
      continue
    }
    const cells: TableCell[] = []
    for (const cell of child.children) {
      if (!isElement(cell)) continue
      const content = finish(inlineOf(localName(cell) === 'cell' ? cell.children : [cell], 0, state))
      if (localName(cell) !== 'cell') {
        cells.at(-1)?.children.push(...content)
        continue
      }
      cells.push({type: 'tableCell', children: content})
      const span = Number(attribute(cell, 'cols') ?? '1')
      for (let extra = 1; extra < Math.min(span, 50); extra++) cells.push({type: 'tableCell', children: []})
    }
    rows.push({type: 'tableRow', children: cells})
  }
  const width = Math.max(0, ...rows.map((row) => row.children.length))
  if (width === 0) return out
  for (const row of rows) while (row.children.length < width) row.children.push({type: 'tableCell', children: []})
  const node: Table = {type: 'table', align: rows[0]?.children.map(() => null) ?? [], children: rows}
  out.push(node)
  return out
}

// ---------------------------------------------------------------------------------------------
// Phrasing.

/** Phrasing of `nodes`, inside the `open` styles; blocks met here are read as phrasing. */
function inlineOf(nodes: readonly ElementContent[], open: number, state: State): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'cdata') {
      out.push({type: 'text', value: node.value.replace(xmlSpace, ' ')})
      continue
    }
    if (node.type !== 'element') continue
    let spaced = spacedInline(node)
    // `Zimmer-<lb/>temperatur`: the printed hyphen stays, the line break adds no space; so do the
    // signs older prints set for it (`ver¬<lb/>dampft`, `⸗`, `=`).
    const last = out.at(-1)
    if (spaced && localName(node) === 'lb' && last?.type === 'text' && /\p{L}[-\u00AD\u2010¬⸗=]$/u.test(last.value)) spaced = false
    if (spaced) out.push({type: 'text', value: ' '})
    const previous = out.at(-1)
    const power = powerOf(node, previous?.type === 'text' ? previous.value : undefined, state)
    const converted: PhrasingContent[] = power === undefined ? elementInline(node, open, state) : [{type: 'text', value: power}]
    out.push(...converted)
    const targeted = state.after.get(node)
    if (targeted) out.push(...targeted.map((note) => referenceTo(note, state)))
    if (spaced) out.push({type: 'text', value: ' '})
  }
  return out
}

function elementInline(element: Element, open: number, state: State): PhrasingContent[] {
  const name = localName(element)
  switch (name) {
    case 'gap':
      return [gapMark(element)]
    case 'teiHeader': case 'pb': case 'cb': case 'milestone': case 'anchor': case 'graphic': case 'handShift':
      // Not text: page and column breaks, milestones (see `silent`).
      return []
    case 'lb': {
      // The space is added around it (see `spacedInline`), unless `break="no"`.
      return []
    }
    case 'note':
      return noteInline(element, state)
    case 'ref': case 'ptr': {
      const note = state.noteRefs.get(element) ?? state.crossRefs.get(element)
      if (!note && state.typedCalls && state.typedRefs.has(element)) {
        state.raised = true
        return [{type: 'text', value: toSuperscript(plainText(element.children).trim())}]
      }
      if (!note) {
        const children = inlineOf(element.children, open, state)
        // A `<ref>` to a resource on the web keeps its target, as a link.
        const target = attribute(element, 'target')?.trim()
        const linked = name === 'ref' && target !== undefined && /^(?:https?|ftp|mailto):\S+$/i.test(target) && words(plainText(element.children)).length > 0
        return linked ? [{type: 'link', url: target, children}] : children
      }
      const reference = referenceTo(note, state)
      const printed = plainText(element.children)
      // The printed mark is the label: keep it only when the label says something else.
      const mark = cleanLabel(printed)
      const same = words(printed).join(' ') === words(reference.label ?? '').join(' ') || (mark !== undefined && mark === cleanLabel(attribute(note, 'n')))
      return same ? [reference] : [...inlineOf(element.children, open, state), reference]
    }
    case 'choice':
      return choice(element, open, state)
    case 'biblStruct':
      // In running text (a note's `See …, 4.`) the text around it punctuates its end.
      return biblStructPhrasing(element, false)
    case 'app': {
      // Readings without a lemma (parallel segmentation): the first that has words is the text, the others variants.
      const parts = childElements(element)
      const base = parts.some((part) => localName(part) === 'lem') ? undefined : parts.find((part) => localName(part) === 'rdg' && words(plainText(part.children)).length > 0)
      if (base === undefined) return inlineOf(element.children, open, state)
      return element.children.flatMap((child) => (child === base ? inlineOf(base.children, open, state) : inlineOf([child], open, state)))
    }
    case 'sic': {
      // The source's error the encoder confirms, printed as it stands; not the printed mark itself (`(<sic>sic</sic>)`).
      const children = inlineOf(element.children, open, state)
      const printed = words(plainText(element.children))
      return printed.length === 0 || printed.join(' ').toLowerCase() === 'sic' ? children : [{type: 'textDirective', name: directive.sic, attributes: {}, children}]
    }
    case 'corr': case 'reg': case 'expan': case 'supplied': {
      // The edition's reading without the source's (outside `<choice>`): a change whose original is not recorded.
      const children = finish(inlineOf(element.children, open, state))
      if (children.length === 0) return []
      const node: Emendation = {type: 'textDirective', name: directive.emend, attributes: {orig: '', rule: standaloneRules[name]}, children}
      return [node]
    }
    case 'del': case 'rdg': case 'figure': case 'fw': {
      const removed = removedOf(element, state)
      if (!removed) return []
      const node: RemovedText = {type: 'textDirective', name: directive.removed, attributes: removed.attributes ?? {rule: removed.rule}, children: removed.children}
      return [node]
    }
    case 'formula': {
      // Code holds no call: a note in a formula is called after it.
      const value = textOutsideNotes(element.children).replace(xmlSpace, ' ').trim()
      const notes = notesOutsideNotes(element.children).flatMap((note) => noteInline(note, state))
      return value === '' ? notes : [{type: 'inlineCode', value}, ...notes]
    }
    default: {
      const called = state.noteRefs.get(element)
      if (called) return [referenceTo(called, state)]
      const superscript = state.typedCalls ? superscriptDigits(element) : undefined
      if (superscript !== undefined) {
        state.raised = true
        return [{type: 'text', value: superscript}]
      }
      const style = appliedStyle(element, open)
      const children = inlineOf(element.children, open | style, state)
      if (style === emphasisBit) return [{type: 'emphasis', children}]
      if (style === strongBit) return [{type: 'strong', children}]
      return children
    }
  }
}

/** A `<hi>` set in superscript. */
function isRaised(element: Element): boolean {
  if (localName(element) !== 'hi') return false
  const rend = `${attribute(element, 'rend') ?? ''} ${attribute(element, 'rendition') ?? ''} ${attribute(element, 'style') ?? ''}`.toLowerCase()
  return /(?:^|[\s#])(?:sup|superscript|super|exponent)(?:$|\s)|vertical-align:\s*super/.test(rend)
}

/** Digits set in superscript (`<hi rend="superscript">12</hi>`) as superscript digits (`¹²`): a note's call typed by hand, or a power. */
function superscriptDigits(element: Element): string | undefined {
  if (!isRaised(element)) return undefined
  const digits = plainText(element.children).trim()
  return /^\d{1,4}$/.test(digits) ? toSuperscript(digits) : undefined
}

/**
 * A power set in superscript (`10<hi rend="sup">3</hi>`, `<hi rend="sup">-2</hi>`) as
 * superscript characters (`10³`, `⁻²`), as HTML reads it: digits raised after the number 10, or
 * opening with a sign. Other raised digits read as they stand: after a number they are as often
 * a shelf mark's or a volume's index (`217<hi rend="sup">2</hi>`) as a square, and after a word a
 * note's call typed by hand; a mark with letters (`X<hi rend="sup">1a</hi>`) is no power.
 */
function powerOf(element: Element, before: string | undefined, state: State): string | undefined {
  if (localName(element) !== 'hi' || !element.children.every((node) => node.type === 'text')) return undefined
  if (state.typedCalls && superscriptDigits(element) !== undefined) return undefined
  const rend = `${attribute(element, 'rend') ?? ''} ${attribute(element, 'rendition') ?? ''} ${attribute(element, 'style') ?? ''}`.toLowerCase()
  if (!/(?:^|[\s#])(?:sup|superscript|super|exponent)(?:$|\s)|vertical-align:\s*super/.test(rend)) return undefined
  const text = plainText(element.children).trim()
  if (!/^[-+−]/.test(text) && !/(?:^|[^\d.,])10$/.test(before ?? '')) return undefined
  return raisedForm(text, 'sup')
}

/**
 * What a removal records: its rule, its text, and for a variant reading the witnesses that read
 * it (`@wit`, else `@source`). An empty reading in an apparatus is the omission of the lemma in
 * those witnesses: recorded as the variant "omitted".
 */
function removedOf(element: Element, state: State): {rule: RemovalRule; children: PhrasingContent[]; attributes?: Record<string, string>} | undefined {
  const name = localName(element)
  const children = finish(inlineOf(element.children, 0, state))
  if (name === 'rdg') {
    const attributes: Record<string, string> = {rule: 'tei-variant'}
    const witnesses = (attribute(element, 'wit') ?? attribute(element, 'source'))?.trim().replace(/\s+/g, ' ')
    if (witnesses) attributes.wit = witnesses
    if (children.length > 0) return {rule: 'tei-variant', children, attributes}
    return {rule: 'tei-variant', children: [{type: 'text', value: 'omitted'}], attributes: {...attributes, type: 'omission'}}
  }
  if (children.length === 0) return undefined
  let rule: RemovalRule = 'tei-figure'
  if (name === 'del') rule = 'tei-del'
  // A forme work that prints only a number (`<fw type="head">8</fw>`) is the page's number.
  else if (name === 'fw') rule = attribute(element, 'type') === 'pageNum' || /^[[(]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[\])]?\.?$/i.test(plainText(element.children).trim()) ? 'page-number' : 'running-head'
  return {rule, children}
}

/** The rule of the edition's reading standing alone. */
const standaloneRules: Record<'corr' | 'reg' | 'expan' | 'supplied', EmendationRule> = {corr: 'tei-sic', reg: 'tei-orig', expan: 'tei-abbr', supplied: 'tei-supplied'}

/**
 * `<gap/>`: words the source leaves out or the encoder could not read, shown as `[…]` and
 * recorded with what the encoder says of them (`reason`, `quantity` and `unit`, `extent`).
 */
function gapMark(element: Element): Emendation {
  const quantity = attribute(element, 'quantity')?.trim()
  const extent = attribute(element, 'extent')?.trim() || (quantity ? `${quantity} ${attribute(element, 'unit')?.trim() ?? ''}`.trim() : undefined)
  const reason = [attribute(element, 'reason')?.trim(), extent].filter((part) => part !== undefined && part !== '').join(', ')
  const attributes: Record<string, string> = {orig: '', rule: 'tei-gap'}
  if (reason !== '') attributes.reason = reason
  return {type: 'textDirective', name: directive.emend, attributes, children: [{type: 'text', value: '[…]'}]}
}

/** The source's reading and the edition's in a `<choice>`, when it has both. */
function choicePair(element: Element): [Element, Element] | undefined {
  const parts = childElements(element)
  const reading = parts.find((part) => readings.has(localName(part)))
  const corrected = parts.find((part) => !readings.has(localName(part)))
  return reading && corrected ? [reading, corrected] : undefined
}

/** `<choice>`: the corrected, regularized or expanded reading, with the source's as `orig`. */
function choice(element: Element, open: number, state: State): PhrasingContent[] {
  const pair = choicePair(element)
  const parts = childElements(element)
  // A lone reading (`<choice><corr>…</corr></choice>`) is read as it is read outside a choice.
  const lone = parts.length === 1 ? parts[0] : undefined
  if (lone && ['sic', 'corr', 'reg', 'expan'].includes(localName(lone))) return elementInline(lone, open, state)
  if (!pair) return parts.flatMap((part) => inlineOf(part.children, open, state))
  const [reading, corrected] = pair
  const kind = localName(reading)
  const rule: EmendationRule = kind === 'sic' ? 'tei-sic' : kind === 'orig' ? 'tei-orig' : 'tei-abbr'
  const orig = textOutsideNotes(reading.children).replace(xmlSpace, ' ').trim()
  const node: Emendation = {type: 'textDirective', name: directive.emend, attributes: {orig, rule}, children: finish(inlineOf(corrected.children, open, state))}
  // A note on the source's reading (`<sic>citté<note>…</note></sic>`) is called after the emendation.
  return [node, ...notesOutsideNotes(reading.children).flatMap((note) => noteInline(note, state))]
}

/** The text of `nodes` without their notes' text. */
function textOutsideNotes(nodes: readonly ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' || node.type === 'cdata' ? node.value : isElement(node) && localName(node) !== 'note' ? textOutsideNotes(node.children) : '')).join('')
}

/** The notes among `nodes` and their descendants, but for notes inside notes. */
function notesOutsideNotes(nodes: readonly ElementContent[]): Element[] {
  return nodes.flatMap((node) => (!isElement(node) ? [] : localName(node) === 'note' ? [node] : notesOutsideNotes(node.children)))
}

/** A note where it stands: a reference (its definition is collected), or its text in brackets inside another note. */
function noteInline(note: Element, state: State): PhrasingContent[] {
  if (state.standoff.has(note) || state.continuations.has(note)) return []
  if (state.inNote > 0) {
    const content = finish(inlineOf(note.children, 0, state))
    return content.length === 0 ? [] : [{type: 'text', value: ' ['}, ...content, {type: 'text', value: '] '}]
  }
  return [referenceTo(note, state)]
}

function referenceTo(note: Element, state: State): FootnoteReference {
  const identifier = state.noteIds.get(note) ?? definitionOf(note, state)
  const reference: FootnoteReference = {type: 'footnoteReference', identifier, label: identifier}
  const start = note.position?.start.offset
  if (start !== undefined) reference.position = positionAt(start, state)
  return reference
}

function positionAt(offset: number, state: State) {
  const point = state.locate(Math.max(offset - state.shift, 0))
  return {start: point, end: point}
}

/** Define a note (labelled, content converted) and return its identifier. */
function definitionOf(note: Element, state: State): string {
  const {label, content} = labelOf(note, state)
  state.noteIds.set(note, label)
  state.inNote++
  const parts = state.continued.get(note) ?? []
  const children = blocksOf(parts.length === 0 ? content : joinedParts(content, parts), mixedOf(note) && parts.every(mixedOf), state)
  state.inNote--
  const definition: FootnoteDefinition = {type: 'footnoteDefinition', identifier: label, label, children}
  const start = note.position?.start.offset
  if (start !== undefined) definition.position = positionAt(start, state)
  state.definitions.push(definition)
  return label
}

/**
 * The content of a note and of its continuations, as one: a space where the page break stood, and
 * a paragraph the break cut (`<p>` closing the first part, `<p>` opening the next) read as one.
 */
function joinedParts(content: readonly ElementContent[], parts: readonly Element[]): ElementContent[] {
  const out: ElementContent[] = [...content]
  for (const part of parts) {
    const lastIndex = out.findLastIndex((child) => isElement(child) || !isBlank(child.type === 'text' || child.type === 'cdata' ? child.value : ''))
    const last = out[lastIndex]
    const rest = [...part.children]
    const firstIndex = rest.findIndex((child) => isElement(child) || !isBlank(child.type === 'text' || child.type === 'cdata' ? child.value : ''))
    const first = rest[firstIndex]
    if (isElement(last) && isElement(first) && localName(last) === 'p' && localName(first) === 'p') {
      out[lastIndex] = {...last, children: [...last.children, {type: 'text', value: cutWord(last.children, first.children) ? '' : ' '}, ...first.children]}
      rest.splice(firstIndex, 1)
    } else out.push({type: 'text', value: cutWord(out, rest) ? '' : ' '})
    out.push(...rest)
  }
  return out
}

/** Whether a word runs on across the parts (`zur an-` then `dern Hälfte`): no space, the printed hyphen kept as at a line's end. */
function cutWord(before: readonly ElementContent[], after: readonly ElementContent[]): boolean {
  return /\p{L}[-\u00AD\u2010¬⸗=]\s*$/u.test(plainText(before)) && /^\s*\p{Ll}/u.test(plainText(after))
}

/** A label Markdown keeps as it is: letters and digits, maybe joined by `.` or `-`. */
const usableLabel = /^[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)*$/u

/** `12)`, `[3]`, `(a)`, `4.` → `12`, `3`, `a`, `4`. */
function cleanLabel(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  const label = raw.trim().replace(/^[([{]\s*/, '').replace(/\s*[)\]}.:]$/, '')
  // A note symbol (`*`, `†`) is labelled by its name, as in plain-text sources.
  return usableLabel.test(label) ? label : noteSymbols.get(label)
}

/**
 * The note's label: `@n`, else a leading `<label>` (then not repeated in the text), else the
 * next generated number. A label met before (numbering restarts in each `<text>`) gets `-2`, `-3`.
 */
function labelOf(note: Element, state: State): {label: string; content: ElementContent[]} {
  let label = cleanLabel(attribute(note, 'n'))
  let content: ElementContent[] = note.children
  const first = note.children.find((child) => isElement(child) || !isBlank(child.type === 'text' || child.type === 'cdata' ? child.value : ''))
  // `<label>1</label>`, or the number raised (`<hi rend="sup">1</hi>`, `1)`), opening the note:
  // its label, where `@n` gives none or the same.
  if (isElement(first) && (localName(first) === 'label' || isRaised(first))) {
    const printed = cleanLabel(plainText(first.children))
    if (printed !== undefined && (label === undefined ? localName(first) === 'label' || superscriptDigits(first) !== undefined : printed === label)) {
      label = printed
      const at = note.children.indexOf(first)
      const next = note.children[at + 1]
      // Its bracket or point set after it (`<hi rend="sup">2</hi>) Text`) goes with it.
      const rest = next?.type === 'text' && /^[).\]]/.test(next.value) ? [{...next, value: next.value.slice(1)}, ...note.children.slice(at + 2)] : note.children.slice(at + 1)
      content = [...note.children.slice(0, at), ...rest]
    }
  }
  // An editor's note, or a note in the margin, numbered apart from the author's notes.
  if (label === undefined && /^editorial$|^editor$/i.test(attribute(note, 'type') ?? '')) label = `ed-${++state.editorial}`
  if (label === undefined && /^(?:margin|left|right|marg\w*)$/i.test(attribute(note, 'place') ?? '')) label = `margin-${++state.margin}`
  if (label === undefined) label = String(++state.generated)
  let unique = label
  for (let count = 2; state.taken.has(unique.toLowerCase()); count++) unique = `${label}-${count}`
  state.taken.add(unique.toLowerCase())
  return {label: unique, content}
}

// ---------------------------------------------------------------------------------------------
// Tidying phrasing: one space between words, none at the edges, emphasis Markdown can write.

/** Phrasing as a paragraph holds it: tidied and trimmed. */
function finish(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = tidy(nodes)
  trimEdge(out, 'start')
  trimEdge(out, 'end')
  // No space around a line break.
  for (let index = 0; index < out.length; index++) {
    if (out[index]?.type !== 'break') continue
    const before = out[index - 1]
    const after = out[index + 1]
    if (before?.type === 'text') before.value = before.value.replace(/ +$/, '')
    if (after?.type === 'text') after.value = after.value.replace(/^ +/, '')
  }
  return out.filter((node) => node.type !== 'text' || node.value !== '')
}

function trimEdge(nodes: PhrasingContent[], edge: 'start' | 'end'): void {
  while (nodes.length > 0) {
    const index = edge === 'start' ? 0 : nodes.length - 1
    const node = nodes[index]
    if (node?.type !== 'text') return
    node.value = edge === 'start' ? node.value.replace(/^ +/, '') : node.value.replace(/ +$/, '')
    if (node.value !== '') return
    nodes.splice(index, 1)
  }
}

const wordLike = /[^\s\p{P}\p{S}]/u

function tidy(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  const pushText = (value: string) => {
    if (value === '') return
    const last = out.at(-1)
    if (last?.type === 'text') last.value = (last.value + value).replace(/ {2,}/g, ' ')
    else out.push({type: 'text', value: value.replace(/ {2,}/g, ' ')})
  }
  for (const node of nodes) {
    if (node.type === 'text') {
      pushText(node.value)
      continue
    }
    if (node.type === 'emphasis' || node.type === 'strong' || isTextDirective(node, directive.removed)) {
      const children = tidy(node.children)
      // Spaces at the edges go outside: `* a*` is not emphasis.
      const first = children[0]
      const lead = first?.type === 'text' && first.value.startsWith(' ')
      if (first?.type === 'text') first.value = first.value.replace(/^ +/, '')
      const last = children.at(-1)
      const trail = last?.type === 'text' && last.value.endsWith(' ')
      if (last?.type === 'text') last.value = last.value.replace(/ +$/, '')
      const kept = children.filter((child) => child.type !== 'text' || child.value !== '')
      if (lead) pushText(' ')
      if (kept.length > 0) {
        if (node.type === 'textDirective') out.push({...node, children: kept})
        else {
          const previous = out.at(-1)
          // Two emphases side by side are one (`*a**b*` would read as strong).
          if (previous?.type === node.type) previous.children.push(...kept)
          else out.push(node.type === 'emphasis' ? {type: 'emphasis', children: kept} : {type: 'strong', children: kept})
        }
      }
      if (trail) pushText(' ')
      continue
    }
    if (node.type === 'footnoteReference') {
      // `word <note/>` reads `word[^1]`: the space goes after the reference.
      const last = out.at(-1)
      const spaced = last?.type === 'text' && last.value.endsWith(' ')
      if (spaced) last.value = last.value.replace(/ +$/, '')
      out.push(node)
      if (spaced) pushText(' ')
      continue
    }
    if (isTextDirective(node, directive.emend)) {
      out.push({...node, children: tidy(node.children)})
      continue
    }
    out.push(node)
  }
  // A space moved after a reference before a space already there, or at the end.
  const merged: PhrasingContent[] = []
  for (const node of out) {
    const last = merged.at(-1)
    if (node.type === 'text' && last?.type === 'text') last.value = (last.value + node.value).replace(/ {2,}/g, ' ')
    else if (node.type !== 'text' || node.value !== '') merged.push(node)
  }
  return flanking(merged)
}

/**
 * Markdown opens `*` only before a word or after a space or punctuation, and closes it
 * likewise (`*Alexejew'*s` is no emphasis): punctuation at an edge that touches a word
 * outside goes outside; an edge that is a reference or directive, or a letter touching a
 * letter outside, loses the emphasis. So no `*` stands inside a word, and the words of the
 * Markdown are those of the text.
 */
function flanking(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as PhrasingContent
    if (node.type !== 'emphasis' && node.type !== 'strong') {
      out.push(node)
      continue
    }
    const before = lastCharacter(out.at(-1))
    const after = firstCharacter(nodes[index + 1])
    const children = [...node.children]
    let prefix = ''
    let suffix = ''
    let unwrap = false
    if (before !== undefined && wordLike.test(before)) {
      const first = children[0]
      if (first?.type === 'text') {
        const match = /^[\p{P}\p{S}]+ */u.exec(first.value)
        if (match) {
          prefix = match[0]
          first.value = first.value.slice(prefix.length)
        }
      } else if (first && first.type !== 'emphasis' && first.type !== 'strong') unwrap = true
    }
    if (after !== undefined && wordLike.test(after)) {
      const last = children.at(-1)
      if (last?.type === 'text') {
        const match = / *[\p{P}\p{S}]+$/u.exec(last.value)
        if (match) {
          suffix = match[0]
          last.value = last.value.slice(0, -suffix.length)
        }
      } else if (last && last.type !== 'emphasis' && last.type !== 'strong') unwrap = true
    }
    const kept = children.filter((child) => child.type !== 'text' || child.value !== '')
    const empty = kept.length === 0 || kept.every((child) => child.type === 'text' && !wordLike.test(child.value))
    // A `*` between two letters would split a word (`*ϑ*0`): such emphasis is left out.
    const outside = [prefix ? prefix.at(-1) : before, suffix ? suffix[0] : after]
    const inside = [firstCharacter(kept[0]), lastCharacter(kept.at(-1))]
    if (isWordLike(outside[0]) && isWordLike(inside[0])) unwrap = true
    if (isWordLike(inside[1]) && isWordLike(outside[1])) unwrap = true
    const pieces: PhrasingContent[] = []
    if (prefix) pieces.push({type: 'text', value: prefix})
    if (unwrap || empty) pieces.push(...kept)
    else pieces.push({...node, children: kept})
    if (suffix) pieces.push({type: 'text', value: suffix})
    for (const piece of pieces) {
      const last = out.at(-1)
      if (piece.type === 'text' && last?.type === 'text') last.value += piece.value
      else out.push(piece)
    }
  }
  return out
}

function isWordLike(character: string | undefined): boolean {
  return character !== undefined && wordLike.test(character)
}

function lastCharacter(node: PhrasingContent | undefined): string | undefined {
  if (!node) return undefined
  if (node.type === 'text') return node.value.at(-1)
  if (node.type === 'emphasis' || node.type === 'strong') return lastCharacter(node.children.at(-1))
  // References, directives and code end in punctuation (`]`, `}`, `` ` ``).
  return ']'
}

function firstCharacter(node: PhrasingContent | undefined): string | undefined {
  if (!node) return undefined
  if (node.type === 'text') return node.value[0]
  if (node.type === 'emphasis' || node.type === 'strong') return firstCharacter(node.children[0])
  return '['
}

// ---------------------------------------------------------------------------------------------
// The witness: the text content, with a space where the Markdown separates words.

function witnessOf(nodes: readonly ElementContent[], mixed: boolean, inNote: boolean, state: State, out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'cdata') {
      out.push(node.value)
      continue
    }
    if (node.type !== 'element') continue
    const name = localName(node)
    // The header goes to the metadata; an empty figure, deletion or formula writes nothing.
    if (name === 'teiHeader' || (isMarked(name) && name !== 'note' && name !== 'choice' && isBlank(plainText(node.children)))) continue
    const apart = roleOf(node, mixed) === 'block' || apartFromNeighbours(node, state)
    if (apart) out.push(' ')
    const pair = name === 'choice' ? choicePair(node) : undefined
    if (pair) {
      // The source's reading is an attribute value written as it stands, set aside so that the
      // witness's first line (a title of last resort) reads as the edition does.
      state.aside.push(' ', textOutsideNotes(pair[0].children), ' ')
      for (const note of notesOutsideNotes(pair[0].children)) witnessOf([note], true, inNote, state, state.aside)
      witnessOf(pair[1].children, true, inNote, state, out)
    } else if (name === 'choice') {
      for (const part of childElements(node)) witnessOf(part.children, true, inNote, state, out)
    } else if (name === 'biblStruct') {
      // Its parts hold no spaces between them; the conversion sets them apart (`biblStructPhrasing`).
      out.push(spacedText(node.children))
    } else if (name === 'formula') {
      out.push(textOutsideNotes(node.children))
      for (const note of notesOutsideNotes(node.children)) witnessOf([note], true, inNote, state, out)
    } else if (powerOf(node, out.at(-1), state) !== undefined) {
      // Read as superscript characters by the conversion.
      out.push(powerOf(node, out.at(-1), state) ?? '')
    } else if (name === 'note' && (state.standoff.has(node) || state.continuations.has(node))) {
      // Its text is defined where it is referenced: apart from the words around it here.
      const aside: string[] = []
      witnessOf(node.children, mixedOf(node), true, state, aside)
      state.aside.push(' ', ...aside, ' ')
    } else if (name === 'note') {
      // Inside a note, a note is phrasing.
      witnessOf(node.children, inNote || mixedOf(node), true, state, out)
    } else if (name === 'figure' || name === 'fw' || name === 'del' || name === 'rdg' || (name === 'lg' && !childElements(node).some((child) => localName(child) === 'lg'))) {
      // Read as phrasing by the conversion (`removedOf`, `verse`).
      witnessOf(node.children, true, inNote, state, out)
    } else {
      witnessOf(node.children, roleOf(node, mixed) === 'block' ? mixedOf(node) : true, inNote, state, out)
    }
    if (apart) out.push(' ')
  }
}
