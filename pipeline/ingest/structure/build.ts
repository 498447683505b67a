/** Blocks and notes → the mdast tree of the annotated Markdown (body, then note definitions). */
import type {BlockContent, FootnoteDefinition, Heading, List, ListItem, Paragraph, Root, RootContent} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import {callsOffLineStarts, phrasingAll, type CallMoved} from '../inline.js'
import type {NoteDraft, Span} from '../spans.js'
import type {Block} from './blocks.js'
import {directive, type RemovedBlock, unspecifiedRule} from '../../shared/annotations.js'

/** Nodes waiting for their phrasing content, parsed for all of them at once at the end. */
type Pending = Array<{node: Paragraph | Heading; spans: readonly Span[]}>

/** `moved` hears of each call put after the word it opened a line with (see `callsOffLineStarts`). */
export function buildTree(blocks: readonly Block[], notes: readonly NoteDraft[], moved: CallMoved): Root {
  const pending: Pending = []
  const body: RootContent[] = []
  let region: Block['region']
  let container: ContainerDirective | undefined
  let references: ContainerDirective | undefined
  let index = 0
  while (index < blocks.length) {
    const block = blocks[index] as Block
    const [node, next] = blockNode(blocks, index, pending)
    index = next
    if (block.region !== region) {
      region = block.region
      references = undefined
      container = region === 'front' || region === 'back' ? {type: 'containerDirective', name: region === 'front' ? directive.frontMatter : directive.backMatter, attributes: {}, children: []} : undefined
      if (container) body.push(container)
    }
    // A reference list opens at its heading and holds the entries after it.
    if (block.section !== 'references') references = undefined
    else if (!references || node.type === 'heading' && node.depth <= 2) {
      references = {type: 'containerDirective', name: directive.references, attributes: {}, children: []}
      if (container) container.children.push(references)
      else body.push(references)
    }
    if (references) references.children.push(node)
    else if (container) container.children.push(node)
    else body.push(node)
  }
  for (const note of notes) body.push(definition(note, pending))
  // A heading's text never opens a line: `# ` stands before it.
  const contents = phrasingAll(pending.map((entry) => (entry.node.type === 'paragraph' ? callsOffLineStarts(entry.spans, moved) : entry.spans)))
  pending.forEach((entry, position) => {
    entry.node.children = contents[position] ?? []
  })
  // A note of blanks only keeps no empty paragraph: `[^1]: ` would not read back the same.
  for (const node of body) {
    if (node.type === 'footnoteDefinition') node.children = node.children.filter((child) => child.type !== 'paragraph' || child.children.length > 0)
  }
  return {type: 'root', children: body}
}

function later<T extends Paragraph | Heading>(node: T, spans: readonly Span[], pending: Pending): T {
  pending.push({node, spans})
  return node
}

function paragraph(spans: readonly Span[], pending: Pending): Paragraph {
  return later({type: 'paragraph', children: []}, spans, pending)
}

/** The node for the block at `index` (lists and removed runs take several blocks). */
function blockNode(blocks: readonly Block[], index: number, pending: Pending): [BlockContent, number] {
  const block = blocks[index] as Block
  switch (block.kind) {
    case 'heading':
      return [later({type: 'heading', depth: block.depth ?? 2, children: []}, block.spans, pending), index + 1]
    case 'quote':
      return [{type: 'blockquote', children: [paragraph(block.spans, pending)]}, index + 1]
    case 'removed': {
      const node: RemovedBlock = {type: 'containerDirective', name: directive.removed, attributes: {rule: block.rule ?? unspecifiedRule}, children: []}
      let next = index
      while (next < blocks.length && blocks[next]?.kind === 'removed' && blocks[next]?.rule === block.rule && blocks[next]?.region === block.region) {
        node.children.push(paragraph((blocks[next] as Block).spans, pending))
        next++
      }
      return [node, next]
    }
    case 'item':
      return list(blocks, index, pending)
    case 'paragraph':
      return [paragraph(block.spans, pending), index + 1]
  }
}

/** Consecutive items of one kind; numbers must run on, else markers stay in the text. */
function list(blocks: readonly Block[], index: number, pending: Pending): [List, number] {
  const first = blocks[index] as Block
  const ordered = first.marker?.ordered === true
  const items: Block[] = []
  let next = index
  while (next < blocks.length) {
    const block = blocks[next]
    if (block?.kind !== 'item' || (block.marker?.ordered === true) !== ordered || block.region !== first.region || block.section !== first.section) break
    if (ordered && items.length > 0 && block.marker?.number === 1) break
    items.push(block)
    next++
  }
  const start = first.marker?.number ?? 1
  const runsOn = !ordered || items.every((item, position) => item.marker?.number === start + position)
  const children: ListItem[] = items.map((item) => {
    const spans = runsOn || !item.marker ? item.spans : [{type: 'text' as const, value: item.marker.raw}, ...item.spans]
    return {type: 'listItem', spread: false, children: [paragraph(spans, pending)]}
  })
  const node: List = {type: 'list', ordered: ordered && runsOn, spread: false, children}
  if (ordered && runsOn) node.start = start
  return [node, next]
}

function definition(note: NoteDraft, pending: Pending): FootnoteDefinition {
  const runs = note.paragraphs.length > 0 ? note.paragraphs : [[]]
  return {type: 'footnoteDefinition', identifier: note.label, label: note.label, children: runs.map((spans) => paragraph(spans, pending))}
}
