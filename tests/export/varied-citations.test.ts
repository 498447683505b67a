/**
 * The exports of an invented edition whose notes cite many kinds of work
 * (tests/fixtures/export/varied), read by their real clients: citations.json holds plain
 * values and the edition's page beside a classical locator; pandoc renders that page with
 * citeproc; jing validates the TEI; biber validates the BibLaTeX; the CSL-JSON is valid against
 * the CSL schema; RIS gives page ranges as SP and EP.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import Ajv from 'ajv'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildEdition} from '../../pipeline/build/edition.js'
import {stylePath} from '../../pipeline/export/index.js'
import {locatorPart} from '../../pipeline/export/pandoc.js'
import {pointsOf, rangeOf} from '../../pipeline/bibliography/pages.js'
import {citedAt} from '../../pipeline/html/labels.js'
import type {CitationOccurrence} from '../../pipeline/shared/types/citation.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))
const sources = join(fixtures, 'export/varied/sources')

function run(command: string, args: string[]): {status: number | null; output: string} {
  const result = spawnSync(command, args, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  return {status: result.status, output: `${result.stdout}\n${result.stderr}`}
}

let dir = ''
let out = ''
let occurrences: CitationOccurrence[] = []
let items: CslItem[] = []
const read = (path: string) => readFileSync(join(out, path), 'utf8')

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'apparatus-varied-'))
  out = join(dir, 'output')
  await buildEdition({sources, out, formats: ['markdown', 'bib', 'tei', 'pandoc', 'html'], jobs: 1})
  occurrences = JSON.parse(read('bib/citations.json')) as CitationOccurrence[]
  items = JSON.parse(read('bib/bibliography.json')) as CslItem[]
})

afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

const classical = () => occurrences.find((occurrence) => occurrence.document === 'harbours' && occurrence.note === 12)

describe('the exports of varied citations', () => {
  it('keeps the page of the edition beside a book and chapter in citations.json', () => {
    expect(classical()).toMatchObject({locator: 'lib. ii, c. 17', label: 'book', page: '245'})
    expect(occurrences.find((occurrence) => occurrence.document === 'harbours' && occurrence.note === 3)).toMatchObject({locator: 'l. ix, c. 2', page: '871'})
  })

  it('holds plain text in citations.json, the annotated Markdown beside it', () => {
    const colon = occurrences.find((occurrence) => occurrence.document === 'harbours' && occurrence.note === 11)
    expect(colon?.text).toBe('Roth, Seehandel, 1:33')
    expect(colon?.markdown).toBe('Roth, Seehandel, 1\\:33')
    for (const occurrence of occurrences) expect(occurrence.text, occurrence.markdown).not.toMatch(/\\/)
    for (const item of items) expect(JSON.stringify(item.title ?? ''), item.id).not.toMatch(/\\\\/)
  })

  it('writes the page in the pandoc citation, and citeproc renders the locator as printed', () => {
    const markdown = read('pandoc/harbours.md')
    expect(markdown).toContain('[@livyab{}, lib. ii, c. 17, p. 245]')
    const result = run('pandoc', ['--citeproc', '--csl', stylePath(), '--bibliography', join(out, 'bib/bibliography.json'), '-t', 'plain', '--wrap=none', join(out, 'pandoc/harbours.md')])
    expect(result.status, result.output).toBe(0)
    const text = result.output.replace(/\s+/g, ' ')
    expect(text).not.toMatch(/\[WARNING\]/)
    expect(text).toContain('lib. ii, c. 17, p. 245')
    expect(text).toContain('l. ix, c. 2, p. 871')
    expect(text).not.toMatch(/[{}]/)
  })

  it('gives pandoc a term inside the braces of a locator of several parts, and a cued locator as it is', () => {
    expect(locatorPart('18-30, 45', 'folio')).toBe(', {fol. 18-30, 45}')
    expect(locatorPart('18-30', 'folio')).toBe(', fol. 18-30')
    expect(locatorPart('Chapters 1 and 2', 'chapter')).toBe('{}, Chapters 1 and 2')
    expect(locatorPart('l. xliv, c. 17', 'book', '862')).toBe('{}, l. xliv, c. 17, p. 862')
    expect(locatorPart('5', 'chapter', '40-42')).toBe(', chap. 5, pp. 40-42')
    expect(locatorPart(undefined, undefined, '12')).toBe(', {p. 12}')
  })

  it('gives a page range its start and its end in full', () => {
    expect(rangeOf('113-40')).toEqual({from: '113', to: '140'})
    expect(rangeOf('1195–8')).toEqual({from: '1195', to: '1198'})
    expect(rangeOf('98-102')).toEqual({from: '98', to: '102'})
    expect(rangeOf('xi-xv')).toEqual({from: 'xi', to: 'xv'})
    expect(rangeOf('22 ff.')).toBeUndefined()
    expect(pointsOf('871')).toEqual({from: '871', to: '871'})
    expect(pointsOf('45, 52')).toEqual({})
  })

  it('says where a citation cites in the HTML link, the page after the divisions', () => {
    expect(citedAt('l. xliv, c. 17', 'book', '245')).toBe('l. xliv, c. 17, p. 245')
    expect(citedAt('18-30', 'folio', undefined)).toBe('folios 18-30')
    const html = read('html/harbours.html')
    expect(html).toContain('cited at lib. ii, c. 17, p. 245')
    expect(html).toContain('data-page="245"')
    const bibliography = read('html/bibliography.html')
    expect(bibliography).toContain('title="cited at lib. ii, c. 17, p. 245"')
    expect(bibliography).toMatch(/title="cited at pages 245-47"[^>]*>n\. 1</)
  })

  it('writes the page as a citedRange in TEI, valid against tei_all.rng', () => {
    const tei = read('tei/harbours.xml')
    expect(tei).toMatch(/<citedRange unit="book"[^>]*>lib\. ii, c\. 17<\/citedRange><citedRange unit="page" from="245" to="245" ?\/>/)
    expect(tei).toContain('<citedRange unit="page" from="245" to="247">245-47</citedRange>')
    expect(read('tei/bibliography.xml')).toContain('<biblScope unit="page" from="113" to="140">113-40</biblScope>')
    const files = readdirSync(join(out, 'tei')).map((name) => join(out, 'tei', name))
    const result = run('jing', [join(fixtures, 'schemas/tei/tei_all.rng'), ...files])
    expect(result.output.split('\n').filter((line) => /: (?:error|fatal):/.test(line))).toEqual([])
  })

  it('writes CSL-JSON the CSL schema accepts: a letter as a personal communication', () => {
    const schema = JSON.parse(readFileSync(join(fixtures, 'schemas/csl-data.json'), 'utf8')) as object
    const validate = new Ajv({allErrors: true, strict: false}).compile(schema)
    for (const name of readdirSync(join(out, 'bib')).filter((file) => file.endsWith('.json') && file !== 'citations.json')) {
      validate(JSON.parse(read(join('bib', name))))
      expect(validate.errors ?? [], name).toEqual([])
    }
    expect(items.find((item) => item.id === 'governor1823letter')).toMatchObject({type: 'personal_communication', genre: 'letter'})
  })

  it('writes BibLaTeX that biber validates, undated entries aside', () => {
    const undated = new Set(items.filter((item) => !item.issued).map((item) => item.id))
    const result = run('biber', ['--tool', '--validate-datamodel', '--output-file', join(dir, 'checked.bib'), join(out, 'bib/bibliography.bib')])
    expect(result.status, result.output).toBe(0)
    const missingDate = /^WARN - Datamodel: Entry '([^']+)' \([^)]*\): Missing mandatory field - one of 'date, year' must be defined$/
    const warnings = result.output.split('\n').filter((line) => /^(WARN|ERROR)/.test(line))
    expect(warnings.filter((line) => !undated.has(missingDate.exec(line)?.[1] ?? ''))).toEqual([])
    expect(read('bib/bibliography.bib')).not.toMatch(/textbackslash/)
  })

  it('writes RIS with the tags Zotero reads, a page range as SP and EP', () => {
    const records = read('bib/bibliography.ris').split(/^ER {2}-.*$/m).map((record) => record.trim()).filter(Boolean)
    const chapter = records.find((record) => record.includes('ID  - varga2004merchants')) ?? ''
    expect(chapter).toMatch(/^TY {2}- CHAP$/m)
    expect(chapter).toMatch(/^SP {2}- 113$/m)
    expect(chapter).toMatch(/^EP {2}- 140$/m)
    const article = records.find((record) => record.includes('ID  - dahl1999tolls')) ?? ''
    for (const tag of ['TY  - JOUR', 'AU  - Dahl, Pieter', 'TI  - Tolls and Tariffs in the Sound', 'T2  - Journal of Maritime History', 'PY  - 1999', 'VL  - 14', 'IS  - 2']) expect(article).toContain(tag)
    const book = records.find((record) => record.includes('ID  - tollmann1998northern')) ?? ''
    for (const tag of ['TY  - BOOK', 'PB  - Clarendon Press', 'CY  - Oxford']) expect(book).toContain(tag)
    const archival = records.find((record) => record.includes('ID  - stadtarchivnorderwik')) ?? ''
    for (const tag of ['TY  - MANSCPT', 'DB  - Stadtarchiv Norderwik', 'AN  - Nr. 233']) expect(archival).toContain(tag)
  })
})
