import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildEdition} from '../../pipeline/build/edition.js'
import {progressReporter} from '../../pipeline/cli/progress.js'

function stream(isTTY: boolean) {
  const chunks: string[] = []
  return {chunks, write: (text: string) => chunks.push(text), isTTY, columns: 72}
}

describe('progress', () => {
  it('prints plain lines off a terminal: each stage’s start, every tenth, its end', () => {
    const out = stream(false)
    const report = progressReporter(out)
    report('documents', 0, 200, '')
    for (let done = 1; done <= 200; done++) report('documents', done, 200, `doc-${done}.txt`)
    report('html', 0, 3, '')
    for (let done = 1; done <= 3; done++) report('html', done, 3, `page-${done}.html`)
    const lines = out.chunks.join('').trimEnd().split('\n')
    expect(lines[0]).toBe('documents 0/200')
    expect(lines.filter((line) => line.startsWith('documents '))).toHaveLength(11)
    expect(lines).toContain('documents 100/200 doc-100.txt')
    expect(lines).toContain('documents 200/200 doc-200.txt')
    expect(lines.slice(-4)).toEqual(['html 0/3', 'html 1/3 page-1.html', 'html 2/3 page-2.html', 'html 3/3 page-3.html'])
    expect(out.chunks.join('')).not.toMatch(/\u001B/)
  })

  it('draws a task list on a terminal, redrawn in place, one line per stage', () => {
    const out = stream(true)
    const report = progressReporter(out)
    report('documents', 0, 2, '')
    report('documents', 2, 2, 'b.txt')
    report('format', 0, 1, '')
    report('format', 1, 1, 'entries')
    const last = out.chunks.at(-1) ?? ''
    // Back up over the two lines drawn before, then both stages again, finished.
    expect(last.startsWith('\u001B[2F')).toBe(true)
    const lines = last.split('\n').filter(Boolean).map((line) => line.replace(/\u001B\[\d*[A-Z]/g, ''))
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^✔ documents +\[#{24}\] +2\/2 b\.txt$/)
    expect(lines[1]).toMatch(/^✔ format +\[#{24}\] +1\/1 entries$/)
    report('html', 0, 1, 'a-page-with-a-name-far-too-long-for-the-terminal-width.html')
    const cut = (out.chunks.at(-1) ?? '').split('\n').filter(Boolean).map((line) => line.replace(/\u001B\[\d*[A-Z]/g, ''))
    expect(cut).toHaveLength(3)
    for (const line of cut) expect(line.length).toBeLessThan(72)
  })
})

describe('the build’s progress', () => {
  it('counts the site’s pages as the html stage writes them: each document, the four site pages and the search index', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'apparatus-progress-'))
    try {
      const sources = path.join(root, 'sources')
      mkdirSync(sources)
      writeFileSync(path.join(sources, 'harbour.txt'), 'The harbour ledger was kept by the clerk.[1]\n\nNotes\n\n[1] Mira Fenwick, The Ledgers of Saltmarsh (Dunmore: Gullwing Press, 1987), 44.\n')
      writeFileSync(path.join(sources, 'mill.txt'), 'The mill accounts survive in part.[1]\n\nNotes\n\n[1] Oskar Lindqvist, Wheels and Water (Harrowgate: Millrace Books, 2001), 9-12.\n')
      const reports: string[] = []
      const result = await buildEdition({sources, out: path.join(root, 'out'), formats: ['markdown', 'bib', 'html', 'tei', 'pandoc'], onProgress: (stage, done, total, label) => reports.push(`${stage} ${done}/${total}${label ? ` ${label}` : ''}`)})
      const slugs = result.documents.map(({meta}) => meta.slug)
      expect(slugs).toHaveLength(2)
      expect(reports.filter((line) => line.startsWith('html '))).toEqual([
        'html 0/7',
        ...slugs.map((slug, at) => `html ${at + 1}/7 ${slug}.html`),
        'html 3/7 archives.html',
        'html 4/7 search.html',
        'html 5/7 index.html',
        'html 6/7 bibliography.html',
        'html 7/7 assets/search-index.js'
      ])
      expect(result.outputs).toEqual(expect.arrayContaining(['html/assets/screen.css', ...slugs.flatMap((slug) => [`tei/${slug}.xml`, `pandoc/${slug}.md`])]))
    } finally {
      rmSync(root, {recursive: true, force: true})
    }
  })
})
