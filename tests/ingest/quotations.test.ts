import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {ingestSource} from '../../pipeline/ingest/index.js'

/** The block quotes of a plain-text source, by their first words. */
function quotes(text: string): string[] {
  const result = ingestSource({path: 'sources/test.txt', bytes: new TextEncoder().encode(text), sidecar: {title: 'T', overrides: {convention: 'none'}}}, new VFile())
  const found: string[] = []
  if (result) visit(result.tree, 'blockquote', (node) => void found.push(JSON.stringify(node).replace(/.*?"value":"([^"]{0,20}).*/, '$1')))
  return found
}

const passage = 'The harbour works will be finished before the winter storms, and every crew that can be spared is to be sent to the northern pier without delay.'

describe('displayed quotations', () => {
  for (const leadIn of ['On 3 May the governor wired the ministry:', 'Le gouverneur écrivait au ministre:', 'Der Gouverneur telegrafierte dem Minister:', 'Губернатор телеграфировал министру:']) {
    it(`a paragraph after \`${leadIn}\` is a block quote`, () => {
      expect(quotes(`Some opening words of the text.\n\n${leadIn}\n\n${passage}\n\nThe work went on.\n`)).toEqual(['The harbour works wi'])
    })
  }

  it('a paragraph after a colon without a cue stays a paragraph', () => {
    expect(quotes(`Some opening words of the text.\n\nThe plans had three parts:\n\n${passage}\n\nThe work went on.\n`)).toEqual([])
  })
})
