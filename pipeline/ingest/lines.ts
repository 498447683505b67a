/** Split decoded text into lines with their offsets, and lines into blank-line separated chunks. */

export interface RawLine {
  text: string
  offset: number
}

export function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    lines.push({text: text.slice(start, end), offset: start})
    start = end + 1
  }
  return lines
}

export function isBlank(line: RawLine): boolean {
  return line.text.trim() === ''
}

/** Runs of non-blank lines. */
export function chunks(lines: readonly RawLine[]): RawLine[][] {
  const out: RawLine[][] = []
  let current: RawLine[] = []
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) out.push(current)
      current = []
    } else current.push(line)
  }
  if (current.length > 0) out.push(current)
  return out
}

/** The line with its leading white space (indentation) left out. */
export function unindent(line: RawLine): RawLine {
  const trimmed = line.text.replace(/^\s+/, '')
  return {text: trimmed, offset: line.offset + line.text.length - trimmed.length}
}

/**
 * Whether the source keeps one paragraph per line (Word and web exports) rather than wrapping
 * its lines: decided on the raw lines, before any join makes a long line of a wrapped text.
 */
export function paragraphPerLine(lines: readonly RawLine[], longLine = 120, longShare = 0.05): boolean {
  let text = 0
  let long = 0
  for (const line of lines) {
    if (isBlank(line)) continue
    text++
    if (line.text.trim().length > longLine) long++
  }
  return text > 0 && long / text > longShare
}
