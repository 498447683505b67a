/**
 * Author's errors the editor confirms (sidecar `sic`, front matter `sic`): each occurrence of
 * the word as a whole word in the text and notes becomes a `:sic[word]` directive, shown as
 * printed with [sic] after it. The wording is not changed, so nothing enters the emendations.
 */
import type {Parents, PhrasingContent, Root, RootContent, Text} from 'mdast'
import type {VFile} from 'vfile'
import {visitParents} from 'unist-util-visit-parents'
import {report} from './rules.js'
import {directive, type DirectiveName, type Sic} from '../shared/annotations.js'
import {escapeRegExp} from '../shared/regexp.js'

/** Where a confirmed word is not looked for: emended readings, removed artifacts, code. */
const skipped: ReadonlySet<string> = new Set<DirectiveName>([directive.emend, directive.removed, directive.sic])

export function markSic(tree: Root, words: readonly string[], file: VFile): void {
  if (words.length === 0) return
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length)
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu')
  const found = new Set<string>()
  const replacements: Array<{parent: Parents; node: Text; parts: PhrasingContent[]}> = []
  visitParents(tree, 'text', (node, ancestors) => {
    if (ancestors.some((ancestor) => (ancestor.type === 'textDirective' || ancestor.type === 'containerDirective') && skipped.has(ancestor.name))) return
    const parts: PhrasingContent[] = []
    let last = 0
    for (const match of node.value.matchAll(pattern)) {
      found.add(match[0])
      if (match.index > last) parts.push({type: 'text', value: node.value.slice(last, match.index)})
      const mark: Sic = {type: 'textDirective', name: directive.sic, attributes: {}, children: [{type: 'text', value: match[0]}]}
      parts.push(mark)
      last = match.index + match[0].length
    }
    if (parts.length === 0) return
    if (last < node.value.length) parts.push({type: 'text', value: node.value.slice(last)})
    const parent = ancestors.at(-1)
    if (parent) replacements.push({parent, node, parts})
  })
  for (const {parent, node, parts} of replacements) {
    const siblings: RootContent[] = parent.children
    siblings.splice(siblings.indexOf(node), 1, ...parts)
  }
  for (const word of sorted) {
    if (!found.has(word)) report(file, 'html-sic-not-found', `Unexpected \`${word}\` in \`sic\` that is not in the text, expected a word the source prints`)
  }
}
