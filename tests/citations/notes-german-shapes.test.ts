// German footnotes: lead-ins and prose before the citation (`Vgl. dazu`, `So auch`, `Zit. nach`,
// a sentence of comment), `Dies.` and `Ebd.`, a newspaper by its date, an address with the day it
// was read, and the imprint's marks of missing facts (`o. J.`, `o. O.`) and a volume (`Bd. 2`).
// Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {citeNotes, families} from './document.js'

const cite = (notes: readonly string[]) => citeNotes(notes, 'de', {title: 'Test', call: 'Text', and: 'und'})

describe('lead-ins and prose before a citation are no part of its author', () => {
  const {inNote, target} = cite([
    'Vgl. dazu Hans Körner, Die Stadt im Wandel, Berlin 1988, S. 12.',
    'So auch Petra Lindner, Arbeit und Alltag, München 1994, S. 33 f.',
    'Zit. nach Ernst Vollrath, Der lange Weg, Stuttgart 1979, S. 101.',
    'Der Befund ist umstritten. Vgl. Karl Hiller, Die Bauern und der Staat, Köln 1991, S. 7.',
    'Ders., Die Städte im Norden, Hamburg 1997, S. 18.',
    'Ebd., S. 22.'
  ])

  test.each([
    [1, 'Körner', 'Die Stadt im Wandel'],
    [2, 'Lindner', 'Arbeit und Alltag'],
    [3, 'Vollrath', 'Der lange Weg'],
    [4, 'Hiller', 'Die Bauern und der Staat']
  ])('note %i: the author and title after the lead-in', (note, family, title) => {
    const [book] = inNote(note)
    expect(families(book)).toEqual([family])
    expect(book?.item.title).toBe(title)
  })

  test('Ders. takes the author of the note before; Ebd. points back to it', () => {
    expect(families(inNote(5)[0])).toEqual(['Hiller'])
    expect(inNote(5)[0]?.item.title).toBe('Die Städte im Norden')
    expect(inNote(6)[0]?.ibid).toBe(true)
    expect(target(inNote(6)[0])?.note).toBe(5)
  })
})

describe('newspapers and addresses', () => {
  const {inNote} = cite([
    'Süddeutsche Zeitung vom 3.4.1999, S. 3.',
    'www.beispiel-institut.example/bericht.pdf, abgerufen am 4.5.2010.',
    'FAZ vom 12. 5. 2001, S. 5.',
    'Rheinpost, 14.2.2003, S. 9.',
    'Abendblatt vom 8. Juni 1995, S. 2.',
    'Anna Roth, Die Gilde der Fischer, in: Küstenforschung 12 (1999), S. 33-41.'
  ])

  test.each([
    [3, 'FAZ', [2001, 5, 12]],
    [4, 'Rheinpost', [2003, 2, 14]],
    [5, 'Abendblatt', [1995, 6, 8]]
  ])('note %i: a periodical cited by its day is a newspaper, dated to the day', (note, container, day) => {
    const [article] = inNote(note)
    expect(article?.item).toMatchObject({type: 'article-newspaper', 'container-title': container})
    expect(article?.item.issued?.['date-parts']).toEqual([day])
  })

  test('a journal cited by volume and year stays a journal', () => {
    expect(inNote(6)[0]?.item).toMatchObject({type: 'article-journal', 'container-title': 'Küstenforschung', volume: '12', page: '33-41'})
  })

  test('a newspaper by its day', () => {
    const [article] = inNote(1)
    expect(article?.item).toMatchObject({type: 'article-newspaper', 'container-title': 'Süddeutsche Zeitung'})
    expect(article?.item.issued?.['date-parts']).toEqual([[1999, 4, 3]])
  })

  test('an address with the day it was read has no year of publication', () => {
    const [page] = inNote(2)
    expect(page?.item.URL).toBe('www.beispiel-institut.example/bericht.pdf')
    expect(page?.item.issued).toBeUndefined()
  })
})

describe('the imprint: missing facts and volumes', () => {
  const {inNote} = cite([
    'Martin Ebner, Der Hof und die Stadt, o. J., S. 5.',
    'Lena Koch, Die Gärten des Barock, o. O. 1911, S. 3.',
    'Klaus Roth, Politische Lyrik, Bd. 2, Leipzig 1925, S. 144.',
    'Jörg Weiland, Der Handel der Hanse, o.J., S. 9.'
  ])

  test('o. J. is no part of the title and gives no year', () => {
    const [book] = inNote(1)
    expect(families(book)).toEqual(['Ebner'])
    expect(book?.item.title).toBe('Der Hof und die Stadt')
    expect(book?.item.issued).toBeUndefined()
    expect(inNote(4)[0]?.item.title).toBe('Der Handel der Hanse')
  })

  test('o. O. is no name: one citation, its title whole, its year after the mark', () => {
    const citations = inNote(2)
    expect(citations).toHaveLength(1)
    expect(families(citations[0])).toEqual(['Koch'])
    expect(citations[0]?.item.title).toBe('Die Gärten des Barock')
    expect(citations[0]?.item.issued?.['date-parts']).toEqual([[1911]])
  })

  test('Bd. and its number are the volume', () => {
    expect(inNote(3)[0]?.item).toMatchObject({title: 'Politische Lyrik', volume: '2', 'publisher-place': 'Leipzig'})
  })
})

describe('the publisher after the place', () => {
  const {inNote} = cite([
    'Kaufmann, Petra (2003): Die Werften der Ostsee, Hamburg: Verein für Hafengeschichte e. V., 41ff.',
    'Agencia Regional de Empleo (2006): Informe anual sobre el paro juvenil, Sevilla: Agencia Regional de Empleo, 18ff.',
    'Ortega, Lenz, Brauer 2001 .'
  ])

  test('a society\'s name runs to its comma through e. V.; the page with ff. is the page', () => {
    const [book] = inNote(1)
    expect(book?.item).toMatchObject({type: 'book', title: 'Die Werften der Ostsee', publisher: 'Verein für Hafengeschichte e. V', 'publisher-place': 'Hamburg'})
    expect(book?.item['container-title']).toBeUndefined()
    expect(book?.locator).toBe('41')
  })

  test('a body publishing its own report', () => {
    const [report] = inNote(2)
    expect(report?.item).toMatchObject({publisher: 'Agencia Regional de Empleo', 'publisher-place': 'Sevilla'})
    expect(report?.locator).toBe('18')
  })

  test('a full stop printed apart ends an author-date citation', () => {
    expect(families(inNote(3)[0])).toEqual(['Ortega', 'Lenz', 'Brauer'])
    expect(inNote(3)[0]?.item.issued?.['date-parts']).toEqual([[2001]])
  })
})
