/**
 * The places of a chapter, in the order the PDF prints them: each note at its first call, the
 * notes without a call after the text. Gives emendations, removals and headings their ids (as
 * `data.hProperties`, which the html stage's handlers carry into the print HTML), headings their
 * print level, citations with a provisional ref their key, and collects the chapter's outline
 * and apparatus.
 */
import type {FootnoteDefinition, Heading, Nodes, Root} from 'mdast'
import type {ContainerDirective, TextDirective} from 'mdast-util-directive'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {report} from '../diagnostics.js'
import {directive, editorialRule, isMatterName} from '../shared/annotations.js'
import {anchors} from './anchors.js'

/** A section heading of a chapter, for the outline. */
export interface ChapterHeading {
  id: string
  /** 1 for the sections directly under the chapter title. */
  level: number
  text: string
}

/** An emendation or removal, for the chapter's apparatus. */
export interface Annotation {
  id: string
  kind: 'emendation' | 'removal'
  /** The reading printed (emendation) or the text taken out (removal). */
  text: string
  original?: string
  rule: string
  /** Label of the note the annotation is in, if any. */
  note?: string
}

export interface PrintPlaces {
  /** Note definitions by identifier (the first of a repeated identifier). */
  definitions: Map<string, FootnoteDefinition>
  headings: ChapterHeading[]
  /** Labels of the notes printed at the foot of the page, in order of their first call. */
  notes: string[]
  /** Notes without a call, printed after the chapter. */
  uncalled: FootnoteDefinition[]
  annotations: Annotation[]
}

export interface PlacesContext {
  slug: string
  /** The bibliography key of a provisional citation ref (`"<note>.<index>"`) of this document. */
  keyOfRef: (ref: string) => string | undefined
  file: VFile
}

function attribute(node: TextDirective | ContainerDirective, name: string): string | undefined {
  const value = node.attributes?.[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

const depths: ReadonlyArray<Heading['depth']> = [1, 2, 3, 4, 5, 6]

/** Heading depth of the shallowest heading, so a document's own levels start under its title. */
function topDepth(tree: Root): number {
  let depth = 6
  visit(tree, 'heading', (node: Heading) => {
    depth = Math.min(depth, node.depth)
  })
  return depth
}

/** Walk `tree` as it is printed; sets ids and keys on its nodes. */
export function printPlaces(tree: Root, context: PlacesContext): PrintPlaces {
  const {slug, file} = context
  const definitions = new Map<string, FootnoteDefinition>()
  visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  const printed = new Set<string>()
  const notes: string[] = []
  const annotations: Annotation[] = []
  const headings: ChapterHeading[] = []
  const shift = topDepth(tree) - 2
  let currentNote: string | undefined
  // Headings of the original's front and back matter stay out of the outline.
  let matterDepth = 0

  function annotate(node: TextDirective | ContainerDirective, annotation: Omit<Annotation, 'id' | 'note'>): void {
    const count = annotations.filter((item) => item.kind === annotation.kind).length
    const id = annotation.kind === 'emendation' ? anchors.emendation(slug, count) : anchors.removal(slug, count)
    annotations.push({...annotation, id, ...(currentNote === undefined ? {} : {note: currentNote})})
    node.data = {...node.data, hProperties: {id}}
  }

  function children(node: Nodes): void {
    if ('children' in node) for (const child of node.children) walk(child)
  }

  function walk(node: Nodes): void {
    switch (node.type) {
      // Printed at its first call.
      case 'footnoteDefinition':
        return
      case 'footnoteReference': {
        const label = node.label ?? node.identifier
        const definition = definitions.get(node.identifier)
        if (!definition) {
          report(file, 'pdf-note-undefined', `Unexpected call of note \`${label}\` without a definition, expected \`[^${label}]: …\``, node.position)
          return
        }
        if (printed.has(node.identifier)) return
        printed.add(node.identifier)
        notes.push(label)
        const outer = currentNote
        currentNote = label
        children(definition)
        currentNote = outer
        return
      }
      case 'heading': {
        const level = Math.max(1, node.depth - shift - 1)
        if (matterDepth > 0) {
          node.data = {...node.data, hProperties: {className: ['matter-heading']}}
        } else {
          const id = anchors.heading(slug, headings.length)
          headings.push({id, level, text: toString(node)})
          node.data = {...node.data, hProperties: {id, className: ['section-heading', `level-${level}`]}}
        }
        node.depth = depths[Math.min(6, level + 1) - 1] ?? 6
        children(node)
        return
      }
      case 'textDirective':
        textDirective(node)
        return
      case 'containerDirective':
        containerDirective(node)
        return
      default:
        children(node)
    }
  }

  function textDirective(node: TextDirective): void {
    switch (node.name) {
      case directive.emend:
        annotate(node, {kind: 'emendation', text: toString(node), original: attribute(node, 'orig') ?? '', rule: attribute(node, 'rule') ?? editorialRule})
        children(node)
        return
      // Their text is not printed.
      case directive.removed:
        annotate(node, {kind: 'removal', text: toString(node), rule: attribute(node, 'rule') ?? editorialRule})
        return
      case directive.boundary:
        return
      case directive.cite: {
        const ref = attribute(node, 'ref')
        const key = attribute(node, 'key') ?? (ref === undefined ? undefined : context.keyOfRef(ref))
        if (key !== undefined) node.attributes = {...node.attributes, key}
        children(node)
        return
      }
      default:
        children(node)
    }
  }

  function containerDirective(node: ContainerDirective): void {
    if (node.name === directive.removed) {
      annotate(node, {kind: 'removal', text: node.children.map((child) => toString(child)).join(' '), rule: attribute(node, 'rule') ?? editorialRule})
      return
    }
    if (isMatterName(node.name)) {
      matterDepth++
      children(node)
      matterDepth--
      return
    }
    if (node.name === directive.references) {
      // A list's items print their paragraphs only (as entries).
      for (const child of node.children) {
        if (child.type === 'list') for (const item of child.children) for (const inner of item.children) if (inner.type === 'paragraph') walk(inner)
        if (child.type !== 'list') walk(child)
      }
      return
    }
    children(node)
  }

  walk(tree)
  const uncalled = [...definitions.values()].filter((definition) => !printed.has(definition.identifier))
  for (const definition of uncalled) {
    report(file, 'pdf-note-uncalled', `Unexpected note \`${definition.label ?? definition.identifier}\` without a call, expected \`[^${definition.label ?? definition.identifier}]\` in the text`, definition.position)
  }
  // Printed after the text, outside any note.
  for (const definition of uncalled) children(definition)
  return {definitions, headings, notes, uncalled, annotations}
}
