/** The print HTML of a chapter, the bibliography and the archival index (no browser). */
import {toHtml} from 'hast-util-to-html'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {printLabels} from '../../templates/pdf/labels.js'
import {parseDocument} from '../../pipeline/markdown/index.js'
import {archivalIndexToHast, bibliographyToHast, documentLabel} from '../../pipeline/pdf/back-matter.js'
import {readerDocument} from '../../pipeline/pdf/book.js'
import {chapterToHast, type Chapter} from '../../pipeline/pdf/chapter.js'
import type {CitationOccurrence, FormattedEntry} from '../../pipeline/shared/types/citation.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'
import type {DocumentMeta} from '../../pipeline/shared/types/document.js'

const labels = printLabels('en')

function frontMatter(extra = ''): string {
  return `---\ntitle: "A Test Paper"\nslug: "test-paper"\nauthors: ["Jane Roe"]\ndate: "1995-03"\nkind: "article"\nlanguage: "en"\ntruncated: false\nsource: "sources/x.txt"\nsha256: "x"\nconvention: "markdown-footnotes"\ncounts: {notes: 0, paragraphs: 0, emendations: {}, removed: {}}\n${extra}---\n\n`
}

function chapter(markdown: string, options: {keys?: string[]; refs?: Record<string, string>; edit?: (tree: Root) => void} = {}): {chapter: Chapter; html: string; file: VFile; meta: DocumentMeta} {
  const {meta, tree} = parseDocument(markdown)
  options.edit?.(tree)
  const file = new VFile()
  const result = chapterToHast(meta, tree, {
    labels,
    entryKeys: new Set(options.keys ?? []),
    keyOfRef: (ref) => options.refs?.[ref],
    file
  })
  return {chapter: result, html: toHtml(result.element), file, meta}
}

describe('chapterToHast', () => {
  it('prints each note as a span at its call, its first paragraph run on after the number', () => {
    const {chapter: result, html} = chapter(`${frontMatter()}Text before the call.[^1] More text.[^2]\n\n[^1]: First note.\n\n[^2]: Second note, first paragraph.\n\n    Second paragraph.\n`)
    expect(result.notes).toEqual(['1', '2'])
    expect(html).toContain('Text before the call.<a class="note-call" href="#note-test-paper-1" id="call-test-paper-1">1</a><span class="note" data-note="1"><span class="note-number" id="note-test-paper-1">1</span> <span class="nb-lead">First note.</span></span>')
    expect(html).toContain('<span class="nb-lead">Second note, first paragraph.</span>')
    expect(html).toContain('<span class="nb nb-p">Second paragraph.</span>')
    const note = html.indexOf('<span class="note"')
    expect(html.slice(note, html.indexOf('</p>', note))).not.toContain('<p')
  })

  it('prints a note called twice once, and links the second call to it', () => {
    const {chapter: result, html} = chapter(`${frontMatter()}One.[^1] Two.[^1]\n\n[^1]: The note.\n`)
    expect(result.notes).toEqual(['1'])
    expect(html.match(/class="note"/g)).toHaveLength(1)
    expect(html.match(/href="#note-test-paper-1"/g)).toHaveLength(2)
  })

  it('reports a call without a note, and prints a note without a call after the chapter', () => {
    // micromark reads `[^9]` without a definition as text, so the stray call is added to the tree.
    const {chapter: result, html, file} = chapter(`${frontMatter()}Called.[^1] Missing.\n\n[^1]: Called note.\n\n[^2]: Orphan note.\n`, {
      edit: (tree) => {
        const paragraph = tree.children[0]
        if (paragraph?.type === 'paragraph') paragraph.children.push({type: 'footnoteReference', identifier: '9', label: '9'})
      }
    })
    expect(file.messages.map((message) => message.ruleId)).toEqual(['pdf-note-undefined', 'note-uncalled'])
    expect(html).toContain('<sup class="note-call note-undefined">9</sup>')
    expect(result.notes).toEqual(['1'])
    expect(result.endnotes).toEqual(['2'])
    expect(html).toContain('Notes without a call in the text')
    expect(html).toContain('<span class="nb-lead">Orphan note.</span>')
  })

  it('marks emendations and lists them, with the reading of the source, in the apparatus', () => {
    const {html} = chapter(`${frontMatter()}The :emend[correct]{orig="corect" rule="editorial"} word.[^1]\n\n[^1]: AVP RF, Fond 0430, :emend[l.]{orig="1." rule="ocr-folio"} 18-30.\n`)
    expect(html).toContain('<span class="emend" id="em-test-paper-0">correct</span>')
    expect(html).toContain('<span class="emend" id="em-test-paper-1">l.</span>')
    expect(html).toContain('<span class="app-ref"><a class="app-page" href="#em-test-paper-0" data-page-ref>p.</a></span> <span class="lemma">correct</span>] <span class="reading">corect</span> <span class="app-rule">editorial correction</span>')
    expect(html).toContain('<span class="app-ref"><a class="app-page" href="#em-test-paper-1" data-page-ref>p.</a><span class="app-note">, n. 1</span></span> <span class="lemma">l.</span>] <span class="reading">1.</span> <span class="app-rule">OCR: folio abbreviation</span>')
  })

  it('leaves removed artifacts out of the text and lists them in the apparatus', () => {
    const {html} = chapter(`${frontMatter()}Kept text:removed[[EAM1]]{rule="word-comment-anchor"} goes on.\n\n:::removed{rule="paywall"}\nTo continue reading\n\nRequest your trial\n:::\n`)
    const body = html.slice(0, html.indexOf('class="apparatus"'))
    expect(body).not.toContain('EAM1')
    expect(body).not.toContain('continue reading')
    expect(html).toContain('<span class="app-rule">Word comment anchor</span>: <span class="reading">[EAM1]</span>')
    expect(html).toContain('<span class="app-rule">paywall notice</span>: <span class="reading">To continue reading Request your trial</span>')
  })

  it('names every rule in the apparatus with the words the HTML edition uses, never by its id', () => {
    const {html} = chapter(`${frontMatter()}Page one ends:removed[12]{rule="page-number"} and:removed[A HISTORY OF TOWNS]{rule="running-head"} goes on; :emend[fine]{orig="fi-ne" rule="dp-hyphen"}.\n\n:::removed{rule="page-separator"}\n-----File: 012.png-----\n:::\n`)
    expect(html).toContain('<span class="app-rule">page number</span>: <span class="reading">12</span>')
    expect(html).toContain('<span class="app-rule">running head</span>: <span class="reading">A HISTORY OF TOWNS</span>')
    expect(html).toContain('<span class="app-rule">page separator of the proofing text</span>')
    expect(html).toContain('<span class="app-rule">proofreader’s uncertain hyphen</span>')
    expect(html).not.toMatch(/class="app-rule">[a-z]+-[a-z-]+</)
  })

  it('links citations with a known key (or a provisional ref) to their bibliography entry', () => {
    const {html, file} = chapter(`${frontMatter()}Text.[^1]\n\n[^1]: :cite[Rees, *Korea*, 19]{key="rees1964korea" locator="19"}; :cite[Dallin, 60]{ref="1.1"}; :cite[Unknown, 5]{key="nowhere"}.\n`, {keys: ['rees1964korea', 'dallin1961soviet'], refs: {'1.1': 'dallin1961soviet'}})
    expect(html).toContain('<a class="cite" href="#bib-rees1964korea">Rees, <em>Korea</em>, 19</a>')
    expect(html).toContain('<a class="cite" href="#bib-dallin1961soviet">Dallin, 60</a>')
    expect(html).toContain('<span class="cite">Unknown, 5</span>')
    // The html stage's handlers render the chapter: the rule ids are theirs.
    expect(file.messages.map((message) => message.ruleId)).toEqual(['html-unknown-citation-key'])
  })

  it('prints a link inside a citation as text: the citation is one link, to its entry', () => {
    const {html} = chapter(`${frontMatter()}Text.[^1]\n\n[^1]: :cite[Report, at <https://example.org/report>]{key="report1950"}.\n`, {keys: ['report1950']})
    expect(html).toContain('<a class="cite" href="#bib-report1950">Report, at https://example.org/report</a>')
  })

  it('prints emendations in notes and in notes without a call with ids in print order, and nothing for the screen', () => {
    const {chapter: result, html} = chapter(`${frontMatter()}A :emend[word]{orig="ward" rule="editorial"}.[^2] Then :emend[more]{orig="mare" rule="editorial"}.\n\n[^2]: In the :emend[note]{orig="nete" rule="editorial"}.\n\n[^3]: Without a :emend[call]{orig="cal" rule="editorial"}.\n`)
    expect(result.endnotes).toEqual(['3'])
    const ids = [...html.matchAll(/<span class="emend" id="([^"]+)">([^<]+)<\/span>/g)].map((match) => `${match[1]} ${match[2]}`)
    expect(ids).toEqual(['em-test-paper-0 word', 'em-test-paper-1 note', 'em-test-paper-2 more', 'em-test-paper-3 call'])
    expect(html).toContain('<a class="app-page" href="#em-test-paper-1" data-page-ref>p.</a><span class="app-note">, n. 2</span>')
    for (const screenOnly of ['tabindex', 'hidden', 'title=', 'reading-original', 'sidenote', 'pnum', 'aria-']) expect(html).not.toContain(screenOnly)
  })

  it('prints a note called in a note inside it, and places its emendations in the inner note', () => {
    const {chapter: result, html} = chapter(`${frontMatter()}Text.[^1]\n\n[^1]: Outer note.[^2]\n\n[^2]: Inner :emend[word]{orig="ward" rule="editorial"}.\n`)
    expect(result.notes).toEqual(['1', '2'])
    expect(html).toContain('<span class="nb-lead">Outer note.<a class="note-call" href="#note-test-paper-2" id="call-test-paper-2">2</a><span class="note" data-note="2"><span class="note-number" id="note-test-paper-2">2</span> <span class="nb-lead">Inner <span class="emend" id="em-test-paper-0">word</span>.</span></span></span>')
    expect(html).toContain('<span class="app-note">, n. 2</span>')
  })

  it('prints the source’s front matter under its label and its reference list as a list', () => {
    const {html} = chapter(`${frontMatter()}:::front-matter\nSeries text.\n:::\n\nText.\n\n:::references\n## Works cited\n\n- First work, 1990.\n- Second work, 1991.\n:::\n`)
    expect(html).toContain(`<div class="front-matter"><p class="matter-label">${labels.frontMatter}</p><p>Series text.</p></div>`)
    expect(html).toContain('<section class="references"><h2 id="h-test-paper-0" class="section-heading level-1">Works cited</h2><ol class="reference-entries"><li class="reference-entry">First work, 1990.</li><li class="reference-entry">Second work, 1991.</li></ol></section>')
  })

  it('prints prose read as a directive as written, and says so once', () => {
    const {html, file} = chapter(`${frontMatter()}International Security 13:3 (Winter 1988), :unknown[label]{n="2"}.\n`)
    expect(html).toContain('International Security 13:3 (Winter 1988), :unknown[label]{n="2"}.')
    expect(file.messages.map((message) => message.ruleId)).toEqual(['unknown-directive', 'unknown-directive'])
  })

  it('nests the document’s headings under the chapter title, leaving the original front matter out of the outline', () => {
    const {chapter: result, html} = chapter(`${frontMatter()}:::front-matter\n## Series Title\n\nSeries text.\n:::\n\n## Introduction\n\nText.\n\n### A subsection\n\nMore.\n`)
    expect(result.headings).toEqual([
      {id: 'h-test-paper-0', level: 1, text: 'Introduction'},
      {id: 'h-test-paper-1', level: 2, text: 'A subsection'}
    ])
    expect(html).toContain('<h2 class="matter-heading">Series Title</h2>')
    expect(html).toContain('<h2 id="h-test-paper-0" class="section-heading level-1">Introduction</h2>')
    expect(html).toContain('<h3 id="h-test-paper-1" class="section-heading level-2">A subsection</h3>')
  })

  it('says that a truncated excerpt is one, under the title and where the text breaks off', () => {
    const {html} = chapter(`${frontMatter().replace('truncated: false', 'truncated: true')}Text that stops...\n`)
    expect(html).toContain(labels.excerpt)
    expect(html).toContain(`<p class="truncation">${labels.truncated}</p>`)
  })
})

describe('back matter', () => {
  const meta = (slug: string, authors: string[], date: string): DocumentMeta => ({
    slug, title: slug, authors, date, kind: 'article', language: 'en', source: `sources/${slug}.txt`, sha256: '',
    convention: 'none', truncated: false, counts: {notes: 0, paragraphs: 0, emendations: {}, removed: {}}
  })
  const documents = [meta('a', ['Kathryn Weathersby'], '1993-11'), meta('b', ['Shen Zhihua'], '2000')]
  const occurrence = (document: string, note: number, key: string): CitationOccurrence => ({source: '', document, note, index: 0, text: '', key, ibid: false, shortForm: false})
  const occurrences = [occurrence('a', 3, 'k1'), occurrence('a', 5, 'k1'), occurrence('b', 2, 'k1'), occurrence('a', 7, 'arch1'), occurrence('a', 8, 'arch2')]
  const entry = (id: string, group: string[]): FormattedEntry => ({id, group, html: `<div class="csl-entry">${id}</div>`, text: id, bibtex: ''})
  const entries = [entry('k1', ['Published works']), entry('arch1', ['Archival sources', 'AVP RF', 'Fond 059a']), entry('arch2', ['Archival sources', 'AVP RF', 'Fond 07'])]
  const bibliography: CslItem[] = [
    {id: 'k1', type: 'book', title: 'Uncertain Partners'},
    {id: 'arch1', type: 'document', title: 'Telegram', custom: {archival: {archive: 'AVP RF', fond: '059a', opis: '5a', delo: '3', papka: '11'}}},
    {id: 'arch2', type: 'document', title: 'Report', custom: {archival: {archive: 'AVP RF', fond: '07', opis: '23a', delo: '236'}}}
  ]
  const input = {labels, documents, entries, bibliography, occurrences}
  const keys = new Set(['k1', 'arch1', 'arch2'])

  it('groups the bibliography under headings and points back to every citing note', () => {
    const html = toHtml(bibliographyToHast(input, keys))
    expect(html).toContain('<h2 class="bib-group level-1">Published works</h2>')
    expect(html).toContain('<h2 class="bib-group level-1">Archival sources</h2><h3 class="bib-group level-2">AVP RF</h3><h4 class="bib-group level-3">Fond 059a</h4>')
    expect(html.match(/AVP RF<\/h3>/g)).toHaveLength(1)
    expect(html).toContain('Cited in: Kathryn Weathersby 1993, nn. <a class="backref" href="#call-a-3" data-page-ref>3</a>, <a class="backref" href="#call-a-5" data-page-ref>5</a>; Shen Zhihua 2000, n. <a class="backref" href="#call-b-2" data-page-ref>2</a>.')
  })

  it('orders the archival index by archive and file, numerically', () => {
    const html = toHtml(archivalIndexToHast(input, keys) ?? {type: 'root', children: []})
    expect(html.indexOf('Fond 07, Opis 23a, Delo 236')).toBeGreaterThan(-1)
    expect(html.indexOf('Fond 07, Opis 23a')).toBeLessThan(html.indexOf('Fond 059a, Opis 5a, Delo 3, Papka 11'))
    expect(html).toContain('<a class="index-item" href="#bib-arch1">Telegram</a> — Kathryn Weathersby 1993, n. <a class="backref" href="#call-a-7" data-page-ref>7</a>')
  })

  it('tells two documents by the same author and year apart', () => {
    const twins = [meta('x', ['Kathryn Weathersby'], '1993'), {...meta('y', ['Kathryn Weathersby'], '1993'), shortTitle: 'Soviet Aims'}]
    expect(documentLabel(twins[1] ?? twins[0]!, twins)).toBe('Kathryn Weathersby 1993, Soviet Aims')
  })

  it('lists chapters and back matter in the reader’s outline', () => {
    const {chapter: result} = chapter(`${frontMatter()}## Part one\n\nText.\n`)
    const reader = readerDocument({
      edition: {title: 'Edition', editors: ['E. Ditor'], language: 'en', order: []},
      labels,
      chapters: [{chapter: result, title: 'A Test Paper', authors: ['Jane Roe']}],
      backMatter: {...input, documents: [meta('test-paper', ['Jane Roe'], '1995')]},
      keys: new Set()
    })
    expect(reader.outline).toEqual([
      {id: 'contents', title: 'Contents', children: []},
      {id: 'ch-test-paper', title: 'A Test Paper', children: [{id: 'h-test-paper-0', title: 'Part one', children: []}]}
    ])
  })
})
