/**
 * A notes list closing a marked-up text (HTML, Word) whose calls are plain digits glued to the
 * word or stop before them (`seasoned oak.1 They`), as a web copy of a printed article types
 * them: under the last notes heading, paragraphs opening `1 `, `2 ` … (or an ordered list from
 * 1). Digits are many things, so the list is read only where the text before it calls every
 * note, 1, 2, 3 … in order, each call after the one before; the calls become footnote references
 * and the paragraphs footnote definitions, the heading a removed `notes-heading`.
 */
import type {FootnoteDefinition, Paragraph, Parents, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {directive, type RemovalRule} from '../../shared/annotations.js'
import {isNotesHeading, notCall} from '../conventions/notes-section.js'

/** Digits glued to a word or to a stop (`oak.1`, `them,2`), before space, punctuation or the end. */
const gluedNumber = /(?<=[\p{L}.,;:!?’”"')\]])(\d{1,3})(?=[\s,;:!?)\]]|\.(?:\s|$)|$)/gu

/** A note paragraph's opening number: `1 Text`, `1. Text`. */
const opening = /^(\d{1,3})\.?\s+(?=\S)/

interface Call {
  node: Text
  parent: Parents
  start: number
  length: number
}

/** Turn a closing notes list called by glued digits into footnotes; false (the tree untouched) when the shape is not there. */
export function gluedEndnotesAsFootnotes(tree: Root): boolean {
  if (tree.children.some((node) => node.type === 'footnoteDefinition')) return false
  const at = tree.children.findLastIndex((node) => (node.type === 'heading' || node.type === 'paragraph') && isNotesHeading(toString(node)))
  if (at === -1) return false
  const notes = notesAfter(tree.children, at + 1)
  if (notes.length < 2) return false
  const calls = callsInOrder(tree.children.slice(0, at), notes.length)
  if (calls === undefined) return false
  const definitions = notes.map((children, index): FootnoteDefinition => {
    const label = String(index + 1)
    return {type: 'footnoteDefinition', identifier: label, label, children: [{type: 'paragraph', children}]}
  })
  replaceCalls(calls)
  const heading = tree.children[at] as RootContent
  const removed: Paragraph = {type: 'paragraph', children: [{type: 'textDirective', name: directive.removed, attributes: {rule: 'notes-heading' satisfies RemovalRule}, children: [{type: 'text', value: toString(heading)}]}]}
  tree.children.splice(at, notes.length + 1, removed)
  tree.children.push(...definitions)
  return true
}

/** The notes' contents after the heading, numbered 1, 2, 3 … to the end of the text (else none). */
function notesAfter(children: readonly RootContent[], from: number): PhrasingContent[][] {
  const notes: PhrasingContent[][] = []
  for (let index = from; index < children.length; index++) {
    const node = children[index]
    if (node?.type !== 'paragraph') return []
    const first = node.children[0]
    const match = first?.type === 'text' ? opening.exec(first.value) : null
    if (!match || first?.type !== 'text' || Number(match[1]) !== notes.length + 1) return []
    const rest = first.value.slice(match[0].length)
    notes.push(rest === '' ? node.children.slice(1) : [{type: 'text', value: rest}, ...node.children.slice(1)])
  }
  return notes
}

/** The first call of each number 1 … `count`, each after the one before; undefined unless all are there. */
function callsInOrder(body: readonly RootContent[], count: number): Call[] | undefined {
  const calls: Call[] = []
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

/** Split each text node that holds calls into text and footnote references. */
function replaceCalls(calls: readonly Call[]): void {
  const byNode = new Map<Text, Call[]>()
  calls.forEach((call) => byNode.set(call.node, [...(byNode.get(call.node) ?? []), call]))
  let label = 0
  const labels = new Map(calls.map((call) => [call, String(++label)]))
  for (const [node, here] of byNode) {
    const parent = here[0]?.parent
    if (!parent) continue
    const out: PhrasingContent[] = []
    let last = 0
    for (const call of here) {
      if (call.start > last) out.push({type: 'text', value: node.value.slice(last, call.start)})
      const number = labels.get(call) ?? ''
      out.push({type: 'footnoteReference', identifier: number, label: number})
      last = call.start + call.length
    }
    if (last < node.value.length) out.push({type: 'text', value: node.value.slice(last)})
    const children = parent.children as PhrasingContent[]
    children.splice(children.indexOf(node), 1, ...out)
  }
}
