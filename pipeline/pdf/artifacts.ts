/**
 * Content that Chromium leaves out of the structure tree (running heads and page numbers, which
 * Paged.js prints in the page margins, and rules drawn around notes) is marked as an artifact,
 * as PDF/UA asks of everything on a page that is not tagged: each such text object or painted
 * path, outside every marked-content sequence, is wrapped in `/Artifact BMC … EMC`.
 */

/** A token of a content stream: where it starts and ends in the stream's text. */
interface Token {
  start: number
  end: number
  /** The operator's name, for an operator; undefined for an operand. */
  operator?: string
}

const whitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const delimiters = new Set([...'()<>[]{}/%'].map((char) => char.charCodeAt(0)))

/**
 * Split a content stream into tokens. Strings (with nested parentheses and escapes), hex
 * strings, dictionaries, arrays, names and numbers are operands; any other word is an operator.
 * Undefined when the stream holds an inline image (its data is not tokens) or ends inside a string.
 */
export function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = []
  let at = 0
  const length = text.length
  while (at < length) {
    const code = text.charCodeAt(at)
    if (whitespace.has(code)) {
      at++
      continue
    }
    const start = at
    const char = text[at]
    if (char === '%') {
      while (at < length && text[at] !== '\n' && text[at] !== '\r') at++
      continue
    }
    if (char === '(') {
      let depth = 0
      for (; at < length; at++) {
        const inner = text[at]
        if (inner === '\\') at++
        else if (inner === '(') depth++
        else if (inner === ')' && --depth === 0) break
      }
      if (at >= length) return undefined
      at++
    } else if (char === '<' && text[at + 1] === '<') {
      at += 2
    } else if (char === '>' && text[at + 1] === '>') {
      at += 2
    } else if (char === '<') {
      const close = text.indexOf('>', at)
      if (close === -1) return undefined
      at = close + 1
    } else if (char === '[' || char === ']' || char === '{' || char === '}') {
      at++
    } else {
      at++
      while (at < length && !whitespace.has(text.charCodeAt(at)) && !delimiters.has(text.charCodeAt(at))) at++
      const word = text.slice(start, at)
      if (char !== '/' && !/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(word) && word !== 'true' && word !== 'false' && word !== 'null') {
        if (word === 'BI') return undefined
        tokens.push({start, end: at, operator: word})
        continue
      }
    }
    tokens.push({start, end: at})
  }
  return tokens
}

const textShowing = new Set(['Tj', 'TJ', "'", '"'])
const pathStarts = new Set(['m', 're'])
const pathPainting = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'])
const pathEnds = new Set([...pathPainting, 'n'])

/** The index of the first token of the operands of the operator at `index`. */
function operandsStart(tokens: Token[], index: number): number {
  let first = index
  while (first > 0 && tokens[first - 1]?.operator === undefined) first--
  return first
}

/**
 * Wrap the content outside marked content in `/Artifact BMC … EMC`: text objects that show text
 * and paths that paint, each whole (a marked-content sequence may not split a graphics object).
 * Returns the stream unchanged when it cannot be read (see `tokenize`).
 */
export function markArtifacts(text: string): string {
  const tokens = tokenize(text)
  if (!tokens) return text
  const spans: Array<[number, number]> = []
  let depth = 0
  let textStart = -1
  let textMarked = false
  let textShows = false
  let pathStart = -1
  for (let index = 0; index < tokens.length; index++) {
    const operator = tokens[index]?.operator
    if (operator === undefined) continue
    if (operator === 'BDC' || operator === 'BMC') {
      depth++
      if (textStart !== -1) textMarked = true
    } else if (operator === 'EMC') {
      depth = Math.max(0, depth - 1)
    } else if (operator === 'BT') {
      textStart = depth === 0 ? index : -1
      textMarked = false
      textShows = false
    } else if (operator === 'ET') {
      const start = tokens[textStart]
      const end = tokens[index]
      if (textStart !== -1 && !textMarked && textShows && start && end) spans.push([start.start, end.end])
      textStart = -1
    } else if (textShowing.has(operator)) {
      textShows = true
    } else if (textStart === -1 && depth === 0 && pathStart === -1 && pathStarts.has(operator)) {
      pathStart = operandsStart(tokens, index)
    } else if (pathStart !== -1 && pathEnds.has(operator)) {
      const start = tokens[pathStart]
      const end = tokens[index]
      if (pathPainting.has(operator) && start && end) spans.push([start.start, end.end])
      pathStart = -1
    } else if (textStart === -1 && depth === 0 && (operator === 'Do' || operator === 'sh')) {
      const start = tokens[operandsStart(tokens, index)]
      const end = tokens[index]
      if (start && end) spans.push([start.start, end.end])
    }
  }
  if (spans.length === 0) return text
  let out = ''
  let from = 0
  for (const [start, end] of spans) {
    out += `${text.slice(from, start)}/Artifact BMC\n${text.slice(start, end)}\nEMC`
    from = end
  }
  return out + text.slice(from)
}
