/**
 * The command line as users run it: the compiled CLI (`node dist/pipeline/cli.js`, the
 * package's bin). `watch` and `serve` are tested in tests/robustness/serve.test.ts.
 */
import {spawnSync} from 'node:child_process'
import {cp, mkdtemp, readdir, readFile, writeFile, appendFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {compileCli} from '../robustness/helpers.js'
import {outputHashes} from './hashes.js'

const root = path.resolve(import.meta.dirname, '..', '..')
const cliArgs = [path.join(root, 'dist', 'pipeline', 'cli.js')]

beforeAll(() => {
  compileCli()
}, 240_000)

function cli(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [...cliArgs, ...args], {cwd, encoding: 'utf8', env: {...process.env, FORCE_COLOR: '0'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `apparatus-${prefix}-`))
}

describe('apparatus command line', () => {
  it('prints help and version, and exits 2 on bad usage', () => {
    const help = cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: apparatus <command>/)
    expect(help.stdout).toMatch(/Exit codes/)
    const version = cli(['--version'])
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    expect(cli(['frobnicate']).code).toBe(2)
    const format = cli(['build', '--format', 'docx'])
    expect(format.code).toBe(2)
    expect(format.stderr).toMatch(/unknown format `docx`/)
    expect(cli(['build', '--no-such-flag']).code).toBe(2)
    // check writes nothing, so it has no formats to choose.
    const checkFormat = cli(['check', '--format', 'html'])
    expect(checkFormat.code).toBe(2)
    expect(checkFormat.stderr).toMatch(/`check` takes no `--format`/)
    expect(cli(['build', '--jobs', '0']).stderr).toMatch(/--jobs takes a whole number/)
  })

  it('check reports every diagnostic with rule ids and hints, writes nothing, and --strict fails on warnings', async () => {
    const out = await tempDir('check-out')
    const check = cli(['check', '--json', '--out', out])
    expect(check.code).toBe(0)
    const report = JSON.parse(check.stdout) as {ok: boolean; documents: Array<{notes: number}>; diagnostics: Array<{ruleId: string; hint: string; file: string; line: number | null}>}
    expect(report.documents.map((document) => document.notes)).toEqual([94, 81, 26, 0, 0])
    expect(report.diagnostics.length).toBeGreaterThan(0)
    for (const diagnostic of report.diagnostics) {
      expect(diagnostic.ruleId).toMatch(/^[a-z][a-z0-9-]+$/)
      expect(diagnostic.hint).toEqual(expect.any(String))
    }
    expect(report.diagnostics.some((diagnostic) => diagnostic.ruleId === 'possible-sic' && diagnostic.line !== null)).toBe(true)
    expect(await readdir(out)).toEqual([])
    const hasWarnings = report.diagnostics.some((diagnostic) => diagnostic.ruleId && /warning/.test(JSON.stringify(diagnostic)))
    const strict = cli(['check', '--strict', '--quiet'])
    expect(strict.code).toBe(hasWarnings || report.diagnostics.some(() => true) ? strict.code : 0)
    const strictReport = JSON.parse(cli(['check', '--strict', '--json']).stdout) as {ok: boolean; diagnostics: Array<{severity: string}>}
    const warnings = strictReport.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length
    expect(strictReport.ok).toBe(warnings === 0)
    expect(strict.code).toBe(warnings === 0 ? 0 : 1)
  })

  it('leaves the output as it was when the sources folder cannot be read, and exits 1', async () => {
    const out = await tempDir('unreadable-out')
    await writeFile(path.join(out, 'kept.md'), 'A previous edition.\n')
    const build = cli(['build', '--sources', path.join(out, 'no-such-folder'), '--out', out, '--format', 'markdown'])
    expect(build.code).toBe(1)
    expect(build.stderr).toContain('sources-unreadable')
    expect(build.stderr).toContain('nothing built:')
    expect(await readdir(out)).toEqual(['kept.md'])
  })

  it('builds deterministically, and rebuilds only what changed', async () => {
    const sources = await tempDir('sources')
    await cp(path.join(root, 'sources'), sources, {recursive: true})
    const a = await tempDir('out-a')
    const b = await tempDir('out-b')
    const first = cli(['build', '--json', '--format', 'markdown,bib,html', '--sources', sources, '--out', a])
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({documentWork: 5, upToDate: false})
    expect(cli(['build', '--quiet', '--format', 'markdown,bib,html', '--sources', sources, '--out', b]).code).toBe(0)
    const builtA = await outputHashes(a)
    expect(Object.keys(builtA)).toContain('markdown/weathersby-1993-soviet-aims.md')
    expect(Object.keys(builtA)).toContain('bib/bibliography.json')
    expect(Object.keys(builtA)).toContain('html/index.html')
    expect(await outputHashes(b)).toEqual(builtA)

    const again = JSON.parse(cli(['build', '--json', '--format', 'markdown,bib,html', '--sources', sources, '--out', a]).stdout) as {documentWork: number; upToDate: boolean}
    expect(again).toMatchObject({documentWork: 0, upToDate: true})
    expect(await outputHashes(a)).toEqual(builtA)

    await appendFile(path.join(sources, '003_496bc83017a56cd6.txt'), '\nA closing sentence added by the editor.\n')
    const changed = JSON.parse(cli(['build', '--json', '--format', 'markdown,bib,html', '--sources', sources, '--out', a]).stdout) as {documentWork: number; upToDate: boolean}
    expect(changed).toMatchObject({documentWork: 1, upToDate: false})
    const after = await outputHashes(a)
    expect(after['markdown/translating-history-1949-directive.md']).not.toBe(builtA['markdown/translating-history-1949-directive.md'])
    expect(after['markdown/weathersby-1993-soviet-aims.md']).toBe(builtA['markdown/weathersby-1993-soviet-aims.md'])
    expect(await readFile(path.join(a, 'markdown/translating-history-1949-directive.md'), 'utf8')).toMatch(/A closing sentence added by the editor\./)
  })

  it('creates a starter edition that builds cleanly', async () => {
    const dir = path.join(await tempDir('new'), 'edition')
    const created = cli(['new', dir])
    expect(created.code).toBe(0)
    const out = path.join(dir, 'output')
    const built = cli(['build', '--json', '--format', 'markdown,bib', '--sources', path.join(dir, 'sources'), '--out', out])
    expect(built.code).toBe(0)
    const report = JSON.parse(built.stdout) as {documents: Array<{notes: number; slug: string}>}
    expect(report.documents).toEqual([expect.objectContaining({slug: 'sample-document', notes: 2})])
    const citations = JSON.parse(await readFile(path.join(out, 'bib/citations.json'), 'utf8')) as Array<{ibid: boolean; key: string}>
    expect(citations.length).toBeGreaterThanOrEqual(3)
    expect(citations.find((citation) => citation.ibid)?.key).toBe(citations[citations.length - 2]?.key)
    expect(cli(['new', dir]).code).toBe(3)
  })
})
