/**
 * The corpus of bad inputs built together in one edition: every readable source still builds,
 * each bad one gets a diagnostic with file, position and rule id, no word is lost, the Markdown
 * round-trips, and the HTML shows hostile text as text.
 */
import {existsSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildEdition, type BuildResult} from '../../pipeline/build/edition.js'
import {lostWords} from '../../pipeline/ingest/index.js'
import {parseDocument, stringifyDocument} from '../../pipeline/markdown/index.js'
import {corpus, type CorpusCase} from './cases.js'
import {addUnreadable, htmlDangers, mainText, sourceText, stackTrace, tempDir, unreadableNames, writeSources} from './helpers.js'

const root = tempDir('corpus')
const sources = writeSources(corpus, path.join(root, 'sources'))
const out = path.join(root, 'output')
let result: BuildResult

beforeAll(async () => {
  addUnreadable(sources)
  result = await buildEdition({sources, out, formats: ['markdown', 'bib', 'html']})
})

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

const stemOf = (name: string) => name.replace(/\.[^.]+$/, '')

/** The source file and sidecar file of a case. */
function filesOf(item: CorpusCase): VFile[] {
  return result.files.filter((file) => [item.name, `${stemOf(item.name)}.yml`].includes(path.basename(file.path)))
}

function documentOf(item: CorpusCase) {
  return result.documents.find((document) => path.basename(document.meta.source) === item.name)
}

describe('a corpus of bad inputs', () => {
  it('builds every readable source and refuses only the ones that are not text', () => {
    const built = result.documents.map((document) => path.basename(document.meta.source)).sort()
    const expected = corpus.filter((item) => item.builds).map((item) => item.name).sort()
    expect(built).toEqual(expected)
    for (const item of corpus.filter((entry) => !entry.builds)) {
      const errors = filesOf(item).flatMap((file) => file.messages).filter((message) => message.fatal === true)
      expect(errors.length, item.name).toBeGreaterThan(0)
    }
  })

  it.each(corpus.filter((item) => item.rules.length > 0).map((item) => [item.name, item] as const))('%s: reports its rules with file and position', (_name, item) => {
    const messages = filesOf(item).flatMap((file) => file.messages)
    for (const ruleId of item.rules) {
      const message = messages.find((candidate) => candidate.ruleId === ruleId)
      expect(message, `${item.name}: ${ruleId}`).toBeDefined()
      expect(message?.file).toMatch(new RegExp(`${stemOf(item.name).replace(/[.]/g, '\\.')}\\.(?:txt|md|yml)$`))
      expect(message?.line, `${item.name}: ${ruleId} line`).toBeGreaterThanOrEqual(1)
      expect(message?.column, `${item.name}: ${ruleId} column`).toBeGreaterThanOrEqual(1)
    }
  })

  it('gives reasons, never stack traces, and no word is reported lost', () => {
    const messages = result.files.flatMap((file) => file.messages)
    expect(messages.length).toBeGreaterThan(0)
    for (const message of messages) {
      expect(message.reason).not.toMatch(stackTrace)
      expect(message.ruleId, message.reason).toBeDefined()
    }
    expect(messages.filter((message) => message.ruleId === 'words-lost').map((message) => message.file)).toEqual([])
  })

  it.each(corpus.filter((item) => item.builds).map((item) => [item.name, item] as const))('%s: keeps every word and round-trips', (_name, item) => {
    const document = documentOf(item)
    if (!document) throw new Error(`${item.name} was not built`)
    const written = readFileSync(path.join(out, 'markdown', `${document.meta.slug}.md`), 'utf8')
    expect(lostWords(sourceText(document.file.path), written)).toEqual([])
    const reread = parseDocument(written)
    expect(stringifyDocument(reread.meta, reread.tree)).toBe(written)
    // Raw HTML of any source is text in the pivot, so pandoc and other readers get no markup.
    const html: string[] = []
    visit(reread.tree, 'html', (node) => {
      html.push(node.value)
    })
    expect(html).toEqual([])
  })

  it.each(corpus.filter((item) => item.builds).map((item) => [item.name, item] as const))('%s: HTML shows the text and runs nothing', (_name, item) => {
    const document = documentOf(item)
    if (!document) throw new Error(`${item.name} was not built`)
    const html = readFileSync(path.join(out, 'html', `${document.meta.slug}.html`), 'utf8')
    expect(htmlDangers(html)).toEqual([])
    const text = mainText(html)
    for (const visible of item.visible ?? []) expect(text, item.name).toContain(visible)
  })

  it('keeps the pages that gather every document free of injected code', () => {
    for (const page of ['index.html', 'bibliography.html', 'archives.html', 'search.html']) {
      expect(htmlDangers(readFileSync(path.join(out, 'html', page), 'utf8')), page).toEqual([])
    }
    const index = readFileSync(path.join(out, 'html', 'search.html'), 'utf8')
    expect(index).not.toMatch(/<script>alert/)
  })

  it('has an HTML check that finds each kind of danger', () => {
    const page = '<html><head><script src="assets/notes.js"></script></head><body><main><p onclick="x">a</p><script>1</script><a href=" JaVa\tScript:x">b</a><iframe src="y"></iframe></main></body></html>'
    expect(htmlDangers(page)).toEqual(['p[onClick]', '<script> (inline)', 'a[href= JaVa\tScript:x]', '<iframe>'])
    expect(mainText(page)).toBe('a1b')
  })

  it('skips unreadable entries without failing the build', () => {
    for (const name of unreadableNames) {
      expect(result.documents.some((document) => path.basename(document.meta.source) === name)).toBe(false)
      const messages = result.files.filter((file) => path.basename(file.path) === name).flatMap((file) => file.messages)
      expect(messages.map((message) => message.ruleId)).toEqual(['source-unreadable'])
      expect(messages[0]?.reason).toMatch(/named like a source/)
    }
    expect(existsSync(path.join(out, 'html', 'good.html'))).toBe(true)
  })
})
