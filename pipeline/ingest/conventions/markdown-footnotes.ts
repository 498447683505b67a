/** Markdown that already has GFM footnotes (`[^n]` and `[^n]: …`): read with remark. */
import type {BlockContent, Parents, Root, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {report} from '../../diagnostics.js'
import {parseMarkdown} from '../../markdown/index.js'
import {prefixLazyLines, restorePositions} from './lazy-lines.js'
import type {Convention} from './types.js'

/** Parents whose children are phrasing content (where raw HTML was inline). */
const phrasingParents = new Set<Parents['type']>(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell', 'textDirective'])

/** Block nodes that may stand wherever the raw HTML block stood (in the body, a note, a quote). */
const blockTypes = new Set<string>(['paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'table', 'code', 'containerDirective', 'leafDirective'])

function isBlockContent(node: RootContent): node is BlockContent {
  return blockTypes.has(node.type)
}

const definition = /^\[\^[^\]\s]{1,40}\]:/gm
const reference = /\[\^[^\]\s]{1,40}\](?!:)/g

export const markdownFootnotes: Convention = {
  name: 'markdown-footnotes',
  score(context) {
    const definitions = context.text.match(definition)?.length ?? 0
    if (definitions === 0) return 0
    return Math.min(definitions, context.text.match(reference)?.length ?? 0)
  },
  extract(context) {
    const {text, prefixed} = prefixLazyLines(context.text)
    const tree = parseMarkdown(text)
    restorePositions(tree, prefixed)
    // Front matter is not the work, but its words must stay: kept in the apparatus, as removed.
    tree.children = tree.children.map((node): RootContent => {
      if (node.type !== 'yaml') return node
      return {type: 'containerDirective', name: 'removed', attributes: {rule: 'front-matter'}, children: [{type: 'code', lang: 'yaml', value: node.value}]}
    })
    // Raw HTML in a source is text, as in plain-text sources: the annotated Markdown then never
    // carries markup to pandoc or a reader. It is read again as Markdown with its brackets
    // escaped (but for footnote calls), so it is what the pivot itself would make of that text
    // and round-trips.
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return undefined
      const blocks = htmlAsText(node.value)
      if (!phrasingParents.has(parent.type)) {
        const flow = blocks.filter(isBlockContent)
        parent.children.splice(index, 1, ...flow)
        return index + flow.length
      }
      const phrasing = blocks.flatMap((block) => (block.type === 'paragraph' ? block.children : [{type: 'text', value: toString(block)} satisfies Text]))
      parent.children.splice(index, 1, ...phrasing)
      return index + phrasing.length
    })
    callsInNotesAsText(tree, context.file)
    return {tree}
  }
}

/**
 * A call inside a note is text, as pandoc reads it: notes do not nest. Left as a call, one at
 * the start of a line followed by a colon (a citation, a directive) would read back as a
 * definition, `[^1]:cite[…]`, which no escape can prevent.
 */
function callsInNotesAsText(tree: Root, file: VFile): void {
  visit(tree, 'footnoteDefinition', (note) => {
    visit(note, 'footnoteReference', (call, index, parent) => {
      if (!parent || index === undefined) return undefined
      const label = call.label ?? call.identifier
      report(file, 'note-in-note', `Unexpected reference \`[^${label}]\` inside note \`[^${note.label ?? note.identifier}]\`, expected references in the text only`, call.position?.start)
      const before = parent.children[index - 1]
      const after = parent.children[index + 1]
      // One text node, as the parser makes of the written `\[^1]`: the tree round-trips.
      let value = `[^${label}]`
      let start = index
      let count = 1
      if (before?.type === 'text') {
        value = before.value + value
        start--
        count++
      }
      if (after?.type === 'text') {
        value += after.value
        count++
      }
      const first = parent.children[start]
      const last = parent.children[start + count - 1]
      const position = first?.position && last?.position ? {start: first.position.start, end: last.position.end} : undefined
      parent.children.splice(start, count, {type: 'text', value, position})
      return start + 1
    })
  })
}

/** Footnote calls in raw HTML's text (a paragraph glued to a closing tag); group 1 is the label. */
const htmlCall = /\[\^([^\]\s]{1,40})\](?!:)/g

/**
 * Raw HTML read as text: escaped but for its footnote calls, which stay calls (the parser makes
 * a call only of a defined label, so each gets a stand-in definition, left out again).
 */
function htmlAsText(value: string): RootContent[] {
  const labels = new Set([...value.matchAll(htmlCall)].map((match) => match[1] ?? ''))
  const escaped = withoutTrailingNewlines(value).replace(/[\\<]|\[(?!\^[^\]\s]{1,40}\](?!:))/g, '\\$&')
  const definitions = [...labels].map((label) => `\n\n[^${label}]: -`).join('')
  return parseMarkdown(escaped + definitions).children.filter((node) => node.type !== 'footnoteDefinition')
}

function withoutTrailingNewlines(value: string): string {
  let end = value.length
  while (end > 0 && value[end - 1] === '\n') end--
  return value.slice(0, end)
}
