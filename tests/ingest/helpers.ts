/** Shared helpers of the ingest tests: run a seed, read a tree back as the printed text. */
import {readFileSync} from 'node:fs'
import type {Nodes, Root} from 'mdast'
import {VFile} from 'vfile'
import YAML from 'yaml'
import {ingestSource, type IngestResult} from '../../pipeline/ingest/index.js'
import {stringifyDocument} from '../../pipeline/markdown/index.js'
import type {Sidecar} from '../../pipeline/shared/types/document.js'

export const seeds = [
  '000_2777fb99a9e7d315.txt', '001_1f59a4efa4a0bdca.txt', '002_7c7138262c288e0f.txt',
  '003_496bc83017a56cd6.txt', '004_83f24317834575db.txt'
] as const

const sources = new URL('../../sources/', import.meta.url).pathname

export interface SeedRun {
  name: string
  raw: string
  result: IngestResult
  markdown: string
  file: VFile
}

export function ingestSeed(name: string, options: {sidecar?: boolean} = {}): SeedRun {
  const bytes = readFileSync(sources + name)
  const sidecar: Sidecar | undefined = options.sidecar === false ? undefined : YAML.parse(readFileSync(sources + name.replace(/\.txt$/, '.yml'), 'utf8'))
  const path = `sources/${name}`
  const file = new VFile({path})
  const result = ingestSource({path, bytes, sidecar}, file)
  if (!result) throw new Error(`Seed ${name} was refused`)
  return {name, raw: bytes.toString('utf8'), result, markdown: stringifyDocument(result.meta, result.tree), file}
}

/** Nodes whose children run on in one line of text. */
const inline = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'textDirective'])

/** The text as printed: original readings of emendations, removed artifacts, no markers. */
export function printed(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'footnoteReference':
      return ''
    case 'break':
      return ' '
    case 'textDirective':
      if (node.name === 'emend') return String(node.attributes?.orig ?? '')
      return node.children.map(printed).join('')
    default:
      if (!('children' in node)) return ''
      return (node.children as Nodes[]).map((child) => printed(child)).join(inline.has(node.type) ? '' : ' ')
  }
}

/** Gold strings keep superscript markers and Markdown asterisks; compare without them. */
export function normalize(value: string): string {
  return value.replace(/[\u2070\u00B9\u00B2\u00B3\u2074-\u2079]+/g, '').replace(/\*/g, '').replace(/\s+/g, ' ').trim()
}

/** Every paragraph and heading of the body (lists, quotes, containers included), not notes. */
export function bodyBlocks(tree: Root): Nodes[] {
  const out: Nodes[] = []
  const walk = (node: Nodes) => {
    if (node.type === 'footnoteDefinition') return
    if (node.type === 'paragraph' || node.type === 'heading') {
      out.push(node)
      return
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child)
  }
  walk(tree)
  return out
}

/** Text before the reference to note `label`, in the paragraph that holds it. */
export function textBefore(tree: Root, label: string): string | undefined {
  for (const block of bodyBlocks(tree)) {
    let text = ''
    let found = false
    const walk = (node: Nodes) => {
      if (found) return
      if (node.type === 'footnoteReference' && node.identifier === label) {
        found = true
        return
      }
      if ('children' in node && node.type !== 'textDirective') for (const child of node.children as Nodes[]) walk(child)
      else text += printed(node)
    }
    walk(block)
    if (found) return text
  }
  return undefined
}
