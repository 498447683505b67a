/**
 * The compiled pipeline runs documents and bibliography formatting on worker threads; the
 * output must be the same bytes as a build on the main thread alone.
 */
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cp, mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {shareOut} from '../../pipeline/pool.js'
import {v8Flags} from '../../pipeline/v8-tuning.js'
import {outputHashes} from './hashes.js'

const root = path.resolve(import.meta.dirname, '..', '..')

function build(sources: string, out: string, jobs: number) {
  const result = spawnSync(process.execPath, [path.join(root, 'dist/pipeline/cli.js'), 'build', '--quiet', '--format', 'markdown,bib,html', '--jobs', String(jobs), '--sources', sources, '--out', out], {cwd: root, encoding: 'utf8'})
  return {code: result.status, stderr: result.stderr}
}

describe('the compiled pipeline and its worker threads', () => {
  beforeAll(() => {
    const compiled = spawnSync(process.execPath, [path.join(root, 'scripts/compile.mjs')], {cwd: root, encoding: 'utf8'})
    expect(compiled.status, compiled.stdout + compiled.stderr).toBe(0)
  }, 240_000)

  it('give the same output as the main thread alone, for a small and a threaded edition', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'apparatus-threads-'))
    // Ten documents: the seeds twice, so the edition is large enough for a thread per core.
    const sources = path.join(work, 'sources')
    await cp(path.join(root, 'sources'), sources, {recursive: true})
    for (const name of await readdir(path.join(root, 'sources'))) {
      if (!/^\d{3}_.*\.(txt|yml)$/.test(name)) continue
      const copy = path.join(sources, `copy-${name}`)
      await cp(path.join(root, 'sources', name), copy)
      if (name.endsWith('.yml')) {
        const sidecar = await readFile(copy, 'utf8')
        await writeFile(copy, sidecar.replace(/^slug: (.*)$/m, 'slug: $1-copy'))
      }
    }
    for (const [label, folder] of [['seeds', path.join(root, 'sources')], ['ten documents', sources]] as const) {
      const single = build(folder, path.join(work, `${label}-1`), 1)
      const threaded = build(folder, path.join(work, `${label}-2`), 2)
      expect(single.code, single.stderr).toBe(0)
      expect(threaded.code, threaded.stderr).toBe(0)
      const one = await outputHashes(path.join(work, `${label}-1`))
      expect(Object.keys(one).length).toBeGreaterThan(20)
      expect(await outputHashes(path.join(work, `${label}-2`))).toEqual(one)
    }
  }, 300_000)

  /** Prints whether V8 takes the cache (argv: bundle, cache) for the bundle. */
  const acceptsCache = `
    const {readFileSync} = require('node:fs'); const {Module} = require('node:module'); const vm = require('node:vm')
    const [bundle, cache] = process.argv.slice(1)
    const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), {filename: bundle, cachedData: readFileSync(cache)})
    console.log(script.cachedDataRejected ? 'rejected' : 'accepted')`

  it('load the compiled pipeline with a code cache that V8 takes, made for that bundle', async () => {
    const bundle = path.join(root, 'dist/pipeline/apparatus.cjs')
    const source = await readFile(bundle, 'utf8')
    const cached = (await readdir(path.dirname(bundle))).filter((name) => name.startsWith('apparatus.cjs.') && name.endsWith('.cache'))
    // One cache, named by the hash of the bundle it was made from.
    expect(cached).toEqual([`apparatus.cjs.${createHash('sha256').update(source).digest('hex').slice(0, 16)}.cache`])
    // V8 takes a cache only under the flags it was made with: the build's (pipeline/v8-tuning.ts).
    const check = (flags: readonly string[]) =>
      spawnSync(process.execPath, [...flags, '-e', acceptsCache, bundle, path.join(path.dirname(bundle), cached[0]!)], {encoding: 'utf8'}).stdout.trim()
    expect(check(v8Flags)).toBe('accepted')
    // Which is what the check sees: the same cache under V8's default flags is turned down.
    expect(check([])).toBe('rejected')
    // citation-js's URL readers are not in it: a fetch is refused (pipeline/offline-fetch.ts).
    expect(source).not.toMatch(/node_modules\/(node-fetch|sync-fetch)\//)
    expect(source).toContain('Apparatus does not fetch anything from the network')
    // The CLI runs from it (the version comes from package.json beside dist/).
    const version = spawnSync(process.execPath, [path.join(root, 'dist/pipeline/cli.js'), '--version'], {encoding: 'utf8'})
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).version)
  })
})

describe('sharing documents between the main thread and a worker', () => {
  it('gives each the next largest document while it has the fewest bytes', () => {
    // The seeds' sizes: the largest alone against the four others (116 KB against 120 KB).
    expect(shareOut([116_310, 72_458, 34_874, 7_451, 5_315], 2)).toEqual([[0], [1, 2, 3, 4]])
    expect(shareOut([10, 9, 8, 7, 6, 5], 3)).toEqual([[0, 5], [1, 4], [2, 3]])
    // A tie goes to the first; nothing to share leaves every share empty.
    expect(shareOut([4, 4, 4], 2)).toEqual([[0, 2], [1]])
    expect(shareOut([], 2)).toEqual([[], []])
  })
})
