// Reference lists: `Ders. (Hg.)` repeats the names before as editors only, and author-date
// locators keep the label their cue names. Texts written for these tests.
import {describe, expect, test} from 'vitest'
import {findAuthorDates} from '../../pipeline/citations/references.js'
import {familyNames, referenceListOf} from './document.js'

describe('repeated names as editors', () => {
  const source = `# Zunftrecht

Die Rollen sind älter (Hollmann 1996, 4; Hollmann 1998).

## Literatur

Hollmann, Greta: Zunftladen im Ostseeraum, Rostock 1996.

Dies. (Hg.): Zunftrollen der Hansestädte, Rostock 1998.

Dies.: Meisterbriefe, in: Zeitschrift für Gewerbegeschichte 9 (2001), S. 14–30.
`

  test('the editor cue makes the repeated names editors, not authors too', () => {
    const {entries} = referenceListOf(source)
    const [first, edited, article] = entries.map((entry) => entry.item)
    expect(familyNames(first?.author)).toEqual(['Hollmann'])
    expect(edited?.author).toBeUndefined()
    expect(familyNames(edited?.editor)).toEqual(['Hollmann'])
    expect(familyNames(article?.author)).toEqual(['Hollmann'])
    expect(article?.editor).toBeUndefined()
  })

  test('the text cites the edited volume by the editor and year', () => {
    const {citations, entryOf} = referenceListOf(source)
    const text = citations.filter((citation) => citation.place === 'text')
    expect(text.map((citation) => [citation.text, entryOf(citation)?.item.title])).toEqual([
      ['Hollmann 1996, 4', 'Zunftladen im Ostseeraum'],
      ['Hollmann 1998', 'Zunftrollen der Hansestädte']
    ])
  })
})

describe('author-date locators', () => {
  test('a chapter or a folio keeps its label; pages have none', () => {
    const found = findAuthorDates('As argued (Quist 2015, chap. 3; Brand 1990, fol. 12; Ekdahl 2001, 45).')
    expect(found.map((entry) => [entry.names[0], entry.locator, entry.label])).toEqual([
      ['Quist', '3', 'chapter'],
      ['Brand', '12', 'folio'],
      ['Ekdahl', '45', undefined]
    ])
  })
})
