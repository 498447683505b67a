import {readFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import path from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {blockNetwork, launchBrowser} from '../../pipeline/pdf/browser.js'
import {loadFixture} from './fixture.js'
import {buildInto, htmlPages} from './pages.js'

const axePath = path.resolve('node_modules/axe-core/axe.min.js')
let browser: Browser
let htmlDir = ''
let pages: string[] = []

beforeAll(async () => {
  htmlDir = (await buildInto(loadFixture())).htmlDir
  pages = htmlPages(htmlDir)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const url = (name: string) => `file://${path.join(htmlDir, name)}`

async function open(width: number, height = 900, javaScript = true): Promise<{page: Page; requests: string[]}> {
  const page = await browser.newPage()
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await blockNetwork(page)
  await page.setJavaScriptEnabled(javaScript)
  await page.setViewport({width, height})
  return {page, requests}
}

interface AxeResult {
  violations: Array<{id: string; impact: string; nodes: Array<{target: string[]}>}>
}

describe('the HTML edition in Chromium', () => {
  it('has no axe-core violations on any page, in light and dark mode', async () => {
    const {page} = await open(1280)
    // axe is injected as an inline script, which the pages' CSP rightly refuses.
    await page.setBypassCSP(true)
    const found: string[] = []
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: scheme}])
      for (const name of pages) {
        await page.goto(url(name), {waitUntil: 'load'})
        await page.addScriptTag({path: axePath})
        const result = await page.evaluate(async () => {
          const axe = (window as unknown as {axe: {run: (context: Document) => Promise<AxeResult>}}).axe
          return axe.run(document)
        })
        for (const violation of result.violations) found.push(`${scheme} ${name}: ${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
      }
    }
    await page.close()
    expect(found).toEqual([])
  })

  it('loads nothing from another origin, and its scripts, styles and fonts load under the CSP', async () => {
    const {page, requests} = await open(1280)
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(String(error)))
    for (const name of pages) {
      await page.goto(url(name), {waitUntil: 'load'})
      await page.evaluate(() => document.fonts.ready)
      const font = await page.evaluate(() => [...document.fonts].some((face) => face.family.includes('Source Serif 4') && face.status === 'loaded'))
      expect(font, name).toBe(true)
    }
    await page.close()
    expect(requests.filter((request) => !request.startsWith('file:'))).toEqual([])
    expect(errors).toEqual([])
  })

  it('has no horizontal overflow at 375 px and 1440 px', async () => {
    for (const width of [375, 1440]) {
      const {page} = await open(width)
      for (const name of pages) {
        await page.goto(url(name), {waitUntil: 'load'})
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0)
      }
      await page.close()
    }
  })

  it('opens a note in place on a narrow screen, and the note returns to its reference', async () => {
    const {page} = await open(375, 700)
    await page.goto(url('aims-1993.html'), {waitUntil: 'load'})
    expect(await page.$eval('#sn3', (note) => getComputedStyle(note).display)).toBe('none')
    await page.$eval('#r3', (link) => link.scrollIntoView({block: 'center'}))
    await page.click('#r3')
    expect(await page.$eval('#sn3', (note) => getComputedStyle(note).display)).toBe('block')
    expect(await page.$eval('#r3', (link) => link.getAttribute('aria-expanded'))).toBe('true')
    expect(await page.$eval('#sn3', (note) => note.textContent)).toContain('Shtykov to Vyshinsky')
    await page.click('#r3')
    expect(await page.$eval('#sn3', (note) => getComputedStyle(note).display)).toBe('none')

    await page.goto(`${url('aims-1993.html')}#n3`, {waitUntil: 'load'})
    await page.click('#n3 .note-number a')
    expect(await page.evaluate(() => location.hash)).toBe('#r3')
    expect(await page.$eval('#r3', (link) => {
      const box = link.getBoundingClientRect()
      return box.top >= 0 && box.bottom <= innerHeight
    })).toBe(true)
    await page.close()
  })

  it('shows notes in the margin beside their reference on a wide screen', async () => {
    const {page} = await open(1440, 900)
    await page.goto(url('aims-1993.html'), {waitUntil: 'load'})
    const geometry = await page.evaluate(() => {
      const text = document.querySelector('.reading-text')!.getBoundingClientRect()
      const reference = document.querySelector('#r1')!.getBoundingClientRect()
      const note = document.querySelector('#sn1')!.getBoundingClientRect()
      return {textRight: text.right, noteLeft: note.left, noteRight: note.right, distance: Math.abs(note.top - reference.top), width: innerWidth}
    })
    expect(geometry.noteLeft).toBeGreaterThan(geometry.textRight)
    expect(geometry.noteRight).toBeLessThanOrEqual(geometry.width)
    expect(geometry.distance).toBeLessThan(60)
    await page.click('#r1')
    expect(await page.evaluate(() => location.hash)).toBe('')
    expect(await page.$eval('#sn1', (note) => note.classList.contains('is-current'))).toBe(true)
    await page.close()
  })

  it('reads without JavaScript: each note stands in full below its call, the call leads to it and the listed note back', async () => {
    const {page} = await open(375, 700, false)
    await page.goto(url('aims-1993.html'), {waitUntil: 'load'})
    const below = await page.evaluate(() => {
      const call = document.querySelector('#r2')!.getBoundingClientRect()
      const note = document.querySelector<HTMLElement>('#sn2')!
      const box = note.getBoundingClientRect()
      return {gap: box.top - call.bottom, display: getComputedStyle(note).display, full: note.scrollHeight <= note.clientHeight + 1}
    })
    expect(below.display).toBe('block')
    expect(below.full).toBe(true)
    expect(below.gap).toBeGreaterThanOrEqual(0)
    expect(below.gap).toBeLessThan(40)
    await page.$eval('#r2', (link) => link.scrollIntoView({block: 'center'}))
    await page.click('#r2')
    expect(await page.evaluate(() => location.hash)).toBe('#sn2')
    await page.goto(`${url('aims-1993.html')}#n2`, {waitUntil: 'load'})
    await page.click('#n2 .note-number a')
    expect(await page.evaluate(() => location.hash)).toBe('#r2')
    await page.close()
  })

  it('searches from file:// with the local index and links results to paragraphs and notes', async () => {
    const {page} = await open(1024)
    await page.goto(`${url('search.html')}?q=Vyshinsky`, {waitUntil: 'load'})
    await page.waitForSelector('#search-results li')
    const hrefs = await page.$$eval('#search-results a', (links) => links.map((link) => link.getAttribute('href')?.replace(/\?hl=[^#]*/, '')))
    expect(hrefs).toEqual(expect.arrayContaining(['aims-1993.html#n3', 'relations-2000.html#n2']))
    await page.$eval('input#search-input', (input) => {
      input.value = ''
    })
    await page.type('#search-input', 'trusteeship')
    await page.click('#search-form button')
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 1)
    expect(await page.$eval('#search-results a', (link) => link.getAttribute('href'))).toBe('aims-1993.html?hl=trusteeship#p1')
    expect(await page.$eval('#search-results mark', (mark) => mark.textContent)).toBe('trusteeship')
    await page.close()
  })

  it('searches an index cut into shards, loading them when asked', async () => {
    const sharded = (await buildInto(loadFixture(), {searchShardSize: 1})).htmlDir
    const {page, requests} = await open(1024)
    await page.goto(`file://${path.join(sharded, 'search.html')}`, {waitUntil: 'load'})
    expect(requests.filter((request) => request.includes('/assets/search/'))).toEqual([])
    await page.type('#search-input', 'Vyshinsky')
    await page.click('#search-form button')
    await page.waitForSelector('#search-results li')
    const hrefs = await page.$$eval('#search-results a', (links) => links.map((link) => link.getAttribute('href')?.replace(/\?hl=[^#]*/, '')))
    expect(hrefs).toEqual(expect.arrayContaining(['aims-1993.html#n3', 'relations-2000.html#n2']))
    expect(new Set(requests.filter((request) => request.includes('/assets/search/'))).size).toBeGreaterThan(3)
    await page.close()
  })

  it('works the same from a web server: scripts, styles and fonts allowed by the CSP, nothing else requested', async () => {
    const types: Record<string, string> = {'.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2', '.txt': 'text/plain'}
    const server: Server = createServer((request, response) => {
      const file = path.join(htmlDir, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname))
      readFile(file).then(
        (body) => response.writeHead(200, {'content-type': types[path.extname(file)] ?? 'application/octet-stream'}).end(body),
        () => response.writeHead(404).end()
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    if (!address || typeof address === 'string') throw new Error('Expected a TCP address')
    const origin = `http://127.0.0.1:${address.port}`
    const page = await browser.newPage()
    const requests: string[] = []
    const problems: string[] = []
    await page.setRequestInterception(true)
    page.on('request', (request) => {
      requests.push(request.url())
      if (request.url().startsWith(origin)) void request.continue()
      else void request.abort('blockedbyclient')
    })
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`)
    })
    try {
      await page.goto(`${origin}/aims-1993.html`, {waitUntil: 'load'})
      await page.evaluate(() => document.fonts.ready)
      expect(await page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true)
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Source Serif 4')
      await page.goto(`${origin}/search.html?q=trusteeship`, {waitUntil: 'load'})
      await page.waitForSelector('#search-results li')
      expect(requests.filter((request) => !request.startsWith(origin))).toEqual([])
      expect(problems).toEqual([])
    } finally {
      await page.close()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('shows the printed reading of an emendation on keyboard focus, in a typewriter face', async () => {
    const {page} = await open(1440)
    await page.goto(url('aims-1993.html'), {waitUntil: 'load'})
    expect(await page.$eval('#e1-tip', (tip) => getComputedStyle(tip).display)).toBe('none')
    await page.focus('#e1')
    const tip = await page.$eval('#e1-tip', (element) => ({display: getComputedStyle(element).display, text: (element as HTMLElement).innerText, font: getComputedStyle(element.querySelector('.printed')!).fontFamily}))
    expect(tip.display).toBe('inline')
    expect(tip.text).toBe(' (printed grad- ually; line-end hyphenation)')
    expect(tip.font).toMatch(/mono/i)
    await page.close()
  })
})
