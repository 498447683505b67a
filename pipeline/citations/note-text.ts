/**
 * A note as text: the phrasing of a footnote definition rendered as annotated-Markdown-like
 * text (emphasis as `*…*`, emendations by their corrected reading, removed artifacts left
 * out), and the inverse: wrapping a span of that text back in the tree.
 */
import type {FootnoteDefinition, Paragraph, PhrasingContent} from 'mdast'
import type {TextDirective} from 'mdast-util-directive'
import {directive, type Citation} from '../shared/annotations.js'

/** One paragraph of a note and where its text starts in the note text. */
export interface NoteBlock {
  paragraph: Paragraph
  start: number
  end: number
}

export interface NoteText {
  text: string
  blocks: NoteBlock[]
}

/** Delimiters written around the children of containers. */
function markerOf(node: PhrasingContent): string {
  if (node.type === 'emphasis') return '*'
  if (node.type === 'strong') return '**'
  return ''
}

/**
 * Text of one phrasing node as the citation grammar reads it; with `marks` false, as a reader sees
 * it, without the emphasis marks.
 */
export function renderNode(node: PhrasingContent, marks = true): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return ' '
    case 'emphasis':
    case 'strong':
    case 'link':
    case 'delete': {
      const marker = marks ? markerOf(node) : ''
      return marker + renderNodes(node.children, marks) + marker
    }
    case 'textDirective':
      // Removed artifacts are not part of what the author wrote.
      return node.name === directive.removed ? '' : renderNodes(node.children, marks)
    default:
      return ''
  }
}

/** Plain text of phrasing as a reader sees it: no markup, emendations as corrected, removed artifacts left out. */
export function plainText(nodes: PhrasingContent[]): string {
  return renderNodes(nodes, false)
}

export function renderNodes(nodes: PhrasingContent[], marks = true): string {
  let out = ''
  for (const node of nodes) out += renderNode(node, marks)
  return out
}

/** The paragraphs of a note, also those inside its lists and quotations (`1. Author, Title…`). */
function paragraphsOf(nodes: FootnoteDefinition['children'], out: Paragraph[] = []): Paragraph[] {
  for (const child of nodes) {
    if (child.type === 'paragraph') out.push(child)
    else if (child.type === 'list') for (const item of child.children) paragraphsOf(item.children, out)
    else if (child.type === 'blockquote') paragraphsOf(child.children, out)
  }
  return out
}

/** The note's text: its paragraphs joined by a space. */
export function noteText(definition: Pick<FootnoteDefinition, 'children'>): NoteText {
  let text = ''
  const blocks: NoteBlock[] = []
  for (const child of paragraphsOf(definition.children)) {
    if (text) text += ' '
    const start = text.length
    text += renderNodes(child.children)
    blocks.push({paragraph: child, start, end: text.length})
  }
  return {text, blocks}
}

/**
 * Split phrasing at a text offset. Containers (emphasis, strong) are split in two; atomic
 * annotations (emendations, cites) stay whole and go to the side `keep` names, so a span
 * never cuts an emendation in half.
 */
export function splitAt(
  nodes: PhrasingContent[],
  offset: number,
  keep: 'before' | 'after'
): [PhrasingContent[], PhrasingContent[]] {
  const before: PhrasingContent[] = []
  const after: PhrasingContent[] = []
  let position = 0
  for (const node of nodes) {
    const length = renderNode(node).length
    const end = position + length
    if (end <= offset) before.push(node)
    else if (position >= offset) after.push(node)
    else if (node.type === 'text') {
      const cut = offset - position
      before.push({type: 'text', value: node.value.slice(0, cut)})
      after.push({type: 'text', value: node.value.slice(cut)})
    } else if (node.type === 'emphasis' || node.type === 'strong') {
      const marker = markerOf(node).length
      const inner = Math.min(Math.max(offset - position - marker, 0), length - 2 * marker)
      if (inner === 0) after.push(node)
      else if (inner === length - 2 * marker) before.push(node)
      else {
        const [left, right] = splitAt(node.children, inner, keep)
        // Spaces at the cut go outside the markers: `*See *` is not emphasis in Markdown.
        const trailing = takeSpace(left, 'end')
        const leading = takeSpace(right, 'start')
        before.push({...node, children: left})
        if (trailing) before.push({type: 'text', value: trailing})
        if (leading) after.push({type: 'text', value: leading})
        after.push({...node, children: right})
      }
    } else if (keep === 'before') before.push(node)
    else after.push(node)
    position = end
  }
  return [before, after]
}

/** Remove white space at one end of phrasing (in place) and return it. */
function takeSpace(nodes: PhrasingContent[], end: 'start' | 'end'): string {
  const node = end === 'start' ? nodes[0] : nodes.at(-1)
  if (node?.type !== 'text') return ''
  const match = end === 'start' ? /^\s+/.exec(node.value) : /\s+$/.exec(node.value)
  if (!match) return ''
  node.value = end === 'start' ? node.value.slice(match[0].length) : node.value.slice(0, match.index)
  return match[0]
}

/** Wrap the span `[start, end)` of a paragraph's text in a `cite` directive. */
export function wrapSpan(
  paragraph: Paragraph,
  start: number,
  end: number,
  attributes: Record<string, string>
): TextDirective {
  const [left, right] = splitAt(paragraph.children, end, 'before')
  const [head, middle] = splitAt(left, start, 'after')
  const cite: Citation = {type: 'textDirective', name: directive.cite, attributes, children: middle}
  paragraph.children = [...head, cite, ...right].filter((node) => node.type !== 'text' || node.value !== '')
  return cite
}

/** Wraps spans of one paragraph in `cite` directives, last span first: see `spanWrapper`. */
export interface SpanWrapper {
  wrap(start: number, end: number, attributes: Record<string, string>): TextDirective
  /** Put the wrapped phrasing back into the paragraph. */
  finish(): void
}

/**
 * `wrapSpan` for many spans of one paragraph, given last first: what each `wrapSpan` leaves
 * after its cite is done and stays apart, so a span before it splits only the phrasing before
 * (one note of N `Ibid.`s split N times a paragraph of 2N nodes). A span that reaches into that
 * phrasing is wrapped as `wrapSpan` does, on the whole paragraph; the result is the same.
 */
export function spanWrapper(paragraph: Paragraph): SpanWrapper {
  let pending = paragraph.children
  // What follows `pending`, one chunk per span wrapped, last chunk first.
  let done: PhrasingContent[][] = []
  const nonEmpty = (node: PhrasingContent) => node.type !== 'text' || node.value !== ''
  const whole = () => [...pending, ...done.reverse().flat()]
  return {
    wrap(start, end, attributes) {
      if (end > renderNodes(pending).length) {
        paragraph.children = whole()
        done = []
        const cite = wrapSpan(paragraph, start, end, attributes)
        pending = paragraph.children
        return cite
      }
      const [left, right] = splitAt(pending, end, 'before')
      const [head, middle] = splitAt(left, start, 'after')
      const cite: Citation = {type: 'textDirective', name: directive.cite, attributes, children: middle}
      done.push([cite, ...right.filter(nonEmpty)])
      pending = head.filter(nonEmpty)
      return cite
    },
    finish() {
      if (done.length > 0) paragraph.children = whole()
      done = []
    }
  }
}
