// Distributed Proofreaders' block markers in a text of any note convention: a line `/*` opens
// verse and a line with the same two characters turned round closes it (`/#`, `/P` and the like
// open other blocks), and `<tb>` is a thematic break. Each stands alone on its line; it parts
// paragraphs and goes to the apparatus. In verse (`/*`, `/P`, `/X` blocks) the lines are kept
// as printed.
import type {Line, Span} from '../spans.js'

/** DP's block markers, each alone on its line: quotations, verse, right-aligned, centred …, and `<tb>`, a thematic break. */
export const dpBlockMarker = /^(?:\/[*#$PXCFRIL]|[*#$PXCFRIL]\/|<tb>)$/

/** Blocks whose lines DP keeps as printed: verse, poetry, no-wrap. */
export const keptOpen = /^\/[*PX]$/
export const keptClose = /^[*PX]\/$/

/** The marker a line holds alone, or undefined. */
function markerOf(line: Line): {value: string; offset?: number} | undefined {
  const texts = line.spans.filter((span) => !(span.type === 'text' && span.value.trim() === ''))
  const only = texts[0]
  if (texts.length !== 1 || only?.type !== 'text') return undefined
  const value = only.value.trim()
  if (!dpBlockMarker.test(value)) return undefined
  const offset = only.offset === undefined ? undefined : only.offset + only.value.indexOf(value)
  return offset === undefined ? {value} : {value, offset}
}

// `lines` with DP's block markers removed (recorded) and the lines they close off parted from the
// paragraphs around them. Only where an opening marker line has its closing line, or `<tb>`
// stands alone: a text that is not DP's keeps its lines as they are.
export function withDpMarkup(lines: readonly Line[]): Line[] {
  const markers = lines.map(markerOf)
  if (!markers.some((marker) => marker !== undefined)) return [...lines]
  // An opening marker counts only with a closing one after it.
  const closes = new Set(markers.flatMap((marker) => (marker && /^[*#$PXCFRIL]\/$/.test(marker.value) ? [marker.value[0]] : [])))
  const counts = (value: string) => value === '<tb>' || (value.startsWith('/') ? closes.has(value[1] ?? '') : markers.some((marker) => marker?.value === `/${value[0]}`))
  const out: Line[] = []
  let kept = false
  let parted = false
  lines.forEach((line, index) => {
    const marker = markers[index]
    if (marker && counts(marker.value)) {
      const removed: Span = marker.offset === undefined ? {type: 'removed', value: marker.value, rule: 'dp-markup'} : {type: 'removed', value: marker.value, rule: 'dp-markup', offset: marker.offset}
      out.push({spans: [removed], offset: line.offset, blankBefore: true})
      if (keptOpen.test(marker.value)) kept = true
      else if (keptClose.test(marker.value)) kept = false
      parted = true
      return
    }
    if (parted) out.push({...line, blankBefore: true})
    else if (kept && !line.blankBefore && line.spans[0]?.type !== 'break') out.push({...line, spans: [{type: 'break'}, ...line.spans]})
    else out.push(line)
    parted = false
  })
  return out
}
