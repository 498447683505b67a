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

/**
 * The top-level `key = value` pairs of TOML front matter whose values are strings, numbers,
 * dates or arrays of strings (all metadata needs), an array over several lines included; tables
 * and anything else are left out.
 */
export function parseTomlFields(value: string): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  const lines = value.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string
    if (/^\s*\[/.test(line)) break
    const pair = /^\s*([A-Za-z_][\w-]{0,60})\s*=\s*(.*?)\s*$/.exec(line)
    if (!pair?.[1] || pair[2] === undefined) continue
    let raw = pair[2]
    if (raw.startsWith('[')) {
      // An array goes on over the lines up to its closing bracket (one name a line, as editors write long lists).
      let array = arrayOf(raw)
      while (!array.closed && index + 1 < lines.length) {
        raw += '\n' + (lines[++index] as string)
        array = arrayOf(raw)
      }
      record[pair[1]] = array.items
      continue
    }
    const parsed = tomlValue(raw)
    if (parsed !== undefined) record[pair[1]] = parsed
  }
  return record
}

/**
 * The strings of a TOML array opening `raw` (basic and literal, in nested arrays too), and
 * whether its closing bracket is in `raw`; brackets and `#` inside strings are the strings'
 * characters, a `#` outside opens a comment to the line's end.
 */
function arrayOf(raw: string): {items: string[]; closed: boolean} {
  const items: string[] = []
  let depth = 0
  for (let index = 0; index < raw.length; index++) {
    const character = raw.charAt(index)
    if (character === '[') depth++
    else if (character === ']') {
      depth--
      if (depth === 0) return {items, closed: true}
    } else if (character === '#') {
      const end = raw.indexOf('\n', index)
      if (end === -1) break
      index = end
    } else if (character === '"' || character === "'") {
      let end = index + 1
      while (end < raw.length && raw.charAt(end) !== character && raw.charAt(end) !== '\n') end += character === '"' && raw.charAt(end) === '\\' ? 2 : 1
      const body = raw.slice(index + 1, end)
      items.push(character === '"' ? unescapeBasic(body) : body)
      index = end
    }
  }
  return {items, closed: false}
}

/** A TOML string (basic or literal) or bare scalar. */
function tomlValue(raw: string): string | undefined {
  const basic = /^"((?:[^"\\]|\\.)*)"/.exec(raw)
  if (basic?.[1] !== undefined) return unescapeBasic(basic[1])
  const literal = /^'([^']*)'/.exec(raw)
  if (literal?.[1] !== undefined) return literal[1]
  const bare = /^[\w:.+-]+/.exec(raw)
  return bare?.[0]
}

function unescapeBasic(value: string): string {
  return value.replace(/\\(["\\nt])/g, (_, character: string) => (character === 'n' ? '\n' : character === 't' ? '\t' : character))
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
