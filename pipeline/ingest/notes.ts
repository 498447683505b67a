/**
 * Check references against notes: every reference needs a note, every note a reference, in
 * ascending order without gaps. A reference without a note goes back to text; a duplicate
 * note number gets a distinct label so both notes survive. Numbering that starts again at 1
 * (per page, per chapter) is a new series, not a duplicate.
 */
import type {VFile} from 'vfile'
import {report} from './rules.js'
import type {Locate} from './location.js'
import type {Line, NoteDraft, Span} from './spans.js'

export function reconcileNotes(lines: Line[], notes: NoteDraft[], file: VFile, locate: Locate): void {
  const byLabel = new Map<string, NoteDraft[]>()
  let previous: number | undefined
  /** Labels of the current series of numbers. */
  let series = new Set<string>()
  for (const note of notes) {
    const printed = note.label
    const same = byLabel.get(printed)
    const {first: number, last} = numbersOf(printed)
    const restarts = number === 1 && previous !== undefined
    if (restarts) series = new Set()
    const duplicate = series.has(printed)
    if (duplicate) report(file, 'duplicate-note-number', `Unexpected second note ${printed}, expected each number once`, locate(note.offset))
    else if (!restarts && previous !== undefined && Number.isFinite(number)) {
      if (number > previous + 1) report(file, 'note-numbering-gap', `Unexpected note ${printed} after note ${previous}, expected note ${previous + 1}`, locate(note.offset))
      else if (number <= previous) report(file, 'note-out-of-order', `Unexpected note ${printed} after note ${previous}, expected ascending numbers`, locate(note.offset))
    }
    series.add(printed)
    if (same) {
      note.label = `${printed}-${same.length + 1}`
      same.push(note)
    } else byLabel.set(printed, [note])
    if (Number.isFinite(number)) previous = last
  }
  const used = new Map<string, number>()
  const referenced = new Set<NoteDraft>()
  let highest = 0
  for (const line of lines) {
    line.spans = line.spans.map((span): Span => {
      if (span.type !== 'ref') return span
      const candidates = byLabel.get(span.label)
      if (!candidates) {
        report(file, 'reference-without-note', `Unexpected reference \`${span.raw}\` without a note, expected a note ${span.label}`, locate(span.offset))
        return {type: 'text', value: span.raw, offset: span.offset}
      }
      const count = used.get(span.label) ?? 0
      const note = candidates[Math.min(count, candidates.length - 1)] as NoteDraft
      used.set(span.label, count + 1)
      const {first: number, last} = numbersOf(span.label)
      // A reference to a note 1 not yet called starts a new series of numbers.
      if (!referenced.has(note) && number === 1) highest = 0
      if (!referenced.has(note) && number < highest) {
        report(file, 'note-out-of-order', `Unexpected reference to note ${span.label} after note ${highest}, expected ascending references`, locate(span.offset))
      }
      if (Number.isFinite(last)) highest = Math.max(highest, last)
      referenced.add(note)
      return {...span, label: note.label}
    })
  }
  // A call inside a note (a note on a note) is a reference too; the first note of a label is the one called.
  const noteOfLabel = new Map<string, NoteDraft>()
  for (const note of notes) if (!noteOfLabel.has(note.label)) noteOfLabel.set(note.label, note)
  for (const note of notes) {
    for (const spans of note.paragraphs) {
      for (const span of spans) {
        if (span.type !== 'ref') continue
        const called = noteOfLabel.get(span.label)
        if (called) referenced.add(called)
      }
    }
  }
  // A note the convention already reported as uncalled is not reported twice.
  const reported = new Set(file.messages.filter((message) => message.ruleId === 'note-without-reference').map((message) => `${message.line ?? 0}:${message.column ?? 0}`))
  for (const note of notes) {
    if (referenced.has(note)) continue
    const place = locate(note.offset)
    if (!reported.has(`${place.line}:${place.column}`)) report(file, 'note-without-reference', `Unexpected note ${note.label} without a reference in the text, expected a marker`, place)
  }
}

/** The numbers of a note's label: a number, or the first and last of a range (`1–2`, a note for two calls); NaN for others. */
function numbersOf(label: string): {first: number; last: number} {
  const range = /^(\d+)–(\d+)$/.exec(label)
  if (range) return {first: Number(range[1]), last: Number(range[2])}
  const number = Number(label)
  return {first: number, last: number}
}
