/** Plain text without notes: every non-blank line is a line of the body. */
import {isBlank, unindent} from '../lines.js'
import type {Extraction, Line} from '../spans.js'
import type {Convention, ConventionContext} from './types.js'

export const none: Convention = {
  name: 'none',
  score: () => 0,
  extract(context: ConventionContext): Extraction {
    return {lines: plainLines(context.lines), notes: []}
  }
}

/** Non-blank lines (indentation left out) as body lines without markers. */
function plainLines(lines: ConventionContext['lines']): Line[] {
  const out: Line[] = []
  let blankBefore = true
  for (const line of lines) {
    if (isBlank(line)) {
      blankBefore = true
      continue
    }
    const text = unindent(line)
    out.push({spans: [{type: 'text', value: text.text, offset: text.offset}], offset: text.offset, blankBefore})
    blankBefore = false
  }
  return out
}
