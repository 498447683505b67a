// Reports, working documents and bulletins cited in notes: a word quoted inside a title, the
// series of working documents after it, a town and the day a document was issued, and a
// bulletin named with its issuing office in brackets. Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {citeNotes, families} from './document.js'

describe('reports and bulletins', () => {
  const {inNote} = citeNotes([
    'Lukas Beer/Clara Nowak, Ferries between River Towns: a Count made with the "Ladder" Method, Harbour Studies Paper No. 7, Linz 1988.',
    'Board of River Trade (1999): Ships and Tolls: A First Survey, Vienna 12.03.1999, DOC(1999) 45.',
    'Lang, Otto (1966): Die Werften und der Staat, in: Mitteilungen (Pressestelle des Landesamts für Wasserbau), Nr. 12, 3. Mai 1966, 410.'
  ], 'de')

  test('a quoted word inside a title and the word after it stay in the title', () => {
    const [report] = inNote(1)
    expect(families(report)).toEqual(['Beer', 'Nowak'])
    expect(report?.item.title).toBe('Ferries between River Towns: a Count made with the "Ladder" Method')
    expect(report?.item['container-title']).toBe('Harbour Studies Paper')
  })

  test('a town before the day a document was issued is no journal', () => {
    const [document] = inNote(2)
    expect(document?.item.title).toBe('Ships and Tolls: A First Survey')
    expect(document?.item['container-title']).toBeUndefined()
    expect(document?.item['publisher-place']).toBe('Vienna')
    expect(document?.item.issued?.['date-parts']?.[0]?.[0]).toBe(1999)
  })

  test('the issuing office in brackets is no part of the bulletin\'s name', () => {
    const [article] = inNote(3)
    expect(article?.item.title).toBe('Die Werften und der Staat')
    expect(article?.item['container-title']).toBe('Mitteilungen')
  })
})

describe('a subtitle after a question', () => {
  const {inNote} = citeNotes([
    'Dieter Harms, Die Küste: Land ohne Grenzen? Aus norddeutschen Zeitschriften 1997, Kiel: Institut für Küstenkunde, März 1998, S. 7.'
  ], 'de')

  test('words after the question, before place and publisher, are the title\'s, not a journal', () => {
    const [book] = inNote(1)
    expect(book?.item).toMatchObject({type: 'book', title: 'Die Küste: Land ohne Grenzen? Aus norddeutschen Zeitschriften 1997', publisher: 'Institut für Küstenkunde', 'publisher-place': 'Kiel'})
    expect(book?.item['container-title']).toBeUndefined()
    expect(book?.item.issued?.['date-parts']?.[0]?.[0]).toBe(1998)
  })
})
