// A reference list (`:::references`) renders as a section: its heading and a list of entries
// with the anchors the bibliography's back-links point to, without an unknown-directive warning.
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {backLinks} from '../../pipeline/html/backlinks.js'
import {renderDocument} from '../../pipeline/html/document.js'
import type {CitationOccurrence} from '../../pipeline/shared/types/citation.js'
import type {DocumentMeta} from '../../pipeline/shared/types/document.js'

const markdown = `---\ntitle: "T"\nslug: t\nauthors: []\nkind: article\nlanguage: en\ntruncated: false\nsource: s.md\nsha256: "0"\nconvention: none\ncounts: {notes: 0, paragraphs: 0, emendations: {}, removed: {}}\n---\n\nAs argued (:cite[Putnam 2000, 45]{key="putnam2000bowling" locator="45" label="page"}).\n\n:::references\n### Works Cited\n\n:cite[Lee, Ulysses. *The Employment of Negro Troops*. Washington, DC: GPO, 1966.]{key="lee1966employment"}\n\n:cite[Putnam, Robert D. *Bowling Alone*. New York: Simon & Schuster, 2000.]{key="putnam2000bowling"}\n:::\n`

describe('reference lists in HTML', () => {
  it('renders a section with a heading and anchored entries, and says nothing unknown', () => {
    const document = renderDocument(markdown, {keys: new Set(['lee1966employment', 'putnam2000bowling'])})
    const body = toHtml({type: 'root', children: document.body})
    expect(body).toContain('<section class="references" aria-labelledby="s1"><h2 id="s1">Works Cited</h2>')
    expect(body).toContain('<ol class="reference-entries"><li class="reference-entry" id="ref1"><a class="citation" href="bibliography.html#lee1966employment"')
    expect(body).toContain('<li class="reference-entry" id="ref2">')
    expect(document.file.messages.map((message) => message.ruleId)).not.toContain('unknown-directive')
  })

  it('links the bibliography back to the reference list for entries, to the note for notes', () => {
    const meta = {slug: 't', title: 'T'} as DocumentMeta
    const occurrences: CitationOccurrence[] = [
      {source: 's.md', document: 't', note: 0, index: 1, text: 'Putnam…', markdown: 'Putnam…', key: 'putnam2000bowling', ibid: false, shortForm: false, place: 'references', anchor: 'ref2'},
      {source: 's.md', document: 't', note: 0, index: 2, text: 'Putnam 2000, 45', markdown: 'Putnam 2000, 45', key: 'putnam2000bowling', ibid: false, shortForm: true, place: 'text', anchor: 'ref2'},
      {source: 's.md', document: 't', note: 3, index: 0, text: 'Putnam, Bowling Alone, 45', markdown: 'Putnam, Bowling Alone, 45', key: 'putnam2000bowling', ibid: false, shortForm: true, anchor: 'ref2'}
    ]
    const links = backLinks(occurrences, [meta]).get('putnam2000bowling') ?? []
    expect(links.map((link) => [link.href, link.label ?? `n. ${link.note}`])).toEqual([
      ['t.html#ref2', 'ref. list'],
      ['t.html#n3', 'n. 3']
    ])
  })
})
