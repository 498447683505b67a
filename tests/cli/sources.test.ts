/**
 * A sources folder with everything a user's folder may hold, through the compiled CLI: each
 * odd entry is named with its rule id, the readable sources are built, and slugs that collide
 * are renamed apart.
 */
import {existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {compileCli, parseReport, runCompiledCli, stackTrace, tempDir, type JsonReport} from '../robustness/helpers.js'

const root = tempDir('cli-sources')
const sources = path.join(root, 'sources')
const outside = path.join(root, 'outside')
const out = path.join(root, 'out')

let report: JsonReport
let code: number | null

beforeAll(async () => {
  compileCli()
  mkdirSync(sources, {recursive: true})
  mkdirSync(outside, {recursive: true})
  const text = (topic: string) => `A short account of the ${topic}, written for the harbour board.\n`
  for (const name of ['a b.txt', 'a-b.txt', 'Map.txt', 'map.txt', 'x#1.txt', 'why?.txt', 'Ünïcode ✓.txt', 'plain.txt']) writeFileSync(path.join(sources, name), text(name))
  writeFileSync(path.join(sources, 'empty.txt'), '')
  writeFileSync(path.join(sources, 'blank.txt'), ' \n\t\n  \n')
  writeFileSync(path.join(sources, 'letter.rtf'), '{\\rtf1 not read}')
  writeFileSync(path.join(outside, 'private.txt'), 'A private file that must not be published.\n')
  symlinkSync(path.join(outside, 'private.txt'), path.join(sources, 'outside-link.txt'))
  symlinkSync(outside, path.join(sources, 'folder-link.txt'))
  symlinkSync('loop-b.txt', path.join(sources, 'loop-a.txt'))
  symlinkSync('loop-a.txt', path.join(sources, 'loop-b.txt'))
  symlinkSync('gone.txt', path.join(sources, 'dangling.txt'))
  symlinkSync('plain.txt', path.join(sources, 'plain-link.txt'))
  const run = await runCompiledCli(['build', '--sources', sources, '--out', out, '--format', 'markdown', '--json'], {cwd: root})
  expect(run.stderr).not.toMatch(stackTrace)
  code = run.code
  report = parseReport(run.stdout)
}, 240_000)

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

function diagnostic(name: string, ruleId: string) {
  return report.diagnostics.find((item) => path.basename(item.file) === name && item.ruleId === ruleId)
}

describe('a sources folder with odd entries', () => {
  it('exits 1 and builds every readable source', () => {
    expect(code).toBe(1)
    expect(report.documents.map((document) => document.slug).sort()).toEqual(['a-b', 'a-b-1', 'map', 'map-1', 'plain', 'plain-link', 'unicode', 'why', 'x-1'])
    for (const slug of ['why', 'x-1', 'unicode']) expect(existsSync(path.join(out, 'markdown', `${slug}.md`))).toBe(true)
  })

  it('renames colliding slugs apart', () => {
    expect(diagnostic('a-b.txt', 'duplicate-slug')?.reason).toMatch(/renamed `a-b-1`/)
    expect(diagnostic('map.txt', 'duplicate-slug')?.reason).toMatch(/renamed `map-1`/)
  })

  it('names empty, blank and unknown files', () => {
    expect(diagnostic('empty.txt', 'empty-input')).toMatchObject({severity: 'error', line: 1, column: 1})
    expect(diagnostic('blank.txt', 'empty-input')?.reason).toMatch(/only white space/)
    expect(diagnostic('letter.rtf', 'unknown-source-type')).toMatchObject({severity: 'warning'})
  })

  it('says what each link that is not read leads to', () => {
    expect(diagnostic('outside-link.txt', 'source-outside')).toMatchObject({severity: 'error'})
    expect(diagnostic('folder-link.txt', 'source-unreadable')?.reason).toMatch(/link to a folder/)
    expect(diagnostic('loop-a.txt', 'source-unreadable')?.reason).toMatch(/loop of links/)
    expect(diagnostic('dangling.txt', 'source-unreadable')?.reason).toMatch(/link to nothing/)
    expect(JSON.stringify(report)).not.toContain('must not be published')
  })
})

describe('a sources folder without sources', () => {
  it('builds nothing and leaves the previous output as it was (exit 1)', async () => {
    const dir = path.join(root, 'emptied')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'only.txt'), 'A short account of the lighthouse keeper, for the harbour board.\n')
    const previous = path.join(root, 'emptied-out')
    expect((await runCompiledCli(['build', '--sources', dir, '--out', previous, '--format', 'markdown', '--quiet'])).code).toBe(0)
    rmSync(path.join(dir, 'only.txt'))
    writeFileSync(path.join(dir, 'readme.rtf'), 'not a source')
    const run = await runCompiledCli(['build', '--sources', dir, '--out', previous, '--format', 'markdown'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/sources-empty/)
    expect(run.stderr).toMatch(/^nothing built: /m)
    expect(existsSync(path.join(previous, 'markdown', 'only.md'))).toBe(true)
  })

  it('takes an empty --sources or --out as bad usage (exit 2), not the working folder', async () => {
    for (const args of [['--sources', ''], ['--out', '']]) {
      const run = await runCompiledCli(['build', ...args], {cwd: root})
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/takes a folder, not an empty name/)
    }
  })
})
