/**
 * The document page as a reader uses it, in Chromium, on a long document with dense notes:
 * notes beside or below their calls at 1440 and 375 px with and without JavaScript, the switch
 * between the corrected and the printed reading, an emendation's printed reading on keyboard
 * focus and on tap, and search as you type with the hit in context. Screenshots of each layout
 * are written to the folder named by `APPARATUS_SCREENSHOTS`, or else to the run's temporary folder
 * (`apparatus-reader-screenshots/`), which is removed when the run ends.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {blockNetwork, launchBrowser} from '../../pipeline/pdf/browser.js'
import {parseDocument} from '../../pipeline/markdown/index.js'
import {loadFixture} from './fixture.js'
import {buildInto} from './pages.js'

const slug = 'long-notes'
const screenshots = process.env.APPARATUS_SCREENSHOTS ?? path.join(tmpdir(), 'apparatus-reader-screenshots')
let browser: Browser
let htmlDir = ''

/** Sentences of the generated text, cycled: the document is long, its paragraphs of every length. */
const sentences = [
  'The delegation reached the northern capital late in the autumn, after a journey of several weeks by rail.',
  'Its members were received by the local committee, which had prepared a long list of requests.',
  'Most of these concerned grain, fuel and the repair of the railway bridges destroyed in the fighting.',
  'The report sent back to the ministry described the situation as difficult but not desperate.',
  'Later accounts, written when the archives were opened, tell a rather different story.',
  'They show that the committee had asked for weapons as well, and that the request was refused at first.',
  'Only in the spring did the attitude of the ministry change, for reasons the documents do not state.'
]

function paragraph(at: number, length: number): string {
  return Array.from({length}, (_, index) => sentences[(at + index) % sentences.length]).join(' ')
}

/** A long document: paragraphs of one to nine sentences, notes from one line to three paragraphs, often several to a paragraph. */
function longDocument(): string {
  const body: string[] = []
  const notes: string[] = []
  let note = 0
  const call = () => {
    note++
    const kind = note % 5
    const citation = `Ministry archive, Fond ${note + 10}, Opis 2, Delo ${note * 3}, :emend[l.]{orig="1." rule="ocr-folio"} ${note + 40}`
    const text = kind === 0
      ? `${citation}. ${paragraph(note, 4)}\n\n    ${paragraph(note + 2, 3)}\n\n    ${paragraph(note + 4, 3)}`
      : kind === 2 ? `${citation}. ${paragraph(note, 2)}` : `${citation}.`
    notes.push(`[^${note}]: ${text}`)
    return `[^${note}]`
  }
  for (let at = 0; at < 24; at++) {
    const length = 1 + ((at * 4) % 9)
    const words = paragraph(at, length).split(' ')
    const calls = at % 3 === 0 ? 3 : at % 3 === 1 ? 1 : 0
    for (let index = 1; index <= calls; index++) {
      const position = Math.floor((words.length * index) / (calls + 1))
      words[position] = `${words[position]}${call()}`
    }
    if (at === 1) words.splice(3, 0, ':emend[gradually]{orig="grad- ually" rule="hyphenation"}', 'Shtykhov')
    if (at === 7) words.splice(words.length - 4, 0, 'Quelpart')
    if (at === 1) words.push(':removed[[12]]{rule="page-number"}')
    body.push(words.join(' '))
    if (at === 4) body.push(':::removed{rule="running-head"}\nNOTES IN THE MARGIN 13\n:::')
    if (at % 8 === 0) body.push(`## Part ${at / 8 + 1}`)
  }
  const front = [
    '---', 'title: "Notes in the Margin: A Long Test Document"', `slug: ${slug}`, 'authors: ["A. Tester"]', 'date: "1991-05"',
    'publication: "Test Quarterly 4, no. 1 (1991)"', 'kind: article', 'language: en', 'truncated: false', 'source: sources/long.txt',
    'sha256: "00"', 'convention: superscript-page-notes', `counts: {notes: ${note}, paragraphs: 24, emendations: {}, removed: {}}`,
    'sic: [Shtykhov]', '---'
  ]
  return `${front.join('\n')}\n\n${body.join('\n\n')}\n\n${notes.join('\n\n')}\n`
}

beforeAll(async () => {
  const input = loadFixture()
  const markdown = longDocument()
  input.documents.push({meta: parseDocument(markdown).meta, markdown})
  htmlDir = (await buildInto(input)).htmlDir
  mkdirSync(screenshots, {recursive: true})
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const url = (name: string) => `file://${path.join(htmlDir, name)}`

async function open(width: number, javaScript: boolean, touch = false): Promise<Page> {
  const page = await browser.newPage()
  await blockNetwork(page)
  await page.setJavaScriptEnabled(javaScript)
  await page.setViewport({width, height: 900, hasTouch: touch, isMobile: touch})
  await page.goto(url(`${slug}.html`), {waitUntil: 'load'})
  await page.evaluate(() => document.fonts.ready)
  return page
}

interface NotePlace {
  id: string
  display: string
  full: boolean
  /** The note's box, its call's box, the box of the text's block holding the call, the text column's right edge. */
  note: {top: number; bottom: number; left: number; right: number}
  call: {top: number; bottom: number}
  block: {top: number; bottom: number}
  textRight: number
  width: number
}

/** Where each note stands against its call (page coordinates). */
function places(page: Page): Promise<NotePlace[]> {
  return page.evaluate(() => {
    const text = document.querySelector('.reading-text')!
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect()
      return {top: rect.top + scrollY, bottom: rect.bottom + scrollY, left: rect.left, right: rect.right}
    }
    return [...document.querySelectorAll<HTMLElement>('.reading-text .sidenote')].map((note) => {
      const call = document.querySelector(`[aria-controls="${note.id}"]`)!
      let block: Element = call
      while (block.parentElement && block.parentElement !== text) block = block.parentElement
      return {
        id: note.id,
        display: getComputedStyle(note).display,
        full: note.scrollHeight <= note.clientHeight + 1 && getComputedStyle(note).maxHeight === 'none',
        note: box(note),
        call: box(call),
        block: box(block),
        textRight: text.getBoundingClientRect().right,
        width: innerWidth
      }
    })
  })
}

async function screenshot(page: Page, name: string): Promise<void> {
  const image = await page.screenshot({type: 'png'})
  writeFileSync(path.join(screenshots, `${name}.png`), image)
  expect(image.length, name).toBeGreaterThan(10_000)
}

/** The greatest distance of a note from its call at 1440 px, with and without the script. */
const furthest: {js?: number; nojs?: number} = {}

describe('a long document page in Chromium', () => {
  for (const javaScript of [true, false]) {
    it(`sets every note in full in the margin beside its call at 1440 px, ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
      const page = await open(1440, javaScript)
      await page.evaluate(() => document.querySelector('#sn1')!.scrollIntoView({block: 'center'}))
      await screenshot(page, `1440-${javaScript ? 'js' : 'nojs'}`)
      const notes = await places(page)
      expect(notes.length).toBeGreaterThan(30)
      const misplaced: string[] = []
      notes.forEach((note, index) => {
        // With the script a note may rise beside the block before, into free margin; without it, never.
        const before = javaScript || notes[index - 1]?.block.top === note.block.top ? notes[index - 1] : undefined
        const after = notes[index + 1]
        if (note.display !== 'block' || !note.full) misplaced.push(`${note.id}: not shown in full`)
        if (note.note.left < note.textRight + 16 || note.note.right > note.width) misplaced.push(`${note.id}: not in the margin`)
        if ((!javaScript && note.note.top < note.block.top - 1) || note.note.bottom > note.block.bottom + 1) misplaced.push(`${note.id}: drifts from the block of its call`)
        if (before && note.note.top < before.note.bottom) misplaced.push(`${note.id}: over the note before`)
        const distance = Math.round(note.note.top - note.call.top)
        if (javaScript) {
          // At its call's line, unless it is one of a run of notes packed around their calls.
          const packed = (before !== undefined && note.note.top - before.note.bottom < 20) || (after !== undefined && after.note.top - note.note.bottom < 20) || note.note.top - note.block.top < 2
          if (Math.abs(distance) > 24 && !packed) misplaced.push(`${note.id}: ${distance} px from its call`)
        } else {
          // At its call's line, or right after the note before when that one reaches below the
          // call (a float that must clear the one before may start on the next line: two lines' room).
          const start = Math.max(note.call.top - 8, before ? before.note.bottom : -Infinity)
          if (note.note.top > start + 48 || distance < -8) misplaced.push(`${note.id}: ${distance} px from its call`)
        }
      })
      const distances = notes.map((note) => Math.abs(note.note.top - note.call.top))
      furthest[javaScript ? 'js' : 'nojs'] = Math.max(...distances)
      expect(misplaced).toEqual([])
      await page.close()
    })

    it(`sets the notes below their calls at 375 px, ${javaScript ? 'opened by the call, with' : 'in full, without'} JavaScript`, async () => {
      const page = await open(375, javaScript)
      if (javaScript) {
        expect((await places(page)).every((note) => note.display === 'none')).toBe(true)
        for (const id of ['r1', 'r5', 'r10']) {
          await page.$eval(`#${id}`, (link) => link.scrollIntoView({block: 'center'}))
          await page.click(`#${id}`)
        }
      }
      await page.evaluate(() => document.querySelector('#sn1')!.scrollIntoView({block: 'center'}))
      await screenshot(page, `375-${javaScript ? 'js' : 'nojs'}`)
      const notes = (await places(page)).filter((note) => !javaScript || ['sn1', 'sn5', 'sn10'].includes(note.id))
      expect(notes.length).toBe(javaScript ? 3 : (await places(page)).length)
      const misplaced = notes.filter((note) => note.display !== 'block' || !note.full || note.note.top < note.call.bottom - 1 || note.note.top > note.call.bottom + 40 || note.note.right > note.width)
      expect(misplaced.map((note) => `${note.id}: ${Math.round(note.note.top - note.call.bottom)} px below its call`)).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
      await page.close()
    })

    it(`switches the whole text between the corrected and the printed reading, ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
      const page = await open(1440, javaScript)
      const reading = () => page.evaluate(() => ({
        text: document.querySelector<HTMLElement>('#p2')!.innerText,
        note: document.querySelector<HTMLElement>('#sn1')!.innerText,
        removed: document.querySelector<HTMLElement>('.reading-text')!.innerText.includes('NOTES IN THE MARGIN 13')
      }))
      const corrected = await reading()
      expect(corrected.text).toContain('gradually Shtykhov [sic]')
      expect(corrected.note).toMatch(/Delo 3, l\. 41/)
      expect(corrected.text).not.toContain('[12]')
      expect(corrected.removed).toBe(false)
      await page.click('label:has(#reading-original)')
      const printed = await reading()
      expect(printed.text).toContain('grad- ually Shtykhov')
      expect(printed.text).not.toContain('[sic]')
      expect(printed.note).toMatch(/Delo 3, 1\. 41/)
      expect(printed.text).toMatch(/\[12\]$/)
      expect(printed.removed).toBe(true)
      await screenshot(page, `1440-${javaScript ? 'js' : 'nojs'}-printed`)
      await page.click('label:has(#reading-corrected)')
      expect(await reading()).toEqual(corrected)
      await page.close()
    })
  }

  it('brings the notes of a dense paragraph nearer their calls with the script than the floats alone do', () => {
    expect(furthest.js).toBeDefined()
    expect(furthest.nojs).toBeDefined()
    expect(furthest.js!).toBeLessThan(furthest.nojs! * 0.75)
  })

  it('has no axe-core violations in either reading, nor with a printed reading shown', async () => {
    const page = await open(1440, true)
    // axe is injected as an inline script, which the page's CSP rightly refuses.
    await page.setBypassCSP(true)
    await page.reload({waitUntil: 'load'})
    await page.addScriptTag({path: path.resolve('node_modules/axe-core/axe.min.js')})
    const violations = async () => page.evaluate(async () => {
      const axe = (window as unknown as {axe: {run: (context: Document) => Promise<{violations: Array<{id: string}>}>}}).axe
      return (await axe.run(document)).violations.map((violation) => violation.id)
    })
    expect(await violations()).toEqual([])
    await page.click('label:has(#reading-original)')
    await page.focus('#e1')
    expect(await page.$eval('#e1-tip', (tip) => getComputedStyle(tip).display)).toBe('inline')
    expect(await violations()).toEqual([])
    await page.close()
  })

  it('keeps the chosen reading from page to page with the script', async () => {
    const page = await open(1440, true)
    await page.click('label:has(#reading-original)')
    await page.goto(url('aims-1993.html'), {waitUntil: 'load'})
    expect(await page.$eval('#reading-original', (input) => (input as HTMLInputElement).checked)).toBe(true)
    expect(await page.$eval('#e1', (element) => (element as HTMLElement).innerText)).toBe('grad- ually')
    await page.click('label:has(#reading-corrected)')
    await page.close()
  })

  it('reaches an emendation by keyboard, with a visible focus and the printed reading shown', async () => {
    const page = await open(1440, true)
    await page.focus('#p2 .pnum')
    for (let press = 0; press < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'e1'; press++) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('e1')
    const shown = await page.$eval('#e1', (element) => ({
      outline: getComputedStyle(element).outlineStyle,
      tip: getComputedStyle(element.querySelector('.emendation-tip')!).display,
      printed: (element.querySelector('.printed') as HTMLElement).innerText,
      font: getComputedStyle(element.querySelector('.printed')!).fontFamily
    }))
    expect(shown).toEqual({outline: 'solid', tip: 'inline', printed: 'grad- ually', font: expect.stringMatching(/mono/i)})
    await page.keyboard.press('Tab')
    expect(await page.$eval('#e1-tip', (tip) => getComputedStyle(tip).display)).toBe('none')
    // An emendation inside a citation link shows its printed reading while the link has the focus.
    await page.goto(url('aims-1993.html'), {waitUntil: 'load'})
    await page.focus('#r1')
    await page.keyboard.press('Tab')
    await page.focus('#n1 a.citation')
    expect(await page.$eval('#n1 a.citation .emendation-tip', (tip) => [getComputedStyle(tip).display, (tip as HTMLElement).innerText])).toEqual(['inline', ' (printed 1.; OCR: folio abbreviation)'])
    await page.close()
  })

  for (const javaScript of [true, false]) {
    it(`shows an emendation's printed reading on tap, ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
      const page = await open(375, javaScript, true)
      await page.$eval('#e1', (element) => element.scrollIntoView({block: 'center'}))
      await page.tap('#e1')
      expect(await page.$eval('#e1-tip', (tip) => getComputedStyle(tip).display)).toBe('inline')
      await page.close()
    })
  }

  it('searches as the reader types, the hit marked in its context and in the passage it leads to', async () => {
    const page = await browser.newPage()
    await blockNetwork(page)
    await page.goto(url('search.html'), {waitUntil: 'load'})
    await page.type('#search-input', 'Quelp', {delay: 30})
    await page.waitForSelector('#search-results mark')
    const result = await page.$eval('#search-results li', (item) => ({
      href: item.querySelector('a')!.getAttribute('href'),
      excerpt: item.querySelector('.search-excerpt')!.textContent ?? '',
      marks: [...item.querySelectorAll('mark')].map((mark) => mark.textContent)
    }))
    expect(result.href).toBe(`${slug}.html?hl=quelpart#p8`)
    expect(result.marks).toEqual(['Quelpart'])
    expect(result.excerpt.startsWith('…')).toBe(true)
    expect(result.excerpt.indexOf('Quelpart')).toBeLessThan(120)
    expect(await page.evaluate(() => location.search)).toBe('?q=Quelp')
    await page.click('#search-results a')
    await page.waitForSelector('#p8 mark.search-hit')
    expect(await page.$$eval('mark.search-hit', (marks) => marks.map((mark) => `${mark.closest('[id]')?.id}: ${mark.textContent}`))).toEqual(['p8: Quelpart'])
    await page.close()
  })
})
