/** Mend OCR confusions in citations (notes) as emendations that keep the printed reading. */
import {replaceInText, type Span} from '../spans.js'
import {archivalConfusions, contextWindow} from './confusions.js'

export function repairCitations(spans: readonly Span[]): Span[] {
  let out = [...spans]
  for (const confusion of archivalConfusions) {
    out = replaceInText(out, confusion.misread, (match, offset) => {
      const value = match.input
      const end = match.index + match[0].length
      const before = value.slice(Math.max(0, match.index - contextWindow), match.index)
      const after = value.slice(end, end + 8)
      if (!confusion.before.test(before) || !confusion.after.test(after)) return undefined
      return [{type: 'emend', corrected: confusion.corrected, orig: match[0], rule: confusion.rule, offset}]
    })
  }
  return out
}
