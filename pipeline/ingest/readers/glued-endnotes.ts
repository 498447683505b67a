/**
 * Notes lists of a marked-up text (HTML, Word) whose calls are plain digits glued to the word
 * or stop before them (`seasoned oak.1 They`), as a web copy of a printed article types them:
 * under a notes heading, paragraphs opening `1 `, `2 ` …, closing the text or each chapter.
 * Digits are many things, so a list is read only where the text before it calls every note,
 * 1, 2, 3 … in order, each call after the one before; the calls become footnote references and
 * the paragraphs footnote definitions, the heading a removed `notes-heading`.
 */
import type {FootnoteDefinition, Paragraph, Parents, PhrasingContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {directive, type RemovalRule} from '../../shared/annotations.js'
import {isNotesHeading, notCall} from '../conventions/notes-section.js'
import {replaceCalls, type TextCall} from '../conventions/symbol-paragraphs.js'

/** Digits glued to a word or to a stop (`oak.1`, `them,2`), before space, punctuation or the end. */
const gluedNumber = /(?<=[\p{L}.,;:!?’”"')\]])(\d{1,3})(?=[\s,;:!?)\]]|\.(?:\s|$)|$)/gu

/** A note paragraph's opening number: `1 Text`, `1. Text`. */
const opening = /^(\d{1,3})\.?\s+(?=\S)/

/**
 * Turn notes lists called by glued digits into footnotes: the list closing the text, or one after
 * each chapter (numbered afresh, labelled apart as `1-2`), each called by the text since the list
 * before it. False (the tree untouched) when any list is not called so.
 */
export function gluedEndnotesAsFootnotes(tree: Root): boolean {
  if (tree.children.some((node) => node.type === 'footnoteDefinition')) return false
  const sections: Array<{at: number; notes: PhrasingContent[][]}> = []
  tree.children.forEach((node, at) => {
    if ((node.type !== 'heading' && node.type !== 'paragraph') || !isNotesHeading(toString(node))) return
    const notes = notesAfter(tree.children, at + 1)
    if (notes.length > 0) sections.push({at, notes})
  })
  const last = sections.at(-1)
  // The last list runs to the end of the text; two notes at least where it is the only one.
  if (!last || last.at + last.notes.length + 1 !== tree.children.length || (sections.length === 1 && last.notes.length < 2)) return false
  const found: Array<{calls: TextCall[]; labels: string[]}> = []
  let from = 0
  for (const [index, section] of sections.entries()) {
    const calls = callsInOrder(tree.children.slice(from, section.at), section.notes.length)
    if (calls === undefined) return false
    found.push({calls, labels: section.notes.map((_, at) => (index === 0 ? String(at + 1) : `${at + 1}-${index + 1}`))})
    from = section.at + section.notes.length + 1
  }
  const definitions: FootnoteDefinition[] = []
  for (const [index, section] of sections.entries()) {
    const labels = found[index]?.labels ?? []
    section.notes.forEach((children, at) => {
      const label = labels[at] ?? ''
      definitions.push({type: 'footnoteDefinition', identifier: label, label, children: [{type: 'paragraph', children}]})
    })
  }
  replaceCalls(found.flatMap(({calls, labels}) => calls.map((call, at) => ({...call, label: labels[at] ?? ''}))))
  // Each heading and its list leave the text, the heading into the apparatus (last first: the places hold).
  for (const section of [...sections].reverse()) {
    const heading = tree.children[section.at] as RootContent
    const removed: Paragraph = {type: 'paragraph', children: [{type: 'textDirective', name: directive.removed, attributes: {rule: 'notes-heading' satisfies RemovalRule}, children: [{type: 'text', value: toString(heading)}]}]}
    tree.children.splice(section.at, section.notes.length + 1, removed)
  }
  tree.children.push(...definitions)
  return true
}

/** The notes' contents after the heading, numbered 1, 2, 3 …, to the next block that is no note (else none). */
function notesAfter(children: readonly RootContent[], from: number): PhrasingContent[][] {
  const notes: PhrasingContent[][] = []
  for (let index = from; index < children.length; index++) {
    const node = children[index]
    if (node?.type !== 'paragraph') break
    const first = node.children[0]
    const match = first?.type === 'text' ? opening.exec(first.value) : null
    if (!match || first?.type !== 'text' || Number(match[1]) !== notes.length + 1) break
    const rest = first.value.slice(match[0].length)
    notes.push(rest === '' ? node.children.slice(1) : [{type: 'text', value: rest}, ...node.children.slice(1)])
  }
  return notes
}

/** The first call of each number 1 … `count`, each after the one before; undefined unless all are there. */
function callsInOrder(body: readonly RootContent[], count: number): TextCall[] | undefined {
  const calls: TextCall[] = []
  const visit = (node: RootContent | PhrasingContent, parent: Parents | undefined): void => {
    if (calls.length === count) return
    if (node.type === 'text' && parent) {
      for (const match of node.value.matchAll(gluedNumber)) {
        if (Number(match[1]) !== calls.length + 1 || notCall(node.value, match.index)) continue
        calls.push({node, parent, start: match.index, length: match[0].length})
        if (calls.length === count) return
      }
      return
    }
    // Code, links and removed artifacts are not the text's prose.
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'link' || node.type === 'textDirective' || node.type === 'containerDirective') return
    if ('children' in node) for (const child of node.children) visit(child, node)
  }
  for (const node of body) visit(node, undefined)
  return calls.length === count ? calls : undefined
}
