/**
 * Note placement against a corpus's gold (the `gold/*.json` format of a corpus folder, see
 * `npm run eval -- --corpus`): the footnotes of a built document's annotated Markdown, read
 * back with the pipeline's own parser, compared with the gold notes' start, end and the text
 * before each reference.
 *
 * Gold strings are verbatim source (tags, entities, proofer queries, line breaks); the output
 * is a Markdown tree. Both are reduced to the same visible text: an emendation gives its
 * original reading (`orig`), a removed artifact its text, emphasis and tags nothing but their
 * content, entities their character, `[**…]` proofer queries nothing, `*` and `_` nothing
 * (plain-text italics on one side, emphasis on the other), whitespace one space, NFC.
 */
import type {Nodes, Root} from 'mdast'
import {z} from 'zod'
import {parseDocument, parseMarkdown} from '../markdown/index.js'
import {directive, isTextDirective} from '../shared/annotations.js'

const goldNoteSchema = z.object({
  n: z.number(),
  label: z.string().nullable().optional(),
  refMark: z.string().nullable().optional(),
  refContext: z.string().nullable(),
  noteStart: z.string(),
  noteEnd: z.string(),
  extraRefContexts: z.array(z.string()).optional()
})
export type GoldNote = z.infer<typeof goldNoteSchema>

export const goldFileSchema = z
  .object({
    file: z.string(),
    encoding: z.string().optional(),
    noteCount: z.number().optional(),
    notes: z.array(goldNoteSchema)
  })
  .passthrough()

const entities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', shy: '\u00AD', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', laquo: '«', raquo: '»', sect: '§', para: '¶',
  dagger: '†', Dagger: '‡', deg: '°', middot: '·', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003'
}

/** Tags after which words are apart even without white space in the markup. */
const breakingTag = /^<\/?(?:p|lb|pb|cb|br|div|head|note|l|lg|item|list|table|row|cell|li|ul|ol|h\d)\b/i

function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z][a-z0-9]*));/gi, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return String.fromCodePoint(Number.parseInt(decimal, 10))
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16))
    return (name !== undefined ? entities[name] : undefined) ?? whole
  })
}

/** The comparable form of a visible text (both sides). */
export function normalizeVisible(value: string): string {
  return decodeEntities(value.normalize('NFC').replace(/<[^<>]*>/g, (tag) => (breakingTag.test(tag) ? ' ' : '')))
    .replace(/\[\*\*[^\]]*\]/g, ' ')
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC')
}

/**
 * A gold string as visible text: a cut may begin inside a tag (`rend="sup">1a</hi> 25`) or end
 * inside one (`… <hi rend=`); the piece of tag is dropped.
 */
export function normalizeGold(value: string): string {
  let text = value
  const close = text.indexOf('>')
  const open = text.indexOf('<')
  if (close >= 0 && (open < 0 || close < open) && /^[^<>]*(?:=|")[^<>]*>/.test(text)) text = text.slice(close + 1)
  text = text.replace(/<[^<>]*$/, '')
  return normalizeVisible(text)
}

/** A run of visible text; `removed` when it is a removed artifact's. */
interface Segment {
  text: string
  removed: boolean
}

/** A footnote of the output: the variants of its visible text and the contexts of its calls. */
export interface OutputNote {
  identifier: string
  label: string
  /** Visible text, and the same without removed artifacts at its start and/or end (wrappers, labels). */
  texts: string[]
  /** Normalized text of the block before each call of the note, in document order. */
  contexts: string[]
}

function segmentsOf(node: Nodes, out: Segment[], removed: boolean): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      out.push({text: node.value, removed})
      return
    case 'html':
      out.push({text: node.value.replace(/<[^<>]*>/g, (tag) => (breakingTag.test(tag) ? ' ' : '')), removed})
      return
    case 'break':
      out.push({text: ' ', removed})
      return
    case 'footnoteReference':
    case 'footnoteDefinition':
    case 'yaml':
    case 'definition':
      return
    case 'textDirective':
    case 'leafDirective':
    case 'containerDirective':
      if (node.name === directive.emend) {
        const orig = node.attributes?.['orig']
        out.push({text: typeof orig === 'string' ? orig : '', removed})
        return
      }
      for (const child of node.children as Nodes[]) segmentsOf(child, out, removed || node.name === directive.removed)
      return
    default:
      if ('children' in node) {
        const block = node.type !== 'emphasis' && node.type !== 'strong' && node.type !== 'delete' && node.type !== 'link' && node.type !== 'linkReference'
        for (const child of node.children as Nodes[]) segmentsOf(child, out, removed)
        if (block) out.push({text: ' ', removed})
      }
  }
}

function join(segments: readonly Segment[]): string {
  return normalizeVisible(segments.map((segment) => segment.text).join(''))
}

/** The visible text variants of a note: whole, and without removed artifacts at either edge. */
function noteTexts(segments: Segment[]): string[] {
  const blank = (segment: Segment) => segment.text.trim() === ''
  let first = 0
  while (first < segments.length && (segments[first]!.removed || blank(segments[first]!))) first++
  let last = segments.length
  while (last > first && (segments[last - 1]!.removed || blank(segments[last - 1]!))) last--
  const variants = new Set([join(segments), join(segments.slice(first)), join(segments.slice(0, last)), join(segments.slice(first, last))])
  return [...variants]
}

const phrasingBlocks = new Set(['paragraph', 'heading', 'tableCell'])

/** Every footnote of a document tree with its calls' contexts. */
function outputNotes(tree: Root): OutputNote[] {
  const notes: OutputNote[] = []
  const contexts = new Map<string, string[]>()
  let block: string[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'footnoteDefinition') {
      const segments: Segment[] = []
      for (const child of node.children) segmentsOf(child, segments, false)
      notes.push({identifier: node.identifier, label: node.label ?? node.identifier, texts: noteTexts(segments), contexts: []})
    }
    if (node.type === 'footnoteReference') {
      const list = contexts.get(node.identifier) ?? []
      list.push(normalizeVisible(block.join('')))
      contexts.set(node.identifier, list)
      return
    }
    if (phrasingBlocks.has(node.type)) block = []
    if (isTextDirective(node, directive.emend)) {
      const orig = node.attributes?.['orig']
      block.push(typeof orig === 'string' ? orig : '')
      return
    }
    if (node.type === 'text' || node.type === 'inlineCode') {
      block.push(node.value)
      return
    }
    if (node.type === 'html') {
      block.push(node.value.replace(/<[^<>]*>/g, (tag) => (breakingTag.test(tag) ? ' ' : '')))
      return
    }
    if (node.type === 'break') {
      block.push(' ')
      return
    }
    if ('children' in node) {
      for (const child of node.children as Nodes[]) visit(child)
    }
    if (phrasingBlocks.has(node.type)) block = []
  }
  visit(tree)
  for (const note of notes) note.contexts = contexts.get(note.identifier) ?? []
  return notes
}

/** The visible text of a fragment of annotated Markdown (a citation's text), read as the notes are. */
export function visibleMarkdown(markdown: string): string {
  const segments: Segment[] = []
  for (const child of parseMarkdown(markdown).children) segmentsOf(child, segments, false)
  return join(segments)
}

/** The footnotes of a built document's annotated Markdown. */
export function notesOfMarkdown(markdown: string): OutputNote[] {
  return outputNotes(parseDocument(markdown).tree)
}

export interface PlacementMiss {
  n: number
  label: string | null
  /** Why: no note with that start, a wrong end, a wrong context, or a note another gold note took. */
  reason: string
}

export interface Placement {
  placed: number
  misses: PlacementMiss[]
  /** Gold note `n` → index of the output note it is placed on. */
  matches: Map<number, number>
}

interface PreparedGold {
  note: GoldNote
  start: string
  end: string
  contexts: string[]
}

function prepare(note: GoldNote): PreparedGold {
  const contexts = [note.refContext, ...(note.extraRefContexts ?? [])].filter((context): context is string => context !== null && context !== undefined).map(normalizeGold)
  return {note, start: normalizeGold(note.noteStart), end: normalizeGold(note.noteEnd), contexts}
}

const startsAndEnds = (gold: PreparedGold, note: OutputNote) => note.texts.some((text) => text.startsWith(gold.start) && text.endsWith(gold.end))
const starts = (gold: PreparedGold, note: OutputNote) => note.texts.some((text) => text.startsWith(gold.start))
/** Every gold context is directly before some call of the note (a note without gold contexts needs none). */
const missingContext = (gold: PreparedGold, note: OutputNote) => gold.contexts.find((context) => !note.contexts.some((before) => before.endsWith(context)))

function clip(value: string, length = 40): string {
  return value.length <= length ? value : `${value.slice(0, length)}…`
}

function clipEnd(value: string, length = 40): string {
  return value.length <= length ? value : `…${value.slice(-length)}`
}

/**
 * How many gold notes are placed right: a one-to-one matching (maximum, by augmenting paths)
 * of gold notes to output notes that start with the gold start, end with the gold end and
 * have a call directly after each gold context. The misses say how far each got.
 */
export function placeNotes(goldNotes: readonly GoldNote[], notes: readonly OutputNote[]): Placement {
  const golds = goldNotes.map(prepare)
  const candidates = golds.map((gold) => notes.flatMap((note, index) => (startsAndEnds(gold, note) && missingContext(gold, note) === undefined ? [index] : [])))
  const owner = new Array<number>(notes.length).fill(-1)
  const augment = (goldIndex: number, seen: boolean[]): boolean => {
    for (const noteIndex of candidates[goldIndex] ?? []) {
      if (seen[noteIndex]) continue
      seen[noteIndex] = true
      const current = owner[noteIndex] ?? -1
      if (current < 0 || augment(current, seen)) {
        owner[noteIndex] = goldIndex
        return true
      }
    }
    return false
  }
  let placed = 0
  for (let index = 0; index < golds.length; index++) if (augment(index, new Array<boolean>(notes.length).fill(false))) placed++
  const matched = new Set(owner.filter((index) => index >= 0))
  const matches = new Map<number, number>()
  owner.forEach((goldIndex, noteIndex) => {
    if (goldIndex >= 0) matches.set(golds[goldIndex]!.note.n, noteIndex)
  })
  const misses: PlacementMiss[] = []
  golds.forEach((gold, index) => {
    if (matched.has(index)) return
    misses.push({n: gold.note.n, label: gold.note.label ?? null, reason: whyMissed(gold, notes, candidates[index] ?? [], owner, golds)})
  })
  return {placed, misses, matches}
}

function whyMissed(gold: PreparedGold, notes: readonly OutputNote[], candidates: readonly number[], owner: readonly number[], golds: readonly PreparedGold[]): string {
  if (candidates.length > 0) {
    const taken = owner[candidates[0]!] ?? -1
    return `taken: note [^${notes[candidates[0]!]!.label}] fits but matches gold n=${golds[taken]?.note.n ?? '?'}`
  }
  const starting = notes.filter((note) => starts(gold, note))
  if (starting.length === 0) return `no note starts with \`${clip(gold.start)}\``
  const ending = starting.filter((note) => startsAndEnds(gold, note))
  if (ending.length === 0) {
    const note = starting[0]!
    return `wrong end: [^${note.label}] ends \`${clipEnd(note.texts[0] ?? '')}\`, gold \`${clipEnd(gold.end)}\``
  }
  const note = ending[0]!
  const context = missingContext(gold, note) ?? ''
  const found = note.contexts.length === 0 ? 'no call' : note.contexts.map((before) => `\`${clipEnd(before)}\``).join(', ')
  return `wrong context: [^${note.label}] called after ${found}, gold \`${clipEnd(context)}\``
}

/**
 * Gold note `n` → output note index, for scoring what is inside the notes: the placement's
 * matches, then each gold note left over takes a free output note that starts with its start,
 * else one whose text holds its start (a note cut short or run into the next still carries its
 * citations). `loose` names the gold notes mapped that way.
 */
export function mapNotes(goldNotes: readonly GoldNote[], notes: readonly OutputNote[], placement: Placement): {map: Map<number, number>; loose: number[]} {
  const map = new Map(placement.matches)
  const used = new Set(map.values())
  const loose: number[] = []
  const tests = [starts, (gold: PreparedGold, note: OutputNote) => gold.start !== '' && note.texts.some((text) => text.includes(gold.start))]
  const golds = goldNotes.filter((note) => !map.has(note.n)).map(prepare)
  for (const test of tests) {
    for (const gold of golds) {
      if (map.has(gold.note.n)) continue
      const index = notes.findIndex((note, at) => !used.has(at) && test(gold, note))
      if (index < 0) continue
      map.set(gold.note.n, index)
      used.add(index)
      loose.push(gold.note.n)
    }
  }
  return {map, loose: loose.sort((a, b) => a - b)}
}
