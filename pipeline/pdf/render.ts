/**
 * Print HTML to PDF in Chromium: load the page offline, let Paged.js paginate it (footnotes,
 * running heads, target counters), measure where notes and headings landed, print.
 */
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {ConnectionClosedError, type Browser, type BrowserContext, type Page} from 'puppeteer-core'
import {z} from 'zod'
import {BrowserUnavailableError, blockNetwork} from './browser.js'

/** Where one printed note landed. */
export interface NotePlacement {
  slug: string
  note: string
  /** 1-based page of the call in the text. */
  callPage: number
  /** 1-based page where the note's text starts. */
  notePage: number
}

/** Where an outline target landed: 1-based page and distance from the page top in CSS px. */
export interface TargetPlacement {
  page: number
  top: number
}

export interface Layout {
  pages: number
  notes: NotePlacement[]
  targets: Record<string, TargetPlacement>
  /** Soft hyphens kept where a line broke (hyphenated line ends). */
  hyphenated: number
  /** Boxes of text laid out past their page's content box, which are not printed. */
  hidden: number
}

/** Milliseconds of each step of one render. */
export interface RenderPhases {
  /** Opening a window and loading the print HTML with its fonts and scripts. */
  load: number
  /** Paged.js pagination and measuring the layout. */
  layout: number
  /** Chromium printing the pages to PDF. */
  print: number
}

export interface Rendered {
  pdf: Uint8Array
  layout: Layout
  phases: RenderPhases
}

/** Paged.js and the page model both run in the page; this many ms is generous for a book. */
const renderTimeout = 600_000

/** Reject when the browser goes away (or, once watched, the tab crashes), so a render never hangs. */
function watch(browser: Browser, label: string): {promise: Promise<never>; page: (page: Page) => void; dispose: () => void} {
  let reject: (error: Error) => void = () => undefined
  const promise = new Promise<never>((_, fail) => {
    reject = fail
  })
  // A crash after the render finished must not surface as an unhandled rejection.
  promise.catch(() => undefined)
  const onError = (error: Error) => reject(new BrowserUnavailableError(`Chromium crashed while rendering ${label}: ${error.message}`))
  const onDisconnect = () => reject(new BrowserUnavailableError(`Chromium exited while rendering ${label}`))
  browser.on('disconnected', onDisconnect)
  if (!browser.connected) onDisconnect()
  let watched: Page | undefined
  return {
    promise,
    page: (page) => {
      watched = page
      page.on('error', onError)
    },
    dispose: () => {
      watched?.off('error', onError)
      browser.off('disconnected', onDisconnect)
    }
  }
}

const layoutSchema = z.object({
  pages: z.number().int(),
  notes: z.array(z.object({slug: z.string(), note: z.string(), callPage: z.number().int(), notePage: z.number().int()})),
  targets: z.record(z.object({page: z.number().int(), top: z.number()})),
  hyphenated: z.number().int(),
  hidden: z.number().int()
})

/** A window to print in: a browser context of its own and its one page. */
export interface PrintWindow {
  context: BrowserContext
  page: Page
}

/**
 * Open a window ready to load a print page: offline, laid out with print media (printing then
 * restyles the book twice, not four times). Opening one starts a renderer process, so the first
 * is opened while the print documents are assembled.
 */
export async function openPrintWindow(browser: Browser): Promise<PrintWindow> {
  // A context of its own is a window of its own: renders running side by side are each in
  // front (a tab behind another is throttled) and each in a renderer process of its own.
  const context = await browser.createBrowserContext()
  try {
    const page = await context.newPage()
    await blockNetwork(page)
    page.setDefaultTimeout(renderTimeout)
    await page.emulateMediaType('print')
    return {context, page}
  } catch (error) {
    if (browser.connected) await context.close().catch(() => undefined)
    throw error
  }
}

/**
 * Render one print HTML file to PDF bytes in the window `opening` (see openPrintWindow). The
 * window stays open for another render, the caller's to close; after a failure it is closed here.
 * Throws BrowserUnavailableError when Chromium crashes or exits; other errors (Paged.js failing)
 * are thrown as they are.
 */
export async function renderHtmlFile(browser: Browser, opening: Promise<PrintWindow>, htmlPath: string, outlineIds: string[], label: string): Promise<Rendered> {
  const watcher = watch(browser, label)
  let page: Page | undefined
  try {
    let mark = performance.now()
    const lap = () => {
      const now = performance.now()
      const elapsed = now - mark
      mark = now
      return elapsed
    }
    const opened = (await Promise.race([opening, watcher.promise])).page
    page = opened
    watcher.page(opened)
    const work = (async () => {
      await opened.goto(pathToFileURL(htmlPath).href, {waitUntil: 'load', timeout: renderTimeout})
      const load = lap()
      // templates/pdf/paginate.js, inlined in the page, defines `apparatusPaginate`.
      const layout = layoutSchema.parse(await opened.evaluate(`apparatusPaginate(${JSON.stringify(outlineIds)})`))
      const paginated = lap()
      const pdf = await opened.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: renderTimeout})
      return {pdf, layout, phases: {load, layout: paginated, print: lap()}}
    })()
    return await Promise.race([work, watcher.promise])
  } catch (error) {
    const window = await opening.catch(() => undefined)
    if (window && browser.connected) await window.context.close().catch(() => undefined)
    // A navigation or print that failed because Chromium went away is the browser's failure.
    if (error instanceof BrowserUnavailableError) throw error
    if (!browser.connected || page?.isClosed() || error instanceof ConnectionClosedError) {
      throw new BrowserUnavailableError(`Chromium failed while rendering ${label}: ${error instanceof Error ? error.message : String(error)}`)
    }
    throw error
  } finally {
    watcher.dispose()
  }
}
