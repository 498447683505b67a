/**
 * Launching Chromium for rendering and for tests: Debian's build (or PUPPETEER_EXECUTABLE_PATH),
 * headless, offline, with every request that is not for a local file or data URL refused.
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import puppeteer, {type Browser, type Page} from 'puppeteer-core'

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** The browser executable, or undefined when none is installed. */
export function findBrowser(): string | undefined {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  return candidates.find((path) => existsSync(path))
}

export class BrowserUnavailableError extends Error {
  override name = 'BrowserUnavailableError'
}

const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--font-render-hinting=none',
  // Each window of the new headless mode loads the omnibox popup's WebUI in two renderer
  // processes of its own: about 1.3 s of CPU per browser start and 0.6 s per window, for nothing.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'
]

/** Chromium profiles of this CLI: `apparatus-chromium-<pid>-XXXXXX` in the temporary folder. */
const profilePrefix = 'apparatus-chromium-'

/** Whether the process `pid` runs (EPERM: as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM'
  }
}

/** The temporary folder of a PDF build's pages (named after this process, like the profiles). */
export function pdfWorkPrefix(): string {
  return join(tmpdir(), `apparatus-pdf-${process.pid}-`)
}

/**
 * Remove the temporary folder `dir` when this process exits (on a signal too: the CLI's
 * handlers exit), or earlier with the function returned.
 */
export function removedOnExit(dir: string, beforeExit?: () => void): () => void {
  const onExit = () => {
    beforeExit?.()
    remove()
  }
  const remove = () => {
    process.off('exit', onExit)
    try {
      // A browser just killed may still be writing its profile: a few retries, then the next
      // launch removes what is left (never an error on the way out).
      rmSync(dir, {recursive: true, force: true, maxRetries: 5, retryDelay: 50})
    } catch {
      // left to removeStaleProfiles
    }
  }
  process.on('exit', onExit)
  return remove
}

/**
 * Kill the processes that name `marker` on their command line (a browser and its helpers, by
 * their profile) and wait, synchronously (this runs on exit), until they are gone, at most `ms`:
 * killed processes take a moment to end. Where there is no /proc, nothing is done (the pipe
 * ends the browser). A zombie's command line is empty: it counts as gone.
 */
function stopProcessesNaming(marker: string, ms = 2000): void {
  if (!existsSync('/proc/self/cmdline')) return
  const naming = () => readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) return false
    try {
      return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)
    } catch {
      return false
    }
  })
  for (const pid of naming()) {
    try {
      process.kill(Number(pid), 'SIGKILL')
    } catch {
      // gone already
    }
  }
  const pause = new Int32Array(new SharedArrayBuffer(4))
  const end = Date.now() + ms
  while (naming().length > 0 && Date.now() < end) Atomics.wait(pause, 0, 0, 20)
}

/** Remove the profiles and PDF work folders left by processes that are gone (SIGKILL, a crash). */
function removeStaleProfiles(dir = tmpdir()): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const pid = Number(/^apparatus-(?:chromium|pdf)-(\d+)-/.exec(name)?.[1])
    if (!Number.isInteger(pid) || pid === process.pid || running(pid)) continue
    rmSync(join(dir, name), {recursive: true, force: true})
  }
}

/**
 * Launch Chromium; throws BrowserUnavailableError with a clear message when it cannot. On every
 * exit path it leaves neither a process nor a profile: it talks over a pipe, so it ends when
 * this process ends, even killed (SIGKILL); its profile, a folder of its own named after this
 * process, is removed when Chromium exits, when `signal` aborts or this process exits (its
 * processes are killed and waited for first), or else by the next launch. It installs no
 * signal handler: the CLI's abort the build's signal, then exit.
 */
export async function launchBrowser(options: {signal?: AbortSignal} = {}): Promise<Browser> {
  const {signal} = options
  signal?.throwIfAborted()
  const executablePath = findBrowser()
  if (!executablePath) {
    throw new BrowserUnavailableError(
      'Chromium was not found. Install it (`apt-get install chromium`) or set PUPPETEER_EXECUTABLE_PATH.'
    )
  }
  removeStaleProfiles()
  const profile = mkdtempSync(join(tmpdir(), `${profilePrefix}${process.pid}-`))
  // Stopped while it runs (an abort, another handler's process.exit, or during the launch): the
  // processes of this profile are killed and waited for before it is removed, so none writes into it then.
  const removeProfile = removedOnExit(profile, () => stopProcessesNaming(profile))
  const abort = () => {
    stopProcessesNaming(profile)
    removeProfile()
  }
  signal?.addEventListener('abort', abort, {once: true})
  const settled = () => {
    signal?.removeEventListener('abort', abort)
    removeProfile()
  }
  try {
    const browser = await puppeteer.launch({
      executablePath, headless: true, args: chromiumArgs, timeout: 60_000, pipe: true, userDataDir: profile, env: chromiumEnv(),
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false
    })
    const child = browser.process()
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      settled()
      return browser
    }
    child.once('exit', settled)
    return browser
  } catch (error) {
    settled()
    signal?.throwIfAborted()
    throw new BrowserUnavailableError(`Chromium at ${executablePath} failed to start: ${String(error instanceof Error ? error.message : error)}`)
  }
}

/** The longest path of a Unix socket, in bytes (Linux: 108 with its terminating NUL). */
const socketPathLimit = 107
/** Chromium's single-instance socket, made in its temporary folder. */
const singletonSocket = '/org.chromium.Chromium.XXXXXX/SingletonSocket'

/**
 * Chromium makes its single-instance socket in TMPDIR and does not start when that path is too
 * long for a socket: under a deep temporary folder it is given the system's own (`/tmp`).
 */
function chromiumEnv(): NodeJS.ProcessEnv {
  if (Buffer.byteLength(tmpdir() + singletonSocket) <= socketPathLimit || process.platform === 'win32' || !existsSync('/tmp')) return process.env
  return {...process.env, TMPDIR: '/tmp'}
}

/** Refuse every request that is not for a file: or data: URL (rendering is offline). */
export async function blockNetwork(page: Page): Promise<void> {
  await page.setRequestInterception(true)
  page.on('request', (request) => {
    const url = request.url()
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('about:')) void request.continue()
    else void request.abort('blockedbyclient')
  })
}
