// Titles after a German author-date head (`Names (Year):`): a year that closes a title's first
// words is the title's, and a subtitle the labeller read as prose runs up to the town that ends
// the reference. References written for these tests.
import {describe, expect, test} from 'vitest'
import {type Label, parseReferences} from '../../pipeline/citations/model/index.js'
import {relabel} from '../../pipeline/citations/model/reference.js'
import {tokenize} from '../../pipeline/citations/model/tokens.js'

function read(text: string) {
  return parseReferences(text).map(({text: printed, parse}) => ({
    printed,
    title: parse.item.title,
    year: parse.item.issued?.['date-parts']?.[0]?.[0],
    place: parse.item['publisher-place']
  }))
}

describe('a year closing a title’s first words', () => {
  test('is the title’s, not a second date', () => {
    expect(read('Brandt, Ilse (2014): Chronik 2013. Der Hafen im Nebel. Bremen.')[0]).toMatchObject({title: 'Chronik 2013. Der Hafen im Nebel', year: 2014, place: 'Bremen'})
    expect(read('Landesamt für Beispielstatistik (2014): Chronik 2013. Der Hafen im Nebel. Bremen.')[0]).toMatchObject({title: 'Chronik 2013. Der Hafen im Nebel', year: 2014})
    expect(read('Werftgruppe Süd AG (2016): Chronik 2015. Schiffe aus Holz und Eisen, online unter: <http://www.example.org/chronik.pdf>.')[0]).toMatchObject({title: 'Chronik 2015. Schiffe aus Holz und Eisen', year: 2016})
  })
})

describe('a subtitle read as prose', () => {
  test('runs up to the town that ends the reference', () => {
    expect(read('Brandt, Ilse (2008): Gärten und Zäune. Vom „Unkraut“ bis zur Ernte im Herbst. Bilanz der Zählung 2008. Bremen.')).toEqual([
      {printed: 'Brandt, Ilse (2008): Gärten und Zäune. Vom „Unkraut“ bis zur Ernte im Herbst. Bilanz der Zählung 2008. Bremen.', title: 'Gärten und Zäune. Vom „Unkraut“ bis zur Ernte im Herbst. Bilanz der Zählung 2008', year: 2008, place: 'Bremen'}
    ])
  })

  test('in the second reference of a note, after its semicolon', () => {
    const [first, second] = read('Vgl. etwa Brandt, Ilse (2012): Chronik 2011. Bremen; Lenz, Karl (2007): Gärten und Zäune. Vom „Unkraut“ bis zur Ernte im Herbst. Bilanz der Zählung 2007. Bremen.')
    expect(first).toMatchObject({title: 'Chronik 2011', year: 2012})
    expect(second).toMatchObject({title: 'Gärten und Zäune. Vom „Unkraut“ bis zur Ernte im Herbst. Bilanz der Zählung 2007', year: 2007, place: 'Bremen'})
  })

  test('not when prose, not a town, ends the note', () => {
    const [first, second] = read('Brandt, Ilse (2008): Gärten und Zäune. Kiel. Dazu kritisch Lenz 2009, S. 4.')
    expect(first).toMatchObject({title: 'Gärten und Zäune', place: 'Kiel'})
    expect(second?.title).toBeUndefined()
  })
})

describe('a subtitle read as the place', () => {
  test('words of no town before the comma that precedes the town are the title’s', () => {
    expect(read('Arbeitskreis Moorschutz (2012): Moore im Wandel des Klimas. Neue Befunde, Hannover: Torf-Verlag.')[0]).toMatchObject({title: 'Moore im Wandel des Klimas. Neue Befunde', place: 'Hannover'})
  })
})

describe('a title in capitals read as names', () => {
  test('is the title, and the word before the year its place', () => {
    expect(read('Moorstat, MOORE AKTUELL, Jährliche Übersicht, Straßburg 2003.')[0]).toMatchObject({title: 'MOORE AKTUELL, Jährliche Übersicht', year: 2003, place: 'Straßburg'})
  })
})

describe('a number inside a title', () => {
  test('read as a reference’s number, it is the title’s', () => {
    const text = 'Karte der Deiche 2004, Husum.'
    const labels: Label[] = ['title', 'title', 'title', 'citation-number', 'location']
    const tokens = tokenize(text).map((token, index) => ({...token, label: labels[index] ?? 'other'}))
    expect(relabel(tokens).map((token) => token.label)).toEqual(['title', 'title', 'title', 'title', 'location'])
  })
})

describe('a title that ends in `vom` and a date', () => {
  test('after an author-date head is a title, not a newspaper', () => {
    const [found] = parseReferences('Landesamt für Deichbau (1974): Niedersächsisch-Bremisches Deichabkommen vom 7.9.1973, in: Mitteilungsblatt des Landesamtes für Deichbau, Nr. 9, S. 31–33.')
    expect(found?.parse.item).toMatchObject({title: 'Niedersächsisch-Bremisches Deichabkommen vom 7.9.1973', 'container-title': 'Mitteilungsblatt des Landesamtes für Deichbau'})
    expect(found?.parse.item.issued?.['date-parts']?.[0]?.[0]).toBe(1974)
  })

  test('a newspaper by its date stays one', () => {
    const [found] = parseReferences('Emder Deichbote vom 5. 8. 1982, S. 7.')
    expect(found?.parse.item['container-title']).toBe('Emder Deichbote')
  })
})
