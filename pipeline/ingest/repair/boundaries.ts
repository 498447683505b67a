/**
 * Editorial note boundaries from the sidecar (`overrides.notes`): a note that ends early (its
 * rest, or a stretch of it, is body text), a note split in two, two notes merged. Applied to
 * the extraction before any repair, so passages match the source as printed. Text is moved,
 * never dropped, and each change leaves a `boundary` span with its reason for the apparatus.
 */
import type {VFile} from 'vfile'
import {report} from '../rules.js'
import type {NoteOverride} from '../../shared/types/document.js'
import type {Locate} from '../location.js'
import {readingOf, textSpan, type BoundaryChange, type Extraction, type Line, type NoteDraft, type Span} from '../spans.js'
import {endsSentence, joinSpans} from './join.js'
import type {Vocabulary} from './vocabulary.js'

export interface BoundaryContext {
  text: string
  file: VFile
  locate: Locate
  vocabulary: Vocabulary
}

/** A place in a run: before character `at` of span `span`. */
interface Cut {
  span: number
  at: number
}

/** Apply the overrides in order; an override that matches nothing is reported and skipped. */
export function applyNoteOverrides(extraction: Extraction, overrides: readonly NoteOverride[], context: BoundaryContext): void {
  for (const override of overrides) {
    const index = extraction.notes.findIndex((note) => note.label === override.note)
    const note = extraction.notes[index]
    if (!note) {
      report(context.file, 'note-override-not-found', `Unexpected override of note ${override.note}, expected the number of a note of the source`)
      continue
    }
    const problem = override.end !== undefined
      ? end(extraction, note, override.end, override, context)
      : override.split !== undefined
        ? split(extraction, index, override.split, override)
        : merge(extraction, index, override, context)
    if (problem) report(context.file, 'note-override-not-found', `Unexpected ${problem}, expected ${override.mergeWith === undefined ? 'an exact passage of one paragraph of the note' : 'a later note with that number'}`, context.locate(note.offset))
  }
}

function boundary(change: BoundaryChange, note: string, override: NoteOverride): Span {
  return {type: 'boundary', change, note, reason: override.reason}
}

/** The note ends after `passage`; the rest (up to `resume`) goes back to the body. */
function end(extraction: Extraction, note: NoteDraft, passage: string, override: NoteOverride, context: BoundaryContext): string | undefined {
  const hit = findIn(note.paragraphs, passage)
  if (!hit) return `end \`${passage}\` that is not in note ${note.label}`
  const [kept, rest] = cutRun(note.paragraphs[hit.paragraph] ?? [], hit.end)
  let moved = [rest, ...note.paragraphs.slice(hit.paragraph + 1)]
  let resumed: Span[][] = []
  let sameParagraph = false
  if (override.resume !== undefined) {
    const again = findIn(moved, override.resume)
    if (!again) return `resume \`${override.resume}\` that is not in note ${note.label} after its end`
    const [between, from] = cutRun(moved[again.paragraph] ?? [], again.start)
    resumed = [from, ...moved.slice(again.paragraph + 1)]
    moved = [...moved.slice(0, again.paragraph), between]
    sameParagraph = again.paragraph === 0
  }
  moved = moved.filter(hasText)
  if (moved.length === 0) return `end \`${passage}\` with nothing after it in note ${note.label}`
  const last: Span[] = [...kept, boundary('to-body', note.label, override)]
  const [first, ...others] = resumed
  note.paragraphs = sameParagraph && first
    ? [...note.paragraphs.slice(0, hit.paragraph), [...last, {type: 'text', value: ' '}, ...first], ...others]
    : [...note.paragraphs.slice(0, hit.paragraph), last, ...resumed.filter(hasText)]
  toBody(extraction.lines, moved, note, boundary('from-note', note.label, override), context)
  return undefined
}

/**
 * Put runs taken out of a note into the body at their place in the source, inside the body
 * line that spans it when a page join ran over that place. The first run joins the text before
 * it when that stops mid-sentence and the run goes on in lower case; the text after it joins
 * the last run unless that ends a sentence.
 */
function toBody(lines: Line[], runs: Span[][], note: NoteDraft, marker: Span, context: BoundaryContext): void {
  const [first, ...rest] = runs
  if (!first) return
  const offset = offsetOf(first) ?? note.offset
  let position = lines.findIndex((line) => line.offset > offset)
  if (position === -1) position = lines.length
  const host = lines[position - 1]
  let tail: Span[] = []
  if (host) {
    const cut = host.spans.findIndex((span) => (spanOffset(span) ?? -1) > offset)
    if (cut > 0) {
      tail = trimStart(host.spans.slice(cut))
      host.spans = trimEnd(host.spans.slice(0, cut))
    }
  }
  const added: Line[] = []
  if (host && !endsSentence(readingOf(host.spans)) && /^[\p{Ll}\p{N}]/u.test(readingOf(first).trimStart())) {
    joinSpans(host.spans, first, context.vocabulary)
    // After the join, which may have mended a word broken at the page bottom.
    const at = host.spans.findIndex((span) => (spanOffset(span) ?? -1) >= offset)
    host.spans.splice(at === -1 ? host.spans.length : at, 0, marker)
  } else {
    added.push({spans: [marker, ...first], offset, blankBefore: true})
  }
  for (const run of rest) added.push({spans: run, offset: offsetOf(run) ?? offset, blankBefore: true})
  const last = added[added.length - 1]?.spans ?? host?.spans
  if (hasText(tail) && last && !endsSentence(readingOf(last))) joinSpans(last, tail, context.vocabulary)
  else if (hasText(tail)) added.push({spans: tail, offset: spanOffset(tail[0]) ?? offset, blankBefore: true})
  const next = lines[position]
  // What followed the host line is its own paragraph now that the moved text ends there.
  if (next && added.length > 0 && !hasText(tail)) next.blankBefore = true
  lines.splice(position, 0, ...added)
}

/** A new note starts at `passage`, numbered `label` (default: the next number). */
function split(extraction: Extraction, index: number, passage: string, override: NoteOverride): string | undefined {
  const note = extraction.notes[index] as NoteDraft
  const hit = findIn(note.paragraphs, passage)
  if (!hit) return `split \`${passage}\` that is not in note ${note.label}`
  const [kept, from] = cutRun(note.paragraphs[hit.paragraph] ?? [], hit.start)
  const before = note.paragraphs.slice(0, hit.paragraph)
  if (hit.paragraph === 0 && !hasText(kept)) return `split \`${passage}\` at the start of note ${note.label}`
  const number = Number(note.label)
  const label = override.label ?? (Number.isInteger(number) ? String(number + 1) : `${note.label}-2`)
  const created: NoteDraft = {
    label,
    offset: offsetOf(from) ?? note.offset,
    paragraphs: [[boundary('split', note.label, override), ...from], ...note.paragraphs.slice(hit.paragraph + 1)]
  }
  note.paragraphs = hasText(kept) ? [...before, kept] : before
  extraction.notes.splice(index + 1, 0, created)
  return undefined
}

/** The next note numbered `mergeWith` continues this one; its printed number is kept. */
function merge(extraction: Extraction, index: number, override: NoteOverride, context: BoundaryContext): string | undefined {
  const note = extraction.notes[index] as NoteDraft
  const target = extraction.notes.findIndex((other, position) => position > index && other.label === override.mergeWith)
  const merged = extraction.notes[target]
  if (!merged) return `merge of note ${override.mergeWith} into note ${note.label}: no note ${override.mergeWith} follows it`
  const [head = [], ...rest] = merged.paragraphs
  const contentStart = offsetOf(head)
  const printed = (contentStart === undefined ? /^\S*/.exec(context.text.slice(merged.offset))?.[0] ?? '' : context.text.slice(merged.offset, contentStart)).trim()
  const number: Span[] = printed === '' ? [] : [override.marker === 'removed' ? {type: 'removed', value: printed, rule: 'editorial'} : {type: 'text', value: printed, offset: merged.offset}]
  const first: Span[] = [boundary('merge', merged.label, override), ...number, ...(number.length > 0 && hasText(head) ? [{type: 'text' as const, value: ' '}] : []), ...head]
  const last = note.paragraphs[note.paragraphs.length - 1]
  if (last && hasText(last) && !endsSentence(readingOf(last))) {
    joinSpans(last, first, context.vocabulary)
    note.paragraphs.push(...rest)
  } else {
    note.paragraphs.push(first, ...rest)
  }
  extraction.notes.splice(target, 1)
  return undefined
}

/** The first paragraph of `runs` holding `passage`, with the cuts before and after it. */
function findIn(runs: readonly Span[][], passage: string): {paragraph: number; start: Cut; end: Cut} | undefined {
  for (let paragraph = 0; paragraph < runs.length; paragraph++) {
    const hit = find(runs[paragraph] ?? [], passage)
    if (hit) return {paragraph, ...hit}
  }
  return undefined
}

/** Text of a span as printed (what an editor copies from the source). */
function printedOf(span: Span): string {
  switch (span.type) {
    case 'text':
    case 'removed':
      return span.value
    case 'ref':
      return span.raw
    case 'emend':
      return span.orig
    case 'break':
      return ' '
    case 'boundary':
      return ''
  }
}

/**
 * Find `passage` in a run, any white space read as one space (lines of a note were joined).
 * A cut never falls inside a span other than text: such spans are taken whole.
 */
function find(run: readonly Span[], passage: string): {start: Cut; end: Cut} | undefined {
  const needle = passage.replace(/\s+/g, ' ').trim()
  let hay = ''
  const places: Array<{span: number; at: number; whole: boolean}> = []
  run.forEach((span, index) => {
    const value = printedOf(span)
    for (let at = 0; at < value.length; at++) {
      const character = value.charAt(at)
      const white = /\s/.test(character)
      if (white && (hay === '' || hay.endsWith(' '))) continue
      hay += white ? ' ' : character
      places.push({span: index, at, whole: span.type !== 'text'})
    }
  })
  const found = needle === '' ? -1 : hay.indexOf(needle)
  const first = places[found]
  const last = places[found + needle.length - 1]
  if (!first || !last) return undefined
  return {
    start: first.whole ? {span: first.span, at: 0} : {span: first.span, at: first.at},
    end: last.whole ? {span: last.span + 1, at: 0} : {span: last.span, at: last.at + 1}
  }
}

/** Split a run at a cut; white space at the cut is left out on both sides. */
function cutRun(run: readonly Span[], cut: Cut): [Span[], Span[]] {
  const before = run.slice(0, cut.span)
  const after = run.slice(cut.span)
  const span = run[cut.span]
  if (span?.type === 'text' && cut.at > 0) {
    const at = span.offset === undefined ? undefined : span.offset + cut.at
    before.push(...textSpan(span.value.slice(0, cut.at), span.offset))
    after.splice(0, 1, ...textSpan(span.value.slice(cut.at), at))
  }
  return [trimEnd(before), trimStart(after)]
}

function trimEnd(run: Span[]): Span[] {
  while (run.length > 0) {
    const last = run[run.length - 1]
    if (last?.type !== 'text') break
    const value = last.value.trimEnd()
    if (value !== '') {
      run[run.length - 1] = {type: 'text', value, offset: last.offset}
      break
    }
    run.pop()
  }
  return run
}

function trimStart(run: Span[]): Span[] {
  while (run.length > 0) {
    const first = run[0]
    if (first?.type !== 'text') break
    const value = first.value.trimStart()
    if (value !== '') {
      run[0] = {type: 'text', value, offset: first.offset === undefined ? undefined : first.offset + first.value.length - value.length}
      break
    }
    run.shift()
  }
  return run
}

/** Whether a run holds anything but white space and boundary marks. */
function hasText(run: readonly Span[]): boolean {
  return run.some((span) => span.type !== 'boundary' && (span.type !== 'text' || span.value.trim() !== ''))
}

function spanOffset(span: Span | undefined): number | undefined {
  return span?.type === 'text' || span?.type === 'emend' || span?.type === 'removed' || span?.type === 'ref' ? span.offset : undefined
}

/** Offset in the source of the first span that has one. */
function offsetOf(run: readonly Span[]): number | undefined {
  for (const span of run) {
    const offset = spanOffset(span)
    if (offset !== undefined) return offset
  }
  return undefined
}
