/** Map offsets in the decoded source to line:column points for diagnostics. */
import type {Point} from 'unist'

export type Locate = (offset: number) => Point

export function locator(text: string): Locate {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return function (offset) {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: offset - (starts[low] ?? 0) + 1, offset}
  }
}
