/** Phrasing content made from markup (HTML, Word runs), shaped as Markdown can write it. */
import type {Nodes, PhrasingContent, Text} from 'mdast'
import {toSuperscript} from '../conventions/notes-section.js'

type Wrapper = Extract<PhrasingContent, {type: 'emphasis' | 'strong' | 'delete'}>

const wrappers: ReadonlySet<string> = new Set(['emphasis', 'strong', 'delete'])

function isWrapper(node: Nodes): node is Wrapper {
  return wrappers.has(node.type)
}

/**
 * White space at the edges of emphasis goes outside it (`*a *b` cannot be written, and
 * `&#x20;` in the text is noise); emphasis left empty goes; adjacent texts are joined.
 */
export function tidyEdges(node: Nodes): void {
  if (!('children' in node)) return
  for (const child of node.children) tidyEdges(child)
  const out: Nodes[] = []
  for (const child of node.children as Nodes[]) {
    if (!isWrapper(child)) {
      out.push(child)
      continue
    }
    const first = child.children[0]
    const leading = first?.type === 'text' ? /^\s+/.exec(first.value)?.[0] : undefined
    if (first?.type === 'text' && leading) first.value = first.value.slice(leading.length)
    const last = child.children.at(-1)
    const trailing = last?.type === 'text' ? /\s+$/.exec(last.value)?.[0] : undefined
    if (last?.type === 'text' && trailing) last.value = last.value.slice(0, -trailing.length)
    child.children = child.children.filter((grandchild) => grandchild.type !== 'text' || grandchild.value !== '')
    if (leading) out.push({type: 'text', value: leading})
    if (child.children.length > 0) out.push(child)
    if (trailing) out.push({type: 'text', value: trailing})
  }
  const joined: Nodes[] = []
  for (const child of out) {
    // A heading is one line: a line break in it (`<h1>The Barns<br>of the Moor</h1>`) is a space.
    const item: Nodes = node.type === 'heading' && child.type === 'break' ? {type: 'text', value: ' '} : child
    const previous = joined.at(-1)
    if (item.type === 'text' && previous?.type === 'text') (previous as Text).value += item.value
    else joined.push(item)
  }
  if (node.type === 'heading') for (const child of joined) if (child.type === 'text') child.value = child.value.replace(/[ \t]*\n[ \t]*|[ \t]{2,}/g, ' ')
  ;(node as {children: Nodes[]}).children = joined
}

/** Characters that have a superscript form: a power's digits and signs (`10<sup>-3</sup>`). */
const superscriptForms: Readonly<Record<string, string>> = {'+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾'}
const subscriptForms: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...'0123456789'].map((digit, index) => [digit, String.fromCodePoint(0x2080 + index)])),
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎'
}
const raisable = /^[-+−=()]?\d{1,4}(?:[-+−=()]\d{0,4})*$/

/**
 * Digits and signs set raised or lowered (`10<sup>3</sup>`, `H<sub>2</sub>O`) as their
 * superscript or subscript characters (`10³`, `H₂O`): the only raising every output shows
 * without markup. Undefined for anything else (letters, `1a`), which reads as it stands.
 */
export function raisedForm(text: string, position: 'sup' | 'sub'): string | undefined {
  if (!raisable.test(text)) return undefined
  return position === 'sup' ? toSuperscript(text).replace(/[-+−=()]/g, (sign) => superscriptForms[sign] ?? sign) : text.replace(/[\d+\-−=()]/g, (character) => subscriptForms[character] ?? character)
}
