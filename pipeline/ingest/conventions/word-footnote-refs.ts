/**
 * Word footnotes exported as text: a call `[footnoteRef:n]` in the text, the note body as
 * `[n: text]` later on the same line (after the call, or grouped after several calls). Bodies
 * may hold brackets of their own, so they are bracket-matched. Every line is a paragraph.
 */
import {report} from '../rules.js'
import {joinsWords} from '../conservation.js'
import {isBlank, unindent} from '../lines.js'
import type {Extraction, Line, NoteDraft, Span} from '../spans.js'
import type {Convention, ConventionContext} from './types.js'

const call = /\[footnoteRef:(\d{1,4})\]/y
const bodyStart = /\[(\d{1,4}):/y
const anyCall = /\[footnoteRef:\d{1,4}\]/g

export const wordFootnoteRefs: Convention = {
  name: 'word-footnote-refs',
  score: (context) => context.text.match(anyCall)?.length ?? 0,
  extract
}

/** Index of the bracket closing the one at `open`, or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0
  for (let index = open; index < text.length; index++) {
    const character = text.charCodeAt(index)
    if (character === 91) depth++
    else if (character === 93 && --depth === 0) return index
  }
  return -1
}

function extract(context: ConventionContext): Extraction {
  const lines: Line[] = []
  const notes: NoteDraft[] = []
  let blankBefore = true
  for (const raw of context.lines) {
    if (isBlank(raw)) {
      blankBefore = true
      continue
    }
    const line = unindent(raw)
    const {text, offset} = line
    const spans: Span[] = []
    let last = 0
    // The text before the calls and note bodies just taken out, when they stood right after it.
    let before = ''
    const textUpTo = (at: number) => {
      if (at <= last) return
      before = text.slice(last, at)
      spans.push({type: 'text', value: before, offset: offset + last})
    }
    let index = text.indexOf('[')
    while (index !== -1) {
      call.lastIndex = index
      bodyStart.lastIndex = index
      const reference = call.exec(text)
      const body = reference ? null : bodyStart.exec(text)
      if (reference?.[1]) {
        textUpTo(index)
        spans.push({type: 'ref', label: String(Number(reference[1])), raw: reference[0], offset: offset + index})
        last = index + reference[0].length
      } else if (body?.[1]) {
        let end = closingBracket(text, index)
        if (end === -1) {
          report(context.file, 'unterminated-note', `Unexpected end of line in note ${body[1]}, expected \`]\``, context.locate(offset + index))
          end = text.length
        }
        textUpTo(index)
        const content = text.slice(index + body[0].length, end)
        const trimmed = content.replace(/^\s+/, '')
        const start = offset + index + body[0].length + content.length - trimmed.length
        notes.push({label: String(Number(body[1])), offset: offset + index, paragraphs: [trimmed === '' ? [] : [{type: 'text', value: trimmed, offset: start}]]})
        last = Math.min(end + 1, text.length)
        // A body glued inside a word (`a[1: x]b`, `a[footnoteRef:1][1: x]b`) stood between two words: keep them apart.
        if (joinsWords(before, text.slice(last, last + 2))) {
          spans.push({type: 'text', value: ' '})
          before = ''
        }
      }
      index = text.indexOf('[', Math.max(index + 1, last))
    }
    if (last < text.length) spans.push({type: 'text', value: text.slice(last), offset: offset + last})
    if (spans.some((span) => span.type !== 'text' || span.value.trim() !== '')) lines.push({spans, offset, blankBefore})
    blankBefore = false
  }
  return {lines, notes, paragraphPerLine: true}
}
