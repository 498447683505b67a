/**
 * Editorial overrides in sidecars: note boundaries, citation fields and keys. Each is applied,
 * recorded as the editor's (apart from the automatic repairs) in the Markdown, citations.json
 * and the HTML apparatus, loses no word, and a wrong one is reported by name.
 */
import {readFileSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {toString} from 'hast-util-to-string'
import {beforeAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {buildEdition, type BuildResult} from '../../pipeline/build/edition.js'
import {ingestSource, lostWords} from '../../pipeline/ingest/index.js'
import {parseDocument, stringifyDocument} from '../../pipeline/markdown/index.js'
import {chapterToHast} from '../../pipeline/pdf/chapter.js'
import {loadSources} from '../../pipeline/build/sources.js'
import {printLabels} from '../../templates/pdf/labels.js'
import {attribute, elements} from '../html/pages.js'
import type {CitationOccurrence} from '../../pipeline/shared/types/citation.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'
import type {NoteOverride} from '../../pipeline/shared/types/document.js'

const hasClass = (element: Element, name: string) => attribute(element, 'className')?.split(' ').includes(name) === true

/** The text a reader sees in the corrected reading: without `hidden` elements (the original readings, the tips). */
function shownText(node: Root | Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' && child.properties.hidden === undefined ? shownText(child) : '')).join('')
}

/** The editorial decisions of a page, as read. */
function decisionsOf(tree: Root): string[] {
  const list = elements(tree, (element) => element.tagName === 'ol' && hasClass(element, 'editorial-list'))[0]
  return list ? list.children.flatMap((child) => (child.type === 'element' ? [toString(child)] : [])) : []
}

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'apparatus-overrides-'))
  await mkdir(path.join(dir, 'sources'))
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, 'sources', name), content)
  return dir
}

/** Superscript page notes: body text run into note 1, a lost marker (note 3), note 4 continued under a repeated number. */
const paper = `Soviet Aims Test

The body text of this paper goes on for a good while and cites an archival source here¹ and then the line is cut by the page bottom and the gov-

¹ AVP RF, Fond 07, Opis 23a, Delo 18, Papka 235, 1. 1-2. ernment in Moscow decided to wait, as the body goes on after the notes.

A new paragraph cites a book² and the same book again.³ It also cites a telegram.⁴

² Goncharov, Lewis and Xue, *Uncertain Partners* (Stanford: Stanford University Press, 1993), p. 12. 3 Ibid., p. 14.

⁴ Telegram from Shtykov to Vyshinsky, 19 January 1950, AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11,

Body text continues here with more words on the following page of the working paper, and it goes on.

⁴ l. 87-91.
`

const paperSidecar = `title: Soviet Aims Test
slug: a-paper
overrides:
  emendations:
    - {find: "12. 3", replace: "12.", reason: "the lost marker of note 3, misread as a digit"}
  notes:
    - {note: 1, end: "1. 1-2.", reason: "the body text after the page bottom was read as note 1"}
    - {note: 2, split: "Ibid., p. 14.", label: 3, reason: "the marker of note 3 was misread"}
    - {note: 4, mergeWith: 4, marker: removed, reason: "note 4 runs on to the next page, where its number is repeated"}
  citations:
    - {note: 2, citation: 1, csl: {author: ["Goncharov, Sergei N.", "Lewis, John W.", "Xue, Litai"], title: "Uncertain Partners: Stalin, Mao, and the Korean War"}, reason: "full names and subtitle from the title page"}
`

/** Bracketed endnotes whose last note runs into the back matter. */
const review = `Bracketed Test

The review cites the book.[1] It cites an interview.[2] And it cites the book again.[3]

Notes

[1] Sergei N. Goncharov, John W. Lewis and Xue Litai, *Uncertain Partners: Stalin, Mao, and the Korean War* (Stanford: Stanford University Press, 1993), p. 130.
[2] Interview with Gen. Nikolai Lomov, 2 May 1991.
[3] Goncharov, Lewis and Xue, *Uncertain Partners*, 2nd printing (Stanford: Stanford University Press, 1994), p. 131. The review then goes on about the book at length in its own words.

About the author: a historian of the war.
`

const reviewSidecar = `title: Bracketed Test
slug: b-review
overrides:
  notes:
    - {note: 3, end: "p. 131.", reason: "the endnotes end here"}
  citations:
    - {note: 2, citation: 1, csl: {type: interview, author: ["Lomov, Nikolai"], title: "Interview with the author", issued: "1991-05-02"}, reason: "an interview the grammar read as a document"}
    - {note: 3, citation: 1, key: goncharov1993uncertain, reason: "the same work as the book of a-paper"}
    - {note: 1, citation: 1, key: goncharov1993uncertain-edition, reason: "kept apart for the test"}
`

const bad = `Bad Overrides

A short text with one note.[1]

[1] Kathryn Weathersby, *Soviet Aims in Korea* (Washington, 1993), p. 5.
`

const badSidecar = `title: Bad Overrides
slug: c-bad
overrides:
  notes:
    - {note: 9, end: "anything", reason: "no such note"}
    - {note: 1, end: "not in the note", reason: "no such passage"}
    - {note: 1, mergeWith: 2, reason: "no note 2"}
  citations:
    - {note: 1, citation: 5, key: nothing, reason: "no such citation"}
    - {note: 42, citation: 1, key: nothing, reason: "no such note"}
`

describe('editorial overrides in a build', () => {
  let result: BuildResult
  let out: string
  const read = (file: string) => readFile(path.join(out, file), 'utf8')
  const markdownOf = (slug: string) => readFileSync(path.join(out, 'markdown', `${slug}.md`), 'utf8')
  const messagesOf = (name: string) => result.files.filter((file) => file.path.endsWith(name)).flatMap((file) => file.messages)

  beforeAll(async () => {
    const dir = await folder({'a-paper.txt': paper, 'a-paper.yml': paperSidecar, 'b-review.txt': review, 'b-review.yml': reviewSidecar, 'c-bad.txt': bad, 'c-bad.yml': badSidecar})
    out = path.join(dir, 'output')
    result = await buildEdition({sources: path.join(dir, 'sources'), out, formats: ['markdown', 'bib', 'html']})
  }, 60_000)

  it('ends a note where the editor says and returns the rest to the body, inside the sentence it continues', () => {
    const markdown = markdownOf('a-paper')
    const [, body = '', notes = ''] = /^---\n[\s\S]*?\n---\n([\s\S]*?)\n(\[\^1\]:[\s\S]*)$/.exec(markdown) ?? []
    // The word broken at the page bottom is mended across the moved boundary.
    expect(body).toContain('page bottom and the :emend[government]{orig="gov-ernment" rule="hyphenation"}:boundary{change="from-note" note="1" rule="editorial" reason="the body text after the page bottom was read as note 1"} in Moscow decided to wait')
    expect(notes).toMatch(/^\[\^1\]: :cite\[AVP RF, Fond 07, Opis 23a, Delo 18, Papka 235, :emend\[l\.\]\{orig="1\." rule="ocr-folio"\} 1-2\]\{[^}]*\}\.:boundary\{change="to-body" note="1" rule="editorial" reason="the body text after the page bottom was read as note 1"\}\n/)
    expect(notes).not.toContain('Moscow')
  })

  it('ends the last endnote before the back matter, which becomes body text', () => {
    const markdown = markdownOf('b-review')
    expect(markdown).toContain('\n:boundary{change="from-note" note="3" rule="editorial" reason="the endnotes end here"}The review then goes on about the book at length in its own words.\n\nAbout the author: a historian of the war.\n\n[^1]:')
    expect(markdown).toMatch(/\[\^3\]: :cite\[[^\n]*p\. 131\]\{[^}]*\}\.:boundary\{change="to-body" note="3"[^}]*\}\n$/)
  })

  it('splits a note at a lost marker, so the reference finds its note', () => {
    const markdown = markdownOf('a-paper')
    expect(markdown).toContain('[^3]: :boundary{change="split" note="2" rule="editorial" reason="the marker of note 3 was misread"}:cite[Ibid., p. 14]')
    expect(messagesOf('a-paper.txt').map((message) => message.ruleId)).not.toContain('reference-without-note')
    // The Ibid. of the note split off resolves to the book of note 2.
    const occurrences = result.bibliography.occurrences.filter((occurrence) => occurrence.document === 'a-paper')
    expect(occurrences.find((occurrence) => occurrence.note === 3)?.key).toBe(occurrences.find((occurrence) => occurrence.note === 2)?.key)
  })

  it('merges a note continued under a repeated number, its number kept as a removed artifact', () => {
    const markdown = markdownOf('a-paper')
    expect(markdown).toContain('Papka 11, :boundary{change="merge" note="4" rule="editorial" reason="note 4 runs on to the next page, where its number is repeated"}:removed[⁴]{rule="editorial"} l. 87-91]')
    expect(markdown.match(/^\[\^4\]:/gm)).toHaveLength(1)
    const rules = messagesOf('a-paper.txt').map((message) => message.ruleId)
    expect(rules).not.toContain('duplicate-note-number')
    const telegram = result.bibliography.occurrences.find((occurrence) => occurrence.document === 'a-paper' && occurrence.note === 4)
    expect(telegram).toMatchObject({locator: '87-91', label: 'folio'})
  })

  it('writes Markdown that reads back the same, marks and all', () => {
    for (const slug of ['a-paper', 'b-review']) {
      const markdown = markdownOf(slug)
      const parsed = parseDocument(markdown)
      expect(stringifyDocument(parsed.meta, parsed.tree)).toBe(markdown)
    }
  })

  it('loses no word of any source', () => {
    expect(result.files.flatMap((file) => file.messages).map((message) => message.ruleId)).not.toContain('words-lost')
    expect(lostWords(paper, markdownOf('a-paper'))).toEqual([])
    expect(lostWords(review, markdownOf('b-review'))).toEqual([])
  })

  it('replaces parsed CSL fields and records the fix on the :cite directive and in citations.json', async () => {
    const items: CslItem[] = JSON.parse(await read('bib/bibliography.json'))
    const occurrences: CitationOccurrence[] = JSON.parse(await read('bib/citations.json'))
    const book = occurrences.find((occurrence) => occurrence.document === 'a-paper' && occurrence.note === 2)
    expect(book?.override).toEqual({fields: ['author', 'title'], reason: 'full names and subtitle from the title page'})
    const item = items.find((entry) => entry.id === book?.key)
    expect(item?.author).toEqual([{family: 'Goncharov', given: 'Sergei N.'}, {family: 'Lewis', given: 'John W.'}, {family: 'Xue', given: 'Litai'}])
    expect(item?.title).toBe('Uncertain Partners: Stalin, Mao, and the Korean War')
    // Parsed fields the editor did not give are kept.
    expect(item?.publisher).toBe('Stanford University Press')
    expect(markdownOf('a-paper')).toMatch(/:cite\[Goncharov, Lewis and Xue, [^\n]*\]\{key="goncharov1993uncertain" locator="12" label="page" override="author title" reason="full names and subtitle from the title page"\}/)

    const interview = occurrences.find((occurrence) => occurrence.document === 'b-review' && occurrence.note === 2)
    const lomov = items.find((entry) => entry.id === interview?.key)
    expect(lomov).toMatchObject({type: 'interview', author: [{family: 'Lomov', given: 'Nikolai'}], title: 'Interview with the author', issued: {'date-parts': [[1991, 5, 2]]}})
    expect(interview?.override?.fields).toEqual(['type', 'author', 'title', 'issued'])
    // Citations without an override carry none.
    expect(occurrences.filter((occurrence) => !occurrence.override).every((occurrence) => !('override' in occurrence))).toBe(true)
  })

  it('forces bibliography keys: onto an existing entry (merge) and onto a new one (split)', async () => {
    const items: CslItem[] = JSON.parse(await read('bib/bibliography.json'))
    const occurrences: CitationOccurrence[] = JSON.parse(await read('bib/citations.json'))
    const keyOf = (document: string, note: number) => occurrences.find((occurrence) => occurrence.document === document && occurrence.note === note)?.key
    // A different printing of the book joins the book's entry; the same work in full is kept apart.
    expect(keyOf('b-review', 3)).toBe('goncharov1993uncertain')
    expect(keyOf('a-paper', 2)).toBe('goncharov1993uncertain')
    expect(keyOf('b-review', 1)).toBe('goncharov1993uncertain-edition')
    const split = items.find((item) => item.id === 'goncharov1993uncertain-edition')
    expect(split).toMatchObject({type: 'book', title: 'Uncertain Partners: Stalin, Mao, and the Korean War'})
    expect(items.filter((item) => item.id.startsWith('goncharov1993uncertain')).map((item) => item.id).sort()).toEqual(['goncharov1993uncertain', 'goncharov1993uncertain-edition'])
    expect(markdownOf('b-review')).toContain('{key="goncharov1993uncertain-edition" locator="130" label="page" override="key" reason="kept apart for the test"}')
  })

  it('lists the editor’s decisions apart from the automatic repairs in the HTML apparatus', async () => {
    const tree = fromHtml(await read('html/a-paper.html'))
    const decisions = decisionsOf(tree)
    expect(decisions).toEqual([
      '¶ 1 · note boundary: text the source prints in note 1, returned to the body. Reason: the body text after the page bottom was read as note 1',
      'note 1 · note boundary: body text that the source prints in note 1 was taken out here. Reason: the body text after the page bottom was read as note 1',
      'note 2 · citation: “Goncharov, Lewis and Xue, Uncertain Partners (Stanford: Stanford University Press, 1993), p. 12.”: author, title set by the editor. Reason: full names and subtitle from the title page',
      'note 2 · emendation: “12. 3” corrected to “12.”. Reason: the lost marker of note 3, misread as a digit',
      'note 3 · note boundary: note split off note 2 here. Reason: the marker of note 3 was misread',
      'note 4 · note boundary: note 4 continues this note from here. Reason: note 4 runs on to the next page, where its number is repeated'
    ])
    // The OCR and hyphenation repairs are in the emendations table, not among the decisions.
    const rows = elements(tree, (element) => element.tagName === 'tr' && attribute(element, 'id')?.startsWith('app-e') === true)
    const rules = rows.map((row) => toString(row.children.filter((child) => child.type === 'element')[2] ?? row))
    expect(rules).toEqual(['line-end hyphenation', 'OCR: folio abbreviation', 'editorial correction'])
    expect(decisions.join(' ')).not.toMatch(/OCR|hyphenation/)
    // The marks themselves print nothing in the reading text.
    const text = elements(tree, (element) => hasClass(element, 'reading-text'))[0]
    expect(text && shownText(text)).toContain('the government in Moscow decided to wait')
    expect(text && toString(text)).not.toContain('boundary')
    const review = fromHtml(await read('html/b-review.html'))
    expect(decisionsOf(review)).toContainEqual('note 3 · citation: “Goncharov, Lewis and Xue, Uncertain Partners, 2nd printing (Stanford: Stanford University Press, 1994), p. 131”: key `goncharov1993uncertain` set by the editor. Reason: the same work as the book of a-paper')
    // A document without overrides has no such section.
    expect(elements(fromHtml(await read('html/c-bad.html')), (element) => attribute(element, 'id') === 'editorial')).toEqual([])
    expect(messagesOf('a-paper.txt').map((message) => message.ruleId)).not.toContain('unknown-directive')
  })

  it('prints nothing of the marks in the PDF chapter', () => {
    const {meta, tree} = parseDocument(markdownOf('a-paper'))
    const file = new VFile()
    const chapter = chapterToHast(meta, tree, {labels: printLabels('en'), entryKeys: new Set(result.bibliography.items.map((item) => item.id)), keyOfRef: () => undefined, file})
    expect(file.messages.map((message) => message.ruleId)).not.toContain('unknown-directive')
    expect(toHtml(chapter.element)).not.toContain('boundary')
    expect(toHtml(chapter.element)).toContain('government')
  })

  it('reports each override that matches nothing, by note and passage', () => {
    const reported = messagesOf('c-bad.txt').filter((message) => message.ruleId?.endsWith('override-not-found')).map((message) => `${message.ruleId}: ${message.reason}`)
    expect(reported).toEqual([
      'note-override-not-found: Unexpected override of note 9, expected the number of a note of the source',
      'note-override-not-found: Unexpected end `not in the note` that is not in note 1, expected an exact passage of one paragraph of the note',
      'note-override-not-found: Unexpected merge of note 2 into note 1: no note 2 follows it, expected a later note with that number',
      'citation-override-not-found: Unexpected override of citation 5 in note 1, expected a citation from 1 to 1 of note 1',
      'citation-override-not-found: Unexpected override of citation 1 in note 42, expected a note of the document (there is no note 42)'
    ])
    expect(messagesOf('c-bad.txt').find((message) => message.ruleId === 'note-override-not-found' && message.reason.includes('not in the note'))?.line).toBe(5)
    // The document is built as if the overrides were not there.
    expect(markdownOf('c-bad')).toContain('[^1]: :cite[Kathryn Weathersby')
  })
})

describe('note boundaries in ingest', () => {
  function ingest(text: string, notes: NoteOverride[]) {
    const file = new VFile({path: 'sources/x.txt'})
    const result = ingestSource({path: 'sources/x.txt', bytes: new TextEncoder().encode(text), sidecar: {title: 'X', overrides: {notes}}}, file)
    if (!result) throw new Error('refused')
    return {markdown: stringifyDocument(result.meta, result.tree), file}
  }

  const endnotes = `A Paper

The text cites a book.[1] And an archive.[2]

[1] Kathryn Weathersby, *Soviet Aims in Korea* (Washington, 1993), p. 5. This sentence is the author's aside, printed in the body of the original. Ibid., p. 6.
[2] AVP RF, Fond 07, Opis 23a, Delo 18, Papka 235.
`

  it('returns only the stretch between `end` and `resume` to the body', () => {
    const {markdown, file} = ingest(endnotes, [{note: '1', end: 'p. 5.', resume: 'Ibid.', reason: 'an aside of the body'}])
    expect(markdown).toContain('[^1]: Kathryn Weathersby, *Soviet Aims in Korea* (Washington, 1993), p. 5.:boundary{change="to-body" note="1" rule="editorial" reason="an aside of the body"} Ibid., p. 6.\n')
    expect(markdown).toContain(`:boundary{change="from-note" note="1" rule="editorial" reason="an aside of the body"}This sentence is the author's aside`)
    expect(lostWords(endnotes, markdown)).toEqual([])
    expect(file.messages.filter((message) => message.ruleId === 'note-override-not-found')).toEqual([])
  })

  it('keeps a merged note’s number as text by default', () => {
    const text = 'A Paper\n\nThe text cites a book.[1] And more.\n\n[1] Kathryn Weathersby, *Soviet Aims in Korea* (Washington, 1993), p. 5, and\n[2] the list of documents in the appendix.\n'
    const {markdown} = ingest(text, [{note: '1', mergeWith: '2', reason: 'a numbered point, not a note'}])
    expect(markdown).toContain('p. 5, and :boundary{change="merge" note="2" rule="editorial" reason="a numbered point, not a note"}\\[2] the list of documents')
    expect(markdown).not.toContain('[^2]:')
    expect(lostWords(text, markdown)).toEqual([])
  })

  it('splits at a passage that runs over a line end, numbering the new note next by default', () => {
    const text = 'A Paper\n\nThe text cites a book¹ and cites it again.² The end of the paper is here.\n\n¹ Kathryn Weathersby, *Soviet Aims in Korea* (Washington, 1993), p. 5. Ibid.,\np. 6.\n'
    const {markdown, file} = ingest(text, [{note: '1', split: 'Ibid., p. 6.', reason: 'the marker of note 2 was lost'}])
    expect(markdown).toContain('[^1]: Kathryn Weathersby, *Soviet Aims in Korea* (Washington, 1993), p. 5.\n')
    expect(markdown).toContain('[^2]: :boundary{change="split" note="1" rule="editorial" reason="the marker of note 2 was lost"}Ibid., p. 6.\n')
    expect(file.messages.map((message) => message.ruleId)).not.toContain('reference-without-note')
    expect(lostWords(text, markdown)).toEqual([])
  })

  it('leaves Markdown footnotes to the source, saying so', () => {
    const {file, markdown} = ingest('# A Paper\n\nText.[^1]\n\n[^1]: A note. More of it.\n', [{note: '1', end: 'A note.', reason: 'r'}])
    expect(file.messages.filter((message) => message.ruleId === 'note-override-not-found').map((message) => message.reason)).toEqual([
      'Unexpected override of note 1 in Markdown footnotes, expected a source whose notes ingest delimits'
    ])
    expect(markdown).toContain('[^1]: A note. More of it.')
  })

  it('refuses a split at the very start of a note and an `end` with nothing after it', () => {
    const {file} = ingest(endnotes, [{note: '2', split: 'AVP RF', reason: 'x'}, {note: '2', end: 'Papka 235.', reason: 'y'}])
    expect(file.messages.filter((message) => message.ruleId === 'note-override-not-found').map((message) => message.reason)).toEqual([
      'Unexpected split `AVP RF` at the start of note 2, expected an exact passage of one paragraph of the note',
      'Unexpected end `Papka 235.` with nothing after it in note 2, expected an exact passage of one paragraph of the note'
    ])
  })
})

describe('sidecar validation of overrides', () => {
  async function sidecarMessages(yaml: string): Promise<string[]> {
    const dir = await folder({'a.txt': 'Text.[1]\n\n[1] A note.\n', 'a.yml': yaml})
    const loaded = await loadSources(path.join(dir, 'sources'))
    expect(loaded.sources[0]?.input.sidecar).toBeUndefined()
    return loaded.sources[0]?.sidecarFile?.messages.map((message) => `${message.line}:${message.ruleId}:${message.reason}`) ?? []
  }

  it('accepts the documented shapes and reads names and dates written for people', async () => {
    const dir = await folder({'a.txt': 'Text.', 'a.yml': 'overrides:\n  notes:\n    - {note: 47, end: "on", resume: "19 October", reason: "r"}\n    - {note: "12", split: "Ibid.", label: 13, reason: "r"}\n    - {note: 20, mergeWith: 21, marker: removed, reason: "r"}\n  citations:\n    - {note: 26, citation: 1, csl: {type: book, author: ["Goncharov, Sergei N.", "Woodrow Wilson Center"], issued: 1993, volume: 2, page: null}, key: goncharov1993uncertain, locator: 45, label: page, reason: "r"}\n'})
    const loaded = await loadSources(path.join(dir, 'sources'))
    expect(loaded.sources[0]?.sidecarFile?.messages).toEqual([])
    const overrides = loaded.sources[0]?.input.sidecar?.overrides
    expect(overrides?.notes).toEqual([
      {note: '47', end: 'on', resume: '19 October', reason: 'r'},
      {note: '12', split: 'Ibid.', label: '13', reason: 'r'},
      {note: '20', mergeWith: '21', marker: 'removed', reason: 'r'}
    ])
    expect(overrides?.citations).toEqual([{
      note: 26, citation: 1, reason: 'r', key: 'goncharov1993uncertain', locator: '45', label: 'page',
      csl: {type: 'book', author: [{family: 'Goncharov', given: 'Sergei N.'}, {literal: 'Woodrow Wilson Center'}], issued: {'date-parts': [[1993]]}, volume: '2', page: null}
    }])
  })

  it('names the field and line of a wrong note override', async () => {
    const messages = await sidecarMessages('title: A\noverrides:\n  notes:\n    - {note: 1, end: "x", split: "y", reason: "r"}\n    - {note: 2, resume: "z", mergeWith: 3, reason: "r"}\n    - {note: 3, end: "x"}\n')
    expect(messages).toEqual([
      '4:sidecar-invalid:Unexpected value for `overrides.notes.0`: expected exactly one of `end`, `split` or `mergeWith`, found end and split',
      '5:sidecar-invalid:Unexpected value for `overrides.notes.1.resume`: expected `resume` only with `end`',
      '6:sidecar-invalid:Unexpected value for `overrides.notes.2.reason`: Required'
    ])
  })

  it('names the field and line of a wrong citation override, down to the CSL variable', async () => {
    const messages = await sidecarMessages('title: A\noverrides:\n  citations:\n    - {note: 1, citation: first, key: k, reason: r}\n    - {note: 1, citation: 1, csl: {type: novel, titel: T, author: [{family: X, first: Y}]}, reason: r}\n    - {note: 1, citation: 1, key: "Bad Key", reason: r}\n    - {note: 1, citation: 1, reason: r}\n')
    expect(messages).toEqual([
      expect.stringMatching(/^4:sidecar-invalid:Unexpected value for `overrides\.citations\.0\.citation`: Expected number, received string/),
      expect.stringMatching(/^5:sidecar-invalid:Unexpected value for `overrides\.citations\.1\.csl\.type`: .*'book'/),
      '5:sidecar-invalid:Unexpected value for `overrides.citations.1.csl.titel`: expected a CSL-JSON variable such as `type`, `title`, `author`, `container-title` or `issued`',
      expect.stringMatching(/^5:sidecar-invalid:Unexpected value for `overrides\.citations\.1\.csl\.author\.0`: /),
      '6:sidecar-invalid:Unexpected value for `overrides.citations.2.key`: a key of lowercase letters, digits and single hyphens',
      '7:sidecar-invalid:Unexpected value for `overrides.citations.3`: expected at least one of `csl`, `key`, `locator` or `label`'
    ])
  })
})
