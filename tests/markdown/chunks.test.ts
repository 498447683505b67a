/**
 * Markdown read in parts gives the tree the whole text gives, positions included: on every
 * Markdown file of the fixtures (sources and expected annotated Markdown), cut as small as the
 * text allows, and on texts made to cross the cuts (footnote calls before their definitions,
 * containers with blank lines, lists, tables, an open container at the end).
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {cut, parseInParts} from '../../pipeline/markdown/chunks.js'
import {annotatedMarkdown} from '../../pipeline/markdown/index.js'

const annotated = annotatedMarkdown()
const parse = (text: string): Root => annotated.parse(text)
// How a Markdown source is read: without directives.
const source = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const parseSource = (text: string): Root => source.parse(text)

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name)
    if (statSync(full).isDirectory()) return markdownFiles(full)
    return name.endsWith('.md') ? [full] : []
  })
}

function synthetic(count: number): string {
  const blocks: string[] = ['---\ntitle: "Parts"\n---', '# A heading']
  for (let n = 1; n <= count; n++) {
    blocks.push(`Paragraph ${n} cites a work.[^${n}] It also says *more* about it.`)
    if (n % 7 === 0) blocks.push(':::removed{reason="running head"}\nA running head\n\nwith a blank line inside\n:::')
    if (n % 11 === 0) blocks.push('- one item\n\n- another item, loose\n\n  continued in the item')
    if (n % 13 === 0) blocks.push('a | b\n--- | ---\n1 | 2')
    if (n % 17 === 0) blocks.push('1. first\n2. second')
  }
  for (let n = 1; n <= count; n++) blocks.push(`[^${n}]: Author ${n}, *Title ${n}* (Place: Press, 19${String(n % 100).padStart(2, '0')}), ${n}.\n\n    A second paragraph of note ${n}.`)
  blocks.push('A call to a label defined nowhere [^none] stays text.')
  return `${blocks.join('\n\n')}\n`
}

describe('Markdown read in parts', () => {
  it('cuts a large text into several parts', () => {
    const text = synthetic(60)
    const parts = cut(text, 200)
    expect(parts?.length).toBeGreaterThan(20)
    expect(parts?.map((part) => part.text).join('')).toBe(text)
  })

  it('gives the whole text’s tree for texts made to cross the cuts', () => {
    for (const size of [1, 100, 1000]) {
      const text = synthetic(60)
      expect(parseInParts(text, parse, size)).toEqual(parse(text))
      expect(parseInParts(text, parseSource, size)).toEqual(parseSource(text))
    }
  })

  it('keeps a footnote call whose definition is in another part', () => {
    const text = synthetic(30)
    const tree = parseInParts(text, parse, 1)
    const calls = JSON.stringify(tree).match(/"type":"footnoteReference"/g) ?? []
    expect(calls.length).toBe(30)
  })

  it('reads whole a text that ends inside an open container', () => {
    const text = `${synthetic(10)}\n:::removed\nNever closed [^3]\n\nStill inside\n`
    expect(parseInParts(text, parse, 1)).toEqual(parse(text))
  })

  it('reads whole a text with link reference definitions or fenced code', () => {
    expect(cut(`${synthetic(10)}\n[link]: https://example.org\n`, 1)).toBeUndefined()
    expect(cut(`${synthetic(10)}\n\`\`\`\ncode\n\n\`\`\`\n`, 1)).toBeUndefined()
  })

  it('gives the whole text’s tree on every Markdown file of the fixtures', () => {
    const files = markdownFiles(path.resolve('tests/fixtures'))
    expect(files.length).toBeGreaterThan(20)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      expect(parseInParts(text, parse, 1), file).toEqual(parse(text))
      expect(parseInParts(text, parseSource, 1), file).toEqual(parseSource(text))
    }
  })
})
