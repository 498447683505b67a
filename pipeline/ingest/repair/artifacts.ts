/**
 * Conversion residue inside the text (Word bookmarks, comment anchors): removed from the
 * reading and kept in place as `:removed[…]{rule}`. Unknown field codes are reported, kept.
 */
import type {VFile} from 'vfile'
import {report} from '../rules.js'
import type {RemovalRule} from '../../shared/annotations.js'
import type {Locate} from '../location.js'
import {replaceInText, textSpan, type Span} from '../spans.js'

export interface InlineArtifact {
  rule: RemovalRule
  /** Global pattern; bounded so it cannot backtrack on long lines. */
  pattern: RegExp
  description: string
}

export const inlineArtifacts: readonly InlineArtifact[] = [
  {rule: 'word-bookmark', pattern: /\[bookmark: ?[^\]\n]{1,200}\]/g, description: 'Word bookmark exported as text (`[bookmark: _GoBack]`)'},
  {rule: 'word-comment-anchor', pattern: /\[[A-Z]{2,4}\d{1,3}\]/g, description: 'Anchor of a Word comment (`[EAM1]`)'},
  {rule: 'proofer-note', pattern: /\[\*\*[^\]\n]{0,200}\]/g, description: 'A Distributed Proofreaders proofer’s query or note (`[**typo?]`)'},
  {rule: 'blank-page', pattern: /\[Blank Page\]/gi, description: 'A Distributed Proofreaders marker of a blank page (`[Blank Page]`)'}
]

/** A proofer's note that runs over spans (a line break, a join): `[**` and its `]`, no bracket between, bounded. */
const splitProoferNote = /\[\*\*[^\][\u0001]{0,300}\]/g
/** Between two text spans in the stream `removeSplitProoferNotes` reads; another span (a call) stops a note. */
const spanBoundary = '\u0000'
const otherSpan = '\u0001'

/**
 * Proofers' notes that a line break or a join split over several text spans (`[**query` at a
 * line's end, `runs on]` at the next one's start): each piece removed in place, with the
 * proofer-note rule, as a note on one line is. `runs` are read as one stream, in order.
 */
export function removeSplitProoferNotes(runs: Span[][]): void {
  const pieces: Array<{run: number; span: number; start: number}> = []
  let stream = ''
  runs.forEach((spans, run) => {
    spans.forEach((span, index) => {
      if (span.type !== 'text') {
        stream += otherSpan
        return
      }
      if (stream !== '') stream += spanBoundary
      pieces.push({run, span: index, start: stream.length})
      stream += span.value
    })
  })
  if (!stream.includes('[**')) return
  /** Per run and span: the ranges of its text that are a proofer's note. */
  const cuts = new Map<Span, Array<[number, number]>>()
  for (const match of stream.matchAll(splitProoferNote)) {
    if (!match[0].includes(spanBoundary)) continue
    const from = match.index
    const to = from + match[0].length
    for (const piece of pieces) {
      const span = runs[piece.run]?.[piece.span]
      if (span?.type !== 'text') continue
      const start = Math.max(from, piece.start) - piece.start
      const end = Math.min(to, piece.start + span.value.length) - piece.start
      if (end <= start) continue
      const list = cuts.get(span)
      if (list) list.push([start, end])
      else cuts.set(span, [[start, end]])
    }
  }
  if (cuts.size === 0) return
  for (const spans of runs) {
    const out: Span[] = []
    for (const span of spans) {
      const ranges = span.type === 'text' ? cuts.get(span) : undefined
      if (span.type !== 'text' || !ranges) {
        out.push(span)
        continue
      }
      const at = (position: number) => (span.offset === undefined ? undefined : span.offset + position)
      let last = 0
      for (const [start, end] of ranges) {
        out.push(...textSpan(span.value.slice(last, start), at(last)))
        const previous = out[out.length - 1]
        // Pieces of one note that a join's space parted are one removal.
        if (start === 0 && previous?.type === 'removed' && previous.rule === 'proofer-note' && !previous.value.endsWith(']')) out[out.length - 1] = {...previous, value: previous.value + span.value.slice(start, end)}
        else out.push({type: 'removed', value: span.value.slice(start, end), rule: 'proofer-note', offset: at(start)})
        last = end
      }
      out.push(...textSpan(span.value.slice(last), at(last)))
    }
    spans.splice(0, spans.length, ...out)
  }
}

/** A bracketed field code such as `[fieldname: …]` that no table entry recognized. */
const fieldCode = /\[([A-Za-z]{3,20}): ?[^\]\n]{0,200}\]/g

/**
 * Bracketed labels that transcriptions print as part of the text, not conversion residue
 * (Project Gutenberg and Distributed Proofreaders: captions, sidenotes, transcribers' notes).
 */
const textLabels: ReadonlySet<string> = new Set(['illustration', 'sidenote', 'transcriber', 'transcribers', 'greek', 'hebrew', 'arabic', 'music', 'formula', 'table', 'blank', 'note', 'footnote', 'sic', 'errata', 'decoration', 'caption'])

/** A bracketed label a transcription prints as part of the text (`[Illustration: The mill.]`, `[Sidenote: 1608.]`). */
export function isTranscriptionLabel(text: string): boolean {
  const label = /^\s*\[([A-Za-z]{3,20})(?:'?s)?\b[^\]]*\]\s*$/.exec(text)?.[1]
  return label !== undefined && textLabels.has(label.toLowerCase())
}

export function removeArtifacts(spans: readonly Span[], file: VFile, locate: Locate): Span[] {
  let out = [...spans]
  for (const artifact of inlineArtifacts) {
    out = replaceInText(out, artifact.pattern, (match, offset) => [{type: 'removed', value: match[0], rule: artifact.rule, offset}])
  }
  replaceInText(out, fieldCode, (match, offset) => {
    if (textLabels.has((match[1] ?? '').toLowerCase())) return undefined
    if (offset !== undefined) report(file, 'unknown-artifact', `Unexpected field code \`${match[0].slice(0, 40)}\`, expected text or a known artifact`, locate(offset))
    return undefined
  })
  return out
}
