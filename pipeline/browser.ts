/**
 * Launching Chromium for rendering and for tests: Debian's build (or PUPPETEER_EXECUTABLE_PATH),
 * headless, offline, with every request that is not for a local file or data URL refused.
 */
import {existsSync} from 'node:fs'
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

export const chromiumArgs = [
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

/** Launch Chromium; throws BrowserUnavailableError with a clear message when it cannot. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser()
  if (!executablePath) {
    throw new BrowserUnavailableError(
      'Chromium was not found. Install it (`apt-get install chromium`) or set PUPPETEER_EXECUTABLE_PATH.'
    )
  }
  try {
    return await puppeteer.launch({executablePath, headless: true, args: chromiumArgs, timeout: 60_000})
  } catch (error) {
    throw new BrowserUnavailableError(`Chromium at ${executablePath} failed to start: ${String(error instanceof Error ? error.message : error)}`)
  }
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
