// Reference-list entries in forms the other tests do not show: Vancouver lists, translators
// with their language, APA's translator and original year, reprints after a title, access dates
// printed year first. Texts written for these tests.
import {describe, expect, test} from 'vitest'
import {referenceListOf} from './document.js'

const items = (source: string) => referenceListOf(source).entries.map((entry) => entry.item)

describe('Vancouver', () => {
  const source = `# Tide Fevers

Fevers followed the tides [1,2].

## References

1. Marrow KT, Lindqvist AB. Fever returns in estuary towns. J Coast Med. 2001;12(3):45-67.
2. Oduya PN, Farrell S. Quarantine ledgers as a source. Hist Port Health. 2015 Mar;8(2):101-9.
3. Ibarra MC. Sailors' wards in the nineteenth century [dissertation]. Norwich (UK): University of Estmoor; 2012.
4. Coastal Health Board. Annual report on port fevers 2019. Eastport: The Board; 2020. Available from: https://coastalhealth.example.org/report2019 [cited 2021 Feb 3].
`

  test('names with initials are persons, not a firm (`AB`)', () => {
    expect(items(source)[0]?.author).toEqual([{family: 'Marrow', given: 'KT'}, {family: 'Lindqvist', given: 'AB'}])
  })

  test('a date with its month before the volume, and a range printed with its last digits', () => {
    expect(items(source)[1]).toMatchObject({'container-title': 'Hist Port Health', volume: '8', issue: '2', page: '101-9'})
  })

  test('`[dissertation]` tells a thesis', () => {
    expect(items(source)[2]).toMatchObject({type: 'thesis', genre: 'dissertation', publisher: 'University of Estmoor'})
    expect(items(source)[2]?.note).toBeUndefined()
  })

  test('the whole address, the date it was cited, no note', () => {
    const report = items(source)[3]
    expect(report?.URL).toBe('https://coastalhealth.example.org/report2019')
    expect(report?.accessed?.['date-parts']).toEqual([[2021, 2, 3]])
    expect(report?.note).toBeUndefined()
  })
})

describe('translators and original years', () => {
  test('`trad. de l’allemand par`: the language is no part of the name', () => {
    const [book] = items(`# Les quais\n\nLes quais.\n\n## Bibliographie\n\nPELLERIN (Agathe), *Le quai*, trad. de l'allemand par Jean Sorbier, Lyon, Ancre, 1975.\n`)
    expect(book?.translator).toEqual([{family: 'Sorbier', given: 'Jean'}])
    expect(book).toMatchObject({title: 'Le quai', publisher: 'Ancre', 'publisher-place': 'Lyon'})
  })

  test('APA: `(J. Amsel, Trans.; 2nd ed.)` and `(Original work published 1931)`', () => {
    const [book] = items(`# Canals\n\nCanals.\n\n## References\n\nHollis, D. R. (2019). *Locks and ledgers* (J. Amsel, Trans.; 2nd ed.). Barrow Press. (Original work published 1931)\n`)
    expect(book?.translator).toEqual([{family: 'Amsel', given: 'J.'}])
    expect(book).toMatchObject({title: 'Locks and ledgers', edition: '2', publisher: 'Barrow Press'})
    expect(book?.['original-date']?.['date-parts']).toEqual([[1931]])
    expect(book?.note).toBeUndefined()
  })

  test('German: the original year and `Nachdr.` after the title are no part of it', () => {
    const [book] = items(`# Häfen\n\nDie Häfen.\n\n## Literatur\n\nMertens, Johanna: Der Fischmarkt [1887]. Nachdr. Heilstadt: Morgen Verlag 1999.\n`)
    expect(book).toMatchObject({title: 'Der Fischmarkt', publisher: 'Morgen Verlag', 'publisher-place': 'Heilstadt'})
    expect(book?.issued?.['date-parts']).toEqual([[1999]])
    expect(book?.['original-date']?.['date-parts']).toEqual([[1887]])
  })
})
