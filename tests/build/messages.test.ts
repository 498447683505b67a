/**
 * Issue 23, messages: diagnostics fit an 80-column terminal (wrapped, no `[note]:` label, each
 * rule's hint once); usage errors are one line and a pointer to --help; a misspelt sidecar key
 * is placed at the key with the key it is closest to; `apparatus` alone prints a short usage;
 * a reason says what happened; the README says how to run `apparatus` and where the site is.
 * The command line cases run the compiled CLI, as users run it.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {diagnosticsReport, wrapText} from '../../pipeline/cli/reporter.js'
import {report} from '../../pipeline/build/catalog.js'
import {compileCli, repoRoot, runCompiledCli, stackTrace, tempDir} from '../robustness/helpers.js'

const root = tempDir('messages')

beforeAll(() => {
  compileCli()
}, 240_000)

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

const widest = (text: string) => Math.max(...text.split('\n').map((line) => [...line].length))

describe('diagnostics at 80 columns', () => {
  it('wraps reasons and hints under themselves, names each rule, gives each hint once', () => {
    const source = new VFile({path: 'sources/weathersby-1993-soviet-aims.txt'})
    report(source, 'possible-sic', 'Unexpected `Lozovsley` beside `Lozovsky`, expected one spelling (kept as printed)', {line: 306, column: 26})
    report(source, 'possible-sic', 'Unexpected `Georgi` beside `George`, expected one spelling (kept as printed)', {line: 458, column: 181})
    report(source, 'citation-not-found', 'Unexpected note 13 with the title-like phrase `Arkhiv vneshnei politiki Rossiiskoi Federatsii` and no citation in weathersby-1993-soviet-aims, expected a citation the parser could read')
    const sidecar = new VFile({path: 'sources/weathersby-1993-soviet-aims.yml'})
    report(sidecar, 'sidecar-invalid', 'Unknown key `author`; did you mean `authors`?', {line: 2, column: 1})
    const text = diagnosticsReport([source, sidecar, new VFile({path: 'sources/clean.txt'})], false, 80)
    expect(widest(text)).toBeLessThanOrEqual(80)
    expect(text).not.toContain('[note]')
    expect(text).toMatchInlineSnapshot(`
      "sources/weathersby-1993-soviet-aims.txt
      306:26   info     Unexpected \`Lozovsley\` beside \`Lozovsky\`, expected one
                        spelling (kept as printed)  possible-sic
                        hint: Author’s errors are kept as printed; add an editorial
                        emendation in the sidecar if the edition should correct it.
      458:181  info     Unexpected \`Georgi\` beside \`George\`, expected one spelling
                        (kept as printed)  possible-sic
               info     Unexpected note 13 with the title-like phrase \`Arkhiv vneshnei
                        politiki Rossiiskoi Federatsii\` and no citation in
                        weathersby-1993-soviet-aims, expected a citation the parser
                        could read  citation-not-found
                        hint: If the note cites a work, check how it is written
                        (author, title, place and year) or give the citation in the
                        sidecar (\`overrides.citations\` with \`csl\`); a note that cites
                        nothing needs no change

      sources/weathersby-1993-soviet-aims.yml
      2:1  error    Unknown key \`author\`; did you mean \`authors\`?  sidecar-invalid
                    hint: Fix the field named in the message; see the README for the
                    sidecar fields.

      4 messages (1 error, 3 info)"
    `)
    // --quiet: errors only.
    expect(diagnosticsReport([source, sidecar], true, 80)).toMatchInlineSnapshot(`
      "sources/weathersby-1993-soviet-aims.yml
      2:1  error    Unknown key \`author\`; did you mean \`authors\`?  sidecar-invalid
                    hint: Fix the field named in the message; see the README for the
                    sidecar fields.

      1 message (1 error)"
    `)
  })

  it('cuts a word longer than the line', () => {
    expect(wrapText(`a ${'x'.repeat(25)} b`, 10)).toEqual(['a', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx b'])
  })

  it('the compiled CLI prints the seed edition\'s diagnostics within 80 columns when not on a terminal', async () => {
    const run = await runCompiledCli(['check'])
    expect(run.stderr).toMatch(/\d+ messages? \(/)
    expect(widest(run.stderr)).toBeLessThanOrEqual(80)
    expect(run.stderr).not.toContain('[note]')
    expect(run.stderr).not.toMatch(/ {3,}$/m)
  })
})

describe('usage errors are one line and a pointer to --help (exit 2)', () => {
  const pointer = 'Run `apparatus --help` for the commands and options.\n'
  it.each([
    [['--foo'], 'apparatus: unknown option `--foo`'],
    [['build', '--foo'], 'apparatus: unknown option `--foo`'],
    [['build', '--port', '80'], 'apparatus: `build` takes no `--port` (it is an option of `serve`)'],
    [['check', '--port', '80'], 'apparatus: `check` takes no `--port` (it is an option of `serve`)'],
    [['build', '--sources'], 'apparatus: option `--sources` takes a value'],
    [['frobnicate'], 'apparatus: unknown command `frobnicate`'],
    [['new', 'x', '--json'], 'apparatus: `new` takes no `--json`']
  ])('%j', async (args, line) => {
    const run = await runCompiledCli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`${line}\n${pointer}`)
    expect(run.stdout).toBe('')
  })

  it('apparatus alone prints a short usage with the commands and builds nothing', async () => {
    const dir = path.join(root, 'alone')
    mkdirSync(dir)
    const run = await runCompiledCli([], {cwd: dir})
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^Usage: apparatus <command> \[options\]\n\nCommands: build, check, watch, serve, new DIR\n/)
    expect(run.stderr.split('\n').length).toBeLessThan(6)
    expect(readdirSync(dir)).toEqual([])
  })
})

/** `check --json` of a sources folder `name` holding `files`: its exit code and diagnostics. */
async function checkJson(name: string, files: Record<string, string>): Promise<{code: number | null; diagnostics: Array<{line?: number; column?: number; reason: string; ruleId: string}>}> {
  const sources = path.join(root, name)
  mkdirSync(sources)
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(sources, file), text)
  const run = await runCompiledCli(['check', '--sources', sources, '--json'])
  return {code: run.code, diagnostics: (JSON.parse(run.stdout) as {diagnostics: Array<{line?: number; column?: number; reason: string; ruleId: string}>}).diagnostics}
}

describe('sources', () => {
  it('a misspelt sidecar key is reported at its line, with the key it is closest to', async () => {
    const run = await checkJson('misspelt', {'a.txt': 'A short text.\n', 'a.yml': 'title: A\nauthor:\n  - Someone\noverrides:\n  convension: none\n  zzzzzzz: 1\n'})
    expect(run.code).toBe(1)
    const diagnostics = run.diagnostics.filter((item) => item.ruleId === 'sidecar-invalid')
    expect(diagnostics.map(({line, column, reason}) => ({line, column, reason}))).toEqual([
      {line: 2, column: 1, reason: 'Unknown key `author`; did you mean `authors`?'},
      {line: 5, column: 3, reason: 'Unknown key `convension` in `overrides`; did you mean `convention`?'},
      {line: 6, column: 3, reason: 'Unknown key `zzzzzzz` in `overrides`; expected one of `convention`, `emendations`, `notes`, `citations`'}
    ])
  })

  it('a note convention set by the sidecar is said as such, not as an unexpected detection', async () => {
    const reasons = (await checkJson('convention', {'b.txt': 'A short text with a note.[1]\n\n[1] A note.\n', 'b.yml': 'title: B\noverrides:\n  convention: bracketed-endnotes\n'})).diagnostics
    expect(reasons.filter((item) => item.ruleId === 'convention-override').map((item) => item.reason)).toEqual([
      'Note convention `bracketed-endnotes` set by the sidecar (`overrides.convention`); not detected'
    ])
    for (const {reason} of reasons) expect(reason).not.toMatch(/^Unexpected (?:detection|\w+ skipped)/)
  })

  it('a missing sources folder is one reason, not the system call\'s text', async () => {
    const run = await runCompiledCli(['build', '--sources', path.join(root, 'no-such-folder'), '--out', path.join(root, 'out')])
    expect(run.code).toBe(1)
    // The reporter wraps long lines, a long path among them: compared without white space.
    expect(run.stderr.replace(/\s+/g, '')).toMatch(/Cannotreadthesourcesfolder`[^`]*no-such-folder`:itdoesnotexistsources-unreadable/)
    expect(run.stderr).not.toMatch(/ENOENT|scandir/)
    expect(run.stderr).not.toMatch(stackTrace)
  })
})

describe('apparatus new', () => {
  it('ends with how to build the edition and where to open it, and that advice works', async () => {
    const dir = path.join(root, 'starter')
    const created = await runCompiledCli(['new', dir])
    expect(created.code, created.stderr).toBe(0)
    const paths = `--sources ${path.join(dir, 'sources')} --out ${path.join(dir, 'output')}`
    expect(created.stderr).toContain(`\n  npx apparatus build ${paths}\n`)
    expect(created.stderr).toContain('\n  (`node dist/pipeline/cli.js` works in place of `npx apparatus`)\n')
    expect(created.stderr).toContain(`then open ${path.join(dir, 'output', 'html', 'index.html')} in a browser`)
    expect(created.stderr).toContain(`\n  npx apparatus serve ${paths}\n`)
    expect(widest(created.stderr.replaceAll(root, 'DIR'))).toBeLessThanOrEqual(80)
    const built = await runCompiledCli(['build', ...paths.split(' '), '--format', 'markdown,html', '--quiet'])
    expect(built.code, built.stderr).toBe(0)
    expect(existsSync(path.join(dir, 'output', 'html', 'index.html'))).toBe(true)
  })
})

describe('the README', () => {
  it('says how to run `apparatus` and where the site is, and that way of running it works', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## The command line'))
    expect(quickStart).toMatch(/open `output\/html\/index\.html` in a browser/)
    expect(quickStart).toContain('`npx apparatus serve`')
    expect(readme).toMatch(/run the CLI from the clone's folder as\s+`npx apparatus …`/)
    expect(readme).toContain('`node PATH/TO/apparatus/dist/pipeline/cli.js …`')
    const npx = spawnSync('npx', ['--no-install', 'apparatus', '--version'], {cwd: repoRoot, encoding: 'utf8'})
    expect(npx.status, npx.stderr).toBe(0)
    expect(npx.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {version: string}).version)
  })
})
