/** The five seeds of the first edition, measured against the hand-checked gold data. */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {FootnoteDefinition, Nodes, Root} from 'mdast'
import type {ContainerDirective, TextDirective} from 'mdast-util-directive'
import {visit} from 'unist-util-visit'
import {beforeAll, describe, expect, it} from 'vitest'
import {lostWords} from '../../pipeline/ingest/index.js'
import {parseDocument, stringifyDocument} from '../../pipeline/markdown/index.js'
import {bodyBlocks, ingestSeed, normalize, printed, seeds, textBefore, type SeedRun} from './helpers.js'

interface GoldNote {
  n: number
  refContext: string
  noteStart: string
  noteEnd: string
}
interface GoldJoin {
  before: string
  after: string
  joinWith?: string
  note?: number
}

const gold = new URL('../fixtures/gold/', import.meta.url).pathname
const notesGold: Record<string, {noteCount: number; notes: GoldNote[]}> = JSON.parse(readFileSync(join(gold, 'notes.json'), 'utf8'))
const joinsGold = JSON.parse(readFileSync(join(gold, 'paragraph_joins.json'), 'utf8'))

const runs = new Map<string, SeedRun>()
beforeAll(() => {
  for (const name of seeds) runs.set(name, ingestSeed(name))
})
const run = (name: string): SeedRun => {
  const value = runs.get(name)
  if (!value) throw new Error(`no run for ${name}`)
  return value
}

function definitions(tree: Root): FootnoteDefinition[] {
  return tree.children.filter((node): node is FootnoteDefinition => node.type === 'footnoteDefinition')
}

function directives(tree: Root, name: string): Array<TextDirective | ContainerDirective> {
  const out: Array<TextDirective | ContainerDirective> = []
  visit(tree, (node) => {
    if ((node.type === 'textDirective' || node.type === 'containerDirective') && node.name === name) out.push(node)
  })
  return out
}

function blockTexts(tree: Root): string[] {
  return bodyBlocks(tree).map((node) => normalize(printed(node)))
}

describe('ingest of the seeds', () => {
  it.each([
    ['000_2777fb99a9e7d315.txt', 94, 'superscript-page-notes'],
    ['001_1f59a4efa4a0bdca.txt', 81, 'bracketed-endnotes'],
    ['002_7c7138262c288e0f.txt', 26, 'word-footnote-refs'],
    ['003_496bc83017a56cd6.txt', 0, 'none'],
    ['004_83f24317834575db.txt', 0, 'none']
  ])('%s: %i notes, convention %s', (name, count, convention) => {
    const {result} = run(name)
    expect(definitions(result.tree)).toHaveLength(count)
    expect(result.meta.counts.notes).toBe(count)
    expect(result.meta.convention).toBe(convention)
    expect(notesGold[name]?.noteCount).toBe(count)
  })

  it.each(seeds)('%s: every reference has one note, every note a reference, in order', (name) => {
    const {result} = run(name)
    const labels = definitions(result.tree).map((node) => node.identifier)
    expect(new Set(labels).size).toBe(labels.length)
    expect(labels).toEqual(labels.map((_, index) => String(index + 1)))
    const references: string[] = []
    visit(result.tree, 'footnoteReference', (node) => {
      references.push(node.identifier)
    })
    const firsts = references.filter((label, index) => references.indexOf(label) === index)
    expect(firsts).toEqual(labels)
  })

  it.each(seeds)('%s: text before each reference, start and end of each note match the gold', (name) => {
    const {result} = run(name)
    const byLabel = new Map(definitions(result.tree).map((node) => [node.identifier, normalize(printed(node))]))
    const failures: string[] = []
    for (const note of notesGold[name]?.notes ?? []) {
      const label = String(note.n)
      const before = normalize(textBefore(result.tree, label) ?? '')
      const text = byLabel.get(label) ?? ''
      if (!before.endsWith(normalize(note.refContext))) failures.push(`${label} refContext: …${before.slice(-60)}`)
      if (!text.startsWith(normalize(note.noteStart))) failures.push(`${label} noteStart: ${text.slice(0, 60)}`)
      if (!text.endsWith(normalize(note.noteEnd))) failures.push(`${label} noteEnd: …${text.slice(-60)}`)
    }
    expect(failures).toEqual([])
  })

  it('000: page-broken paragraphs are rejoined, lead-ins to quotations are not', () => {
    const {result} = run('000_2777fb99a9e7d315.txt')
    const texts = blockTexts(result.tree)
    const entry = joinsGold['000_2777fb99a9e7d315.txt']
    const joins: GoldJoin[] = entry.joins
    expect(joins.length).toBeGreaterThan(20)
    for (const join of joins) {
      const joined = normalize(join.before + (join.joinWith ?? ' ') + join.after)
      expect(texts.some((text) => text.includes(joined)), joined).toBe(true)
    }
    for (const pair of entry.consideredNotJoined as GoldJoin[]) {
      const before = normalize(pair.before)
      const after = normalize(pair.after)
      const holder = texts.find((text) => text.includes(before))
      expect(holder, before).toBeDefined()
      expect(holder?.includes(after), `${before} | ${after}`).toBe(false)
    }
  })

  it('000: note 47, continued after a page break, is one note', () => {
    const {result, file} = run('000_2777fb99a9e7d315.txt')
    const note = definitions(result.tree).find((node) => node.identifier === '47')
    expect(note).toBeDefined()
    const text = normalize(printed(note as Nodes))
    for (const continuation of joinsGold['000_2777fb99a9e7d315.txt'].noteContinuations as GoldJoin[]) {
      expect(text).toContain(normalize(continuation.before + (continuation.joinWith ?? ' ') + continuation.after))
    }
    expect(blockTexts(result.tree).some((block) => block.includes('19 October 1946, about strikes'))).toBe(false)
    expect(file.messages.filter((message) => message.ruleId === 'note-continuation').map((message) => message.line)).toEqual([320])
  })

  it('000: the real hyphen of agitation-propaganda is kept', () => {
    const {result} = run('000_2777fb99a9e7d315.txt')
    expect(blockTexts(result.tree).some((text) => text.includes('Soviet agitation-propaganda work in the south.'))).toBe(true)
    expect(result.meta.counts.emendations.hyphenation ?? 0).toBe(0)
  })

  it('000: folios and fonds misread by OCR are emended in citations only', () => {
    const {result} = run('000_2777fb99a9e7d315.txt')
    const folioNotes = new Set<string>()
    const fondNotes = new Set<string>()
    for (const note of definitions(result.tree)) {
      visit(note, 'textDirective', (node) => {
        if (node.name !== 'emend') return
        if (node.attributes?.rule === 'ocr-folio') folioNotes.add(note.identifier)
        if (node.attributes?.rule === 'ocr-fond') fondNotes.add(note.identifier)
      })
    }
    expect([...folioNotes].map(Number).sort((a, b) => a - b)).toEqual([19, 27, 29, 31, 33, 35, 36, 37, 39, 40, 42, 43, 67, 73])
    expect([...fondNotes]).toEqual(['51', '53'])
    const body: Root = {type: 'root', children: result.tree.children.filter((node) => node.type !== 'footnoteDefinition')}
    expect(directives(body, 'emend')).toEqual([])
    expect(run('000_2777fb99a9e7d315.txt').markdown).toContain(':emend[l.]{orig="1." rule="ocr-folio"} 18-30')
    expect(run('000_2777fb99a9e7d315.txt').markdown).toContain(':emend[ll.]{orig="11." rule="ocr-folio"} 47-48')
  })

  it('000: numbered lists are lists; the working papers whose bullets were lost are one list', () => {
    const {result} = run('000_2777fb99a9e7d315.txt')
    const lists: Array<{ordered: boolean; items: string[]}> = []
    visit(result.tree, 'list', (node) => {
      lists.push({ordered: node.ordered === true, items: node.children.map((item) => normalize(printed(item)))})
    })
    const papers = lists.find((list) => list.items[0]?.startsWith('#1 Chen Jian'))
    expect(papers?.items).toHaveLength(24)
    expect(papers?.items[23]).toMatch(/^#24 John P\. C\. Matthews/)
    const ordered = lists.filter((list) => list.ordered)
    expect(ordered.length).toBeGreaterThanOrEqual(7)
    expect(ordered.some((list) => list.items[0]?.startsWith('Korea. The occupation of Korea'))).toBe(true)
  })

  it('000: title page and series list are front matter, "About the author" back matter', () => {
    const {result} = run('000_2777fb99a9e7d315.txt')
    const [front] = directives(result.tree, 'front-matter')
    const [back] = directives(result.tree, 'back-matter')
    expect(result.tree.children[0]).toBe(front)
    const frontText = normalize(printed(front as Nodes))
    expect(frontText).toContain('Working Paper No. 8')
    expect(frontText).toContain('#24 John P. C. Matthews')
    expect(frontText).not.toContain('The invasion of South Korea')
    expect(normalize(printed(back as Nodes))).toMatch(/^ABOUT THE AUTHOR Kathryn Weathersby, an assistant professor/)
  })

  it('000 and 001: authors’ errors are reported, not corrected', () => {
    const sic = (name: string) => run(name).file.messages.filter((message) => message.ruleId === 'possible-sic').map((message) => message.reason)
    expect(sic('000_2777fb99a9e7d315.txt').some((reason) => reason.includes('`Lozovsley`'))).toBe(true)
    expect(sic('001_1f59a4efa4a0bdca.txt').some((reason) => reason.includes('`Possiiskoi`'))).toBe(true)
    expect(run('000_2777fb99a9e7d315.txt').markdown).toContain('Lozovsley to Molotov')
    expect(run('001_1f59a4efa4a0bdca.txt').markdown).toContain('Possiiskoi')
  })

  it('001: Word comment anchors are removed into the apparatus; headings found', () => {
    const {result, markdown} = run('001_1f59a4efa4a0bdca.txt')
    const anchors = directives(result.tree, 'removed').map((node) => [node.attributes?.rule, normalize(printed(node))])
    expect(anchors).toEqual([['word-comment-anchor', '[EAM1]'], ['word-comment-anchor', '[EAM3]'], ['word-comment-anchor', '[EAM4]']])
    expect(markdown).toContain(':removed[\\[EAM1\\]]{rule="word-comment-anchor"}')
    expect(markdown).toContain('\u00A0')
    const headings: string[] = []
    visit(result.tree, 'heading', (node) => {
      headings.push(normalize(printed(node)))
    })
    expect(headings).toEqual(expect.arrayContaining(['The Political Context in 1950', 'The Impetus for Shifting Soviet Policy Toward Korea', 'The Calculations Underlying Stalin’s New Korea Policy', 'Concluding Remarks']))
  })

  it('000 and 001: paragraphs after a lead-in that announces a quotation are block quotes', () => {
    const quotes = (name: string) => {
      const out: string[] = []
      visit(run(name).result.tree, 'blockquote', (node) => {
        out.push(normalize(printed(node)).slice(0, 40))
      })
      return out
    }
    expect(quotes('000_2777fb99a9e7d315.txt')).toEqual(expect.arrayContaining(['The Government of the USSR, proceeding f', 'In light of the fact that the Soviet arm']))
    expect(quotes('001_1f59a4efa4a0bdca.txt')).toHaveLength(5)
    expect(quotes('003_496bc83017a56cd6.txt')).toEqual([])
  })

  it('002: the bookmark is removed, tabs are indentation, single newlines divide paragraphs', () => {
    const {result, raw} = run('002_7c7138262c288e0f.txt')
    const removed = directives(result.tree, 'removed').map((node) => [node.attributes?.rule, normalize(printed(node))])
    expect(removed).toEqual([['word-bookmark', '[bookmark: _GoBack]']])
    const texts = blockTexts(result.tree)
    const rawLines = raw.split('\n')
    for (const line of joinsGold['002_7c7138262c288e0f.txt'].otherFormattingNotes[1].lines as number[]) {
      const start = normalize(rawLines[line - 1]?.slice(0, 80) ?? '').slice(0, 40)
      expect(texts.some((text) => text.startsWith(start)), start).toBe(true)
    }
    expect(texts.some((text) => text.startsWith('Note: An earlier version of this paper'))).toBe(true)
    visit(result.tree, 'text', (node) => {
      expect(node.value.startsWith('\t')).toBe(false)
    })
  })

  it('003: heading and numbered list', () => {
    const {result} = run('003_496bc83017a56cd6.txt')
    const headings: string[] = []
    visit(result.tree, 'heading', (node) => {
      headings.push(normalize(printed(node)))
    })
    expect(headings).toContain('Directive to the Soviet Embassy in Korea')
    const lists: number[] = []
    visit(result.tree, 'list', (node) => {
      if (node.ordered) lists.push(node.children.length)
    })
    expect(lists).toEqual([3])
  })

  it('004: truncated, boilerplate removed, metadata line removed, the wrapped quotation one block quote', () => {
    const {result} = run('004_83f24317834575db.txt')
    const entry = joinsGold['004_83f24317834575db.txt']
    expect(result.meta.truncated).toBe(true)
    const removed = directives(result.tree, 'removed').map((node) => [node.attributes?.rule, normalize(printed(node))])
    expect(removed).toEqual([
      ['metadata-line', 'AuthorRees, David'],
      ['paywall', 'To continue reading Request your trial'],
      ['cookie-banner', normalize(entry.boilerplate[2].text)]
    ])
    const quotes: string[] = []
    visit(result.tree, 'blockquote', (node) => {
      quotes.push(normalize(printed(node)))
    })
    expect(quotes).toEqual([normalize(entry.lineWrappedBlockQuote.joined)])
    const body = bodyBlocks({type: 'root', children: result.tree.children.filter((node) => node.type !== 'containerDirective')})
    expect(normalize(printed(body[body.length - 1] as Nodes))).toMatch(/to embark on a course that might\.\.\.$/)
    const headings: string[] = []
    visit(result.tree, 'heading', (node) => {
      headings.push(normalize(printed(node)))
    })
    expect(headings).toEqual(entry.headingLines.map((line: {text: string}) => normalize(line.text)))
  })

  it('004 without a sidecar: metadata inferred, author from the metadata line', () => {
    const {result, file} = ingestSeed('004_83f24317834575db.txt', {sidecar: false})
    expect(result.meta.authors).toEqual(['David Rees'])
    expect(result.meta.slug).toBe('004-83f24317834575db')
    expect(result.meta.inferred).toEqual(['slug', 'title', 'authors', 'kind', 'language'])
    expect(file.messages.some((message) => message.ruleId === 'sidecar-missing')).toBe(true)
  })

  it.each(seeds)('%s: no word of the source is lost', (name) => {
    const {raw, markdown} = run(name)
    const lost = lostWords(raw, markdown)
    expect({source: name, lost: lost.length, words: lost.slice(0, 20)}).toEqual({source: name, lost: 0, words: []})
  })

  it('conservation notices a lost word', () => {
    expect(lostWords('one two two three', 'one two three')).toEqual(['two'])
    expect(lostWords('[footnoteRef:1] text¹', 'text[^1]')).toEqual([])
  })

  it.each(seeds)('%s: annotated Markdown round-trips and is deterministic', (name) => {
    const {markdown} = run(name)
    const parsed = parseDocument(markdown)
    expect(stringifyDocument(parsed.meta, parsed.tree)).toBe(markdown)
    expect(ingestSeed(name).markdown).toBe(markdown)
  })

  it('pandoc reads every output and finds the same notes', () => {
    const folder = mkdtempSync(join(tmpdir(), 'apparatus-ingest-'))
    for (const name of seeds) {
      const {markdown, result} = run(name)
      const path = join(folder, `${name}.md`)
      writeFileSync(path, markdown)
      const json = JSON.parse(execFileSync('pandoc', ['-f', 'markdown', '-t', 'json', path], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}))
      expect({name, notes: countNotes(json)}).toEqual({name, notes: result.meta.counts.notes})
    }
  })
})

function countNotes(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countNotes(item), 0)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    return (record.t === 'Note' ? 1 : 0) + Object.values(record).reduce((sum: number, item) => sum + countNotes(item), 0)
  }
  return 0
}
