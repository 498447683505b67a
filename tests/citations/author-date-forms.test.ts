// Author-date citations in running text in the forms of several languages, resolved to the
// reference list's entries with their anchors. Texts written for these tests.
import {describe, expect, test} from 'vitest'
import {findAuthorDates} from '../../pipeline/citations/references.js'
import {referenceListOf} from './document.js'

const spans = (text: string) => findAuthorDates(text).map((entry) => [text.slice(entry.start, entry.end), entry.names, entry.year, entry.locator])

describe('forms of author-date citations', () => {
  test('French spacing before the colon', () => {
    expect(spans('selon (Vautrin, 1991 : 45).')).toEqual([['Vautrin, 1991 : 45', ['Vautrin'], '1991', '45']])
  })

  test('`ders.` for the names of the part before', () => {
    expect(spans('(Kessel 1988, S. 12–14; ders. 1993)')).toEqual([
      ['Kessel 1988, S. 12–14', ['Kessel'], '1988', '12-14'],
      ['1993', ['Kessel'], '1993', undefined]
    ])
  })

  test('a list of pages after a cue; years after a year are years', () => {
    expect(spans('(Orme, 2002, pp. 4, 9)')).toEqual([['Orme, 2002, pp. 4, 9', ['Orme'], '2002', '4, 9']])
    expect(spans('(Orme, 2002, 2006)')).toEqual([['Orme, 2002', ['Orme'], '2002', undefined], ['2006', ['Orme'], '2006', undefined]])
  })

  test('a year\'s letter repeated alone', () => {
    expect(spans('(Orme 2002a, b)')).toEqual([['Orme 2002a', ['Orme'], '2002a', undefined], ['b', ['Orme'], '2002b', undefined]])
  })

  test('several works of one author in a narrative citation', () => {
    expect(spans('Orme (2002, p. 5; 2006) and Pask (1999: 3) agree.')).toEqual([
      ['Orme (2002, p. 5', ['Orme'], '2002', '5'],
      ['2006', ['Orme'], '2006', undefined],
      ['Pask (1999: 3)', ['Pask'], '1999', '3']
    ])
  })
})

describe('resolved against the list', () => {
  const source = `# Mills

The mills closed early (Orme 2002a, b; ders. 2006, S. 7). Orme (2002a, 12; 2006) disagrees with Pask et al. (1999, pp. 3, 8).

## Literatur

Orme, Lena (2002a): Mühlen am Fluss. Kassel.

Orme, Lena (2002b): Müller und Zunft. Kassel.

Orme, Lena (2006): Wasserrecht. Marburg.

Pask, Otto/Rinne, Ute/Sell, Jan (1999): Mühlenbau. Göttingen.
`

  test('each citation finds its entry and links to it', () => {
    const {citations, entryOf, entries} = referenceListOf(source)
    const anchors = new Map(entries.map((entry) => [entry, entry.anchor]))
    const text = citations.filter((citation) => citation.place === 'text')
    expect(text.map((citation) => [citation.text, entryOf(citation)?.item.title, citation.anchor, citation.locator])).toEqual([
      ['Orme 2002a', 'Mühlen am Fluss', 'ref1', undefined],
      ['b', 'Müller und Zunft', 'ref2', undefined],
      ['2006, S. 7', 'Wasserrecht', 'ref3', '7'],
      ['Orme (2002a, 12', 'Mühlen am Fluss', 'ref1', '12'],
      ['2006', 'Wasserrecht', 'ref3', undefined],
      ['Pask et al. (1999, pp. 3, 8)', 'Mühlenbau', 'ref4', '3, 8']
    ])
    expect([...anchors.values()]).toEqual(['ref1', 'ref2', 'ref3', 'ref4'])
  })
})

describe('the label of an author-date citation in the text', () => {
  test('a chapter or folio cue gives its own label; a bare number is a page', () => {
    const {citations} = referenceListOf('# Harbours\n\nThe pilots kept their own book (Marsh 1971, chap. 3). Their dues rose later (Marsh 1971, 45).\n\n## References\n\nMarsh, Eda. 1971. *Pilots of the Northern Coast*. Hull: Brook Press.\n')
    const inText = citations.filter((citation) => citation.place === 'text')
    expect(inText.map((citation) => [citation.locator, citation.label])).toEqual([['3', 'chapter'], ['45', 'page']])
  })
})
