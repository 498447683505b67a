import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {crossReferencesIn} from '../../pipeline/citations/cross-references.js'
import {extractCitations} from '../../pipeline/citations/index.js'
import {parseMarkdown} from '../../pipeline/markdown/index.js'
import {citationsOf, testMeta} from './document.js'

function notes(...bodies: string[]): string {
  return `${bodies.map((_, index) => `Sentence ${index + 1}.[^${index + 1}]`).join(' ')}\n\n${bodies.map((body, index) => `[^${index + 1}]: ${body}`).join('\n')}\n`
}

describe('cross-references to an earlier note', () => {
  it('finds the markers of German, English, OSCOLA, French and Italian notes', () => {
    const cases: Array<[string, number]> = [
      ['Brandt, Hafenrecht (wie Anm. 3), S. 12.', 3],
      ['Brandt (s. o. Anm. 3), S. 12.', 3],
      ['Brandt, Hafenrecht (Fn. 3), S. 12.', 3],
      ['Quill, *Stevedores*, n. 3 above, 45.', 3],
      ['Quill, supra note 3, at 45.', 3],
      ['Quill (n 3) 45.', 3],
      ['Mercier, op. cit. (n. 3), p. 40.', 3],
      ['Ferri, cit. alla nota 3, p. 40.', 3]
    ]
    for (const [text, note] of cases) expect(crossReferencesIn(text, 9).map((reference) => reference.note), text).toEqual([note])
  })

  it('reads a note of a page, or a note still to come, as no cross-reference', () => {
    expect(crossReferencesIn('Quill, *Stevedores*, 45 n. 3.', 9)).toEqual([])
    expect(crossReferencesIn('Brandt, Hafenrecht (wie Anm. 12), S. 12.', 9)).toEqual([])
  })

  it('resolves a short form to the citation of the note it names, with its own locator', () => {
    const citations = citationsOf(notes(
      'Vgl. Martha Brandt, Das Hafenrecht der Hansestädte, Bremen 1931, S. 12–15; Karl Ohm, Zollgeschichte, Kiel 1920, S. 3.',
      'Otto Rinck, Die Flößerei, in: Zeitschrift für Verkehrsgeschichte 4 (1912), S. 101–130.',
      'Ohm (wie Anm. 1), S. 9.',
      'Brandt, Hafenrecht (wie Anm. 1), S. 40; Rinck (wie Anm. 2), S. 110.'
    ), testMeta('article', 'de'))
    const inNote = (note: number) => citations.filter((citation) => citation.note === note)
    expect(inNote(3)).toHaveLength(1)
    expect(inNote(3)[0]).toMatchObject({shortForm: true, resolvesTo: {note: 1, index: 1}, locator: '9'})
    expect(inNote(4).map((citation) => [citation.resolvesTo, citation.locator])).toEqual([[{note: 1, index: 0}, '40'], [{note: 2, index: 0}, '110']])
  })

  it('resolves OSCOLA and `n. N above` short forms in English notes', () => {
    const citations = citationsOf(notes(
      'Nora Quill, *Stevedores and the Law* (Leeds: Wharf Press, 1987), 12.',
      'Ann Tarrow, “Port Dues,” *Maritime Law Review* 9 (1990): 33–58.',
      'Quill (n 1) 45.',
      'Tarrow, n. 2 above, 40.'
    ), testMeta('article', 'en'))
    const byNote = new Map(citations.map((citation) => [citation.note, citation]))
    expect(byNote.get(3)).toMatchObject({shortForm: true, resolvesTo: {note: 1, index: 0}, locator: '45'})
    expect(byNote.get(4)).toMatchObject({shortForm: true, resolvesTo: {note: 2, index: 0}, locator: '40'})
  })
})

describe('note labels', () => {
  it('reports a label of its own making, not the labels of notes numbered per chapter or marked by a symbol', () => {
    const markdown = 'One.[^1-1] Two.[^2-1] Three.[^star] Four.[^ship-list]\n\n[^1-1]: Nora Quill, *Stevedores* (Leeds: Wharf Press, 1987), 12.\n[^2-1]: Ibid., 14.\n[^star]: Ibid., 15.\n[^ship-list]: Ibid., 16.\n'
    const file = new VFile({path: 'test.md', value: markdown})
    extractCitations(parseMarkdown(markdown), testMeta('article', 'en'), file)
    const labels = file.messages.filter((message) => message.ruleId === 'citation-note-label').map((message) => /`([^`]+)`/.exec(message.message)?.[1])
    expect(labels).toEqual(['ship-list'])
  })

  it('numbers a note for a range of calls (`1–2`) by its first number, unreported', () => {
    const markdown = 'One.[^1–2] Two.[^1–2] Three.[^3]\n\n[^1–2]: Nora Quill, *Stevedores* (Leeds: Wharf Press, 1987), 12.\n[^3]: Ibid., 14.\n'
    const file = new VFile({path: 'test.md', value: markdown})
    const citations = extractCitations(parseMarkdown(markdown), testMeta('article', 'en'), file)
    expect(file.messages.filter((message) => message.ruleId === 'citation-note-label')).toEqual([])
    expect(citations.map((citation) => citation.note)).toEqual([1, 3])
    expect(citations[1]).toMatchObject({ibid: true, resolvesTo: {note: 1, index: 0}})
  })
})
