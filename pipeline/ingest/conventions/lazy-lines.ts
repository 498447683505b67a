/**
 * micromark rescans the events of an open container on every lazy line, so a note of thousands
 * of short unindented lines parses in quadratic time. Before a Markdown source is parsed, such
 * lines are indented where that parses the same (a paragraph of a note goes on either way), and
 * the positions of the tree are then moved back to the source.
 */
import type {Nodes} from 'mdast'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'

/** What a note's continuation lines are indented by. */
const indent = '    '

/** A note definition in the first column: only code, HTML or front matter can hold it there. */
const definitionStart = /^\[\^[^\]\s]+\]:[ \t]*/
const fence = /^( {0,3})(`{3,}|~{3,})(.*)$/
const htmlStart = /^ {0,3}</
/** HTML blocks that run to an end marker, blank lines included (CommonMark kinds 1–5). */
const htmlEnds: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/]
]
const blank = /^[ \t]*$/
const frontMatterEnd = /^(?:---|\.\.\.)[ \t]*$/
const leadingBlanks = /^[ \t]*/
/**
 * Starts of lines that may end a paragraph or turn it into something else: every block and
 * container starts with ASCII punctuation or white space, or is a list item `1.`; a table
 * row (`|`) can make a paragraph's line a table head.
 */
const mayEndParagraph = /^(?:$|[\s!-/:-@[-`{-~]|\d{1,9}[.)])|\|/

/** The text with the lazy lines of its notes indented, and the (1-based) numbers of those lines. */
export function indentLazyNoteLines(text: string): {text: string; indented: number[]} {
  const lines = text.split('\n')
  const indented: number[] = []
  let inNote = false
  let code: {marker: string; length: number} | undefined
  let htmlEnd: RegExp | undefined
  let html = false
  let index = 0
  if (lines[0]?.trimEnd() === '---') {
    index = lines.findIndex((line, at) => at > 0 && frontMatterEnd.test(line))
    // Never closed: then it is no front matter, and what it is we leave to micromark.
    if (index === -1) return {text, indented}
    index++
  }
  for (; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (code) {
      const close = fence.exec(line)
      if (close?.[2] && close[2][0] === code.marker && close[2].length >= code.length && blank.test(close[3] ?? '')) code = undefined
      continue
    }
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined
      continue
    }
    if (html) {
      // `<` may have begun a paragraph rather than HTML, which a fence or HTML block then ends.
      if (fence.test(line) || htmlStart.test(line)) break
      html = !blank.test(line)
      continue
    }
    if (blank.test(line)) {
      inNote = false
      continue
    }
    const prefix = leadingBlanks.exec(line)?.[0] ?? ''
    if (inNote && !definitionStart.test(line)) {
      if (!prefix.includes('\t') && !mayEndParagraph.test(line.slice(prefix.length))) {
        if (prefix.length < indent.length) {
          lines[index] = indent + line
          indented.push(index + 1)
        }
        continue
      }
      inNote = false
    }
    const opened = fence.exec(line)
    if (opened?.[2] && !(opened[2][0] === '`' && opened[3]?.includes('`'))) {
      // An indented fence may belong to a list item we do not follow: stop here, unchanged.
      if (opened[1] !== '') break
      code = {marker: opened[2][0] ?? '`', length: opened[2].length}
      continue
    }
    if (htmlStart.test(line)) {
      const kind = htmlEnds.find(([start]) => start.test(line))
      if (kind) {
        if (!kind[1].test(line.replace(kind[0], ''))) htmlEnd = kind[1]
      } else html = true
      continue
    }
    const definition = definitionStart.exec(line)
    inNote = definition !== null && !mayEndParagraph.test(line.slice(definition[0].length))
  }
  return {text: indented.length === 0 ? text : lines.join('\n'), indented}
}

/** Move the positions of a tree parsed from the indented text back to the text before. */
export function restorePositions(tree: Nodes, indented: readonly number[]): void {
  if (indented.length === 0) return
  const last = indented[indented.length - 1] ?? 0
  // earlier[line]: how many lines before `line` were indented.
  const earlier = new Int32Array(last + 2)
  const isIndented = new Uint8Array(last + 1)
  for (const line of indented) {
    earlier[line + 1] = 1
    isIndented[line] = 1
  }
  for (let line = 1; line < earlier.length; line++) earlier[line] = (earlier[line] ?? 0) + (earlier[line - 1] ?? 0)
  const move = (point: Point): void => {
    const before = point.line < earlier.length ? (earlier[point.line] ?? 0) : indented.length
    const within = isIndented[point.line] === 1 ? Math.min(indent.length, point.column - 1) : 0
    point.column -= within
    if (point.offset !== undefined) point.offset -= before * indent.length + within
  }
  visit(tree, (node) => {
    if (!node.position) return
    move(node.position.start)
    move(node.position.end)
  })
}
