import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import MiniSearch from 'minisearch'
import {beforeAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {buildSite, documentPageTasks, sitePageCount, writeSite, type SiteFile} from '../../pipeline/html/index.js'
import {renderDocumentPage} from '../../pipeline/html/page.js'
import {searchGlobal, shardGlobal} from '../../pipeline/html/search-index.js'
import {contentSecurityPolicy} from '../../templates/html/layout.js'
import type {Element, Root} from 'hast'
import {visit} from 'unist-util-visit'
import {loadFixture} from './fixture.js'
import {attribute, buildInto, elements, htmlPages, parsePage, textOf} from './pages.js'

const input = loadFixture()
let htmlDir = ''
let written: string[] = []
const files: VFile[] = []

beforeAll(async () => {
  const built = await buildInto(input, {sourceDateEpoch: 1_764_000_000, files})
  htmlDir = built.htmlDir
  written = built.written
})

/** A copy of the tree without its `hidden` elements: what the corrected reading shows. */
function withoutHidden<T extends Root | Element>(tree: T): T {
  const shown = structuredClone(tree)
  visit(shown, 'element', (element, index, parent) => {
    if (parent && index !== undefined && attribute(element, 'hidden') !== undefined) {
      parent.children.splice(index, 1)
      return index
    }
  })
  return shown
}

describe('renderSite', () => {
  it('writes the pages, one per document, with local assets', () => {
    expect(htmlPages(htmlDir)).toEqual(['aims-1993.html', 'archives.html', 'bibliography.html', 'index.html', 'relations-2000.html', 'review-1994.html', 'search.html'])
    for (const asset of ['screen.css', 'notes.js', 'reading.js', 'search.js', 'search-index.js', 'search/1.js', 'minisearch.js', 'fonts/source-serif-4-latin-400-normal.woff2', 'fonts/LICENSE-OFL.txt']) {
      expect(written).toContain(`html/assets/${asset}`)
      expect(existsSync(path.join(htmlDir, 'assets', asset))).toBe(true)
    }
    expect(written).toEqual([...written].sort())
  })

  it('reports the diagnostics of the documents and of the site', () => {
    const rules = files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.ruleId}`))
    expect(rules).toContain('markdown/review-1994.md: html-unsafe-link')
    expect(rules).toContain('markdown/relations-2000.md: note-uncalled')
    expect(rules).toContain('html: html-raw-html')
  })

  it('is deterministic and shows a date only from SOURCE_DATE_EPOCH', async () => {
    const first = await buildSite(input, {sourceDateEpoch: 1_764_000_000})
    const second = await buildSite(input, {sourceDateEpoch: 1_764_000_000})
    expect(second.pages).toEqual(first.pages)
    const dated = first.pages.find((page) => page.path === 'index.html')?.content ?? ''
    expect(dated).toContain('<time datetime="2025-11-24">24 November 2025</time>')
    const previous = process.env.SOURCE_DATE_EPOCH
    delete process.env.SOURCE_DATE_EPOCH
    try {
      const undated = (await buildSite(input)).pages.find((page) => page.path === 'index.html')?.content ?? ''
      expect(undated).not.toContain('Built from the sources')
    } finally {
      if (previous !== undefined) process.env.SOURCE_DATE_EPOCH = previous
    }
  })

  it('takes its document pages as given, made elsewhere in any order, as the pages it makes itself', async () => {
    const options = {sourceDateEpoch: 1_764_000_000}
    const tasks = documentPageTasks(input, options)
    // Made last first, as threads may finish them; handed over in edition order.
    const made = [...tasks].reverse().map((task) => renderDocumentPage(task, input.views.documentPage)).reverse()
    const taken: string[] = []
    async function* pages() {
      for (const page of made) {
        taken.push(page.page ?? '')
        yield page
      }
    }
    const given = await buildSite({...input, pages: pages()}, options)
    expect(taken).toEqual(input.documents.map(({meta}) => `${meta.slug}.html`))
    expect(given.pages).toEqual((await buildSite(input, options)).pages)
  })

  it('yields each file as it writes it: the pages it counts, in order, then the last shard and the index script', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'apparatus-html-write-'))
    try {
      const yielded: SiteFile[] = []
      for await (const file of writeSite(input, outDir, {sourceDateEpoch: 1_764_000_000})) {
        // Each is on disk when it is yielded.
        expect(existsSync(path.join(outDir, 'html', file.path)), file.path).toBe(true)
        yielded.push(file)
      }
      const pages = yielded.filter((file) => file.page).map((file) => file.path)
      expect(pages).toEqual([...input.documents.map(({meta}) => `${meta.slug}.html`), 'archives.html', 'search.html', 'index.html', 'bibliography.html', 'assets/search-index.js'])
      expect(pages).toHaveLength(sitePageCount(input))
      expect(yielded.filter((file) => !file.page).map((file) => file.path)).toEqual(['assets/search/1.js'])
      // The assets are not its business: `renderSite` (and the build) copy them.
      expect(existsSync(path.join(outDir, 'html', 'assets', 'screen.css'))).toBe(false)
      expect(readFileSync(path.join(outDir, 'html', 'index.html'), 'utf8')).toBe(readFileSync(path.join(htmlDir, 'index.html'), 'utf8'))
    } finally {
      rmSync(outDir, {recursive: true, force: true})
    }
  })

  it('lists the documents in edition order with author, date, kind and number of notes', () => {
    const tree = parsePage(htmlDir, 'index.html')
    const items = elements(tree, (element) => element.tagName === 'ol' && attribute(element, 'className') === 'documents')[0]
    expect(items).toBeDefined()
    const rows = elements(items!, (element) => element.tagName === 'li').map((element) => textOf(element))
    expect(rows).toHaveLength(3)
    expect(rows[0]).toMatch(/^Soviet Aims in Korea, 1945-1950.*Anna K\. Historian.*November 1993.*Working paper.*4 notes/)
    expect(rows[1]).toMatch(/^Sino-Soviet Relations.*Shen Scholar and Translator Two.*2000.*Article.*4 notes/)
    expect(rows[2]).toMatch(/excerpt.*D\. Reviewer.*1994.*Review.*0 notes/)
    expect(textOf(tree)).toContain("<script>alert('intro')</script>")
  })

  it('links every internal link to a page and an anchor that exist', () => {
    const ids = new Map(htmlPages(htmlDir).map((name) => [name, new Set(elements(parsePage(htmlDir, name)).map((element) => attribute(element, 'id')).filter(Boolean))]))
    const broken: string[] = []
    let checked = 0
    for (const name of htmlPages(htmlDir)) {
      for (const link of elements(parsePage(htmlDir, name), (element) => element.tagName === 'a' && attribute(element, 'href') !== undefined)) {
        const href = attribute(link, 'href') ?? ''
        if (/^(https?|mailto):/.test(href)) continue
        const [file = '', fragment] = href.split('#')
        const target = file === '' ? name : file.split('?')[0] ?? ''
        checked++
        if (!ids.has(target)) broken.push(`${name}: ${href} (no page)`)
        else if (fragment !== undefined && !ids.get(target)?.has(decodeURIComponent(fragment))) broken.push(`${name}: ${href} (no anchor)`)
      }
    }
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(100)
  })

  it('has unique ids on every page', () => {
    for (const name of htmlPages(htmlDir)) {
      const ids = elements(parsePage(htmlDir, name)).map((element) => attribute(element, 'id')).filter(Boolean)
      expect(ids.length, name).toBe(new Set(ids).size)
    }
  })

  it('loads only its own files: CSP on every page, no inline script or style, no remote resource', () => {
    for (const name of htmlPages(htmlDir)) {
      const tree = parsePage(htmlDir, name)
      const csp = elements(tree, (element) => element.tagName === 'meta' && attribute(element, 'httpEquiv') === 'Content-Security-Policy')
      expect(csp.map((element) => attribute(element, 'content'))).toEqual([contentSecurityPolicy])
      expect(contentSecurityPolicy).toContain("default-src 'none'")
      for (const element of elements(tree)) {
        expect(attribute(element, 'style'), `${name}: style attribute`).toBeUndefined()
        expect(Object.keys(element.properties).filter((key) => /^on/i.test(key)), `${name}: event handler`).toEqual([])
        if (element.tagName === 'style') throw new Error(`${name}: inline style element`)
        if (element.tagName === 'script') {
          const src = attribute(element, 'src')
          expect(src, `${name}: inline script`).toBeDefined()
          expect(existsSync(path.join(htmlDir, src ?? ''))).toBe(true)
        }
        for (const key of ['src', 'href']) {
          const value = attribute(element, key)
          if (value === undefined || element.tagName === 'a') continue
          expect(value, `${name}: ${element.tagName} ${key}`).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/\//i)
          expect(existsSync(path.join(htmlDir, value.split('#')[0] ?? '')), value).toBe(true)
        }
        if (element.tagName === 'a') expect(attribute(element, 'href') ?? '').not.toMatch(/^(javascript|vbscript|data):/i)
      }
    }
    const css = readFileSync(path.join(htmlDir, 'assets', 'screen.css'), 'utf8')
    expect(css).not.toMatch(/url\((?!fonts\/)/)
    expect(css).not.toMatch(/@import/)
  })

  it('renders a document page with provenance, notes, apparatus and a cite-this block', () => {
    const tree = parsePage(htmlDir, 'aims-1993.html')
    const text = textOf(tree)
    expect(text).toContain('Cold War Studies Working Paper No. 8')
    expect(text).toContain('sources/000_aims.txt')
    const notes = elements(tree, (element) => element.tagName === 'li' && /^n\d+$/.test(attribute(element, 'id') ?? ''))
    expect(notes.map((note) => attribute(note, 'id'))).toEqual(['n1', 'n2', 'n3', 'n4'])
    const backLinks = notes.map((note) => elements(note, (element) => element.tagName === 'a')[0]).map((link) => link && attribute(link, 'href'))
    expect(backLinks).toEqual(['#r1', '#r2', '#r3', '#r4'])
    const rows = elements(tree, (element) => element.tagName === 'tr' && /^app-e\d+$/.test(attribute(element, 'id') ?? '')).map(textOf)
    expect(rows).toEqual([
      '1¶ 2line-end hyphenationOriginal: grad- uallyCorrection: gradually',
      '2note 1OCR: folio abbreviationOriginal: 1.Correction: l.',
      '3note 3OCR: folio abbreviationOriginal: 11.Correction: ll.'
    ])
    expect(text).toContain('after ¶ 2 · running head (block): SOVIET AIMS IN KOREA 7')
    expect(textOf(withoutHidden(tree))).not.toMatch(/SOVIET AIMS IN KOREA 7[^]*Notes/)
    expect(text).toContain('Cite this document')
    expect(text).toContain('@incollection{aims-1993')
    expect(text).toContain('aims-1993.html#p3')
  })

  it('cites a document by its own metadata and its full address, without the editors’ account of the source', () => {
    const tree = parsePage(htmlDir, 'relations-2000.html')
    const cite = elements(tree, (element) => attribute(element, 'id') === 'cite')[0]!
    const citation = textOf(elements(cite, (element) => attribute(element, 'className') === 'citation-text')[0]!)
    expect(citation).toMatch(/^Shen Scholar and Translator Two, “Sino-Soviet Relations[^”]*,” Journal of Cold War Studies 2, no\. 2 \(2000\), 2000\. In The Origins of the Korean War, edited by Test Editor and Second Editor \(2026\), https:\/\/edition\.example\.org\/korea\/relations-2000\.html\.$/)
    expect(textOf(cite)).not.toMatch(/Word manuscript|supplied by the editors/)
    expect(textOf(cite)).toContain('url = {https://edition.example.org/korea/relations-2000.html}')
    expect(textOf(cite)).toContain('https://edition.example.org/korea/relations-2000.html#p3')
  })

  it('offers the reading switch on a page with emendations, and shows printed readings in a typewriter face in the apparatus', () => {
    const tree = parsePage(htmlDir, 'aims-1993.html')
    const radios = elements(tree, (element) => element.tagName === 'input' && attribute(element, 'name') === 'reading')
    expect(radios.map((radio) => [attribute(radio, 'value'), attribute(radio, 'checked') !== undefined])).toEqual([['corrected', true], ['original', false]])
    const row = elements(tree, (element) => attribute(element, 'id') === 'app-e2')[0]!
    expect(elements(row, (element) => element.tagName === 'code').map((code) => `${attribute(code, 'className')}: ${textOf(code)}`)).toEqual(['reading original: 1.', 'reading: l.'])
    // A page with removed artifacts only has the switch too: the reading as printed shows them.
    expect(elements(parsePage(htmlDir, 'review-1994.html'), (element) => attribute(element, 'name') === 'reading')).toHaveLength(2)
  })

  it('marks a truncated excerpt clearly and keeps the paywall out of the text', () => {
    const tree = parsePage(htmlDir, 'review-1994.html')
    const notice = elements(tree, (element) => attribute(element, 'className') === 'notice')
    expect(notice).toHaveLength(1)
    expect(textOf(notice[0]!)).toMatch(/^Truncated excerpt\./)
    const reading = elements(tree, (element) => attribute(element, 'className') === 'reading-text')[0]!
    expect(textOf(withoutHidden(reading))).not.toContain('To continue reading')
    expect(textOf(reading)).toContain('To continue reading')
    expect(textOf(reading)).toContain('[The source breaks off here.]')
    expect(textOf(tree)).toContain('paywall notice (block): To continue reading')
    expect(elements(parsePage(htmlDir, 'aims-1993.html'), (element) => attribute(element, 'className') === 'notice')).toEqual([])
    const contents = elements(tree, (element) => element.tagName === 'nav' && attribute(element, 'className') === 'toc')[0]!
    expect(elements(contents, (element) => element.tagName === 'a').map((link) => `${textOf(link)} ${attribute(link, 'href')}`)).toEqual(['Text #p1', 'Apparatus #apparatus', 'Cite this document #cite'])
  })

  it('gives every bibliography entry its key as anchor, its BibLaTeX, and back-links to every citing note', () => {
    const tree = parsePage(htmlDir, 'bibliography.html')
    const entries = elements(tree, (element) => element.tagName === 'li' && attribute(element, 'className') === 'entry')
    expect(entries.map((entry) => attribute(entry, 'id'))).toEqual(input.entries.map((entry) => entry.id))
    const shtykov = entries.find((entry) => attribute(entry, 'id') === 'avprf-059a-5a-3-1950-01-19')!
    const citing = elements(shtykov, (element) => element.tagName === 'a').map((link) => attribute(link, 'href'))
    expect(citing).toEqual(['aims-1993.html#n3', 'aims-1993.html#n4', 'relations-2000.html#n2', 'archives.html#avprf-059a-5a-3-1950-01-19'])
    expect(textOf(shtykov)).toContain('@unpublished{avprf-059a-5a-3-1950-01-19')
    expect(elements(shtykov, (element) => element.tagName === 'details')).toHaveLength(1)
    const headings = elements(tree, (element) => /^h[2-6]$/.test(element.tagName)).map((element) => `${element.tagName} ${textOf(element)}`)
    expect(headings).toEqual(['h2 Archival sources', 'h3 APRF', 'h4 Fond 45', 'h3 AVP RF', 'h4 Fond 0430', 'h4 Fond 059a', 'h3 Collection codes', 'h3 RGASPI', 'h4 Fond 17', 'h2 Published works'])
    // The hostile markup inside a formatted entry is dropped or made text.
    expect(elements(tree, (element) => element.tagName === 'script' && !attribute(element, 'src'))).toEqual([])
    expect(elements(tree, (element) => element.tagName === 'a' && /^javascript:/.test(attribute(element, 'href') ?? ''))).toEqual([])
    expect(elements(tree, (element) => element.tagName === 'a' && attribute(element, 'href') === 'https://doi.org/10.0000/example')).toHaveLength(1)
  })

  it('arranges the archival index archive → fond → opis → delo with a timeline of dated documents', () => {
    const tree = parsePage(htmlDir, 'archives.html')
    const levels = elements(tree, (element) => attribute(element, 'className') === 'archive-level').map(textOf)
    expect(levels).toEqual(['APRF', 'Fond 45', 'Opis 1', 'Delo 331', 'AVP RF', 'Fond 059a', 'Opis 5a', 'Delo 3', 'Fond 0430', 'Opis 2', 'Delo 18', 'RGASPI', 'Fond 17', 'Opis 162', 'Delo 44', 'Archive not named', 'Collection code SD0225'])
    const undated = elements(tree, (element) => attribute(element, 'id') === 'rgaspi-17-162-44')[0]!
    expect(textOf(undated)).toMatch(/^Spring 1950Politburo protocol extract\. Bibliography entryNot cited in a note\.$/)
    const shtykov = elements(tree, (element) => attribute(element, 'id') === 'avprf-059a-5a-3-1950-01-19')[0]!
    expect(textOf(shtykov)).toMatch(/^19 January 1950T\. F\. Shtykov → A\. Ia\. Vyshinsky: On Kim Il Sung's request to visit Moscow \(ciphered telegram, papka 11\)\./)
    expect(elements(shtykov, (element) => element.tagName === 'a').map((link) => attribute(link, 'href'))).toEqual([
      'bibliography.html#avprf-059a-5a-3-1950-01-19', 'aims-1993.html#n3', 'aims-1993.html#n4', 'relations-2000.html#n2'
    ])
    const svg = elements(tree, (element) => element.tagName === 'svg')
    expect(svg).toHaveLength(1)
    const dots = elements(svg[0]!, (element) => element.tagName === 'a').map((link) => attribute(link, 'href'))
    expect(dots).toEqual(['#avprf-0430-2-18-1945-06-29', '#avprf-059a-5a-3-1950-01-19', '#sd0225-1950-01-30', '#aprf-45-1-331-1950-05-14'])
    expect(elements(svg[0]!, (element) => element.tagName === 'text').map(textOf)).toEqual(['1945', '1946', '1947', '1948', '1949', '1950', '1951'])
  })

  it('builds a search index the browser script can load, with results pointing at paragraphs, notes and entries', () => {
    const sandbox: {[searchGlobal]?: {options: ConstructorParameters<typeof MiniSearch>[0]; shards: string[]}; [shardGlobal]?: Array<Parameters<typeof MiniSearch.loadJS>[0]>} = {}
    const run = (file: string) => new Function('self', readFileSync(path.join(htmlDir, file), 'utf8'))(sandbox)
    run('assets/search-index.js')
    const data = sandbox[searchGlobal]
    expect(data?.shards).toEqual(['assets/search/1.js'])
    for (const shard of data!.shards) run(shard)
    const search = MiniSearch.loadJS(sandbox[shardGlobal]![0]!, data!.options)
    const urls = (query: string) => search.search(query, {prefix: true, combineWith: 'AND'}).map((hit) => String(hit.url))
    expect(urls('trusteeship')).toEqual(['aims-1993.html#p1'])
    expect(urls('Vyshinsky ciphered')).toEqual(expect.arrayContaining(['aims-1993.html#n3', 'bibliography.html#avprf-059a-5a-3-1950-01-19']))
    expect(urls('memoirs China')).toEqual(['relations-2000.html#n2'])
    expect(urls('gradually')).toEqual(['aims-1993.html#p2'])
    expect(urls('series')).toEqual(['aims-1993.html#s2', 'aims-1993.html#f1'])
    expect(urls('EAM1')).toEqual([])
  })

  it('passes the Nu HTML checker with no errors on any page', () => {
    const vnu = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar')
    const pages = htmlPages(htmlDir).map((name) => path.join(htmlDir, name))
    const result = spawnSync('java', ['-jar', vnu, '--format', 'json', '--errors-only', ...pages], {encoding: 'utf8'})
    const messages = (JSON.parse(result.stderr) as {messages: Array<{type: string; url: string; message: string; lastLine?: number}>}).messages
    expect(messages.filter((message) => message.type === 'error').map((message) => `${path.basename(message.url)}:${message.lastLine}: ${message.message}`)).toEqual([])
  })
})
