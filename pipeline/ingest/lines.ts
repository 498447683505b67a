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
