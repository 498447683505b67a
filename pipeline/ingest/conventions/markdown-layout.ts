/**
 * Layout of a Markdown source that GFM does not read: TOML front matter (`+++` … `+++`, as Hugo
 * and Zola write it), pandoc's fenced divs (`::: {.note}` … `:::`), and a web address broken
 * across two lines by a hard wrap.
 */
import type {Parents, PhrasingContent, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {addressGoesOn} from '../repair/addresses.js'

/** TOML front matter at the very start of a source; group 1 is its body. */
const tomlMatter = /^\+\+\+[ \t]*\n([\s\S]*?)\n\+\+\+[ \t]*(?:\n|$)/

/** A source's TOML front matter: its body and the source with the block blanked (offsets kept). */
export function tomlFrontMatter(text: string): {value: string; text: string} | undefined {
  if (!text.startsWith('+++')) return undefined
  const match = tomlMatter.exec(text)
  if (!match) return undefined
  return {value: match[1] ?? '', text: blankRange(text, 0, match[0].length)}
}

/** A fence of a pandoc div: three colons or more, with attributes or a class name (an opening) or alone (a closing). */
const divFence = /^ {0,3}(:{3,})(?!:)[ \t]*(\{[^{}\n]{0,200}\}|[\w-]{1,60})?[ \t]*(?::+[ \t]*)?$/
const codeFence = /^ {0,3}(`{3,}|~{3,})/

/**
 * The source with the fences of its pandoc divs blanked (offsets kept): they are markup, like
 * HTML tags, and what they hold is read as the blocks it is. A fence is a div's only where an
 * opening is closed later; fences in code blocks are code.
 */
export function withoutDivFences(text: string): string {
  if (!text.includes(':::')) return text
  const lines = text.split('\n')
  const fences: number[] = []
  const open: number[] = []
  let code: string | undefined
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const marker = codeFence.exec(line)?.[1]
    if (code !== undefined) {
      if (marker && marker[0] === code[0] && marker.length >= code.length) code = undefined
      continue
    }
    if (marker) {
      code = marker
      continue
    }
    const fence = divFence.exec(line)
    if (!fence) continue
    if (fence[2] !== undefined) open.push(index)
    else if (open.length > 0) fences.push(open.pop() as number, index)
  }
  if (fences.length === 0) return text
  for (const index of fences) lines[index] = (lines[index] ?? '').replace(/[^\n]/g, ' ')
  return lines.join('\n')
}

/** `text` with its characters between `start` and `end` as spaces but for line ends. */
export function blankRange(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end)
}

/**
 * The rest of a broken address opening the next line: a run without spaces that holds a path,
 * query or file character (`2020/denk-salt`, `index.html`), so a plain word (`which`) is never
 * taken; a closing `>` of an autolink goes with it. Group 1 is the rest, group 2 the `>`.
 */
const addressRest = /^\n[ \t]*([\w~%/.=?&#:+,;@!$'()*-]*?[\w/~%=#-])(>?)(?=[.,;:!?)\]]*(?:\s|$))/

/**
 * Web addresses broken across two lines by a hard wrap: the parser links the first part and
 * leaves the rest as text after a line break. The rest belongs to the address (and to the text
 * of an address shown as itself); an autolink's brackets around the two parts go with them.
 */
export function joinBrokenAddresses(tree: Root): void {
  visit(tree, 'link', (link, index, parent) => {
    if (!parent || index === undefined) return undefined
    const shown = link.children.length === 1 && link.children[0]?.type === 'text' ? link.children[0] : undefined
    if (!shown || !sameAddress(shown.value, link.url)) return undefined
    const next = parent.children[index + 1]
    if (next?.type !== 'text') return undefined
    const rest = addressRest.exec(next.value.slice(0, 400))
    if (!rest?.[1] || !addressGoesOn(link.url, rest[1])) return undefined
    const before = parent.children[index - 1]
    const bracketed = rest[2] === '>' && before?.type === 'text' && before.value.endsWith('<')
    link.url += rest[1]
    shown.value += rest[1]
    next.value = next.value.slice(rest[0].length - (bracketed || rest[2] === '' ? 0 : 1))
    if (bracketed) before.value = before.value.slice(0, -1)
    return removeEmpty(parent, index)
  })
}

/** Whether a link's text is its address as shown (with or without its scheme or `mailto:`). */
function sameAddress(shown: string, url: string): boolean {
  return shown === url || url.endsWith(`//${shown}`) || url === `http://${shown}`
}

/** Leave out the text nodes beside the link at `index` that joining emptied; the index after the link. */
function removeEmpty(parent: Parents, index: number): number {
  const children = parent.children as PhrasingContent[]
  const empty = (node: PhrasingContent | undefined) => node?.type === 'text' && node.value === ''
  if (empty(children[index + 1])) children.splice(index + 1, 1)
  if (!empty(children[index - 1])) return index + 1
  children.splice(index - 1, 1)
  return index
}
