/**
 * Note blocks as Distributed Proofreaders and Project Gutenberg write them: a bracketed anchor
 * in the text (`[1]`, ` [12]`, `[A]`, `[*]`, `*a`) and the note as a bracketed block
 * `[Footnote 1: …]` (or `[Note 1: …]`), after the paragraph, at the foot of the page or at the
 * end of a chapter, possibly several paragraphs long and holding brackets of its own.
 *
 * Numbering may restart on every page or chapter, so an anchor is paired with the nearest
 * following block of the same label; every anchor of that label since the previous such block
 * refers to it (a note cited twice). DP page separators (`-----File: 012.png---`) are kept in
 * place as removed artifacts, and a paragraph they (and the page's notes) interrupt is rejoined.
 */
import {report} from '../rules.js'
import {isBlank, paragraphPerLine, type RawLine, unindent} from '../lines.js'
import {endsSentence, isProse, joinSpans} from '../repair/join.js'
import type {Vocabulary} from '../repair/vocabulary.js'
import {readingOf, replaceInText, type Extraction, type Line, type NoteDraft, type Span} from '../spans.js'
import {enumerates, fromSuperscript, isNotesHeading} from './notes-section.js'
import {isDivisionHeading} from '../structure/heading.js'
import {pageSeparator} from '../repair/page-furniture.js'
import {dpBlockMarker} from '../repair/dp-markup.js'
import {goesOnSentence, lineKeeping, verseLines} from '../repair/verse.js'
import type {Convention, ConventionContext} from './types.js'

/** The words transcriptions open a note block with, in the languages of their editions. */
export const blockWords: readonly string[] = ['Footnote', 'Fußnote', 'Fussnote', 'Anmerkung', 'Note', 'Nota', 'Noot']
const blockWord = blockWords.flatMap((word) => [word, word.toUpperCase()]).join('|')
/**
 * `[Footnote 12:`, `[Note A:`, `[Footnote *:`, and as hands slip: a number or symbol closed by a
 * full stop (`[Footnote 12. …`) or by nothing before the note's capital (`[Footnote 12 The …`),
 * or a number glued to the word (`[Footnote12:`). One of groups 1-3 is the label; none:
 * `[Footnote:`.
 */
const openerHead = String.raw`\[(?:${blockWord})(?:\s+([^\s:\]]{1,12})\s*:|\s+([0-9]{1,4}|[*†‡§]{1,3})(?:\.(?=[ \t\r\n])|[ \t]+(?=[\p{Lu}"“‘_]))|([0-9]{1,4})\s*:|\s*:)`
const opener = new RegExp(String.raw`${openerHead}[ \t]*`, 'gu')
const openerAtStart = new RegExp(`^${openerHead}`, 'u')

/**
 * Anchors: `[12]` / `[ 12 ]` / `[A]` / `[iv]` / `[*]` / `[+]` (a dagger as plain ASCII types it), an asterisk glued to a letter or number
 * label (`*a`, `*12`) as some Gutenberg texts print them, braces (`{12}`), superscript digits
 * glued to a word (`town.¹`), or a bare reference symbol glued to a word (`years.*`, `town†`)
 * that is not the end of an asterisk emphasis (`*word*`), or DP's mark of a superscript number
 * (`town.^1`, `town.^{12}`; a superscript letter is an abbreviation's, `M^r`), or a number or
 * symbol in parentheses (`siècle (1)`, `century.(*)`) where no call is bracketed. Group 1, 2, 3,
 * 4 (superscript), 5 (symbol), 6 or 7 (DP superscript) or 8 (parentheses) is the label; only a
 * label some block has is an anchor.
 */
const anchor = /\[\s?([0-9]{1,4}[a-z]?|[A-Za-z]{1,4}|\*{1,3}|[†‡§‖¶]{1,2}|\+{1,2})\s?\](?!:)|\*([a-z]{1,2}|[0-9]{1,3})(?![\p{L}\p{N}])|\{([0-9]{1,4}|[A-Za-z]{1,2})\}|(?<=[\p{L}\p{N}.,;:!?’”"')\]])([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|(?<=[\p{L}\p{N}.,;:!?’”"')\]])(\*{1,3}|[†‡§‖¶]{1,2})(?![\p{L}\p{N}*†‡§‖¶\[])|(?<=[\p{L}.,;:!?’”"')\]])\^(?:\{([0-9]{1,3}|[*†‡§]{1,3})\}|([0-9]{1,3})(?![\p{L}\p{N}]))|(?<=[\p{L}\p{N}.,;:!?’”"')\]])\s?\(([0-9]{1,3}|\*{1,3}|[†‡§‖¶]{1,2})\)/gu

/** A line that is one bracketed sidenote or illustration caption, as transcriptions set them apart (`[Sidenote: The frost.]`). */
const transcriptionLabel = /^\[(?:Sidenote|Illustration|Marginal note)(?:[:.][^\[\]]*)?\]$/i

/** Shortest prose (in words) that can be the first half of a paragraph a note block interrupts. */
const minimumProseWords = 6

interface Block {
  /** Offset of the `[` that opens the block and just after the `]` that closes it. */
  start: number
  end: number
  /** Where the note's text starts and ends (wrapper left out). */
  contentStart: number
  contentEnd: number
  label: string
  terminated: boolean
  /** A DP continuation, `*[Footnote: …]`: the rest of the note before it, from the previous page. */
  continues?: boolean
  /** Ends with DP's `*`: its rest follows on a later page as a continuation. */
  runsOn?: boolean
  /** Printed without a label (`[Footnote: …]`). */
  unlabelled?: boolean
}

export const footnoteBlocks: Convention = {
  name: 'footnote-blocks',
  score(context) {
    const blocks = findBlocks(context.text).filter((block) => !block.continues)
    // A proofing text without note blocks is still read as one (its page separators and markup
    // are DP's), unless a convention finds any note in it.
    if (blocks.length === 0) return context.text.includes('File:') && context.text.split('\n').some((line) => pageSeparator.test(line.trim())) ? 0.5 : 0
    // Blocks without anchors still fit (notes placed where they are called): count them half.
    const {paired} = pairAnchors(context.text, blocks)
    return paired + Math.floor((blocks.length - Math.min(paired, blocks.length)) / 2) + 1
  },
  extract
}

/**
 * Every top-level note block, in order. Brackets inside a block nest; a block still open when
 * a new block opens at a line start (or the text ends) is unterminated and ends with its
 * paragraph. Linear: every character is looked at once.
 */
export function findBlocks(text: string): Block[] {
  const blocks: Block[] = []
  opener.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = opener.exec(text))) {
    const start = match.index
    const contentStart = start + match[0].length
    let depth = 1
    let index = contentStart
    let end = -1
    let cut = -1
    for (; index < text.length; index++) {
      const character = text.charCodeAt(index)
      if (character === 0x5b /* [ */) {
        // A block opening at a line start while this one is open: this one lacks its `]`.
        if (depth === 1 && isLineStart(text, index) && startsBlock(text, index)) {
          cut = index
          break
        }
        depth++
      } else if (character === 0x5d /* ] */) {
        depth--
        if (depth === 0) {
          end = index
          break
        }
      }
    }
    if (end !== -1) {
      // DP marks a note that runs on to the next page with `*` at its end and the rest as `*[Footnote: …]`.
      const printed = match[1] ?? match[2] ?? match[3]
      const continues = printed === undefined && text.charAt(start - 1) === '*'
      const contentEnd = text.charAt(end - 1) === '*' ? end - 1 : end
      const block: Block = {start: continues ? start - 1 : start, end: end + 1, contentStart, contentEnd, label: blockLabel(printed), terminated: true}
      if (printed === undefined) block.unlabelled = true
      if (continues) block.continues = true
      if (contentEnd < end) block.runsOn = true
      blocks.push(block)
      opener.lastIndex = end + 1
      continue
    }
    // Unterminated: the note ends with its first paragraph.
    const limit = cut === -1 ? text.length : cut
    const blank = text.slice(contentStart, limit).search(/\n[ \t]*\n/)
    const contentEnd = blank === -1 ? trimmedEnd(text, contentStart, limit) : contentStart + blank
    const printed = match[1] ?? match[2] ?? match[3]
    blocks.push({start, end: contentEnd, contentStart, contentEnd, label: blockLabel(printed), terminated: false, ...(printed === undefined ? {unlabelled: true} : {})})
    opener.lastIndex = Math.max(contentEnd, contentStart)
  }
  return blocks
}

/** A block without a label (`[Footnote: …]`) is called by `[*]`, as one labelled `*` is; a superscript label (`[Footnote ¹: …]`) reads as its digits. */
function blockLabel(printed: string | undefined): string {
  if (printed !== undefined && /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u.test(printed)) return fromSuperscript(printed)
  return printed === undefined || printed === '' ? '*' : printed
}

function isLineStart(text: string, index: number): boolean {
  let before = index - 1
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--
  return before < 0 || text[before] === '\n'
}

function startsBlock(text: string, index: number): boolean {
  return openerAtStart.test(text.slice(index, index + 40))
}

function trimmedEnd(text: string, from: number, to: number): number {
  let end = to
  while (end > from && /\s/.test(text.charAt(end - 1))) end--
  return end
}

/** Whether the asterisk at `index` closes an emphasis opened on its line (`*word*`), not a call. */
function closesEmphasis(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1
  const open = text.lastIndexOf('*', index - 1)
  return open >= lineStart && /[^\s*]/.test(text.charAt(open + 1)) && text.charAt(index) === '*'
}

interface Anchor {
  offset: number
  raw: string
  label: string
  /** In parentheses (`(1)`). */
  parenthesised?: boolean
}

/**
 * Anchors in the text outside the blocks, each paired with the block it calls: the nearest
 * following block of the same label. `byBlock[i]` lists the anchors of block i.
 */
function pairAnchors(text: string, blocks: readonly Block[]): {byBlock: Anchor[][]; unpaired: Anchor[]; paired: number} {
  const labels = new Set(blocks.map((block) => block.label))
  // A bare symbol (`years.*`) calls only a block printed with that symbol, not an unlabelled one.
  const printedLabels = new Set(blocks.filter((block) => !block.unlabelled).map((block) => block.label))
  // Every anchor of a label some block has, in one pass over the text (blocks' insides left out below).
  let candidates: Anchor[] = []
  anchor.lastIndex = 0
  for (let match = anchor.exec(text); match; match = anchor.exec(text)) {
    const label = match[4] === undefined ? (match[1] ?? match[2] ?? match[3] ?? match[5] ?? match[6] ?? match[7] ?? match[8] ?? '') : fromSuperscript(match[4])
    if (!labels.has(label) || (match[5] !== undefined && (!printedLabels.has(label) || closesEmphasis(text, match.index)))) continue
    if (match[8] !== undefined && enumerates(text, match.index)) continue
    candidates.push(match[8] === undefined ? {offset: match.index, raw: match[0], label} : {offset: match.index, raw: match[0], label, parenthesised: true})
  }
  // Numbers in parentheses call notes only in a text whose calls are not bracketed: elsewhere they count items.
  if (candidates.some((found) => found.parenthesised) && candidates.some((found) => !found.parenthesised && found.raw.startsWith('['))) {
    candidates = candidates.filter((found) => !found.parenthesised)
  }
  const waiting = new Map<string, Anchor[]>()
  const byBlock: Anchor[][] = blocks.map(() => [])
  let paired = 0
  let next = 0
  let previousEnd = 0
  const wait = (found: Anchor) => {
    const list = waiting.get(found.label)
    if (list) list.push(found)
    else waiting.set(found.label, [found])
  }
  /** Anchors planned for the blocks of a run that numbers afresh (see `restartingRun`). */
  let planned = new Map<number, Anchor[]>()
  for (const [index, block] of blocks.entries()) {
    const runStart = next
    for (; next < candidates.length && (candidates[next] as Anchor).offset < block.start; next++) {
      const found = candidates[next] as Anchor
      if (found.offset >= previousEnd && found.offset + found.raw.length <= block.start) wait(found)
    }
    // A block that no call parts from the block before goes on its run; a new run may restart its numbering.
    if (index === 0 || candidates.slice(runStart, next).some((found) => found.offset >= previousEnd)) planned = restartingRun(blocks, index, candidates, next, waiting)
    // Anchors inside the block are its own text, not calls.
    while (next < candidates.length && (candidates[next] as Anchor).offset < block.end) next++
    previousEnd = block.end
    const plan = planned.get(index)
    if (plan) {
      byBlock[index] = plan
      paired++
      continue
    }
    const list = waiting.get(block.label)
    if (list && list.length > 0) {
      byBlock[index] = list
      paired++
      waiting.delete(block.label)
    }
  }
  for (; next < candidates.length; next++) {
    const found = candidates[next] as Anchor
    if (found.offset >= previousEnd) wait(found)
  }
  const unpaired = [...waiting.values()].flat()
  return {byBlock, unpaired, paired}
}

/**
 * Calls inside a note of a block nothing else calls (a note on a note: `[Footnote 1: … act.[3]]`
 * then `[Footnote 3: …]`): the nearest earlier block holding an anchor of its label calls it.
 * Such blocks are entered in `byBlock` as called; the calls, by the index of the block they
 * stand in.
 */
function callsInNotes(text: string, blocks: readonly Block[], byBlock: Anchor[][], unique: readonly string[]): Map<number, Anchor[]> {
  const out = new Map<number, Anchor[]>()
  blocks.forEach((block, index) => {
    if ((byBlock[index] ?? []).length > 0 || /^\*+$/.test(block.label)) return
    for (let holder = index - 1; holder >= Math.max(0, index - nestedReach); holder--) {
      const outer = blocks[holder] as Block
      const found = anchorsIn(text, outer.contentStart, outer.contentEnd).find((candidate) => candidate.label === block.label)
      if (!found) continue
      const call = {...found, label: unique[index] ?? block.label}
      byBlock[index] = [call]
      const list = out.get(holder)
      if (list) list.push(call)
      else out.set(holder, [call])
      return
    }
  })
  return out
}

/** How many blocks back a note on a note is looked for: it stands close to the note that calls it (and the search stays linear). */
const nestedReach = 12

/** The bracketed anchors (`[3]`) between two offsets. */
function anchorsIn(text: string, from: number, to: number): Anchor[] {
  const out: Anchor[] = []
  for (const match of text.slice(from, to).matchAll(/\[([0-9]{1,4}[a-z]?|[A-Za-z]{1,2}|\*{1,3}|[†‡§]{1,2})\]/g)) out.push({offset: from + match.index, raw: match[0], label: match[1] ?? ''})
  return out
}

/** A note's paragraph with the calls inside it made references. */
function withCalls(spans: Span[], calls: readonly Anchor[]): Span[] {
  const out: Span[] = []
  for (const span of spans) {
    if (span.type !== 'text' || span.offset === undefined) {
      out.push(span)
      continue
    }
    let value = span.value
    let offset = span.offset
    for (const call of calls) {
      const at: number = call.offset - offset
      if (at < 0 || !value.startsWith(call.raw, at)) continue
      if (at > 0) out.push({type: 'text', value: value.slice(0, at), offset})
      out.push({type: 'ref', label: call.label, raw: call.raw, offset: call.offset})
      value = value.slice(at + call.raw.length)
      offset = call.offset + call.raw.length
    }
    if (value !== '') out.push({type: 'text', value, offset})
  }
  return out
}

/**
 * Calls left after the last block of their label: that block, when nothing before it calls it,
 * is the note they call (a note set down before its call). The calls still left over.
 */
function lateCalls(blocks: readonly Block[], byBlock: Anchor[][], unpaired: readonly Anchor[]): Anchor[] {
  const lastOf = new Map<string, number>()
  blocks.forEach((block, index) => lastOf.set(block.label, index))
  const left: Anchor[] = []
  for (const found of unpaired) {
    const index = lastOf.get(found.label)
    const block = index === undefined ? undefined : blocks[index]
    const list = index === undefined ? undefined : byBlock[index]
    if (block && list && list.every((earlier) => earlier.offset >= block.end)) list.push(found)
    else left.push(found)
  }
  return left
}

/** Numbered calls `[12]` in the text (not inside a block) whose number no block has, within the run of the blocks' numbers. */
function strayCalls(text: string, blocks: readonly Block[]): Anchor[] {
  const numbers = blocks.map((block) => Number(block.label)).filter((number) => Number.isInteger(number))
  if (numbers.length === 0) return []
  const labels = new Set(blocks.map((block) => block.label))
  const highest = Math.max(...numbers) + strayReach
  const out: Anchor[] = []
  let blockIndex = 0
  for (const match of text.matchAll(/\[([1-9][0-9]{0,3})\]/g)) {
    const offset = match.index
    while (blockIndex < blocks.length && (blocks[blockIndex] as Block).end <= offset) blockIndex++
    const within = blocks[blockIndex]
    if (within && within.start <= offset) continue
    const label = match[1] ?? ''
    // A number opening its line is a list's item, not a call.
    if (labels.has(label) || Number(label) > highest || isLineStart(text, offset)) continue
    out.push({offset, raw: match[0], label})
  }
  return out
}

/** How far past the highest note number a numbered call without a note is still taken for a lost note's call. */
const strayReach = 5

/** Whether an offset is on a line of the text proper (not one of the frame or page furniture left blank). */
function visibleAt(lines: readonly RawLine[]): (offset: number) => boolean {
  return (offset) => {
    let low = 0
    let high = lines.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((lines[middle] as RawLine).offset <= offset) low = middle
      else high = middle - 1
    }
    return !isBlank(lines[low] ?? {text: '', offset: 0})
  }
}

/**
 * Blocks gathered in one run (no call between them: the end of a chapter or of the book) whose
 * labels start again (`1 2 1 2`, each chapter's notes numbered afresh): the anchors waiting
 * for them, in order, parted where the first label comes again, one part to each restart.
 * Each block takes the anchors of its label in its part; the plan is empty (the nearest
 * following block rule holds) unless the anchors part as the blocks do. Planned anchors leave
 * `waiting`.
 */
function restartingRun(blocks: readonly Block[], from: number, candidates: readonly Anchor[], next: number, waiting: Map<string, Anchor[]>): Map<number, Anchor[]> {
  const plan = new Map<number, Anchor[]>()
  const first = blocks[from]?.label
  let end = from + 1
  let at = next
  for (; end < blocks.length; end++) {
    const previous = blocks[end - 1] as Block
    const block = blocks[end] as Block
    while (at < candidates.length && (candidates[at] as Anchor).offset < previous.end) at++
    if (at < candidates.length && (candidates[at] as Anchor).offset < block.start) break
  }
  const starts = [from]
  for (let index = from + 1; index < end; index++) if ((blocks[index] as Block).label === first) starts.push(index)
  if (starts.length < 2) return plan
  const anchors = [...waiting.values()].flat().sort((a, b) => a.offset - b.offset)
  const cuts = [0]
  anchors.forEach((found, index) => {
    if (index > 0 && found.label === first) cuts.push(index)
  })
  if (cuts.length !== starts.length) return plan
  starts.forEach((start, part) => {
    const group = anchors.slice(cuts[part], cuts[part + 1] ?? anchors.length)
    const stop = starts[part + 1] ?? end
    for (let index = start; index < stop; index++) {
      const label = (blocks[index] as Block).label
      const own = group.filter((found) => found.label === label)
      if (own.length > 0) plan.set(index, own)
    }
  })
  const taken = new Set([...plan.values()].flat())
  for (const [label, list] of waiting) {
    const left = list.filter((found) => !taken.has(found))
    if (left.length > 0) waiting.set(label, left)
    else waiting.delete(label)
  }
  return plan
}

function extract(context: ConventionContext): Extraction {
  const {text, file, locate} = context
  const all = findBlocks(text)
  const blocks = all.filter((block) => !block.continues)
  const paired = pairAnchors(text, blocks)
  const {byBlock} = paired
  const unpaired = lateCalls(blocks, byBlock, paired.unpaired)

  // Labels as the Markdown names the notes: the printed label, made unique where it repeats.
  const seen = new Map<string, number>()
  const labels = blocks.map((block) => {
    const printed = /^\*+$/.test(block.label) ? '*' : block.label
    const count = (seen.get(printed) ?? 0) + 1
    seen.set(printed, count)
    return {printed, count}
  })
  const repeated = new Set([...seen].filter(([, count]) => count > 1).map(([printed]) => printed))
  const unique = labels.map(({printed, count}) => {
    const base = printed === '*' ? 'star' : printed
    return repeated.has(printed) || printed === '*' ? `${base}-${count}` : base
  })

  const nested = callsInNotes(text, blocks, byBlock, unique)
  const verse = verseLines(context.lines, true, openerAtStart)
  const notes: NoteDraft[] = blocks.map((block, index) => {
    if (!block.terminated) report(file, 'unterminated-note', `Unexpected end of note \`${text.slice(block.start, block.contentStart).trim()}\` without its closing \`]\`, expected \`]\`; the note ends with its paragraph`, locate(block.start))
    const paragraphs = noteParagraphs(text, block, context, verse)
    const inner = nested.get(index)
    return {label: unique[index] ?? block.label, offset: block.start, paragraphs: inner ? paragraphs.map((spans) => withCalls(spans, inner)) : paragraphs}
  })
  // A continuation joins the note before it that ends with DP's `*` (else the note just before
  // it): its first paragraph goes on with the note's last.
  const byStart = new Map(blocks.map((block, index) => [block.start, notes[index]]))
  let previous: NoteDraft | undefined
  let runningOn: NoteDraft | undefined
  for (const block of all) {
    if (!block.continues) {
      previous = byStart.get(block.start)
      if (block.runsOn) runningOn = previous
      continue
    }
    if (runningOn) {
      previous = runningOn
      runningOn = undefined
    }
    if (!previous) continue
    const [first, ...rest] = noteParagraphs(text, block, context, verse)
    const last = previous.paragraphs[previous.paragraphs.length - 1]
    if (first && last) joinSpans(last, first, context.vocabulary)
    else if (first) previous.paragraphs.push(first)
    previous.paragraphs.push(...rest)
    report(file, 'note-continuation', `Unexpected note text \`*[Footnote: …]\` on a later page, expected it to continue note ${previous.label}; merged`, locate(block.start))
    // A note may run on over several pages.
    if (block.runsOn) runningOn = previous
  }

  // Anchor offset → the note's unique label.
  const calls = new Map<number, {anchor: Anchor; label: string}>()
  byBlock.forEach((anchors, index) => {
    for (const found of anchors) calls.set(found.offset, {anchor: found, label: unique[index] ?? ''})
  })
  // A block that nothing calls is called where it stands (notes printed at the point of reference).
  const inline = new Map<number, string>()
  byBlock.forEach((anchors, index) => {
    const block = blocks[index]
    if (anchors.length === 0 && block) inline.set(block.start, unique[index] ?? '')
  })
  blocks.forEach((block, index) => {
    // A labelled block set apart on its own lines needs a call; one run into the sentence is its own call.
    if ((byBlock[index] ?? []).length === 0 && !/^\*+$/.test(block.label) && isLineStart(text, block.start)) {
      report(file, 'note-without-reference', `Unexpected note \`[Footnote ${block.label}: …]\` without a call \`[${block.label}]\` in the text, expected a call before it; placed where it stands`, locate(block.start))
    }
  })
  const visible = visibleAt(context.lines)
  for (const found of unpaired) {
    if (!visible(found.offset)) continue
    report(file, 'reference-without-note', `Unexpected reference \`${found.raw}\` after the last note block \`[Footnote ${found.label}: …]\`, expected a note block after it; kept as text`, locate(found.offset))
  }
  for (const found of strayCalls(text, blocks)) {
    if (!visible(found.offset)) continue
    report(file, 'reference-without-note', `Unexpected reference \`${found.raw}\` without a note block \`[Footnote ${found.label}: …]\`, expected one after it; kept as text`, locate(found.offset))
  }

  return {lines: bodyLines(context, all, calls, inline, notesHeadings(context, all)), notes, paragraphPerLine: paragraphPerLine(context.lines), witness: withoutWrapperWords(text, all)}
}

/** The text with each block's keyword (`Footnote`, `Note`) blanked: the note's label and text stay. */
function withoutWrapperWords(text: string, blocks: readonly Block[]): string {
  const parts: string[] = []
  let last = 0
  for (const block of blocks) {
    const open = block.continues ? block.start + 1 : block.start
    const head = text.slice(open + 1, open + 1 + 24).toLowerCase()
    const keyword = blockWords.find((word) => head.startsWith(word.toLowerCase())) ?? ''
    parts.push(text.slice(last, open + 1), ' '.repeat(keyword.length))
    last = open + 1 + keyword.length
  }
  parts.push(text.slice(last))
  return parts.join('')
}

/**
 * The paragraphs of a note block: blank lines part them; lines join with a space (or a mended
 * hyphen). Verse the note quotes keeps its lines, as in the body: lines set in from the margin
 * (`verse`, every line of each run) and the lines between DP's `/*` and `*\/`, whose marker
 * lines go to the apparatus and part paragraphs.
 */
function noteParagraphs(text: string, block: Block, context: ConventionContext, verse: ReadonlySet<number>): Span[][] {
  const paragraphs: Span[][] = []
  let current: Span[] | undefined
  let offset = block.contentStart
  const keeping = lineKeeping()
  while (offset <= block.contentEnd) {
    let lineEnd = text.indexOf('\n', offset)
    if (lineEnd === -1 || lineEnd > block.contentEnd) lineEnd = block.contentEnd
    const raw = unindent({text: text.slice(offset, lineEnd).replace(/\r$/, ''), offset})
    const value = raw.text.trimEnd()
    const indentedVerse = offset > block.contentStart && verse.has(offset)
    const ownLine = keeping.own(indentedVerse, () => current !== undefined && goesOnSentence(readingOf(current)))
    if (raw.text.trim() === '') current = undefined
    else if (pageSeparator.test(raw.text)) {
      const removed: Span = {type: 'removed', value: raw.text.trimEnd(), rule: 'page-separator', offset: raw.offset}
      if (current) current.push({type: 'text', value: ' '}, removed)
      else {
        current = [removed]
        paragraphs.push(current)
      }
    } else if (offset > block.contentStart && dpBlockMarker.test(value)) {
      paragraphs.push([{type: 'removed', value, rule: 'dp-markup', offset: raw.offset}])
      current = undefined
      keeping.marker(value)
    } else {
      const spans: Span[] = [{type: 'text', value, offset: raw.offset}]
      if (current && keeping.breaksBefore(ownLine)) current.push({type: 'break'}, ...spans)
      else if (current) joinSpans(current, spans, context.vocabulary)
      else {
        current = spans
        paragraphs.push(current)
      }
    }
    keeping.done(ownLine && current !== undefined)
    if (lineEnd >= block.contentEnd) break
    offset = lineEnd + 1
  }
  return paragraphs
}

/**
 * The text with the blocks cut out, as lines: anchors become references, page separators stay
 * as removed artifacts at the point of the break, and a paragraph that a page break or a run
 * of note blocks interrupts mid-sentence is rejoined.
 */
/** Offsets of lines that head the notes (`FOOTNOTES:`, `Notes`): the next thing after them, blank lines aside, is a block. */
function notesHeadings(context: ConventionContext, blocks: readonly Block[]): Set<number> {
  const starts = new Set(blocks.map((block) => (block.continues ? block.start + 1 : block.start)))
  const out = new Set<number>()
  /** The notes heading and the subheads after it (`CHAPTER II.`) not yet followed by a block. */
  let pending: number[] = []
  /** Under a notes heading that blocks followed: subheads between its blocks part them by chapter. */
  let inSection = false
  let blockIndex = 0
  for (const line of context.lines) {
    if (isBlank(line)) continue
    // The lines a block runs on over are its own.
    while (blockIndex < blocks.length && (blocks[blockIndex] as Block).end <= line.offset) blockIndex++
    const within = blocks[blockIndex]
    if (within && within.start < line.offset) continue
    const text = unindent(line)
    if (starts.has(text.offset)) {
      // What waits is a notes heading and its subheads, or (in the section) subheads alone.
      if (pending.length > 0) {
        for (const offset of pending) out.add(offset)
        inSection = true
      }
      pending = []
      continue
    }
    if (isNotesHeading(text.text)) {
      pending = [line.offset]
      inSection = false
    } else if (pending.length > 0 || inSection) {
      if (isDivisionHeading(text.text)) pending.push(line.offset)
      else {
        pending = []
        inSection = false
      }
    }
  }
  return out
}

function bodyLines(context: ConventionContext, blocks: readonly Block[], calls: Map<number, {anchor: Anchor; label: string}>, inline: Map<number, string>, headings: Set<number>): Line[] {
  const {text, vocabulary} = context
  const lines: Line[] = []
  let blockIndex = 0
  let blankBefore = true
  /** Something stood between the last body line and this one: notes or a page break. */
  let interrupted = false
  let separator: Span[] = []
  let separatorThenBlank = false

  // Inside DP's `/*` … `*/`: the lines are kept as printed.
  let unwrapped = false
  const verse = verseLines(context.lines, false, openerAtStart)
  /** Sidenotes and illustrations that stand inside a paragraph a page break cut: set after it once it ends. */
  let deferred: Line[] = []

  const push = (spans: Span[], offset: number) => {
    const previous = lines[lines.length - 1]
    const reading = readingOf(spans).trimStart()
    if (previous && interrupted && continues(previous, reading, separator.length > 0 && !separatorThenBlank)) {
      joinAcrossPage(previous.spans, separator, spans, vocabulary)
    } else {
      const opens = blankBefore || interrupted || (separator.length > 0 && !previous)
      // A line of the same paragraph goes on with it; a new paragraph comes after what was set aside.
      if (opens) {
        lines.push(...deferred)
        deferred = []
      }
      if (separator.length > 0) {
        // A page break between paragraphs stays where it was: at the end of the last one, or alone before the text.
        if (previous) previous.spans.push({type: 'text', value: ' '}, ...separator)
        else lines.push({spans: separator, offset, blankBefore: true})
      }
      lines.push({spans: dpHyphens(spans, vocabulary), offset, blankBefore: opens})
    }
    separator = []
    separatorThenBlank = false
    interrupted = false
    blankBefore = false
  }

  for (const raw of context.lines) {
    const lineStart = raw.offset
    const lineEnd = raw.offset + raw.text.length
    while (blockIndex < blocks.length && (blocks[blockIndex] as Block).end <= lineStart) blockIndex++
    // The line's text outside every block; a block nothing calls leaves a call where it stood.
    const spans: Span[] = []
    let from = lineStart
    let covered = false
    let trailingBlock = false
    for (let index = blockIndex; index < blocks.length; index++) {
      const block = blocks[index] as Block
      if (block.start >= lineEnd) break
      if (block.start > from) spans.push(...withAnchors(text.slice(from, block.start), from, calls))
      // A block run into its sentence over lines (text before it and after it) interrupts nothing.
      if (!runIn(text, block)) {
        if (spans.length === 0 || readingOf(spans).trim() === '') interrupted = true
        else trailingBlock = true
      }
      const label = inline.get(block.start)
      if (label !== undefined && block.start >= lineStart) {
        // The call takes the place of the note: after the word, as a printed mark stands.
        trimEnd(spans)
        spans.push({type: 'ref', label, raw: '', offset: block.start})
      }
      covered = true
      if (block.end >= lineEnd) {
        from = lineEnd
        break
      }
      from = block.end
      trailingBlock = false
    }
    if (from < lineEnd) {
      spans.push(...withAnchors(text.slice(from, lineEnd).replace(/\r$/, ''), from, calls))
      trailingBlock = false
    }
    const reading = readingOf(spans)
    const last = lines[lines.length - 1]
    if (reading.trim() === '' && last && separator.length === 0 && spans.length > 0 && spans.every((span) => span.type === 'ref' || (span.type === 'text' && span.value.trim() === ''))) {
      // A block nothing calls, alone on its lines: called at the end of the text before it, which a page break may continue.
      trimEnd(last.spans)
      last.spans.push(...spans.filter((span) => span.type === 'ref'))
      interrupted = true
      continue
    }
    if (reading.trim() === '' && !spans.some((span) => span.type === 'ref')) {
      if (!covered && isBlank(raw)) {
        blankBefore = true
        if (separator.length > 0) separatorThenBlank = true
      }
      continue
    }
    const trimmed = trimLine(spans)
    const only = trimmed[0]
    if (headings.has(raw.offset) && only?.type === 'text') {
      lines.push({spans: [{type: 'removed', value: only.value, rule: 'notes-heading', offset: only.offset}], offset: raw.offset, blankBefore: true})
      blankBefore = true
      interrupted = false
      continue
    }
    if (trimmed.length === 1 && only?.type === 'text' && dpBlockMarker.test(only.value)) {
      // A DP block marker (`/#` … `#/` around a quotation, `/*` … `*/` around verse, `<tb>` between scenes) stands alone and parts paragraphs.
      lines.push({spans: [{type: 'removed', value: only.value, rule: 'dp-markup', offset: only.offset}], offset: raw.offset, blankBefore: true})
      blankBefore = true
      interrupted = false
      // Between `/*` and `*/` lines are kept as printed (verse, tables, letters' addresses).
      if (only.value === '/*') unwrapped = true
      else if (only.value === '*/') unwrapped = false
      continue
    }
    if ((unwrapped || verse.has(raw.offset)) && !blankBefore && !interrupted && lines.length > 0) {
      lines.push({spans: [{type: 'break'}, ...dpHyphens(trimmed, vocabulary)], offset: raw.offset, blankBefore: false})
      continue
    }
    if (trimmed.length === 1 && only?.type === 'text' && separator.length === 0 && transcriptionLabel.test(only.value) && last && !endsSentence(readingOf(last.spans))) {
      // `[Sidenote: …]`, `[Illustration: …]` set between the halves of a paragraph: the paragraph may go on after it.
      deferred.push({spans: trimmed, offset: raw.offset, blankBefore: true})
      interrupted = true
      continue
    }
    if (trimmed.length === 1 && only?.type === 'text' && pageSeparator.test(only.value)) {
      separator.push({type: 'removed', value: only.value, rule: 'page-separator', offset: only.offset})
      interrupted = true
      continue
    }
    push(trimmed, raw.offset)
    interrupted = trailingBlock
  }
  if (separator.length > 0) {
    const previous = lines[lines.length - 1]
    if (previous) previous.spans.push({type: 'text', value: ' '}, ...separator)
  }
  lines.push(...deferred)
  return lines
}

/** A block set in its sentence (`merchant.[Footnote 1: …] Its priest`) over several lines: text before it on its first line and after it on its last. */
function runIn(text: string, block: Block): boolean {
  if (!block.terminated) return false
  const lineStart = text.lastIndexOf('\n', block.start - 1) + 1
  const lineEnd = text.indexOf('\n', block.end)
  return lineEnd > block.end && text.slice(lineStart, block.start).trim() !== '' && text.slice(block.end, lineEnd).trim() !== '' && text.slice(block.start, block.end).includes('\n')
}

/** Whether the next line continues the paragraph of `previous` across what interrupted it. */
function continues(previous: Line, reading: string, pageBroken: boolean): boolean {
  const before = readingOf(previous.spans)
  if (reading === '') return false
  // DP pages start a new paragraph with a blank line; without one the page continues the text.
  if (pageBroken) return true
  if (endsSentence(before) || !isProse(before, minimumProseWords)) return false
  return /^[\p{Ll}]/u.test(reading)
}

/**
 * Join a line onto the paragraph it continues, with the page separator between them kept in
 * place. A DP page hyphen (`water-*` / `*courses`) is mended as any line-end hyphen, with the
 * separator before the broken word.
 */
function joinAcrossPage(before: Span[], separator: readonly Span[], after: Span[], vocabulary: Vocabulary): void {
  const next = dpHyphens(after, vocabulary)
  const last = before[before.length - 1]
  const first = next[0]
  const hyphen = last?.type === 'text' ? /(\p{L}+-)\*\s*$/u.exec(last.value) : null
  if (last?.type === 'text' && hyphen && first?.type === 'text' && first.value.startsWith('*')) {
    before.pop()
    const head = last.value.slice(0, hyphen.index)
    if (head !== '') before.push({type: 'text', value: head, offset: last.offset})
    before.push(...separator, {type: 'text', value: hyphen[1] ?? '', offset: last.offset === undefined ? undefined : last.offset + hyphen.index})
    next[0] = {type: 'text', value: first.value.slice(1), offset: first.offset === undefined ? undefined : first.offset + 1}
    joinSpans(before, next, vocabulary)
    return
  }
  if (separator.length > 0) {
    trimEnd(before)
    before.push({type: 'text', value: ' '}, ...separator)
  }
  joinSpans(before, next, vocabulary)
}

/** A DP proofer's uncertain hyphen inside a line (`man-*hood`): closed up where the closed word is attested. */
function dpHyphens(spans: Span[], vocabulary: Vocabulary): Span[] {
  if (!spans.some((span) => span.type === 'text' && span.value.includes('-*'))) return spans
  return replaceInText(spans, /(\p{L}+)-\*(\p{L}+)/gu, (match, offset) => {
    const left = match[1] ?? ''
    const right = match[2] ?? ''
    const closed = vocabulary.count((left + right).toLowerCase()) > 0
    return [{type: 'emend', corrected: closed ? left + right : `${left}-${right}`, orig: match[0], rule: 'dp-hyphen', offset}]
  })
}

/** Split a piece of body text at its anchors. */
function withAnchors(value: string, offset: number, calls: Map<number, {anchor: Anchor; label: string}>): Span[] {
  const out: Span[] = []
  let last = 0
  anchor.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = anchor.exec(value))) {
    const call = calls.get(offset + match.index)
    if (!call) continue
    if (match.index > last) out.push({type: 'text', value: value.slice(last, match.index), offset: offset + last})
    out.push({type: 'ref', label: call.label, raw: match[0], offset: offset + match.index})
    last = match.index + match[0].length
  }
  if (last < value.length) out.push({type: 'text', value: value.slice(last), offset: offset + last})
  return out
}

/** Leading and trailing white space of a line left out (indentation is not content). */
function trimLine(spans: Span[]): Span[] {
  const out = [...spans]
  const first = out[0]
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s+/, '')
    const offset = first.offset === undefined ? undefined : first.offset + first.value.length - value.length
    if (value === '') out.shift()
    else out[0] = {type: 'text', value, offset}
  }
  trimEnd(out)
  return out
}

function trimEnd(spans: Span[]): void {
  const last = spans[spans.length - 1]
  if (last?.type !== 'text') return
  const value = last.value.trimEnd()
  if (value === '') spans.pop()
  else spans[spans.length - 1] = {type: 'text', value, offset: last.offset}
}
