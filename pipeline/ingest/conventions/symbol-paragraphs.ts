/**
 * Page-foot notes in a marked-up page (HTML, Word) typed as plain text: a mark glued to the word
 * it follows (`in 1903.*`, or a number, `the tolls.2`) and the note a paragraph of its own
 * opening with the same mark (`<p>* By the minister's grandson.</p>`, `<p>2 Ibid.</p>`), set
 * after the paragraph that calls it, as a web copy of a scanned page keeps its foot notes. Marks
 * and numbers restart, so each note is paired with the nearest unpaired call of its mark before
 * it; the calls become footnote references and the notes footnote definitions, labelled as in
 * plain-text sources (`star-1`, `dagger-1`; a number as printed, `1-2` where it restarts).
 */
import type {FootnoteDefinition, Paragraph, Parents, PhrasingContent, Root, Text} from 'mdast'
import {visit} from 'unist-util-visit'
import {fromSuperscript, notCall} from './notes-section.js'
import {noteStart, noteSymbols, referencesIn} from './symbol-notes.js'

/** A call found in a text node: where it stands and the label it takes. */
export interface TextCall {
  node: Text
  parent: Parents
  start: number
  length: number
  label?: string
}

interface Call extends TextCall {
  mark: string
  /** Whether a note came before the call. */
  afterNote: boolean
}

interface Note {
  paragraph: Paragraph
  parent: Parents
  mark: string
  /** Length of the opening (mark and white space) in the paragraph's first text. */
  length: number
  call: Call
}

interface Scheme {
  /** A note's opening; group 1 its mark. */
  opening: RegExp
  /** The calls of a text: place, mark (a number in plain digits) and length as printed. */
  calls(text: string): Array<{index: number; mark: string; length: number}>
  /** The mark a note's opening stands for. */
  mark(printed: string): string
  /** Whether the pairs found are notes, given how many calls found none and whether text with calls follows a note. */
  enough(notes: number, unpaired: number, interleaved: boolean): boolean
  label(mark: string, count: number): string
}

const symbols: Scheme = {
  opening: noteStart,
  calls: (text) => referencesIn(text, false).map((found) => ({index: found.index, mark: found.mark, length: found.printed.length})),
  mark: (printed) => printed,
  // One pair alone is a note only when nothing else on the page looks like one.
  enough: (notes, unpaired) => notes > 1 || (notes === 1 && unpaired === 0),
  label: (mark, count) => `${noteSymbols.get(mark) ?? 'mark'}-${count}`
}

/** A number glued to a word or to punctuation (digits, or superscripts as Word's raised runs read), before space, punctuation or the end. */
const numberCall = /(?=[\d⁰¹²³⁴⁵⁶⁷⁸⁹])(?<=[\p{L}.,;:!?’”"')\]])(\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?=[\s,;:!?)\]]|\.(?:\s|$)|$)/gu

const numbers: Scheme = {
  opening: /^(\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\.?\s+(?=\S)/u,
  calls: (text) =>
    [...text.matchAll(numberCall)].filter((match) => !notCall(text, match.index)).map((match) => ({index: match.index, mark: plainDigits(match[1] ?? ''), length: (match[1] ?? '').length})),
  mark: (printed) => plainDigits(printed),
  // Numbers are many things (`A4`, `p.3`): calls only where two at least and nearly all (four in five) find their notes;
  // notes that all follow the text are a notes list, read as one (with its heading).
  enough: (notes, unpaired, interleaved) => interleaved && notes > 1 && unpaired * 4 <= notes,
  // As printed; a number met again (numbering restarts on each page) is told apart (`1-2`).
  label: (mark, count) => (count === 1 ? mark : `${mark}-${count}`)
}

/** Turn page-foot note paragraphs and their calls into footnotes; false (the tree untouched) when there are none. */
export function symbolParagraphsAsFootnotes(tree: Root): boolean {
  if (tree.children.some((node) => node.type === 'footnoteDefinition')) return false
  // Both sets may be there, as a translator's `*` notes beside the author's numbered ones.
  const marked = paired(tree, symbols)
  return paired(tree, numbers) || marked
}

function paired(tree: Root, scheme: Scheme): boolean {
  const waiting = new Map<string, Call[]>()
  const notes: Note[] = []
  let interleaved = false
  visit(tree, (node, _index, parent) => {
    // Notes already read (the other set's) call nothing.
    if (node.type === 'footnoteDefinition') return 'skip'
    if (node.type !== 'paragraph' || !parent) return undefined
    const paragraph = node
    const first = paragraph.children[0]
    const start = first?.type === 'text' ? scheme.opening.exec(first.value) : null
    const mark = start?.[1] === undefined ? undefined : scheme.mark(start[1])
    // The mark itself, not a letter OCR might have made of it; a note has words (`* * *` is a break).
    const call = mark !== undefined && (scheme !== symbols || noteSymbols.has(mark)) ? waiting.get(mark)?.pop() : undefined
    if (start && mark !== undefined && call && /[\p{L}\p{N}]/u.test(toText(paragraph).slice(start[0].length))) {
      notes.push({paragraph, parent, mark, length: start[0].length, call})
      interleaved ||= call.afterNote
      return 'skip'
    }
    for (const child of paragraph.children) {
      if (child.type !== 'text') continue
      for (const found of scheme.calls(child.value)) {
        const calls = waiting.get(found.mark) ?? []
        calls.push({node: child, parent: paragraph, start: found.index, length: found.length, mark: found.mark, afterNote: notes.length > 0})
        waiting.set(found.mark, calls)
      }
    }
    return 'skip'
  })
  const unpaired = [...waiting.values()].reduce((sum, calls) => sum + calls.length, 0)
  if (!scheme.enough(notes.length, unpaired, interleaved)) return false
  const counts = new Map<string, number>()
  const place = textOrder(tree)
  const at = (call: Call) => (place.get(call.node) ?? 0) * 1e6 + call.start
  const ordered = [...notes].sort((a, b) => at(a.call) - at(b.call))
  const definitions: FootnoteDefinition[] = []
  for (const note of ordered) {
    const count = (counts.get(note.mark) ?? 0) + 1
    counts.set(note.mark, count)
    const label = scheme.label(note.mark, count)
    note.call.label = label
    const [first, ...rest] = note.paragraph.children
    const opening = first as Text
    const children: PhrasingContent[] = opening.value.length > note.length ? [{type: 'text', value: opening.value.slice(note.length)}, ...rest] : rest
    definitions.push({type: 'footnoteDefinition', identifier: label, label, children: [{type: 'paragraph', children}]})
  }
  // The notes leave their places (each parent filtered once, however many notes it held).
  const moved = new Set<unknown>(notes.map((note) => note.paragraph))
  for (const parent of new Set(notes.map((note) => note.parent))) {
    parent.children = parent.children.filter((child) => !moved.has(child)) as typeof parent.children
  }
  replaceCalls(notes.map((note) => note.call))
  tree.children.push(...definitions)
  return true
}

/** `²` → `2`; plain digits as they are. */
function plainDigits(printed: string): string {
  return /^\d+$/.test(printed) ? printed : fromSuperscript(printed)
}

function toText(paragraph: Paragraph): string {
  return paragraph.children.map((child) => ('value' in child ? child.value : '')).join('')
}

/** The text nodes' places in document order (one walk, however many calls). */
function textOrder(tree: Root): Map<Text, number> {
  const place = new Map<Text, number>()
  visit(tree, 'text', (node) => {
    place.set(node, place.size)
  })
  return place
}

/** Split each text node that holds calls into text and footnote references. */
export function replaceCalls(calls: readonly TextCall[]): void {
  const byNode = new Map<Text, TextCall[]>()
  for (const call of calls) {
    const here = byNode.get(call.node)
    if (here) here.push(call)
    else byNode.set(call.node, [call])
  }
  for (const [node, here] of byNode) {
    const parent = here[0]?.parent
    if (!parent) continue
    const out: PhrasingContent[] = []
    let last = 0
    for (const call of [...here].sort((a, b) => a.start - b.start)) {
      if (call.start > last) out.push({type: 'text', value: node.value.slice(last, call.start)})
      out.push({type: 'footnoteReference', identifier: call.label ?? '', label: call.label ?? ''})
      last = call.start + call.length
    }
    if (last < node.value.length) out.push({type: 'text', value: node.value.slice(last)})
    const children = parent.children as PhrasingContent[]
    children.splice(children.indexOf(node), 1, ...out)
  }
}
