import fc from 'fast-check'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import MiniSearch from 'minisearch'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {archivalIndex, chronology} from '../../pipeline/html/archives.js'
import {buildDate, formatCslDate, isoCslDate, metaDate} from '../../pipeline/html/dates.js'
import {renderDocument} from '../../pipeline/html/document.js'
import {entryContent} from '../../pipeline/html/formatted.js'
import {fragmentTree} from '../../pipeline/html/fragment.js'
import {locatorText} from '../../pipeline/html/labels.js'
import {SearchIndex, searchGlobal, searchOptions, shardGlobal} from '../../pipeline/html/search-index.js'
import {fill, serialize, slot} from '../../pipeline/html/stream.js'
import {timeline} from '../../pipeline/html/timeline.js'
import {anchorId, documentPage, isSafeUrl} from '../../pipeline/html/urls.js'
import {parseDocument} from '../../pipeline/markdown/index.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'
import type {DocumentMeta} from '../../pipeline/shared/types/document.js'

describe('links and anchors', () => {
  it('lets only http(s) and mailto URLs become links', () => {
    expect(['https://example.org/a', 'http://x.y', 'mailto:a@b.c'].map(isSafeUrl)).toEqual([true, true, true])
    expect(['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/relative', '#frag', ''].map(isSafeUrl)).toEqual([false, false, false, false, false, false, false, false])
  })

  it('names document pages portably, never as one of the site pages', () => {
    expect(documentPage('weathersby-1993-soviet-aims')).toBe('weathersby-1993-soviet-aims.html')
    expect(documentPage('search')).toBe('search-text.html')
    expect(documentPage('../../etc/passwd')).toBe('etc-passwd.html')
    expect(documentPage('a b/c')).toBe('a-b-c.html')
  })

  it('makes ids that stay distinct for distinct labels', () => {
    expect(anchorId('goncharov1993uncertain')).toBe('goncharov1993uncertain')
    expect(anchorId('*')).not.toBe(anchorId('†'))
    expect(anchorId('a b')).toBe('a_20b')
  })
})

describe('dates', () => {
  it('formats CSL dates from their parts, never from the clock', () => {
    expect(formatCslDate({'date-parts': [[1950, 1, 19]]})).toBe('19 January 1950')
    expect(formatCslDate({'date-parts': [[1993, 11]]})).toBe('November 1993')
    expect(formatCslDate({'date-parts': [[1995], [1996]]})).toBe('1995 – 1996')
    expect(formatCslDate({literal: 'n.d.'})).toBe('n.d.')
    expect(formatCslDate({'date-parts': [[0]]})).toBeUndefined()
    expect(isoCslDate({'date-parts': [['1950', '6', '25']]})).toBe('1950-06-25')
    expect(metaDate('1993-11')).toEqual({text: 'November 1993', iso: '1993-11'})
    expect(metaDate('Winter 1995')).toEqual({text: 'Winter 1995'})
    expect(buildDate(0)).toEqual({text: '1 January 1970', iso: '1970-01-01'})
    expect(buildDate(undefined)).toBeUndefined()
  })

  it('names locators with their label', () => {
    expect(locatorText('18-30', 'folio')).toBe('folios 18-30')
    expect(locatorText('145', 'page')).toBe('page 145')
    expect(locatorText('12', undefined)).toBe('12')
  })
})

describe('archival index and timeline', () => {
  const item = (id: string, archival: NonNullable<CslItem['custom']>['archival'], date?: number[]): CslItem => ({
    id, type: 'document', title: id, custom: {archival}, ...(date ? {issued: {'date-parts': [date]}} : {})
  })

  it('nests archive → fond → opis → delo, sorts naturally, and keeps undated documents last', () => {
    const index = archivalIndex([
      item('b', {archive: 'AVP RF', fond: '059a', opis: '5a', delo: '3'}, [1950, 1, 19]),
      item('a', {archive: 'AVP RF', fond: '059a', opis: '5a', delo: '3'}),
      item('c', {archive: 'AVP RF', fond: '07', opis: '1', delo: '10'}, [1949, 3]),
      item('d', {sdCode: 'SD0225'}, [1950, 1, 30]),
      item('e', {archive: 'APRF', fond: '45', opis: '1', delo: '331'}, [1950, 5, 14])
    ])
    expect(index.map((node) => node.label)).toEqual(['APRF', 'AVP RF', 'Archive not named'])
    expect(index[1]?.children.map((node) => node.label)).toEqual(['Fond 07', 'Fond 059a'])
    expect(index[1]?.children[1]?.children[0]?.children[0]?.documents.map((entry) => entry.key)).toEqual(['b', 'a'])
    expect(index[2]?.children[0]?.label).toBe('Collection code SD0225')
    expect(chronology(index).map((entry) => entry.key)).toEqual(['c', 'b', 'd', 'e', 'a'])
  })

  it('draws one linked dot per dated document and keeps the axis to about a dozen labels', () => {
    const entries = chronology(archivalIndex([item('x', {archive: 'A'}, [1812, 6]), item('y', {archive: 'A'}, [1950, 1, 1]), item('z', {archive: 'A'})]))
    const svg = timeline(entries)
    expect(svg).toBeDefined()
    const html = toHtml(svg!)
    expect(html.match(/<circle/g)).toHaveLength(2)
    expect((html.match(/<text/g) ?? []).length).toBeLessThanOrEqual(13)
    expect(timeline(chronology(archivalIndex([item('z', {archive: 'A'})])))).toBeUndefined()
  })
})

describe('formatted entries', () => {
  it('keeps inline formatting and web links, drops scripts, handlers and other protocols', () => {
    const html = toHtml({type: 'root', children: entryContent('<div class="csl-entry" onclick="x()">A. <i>Title</i>. <a href="https://doi.org/1">doi</a> <a href="javascript:alert(1)">bad</a><script>alert(2)</script><img src="http://evil/x.png"><span style="color:red" class="csl-right-inline evil">r</span></div>')})
    expect(html).toBe('<span class="csl-entry">A. <i>Title</i>. <a href="https://doi.org/1">doi</a> bad<span class="csl-right-inline">r</span></span>')
  })

  it('are parsed into the tree hast-util-from-html gives, without its positions', () => {
    const withoutPositions = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, field: unknown) => (key === 'position' ? undefined : field)))
    const pieces = ['<div class="csl-entry">', '</div>', '<i>', '</i>', '<b>x', '&amp;', '&lt;', '&copy', '“T”', '<noscript><b>n</b></noscript>', '<script>s()</script>', '<template><p>t</p></template>', '<table><td>c', '<p>', '<!-- c -->', '<a href="x">', 'text', ' ', '<svg><text>v</text></svg>', '<br>', '</span>']
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({maxLength: 6})), {maxLength: 10}), (parts) => {
        const html = parts.join('')
        expect(fragmentTree(html)).toEqual(withoutPositions(fromHtml(html, {fragment: true})))
      }),
      {numRuns: 300, seed: 20261202}
    )
  })
})

describe('reading annotated Markdown', () => {
  it('gives the metadata the build wrote the front matter from, and the pivot\'s tree', () => {
    const markdown = '---\ntitle: "Written"\n---\n\nMail x@example.org at www.example.org.[^1]\n\n[^1]: A note.\n'
    const parsed = parseDocument(markdown)
    const known = {...parsed.meta, title: 'Known'}
    const read = parseDocument(markdown, 'markdown/x.md', known)
    expect(read.meta).toBe(known)
    expect(read.tree).toEqual(parsed.tree)
    expect(parseDocument(markdown).meta.title).toBe('Written')
  })

  it('fails a document without front matter, even with its metadata known', () => {
    expect(() => parseDocument('No front matter.', 'markdown/x.md')).toThrow(/without front matter/)
    expect(() => parseDocument('No front matter.', 'markdown/x.md', {title: 'T'} as DocumentMeta)).toThrow(/without front matter/)
  })
})

describe('pages written in parts', () => {
  it('gives the HTML of the whole tree', () => {
    const items = ['<one>', '&two', 'three'].map((text) => h('li', {id: text}, text))
    const page = (children: Parameters<typeof h>[2]) => h('main', [h('h1', 'Title'), h('ul', children), h('p', 'End')])
    expect([...fill(page([slot]), serialize(items))].join('')).toBe(toHtml(page(items)))
  })

  it('refuses a tree whose slots do not match the parts', () => {
    expect(() => [...fill(h('p', 'no slot'), ['x'])]).toThrow(/1 slots, found 0/)
  })
})

describe('search index', () => {
  const documents = Array.from({length: 6}, (_, n) => [
    {url: `d${n}.html#p1`, title: `Document ${n}`, kind: 'paragraph' as const, text: `Shtykov telegram ${n} trusteeship ${'word '.repeat(n * 10)}`},
    {url: `d${n}.html#n1`, title: `Document ${n}, note 1`, kind: 'note' as const, text: `Archive fond opis delo ${n}`}
  ])

  it('cuts the index into shards, each a minisearch index the browser loads', () => {
    const index = new SearchIndex({shardSize: 100})
    const shards = [...documents.flatMap((records) => index.addAll(records)), ...index.finish()]
    const manifest = shards.pop()!
    const sandbox: Record<string, unknown> = {}
    new Function('self', manifest.content)(sandbox)
    const data = sandbox[searchGlobal] as {options: typeof searchOptions; shards: string[]}
    expect(data.shards).toEqual(shards.map((shard) => shard.path))
    expect(data.shards.length).toBeGreaterThan(1)
    for (const shard of shards) new Function('self', shard.content)(sandbox)
    const loaded = (sandbox[shardGlobal] as Array<Parameters<typeof MiniSearch.loadJS>[0]>).map((shard) => MiniSearch.loadJS(shard, data.options))
    const urls = (query: string) => loaded.flatMap((search) => search.search(query, {prefix: true, combineWith: 'AND'}).map((hit) => String(hit.url)))
    expect(urls('trusteeship').sort()).toEqual(documents.map((_, n) => `d${n}.html#p1`).sort())
    expect(urls('delo 3')).toEqual(['d3.html#n1'])
    // Every record is in exactly one shard.
    const urlsIndexed = loaded.flatMap((search) => search.search(MiniSearch.wildcard).map((hit) => String(hit.url)))
    expect(urlsIndexed.sort()).toEqual(documents.flat().map((record) => record.url).sort())
    expect(loaded.reduce((count, search) => count + search.documentCount, 0)).toBe(documents.length * 2)
  })

  it('closes a shard inside a long document, so that the build holds one shard at a time', () => {
    const index = new SearchIndex({shardSize: 100})
    const long = Array.from({length: 20}, (_, n) => ({url: `long.html#p${n}`, title: 'Long', kind: 'paragraph' as const, text: `paragraph ${n} ${'word '.repeat(10)}`}))
    const shards = index.addAll(long)
    expect(shards.length).toBeGreaterThan(5)
    // Each shard holds a few records, not the document.
    for (const shard of shards) expect(shard.content?.match(/long\.html#p/g)?.length).toBeLessThanOrEqual(4)
  })

  it('writes one shard and the index script for a small edition', () => {
    const index = new SearchIndex()
    const files = [...documents.flatMap((records) => index.addAll(records)), ...index.finish()]
    expect(files.map((file) => file.path)).toEqual(['assets/search/1.js', 'assets/search-index.js'])
  })
})

describe('hostile or broken annotated Markdown', () => {
  const fragments = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '![i](http://evil/i.png)',
    ':emend[a]{orig="b" rule="ocr-folio"}', ':emend[a]', ':removed[junk]{rule="x"}', ':cite[c]{key="k"}', ':cite[c]', ':unknown[z]',
    '\n\n:::removed{rule="paywall"}\nGone\n:::\n\n', '\n\n:::front-matter\nFront\n:::\n\n', '[^1]', '\n\n[^1]: Note :cite[n]{key="k"}\n\n',
    '\n\n# Heading\n\n', '<style>body{}</style>', '"quoted" & <b>', '\n\n> quote\n\n', '\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n'
  ]
  it('never throws and never lets markup, handlers or unsafe links through', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({maxLength: 12})), {maxLength: 14}), (parts) => {
        const markdown = `---\ntitle: "T"\nslug: t\nauthors: []\nkind: other\nlanguage: en\ntruncated: false\nsource: s\nsha256: "0"\nconvention: none\ncounts: {notes: 0, paragraphs: 0, emendations: {}, removed: {}}\n---\n\n${parts.join(' ')}\n`
        const document = renderDocument(markdown, {keys: new Set(['k'])})
        const html = toHtml({type: 'root', children: [...document.body, ...document.notes.flatMap((note) => note.content)]})
        // Read back as a browser would: only the elements and attributes the renderer makes.
        visit(fromHtml(html, {fragment: true}), 'element', (element: Element) => {
          expect(['script', 'img', 'style', 'iframe', 'object']).not.toContain(element.tagName)
          expect(Object.keys(element.properties).filter((key) => /^on/i.test(key))).toEqual([])
          const href = element.properties.href
          if (href !== undefined) expect(String(href)).toMatch(/^(https?:|mailto:|#|bibliography\.html#)/)
        })
      }),
      {numRuns: 150, seed: 20261124}
    )
  })
})
