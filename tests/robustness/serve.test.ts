/**
 * Issue 22, item 11, and issue 23: `watch` and `serve` on the compiled CLI. The preview answers
 * a page, and a page open in Chromium reloads itself when a source is edited (live reload under
 * the page's Content-Security-Policy). A busy port is one line and exit 3 before any build; the preview answers only requests for this machine's names with its port
 * (DNS rebinding) and serves no file a link inside the output points to outside it; a watch
 * goes on when its sources folder is removed and made again.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {request} from 'node:http'
import {createServer} from 'node:net'
import {appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {launchBrowser} from '../../pipeline/pdf/browser.js'
import {allowEventStream} from '../../pipeline/cli/commands/serve.js'
import {compileCli, repoRoot, runCompiledCli, stackTrace, tempDir, treeHashes} from './helpers.js'

const root = tempDir('serve')
const secret = path.join(root, 'secret.txt')
const text = (word: string) => `The ${word} document says something about Korea.\n\nA second paragraph of the ${word} text.\n`

beforeAll(() => {
  compileCli()
  writeFileSync(secret, 'a secret outside the output\n')
}, 240_000)

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

function sourcesFolder(name: string): string {
  const dir = path.join(root, name)
  mkdirSync(dir, {recursive: true})
  writeFileSync(path.join(dir, 'alpha.txt'), text('alpha'))
  return dir
}

/** A running CLI: its stderr so far, and a wait for a pattern in it. */
function start(args: readonly string[]): {child: ChildProcess; stderr: () => string; waitFor: (pattern: RegExp, count?: number) => Promise<void>; exited: Promise<number | null>} {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'pipeline', 'cli.js'), ...args], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  const waitFor = async (pattern: RegExp, count = 1) => {
    const end = Date.now() + 60_000
    while ((stderr.match(new RegExp(pattern, 'g')) ?? []).length < count) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`no ${pattern} in: ${stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {child, stderr: () => stderr, waitFor, exited}
}

function get(port: number, pathname: string, host: string): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    // An empty `host` sends none.
    const sent = request({host: '127.0.0.1', port, path: pathname, setHost: false, headers: host === '' ? {} : {host}}, (response) => {
      let body = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({status: response.statusCode ?? 0, body}))
    })
    sent.on('error', reject)
    sent.end()
  })
}

describe('serve', () => {
  it('answers a page, and the page open in Chromium reloads when a source is edited', async () => {
    const sources = sourcesFolder('reload-sources')
    const out = path.join(root, 'reload-out')
    const cli = start(['serve', '--sources', sources, '--out', out, '--format', 'markdown,html', '--port', '0'])
    const browser = await launchBrowser()
    try {
      await cli.waitFor(/watching /)
      const url = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(cli.stderr())?.[1]
      expect(url, cli.stderr()).toBeDefined()
      const answer = await fetch(new URL('alpha.html', url))
      expect(answer.status).toBe(200)
      expect(await answer.text()).toContain('The alpha document says something about Korea.')

      const page = await browser.newPage()
      const refused: string[] = []
      page.on('console', (message) => {
        if (/Content Security Policy|Refused/i.test(message.text())) refused.push(message.text())
      })
      const stream = page.waitForResponse((response) => response.url().endsWith('/__apparatus/events'), {timeout: 30_000})
      // A wait that fails says what the preview printed.
      const told = (what: string) => (error: unknown) => {
        throw new Error(`${what}: ${String(error)}\n${cli.stderr()}`)
      }
      await page.goto(new URL('alpha.html', url).href, {waitUntil: 'load'})
      expect((await stream.catch(told('no event stream'))).status()).toBe(200)
      // A mark on this document: the page after the edit must be another one, loaded anew.
      await page.evaluate(() => document.documentElement.setAttribute('data-before-edit', ''))

      appendFileSync(path.join(sources, 'alpha.txt'), '\nA paragraph the editor has just added.\n')
      // The page reloads itself: nothing but the event stream tells it to.
      await page
        .waitForFunction(() => !document.documentElement.hasAttribute('data-before-edit') && document.body?.textContent?.includes('A paragraph the editor has just added.'), {timeout: 90_000, polling: 200})
        .catch(told('no reload'))
      expect(readFileSync(path.join(out, 'markdown', 'alpha.md'), 'utf8')).toContain('A paragraph the editor has just added.')
      expect(refused).toEqual([])
      expect(cli.stderr()).not.toMatch(stackTrace)
    } finally {
      await browser.close()
      cli.child.kill('SIGINT')
      expect([0, 130]).toContain(await cli.exited)
    }
  }, 180_000)

  it('the preview\'s policy allows the event stream in place of the page\'s `connect-src`, not after it', () => {
    expect(allowEventStream("default-src 'none'; connect-src 'none'; base-uri 'none'")).toBe("default-src 'none'; base-uri 'none'; connect-src 'self'")
    expect(allowEventStream("default-src 'none'")).toBe("default-src 'none'; connect-src 'self'")
  })

  it('a busy port is one line with its rule id and exit 3, before any build', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const address = blocker.address()
    const port = typeof address === 'object' && address ? address.port : 0
    try {
      const sources = sourcesFolder('busy-sources')
      const before = treeHashes(root)
      const run = await runCompiledCli(['serve', '--sources', sources, '--out', path.join(root, 'busy-out'), '--port', String(port)], {cwd: root})
      expect(run.code).toBe(3)
      expect(run.stderr).not.toMatch(stackTrace)
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`cannot serve on 127\\.0\\.0\\.1:${port}: the port is in use.*serve-port-unavailable$`))])
      expect(existsSync(path.join(root, 'busy-out'))).toBe(false)
      expect(treeHashes(root)).toEqual(before)
    } finally {
      blocker.close()
    }
  }, 60_000)

  it('answers only its own host names with its port, and no link out of the output', async () => {
    const sources = sourcesFolder('host-sources')
    const out = path.join(root, 'host-out')
    const cli = start(['serve', '--sources', sources, '--out', out, '--format', 'markdown,html', '--port', '0'])
    try {
      await cli.waitFor(/watching /)
      const port = Number(/serving http:\/\/127\.0\.0\.1:(\d+)\//.exec(cli.stderr())?.[1])
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
        expect((await get(port, '/index.html', host)).status, host).toBe(200)
      }
      for (const host of [`evil.example:${port}`, 'localhost', '127.0.0.1', `127.0.0.1:${port + 1}`, `attacker.127.0.0.1.nip.io:${port}`, '']) {
        const answer = await get(port, '/index.html', host)
        // Without a Host header Node's server answers 400 itself.
        expect([403, 400], host).toContain(answer.status)
        expect(answer.body).not.toContain('<html')
      }
      const html = path.join(out, 'html')
      symlinkSync(secret, path.join(html, 'leak.txt'))
      symlinkSync(root, path.join(html, 'outside'))
      symlinkSync(path.join(html, 'index.html'), path.join(html, 'inner.html'))
      const own = `127.0.0.1:${port}`
      expect((await get(port, '/leak.txt', own)).status).toBe(403)
      expect((await get(port, '/outside/secret.txt', own)).body).not.toContain('secret')
      expect((await get(port, '/outside/secret.txt', own)).status).toBe(403)
      expect((await get(port, '/inner.html', own)).status).toBe(200)
    } finally {
      cli.child.kill('SIGINT')
      // 130: a rebuild was running (README: an interrupted build leaves the previous output).
      expect([0, 130]).toContain(await cli.exited)
    }
  }, 120_000)
})

describe('watch', () => {
  it('goes on when the sources folder is removed and made again', async () => {
    const sources = sourcesFolder('watch-sources')
    const out = path.join(root, 'watch-out')
    const cli = start(['watch', '--sources', sources, '--out', out, '--format', 'markdown'])
    try {
      await cli.waitFor(/watching /)
      expect(existsSync(path.join(out, 'markdown', 'alpha.md'))).toBe(true)
      rmSync(sources, {recursive: true})
      await cli.waitFor(/is gone; waiting for it to come back/)
      mkdirSync(sources)
      writeFileSync(path.join(sources, 'beta.txt'), text('beta'))
      await cli.waitFor(/is back; rebuilding/)
      const end = Date.now() + 60_000
      while (!existsSync(path.join(out, 'markdown', 'beta.md')) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 200))
      expect(existsSync(path.join(out, 'markdown', 'beta.md')), cli.stderr()).toBe(true)
      // And it still watches the new folder.
      writeFileSync(path.join(sources, 'gamma.txt'), text('gamma'))
      const later = Date.now() + 60_000
      while (!existsSync(path.join(out, 'markdown', 'gamma.md')) && Date.now() < later) await new Promise((resolve) => setTimeout(resolve, 200))
      expect(existsSync(path.join(out, 'markdown', 'gamma.md')), cli.stderr()).toBe(true)
      expect(cli.stderr()).not.toMatch(stackTrace)
    } finally {
      cli.child.kill('SIGINT')
      // 130: a rebuild was running (README: an interrupted build leaves the previous output).
      expect([0, 130]).toContain(await cli.exited)
    }
  }, 180_000)
})
