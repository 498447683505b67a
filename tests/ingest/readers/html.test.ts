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
  it('leaves a lone superscript digit and an internal link to a section as text', () => {
    const {result, markdown} = read('<h1>T</h1><p>Area in m<sup>2</sup>, see <a href="#s2">2</a>.</p><section id="s2"><h2>Two</h2><p>Body.</p></section>')
    expect(result?.meta.counts.notes).toBe(0)
    expect(markdown).toContain('m2, see 2.')
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
