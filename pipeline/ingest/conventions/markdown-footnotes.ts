/** Markdown that already has GFM footnotes (`[^n]` and `[^n]: …`): read with remark. */
import {parseMarkdown} from '../../markdown/index.js'
import type {Convention} from './types.js'

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
    tree.children = tree.children.filter((node) => node.type !== 'yaml')
    return {tree}
  }
}
