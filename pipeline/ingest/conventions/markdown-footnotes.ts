/** Markdown that already has GFM footnotes (`[^n]` and `[^n]: …`): read with remark. */
import type {BlockContent, Parents, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {parseMarkdown} from '../../markdown/index.js'
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
    const tree = parseMarkdown(context.text)
    // Front matter is not the work, but its words must stay: kept in the apparatus, as removed.
    tree.children = tree.children.map((node): RootContent => {
      if (node.type !== 'yaml') return node
      return {type: 'containerDirective', name: 'removed', attributes: {rule: 'front-matter'}, children: [{type: 'code', lang: 'yaml', value: node.value}]}
    })
    // Raw HTML in a source is text, as in plain-text sources: the annotated Markdown then never
    // carries markup to pandoc or a reader. It is read again as Markdown with its brackets
    // escaped, so it is what the pivot itself would make of that text and round-trips.
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return undefined
      const blocks = parseMarkdown(withoutTrailingNewlines(node.value).replace(/[\\<[]/g, '\\$&')).children
      if (!phrasingParents.has(parent.type)) {
        const flow = blocks.filter(isBlockContent)
        parent.children.splice(index, 1, ...flow)
        return index + flow.length
      }
      const phrasing = blocks.flatMap((block) => (block.type === 'paragraph' ? block.children : [{type: 'text', value: toString(block)} satisfies Text]))
      parent.children.splice(index, 1, ...phrasing)
      return index + phrasing.length
    })
    return {tree}
  }
}

function withoutTrailingNewlines(value: string): string {
  let end = value.length
  while (end > 0 && value[end - 1] === '\n') end--
  return value.slice(0, end)
}
