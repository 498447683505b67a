/**
 * remarkPlaces: give the reading text its places. Numbers paragraphs (the ¶ anchors scholars
 * cite; the source's front and back matter apart, F1…, B1…, so ¶ 1 is where the work
 * begins), anchors headings and moves them one level down (the document title is the page's
 * `h1`), and takes the note definitions out of the flow into `file.data.edition.notes`.
 */
import type {FootnoteDefinition, Heading, Parents, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {visitParents} from 'unist-util-visit-parents'
import {report} from './rules.js'
import {detach} from '../markdown/detach.js'
import {directive, isMatterName, matterLabels, type Matter} from '../shared/annotations.js'
import {emptyEditionData, type EditionData, type ParagraphAnchor} from './types.js'
import {ids} from './urls.js'

const levels: ReadonlyArray<Heading['depth']> = [1, 2, 3, 4, 5, 6]

/**
 * Heading levels of one scope (the work's text, or one front or back matter section): the
 * scope's highest heading becomes `base` (the page's `h1` is the document title, a matter
 * section's label its `h2`) and no heading goes more than one level below the one before, so
 * the outline has no gaps whatever levels the source used.
 */
class Outline {
  private last: number

  constructor(private readonly base: number, private readonly top: number) {
    this.last = base - 1
  }

  level(depth: number): Heading['depth'] {
    const level = Math.max(this.base, Math.min(this.base + depth - this.top, this.last + 1, 6))
    this.last = level
    return levels[level - 1] ?? 6
  }
}

/** The highest heading (smallest depth) of a scope, not looking into matter sections. */
function topDepth(parent: Parents): number {
  let top = 6
  for (const child of parent.children) {
    if (child.type === 'heading') top = Math.min(top, child.depth)
    else if (isReadingContainer(child) && !isMatter(child)) top = Math.min(top, topDepth(child))
  }
  return top
}

function isMatter(node: RootContent): node is Matter {
  return node.type === 'containerDirective' && isMatterName(node.name)
}

/** Containers whose paragraphs are reading text. */
function isReadingContainer(node: RootContent | Root): node is Parents {
  if (node.type === 'root' || node.type === 'blockquote') return true
  return node.type === 'containerDirective' && node.name !== directive.removed
}

export function remarkPlaces() {
  return function (tree: Root, file: VFile): undefined {
    const data = (file.data.edition ??= emptyEditionData())
    takeNotes(tree, data)
    countReferences(tree, data, file)
    numberBlocks(tree, data, 'text', new Outline(2, topDepth(tree)))
  }
}

function takeNotes(tree: Root, data: EditionData): void {
  const taken: Array<{node: FootnoteDefinition; parent: Parents}> = []
  // A note inside a note stays in it.
  visitParents(tree, (node, ancestors) => {
    if (node.type !== 'footnoteDefinition') return
    data.notes.push({identifier: node.identifier, label: node.label ?? node.identifier, node, references: 0})
    const parent = ancestors.at(-1)
    if (parent) taken.push({node, parent})
    return 'skip'
  })
  detach(taken)
}

/** Counts references per note (micromark only makes a reference of `[^n]` when note n is defined). */
function countReferences(tree: Root, data: EditionData, file: VFile): void {
  const byId = new Map(data.notes.map((note) => [note.identifier, note]))
  const count = (root: Parents) =>
    visit(root, (node) => {
      if (node.type !== 'footnoteReference') return
      const note = byId.get(node.identifier)
      if (note) note.references++
    })
  count(tree)
  for (const note of data.notes) count(note.node)
  for (const note of data.notes) {
    if (note.references === 0) report(file, 'note-uncalled', `Unexpected note \`${note.label}\` without a call, expected \`[^${note.label}]\` in the text`, note.node.position)
  }
}

/** The work's text and the source's front and back matter are numbered apart. */
type Series = 'text' | 'front' | 'back'

const seriesOfContainer: Record<Matter['name'], Series> = {[directive.frontMatter]: 'front', [directive.backMatter]: 'back'}

function nextAnchor(data: EditionData, series: Series): ParagraphAnchor {
  if (series === 'text') {
    data.paragraphs++
    return {id: ids.paragraph(data.paragraphs), label: String(data.paragraphs)}
  }
  const n = ++data.matterParagraphs[series]
  return series === 'front' ? {id: ids.frontParagraph(n), label: `F${n}`} : {id: ids.backParagraph(n), label: `B${n}`}
}

/**
 * Number paragraphs and anchor headings in document order. The table of contents lists the
 * work's headings and each front or back matter section as one entry (its own headings, a
 * title page's for instance, stay out of it and sit one level below the section's label).
 */
function numberBlocks(parent: Parents, data: EditionData, series: Series, outline: Outline): void {
  for (const child of parent.children) {
    if (child.type === 'paragraph') {
      if (isDirectiveLabel(child)) continue
      child.data = {...child.data, paragraphAnchor: nextAnchor(data, series)}
    } else if (child.type === 'heading') {
      const id = ids.section(++data.sections)
      const depth = outline.level(child.depth)
      if (series === 'text') data.headings.push({id, depth, text: toString(child)})
      child.depth = depth
      child.data = {...child.data, headingId: id}
    } else if (isMatter(child)) {
      const id = ids.section(++data.sections)
      const matter = seriesOfContainer[child.name] === 'back' ? 'back' : 'front'
      data.headings.push({id, depth: 2, text: matterLabels[child.name], matter})
      child.data = {...child.data, matterId: id}
      numberBlocks(child, data, matter, new Outline(3, topDepth(child)))
    } else if (isReadingContainer(child)) {
      numberBlocks(child, data, series, outline)
    }
  }
}

/** The `[label]` paragraph remark-directive puts first in a container directive. */
function isDirectiveLabel(node: RootContent): boolean {
  return node.type === 'paragraph' && node.data?.directiveLabel === true
}
