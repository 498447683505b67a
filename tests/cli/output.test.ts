/**
 * The output folder under pressure, through the compiled CLI: a build that cannot write says
 * it built nothing; two builds at once into one folder leave one whole output, the same as a
 * build alone; an output inside the sources folder is not read back as a source; files a user
 * put into an output are never removed with it.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {compileCli, runCompiledCli, stackTrace, tempDir, treeHashes} from '../robustness/helpers.js'

const root = tempDir('cli-output')

beforeAll(() => {
  compileCli()
}, 240_000)

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

/** An invented source with bracketed endnotes. */
function source(topic: string, notes: number): string {
  const body = Array.from({length: notes}, (_, index) => `The ${topic} council met again in ${1850 + index} [${index + 1}].`).join('\n\n')
  const list = Array.from({length: notes}, (_, index) => `[${index + 1}] M. Castellane, Minutes of the ${topic} Council (Lyon, ${1900 + index}), ${index + 3}.`).join('\n')
  return `${body}\n\nNotes\n\n${list}\n`
}

function sourcesFolder(name: string): string {
  const dir = path.join(root, name, 'sources')
  mkdirSync(dir, {recursive: true})
  writeFileSync(path.join(dir, 'harbour.txt'), source('harbour', 12))
  writeFileSync(path.join(dir, 'customs.txt'), source('customs', 8))
  return dir
}

const formats = ['--format', 'markdown,bib,html']

describe('the output folder', () => {
  it('says nothing was built when the output cannot be written (exit 3)', async () => {
    const sources = sourcesFolder('unwritable')
    const blocker = path.join(root, 'unwritable', 'a-file')
    writeFileSync(blocker, 'not a folder')
    const run = await runCompiledCli(['build', '--sources', sources, '--out', path.join(blocker, 'out'), ...formats])
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/output-unwritable/)
    expect(run.stderr).toMatch(/^nothing built: /m)
    expect(run.stderr).not.toMatch(/^built /m)
    expect(run.stderr).not.toMatch(stackTrace)
  })

  it('leaves one whole output when two builds write into it at once', async () => {
    const sources = sourcesFolder('concurrent')
    const out = path.join(root, 'concurrent', 'out')
    const alone = path.join(root, 'concurrent', 'alone')
    const [first, second] = await Promise.all([
      runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet']),
      runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
    ])
    expect([first.code, second.code]).toEqual([0, 0])
    expect(first.stderr + second.stderr).not.toMatch(stackTrace)
    const single = await runCompiledCli(['build', '--sources', sources, '--out', alone, ...formats, '--quiet'])
    expect(single.code).toBe(0)
    const withoutCache = (hashes: Record<string, string>) => Object.fromEntries(Object.entries(hashes).filter(([name]) => !name.startsWith('.cache')))
    expect(withoutCache(treeHashes(out))).toEqual(withoutCache(treeHashes(alone)))
    // No staging or previous folder is left beside it.
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['alone', 'out', 'sources'])
  })

  it('builds into a folder inside the sources folder without reading it back', async () => {
    const sources = sourcesFolder('inside')
    const out = path.join(sources, 'edition')
    const first = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--json'])
    expect(first.code).toBe(0)
    const second = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--json'])
    expect(second.code).toBe(0)
    const report = JSON.parse(second.stdout) as {upToDate: boolean; documents: Array<{slug: string}>}
    expect(report.upToDate).toBe(true)
    expect(report.documents.map((document) => document.slug).sort()).toEqual(['customs', 'harbour'])
  })

  it('refuses an output that holds a user\'s files beside its own, and keeps them', async () => {
    const sources = sourcesFolder('user-files')
    const out = path.join(root, 'user-files', 'out')
    const first = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
    expect(first.code).toBe(0)
    writeFileSync(path.join(out, 'reading-notes.txt'), 'my own notes')
    mkdirSync(path.join(out, 'drafts'))
    writeFileSync(path.join(out, 'drafts', 'chapter.md'), 'a draft')
    // A file browser's litter is no user's file.
    writeFileSync(path.join(out, '.DS_Store'), 'litter')
    writeFileSync(path.join(sources, 'harbour.txt'), source('harbour', 13))
    const before = treeHashes(out)
    const second = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats])
    expect(second.code).toBe(2)
    expect(second.stderr).toMatch(/output-not-ours/)
    expect(second.stderr.replace(/\s+/g, ' ')).toMatch(/holds `drafts`, `reading-notes.txt`, which no build writes/)
    expect(treeHashes(out)).toEqual(before)
    expect(readFileSync(path.join(out, 'drafts', 'chapter.md'), 'utf8')).toBe('a draft')

    rmSync(path.join(out, 'reading-notes.txt'))
    rmSync(path.join(out, 'drafts'), {recursive: true})
    const third = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
    expect(third.code).toBe(0)
    expect(existsSync(path.join(out, 'markdown', 'harbour.md'))).toBe(true)
  })
})
