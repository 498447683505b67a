import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadSources} from '../../pipeline/build/sources.js'

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'apparatus-sources-'))
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content)
  return dir
}

describe('loadSources', () => {
  it('reads the seeds with their sidecars and the edition order', async () => {
    const loaded = await loadSources('sources')
    expect(loaded.sources).toHaveLength(5)
    expect(loaded.sources.every((source) => source.input.sidecar?.slug)).toBe(true)
    expect(loaded.edition.order).toEqual(loaded.sources.map((source) => source.input.sidecar?.slug))
    expect(loaded.sources[0]?.input.path).toBe('sources/000_2777fb99a9e7d315.txt')
    const messages = [loaded.editionFile, ...loaded.sources.flatMap((source) => [source.file, source.sidecarFile!])].flatMap((file) => file.messages)
    expect(messages).toEqual([])
  })

  it('names the file, field, line and expectation of a wrong sidecar field', async () => {
    const dir = await folder({'a.txt': 'Text.', 'a.yml': 'title: Fine\nkind: novel\nauthors: Someone\n'})
    const loaded = await loadSources(dir)
    const sidecar = loaded.sources[0]?.sidecarFile
    expect(loaded.sources[0]?.input.sidecar).toBeUndefined()
    const reasons = sidecar?.messages.map((message) => `${message.line}:${message.ruleId}:${message.reason}`)
    expect(reasons).toHaveLength(2)
    expect(reasons?.[0]).toMatch(/^2:sidecar-invalid:Unexpected value for `kind`: .*working-paper/)
    expect(reasons?.[1]).toMatch(/^3:sidecar-invalid:Unexpected value for `authors`: Expected array/)
    expect(sidecar?.messages.every((message) => message.fatal === true)).toBe(true)
  })

  it('reports invalid YAML with its position and keeps the source', async () => {
    const dir = await folder({'b.txt': 'Text.', 'b.yml': 'title: [unclosed\n'})
    const loaded = await loadSources(dir)
    expect(loaded.sources).toHaveLength(1)
    const message = loaded.sources[0]?.sidecarFile?.messages[0]
    expect(message?.ruleId).toBe('sidecar-invalid')
    expect(message?.line).toBeGreaterThanOrEqual(1)
    expect(message?.reason).toMatch(/^Unexpected YAML syntax/)
  })

  it('rejects unknown sidecar fields and reports orphan sidecars and unknown files', async () => {
    const dir = await folder({'c.txt': 'Text.', 'c.yml': 'titel: Typo\n', 'd.yml': 'title: Orphan\n', 'e.pdf': '%PDF'})
    const loaded = await loadSources(dir)
    expect(loaded.sources[0]?.sidecarFile?.messages[0]?.reason).toMatch(/titel/)
    const other = loaded.otherFiles.map((file) => `${path.basename(file.path)}:${file.messages[0]?.ruleId}`)
    expect(other).toEqual(['d.yml:sidecar-orphan', 'e.pdf:unknown-source-type'])
  })

  it('validates edition.yml', async () => {
    const dir = await folder({'edition.yml': 'editors: [A]\n', 'x.txt': 'Text.'})
    const loaded = await loadSources(dir)
    expect(loaded.editionFile.messages[0]?.reason).toMatch(/`title`/)
    expect(loaded.editionFile.messages[0]?.ruleId).toBe('edition-invalid')
  })
})

describe('the diagnostics catalog', () => {
  it('is documented in docs/diagnostics.md (regenerate with `npx tsx scripts/diagnostics-doc.ts`)', async () => {
    const {readFile} = await import('node:fs/promises')
    const {diagnosticsDoc} = await import('../../scripts/diagnostics-doc.js')
    expect(await readFile('docs/diagnostics.md', 'utf8')).toBe(diagnosticsDoc())
  })
})
