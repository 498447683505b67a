/**
 * The places of a chapter, in the order the PDF prints them: each note at its first call, the
 * notes without a call after the text. Gives emendations, removals and headings their ids (as
 * `data.hProperties`, which the html stage's handlers carry into the print HTML), headings their
 * print level, citations with a provisional ref their key, and collects the chapter's outline
 * and apparatus.
 */
import type {FootnoteDefinition, FootnoteReference, Heading, Root, RootContent} from 'mdast'
import type {ContainerDirective, TextDirective} from 'mdast-util-directive'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {CONTINUE, SKIP, visitParents, type VisitorResult} from 'unist-util-visit-parents'
import type {VFile} from 'vfile'
import {report} from './rules.js'
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

  // Emendations and removals are numbered apart, in the order they are printed.
  const counts: Record<Annotation['kind'], number> = {emendation: 0, removal: 0}

  function annotate(node: TextDirective | ContainerDirective, note: string | undefined, annotation: Omit<Annotation, 'id' | 'note'>): void {
    const count = counts[annotation.kind]++
    const id = annotation.kind === 'emendation' ? anchors.emendation(slug, count) : anchors.removal(slug, count)
    annotations.push({...annotation, id, ...(note === undefined ? {} : {note})})
    node.data = {...node.data, hProperties: {id}}
  }

  /**
   * Collect the places of `nodes`, printed in note `note` (if any) and, if `matter`, in the
   * source's front or back matter (whose headings stay out of the outline).
   */
  function collect(nodes: readonly RootContent[], note: string | undefined, matter: boolean): void {
    for (const root of nodes) {
      visitParents(root, (node, ancestors) => {
        const inMatter = matter || ancestors.some((ancestor) => ancestor.type === 'containerDirective' && isMatterName(ancestor.name))
        switch (node.type) {
          // Printed at its first call.
          case 'footnoteDefinition':
            return SKIP
          case 'footnoteReference':
            call(node, inMatter)
            return CONTINUE
          case 'heading':
            heading(node, inMatter)
            return CONTINUE
          case 'textDirective':
            return textDirective(node, note)
          case 'containerDirective':
            return containerDirective(node, note, inMatter)
          default:
            return CONTINUE
        }
      })
    }
  }

  function call(node: FootnoteReference, matter: boolean): void {
    const label = node.label ?? node.identifier
    const definition = definitions.get(node.identifier)
    if (!definition) {
      report(file, 'pdf-note-undefined', `Unexpected call of note \`${label}\` without a definition, expected \`[^${label}]: …\``, node.position)
    } else if (!printed.has(node.identifier)) {
      printed.add(node.identifier)
      notes.push(label)
      collect(definition.children, label, matter)
    }
  }

  function heading(node: Heading, matter: boolean): void {
    const level = Math.max(1, node.depth - shift - 1)
    if (matter) {
      node.data = {...node.data, hProperties: {className: ['matter-heading']}}
    } else {
      const id = anchors.heading(slug, headings.length)
      headings.push({id, level, text: toString(node)})
      node.data = {...node.data, hProperties: {id, className: ['section-heading', `level-${level}`]}}
    }
    node.depth = depths[Math.min(6, level + 1) - 1] ?? 6
  }

  function textDirective(node: TextDirective, note: string | undefined): VisitorResult {
    switch (node.name) {
      case directive.emend:
        annotate(node, note, {kind: 'emendation', text: toString(node), original: attribute(node, 'orig') ?? '', rule: attribute(node, 'rule') ?? editorialRule})
        return CONTINUE
      // Not printed: a removal leaves its mark only, a moved note boundary nothing.
      case directive.removed:
        annotate(node, note, {kind: 'removal', text: toString(node), rule: attribute(node, 'rule') ?? editorialRule})
        return SKIP
      case directive.boundary:
        return SKIP
      case directive.cite: {
        const ref = attribute(node, 'ref')
        const key = attribute(node, 'key') ?? (ref === undefined ? undefined : context.keyOfRef(ref))
        if (key !== undefined) node.attributes = {...node.attributes, key}
        return CONTINUE
      }
      default:
        return CONTINUE
    }
  }

  function containerDirective(node: ContainerDirective, note: string | undefined, matter: boolean): VisitorResult {
    if (node.name === directive.removed) {
      annotate(node, note, {kind: 'removal', text: node.children.map((child) => toString(child)).join(' '), rule: attribute(node, 'rule') ?? editorialRule})
      return SKIP
    }
    if (node.name !== directive.references) return CONTINUE
    // A list's items print their paragraphs only (as entries).
    for (const child of node.children) {
      if (child.type === 'list') for (const item of child.children) collect(item.children.filter((inner) => inner.type === 'paragraph'), note, matter)
      else collect([child], note, matter)
    }
    return SKIP
  }

  collect(tree.children, undefined, false)
  const uncalled = [...definitions.values()].filter((definition) => !printed.has(definition.identifier))
  for (const definition of uncalled) {
    report(file, 'note-uncalled', `Unexpected note \`${definition.label ?? definition.identifier}\` without a call, expected \`[^${definition.label ?? definition.identifier}]\` in the text`, definition.position)
  }
  // Printed after the text, outside any note.
  for (const definition of uncalled) collect(definition.children, undefined, false)
  return {definitions, headings, notes, uncalled, annotations}
}
