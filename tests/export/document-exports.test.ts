/**
 * The documents' TEI and pandoc exports take the function that makes each export as a plain
 * argument: the build composes its cache around the stage's own (`documentExporter`), and the
 * stage knows nothing of it.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {documentExporter, writeDocumentExports, type ExportTask} from '../../pipeline/export/documents.js'
import {loadFixture} from '../html/fixture.js'

const input = loadFixture()
const documents = input.documents.map(({meta, markdown}) => ({meta, markdown: typeof markdown === 'string' ? markdown : ''}))
const root = mkdtempSync(join(tmpdir(), 'apparatus-document-exports-'))

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

/** An output folder (the build's staging folder exists before the exports are written). */
function folder(name: string): string {
  const dir = join(root, name)
  mkdirSync(dir)
  return dir
}

const read = (dir: string, paths: string[]) => Object.fromEntries(paths.map((path) => [relative(dir, path), readFileSync(path, 'utf8')]))

describe('writeDocumentExports', () => {
  it('makes each document’s exports with the function it is given, composed around its own, to the same files', async () => {
    const plain = folder('plain')
    const composed = folder('composed')
    const expected = await writeDocumentExports(documents, input.bibliography, plain, {edition: input.edition})
    const own = documentExporter(input.bibliography, input.edition)
    const asked: string[] = []
    const written = await writeDocumentExports(documents, input.bibliography, composed, {edition: input.edition}, async (task) => {
      asked.push(`${task.kind} ${task.sha256.slice(0, 8)}`)
      return own(task)
    })
    expect(asked).toHaveLength(documents.length * 2)
    expect(new Set(asked).size).toBe(asked.length)
    expect(read(composed, written)).toEqual(read(plain, expected))
    expect(written.map((path) => relative(composed, path))).toContain('tei/bibliography.xml')
  })

  it('writes what the function returns without reading a document it does not ask for (a cached export)', async () => {
    const out = folder('stored')
    const tasks: ExportTask[] = []
    const written = await writeDocumentExports(documents, input.bibliography, out, {edition: input.edition, tei: false}, async (task) => {
      tasks.push(task)
      return `stored ${task.kind} ${task.sha256}\n`
    })
    expect(tasks.map((task) => task.kind)).toEqual(documents.map(() => 'pandoc'))
    const files = read(out, written)
    expect(Object.keys(files)).toEqual(documents.map(({meta}) => `pandoc/${meta.slug}.md`))
    expect(Object.values(files).every((text) => /^stored pandoc [0-9a-f]{64}\n$/.test(text))).toBe(true)
    // Same Markdown, same key; the edition is part of it.
    expect(tasks[0]?.edition).toBe(JSON.stringify(input.edition))
  })
})
