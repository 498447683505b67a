// Issue 20, item 4: what the citations stage could not understand is said, never dropped.
// Notes written for these tests.
import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {extractCitations} from '../../pipeline/citations/index.js'
import {noteText} from '../../pipeline/citations/note-text.js'
import {parseMarkdown} from '../../pipeline/markdown/index.js'
import {testMeta} from './document.js'

const meta = testMeta('article', 'de')

function run(notes: string[]) {
  const markdown = notes.map((_, index) => `Absatz ${index + 1}.[^${index + 1}]`).join('\n\n') + '\n\n' + notes.map((note, index) => `[^${index + 1}]: ${note}`).join('\n')
  const tree = parseMarkdown(markdown)
  const file = new VFile({path: 'test.md', value: markdown})
  const citations = extractCitations(tree, meta, file)
  return {tree, file, citations, rules: file.messages.map((message) => `${message.ruleId}:${message.message.match(/note (\d+)/)?.[1] ?? ''}`)}
}

describe('notes that cite and give no citation', () => {
  test('a year, a page or a title-like phrase without a citation gets an info diagnostic', () => {
    const {rules, file} = run([
      'Vgl. Anna Kessler, Städte im Umbruch, Leipzig 2004, S. 17.',
      'Die Zählung fand 1987 statt.',
      'Gemeint ist die Formel „Wandel durch Annäherung“, die damals oft zitiert wurde.',
      'Dies gilt nur für die größeren Städte.'
    ])
    const notFound = file.messages.filter((message) => message.ruleId === 'citation-not-found')
    expect(notFound.map((message) => message.message.match(/note (\d+)/)?.[1])).toEqual(['2', '3'])
    expect(notFound.every((message) => message.fatal === undefined)).toBe(true)
    expect(rules).not.toContain('citation-not-found:1')
  })
})

describe('citations whose fields could not be read', () => {
  test('are kept as literal entries and reported', () => {
    const {citations, file} = run(['Kessler (2004), S. 17; 1998, S. 44–45.'])
    expect(citations.length).toBe(2)
    expect(citations.filter((entry) => entry.unparsed)).toHaveLength(1)
    for (const citation of citations.filter((entry) => entry.unparsed)) {
      expect(citation.item.custom?.['literal']).toBeTruthy()
      expect(file.messages.some((message) => message.ruleId === 'citation-unparsed' && message.message.includes(citation.text))).toBe(true)
    }
  })
})

describe('note text', () => {
  test('a note written as a numbered list keeps its text', () => {
    const tree = parseMarkdown('Text.[^1]\n\n[^1]: 1. Kessler, Anna (2004): Städte im Umbruch. Leipzig: Falk.\n') as Root
    const texts: string[] = []
    visit(tree, 'footnoteDefinition', (node) => {
      texts.push(noteText(node).text)
    })
    expect(texts).toEqual(['Kessler, Anna (2004): Städte im Umbruch. Leipzig: Falk.'])
  })
})
