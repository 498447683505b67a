/**
 * Issue 23: a partial build keeps the rest of the output. `--only` with a pattern that selects
 * nothing is a usage error that touches nothing; `--only` rebuilds the documents it selects and
 * leaves the others' outputs as they were; `--format` carries the formats not asked for over.
 * Runs the compiled CLI, as users run it.
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {compileCli, parseReport, runCompiledCli, stackTrace, tempDir, treeHashes} from './helpers.js'

const root = tempDir('partial')
const sources = path.join(root, 'sources')
const out = path.join(root, 'output')
const formats = ['--format', 'markdown,bib,tei,html']

function source(word: string, extra = ''): string {
  return `The ${word} document says something about Korea.[1]${extra}\n\nA second paragraph of the ${word} text.\n\nNotes\n\n[1] John ${word[0]!.toUpperCase()}${word.slice(1)}, The Book of ${word} (London: Press, 1990), 12.\n`
}

function documentsOf(files: Record<string, string>, slug: string): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([name]) => !name.startsWith('.cache/') && path.basename(name).startsWith(`${slug}.`)))
}

beforeAll(async () => {
  compileCli()
  mkdirSync(sources, {recursive: true})
  for (const word of ['alpha', 'beta', 'gamma']) {
    writeFileSync(path.join(sources, `${word}.txt`), source(word))
    writeFileSync(path.join(sources, `${word}.yml`), `title: ${word}\nslug: ${word}\n`)
  }
  const first = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
  expect(first.code, first.stderr).toBe(0)
  // A PDF as a build with `pdf` would have left it (Chromium is not needed for this test).
  mkdirSync(path.join(out, 'pdf'))
  writeFileSync(path.join(out, 'pdf', 'alpha.pdf'), '%PDF-1.7 alpha\n')
}, 240_000)

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

describe('a partial build keeps the rest of the output', () => {
  it('--only with a pattern that selects nothing is one line, exit 2, and touches nothing', async () => {
    const before = treeHashes(root)
    for (const args of [['--only', 'zzz*'], ['--only', 'alpha', '--only', 'zzz*']]) {
      const run = await runCompiledCli(['build', '--sources', sources, '--out', out, ...args])
      expect(run.code, run.stderr).toBe(2)
      expect(run.stderr).toMatch(/^apparatus: --only `zzz\*` matches no source in `[^`]+` \(by slug or file name\); nothing was built\n$/)
      expect(run.stderr).not.toMatch(stackTrace)
      expect(treeHashes(root)).toEqual(before)
    }
  })

  it('watch and serve with an --only that selects nothing stop at once (exit 2), touching nothing', async () => {
    const before = treeHashes(root)
    for (const command of [['watch'], ['serve', '--port', '0']]) {
      const run = await runCompiledCli([...command, '--sources', sources, '--out', out, '--only', 'zzz*'])
      expect(run.code, run.stderr).toBe(2)
      expect(run.stderr).toMatch(/^apparatus: --only `zzz\*` matches no source/m)
      expect(run.stderr).not.toMatch(/watching|serving/)
    }
    expect(treeHashes(root)).toEqual(before)
  })

  it('--only rebuilds the documents it selects and leaves the others as they were', async () => {
    const before = treeHashes(out)
    // beta changes too but is not selected: its outputs stay those of the last build.
    writeFileSync(path.join(sources, 'beta.txt'), source('beta', ' A new sentence of beta.'))
    writeFileSync(path.join(sources, 'gamma.txt'), source('gamma', ' A new sentence of gamma.'))
    const run = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--only', 'gam*', '--json'])
    expect(run.code, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout) as {documentWork: number}
    expect(report.documentWork).toBe(1)
    // alpha came from the cache: the index, bibliography and search still hold it.
    expect(parseReport(run.stdout).documents.map((document) => document.slug).sort()).toEqual(['alpha', 'gamma'])
    const after = treeHashes(out)
    expect(Object.keys(documentsOf(before, 'alpha')).length).toBeGreaterThanOrEqual(4)
    // alpha's page is made again (from the cache): its place in the edition is now 1 of 2.
    const withoutPage = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([name]) => name !== 'html/alpha.html'))
    expect(withoutPage(documentsOf(after, 'alpha'))).toEqual(withoutPage(documentsOf(before, 'alpha')))
    expect(after['html/alpha.html']).toBeDefined()
    expect(documentsOf(after, 'beta')).toEqual(documentsOf(before, 'beta'))
    expect(Object.keys(documentsOf(after, 'gamma')).sort()).toEqual(Object.keys(documentsOf(before, 'gamma')).sort())
    expect(documentsOf(after, 'gamma')['markdown/gamma.md']).not.toBe(documentsOf(before, 'gamma')['markdown/gamma.md'])
    expect(readFileSync(path.join(out, 'markdown', 'gamma.md'), 'utf8')).toContain('A new sentence of gamma.')
    expect(readFileSync(path.join(out, 'markdown', 'beta.md'), 'utf8')).not.toContain('A new sentence of beta.')
    expect(after['pdf/alpha.pdf']).toBe(before['pdf/alpha.pdf'])
  })

  it('--format html carries the other formats over (pdf, tei, bib, markdown)', async () => {
    const before = treeHashes(out)
    const run = await runCompiledCli(['build', '--sources', sources, '--out', out, '--format', 'html', '--quiet'])
    expect(run.code, run.stderr).toBe(0)
    const after = treeHashes(out)
    for (const folder of ['pdf/', 'tei/', 'bib/', 'markdown/']) {
      const kept = (files: Record<string, string>) => Object.entries(files).filter(([name]) => name.startsWith(folder))
      expect(kept(before).length, folder).toBeGreaterThan(0)
      expect(kept(after), folder).toEqual(kept(before))
    }
    // A build of every document makes beta again; the PDF, not asked for, is still carried over.
    const all = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
    expect(all.code, all.stderr).toBe(0)
    expect(readFileSync(path.join(out, 'markdown', 'beta.md'), 'utf8')).toContain('A new sentence of beta.')
    expect(readFileSync(path.join(out, 'html', 'alpha.html'), 'utf8')).toContain('Document 1 of 3')
    expect(treeHashes(out)['pdf/alpha.pdf']).toBe(before['pdf/alpha.pdf'])
  })
})
