import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {renderDocument} from '../../pipeline/html/document.js'
import {fixtureDir} from './fixture.js'

const caseDir = path.resolve(fixtureDir, '../document')
const keys = new Set(['zhukov1945'])

function html(markdown: string, options = {keys}) {
  const document = renderDocument(markdown, options)
  return {document, body: toHtml({type: 'root', children: document.body}), notes: document.notes.map((note) => toHtml({type: 'root', children: note.content}))}
}

const front = (body: string) => `---\ntitle: "T"\nslug: t\nauthors: []\nkind: article\nlanguage: en\ntruncated: false\nsource: s.txt\nsha256: "0"\nconvention: none\ncounts: {notes: 0, paragraphs: 0, emendations: {}, removed: {}}\n---\n\n${body}\n`

describe('renderDocument', () => {
  it('matches the expected HTML of the document fixture (UPDATE=1 rewrites it)', () => {
    const {body, notes} = html(readFileSync(path.join(caseDir, 'input.md'), 'utf8'))
    const actual = `${body}\n<!-- notes -->\n${notes.join('\n<!-- next note -->\n')}\n`
    const expectedPath = path.join(caseDir, 'expected.html')
    if (process.env.UPDATE) writeFileSync(expectedPath, actual)
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'))
  })

  it('numbers reading-text paragraphs with permalinks, front and back matter apart, and shifts headings below the page title', () => {
    const {body, document} = html(front(':::front-matter\nSeries.\n:::\n\n# Part\n\nOne.\n\n> Two.\n\n- not numbered\n\n:::back-matter\nAbout the author.\n:::'))
    expect(body).toContain('<h2 id="s2">Part</h2>')
    expect(body).toContain('<p id="p1"><a class="pnum" href="#p1" aria-label="¶ 1" data-n="1"></a>One.</p>')
    expect(body).toContain('<p id="p2">')
    expect(body).toMatch(/<li>not numbered<\/li>/)
    expect(body).toContain('<section class="front-matter" aria-labelledby="s1"><h2 class="matter-label" id="s1">Front matter of the source</h2>\n<p id="f1"><a class="pnum" href="#f1" aria-label="¶ F1" data-n="F1"></a>Series.</p>')
    expect(body).toContain('<p id="b1"><a class="pnum" href="#b1" aria-label="¶ B1" data-n="B1"></a>About the author.</p>')
    expect(document.data.paragraphs).toBe(2)
    expect(document.data.matterParagraphs).toEqual({front: 1, back: 1})
    expect(document.data.headings).toEqual([
      {id: 's1', depth: 2, text: 'Front matter of the source', matter: 'front'},
      {id: 's2', depth: 2, text: 'Part'},
      {id: 's3', depth: 2, text: 'Back matter of the source', matter: 'back'}
    ])
  })

  it('shows the corrected reading, keeps the printed one for the reading switch and for focus, and records it for the apparatus', () => {
    const {body, document} = html(front('A :emend[gradually]{orig="grad- ually" rule="hyphenation"} built state.'))
    expect(body).toContain('<span class="emendation" id="e1" tabindex="0" title="Printed: grad- ually (line-end hyphenation)" data-orig="grad- ually" aria-describedby="e1-tip"><span class="reading-corrected">gradually</span><span class="reading-original" hidden>grad- ually</span><span class="emendation-tip" id="e1-tip" hidden> (printed <span class="printed">grad- ually</span>; line-end hyphenation)</span></span>')
    expect(document.data.emendations).toEqual([{n: 1, rule: 'hyphenation', original: 'grad- ually', corrected: 'gradually', place: {id: 'p1', label: '¶ 1'}}])
  })

  it('says the printed reading was not recorded, in the title as in the tip, when an emendation has none', () => {
    const {body} = html(front('The :emend[harbour]{orig="" rule="tei-supplied"} master.'))
    expect(body).toContain('title="Printed: (not recorded) (')
    expect(body).toContain('<span class="printed">(not recorded)</span>')
    expect(body).not.toContain('Printed:  (')
  })

  it('keeps removed artifacts out of the corrected reading, hidden where they stood for the reading as printed, and lists them with their place', () => {
    const {body, document} = html(front('Text:removed[[EAM1]]{rule="word-comment-anchor"} here.\n\n:::removed{rule="paywall"}\nSubscribe now.\n:::\n\nAfter.'))
    expect(body).toContain('Text<span class="removed-reading" id="x1" hidden title="Removed by the edition: Word comment anchor">[EAM1]</span> here.')
    expect(body).toContain('<div class="removed-reading" id="x2" hidden><p class="removed-label">Removed by the edition: paywall notice</p>\n<p>Subscribe now.</p>\n</div>')
    expect(document.search.map((record) => record.text)).toEqual(['Text here.', 'After.'])
    expect(document.data.removed).toEqual([
      {n: 1, rule: 'word-comment-anchor', text: '[EAM1]', block: false, place: {id: 'p1', label: '¶ 1'}},
      {n: 2, rule: 'paywall', text: 'Subscribe now.', block: true, place: {id: 'p1', label: 'after ¶ 1'}}
    ])
    expect(body).toContain('<p id="p2">')
  })

  it('links citations to their bibliography entry and keeps the locator; unknown keys are reported, not linked', () => {
    const {notes, document} = html(front('Text.[^1]\n\n[^1]: :cite[Zhukov, 18]{key="zhukov1945" locator="18" label="folio"}; :cite[Other]{key="nowhere"}; :cite[No key]{ref="1.2"}.'))
    expect(notes[0]).toContain('<a class="citation" href="bibliography.html#zhukov1945" title="Bibliography entry; cited at folio 18" data-locator="18">Zhukov, 18</a>')
    expect(notes[0]).toContain('<span class="citation">Other</span>')
    expect(notes[0]).toContain('<span class="citation">No key</span>')
    expect(document.file.messages.map((message) => message.ruleId)).toEqual(['html-unknown-citation-key', 'html-citation-without-key'])
  })

  it('puts a sidenote copy right after the first reference, which opens it, and keeps the note, both linked both ways', () => {
    const {body, document} = html(front('Claim.[^7] Again.[^7]\n\n[^7]: The note, with *emphasis*.\n\n    A second paragraph.'))
    expect(body).toContain('<sup class="note-ref"><a href="#sn7" id="r7" role="doc-noteref" aria-controls="sn7">7</a></sup><span class="sidenote" id="sn7" role="note"><span class="sidenote-number">7.</span> <span class="sn-p">The note, with <em>emphasis</em>.</span>')
    expect(body).toContain('<a href="#n7" id="r7-2" role="doc-noteref">7</a>')
    expect(body.match(/class="sidenote"/g)).toHaveLength(1)
    expect(document.notes[0]?.references).toEqual(['r7', 'r7-2'])
  })

  it('marks the author’s errors the editor confirms with [sic] in text and notes, lists them, and reports a word not found', () => {
    const markdown = front('Lozovsley met Lozovsky; Lozovsleyan is another word.[^1]\n\n[^1]: Letter to Lozovsley.').replace('convention: none', 'convention: none\nsic: [Lozovsley, Nowhereski]')
    const {body, notes, document} = html(markdown)
    expect(body).toContain('<span class="sic" id="sic1">Lozovsley<span class="sic-mark"> [<i>sic</i>]</span></span> met Lozovsky; Lozovsleyan')
    expect(notes[0]).toContain('Letter to <span class="sic" id="sic2">Lozovsley<span class="sic-mark">')
    expect(document.data.sic.map((entry) => [entry.word, entry.place.label])).toEqual([['Lozovsley', '¶ 1'], ['Lozovsley', 'note 1']])
    expect(document.data.emendations).toEqual([])
    expect(document.file.messages.map((message) => [message.ruleId, message.reason])).toEqual([['html-sic-not-found', 'Unexpected `Nowhereski` in `sic` that is not in the text, expected a word the source prints']])
    expect(document.search.map((record) => record.text)).toContain('Lozovsley met Lozovsky; Lozovsleyan is another word.')
  })

  it('keeps a note that is never referenced, without a back-link, and reports it', () => {
    const {body, document} = html(front('Claim.[^1]\n\n[^2]: Lost note.'))
    expect(body).toContain('Claim.[^1]')
    expect(document.notes.map((note) => [note.label, note.references])).toEqual([['2', []]])
    expect(document.file.messages.map((message) => message.ruleId)).toEqual(['note-uncalled'])
  })

  it('shows hostile source text as text: raw HTML, javascript: links, remote images', () => {
    const {body, document} = html(front('A <script>alert(1)</script> and [click](javascript:alert(2)) and [ref][x] and ![map](http://evil.example/m.png) and [web](https://example.org/?a=1&b=2).\n\n[x]: vbscript:msgbox\n\n<iframe src="https://evil.example"></iframe>'))
    expect(body).not.toMatch(/<script|<iframe|href="javascript|href="vbscript|<img/)
    expect(body).toContain('&#x3C;script>alert(1)&#x3C;/script>')
    expect(body).toContain('<span class="unlinked" title="javascript:alert(2)">click</span>')
    expect(body).toContain('<span class="unlinked" title="vbscript:msgbox">ref</span>')
    expect(body).toContain('[map]')
    expect(body).toContain('<a href="https://example.org/?a=1&#x26;b=2">web</a>')
    expect(body).toContain('<p id="p2"><a class="pnum" href="#p2" aria-label="¶ 2" data-n="2"></a>&#x3C;iframe')
    expect(new Set(document.file.messages.map((message) => message.ruleId))).toEqual(new Set(['html-raw-html', 'html-unsafe-link', 'html-image']))
  })

  it('shows unknown directives as text instead of dropping them', () => {
    const {body, document} = html(front('At 10 the :unknown[thing]{a="1"} happened.'))
    expect(body).toContain('At 10 the :unknown[thing]{a="1"} happened.')
    expect(document.file.messages[0]?.ruleId).toBe('unknown-directive')
    expect(document.file.messages[0]?.reason).toBe('Unexpected directive `:unknown`, expected `emend`, `removed`, `cite`, `boundary` or `sic`; shown as text')
  })

  it('keeps the headings of front matter out of the contents, one level below the section label', () => {
    const {body, document} = html(front(':::front-matter\n# TITLE PAGE\n\nSeries.\n:::\n\n# Introduction\n\nText.'))
    expect(body).toContain('<h3 id="s2">TITLE PAGE</h3>')
    expect(document.data.headings.map((heading) => heading.text)).toEqual(['Front matter of the source', 'Introduction'])
  })

  it('gives headings an outline without gaps, whatever levels the source used', () => {
    const {body} = html(front('### Deep\n\n# Top\n\n#### Deeper\n\n###### Deepest'))
    expect(body.match(/<h\d/g)).toEqual(['<h2', '<h2', '<h3', '<h4'])
  })

  it('collects search records for paragraphs, headings and notes with their anchors', () => {
    const {document} = html(front('# Head\n\nBody text.[^1]\n\n[^1]: Note text:\n\n    - item one'))
    expect(document.search).toEqual([
      {url: 't.html#s1', title: 'T', kind: 'heading', text: 'Head'},
      {url: 't.html#p1', title: 'T, ¶ 1', kind: 'paragraph', text: 'Body text.'},
      {url: 't.html#n1', title: 'T, note 1', kind: 'note', text: 'Note text: item one'}
    ])
  })
})
