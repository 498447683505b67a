import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {extractCitations} from '../../pipeline/citations/index.js'
import {parseMarkdown} from '../../pipeline/markdown/index.js'
import {testMeta} from './document.js'

/** The citations of a Markdown document and the rule ids reported on it. */
function read(markdown: string) {
  const file = new VFile({path: 'test.md', value: markdown})
  const citations = extractCitations(parseMarkdown(markdown), testMeta('article', 'en'), file)
  return {citations, rules: file.messages.map((message) => message.ruleId)}
}

describe('Ibid. after a note that cites several works', () => {
  it('resolves to the last work of that note and warns', () => {
    const {citations, rules} = read('One.[^1] Two.[^2]\n\n[^1]: Karl Brown, *The Mills* (Leeds, 1901), 4; Mary Green, *The Looms* (York, 1903), 9.\n[^2]: Ibid., 12.\n')
    const ibid = citations.find((citation) => citation.note === 2)
    expect(ibid).toMatchObject({ibid: true, resolvesTo: {note: 1, index: 1}, locator: '12'})
    expect(rules).toContain('citation-ibid-ambiguous')
  })

  it('does not warn after a note that cites one work', () => {
    const {citations, rules} = read('One.[^1] Two.[^2]\n\n[^1]: Karl Brown, *The Mills* (Leeds, 1901), 4.\n[^2]: Ibid., 12.\n')
    expect(citations[1]).toMatchObject({ibid: true, resolvesTo: {note: 1, index: 0}})
    expect(rules).not.toContain('citation-ibid-ambiguous')
  })

  it('does not warn for an Ibid. in the same note as the works', () => {
    const {rules} = read('One.[^1]\n\n[^1]: Karl Brown, *The Mills* (Leeds, 1901), 4; Mary Green, *The Looms* (York, 1903), 9; ibid., 12.\n')
    expect(rules).not.toContain('citation-ibid-ambiguous')
  })
})
