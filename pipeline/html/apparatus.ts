/**
 * remarkApparatus: collect the editorial interventions of a document. Each `:emend` gets its
 * number and place (¶ or note) for the apparatus; each `removed` artifact (inline or block) is
 * recorded with its place and stays in the tree, shown only in the reading as printed. The
 * editor's own decisions from the sidecar (emendations of rule `editorial`, `:boundary` marks,
 * `:cite` with `override`) are listed apart with their reasons, and the author's errors they
 * confirm (`:sic`) with their place.
 */
import type {Parents, Root} from 'mdast'
import type {ContainerDirective, TextDirective} from 'mdast-util-directive'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {visitParents} from 'unist-util-visit-parents'
import {report} from './rules.js'
import {directive, editorialRule, isRemoved, isTextDirective, unspecifiedRule} from '../shared/annotations.js'
import {emptyEditionData, type EditionData, type EditorialRecord, type ParagraphAnchor, type Place} from './types.js'
import {ids} from './urls.js'

export function remarkApparatus() {
  return function (tree: Root, file: VFile): undefined {
    const data = (file.data.edition ??= emptyEditionData())
    collect(tree, data, file)
    for (const note of data.notes) {
      collect(note.node, data, file, {id: ids.note(note.label), label: `note ${note.label}`})
    }
  }
}

function collect(root: Parents, data: EditionData, file: VFile, fixed?: Place): void {
  let lastParagraph: ParagraphAnchor | undefined
  visitParents(root, (node, ancestors) => {
    if (node.type === 'paragraph' && node.data?.paragraphAnchor) lastParagraph = node.data.paragraphAnchor
    if (node.type !== 'textDirective' && node.type !== 'containerDirective') return
    const place = fixed ?? placeOf(ancestors, lastParagraph)
    if (isTextDirective(node, directive.emend)) {
      addEmendation(node, place, data, file)
      return
    }
    if (isTextDirective(node, directive.sic)) {
      const n = data.sic.length + 1
      data.sic.push({n, word: toString(node), place})
      node.data = {...node.data, sicNumber: n}
      return
    }
    if (isTextDirective(node, directive.boundary) || isTextDirective(node, directive.cite)) {
      addEditorial(node, place, data)
      return
    }
    if (!isRemoved(node)) return
    const n = data.removed.length + 1
    data.removed.push({n, rule: node.attributes?.rule ?? unspecifiedRule, text: removedText(node), block: node.type === 'containerDirective', place})
    node.data = {...node.data, removedNumber: n}
    return 'skip'
  })
}

function addEmendation(node: TextDirective, place: Place, data: EditionData, file: VFile): void {
  const original = node.attributes?.orig
  if (original === undefined || original === null) {
    report(file, 'html-emendation-without-original', 'Unexpected emendation without `orig`, expected the original reading', node.position)
  }
  const n = data.emendations.length + 1
  const rule = node.attributes?.rule ?? unspecifiedRule
  data.emendations.push({n, rule, original: original ?? '', corrected: toString(node), place})
  if (rule === editorialRule) {
    data.editorial.push({n: data.editorial.length + 1, kind: 'emendation', change: `“${original ?? ''}” corrected to “${toString(node)}”`, reason: node.attributes?.reason ?? '', place})
  }
  node.data = {...node.data, emendationNumber: n}
}

/** What a `:boundary` mark says, by its `change`. */
const boundaryChanges: Record<string, (note: string) => string> = {
  'to-body': (note) => `body text that the source prints in note ${note} was taken out here`,
  'from-note': (note) => `text the source prints in note ${note}, returned to the body`,
  split: (note) => `note split off note ${note} here`,
  merge: (note) => `note ${note} continues this note from here`
}

function addEditorial(node: TextDirective, place: Place, data: EditionData): void {
  const attributes = node.attributes ?? {}
  const reason = attributes.reason ?? ''
  let record: Omit<EditorialRecord, 'n'> | undefined
  if (node.name === directive.boundary) {
    const note = attributes.note ?? ''
    const change = attributes.change ?? ''
    record = {kind: 'note boundary', change: boundaryChanges[change]?.(note) ?? `${change} (note ${note})`, reason, place}
  } else if (attributes.override) {
    const fields = attributes.override.split(' ').map((field) => (field === 'key' && attributes.key ? `key \`${attributes.key}\`` : field))
    record = {kind: 'citation', change: `“${toString(node)}”: ${fields.join(', ')} set by the editor`, reason, place}
  }
  if (record) data.editorial.push({n: data.editorial.length + 1, ...record})
}

function placeOf(ancestors: readonly Parents[], lastParagraph: ParagraphAnchor | undefined): Place {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const ancestor = ancestors[index]
    if (ancestor?.type === 'paragraph' && ancestor.data?.paragraphAnchor) {
      const {id, label} = ancestor.data.paragraphAnchor
      return {id, label: `¶ ${label}`}
    }
    if (ancestor?.type === 'heading' && ancestor.data?.headingId) {
      return {id: ancestor.data.headingId, label: `heading “${toString(ancestor)}”`}
    }
  }
  if (lastParagraph) return {id: lastParagraph.id, label: `after ¶ ${lastParagraph.label}`}
  return {id: 'text', label: 'before ¶ 1'}
}

function removedText(node: TextDirective | ContainerDirective): string {
  if (node.type === 'textDirective') return toString(node)
  return node.children.map((child) => toString(child)).join('\n\n')
}
