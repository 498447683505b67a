import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {ingestSource, lostWords} from '../../../pipeline/ingest/index.js'
import {stringifyDocument} from '../../../pipeline/markdown/index.js'

function read(html: string) {
  const path = 'sources/page.html'
  const file = new VFile({path})
  const result = ingestSource({path, bytes: new TextEncoder().encode(html)}, file)
  const markdown = result ? stringifyDocument(result.meta, result.tree) : ''
  return {result, markdown, rules: file.messages.map((message) => message.ruleId)}
}

describe('HTML reader', () => {
  it('sets a span in italic only where a rule for its class alone says so', () => {
    const css = '<style>.c3 .c4{font-style:italic} p.c5{font-style:italic} .c6:hover{font-weight:700} .c1, .c2{font-style:italic} /* .c7{font-style:italic} */</style>'
    const {markdown} = read(`<html><head>${css}</head><body><p class="c3">The <span class="c4">Harbour Book</span> and the <span class="c5">Quay Roll</span> and the <span class="c6">Tide Tables</span>, beside the <span class="c2">Salt Ledger</span>; also the <span class="c7">Rope List</span>.</p></body></html>`)
    expect(markdown).toContain('The Harbour Book and the Quay Roll and the Tide Tables, beside the *Salt Ledger*; also the Rope List.')
  })

  it('says nothing of Word’s conditional comments or an HTML 4 doctype, and still reports a malformed page', () => {
    const word = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">\n<html><body><p class=MsoNormal>Tolls were taken.<a href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference><![if !supportFootnotes]>[1]<![endif]></span></a></p>\n' +
      '<div style="mso-element:footnote-list"><![if !supportFootnotes]><hr align=left size=1 width="33%"><![endif]><div id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1">[1]</a> Turnpike minutes, 1790.</p></div></div></body></html>'
    const {markdown, rules} = read(word)
    expect(rules).not.toContain('html-malformed')
    expect(markdown).toContain('Tolls were taken.[^1]')
    expect(markdown).toContain('[^1]: Turnpike minutes, 1790.')
    expect(read('<html><body><p>An <!x> odd comment and <b <i>broken</i> tag.</p></body></html>').rules).toContain('html-malformed')
  })

  it('leaves a lone superscript digit raised and an internal link to a section as text', () => {
    const {result, markdown} = read('<h1>T</h1><p>Area in m<sup>2</sup>, see <a href="#s2">2</a>.</p><section id="s2"><h2>Two</h2><p>Body.</p></section>')
    expect(result?.meta.counts.notes).toBe(0)
    expect(markdown).toContain('m², see 2.')
  })

  it('keeps a power raised beside note calls, and letters in superscript as they read', () => {
    const {result, markdown} = read('<p>Some 10<sup>-3</sup> of the grain, said M<sup>r</sup> Pell.<sup><a href="#fn1">1</a></sup></p><ol><li id="fn1">His ledger, wet with H<sub>2</sub>O.</li></ol>')
    expect(result?.meta.counts.notes).toBe(1)
    expect(markdown).toContain('Some 10⁻³ of the grain, said Mr Pell.[^1]')
    expect(markdown).toContain('[^1]: His ledger, wet with H₂O.')
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })

  it('takes page markers into the apparatus, alone or within a paragraph', () => {
    const {markdown} = read('<p>The quay was paved.</p><p>[Page 7]</p><p>In granite [Pg 8] from the north, <span class="pagenum"><a id="Page_9">9</a></span>as the mason asked.</p>')
    expect(markdown).toContain('The quay was paved.\n\n:::removed{rule="page-number"}\n\\[Page 7]\n:::\n\nIn granite')
    expect(markdown).toContain('In granite :removed[\\[Pg 8\\]]{rule="page-number"} from the north, :removed[9]{rule="page-number"}as the mason asked.')
  })

  it('rejoins a paragraph that a page marker cut mid-sentence', () => {
    const {result, markdown} = read('<p>The quay was paved with</p><p>[Page 7]</p><p>granite from the north.</p>')
    expect(markdown).toContain('The quay was paved with :removed[\\[Page 7\\]]{rule="page-number"} granite from the north.')
    expect(result?.meta.counts.paragraphs).toBe(1)
  })

  it('reads a byline as the author, and Word’s title paragraph as the heading', () => {
    const {result, markdown} = read('<html><head><title>Document3</title></head><body><p class=MsoTitle>The Ferry at Lunn</p><p class=MsoNormal>By Idris Wolsey</p><p class=MsoNormal>The ferry ran until the bridge was built.</p></body></html>')
    expect(result?.meta.title).toBe('The Ferry at Lunn')
    expect(result?.meta.authors).toEqual(['Idris Wolsey'])
    expect(markdown).toContain('# The Ferry at Lunn\n\nBy Idris Wolsey')
  })

  it('pairs a closing notes list only where glued numbers call every note in order', () => {
    const paired = read('<p>The barge sank.1 Its cargo was lost.2</p><h2>Notes</h2><p>1 So the owner said.</p><p>2 The insurers paid half.</p>')
    expect(paired.result?.meta.counts.notes).toBe(2)
    expect(paired.markdown).toContain('The barge sank.[^1] Its cargo was lost.[^2]')
    const skipped = read('<p>The barge sank in lock 3. Its cargo was lost.2</p><h2>Notes</h2><p>1 So the owner said.</p><p>2 The insurers paid half.</p>')
    expect(skipped.result?.meta.counts.notes).toBe(0)
    expect(skipped.markdown).toContain('lost.2')
  })

  it('takes no sentence opening with “by” for a byline', () => {
    const {result} = read('<h1>Tolls</h1><p>By the river Road the tolls were High.</p>')
    expect(result?.meta.authors).toEqual([])
  })

  it('pairs references with note bodies by their link targets, whatever the order of the bodies', () => {
    const {result, markdown} = read('<p>A.<sup><a href="#n-b">1</a></sup> B.<sup><a href="#n-a">2</a></sup></p><div class="notes"><p id="n-a">2. Second.</p><p id="n-b">1. First.</p></div>')
    expect(result?.meta.counts.notes).toBe(2)
    expect(markdown).toContain('[^1]: First.')
    expect(markdown).toContain('[^2]: Second.')
  })

  it('does not pair superscripts with a list of another count', () => {
    const {result, rules} = read('<p>One<sup>1</sup> two<sup>2</sup>.</p><ol><li>Only one item.</li></ol>')
    expect(result?.meta.counts.notes).toBe(0)
    expect(rules).toContain('html-notes-unpaired')
  })

  it('runs no script and keeps no code, but keeps every word', () => {
    const html = '<p>Text of the work.</p><script>document.write("injected words")</script><noscript>Enable scripts</noscript>'
    const {result, markdown} = read(html)
    expect(markdown).not.toContain('injected')
    expect(markdown).toContain('Enable scripts')
    expect(lostWords(result?.witness ?? '', markdown)).toEqual([])
  })
})
