/** The keys the reader's page needs from the sources: a sidecar's confirmed [sic] words and the edition's `baseUrl`. */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {buildMeta} from '../../pipeline/ingest/meta.js'
import {parseDocument, stringifyDocument} from '../../pipeline/markdown/index.js'
import {loadSources} from '../../pipeline/build/sources.js'
import {publicationOf} from '../../templates/html/document-page.js'

function sourcesWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'apparatus-keys-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content)
  return dir
}

describe('sidecar `sic` and edition `baseUrl`', () => {
  it('carries the confirmed words from the sidecar into the front matter, and the base URL ending in a slash', async () => {
    const dir = sourcesWith({
      'edition.yml': 'title: "An Edition"\nbaseUrl: https://example.org/edition\n',
      'a.txt': 'Lozovsley wrote to Lozovsky.\n',
      'a.yml': 'title: "A"\nsic: [Lozovsley]\n'
    })
    const loaded = await loadSources(dir)
    expect(loaded.editionFile.messages).toEqual([])
    expect(loaded.edition.baseUrl).toBe('https://example.org/edition/')
    const source = loaded.sources[0]!
    expect(source.input.sidecar?.sic).toEqual(['Lozovsley'])
    const tree: Root = {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'Lozovsley wrote to Lozovsky.'}]}]}
    const meta = buildMeta(source.input, tree, {convention: 'none', truncated: false, firstLine: 'Lozovsley wrote to Lozovsky.'}, new VFile())
    const markdown = stringifyDocument(meta, tree)
    expect(markdown).toMatch(/\nsic:\n {2}- "Lozovsley"\n/)
    expect(parseDocument(markdown).meta.sic).toEqual(['Lozovsley'])
  })

  it('refuses a base URL that is not an http(s) address, at its key', async () => {
    const loaded = await loadSources(sourcesWith({'edition.yml': 'title: "An Edition"\nbaseUrl: "file:///home/site"\n', 'a.txt': 'Text.\n'}))
    expect(loaded.editionFile.messages.map((message) => [message.ruleId, message.line])).toEqual([['edition-invalid', 2]])
  })
})

describe('publicationOf', () => {
  it('keeps the imprint and leaves out the editors’ account of the source', () => {
    expect(publicationOf('Journal of Cold War Studies 2, no. 2 (Spring 2000); text of a Word manuscript')).toBe('Journal of Cold War Studies 2, no. 2 (Spring 2000)')
    expect(publicationOf('Essay for an anniversary; an earlier version appeared in P. Editor, ed., A Book (Paris: Press, 2014). Title supplied by the editors.')).toBe('Essay for an anniversary')
    expect(publicationOf('Working Paper No. 8 (Washington, D.C.: A Center)')).toBe('Working Paper No. 8 (Washington, D.C.: A Center)')
    expect(publicationOf('A review (paywalled; text ends mid-sentence). Title supplied by the editors.')).toBe('A review (paywalled; text ends mid-sentence)')
    expect(publicationOf('Bulletin 3.')).toBe('Bulletin 3')
    expect(publicationOf(undefined)).toBeUndefined()
  })
})
