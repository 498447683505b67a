/**
 * micromark rescans the events of an open container on every lazy line, so a note or a block
 * quote of thousands of short lazy lines parses in quadratic time. Before a Markdown source is
 * parsed, such lines are given their container's prefix (a note's indent, a quote's `> `) where
 * that parses the same (the container's paragraph goes on either way), and the positions of the
 * tree are then moved back to the source.
 */
import type {Nodes} from 'mdast'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'

/** What a note's continuation lines are indented by. */
const indent = '    '
/** What a block quote's continuation lines are marked with, once per level. */
const quoteMarker = '> '

/** A line (1-based) given a prefix of `width` characters before it was parsed. */
export interface Prefixed {
  line: number
  width: number
}

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
/** A line of a block quote: its marker after at most three blanks. */
const quoteLine = /^ {0,3}>/
/**
 * Block quote markers in the first column, which no container we do not follow can hold (a
 * list item's content is indented); a quote marked after blanks is left alone.
 */
const quoteMarkers = /^(?:> ?)+/
/** A block quote is open whose content we do not follow. */
const unknownQuote = -1

/** The text with the lazy lines of its notes and block quotes prefixed, and those lines. */
export function prefixLazyLines(text: string): {text: string; prefixed: Prefixed[]} {
  const lines = text.split('\n')
  const prefixed: Prefixed[] = []
  const prefix = (index: number, value: string) => {
    lines[index] = value + (lines[index] ?? '')
    prefixed.push({line: index + 1, width: value.length})
  }
  let inNote = false
  /** How many quotes deep the open paragraph of a block quote is; 0 when no quote is open. */
  let quote = 0
  let code: {marker: string; length: number} | undefined
  let htmlEnd: RegExp | undefined
  let html = false
  let index = 0
  if (lines[0]?.trimEnd() === '---') {
    index = lines.findIndex((line, at) => at > 0 && frontMatterEnd.test(line))
    // Never closed: then it is no front matter, and what it is we leave to micromark.
    if (index === -1) return {text, prefixed}
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
      quote = 0
      continue
    }
    const blanks = leadingBlanks.exec(line)?.[0] ?? ''
    const lazy = !blanks.includes('\t') && !mayEndParagraph.test(line.slice(blanks.length))
    if (inNote && !definitionStart.test(line)) {
      if (lazy) {
        if (blanks.length < indent.length) prefix(index, indent)
        continue
      }
      inNote = false
    }
    if (!quoteLine.test(line)) {
      if (quote > 0 && lazy) {
        prefix(index, quoteMarker.repeat(quote))
        continue
      }
      quote = 0
    } else {
      const markers = quoteMarkers.exec(line)?.[0] ?? ''
      const depth = markers.split('>').length - 1
      const plain = markers !== '' && !mayEndParagraph.test(line.slice(markers.length))
      // Text after fewer markers than the open paragraph is deep goes on that paragraph.
      if (quote > 0 && depth < quote && plain) prefix(index, quoteMarker.repeat(quote - depth))
      // A quote that holds what we do not follow (code, HTML, a list) is left alone to its end.
      else quote = plain && quote !== unknownQuote ? depth : unknownQuote
      continue
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
  return {text: prefixed.length === 0 ? text : lines.join('\n'), prefixed}
}

/** Move the positions of a tree parsed from the prefixed text back to the text before. */
export function restorePositions(tree: Nodes, prefixed: readonly Prefixed[]): void {
  const last = prefixed[prefixed.length - 1]?.line
  if (last === undefined) return
  // earlier[line]: how many characters were put before the lines before `line`.
  const earlier = new Int32Array(last + 2)
  const width = new Int32Array(last + 1)
  for (const entry of prefixed) {
    earlier[entry.line + 1] = entry.width
    width[entry.line] = entry.width
  }
  for (let line = 1; line < earlier.length; line++) earlier[line] = (earlier[line] ?? 0) + (earlier[line - 1] ?? 0)
  const total = earlier[last + 1] ?? 0
  const move = (point: Point): void => {
    const before = point.line < earlier.length ? (earlier[point.line] ?? 0) : total
    const within = Math.min(width[point.line] ?? 0, point.column - 1)
    point.column -= within
    if (point.offset !== undefined) point.offset -= before + within
  }
  visit(tree, (node) => {
    if (!node.position) return
    move(node.position.start)
    move(node.position.end)
  })
}
