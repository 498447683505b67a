import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Ajv} from 'ajv'
import {Cite, plugins} from '@citation-js/core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildBibliography} from '../../pipeline/bibliography/index.js'
import {formatBibliography, jsonArray, readRis, stylePath, writeBibliographyExports} from '../../pipeline/export/index.js'
import {bibliographyStyle, styleName} from '../../pipeline/export/cite.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'
import {fullInput, readJson} from './gold.js'

const input = fullInput()
const bib = buildBibliography(input)
const schema = readJson<object>(fileURLToPath(new URL('../fixtures/schemas/csl-data.json', import.meta.url)))
let out = ''
let folder = ''

const read = (name: string): string => readFileSync(join(folder, name), 'utf8')

function run(command: string, args: string[], cwd = out): {status: number | null; output: string; stdout: string; stderr: string} {
  const result = spawnSync(command, args, {cwd, encoding: 'utf8'})
  return {status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout, stderr: result.stderr}
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'apparatus-bib-'))
  folder = join(out, 'bib')
  await writeBibliographyExports(bib, input, out)
})

afterAll(() => {
  rmSync(out, {recursive: true, force: true})
})

function entryCount(text: string): number {
  return (text.match(/^@\w+\{/gm) ?? []).length
}

describe('bibliography exports', () => {
  it('writes every export with every item', () => {
    const files = readdirSync(folder)
    for (const name of ['bibliography.json', 'bibliography.bib', 'bibliography.bibtex.bib', 'bibliography.ris', 'bibliography.html', 'bibliography.txt', 'citations.json']) {
      expect(files).toContain(name)
    }
    const items = JSON.parse(read('bibliography.json')) as CslItem[]
    const counts = {
      json: items.length,
      biblatex: entryCount(read('bibliography.bib')),
      bibtex: entryCount(read('bibliography.bibtex.bib')),
      ris: (read('bibliography.ris').match(/^TY {2}- /gm) ?? []).length,
      html: (read('bibliography.html').match(/class="csl-entry"/g) ?? []).length
    }
    console.info(`items per export: ${JSON.stringify(counts)}; occurrences: ${bib.occurrences.length}`)
    expect(new Set(Object.values(counts))).toEqual(new Set([bib.items.length]))
    expect(items.map((item) => item.id)).toEqual(bib.items.map((item) => item.id))
    expect(JSON.parse(read('citations.json'))).toEqual(bib.occurrences)
    const occurrence = (JSON.parse(read('citations.json')) as Array<Record<string, unknown>>)[0]
    expect(Object.keys(occurrence ?? {})).toEqual(expect.arrayContaining(['source', 'document', 'note', 'index', 'text', 'key', 'ibid', 'shortForm']))
  })

  it('writes CSL-JSON that the CSL schema accepts (ajv), for the edition and each document', () => {
    const validate = new Ajv({allErrors: true, strict: false}).compile(schema)
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.json') && file !== 'citations.json')) {
      const valid = validate(JSON.parse(read(name)))
      expect(validate.errors ?? [], name).toEqual([])
      expect(valid).toBe(true)
    }
  })

  it('writes BibLaTeX that biber validates against its data model, no date invented', () => {
    // The edition's file, and a document's file (Cyrillic and TeX specials): one biber run each.
    const undated = new Set(bib.items.filter((item) => !item.issued).map((item) => item.id))
    expect(undated.size).toBeGreaterThan(0)
    for (const name of ['bibliography.bib', 'russian-sources.bib']) {
      const result = run('biber', ['--tool', '--validate-datamodel', '--output-file', join(out, `${name}.checked`), join(folder, name)])
      expect(result.status, result.output).toBe(0)
      const warnings = result.output.split('\n').filter((line) => /^(WARN|ERROR)/.test(line))
      // The data model asks every entry for a date: it says so of the undated ones, and of nothing else.
      const missingDate = /^WARN - Datamodel: Entry '([^']+)' \([^)]*\): Missing mandatory field - one of 'date, year' must be defined$/
      expect(warnings.filter((line) => !undated.has(missingDate.exec(line)?.[1] ?? '')), name).toEqual([])
      expect(read(name)).not.toMatch(/date = \{(?:XXXX|n\.d\.|nodate)\}/)
    }
  })

  it('keeps the archival reference in BibLaTeX (library, note) and dates as ISO (seasons as EDTF)', () => {
    const bib = read('bibliography.bib')
    const key = bib.match(/@(?:misc|unpublished)\{(shtykov1950ciphered\w*),/)?.[1]
    expect(key).toBeDefined()
    const entry = bib.slice(bib.indexOf(`{${key},`)).split('\n}\n')[0] ?? ''
    expect(entry).toContain('library = {AVP RF, f. 059a, op. 5a, d. 3, p. 11}')
    expect(entry).toContain('howpublished = {AVP RF, f. 059a, op. 5a, d. 3, p. 11}')
    expect(entry).toContain('date = {1950-01-19}')
    expect(entry).toContain('note = {Shtykov to Vyshinsky}')
    const attack = bib.slice(bib.indexOf('{weathersby1995attack,')).split('\n}\n')[0] ?? ''
    expect(attack).toContain('date = {1995-21}')
  })

  it('marks unparsed entries in BibLaTeX (keywords) and RIS (KW)', () => {
    const key = bib.occurrences.find((entry) => entry.document === 'russian-sources' && entry.note === 5)?.key
    const entry = read('bibliography.bib').split('\n\n').find((text) => text.startsWith(`@misc{${key},`))
    expect(entry).toContain('keywords = {unparsed}')
    const record = read('bibliography.ris').split('\n\n').find((text) => text.includes(`ID  - ${key}\n`))
    expect(record).toMatch(/^KW {2}- unparsed$/m)
  })

  it('writes legacy BibTeX with TeX specials escaped and month macros', () => {
    const text = read('bibliography.bibtex.bib')
    const entry = text.slice(text.indexOf('{smithjones2019report,')).split('\n}\n')[0] ?? ''
    expect(entry).toContain('Smith\\_Jones, Ann')
    expect(entry).toContain('Report \\#3: 100\\% \\& \\{draft\\}')
    expect(entry).toContain('institution = {Ark \\& Co.}')
    expect(entry).toMatch(/^\tmonth = mar,$/m)
    for (const line of text.split('\n')) {
      if (/^\t(url|doi) = /.test(line)) continue
      expect(line, line).not.toMatch(/(^|[^\\])[&%#_]/)
    }
    expect(text).not.toMatch(/month = \{/)
  })

  it('writes RIS with archive (DB) and location (AN) that reads back through citation-js', () => {
    const text = read('bibliography.ris')
    const record = text.split('\n\n').find((entry) => entry.includes('ID  - zhukov1945korea')) ?? ''
    expect(record).toMatch(/^TY {2}- MANSCPT$/m)
    expect(record).toMatch(/^DB {2}- AVP RF$/m)
    expect(record).toMatch(/^AN {2}- f\. 0430, op\. 2, d\. 18, p\. 5$/m)
    const back = new Map(readRis(text).map((entry) => [String(entry.id), entry]))
    expect(back.size).toBe(bib.items.length)
    const lost: string[] = []
    for (const item of bib.items) {
      const read = back.get(item.id)
      expect(read, item.id).toBeDefined()
      const location = [item['archive_location'], item.custom?.archival?.sdCode].filter(Boolean).join(', ')
      const families = (names: unknown): string => (Array.isArray(names) ? names : []).map((name: {family?: string; literal?: string}) => name.family ?? name.literal).join('; ')
      const year = (date: unknown): unknown => (date as {'date-parts'?: unknown[][]} | undefined)?.['date-parts']?.[0]?.[0]
      const expected = {
        title: item.title ?? read?.title,
        author: families(item.author),
        year: year(item.issued),
        archive: item.archive,
        location: location || undefined,
        volume: item.volume,
        issue: item.issue
      }
      const actual = {
        title: read?.title,
        author: families(read?.author),
        year: year(read?.issued),
        archive: read?.archive,
        location: read?.['archive_location'],
        volume: read?.volume,
        issue: read?.issue
      }
      if (JSON.stringify(actual) !== JSON.stringify(expected)) lost.push(`${item.id}: ${JSON.stringify(expected)} → ${JSON.stringify(actual)}`)
    }
    expect(lost).toEqual([])
  })

  it('validates the edition CSL style against the CSL schema (jing)', () => {
    const schemaPath = fileURLToPath(new URL('../fixtures/schemas/styles/csl.rnc', import.meta.url))
    const result = run('jing', ['-c', schemaPath, stylePath()])
    expect(result.stdout.trim()).toBe('')
    expect(result.status).toBe(0)
  })

  it('renders every key with pandoc --citeproc, from CSL-JSON and from BibLaTeX, with no warning', () => {
    const markdown = join(out, 'all.md')
    writeFileSync(markdown, bib.items.map((item) => `Cited [@${item.id}].`).join('\n\n') + '\n')
    for (const name of ['bibliography.json', 'bibliography.bib']) {
      const result = run('pandoc', ['--citeproc', '--bibliography', join(folder, name), '--csl', stylePath(), '-t', 'plain', markdown])
      expect(result.stderr, name).toBe('')
      expect(result.status).toBe(0)
      const notes = result.stdout.match(/^\[\d+\] /gm) ?? []
      expect(notes, name).toHaveLength(bib.items.length)
      expect(result.stdout).not.toContain('???')
      expect(result.stdout).toContain('Торкунов')
    }
  })

  it('keeps Cyrillic as written in every export', () => {
    for (const name of ['bibliography.json', 'bibliography.bib', 'bibliography.bibtex.bib', 'bibliography.ris', 'bibliography.html', 'bibliography.txt', 'russian-sources.json', 'russian-sources.bib']) {
      const text = read(name)
      expect(text, name).toContain('Торкунов')
      expect(text, name).toContain('Загадочная война: корейский конфликт 1950–1953 годов')
    }
  })

  it('writes per-document exports holding what each document cites', () => {
    for (const doc of input) {
      const keys = new Set(bib.occurrences.filter((entry) => entry.document === doc.meta.slug).map((entry) => entry.key))
      const items = JSON.parse(read(`${doc.meta.slug}.json`)) as CslItem[]
      expect(new Set(items.map((item) => item.id)), doc.meta.slug).toEqual(keys)
      // A document that cites nothing has no BibLaTeX file (issue 21, item 5).
      if (keys.size === 0) expect(readdirSync(folder), doc.meta.slug).not.toContain(`${doc.meta.slug}.bib`)
      else expect(entryCount(read(`${doc.meta.slug}.bib`))).toBe(keys.size)
    }
  })
})

describe('export options', () => {
  it('writes given entries under a given title instead of formatting again', async () => {
    const other = mkdtempSync(join(tmpdir(), 'apparatus-bib-options-'))
    try {
      const entries = formatBibliography(bib.items).slice(0, 2)
      await writeBibliographyExports(bib, input, other, {entries, title: 'Works Cited'})
      const html = readFileSync(join(other, 'bib', 'bibliography.html'), 'utf8')
      expect(html).toContain('<h1>Works Cited</h1>')
      expect(html.match(/class="csl-entry"/g)).toHaveLength(2)
      expect(readFileSync(join(other, 'bib', 'bibliography.txt'), 'utf8').startsWith('Works Cited\n===========\n')).toBe(true)
    } finally {
      rmSync(other, {recursive: true, force: true})
    }
  })

  it('creates no folder above its own in a folder that must exist (a staging folder a failed build removed)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'apparatus-bib-existing-'))
    try {
      const entries = formatBibliography(bib.items).slice(0, 2)
      const gone = join(parent, 'staging')
      await expect(writeBibliographyExports(bib, input, gone, {entries, existing: true})).rejects.toThrow(/ENOENT/)
      expect(readdirSync(parent)).toEqual([])
      const there = join(parent, 'there')
      mkdirSync(there)
      await writeBibliographyExports(bib, input, there, {entries, existing: true})
      expect(readdirSync(join(there, 'bib'))).toContain('bibliography.bib')
    } finally {
      rmSync(parent, {recursive: true, force: true})
    }
  })
})

describe('formatBibliography', () => {
  const entries = formatBibliography(bib.items)

  it('formats each item once, archival sources by archive and fond, then published works', () => {
    expect(entries.map((entry) => entry.id).sort()).toEqual(bib.items.map((item) => item.id).sort())
    const groups = entries.map((entry) => entry.group[0])
    const firstPublished = groups.indexOf('Published works')
    expect(groups.lastIndexOf('Archival sources')).toBeLessThan(firstPublished)
    expect(groups.slice(firstPublished).every((group) => group !== 'Archival sources')).toBe(true)
    expect(groups[groups.length - 1]).toBe('Unparsed citations')
    const archives = entries.filter((entry) => entry.group[0] === 'Archival sources').map((entry) => entry.group[1])
    expect([...new Set(archives)]).toEqual(['APRF', 'AVP RF', 'RTsKhIDNI', 'Archive not named'])
  })

  it('cites archival documents as historians cite Russian archives', () => {
    const shtykov = entries.find((entry) => entry.id === bib.occurrences.find((item) => item.document === 'sino-soviet-relations' && item.note === 24)?.key)
    expect(shtykov?.group).toEqual(['Archival sources', 'AVP RF', 'Fond 059a'])
    expect(shtykov?.text).toMatch(/^Shtykov to Vyshinsky, .*19 January 1950, AVP RF, f\. 059a, op\. 5a, d\. 3, p\. 11\.$/)
    const report = entries.find((entry) => entry.id === 'zhukov1945korea')
    expect(report?.text).toBe('Zhukov and Zabrodin, Korea, Short Report, 29 June 1945, AVP RF, f. 0430, op. 2, d. 18, p. 5.')
    expect(report?.html).toContain('Zhukov and Zabrodin')
    expect(report?.bibtex).toMatch(/^@unpublished\{zhukov1945korea,/)
  })

  it('prints no volume, no date and no entry twice', () => {
    const texts = entries.map((entry) => entry.text)
    expect(texts.filter((text) => /\bvol\. ([^\s.]+)\. Vol\. \1\b/i.test(text))).toEqual([])
    // `(Winter 1991–1992). 1991–1992.`: an article's date after its issue and again at the end.
    expect(texts.filter((text) => /\(([^()]*?)(\d{4}(?:–\d{4})?)\)[.:][^()]*?\b\2\.$/.test(text))).toEqual([])
    expect(texts.filter((text, index) => texts.indexOf(text) !== index)).toEqual([])
    expect(texts.filter((text) => /\bn\.d\./.test(text) && entries.find((entry) => entry.text === text)?.group[0] === 'Unparsed citations')).toEqual([])
  })

  it('formats published works in the Chicago manner', () => {
    const book = entries.find((entry) => entry.id === 'goncharov1993uncertain')
    expect(book?.group).toEqual(['Published works'])
    expect(book?.text).toBe('Goncharov, Sergei, John Lewis, and Litai Xue. Uncertain Partners: Stalin, Mao and the Korean War. Stanford, CA: Stanford University Press, 1993.')
    expect(book?.html).toContain('<i>Uncertain Partners: Stalin, Mao and the Korean War</i>')
  })

  it('formats with the style stripped of citation layout and sort keys exactly as with the edition style', () => {
    const style = readFileSync(stylePath(), 'utf8')
    const stripped = bibliographyStyle(style)
    expect(stripped).not.toContain('<sort>')
    expect(stripped).toContain('<citation><layout><text value=""/></layout></citation>')
    plugins.config.get('@csl').styles.add('apparatus-as-written', style)
    const format = (template: string) => new Cite(bib.items.map(({custom, ...fields}) => fields)).format('bibliography', {format: 'html', template, lang: 'en-US', nosort: true})
    expect(format(styleName)).toBe(format('apparatus-as-written'))
  })

  it('keeps a style that disambiguates cites as it is', () => {
    const style = readFileSync(stylePath(), 'utf8').replace('<citation ', '<citation disambiguate-add-year-suffix="true" ')
    expect(bibliographyStyle(style)).toBe(style)
  })
})

describe('citations.json written in parts', () => {
  it('is JSON.stringify with two spaces and a line end, one part per item', () => {
    const cases: unknown[][] = [[], [7], [{key: 'a', text: 'two\nlines "quoted"', nested: [1, {deep: null}], empty: {}}, {list: []}]]
    for (const items of cases) expect([...jsonArray(items)].join('')).toBe(`${JSON.stringify(items, null, 2)}\n`)
    expect([...jsonArray([1, 2, 3])]).toHaveLength(5)
  })
})
