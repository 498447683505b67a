import {existsSync, readdirSync} from 'node:fs'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Ajv} from 'ajv'
import fc from 'fast-check'
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {applyKeys, extractCitations} from '../../pipeline/citations/index.js'
import {renderNodes, wrapSpan} from '../../pipeline/citations/note-text.js'
import {ingestSource} from '../../pipeline/ingest/index.js'
import {parseMarkdown, stringifyMarkdown} from '../../pipeline/markdown/index.js'
import {loadSources} from '../../pipeline/build/sources.js'
import {testMeta} from './document.js'

const fixtures = path.join(import.meta.dirname, '../fixtures/citations')
const update = process.env['UPDATE'] === '1'

const meta = testMeta('article', 'en')

/** The text of every footnote definition, directives read as their content. */
function noteTexts(tree: Root): string[] {
  const out: string[] = []
  visit(tree, 'footnoteDefinition', (node) => {
    out.push(toString(node))
  })
  return out
}

function noteTextOf(paragraph: {children: Parameters<typeof renderNodes>[0]}): string {
  return renderNodes(paragraph.children)
}

function cites(tree: Root): Array<Record<string, string | null | undefined>> {
  const out: Array<Record<string, string | null | undefined>> = []
  visit(tree, 'textDirective', (node) => {
    if (node.name === 'cite') out.push({...node.attributes})
  })
  return out
}

function run(markdown: string) {
  const tree = parseMarkdown(markdown)
  const file = new VFile({path: 'test.md', value: markdown})
  const before = noteTexts(tree)
  const citations = extractCitations(tree, meta, file)
  return {tree, file, before, citations}
}

describe('fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    test(name, async () => {
      const input = await readFile(path.join(fixtures, name, 'input.md'), 'utf8')
      const {tree, file, before, citations} = run(input)
      const markdown = stringifyMarkdown(tree)
      const report = {
        citations,
        messages: file.messages.map((message) => ({ruleId: message.ruleId, line: message.line, reason: message.reason}))
      }
      const expectedMd = path.join(fixtures, name, 'expected.md')
      const expectedJson = path.join(fixtures, name, 'expected.json')
      if (update) {
        await writeFile(expectedMd, markdown)
        await writeFile(expectedJson, JSON.stringify(report, null, 2) + '\n')
      }
      expect(existsSync(expectedMd), `missing ${expectedMd}: run with UPDATE=1 and review it`).toBe(true)
      expect(existsSync(expectedJson), `missing ${expectedJson}: run with UPDATE=1 and review it`).toBe(true)
      expect(markdown).toBe(await readFile(expectedMd, 'utf8'))
      expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(await readFile(expectedJson, 'utf8')))
      // Wrapping changes no word of the notes, and the Markdown reads back to the same cites.
      expect(noteTexts(tree)).toEqual(before)
      const reread = parseMarkdown(markdown)
      expect(cites(reread)).toEqual(cites(tree))
      expect(cites(tree).map((cite) => cite['ref'])).toEqual(citations.map((citation) => `${citation.note}.${citation.index}`))
    })
  }
})

describe('behaviour', () => {
  test('citations, locators and resolution', () => {
    const {citations} = run('x[^1] y[^2] z[^3]\n\n[^1]: John Smith, *A History* (London: Penguin, 2001), 44; Jane Roe, *Another Book* (Paris: Seuil, 1999).\n\n[^2]: Ibid., 12.\n\n[^3]: Smith, *A History*, 50.\n')
    expect(citations.map((citation) => [citation.note, citation.index, citation.item.type, citation.locator])).toEqual([
      [1, 0, 'book', '44'], [1, 1, 'book', undefined], [2, 0, 'book', '12'], [3, 0, 'book', '50']
    ])
    expect(citations[2]).toMatchObject({ibid: true, resolvesTo: {note: 1, index: 1}})
    expect(citations[3]).toMatchObject({shortForm: true, resolvesTo: {note: 1, index: 0}})
  })

  test('spans cross emphasis and emendations without breaking them', () => {
    const {tree, citations} = run('x[^1]\n\n[^1]: See RTsKhIDNI, Fond 17, Opis 128, Delo 47, :emend[l.]{orig="1." rule="ocr-folio"} 19-21, in *both* of which nothing appears.\n')
    expect(citations).toHaveLength(1)
    expect(citations[0]).toMatchObject({locator: '19-21', label: 'folio', archival: {folios: '19-21', archive: 'RTsKhIDNI'}})
    const markdown = stringifyMarkdown(tree)
    expect(markdown).toContain(':cite[RTsKhIDNI, Fond 17, Opis 128, Delo 47, :emend[l.]{orig="1." rule="ocr-folio"} 19-21]{ref="1.0" locator="19-21" label="folio"}')
    expect(markdown).toContain('See :cite[')
    expect(markdown).toContain(', in *both* of which nothing appears.')
  })

  test('a split inside emphasis keeps both halves emphasized', () => {
    const tree = parseMarkdown('*See Smith, A History* and more\n')
    const paragraph = tree.children[0]
    if (paragraph?.type !== 'paragraph') throw new Error('Expected a paragraph')
    const text = noteTextOf(paragraph)
    wrapSpan(paragraph, text.indexOf('Smith'), text.indexOf('*', 1), {ref: '1.0'})
    expect(stringifyMarkdown(tree)).toBe('*See* :cite[*Smith, A History*]{ref="1.0"} and more\n')
    expect(toString(paragraph)).toBe('See Smith, A History and more')
  })

  test('an emphasized lead-in is left out', () => {
    const {tree} = run('x[^1]\n\n[^1]: *See* Smith, *A History* (London: Penguin, 2001), 4.\n')
    expect(stringifyMarkdown(tree)).toContain('*See* :cite[Smith, *A History* (London: Penguin, 2001), 4]')
  })

  test('applyKeys replaces the provisional ref with the key', () => {
    const {tree} = run('x[^1]\n\n[^1]: John Smith, *A History* (London: Penguin, 2001), 44; Ibid., 45.\n')
    applyKeys(tree, (note, index) => (index === 0 ? `smith2001history` : undefined))
    expect(cites(tree)).toEqual([
      {key: 'smith2001history', locator: '44', label: 'page'},
      {ref: '1.1', locator: '45', label: 'page'}
    ])
  })

  test('diagnostics carry rule ids and the note position', () => {
    const {file} = run('x[^1]\n\n[^1]: Ibid., 4.\n')
    expect(file.messages.map((message) => [message.ruleId, message.line])).toEqual([['citation-ibid-unresolved', 3]])
  })

  test('notes without citations stay untouched', () => {
    const {tree, citations} = run('x[^1]\n\n[^1]: The documents confirm the long-held assumption that there was no debate; nothing else.\n')
    expect(citations).toEqual([])
    expect(cites(tree)).toEqual([])
  })

  test('any note text: no crash, words kept, refs unique', () => {
    const fragment = fc.constantFrom(
      'Smith, ', '*Title*', '“Quoted,” ', '(London: Penguin, 2001)', ', 45', '; ', '. ', 'Ibid.', 'see ',
      'AVP RF, Fond 07, Opis 1, Delo 2, ', 'l. 3-4', ':emend[l.]{orig="1." rule="ocr-folio"} 5', ' and ', 'cited in ',
      'SD00245', '[', ')', '"', '*', 'Vol. 2, No. 3 (Spring 1994), pp. 1-2', '12 March 1949'
    )
    fc.assert(
      fc.property(fc.array(fragment, {minLength: 1, maxLength: 25}), (parts) => {
        const markdown = `x[^1]\n\n[^1]: ${parts.join('')}\n`
        const {tree, before, citations} = run(markdown)
        expect(noteTexts(tree)).toEqual(before)
        const refs = cites(tree).map((cite) => cite['ref'])
        expect(new Set(refs).size).toBe(refs.length)
        expect(refs).toEqual(citations.map((citation) => `${citation.note}.${citation.index}`))
      }),
      {numRuns: 300}
    )
  })
})

describe('the seeds', () => {
  test('cites round-trip through annotated Markdown and change no word of any note', async () => {
    const loaded = await loadSources(path.join(import.meta.dirname, '../../sources'))
    let total = 0
    for (const source of loaded.sources) {
      const ingested = ingestSource(source.input, source.file)
      if (!ingested) continue
      const before = noteTexts(ingested.tree)
      const citations = extractCitations(ingested.tree, ingested.meta, new VFile({path: source.input.path}))
      total += citations.length
      expect(noteTexts(ingested.tree)).toEqual(before)
      const markdown = stringifyMarkdown(ingested.tree)
      expect(cites(parseMarkdown(markdown))).toEqual(cites(ingested.tree))
      expect(cites(ingested.tree)).toHaveLength(citations.length)
    }
    expect(total).toBeGreaterThan(200)
  })
})

describe('CSL-JSON', () => {
  test('every draft of the seeds is valid CSL-JSON', async () => {
    const ajv = new Ajv({allErrors: true, strict: false})
    const validate = ajv.compile(JSON.parse(await readFile(path.join(import.meta.dirname, '../fixtures/schemas/csl-data.json'), 'utf8')))
    const loaded = await loadSources(path.join(import.meta.dirname, '../../sources'))
    const items: unknown[] = []
    for (const source of loaded.sources) {
      const ingested = ingestSource(source.input, source.file)
      if (!ingested) continue
      for (const citation of extractCitations(ingested.tree, ingested.meta, new VFile())) {
        items.push({id: `${ingested.meta.slug}-${citation.note}-${citation.index}`, ...citation.item})
      }
    }
    expect(items.length).toBeGreaterThan(200)
    expect(validate(items) ? [] : validate.errors).toEqual([])
  })
})
