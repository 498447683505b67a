/**
 * The TEI P5 and pandoc exports (issue 21, items 3 and 4), tested with their real clients:
 * jing validates every TEI file against TEI P5's tei_all.rng (P5 4.9.0, CC-BY/BSD), pandoc
 * reads every pandoc file and renders it with citeproc in two CSL styles with no warning. On
 * the seeds' build and on a fixture of edge cases (tests/fixtures/export/edge-cases; `UPDATE=1`
 * rewrites its expected files).
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {BlockContent, Nodes as MdastNodes, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Element as XmlElement, Nodes as XmlNodes} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildEdition} from '../../pipeline/build/edition.js'
import {pandocOfDocument, stylePath, teiOfDocument, toTeiBibliography} from '../../pipeline/export/index.js'
import {archiveLocationText} from '../../pipeline/bibliography/archival-text.js'
import {isArchivalItem} from '../../pipeline/bibliography/hierarchy.js'
import {parseDocument} from '../../pipeline/markdown/index.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))
const teiSchema = join(fixtures, 'schemas/tei/tei_all.rng')
const cslSchema = join(fixtures, 'schemas/styles/csl.rnc')
/** The edition's note style and an author-date style written for these tests. */
const styles = {apparatus: stylePath(), 'author-date': join(fixtures, 'csl/author-date.csl')}
const edgeCases = join(fixtures, 'export/edge-cases')

function run(command: string, args: string[]): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(command, args, {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** jing's errors for the files (its warnings about optional Java libraries are not errors). */
function jing(schema: string, files: string[], compact = false): string[] {
  const result = run('jing', [...(compact ? ['-c'] : []), schema, ...files])
  return `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => /: (?:error|fatal):/.test(line))
}

/** Letters and digits of a text, sorted: what must survive an export, wherever notes are placed. */
function letters(text: string): string {
  return [...text.matchAll(/[\p{L}\p{N}]/gu)].map((match) => match[0]).sort().join('')
}

/** The text of annotated Markdown; `skip` leaves out a directive's subtree. */
function markdownText(node: MdastNodes, skip: (node: MdastNodes) => boolean = () => false): string {
  if (skip(node)) return ''
  if ('children' in node) return node.children.map((child) => markdownText(child, skip)).join(' ')
  return toString(node)
}

/** The TEI `<text>`'s words without the source's readings (`sic`, `orig`) and the editors' reasons. */
function teiText(node: XmlNodes): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element' && node.type !== 'root') return ''
  if (node.type === 'element' && (node.name === 'sic' || node.name === 'orig' || node.name === 'teiHeader' || (node.name === 'note' && node.attributes.type === 'reason'))) return ''
  return node.children.map((child) => teiText(child)).join(' ')
}

function elements(node: XmlNodes, name: string): XmlElement[] {
  if (node.type !== 'element' && node.type !== 'root') return []
  const own = node.type === 'element' && node.name === name ? [node] : []
  return [...own, ...node.children.flatMap((child) => elements(child, name))]
}

interface PandocNode {
  t?: string
  c?: unknown
}

/** Node types of pandoc's AST and the text of its `Str`s and code, outside citations. */
function pandocAst(value: unknown, types: Map<string, number>, words: string[]): void {
  if (Array.isArray(value)) {
    for (const entry of value) pandocAst(entry, types, words)
    return
  }
  if (typeof value !== 'object' || value === null) return
  const node = value as PandocNode
  if (typeof node.t === 'string') {
    types.set(node.t, (types.get(node.t) ?? 0) + 1)
    if (node.t === 'Cite') return
    if (node.t === 'Str' && typeof node.c === 'string') words.push(node.c)
    if (node.t === 'Code' && Array.isArray(node.c)) words.push(String(node.c[1]))
    // Attributes (the apparatus' `orig`, `text`) are not text.
    if ((node.t === 'Span' || node.t === 'Div') && Array.isArray(node.c)) return pandocAst(node.c[1], types, words)
  }
  for (const entry of Object.values(node)) pandocAst(entry, types, words)
}

/** What pandoc's Markdown reader must not find in our files: every one is text misread as markup. */
const misread = ['Math', 'RawInline', 'RawBlock', 'Superscript', 'Subscript', 'Strikeout', 'DefinitionList', 'LineBlock', 'SmallCaps']

function readPandoc(file: string): {types: Map<string, number>; words: string} {
  const result = run('pandoc', ['-f', 'markdown', '-t', 'json', file])
  expect(result.stderr, file).toBe('')
  const ast = JSON.parse(result.stdout) as {blocks: unknown}
  const types = new Map<string, number>()
  const words: string[] = []
  pandocAst(ast.blocks, types, words)
  return {types, words: words.join(' ')}
}

/** Citations with a key the bibliography has (`keys`), in annotated Markdown. */
function citations(tree: MdastNodes, keys: ReadonlySet<string>): number {
  if (tree.type === 'textDirective' && tree.name === 'cite') return keys.has(tree.attributes?.key ?? '') ? 1 : 0
  return 'children' in tree ? tree.children.reduce((sum, child) => sum + citations(child, keys), 0) : 0
}

/**
 * The tree as pandoc reads it: each note's content at each of its references (pandoc repeats a
 * note referenced twice), the definitions gone.
 */
function notesInPlace(tree: Root): Root {
  const definitions = new Map(tree.children.flatMap((node) => (node.type === 'footnoteDefinition' ? [[node.identifier, node] as const] : [])))
  const place = (node: MdastNodes): MdastNodes => {
    if (node.type === 'footnoteReference') {
      const definition = definitions.get(node.identifier)
      return definition ? {type: 'blockquote', children: definition.children.map((child) => place(child) as BlockContent)} : node
    }
    return 'children' in node ? ({...node, children: node.children.map(place)} as MdastNodes) : node
  }
  return {type: 'root', children: tree.children.filter((node) => node.type !== 'footnoteDefinition').map((node) => place(node) as RootContent)}
}

const isCitation = (keys: ReadonlySet<string>) => (node: MdastNodes) => node.type === 'textDirective' && node.name === 'cite' && keys.has(node.attributes?.key ?? '')
const isRemoved = (node: MdastNodes) => (node.type === 'textDirective' || node.type === 'containerDirective') && node.name === 'removed'

function renders(file: string, bibliography: string): Record<string, {status: number | null; stderr: string; stdout: string}> {
  return Object.fromEntries(Object.entries(styles).map(([name, style]) => [name, run('pandoc', [file, '--citeproc', '--bibliography', bibliography, '--csl', style, '-t', 'plain'])]))
}

describe('the seeds’ TEI and pandoc exports', () => {
  let dir = ''
  let out = ''
  let items: CslItem[] = []
  let keys = new Set<string>()
  let slugs: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apparatus-tei-pandoc-'))
    out = join(dir, 'output')
    const result = await buildEdition({sources: 'sources', out, formats: ['markdown', 'bib', 'tei', 'pandoc'], jobs: 1})
    slugs = result.documents.map(({meta}) => meta.slug)
    items = JSON.parse(readFileSync(join(out, 'bib/bibliography.json'), 'utf8')) as CslItem[]
    keys = new Set(items.map((item) => item.id))
  })

  afterAll(() => {
    rmSync(dir, {recursive: true, force: true})
  })

  it('writes a TEI file per document and the bibliography, each valid against TEI P5 (jing)', () => {
    const files = readdirSync(join(out, 'tei')).sort()
    expect(files).toEqual([...slugs.map((slug) => `${slug}.xml`), 'bibliography.xml'].sort())
    const errors = jing(teiSchema, files.map((file) => join(out, 'tei', file)))
    console.info(`TEI: ${files.length} files, ${errors.length} jing errors`)
    expect(errors).toEqual([])
  })

  it('gives each note, emendation and citation its element, and every citation an entry to point to', () => {
    const bibliography = fromXml(readFileSync(join(out, 'tei/bibliography.xml'), 'utf8'))
    const ids = new Set([...elements(bibliography, 'biblStruct'), ...elements(bibliography, 'bibl')].map((element) => element.attributes['xml:id']))
    for (const slug of slugs) {
      const {meta, tree} = parseDocument(readFileSync(join(out, 'markdown', `${slug}.md`), 'utf8'))
      const tei = fromXml(readFileSync(join(out, 'tei', `${slug}.xml`), 'utf8'))
      const notes = elements(tei, 'note').filter((note) => note.attributes.n !== undefined)
      expect(notes.length, slug).toBe(meta.counts.notes)
      const emendations = Object.values(meta.counts.emendations).reduce((sum, count) => sum + count, 0)
      expect(elements(tei, 'choice').length, slug).toBe(emendations)
      const targets = elements(tei, 'ref').map((ref) => ref.attributes.target ?? '').filter((target) => target.startsWith('bibliography.xml#'))
      expect(targets.length, slug).toBe(citations(tree, keys))
      for (const target of targets) expect(ids.has(target.replace(/^bibliography\.xml#/, '')), target).toBe(true)
      expect(letters(teiText(elements(tei, 'text')[0]!)), slug).toBe(letters(markdownText(tree)))
    }
  })

  it('lists published works as biblStruct and archival items as bibl with msIdentifier (fond, opis, delo, papka)', () => {
    const bibliography = fromXml(readFileSync(join(out, 'tei/bibliography.xml'), 'utf8'))
    const structs = elements(bibliography, 'biblStruct')
    const archival = elements(bibliography, 'bibl').filter((bibl) => bibl.attributes.type === 'archival')
    expect(structs.length + archival.length).toBe(items.length)
    expect(archival.length).toBe(items.filter(isArchivalItem).length)
    const byId = new Map(archival.map((bibl) => [bibl.attributes['xml:id'], bibl]))
    for (const item of items.filter(isArchivalItem)) {
      const bibl = byId.get(item.id)
      expect(bibl, item.id).toBeDefined()
      const identifier = elements(bibl!, 'msIdentifier')[0]
      // A document cited without its archive has no identifier to give.
      if (!archiveLocationText(item)) {
        expect(identifier, item.id).toBeUndefined()
        continue
      }
      expect(toText(elements(identifier!, 'repository')[0]), item.id).toBe(item.archive ?? item.custom?.archival?.archive)
      const levels = Object.fromEntries(elements(identifier!, 'idno').map((idno) => [idno.attributes.type, toText(idno)]))
      for (const level of ['fond', 'opis', 'delo', 'papka'] as const) expect(levels[level], `${item.id} ${level}`).toBe(item.custom?.archival?.[level])
    }
  })

  it('writes pandoc Markdown that renders with citeproc in two CSL styles with no warning', () => {
    const files = readdirSync(join(out, 'pandoc')).sort()
    expect(files).toEqual(slugs.map((slug) => `${slug}.md`).sort())
    const warnings: Record<string, number> = {}
    for (const file of files) {
      for (const [style, result] of Object.entries(renders(join(out, 'pandoc', file), join(out, 'bib/bibliography.json')))) {
        warnings[style] = (warnings[style] ?? 0) + result.stderr.split('\n').filter(Boolean).length
        expect(result.stderr, `${file} ${style}`).toBe('')
        expect(result.status).toBe(0)
        expect(result.stdout, `${file} ${style}`).not.toContain('???')
      }
    }
    console.info(`pandoc: ${files.length} files, warnings per style ${JSON.stringify(warnings)}`)
  })

  it('is read by pandoc with a citation per citation and every word of the text, nothing as markup', () => {
    for (const slug of slugs) {
      const tree = notesInPlace(parseDocument(readFileSync(join(out, 'markdown', `${slug}.md`), 'utf8')).tree)
      const {types, words} = readPandoc(join(out, 'pandoc', `${slug}.md`))
      expect(types.get('Cite') ?? 0, slug).toBe(citations(tree, keys))
      expect(misread.filter((type) => types.has(type)), slug).toEqual([])
      const cited = isCitation(keys)
      expect(letters(words), slug).toBe(letters(markdownText(tree, (node) => cited(node) || isRemoved(node))))
    }
  })

  it('writes no BibLaTeX file for a document that cites nothing', () => {
    const bib = readdirSync(join(out, 'bib'))
    const citing = new Set((JSON.parse(readFileSync(join(out, 'bib/citations.json'), 'utf8')) as Array<{document: string}>).map((entry) => entry.document))
    expect(slugs.some((slug) => !citing.has(slug))).toBe(true)
    for (const slug of slugs) {
      expect(bib.includes(`${slug}.bib`), slug).toBe(citing.has(slug))
      if (citing.has(slug)) expect(readFileSync(join(out, 'bib', `${slug}.bib`), 'utf8').trim()).not.toBe('')
    }
  })
})

function toText(node: XmlNodes | undefined): string | undefined {
  return node ? teiText(node).trim() : undefined
}

describe('edge cases (tests/fixtures/export/edge-cases)', () => {
  const markdown = readFileSync(join(edgeCases, 'input.md'), 'utf8')
  const bibliographyFile = join(edgeCases, 'bibliography.json')
  const items = JSON.parse(readFileSync(bibliographyFile, 'utf8')) as CslItem[]
  const keys = new Set(items.map((item) => item.id))
  const edition = {title: 'Edge Cases', editors: ['An Editor'], language: 'en', date: '2026', order: []}
  const document = parseDocument(markdown)
  let dir = ''

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apparatus-edge-'))
  })

  afterAll(() => {
    rmSync(dir, {recursive: true, force: true})
  })

  function expected(name: string, actual: string): void {
    const file = join(edgeCases, name)
    if (process.env.UPDATE) writeFileSync(file, actual)
    expect(actual).toBe(readFileSync(file, 'utf8'))
  }

  it('writes TEI as expected, valid, with the bibliography it points to', () => {
    const tei = teiOfDocument(document, {edition, keys})
    const bibliography = toTeiBibliography(items, edition)
    expected('expected.xml', tei)
    expected('expected-bibliography.xml', bibliography)
    writeFileSync(join(dir, 'edge.xml'), tei)
    writeFileSync(join(dir, 'bibliography.xml'), bibliography)
    expect(jing(teiSchema, [join(dir, 'edge.xml'), join(dir, 'bibliography.xml')])).toEqual([])
    // A citation whose key the bibliography lacks is a bibl without a ref; a key that is no XML name is made one.
    expect(tei).toContain('<bibl>An unknown work</bibl>')
    expect(tei).toContain('target="bibliography.xml#bibl-50nianhou"')
    expect(bibliography).toContain('xml:id="bibl-50nianhou"')
    expect(letters(teiText(elements(fromXml(tei), 'text')[0]!))).toBe(letters(markdownText(document.tree)))
  })

  it('writes pandoc Markdown as expected, which pandoc reads as the edition reads it and renders in two styles', () => {
    const pandoc = pandocOfDocument(document, {keys})
    expected('expected.md', pandoc)
    const file = join(dir, 'edge.md')
    writeFileSync(file, pandoc)
    const {types, words} = readPandoc(file)
    expect(misread.filter((type) => types.has(type))).toEqual([])
    expect(types.get('Quoted')).toBeUndefined()
    const read = notesInPlace(document.tree)
    expect(types.get('Cite')).toBe(citations(read, keys))
    expect(letters(words)).toBe(letters(markdownText(read, (node) => isCitation(keys)(node) || isRemoved(node))))
    // Straight quotes, dashes and ellipses stay as written (pandoc's smart punctuation is not applied).
    expect(words).toContain('1950---1953')
    expect(words).toContain('wait...')
    for (const [style, result] of Object.entries(renders(file, bibliographyFile))) {
      expect(result.stderr, style).toBe('')
      expect(result.stdout, style).not.toContain('RUNNING HEAD')
      expect(result.stdout, style).toContain('18–30')
    }
  })

  it('ships an author-date style the CSL schema accepts (jing)', () => {
    expect(jing(cslSchema, [styles['author-date']], true)).toEqual([])
  })
})
