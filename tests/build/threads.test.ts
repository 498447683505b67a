/**
 * The compiled pipeline runs a large edition's documents, entries and pages on build threads
 * (piscina); the output must be the same bytes as a build on the main thread alone.
 */
import {spawn, spawnSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {compileCli} from '../robustness/helpers.js'
import {outputHashes} from './hashes.js'

const root = path.resolve(import.meta.dirname, '..', '..')

function build(sources: string, out: string, jobs: number) {
  const result = spawnSync(process.execPath, [path.join(root, 'dist/pipeline/cli.js'), 'build', '--quiet', '--format', 'markdown,bib,html', '--jobs', String(jobs), '--sources', sources, '--out', out], {cwd: root, encoding: 'utf8'})
  return {code: result.status, stderr: result.stderr}
}

describe('the compiled pipeline and its worker threads', () => {
  beforeAll(() => {
    compileCli()
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
    await rm(work, {recursive: true, force: true})
  }, 300_000)

  it('leave citation-js\'s URL readers out, and run the CLI from dist/', async () => {
    const dir = path.join(root, 'dist/pipeline')
    const code = (await Promise.all((await readdir(dir)).filter((name) => name.endsWith('.js')).map((name) => readFile(path.join(dir, name), 'utf8')))).join('\n')
    // A fetch is refused (pipeline/shared/offline-fetch.ts).
    expect(code).not.toMatch(/node_modules\/(node-fetch|sync-fetch)\//)
    expect(code).toContain('Apparatus does not fetch anything from the network')
    // The version comes from package.json beside dist/.
    const version = spawnSync(process.execPath, [path.join(root, 'dist/pipeline/cli.js'), '--version'], {encoding: 'utf8'})
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).version)
  })

  it('serve: the compiled CLI starts, builds and answers a request', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'apparatus-compiled-serve-'))
    const sources = path.join(work, 'sources')
    await mkdir(sources)
    await cp(path.join(root, 'sources', '003_496bc83017a56cd6.txt'), path.join(sources, 'directive.txt'))
    const child = spawn(process.execPath, [path.join(root, 'dist/pipeline/cli.js'), 'serve', '--port', '0', '--format', 'markdown,html', '--sources', sources, '--out', path.join(work, 'out')], {cwd: root, env: {...process.env, FORCE_COLOR: '0'}})
    let stderr = ''
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 60_000)
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString()
          const found = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)?.[1]
          if (found) {
            clearTimeout(timer)
            resolve(found)
          }
        })
        child.once('exit', (code) => {
          clearTimeout(timer)
          reject(new Error(`serve exited with ${code}: ${stderr}`))
        })
      })
      const page = await fetch(url)
      expect(page.status, stderr).toBe(200)
      expect(await page.text()).toMatch(/<html/)
    } finally {
      child.kill()
      await new Promise((resolve) => (child.exitCode === null && child.signalCode === null ? child.once('close', resolve) : resolve(undefined)))
      await rm(work, {recursive: true, force: true})
    }
  }, 90_000)
})
