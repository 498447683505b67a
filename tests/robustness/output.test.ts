/**
 * Issue 22: the compiled CLI never destroys a folder that is not its own output, swaps its
 * output in safely, keeps documents' files apart from the edition's, reads only checked cache
 * entries, reports bad YAML, outside links and write failures with their rule ids. Each case
 * asserts the exit code, the rule id, and that nothing outside the output folder changed.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {reservedSlugs} from '../../pipeline/build/slugs.js'
import {compileCli, deadPid, parseReport, runCompiledCli, stackTrace, tempDir, treeHashes, type CliRun, type JsonReport} from './helpers.js'

const root = tempDir('output')
const formats = ['--format', 'markdown,bib']

beforeAll(() => {
  compileCli()
}, 240_000)

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

/** A small source citing a book in a bracketed endnote. */
function source(word: string): string {
  return `The ${word} document says something about Korea.[1]\n\nA second paragraph of the ${word} text.\n\nNotes\n\n[1] John ${word[0]!.toUpperCase()}${word.slice(1)}, The Book of ${word} (London: Press, 1990), 12.\n`
}

/** A sources folder with documents `name → sidecar` (undefined: none). */
function writeEdition(dir: string, documents: Record<string, string | undefined>): string {
  mkdirSync(dir, {recursive: true})
  for (const [name, sidecar] of Object.entries(documents)) {
    writeFileSync(path.join(dir, `${name}.txt`), source(name.replace(/[^a-z]/g, '') || 'plain'))
    if (sidecar !== undefined) writeFileSync(path.join(dir, `${name}.yml`), sidecar)
  }
  return dir
}

const twoDocuments = {alpha: 'title: Alpha\nslug: alpha\n', beta: 'title: Beta\nslug: beta\n'}

function rules(run: CliRun): string[] {
  return parseReport(run.stdout).diagnostics.map((diagnostic) => diagnostic.ruleId ?? '')
}

function diagnostic(report: JsonReport, ruleId: string) {
  const found = report.diagnostics.find((item) => item.ruleId === ruleId)
  expect(found, `${ruleId} in ${JSON.stringify(report.diagnostics)}`).toBeDefined()
  return found!
}

/** Leftovers beside an output folder. */
function beside(out: string): string[] {
  const base = path.basename(out)
  return readdirSync(path.dirname(out)).filter((name) => name.startsWith(`${base}.`))
}

describe('an output folder that is not Apparatus\'s is refused, untouched (output-not-ours, exit 2)', () => {
  /** A project: a git work tree with a thesis, a package.json and the sources. */
  function project(name: string): {dir: string; sources: string} {
    const dir = path.join(root, name)
    mkdirSync(path.join(dir, '.git'), {recursive: true})
    writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n')
    writeFileSync(path.join(dir, 'thesis.tex'), '\\documentclass{book} my thesis\n')
    writeFileSync(path.join(dir, 'package.json'), '{"name": "thesis"}\n')
    return {dir, sources: writeEdition(path.join(dir, 'sources'), twoDocuments)}
  }

  async function refused(args: string[], cwd: string, watched: string, out: string): Promise<JsonReport> {
    const before = treeHashes(watched)
    const run = await runCompiledCli(['build', ...args, ...formats, '--json'], {cwd})
    expect(run.code, run.stderr).toBe(2)
    expect(run.stderr).not.toMatch(stackTrace)
    const report = parseReport(run.stdout)
    expect(diagnostic(report, 'output-not-ours').severity).toBe('error')
    expect(report.outputs).toEqual([])
    expect(treeHashes(watched)).toEqual(before)
    expect(beside(path.resolve(cwd, out))).toEqual([])
    return report
  }

  it('--out . in a project (a git work tree with a thesis and the sources)', async () => {
    const {dir} = project('dot')
    const report = await refused(['--sources', 'sources', '--out', '.'], dir, root, '.')
    expect(diagnostic(report, 'output-not-ours').reason).toMatch(/contains the sources folder/)
  })

  it('--out a git work tree or a project folder, the sources elsewhere', async () => {
    const {dir} = project('repo')
    const sources = writeEdition(path.join(root, 'repo-sources'), twoDocuments)
    rmSync(path.join(dir, 'sources'), {recursive: true})
    writeFileSync(path.join(dir, '.apparatus-output'), 'even with a marker\n')
    const git = await refused(['--sources', sources, '--out', dir], root, root, dir)
    expect(diagnostic(git, 'output-not-ours').reason).toMatch(/git work tree/)
    rmSync(path.join(dir, '.git'), {recursive: true})
    const npm = await refused(['--sources', sources, '--out', dir], root, root, dir)
    expect(diagnostic(npm, 'output-not-ours').reason).toMatch(/package\.json/)
  })

  it('--out sources', async () => {
    const {dir} = project('into-sources')
    const report = await refused(['--sources', 'sources', '--out', 'sources'], dir, root, 'sources')
    expect(diagnostic(report, 'output-not-ours').reason).toMatch(/is the sources folder/)
  })

  it('--out the sources\' parent (and a link to it)', async () => {
    const parent = path.join(root, 'parent')
    const sources = writeEdition(path.join(parent, 'edition', 'sources'), twoDocuments)
    writeFileSync(path.join(parent, 'edition', 'notes.txt'), 'my notes\n')
    await refused(['--sources', sources, '--out', path.join(parent, 'edition')], root, parent, path.join(parent, 'edition'))
    symlinkSync(path.join(parent, 'edition'), path.join(root, 'edition-link'))
    await refused(['--sources', sources, '--out', path.join(root, 'edition-link')], root, root, path.join(root, 'edition-link'))
    unlinkSync(path.join(root, 'edition-link'))
  })

  it('--out a non-empty folder without the marker, or a file', async () => {
    const sources = writeEdition(path.join(root, 'unmarked-sources'), twoDocuments)
    const folder = path.join(root, 'unmarked')
    mkdirSync(path.join(folder, 'html'), {recursive: true})
    writeFileSync(path.join(folder, 'html', 'my-page.html'), '<p>mine</p>\n')
    const report = await refused(['--sources', sources, '--out', folder], root, root, folder)
    expect(diagnostic(report, 'output-not-ours').reason).toMatch(/no `\.apparatus-output` marker/)
    const file = path.join(root, 'thesis.pdf')
    writeFileSync(file, '%PDF my thesis\n')
    await refused(['--sources', sources, '--out', file], root, root, file)
  })

  it('prints the refusal with its hint without --json', async () => {
    const {dir} = project('plain')
    const run = await runCompiledCli(['build', '--out', '.', ...formats], {cwd: dir})
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/error\s+Unexpected output folder `\.`: it contains the sources folder[\s\S]*output-not-ours/)
    expect(run.stderr).toMatch(/nothing built/)
    expect(existsSync(path.join(dir, 'thesis.tex'))).toBe(true)
  })
})

describe('an output of Apparatus is replaced safely', () => {
  const sources = writeEdition(path.join(root, 'swap-sources'), twoDocuments)

  it('marks a new output, and replaces a marked one (an empty folder is taken too)', async () => {
    const out = path.join(root, 'marked')
    mkdirSync(out)
    const first = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
    expect(first.code, first.stderr).toBe(0)
    expect(existsSync(path.join(out, '.apparatus-output'))).toBe(true)
    writeFileSync(path.join(out, 'bib', 'stray.json'), '{}')
    writeFileSync(path.join(sources, 'gamma.txt'), source('gamma'))
    const outside = treeHashes(root, [out])
    const second = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--json'])
    expect(second.code, second.stderr).toBe(0)
    expect(parseReport(second.stdout).outputs).toContain('markdown/gamma.md')
    expect(existsSync(path.join(out, 'bib', 'stray.json'))).toBe(false)
    expect(existsSync(path.join(out, '.apparatus-output'))).toBe(true)
    expect(treeHashes(root, [out])).toEqual(outside)
    expect(beside(out)).toEqual([])
    unlinkSync(path.join(sources, 'gamma.txt'))
  })

  it('still replaces an output written before the marker (only an output\'s folders and its build fingerprint)', async () => {
    const out = path.join(root, 'unmarked-output')
    const first = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
    expect(first.code, first.stderr).toBe(0)
    unlinkSync(path.join(out, '.apparatus-output'))
    writeFileSync(path.join(sources, 'gamma.txt'), source('gamma'))
    const second = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
    unlinkSync(path.join(sources, 'gamma.txt'))
    expect(second.code, second.stderr).toBe(0)
    expect(existsSync(path.join(out, '.apparatus-output'))).toBe(true)
    expect(existsSync(path.join(out, 'markdown', 'gamma.md'))).toBe(true)
  })

  it('restores the previous output after a crash between the two renames (out missing, out.previous-PID there)', async () => {
    const out = path.join(root, 'crashed')
    const first = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
    expect(first.code, first.stderr).toBe(0)
    // The cache is left out: another compile of dist/ meanwhile would change its keys.
    const before = treeHashes(out, [path.join(out, '.cache')])
    renameSync(out, `${out}.previous-${deadPid()}`)
    const outside = treeHashes(root, [out, ...beside(out).map((name) => path.join(root, name))])
    const run = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--json'])
    expect(run.code, run.stderr).toBe(0)
    const report = parseReport(run.stdout)
    expect(diagnostic(report, 'output-restored').severity).toBe('info')
    expect(report.documents.map((document) => document.slug).sort()).toEqual(['alpha', 'beta'])
    expect(treeHashes(out, [path.join(out, '.cache')])).toEqual(before)
    expect(beside(out)).toEqual([])
    expect(treeHashes(root, [out])).toEqual(outside)
  })

  it('removes staging and previous folders of dead processes, and no one else\'s', async () => {
    const out = path.join(root, 'stale')
    const first = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
    expect(first.code, first.stderr).toBe(0)
    const dead = deadPid()
    for (const kind of ['staging', 'previous']) {
      const leftover = `${out}.${kind}-${dead}`
      mkdirSync(path.join(leftover, 'html'), {recursive: true})
      writeFileSync(path.join(leftover, '.apparatus-output'), '')
      writeFileSync(path.join(leftover, 'html', 'big.html'), 'x'.repeat(100_000))
    }
    // Not an output (a user's folder named alike), and a live process's staging folder: kept.
    const users = `${out}.staging-${dead + 1}`
    mkdirSync(users)
    writeFileSync(path.join(users, 'notes.txt'), 'mine\n')
    const live = `${out}.staging-${process.pid}`
    mkdirSync(live)
    writeFileSync(path.join(live, '.apparatus-output'), '')
    const kept = treeHashes(root, [out, `${out}.staging-${dead}`, `${out}.previous-${dead}`])
    writeFileSync(path.join(sources, 'gamma.txt'), source('gamma'))
    const run = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--quiet'])
    unlinkSync(path.join(sources, 'gamma.txt'))
    expect(run.code, run.stderr).toBe(0)
    expect(beside(out).sort()).toEqual([path.basename(users), path.basename(live)].sort())
    expect(treeHashes(root, [out, `${out}.staging-${dead}`, `${out}.previous-${dead}`, path.join(sources, 'gamma.txt')])).toEqual(kept)
    rmSync(users, {recursive: true})
    rmSync(live, {recursive: true})
  })
})

describe('reserved and duplicate slugs are renamed apart (slug-reserved, duplicate-slug)', () => {
  it('keeps the edition\'s files whole and gives every document files of its own', async () => {
    const documents: Record<string, string | undefined> = {
      alpha: 'title: Alpha\nslug: alpha\n',
      bib: 'title: Bib\nslug: bibliography\n',
      cit: 'title: Cit\nslug: citations\n',
      rdr: 'title: Rdr\nslug: reader\n',
      arch: 'title: Arch\nslug: archives\n',
      srch: 'title: Srch\nslug: search\n',
      idxtext: 'title: Idx text\nslug: index-text\n',
      index: undefined,
      twina: 'title: Twin A\nslug: twin\n',
      twinb: 'title: Twin B\nslug: twin\n'
    }
    const sources = writeEdition(path.join(root, 'slugs'), documents)
    // The same documents with slugs of their own: what the renamed edition's shared files must hold.
    const plain = writeEdition(path.join(root, 'slugs-plain'), Object.fromEntries(Object.keys(documents).map((name) => [name === 'index' ? 'index' : name, name === 'index' ? undefined : `title: x\nslug: plain-${name}\n`])))
    const out = path.join(root, 'slugs-out')
    const outside = treeHashes(root, [out])
    const run = await runCompiledCli(['build', '--sources', sources, '--out', out, '--format', 'markdown,bib,html,pdf', '--json'])
    expect([0, 1]).toContain(run.code)
    const report = parseReport(run.stdout)
    const slugs = report.documents.map((document) => document.slug)
    expect(slugs).toHaveLength(10)
    expect(new Set(slugs).size).toBe(10)
    for (const slug of slugs) expect(reservedSlugs).not.toContain(slug)
    expect(slugs).toEqual(expect.arrayContaining(['bibliography-1', 'citations-1', 'reader-1', 'archives-1', 'search-1', 'index-text-1', 'index-1', 'twin', 'twin-1']))
    const reserved = report.diagnostics.filter((item) => item.ruleId === 'slug-reserved')
    expect(reserved).toHaveLength(7)
    for (const item of reserved) expect(item.severity).toBe('warning')
    const bibSidecar = reserved.find((item) => item.file.endsWith('bib.yml'))
    expect(bibSidecar?.line).toBe(2)
    expect(diagnostic(report, 'duplicate-slug').file).toMatch(/twinb\.yml$/)
    expect(report.diagnostics.find((item) => item.file.endsWith('index.txt') && item.ruleId === 'sidecar-missing')).toBeDefined()
    for (const slug of slugs) {
      for (const file of [`markdown/${slug}.md`, `bib/${slug}.json`, `html/${slug}.html`]) expect(report.outputs).toContain(file)
    }
    // The shared files hold every document, as in an edition without collisions.
    const baseline = path.join(root, 'slugs-plain-out')
    const plainRun = await runCompiledCli(['build', '--sources', plain, '--out', baseline, '--format', 'markdown,bib', '--quiet'])
    expect(plainRun.code, plainRun.stderr).toBe(0)
    const items = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'bib', 'bibliography.json'), 'utf8')) as unknown[]).length
    const occurrences = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'bib', 'citations.json'), 'utf8')) as unknown[]).length
    expect(items(out)).toBe(items(baseline))
    expect(items(out)).toBe(10)
    expect(occurrences(out)).toBe(occurrences(baseline))
    expect(readFileSync(path.join(out, 'html', 'index.html'), 'utf8')).toMatch(/Twin B/)
    // The reserved list is what the build writes beside the documents' files.
    if (report.outputs.includes('pdf/reader.pdf')) expect(report.outputs).toContain('pdf/reader-1.pdf')
    for (const folder of ['markdown', 'bib', 'html', 'pdf']) {
      if (!existsSync(path.join(out, folder))) continue
      for (const entry of readdirSync(path.join(out, folder))) {
        const stem = entry.replace(/\..*$/, '')
        if (!slugs.includes(stem)) expect(reservedSlugs, `${folder}/${entry}`).toContain(stem)
      }
    }
    expect(treeHashes(root, [out, baseline])).toEqual(outside)
  }, 180_000)
})

describe('the cache verifies what it reads (cache-entry-damaged)', () => {
  it('reads a truncated, a swapped and a corrupt entry as misses: the same output, exit 0', async () => {
    const sources = writeEdition(path.join(root, 'cache-sources'), {...twoDocuments, gamma: 'title: Gamma\nslug: gamma\n'})
    const out = path.join(root, 'cache-out')
    const clean = path.join(root, 'cache-clean')
    const args = ['--sources', sources, '--format', 'markdown,bib,html']
    expect((await runCompiledCli(['build', ...args, '--out', out, '--quiet'])).code).toBe(0)
    const cache = path.join(out, '.cache')
    const entries = (kind: string) => readdirSync(path.join(cache, kind)).map((name) => path.join(cache, kind, name))
    // Two documents' Markdown swapped, a summary truncated, page entries corrupted (the damaged
    // entries make the build run again; nothing else changed, so the pages are looked up).
    const [first, second] = entries('markdown')
    const firstBytes = readFileSync(first!)
    writeFileSync(first!, readFileSync(second!))
    writeFileSync(second!, firstBytes)
    const summary = entries('documents')[2]!
    writeFileSync(summary, readFileSync(summary).subarray(0, 120))
    for (const page of entries('pages')) writeFileSync(page, readFileSync(page, 'utf8').replace(/"/, "'"))
    const outside = treeHashes(root, [out])
    const run = await runCompiledCli(['build', ...args, '--out', out, '--json'])
    expect(run.code, run.stderr).toBe(0)
    const damaged = parseReport(run.stdout).diagnostics.filter((item) => item.ruleId === 'cache-entry-damaged')
    expect(damaged.length).toBeGreaterThanOrEqual(4)
    for (const item of damaged) expect(item.severity).toBe('info')
    expect((await runCompiledCli(['build', ...args, '--out', clean, '--quiet'])).code).toBe(0)
    const skipCache = (dir: string) => treeHashes(dir, [path.join(dir, '.cache')])
    expect(skipCache(out)).toEqual(skipCache(clean))
    expect(treeHashes(root, [out, clean])).toEqual({...outside, ...treeHashes(root, [out, clean])})
    // The next build reads a whole cache again: up to date, nothing reported.
    const again = await runCompiledCli(['build', ...args, '--out', out, '--json'])
    expect(again.code).toBe(0)
    expect(rules(again)).not.toContain('cache-entry-damaged')
    expect(parseReport(again.stdout).documents).toHaveLength(3)
  })
})

describe('bad YAML is a positioned sidecar-invalid / edition-invalid; the other documents are built', () => {
  it('an unknown alias, a billion-laughs sidecar and an alias in edition.yml', async () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`), 'title: *i'].join('\n')
    const sources = writeEdition(path.join(root, 'yaml'), {alpha: 'title: Alpha\nslug: alpha\n', nope: 'slug: nope\ntitle: *nope\n', laughs: `${laughs}\n`})
    writeFileSync(path.join(sources, 'edition.yml'), 'title: &t Edition\nsubtitle: *missing\n')
    const out = path.join(root, 'yaml-out')
    const outside = treeHashes(root, [out])
    const run = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--json'])
    expect(run.code, run.stderr).toBe(1)
    expect(run.stderr).not.toMatch(stackTrace)
    const report = parseReport(run.stdout)
    const invalid = report.diagnostics.filter((item) => item.ruleId === 'sidecar-invalid')
    expect(invalid.find((item) => item.file.endsWith('nope.yml'))).toMatchObject({line: 2, column: 8, severity: 'error'})
    expect(invalid.find((item) => item.file.endsWith('laughs.yml'))?.reason).toMatch(/resource exhaustion|alias/i)
    expect(diagnostic(report, 'edition-invalid')).toMatchObject({line: 2, column: 11})
    expect(report.documents.map((document) => document.slug).sort()).toEqual(['alpha', 'laughs', 'nope'])
    expect(report.outputs).toContain('markdown/alpha.md')
    expect(treeHashes(root, [out])).toEqual(outside)
  })
})

describe('links out of the sources folder are not read (source-outside)', () => {
  it('refuses a link to a file elsewhere, reads one within, publishes nothing of the outside file', async () => {
    const sources = writeEdition(path.join(root, 'links'), twoDocuments)
    const secret = path.join(root, 'secret.txt')
    writeFileSync(secret, 'TOP SECRET password hunter2\n')
    symlinkSync(secret, path.join(sources, 'evil.txt'))
    symlinkSync('/etc/passwd', path.join(sources, 'passwd.txt'))
    mkdirSync(path.join(sources, 'drafts'))
    writeFileSync(path.join(sources, 'drafts', 'inner.md'), source('inner'))
    symlinkSync(path.join('drafts', 'inner.md'), path.join(sources, 'inner.md'))
    const out = path.join(root, 'links-out')
    const outside = treeHashes(root, [out])
    const run = await runCompiledCli(['build', '--sources', sources, '--out', out, ...formats, '--json'])
    expect(run.code, run.stderr).toBe(1)
    const report = parseReport(run.stdout)
    const refusedLinks = report.diagnostics.filter((item) => item.ruleId === 'source-outside')
    expect(refusedLinks.map((item) => path.basename(item.file)).sort()).toEqual(['evil.txt', 'passwd.txt'])
    expect(report.documents.map((document) => document.slug).sort()).toEqual(['alpha', 'beta', 'inner'])
    const published = Object.keys(treeHashes(out)).filter((file) => !file.endsWith('/')).map((file) => readFileSync(path.join(out, file), 'latin1')).join('\n')
    expect(published).not.toMatch(/hunter2|root:x:0/)
    expect(treeHashes(root, [out])).toEqual(outside)
  })
})

describe('write failures are exit 3 with output-unwritable and the --json report', () => {
  it('a file too large for the file system (as a full disk) mid-build leaves the previous output whole', async () => {
    const sources = writeEdition(path.join(root, 'full-sources'), twoDocuments)
    const out = path.join(root, 'full-out')
    const args = ['build', '--sources', sources, '--out', out, '--format', 'markdown,bib,html']
    expect((await runCompiledCli([...args, '--quiet'])).code).toBe(0)
    const before = treeHashes(out)
    writeFileSync(path.join(sources, 'gamma.txt'), source('gamma'))
    const outside = treeHashes(root, [out])
    // Writes past 40 blocks fail with EFBIG (SIGXFSZ ignored), as writes on a full disk fail with ENOSPC.
    const run = await runCompiledCli([...args, '--json'], {shell: "trap '' XFSZ; ulimit -f 40"})
    expect(run.code, run.stderr).toBe(3)
    expect(run.stderr).not.toMatch(stackTrace)
    const report = parseReport(run.stdout)
    expect(diagnostic(report, 'output-unwritable').reason).toMatch(/EFBIG/)
    expect(diagnostic(report, 'output-unwritable').reason).not.toMatch(/\.staging-/)
    expect(treeHashes(out)).toEqual(before)
    expect(beside(out)).toEqual([])
    expect(treeHashes(root, [out])).toEqual(outside)
  })

  it('an output folder that cannot be made is exit 3 with the report', async () => {
    const sources = writeEdition(path.join(root, 'proc-sources'), twoDocuments)
    const run = await runCompiledCli(['build', '--sources', sources, '--out', '/proc/apparatus-output', ...formats, '--json'])
    expect(run.code, run.stderr).toBe(3)
    expect(diagnostic(parseReport(run.stdout), 'output-unwritable').severity).toBe('error')
  })
})
