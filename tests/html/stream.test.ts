/**
 * A page serialized in chunks is the page `toHtml` gives at once, on a document large enough
 * to be cut, with notes, emendations and a script in the page.
 */
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import {pageHtml} from '../../pipeline/html/stream.js'

function page(paragraphs: number) {
  const body = Array.from({length: paragraphs}, (_, index) =>
    h('p', {id: `p${index}`, className: ['para']}, ['Text & <more> ', h('em', 'emphasis'), ' “quoted” ', h('a', {href: `#n${index}`}, [h('sup', String(index))])])
  )
  return {
    type: 'root' as const,
    children: [
      {type: 'doctype' as const},
      h('html', {lang: 'en'}, [
        h('head', [h('title', 'A <title>'), h('style', 'p > a { color: red }'), h('script', 'if (1 < 2 && true) {}')]),
        h('body', [h('main', [h('div.reading-text', body), h('ol.notes', body.slice(0, 300).map((_, index) => h('li', {id: `n${index}`}, `Note ${index}`)))])])
      ])
    ]
  }
}

describe('page HTML in chunks', () => {
  it('equals the HTML of the whole tree', () => {
    for (const paragraphs of [3, 100, 5000]) {
      const tree = page(paragraphs)
      const chunks = [...pageHtml(tree)]
      expect(chunks.join('')).toBe(toHtml(tree))
      if (paragraphs === 5000) expect(chunks.length).toBeGreaterThan(3)
    }
  })
})
