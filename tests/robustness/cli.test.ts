/**
 * The command line under bad input and faults: exit codes as the README gives them, clear
 * messages without stack traces, an unwritable output folder, and Ctrl-C during a build.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {corpus} from './cases.js'
import {addUnreadable, parseReport, runCli, stackTrace, tempDir, writeSources} from './helpers.js'
import {manyNotes} from './generate.js'

const root = tempDir('cli')
const good = corpus.filter((item) => item.builds && item.rules.length === 0)
const formats = ['--format', 'markdown,bib,html']

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

/** Every file below `dir` with the hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else out[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex')
    }
  }
  walk(dir)
  return out
}

describe('apparatus build on bad sources', () => {
  it('exits 1, builds the readable documents and reports each error with file, line and rule', async () => {
    const sources = writeSources(corpus, path.join(root, 'corpus'))
    addUnreadable(sources)
    const out = path.join(root, 'corpus-out')
    const run = await runCli(['build', '--sources', sources, '--out', out, ...formats, '--json'])
    expect(run.code).toBe(1)
    expect(run.stderr).not.toMatch(stackTrace)
    const report = parseReport(run.stdout)
    expect(report.documents).toHaveLength(corpus.filter((item) => item.builds).length)
    const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
    expect(errors.length).toBeGreaterThan(0)
    for (const error of errors) {
      expect(error.file).not.toBe('')
      expect(error.ruleId).toBeDefined()
      expect(error.line, `${error.file} ${error.ruleId}`).toBeGreaterThanOrEqual(1)
    }
    expect(report.outputs).toContain('html/good.html')
  })

  it('prints readable diagnostics, not stack traces, without --json', async () => {
    const sources = writeSources(corpus.filter((item) => !item.builds), path.join(root, 'refused'))
    const run = await runCli(['check', '--sources', sources])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/empty\.txt[\s\S]*1:1\s+error\s+Unexpected empty source[\s\S]*empty-input/)
    expect(run.stderr).toMatch(/image\.txt[\s\S]*binary-input/)
    expect(run.stderr).not.toMatch(stackTrace)
  })

  it('exits 0 on sources that are only odd, not wrong', async () => {
    const sources = writeSources(good, path.join(root, 'good'))
    const run = await runCli(['build', '--sources', sources, '--out', path.join(root, 'good-out'), ...formats, '--quiet'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  it('exits 2 on bad usage', async () => {
    const format = await runCli(['build', '--format', 'markdown,epub'])
    expect(format.code).toBe(2)
    expect(format.stderr).toMatch(/unknown format `epub`/)
    const option = await runCli(['build', '--frobnicate'])
    expect(option.code).toBe(2)
    expect(option.stderr).not.toMatch(stackTrace)
  })
})

describe('apparatus build on faulty output', () => {
  it('exits 3 with a clear message when the output folder lies below a regular file', async () => {
    const sources = writeSources(good.slice(0, 2), path.join(root, 'unwritable'))
    const blocker = path.join(root, 'a-file')
    writeFileSync(blocker, 'not a folder')
    const run = await runCli(['build', '--sources', sources, '--out', path.join(blocker, 'output'), ...formats])
    expect(run.code).toBe(3)
    // The reason is wrapped to the terminal's width.
    expect(run.stderr.replace(/\s+/g, ' ')).toMatch(/Cannot write the output folder .*(?:ENOTDIR|not a directory)/i)
    expect(run.stderr).toMatch(/output-unwritable/)
    expect(run.stderr).not.toMatch(/\.staging-/)
    expect(run.stderr).toContain(blocker)
    expect(run.stderr).not.toMatch(stackTrace)
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder')
  })

  it('leaves the previous output whole when a build is interrupted', async () => {
    const sources = writeSources(good.slice(0, 3), path.join(root, 'interrupt'))
    const out = path.join(root, 'interrupt-out')
    const first = await runCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
    expect(first.code).toBe(0)
    const before = snapshot(out)
    expect(Object.keys(before)).toContain('html/index.html')

    // A second build with a large document, interrupted once it writes into its staging folder.
    writeFileSync(path.join(sources, 'many-notes.txt'), manyNotes(3000))
    const staged = () => readdirSync(root).filter((name) => name.startsWith('interrupt-out.staging-') || name.startsWith('interrupt-out.previous-'))
    let interrupted = false
    const second = await runCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'], {
      onSpawn(child) {
        const poll = setInterval(() => {
          if (child.exitCode !== null) clearInterval(poll)
          else if (staged().length > 0) {
            clearInterval(poll)
            interrupted = child.kill('SIGINT')
          }
        }, 20)
      }
    })
    expect(interrupted).toBe(true)
    expect(second.code === 130 || second.signal === 'SIGINT').toBe(true)
    expect(snapshot(out)).toEqual(before)
    expect(statSync(out).isDirectory()).toBe(true)
    expect(existsSync(path.join(out, 'markdown', 'many-notes.md'))).toBe(false)
    expect(staged()).toEqual([])
  })
})
