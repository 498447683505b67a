/**
 * Issue 22, item 10: Chromium leaves neither a process nor a profile behind, on every exit path:
 * a build that ends, one killed with SIGKILL mid-render (Chromium talks over a pipe and ends
 * with it; the next build removes the profile and page folder of the dead process), and one
 * stopped with SIGTERM. Runs the compiled CLI with a temporary folder of its own.
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {findBrowser} from '../../pipeline/pdf/browser.js'
import {compileCli, parseReport, repoRoot, runCompiledCli, stackTrace, tempDir, treeHashes} from './helpers.js'

const root = tempDir('chromium')
const tmp = path.join(root, 'tmp')
const sources = path.join(root, 'sources')
const env = {TMPDIR: tmp}

beforeAll(() => {
  compileCli()
  mkdirSync(tmp, {recursive: true})
  mkdirSync(sources, {recursive: true})
  writeFileSync(path.join(sources, 'doc.txt'), 'The report says something about Korea.[1]\n\nNotes\n\n[1] John Smith, The Book of Korea (London: Press, 1990), 12.\n')
}, 240_000)

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

/** Processes whose command line names a profile of `pid`. */
function chromiumOf(pid: number): number[] {
  const key = `apparatus-chromium-${pid}-`
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(key)) found.push(Number(entry))
    } catch {
      // gone meanwhile
    }
  }
  return found
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (condition()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return condition()
}

/** Start a PDF build, wait until its Chromium runs, send `signal`; resolve with its pid and exit. */
async function interrupted(out: string, signal: NodeJS.Signals): Promise<{pid: number; code: number | null; signal: NodeJS.Signals | null; stderr: string}> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'pipeline', 'cli.js'), 'build', '--sources', sources, '--out', out, '--format', 'markdown,pdf', '--quiet'], {env: {...process.env, ...env}, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => child.on('close', (code, sig) => resolve({code, signal: sig})))
  const pid = child.pid ?? 0
  expect(await until(() => chromiumOf(pid).length > 0, 60_000), 'Chromium started').toBe(true)
  child.kill(signal)
  return {pid, ...(await exited), stderr}
}

const leftovers = (pid: number) => readdirSync(tmp).filter((name) => name.startsWith(`apparatus-chromium-${pid}-`) || name.startsWith(`apparatus-pdf-${pid}-`))

describe.skipIf(!findBrowser())('Chromium processes and profiles are cleaned up on every exit path', () => {
  it('a build that ends leaves nothing in the temporary folder', async () => {
    const run = await runCompiledCli(['build', '--sources', sources, '--out', path.join(root, 'out-ok'), '--format', 'markdown,pdf', '--json'], {env})
    expect(run.code, run.stderr).toBe(0)
    expect(parseReport(run.stdout).outputs).toContain('pdf/doc.pdf')
    expect(readdirSync(tmp)).toEqual([])
  }, 120_000)

  it('SIGKILL mid-render: Chromium ends with the CLI; the next build removes its profile', async () => {
    const before = treeHashes(sources)
    const killed = await interrupted(path.join(root, 'out-killed'), 'SIGKILL')
    expect(killed.signal).toBe('SIGKILL')
    expect(await until(() => chromiumOf(killed.pid).length === 0, 15_000), `Chromium of ${killed.pid} still runs`).toBe(true)
    const next = await runCompiledCli(['build', '--sources', sources, '--out', path.join(root, 'out-killed'), '--format', 'markdown,pdf', '--json'], {env})
    expect(next.code, next.stderr).toBe(0)
    expect(leftovers(killed.pid)).toEqual([])
    expect(readdirSync(tmp)).toEqual([])
    expect(treeHashes(sources)).toEqual(before)
  }, 180_000)

  it('SIGTERM mid-render: the browser is killed and its profile removed', async () => {
    const stopped = await interrupted(path.join(root, 'out-term'), 'SIGTERM')
    expect(stopped.stderr).not.toMatch(stackTrace)
    expect(stopped.code === 0 && stopped.signal === null).toBe(false)
    expect(await until(() => chromiumOf(stopped.pid).length === 0, 15_000)).toBe(true)
    expect(await until(() => leftovers(stopped.pid).length === 0, 5_000), leftovers(stopped.pid).join(', ')).toBe(true)
    expect(existsSync(path.join(root, 'out-term', 'pdf'))).toBe(false)
  }, 120_000)
})
