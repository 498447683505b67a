/**
 * Permissions, as a user who is not root meets them (root reads and removes everything): the
 * compiled CLI runs as `nobody` through setpriv, from a copy of dist/ and node_modules that user can read. An
 * unreadable source is named and the others are built; a read-only output is replaced and its
 * remains named; an output that cannot be made is exit 3 and nothing built.
 */
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {compileCli, outcome, parseReport, repoRoot, stackTrace, tempDir, type CliRun} from '../robustness/helpers.js'

const asRoot = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0
const root = tempDir('permissions')
const app = path.join(root, 'app')
const work = path.join(root, 'work')

beforeAll(() => {
  if (!asRoot) return
  compileCli()
  cpSync(path.join(repoRoot, 'dist'), path.join(app, 'dist'), {recursive: true})
  cpSync(path.join(repoRoot, 'package.json'), path.join(app, 'package.json'))
  for (const folder of ['templates', 'styles']) cpSync(path.join(repoRoot, folder), path.join(app, folder), {recursive: true})
  // A copy, not a link: the repository may lie in a folder nobody cannot enter (a fresh clone in a
  // private temporary folder), and the CLI resolves its packages from node_modules.
  expect(spawnSync('cp', ['-a', path.join(repoRoot, 'node_modules'), path.join(app, 'node_modules')]).status).toBe(0)
  spawnSync('chmod', ['-R', 'a+rX', root])
  mkdirSync(work)
  chmodSync(work, 0o777)
}, 240_000)

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

/** Run the CLI as nobody in `work`. */
function runAsNobody(args: readonly string[]): Promise<CliRun> {
  return outcome(spawn('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, path.join(app, 'dist', 'pipeline', 'cli.js'), ...args], {cwd: work, env: {...process.env, HOME: work}, stdio: ['ignore', 'pipe', 'pipe']}))
}

/** A sources folder of `name` owned by nobody: the files given, each an invented short text. */
function sourcesOf(name: string, files: readonly string[]): string {
  const dir = path.join(work, name)
  mkdirSync(dir, {recursive: true})
  for (const file of files) writeFileSync(path.join(dir, file), `An account of the ${file.replace(/\.txt$/, '')} ledger, kept at the harbour office.\n`)
  spawnSync('chown', ['-R', 'nobody:nogroup', dir])
  return dir
}

describe.skipIf(!asRoot)('as a user who is not root', () => {
  it('names a source it cannot read and builds the others (exit 1)', async () => {
    const sources = sourcesOf('locked-sources', ['open.txt', 'locked.txt'])
    chmodSync(path.join(sources, 'locked.txt'), 0o000)
    const run = await runAsNobody(['build', '--sources', sources, '--out', path.join(work, 'locked-out'), '--format', 'markdown', '--json'])
    expect(run.stderr).not.toMatch(stackTrace)
    expect(run.code).toBe(1)
    const report = parseReport(run.stdout)
    expect(report.diagnostics.find((item) => item.file.endsWith('locked.txt'))).toMatchObject({ruleId: 'source-unreadable', severity: 'error'})
    expect(report.documents.map((document) => document.slug)).toEqual(['open'])
  })

  it('replaces a read-only output and names the previous one it cannot remove (exit 0)', async () => {
    const sources = sourcesOf('readonly-sources', ['first.txt'])
    const out = path.join(work, 'readonly-out')
    expect((await runAsNobody(['build', '--sources', sources, '--out', out, '--format', 'markdown', '--quiet'])).code).toBe(0)
    chmodSync(out, 0o555)
    writeFileSync(path.join(sources, 'second.txt'), 'An account of the second ledger, kept at the customs house.\n')
    const run = await runAsNobody(['build', '--sources', sources, '--out', out, '--format', 'markdown', '--json'])
    expect(run.stderr).not.toMatch(stackTrace)
    expect(run.code).toBe(0)
    const report = parseReport(run.stdout)
    expect(report.diagnostics.filter((item) => item.ruleId?.startsWith('output-')).map((item) => [item.ruleId, item.severity])).toEqual([['output-leftover', 'warning']])
    expect(existsSync(path.join(out, 'markdown', 'second.md'))).toBe(true)
    // The next build says so again, and builds.
    writeFileSync(path.join(sources, 'first.txt'), 'An account of the first ledger, copied again.\n')
    const next = await runAsNobody(['build', '--sources', sources, '--out', out, '--format', 'markdown', '--json'])
    expect(next.code).toBe(0)
    expect(parseReport(next.stdout).diagnostics.map((item) => item.ruleId)).toContain('output-leftover')
    expect(readdirSync(work).filter((name) => name.startsWith('readonly-out.previous-'))).toHaveLength(1)
  })

  it('says nothing was built when the output folder cannot be made (exit 3)', async () => {
    const sources = sourcesOf('closed-sources', ['only.txt'])
    const closed = path.join(work, 'closed')
    mkdirSync(closed)
    chmodSync(closed, 0o555)
    const run = await runAsNobody(['build', '--sources', sources, '--out', path.join(closed, 'out'), '--format', 'markdown'])
    expect(run.stderr).not.toMatch(stackTrace)
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/output-unwritable/)
    expect(run.stderr).toMatch(/^nothing built: /m)
  })
})
