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
    expect(read('Brandt, Ilse (2010): Jahresbericht 2009. Arbeit ist wetterfest. Bremen.')[0]).toMatchObject({title: 'Jahresbericht 2009. Arbeit ist wetterfest', year: 2010, place: 'Bremen'})
    expect(read('Landesamt für Beispielstatistik (2010): Jahresbericht 2009. Arbeit ist wetterfest. Bremen.')[0]).toMatchObject({title: 'Jahresbericht 2009. Arbeit ist wetterfest', year: 2010})
    expect(read('Hafenwerke Nord AG (2011): Geschäftsbericht 2010. Die Küste braucht Arbeit, online unter: <http://www.example.org/bericht.pdf>.')[0]).toMatchObject({title: 'Geschäftsbericht 2010. Die Küste braucht Arbeit', year: 2011})
  })
})

describe('a subtitle read as prose', () => {
  test('runs up to the town that ends the reference', () => {
    expect(read('Brandt, Ilse (2007): Hunde und Katzen. Vom „Gebell“ zur Stille im Haus. Ergebnisse der Umfrage 2007. Bremen.')).toEqual([
      {printed: 'Brandt, Ilse (2007): Hunde und Katzen. Vom „Gebell“ zur Stille im Haus. Ergebnisse der Umfrage 2007. Bremen.', title: 'Hunde und Katzen. Vom „Gebell“ zur Stille im Haus. Ergebnisse der Umfrage 2007', year: 2007, place: 'Bremen'}
    ])
  })

  test('in the second reference of a note, after its semicolon', () => {
    const [first, second] = read('Vgl. etwa Brandt, Ilse (2010): Jahresbericht 2009. Bremen; Lenz, Karl (2007): Hunde und Katzen. Vom „Gebell“ zur Stille im Haus. Ergebnisse der Umfrage 2007. Bremen.')
    expect(first).toMatchObject({title: 'Jahresbericht 2009', year: 2010})
    expect(second).toMatchObject({title: 'Hunde und Katzen. Vom „Gebell“ zur Stille im Haus. Ergebnisse der Umfrage 2007', year: 2007, place: 'Bremen'})
  })

  test('not when prose, not a town, ends the note', () => {
    const [first, second] = read('Brandt, Ilse (2007): Hunde und Katzen. Kiel. Dazu kritisch Lenz 2009, S. 4.')
    expect(first).toMatchObject({title: 'Hunde und Katzen', place: 'Kiel'})
    expect(second?.title).toBeUndefined()
  })
})

describe('a subtitle read as the place', () => {
  test('words of no town before the comma that precedes the town are the title’s', () => {
    expect(read('Kommission für Hafenfragen (2005): Häfen in einer vernetzten Welt. Neue Handlungsfelder, Hamburg: Hanse-Verlag.')[0]).toMatchObject({title: 'Häfen in einer vernetzten Welt. Neue Handlungsfelder', place: 'Hamburg'})
  })
})

describe('a title in capitals read as names', () => {
  test('is the title, and the word before the year its place', () => {
    expect(read('Hafenstat, HAFEN KOMPAKT, Allgemeine Statistik, Luxemburg 1999.')[0]).toMatchObject({title: 'HAFEN KOMPAKT, Allgemeine Statistik', year: 1999, place: 'Luxemburg'})
  })
})

describe('a number inside a title', () => {
  test('read as a reference’s number, it is the title’s', () => {
    const text = 'Plan der Häfen 2006, Kiel.'
    const labels: Label[] = ['title', 'title', 'title', 'citation-number', 'location']
    const tokens = tokenize(text).map((token, index) => ({...token, label: labels[index] ?? 'other'}))
    expect(relabel(tokens).map((token) => token.label)).toEqual(['title', 'title', 'title', 'title', 'location'])
  })
})

describe('a title that ends in `vom` and a date', () => {
  test('after an author-date head is a title, not a newspaper', () => {
    const [found] = parseReferences('Bundesamt für Seefahrt (1961): Deutsch-Dänisches Hafenabkommen vom 12.3.1960, in: Amtliche Nachrichten des Bundesamtes für Seefahrt, Nr. 4, S. 12–14.')
    expect(found?.parse.item).toMatchObject({title: 'Deutsch-Dänisches Hafenabkommen vom 12.3.1960', 'container-title': 'Amtliche Nachrichten des Bundesamtes für Seefahrt'})
    expect(found?.parse.item.issued?.['date-parts']?.[0]?.[0]).toBe(1961)
  })

  test('a newspaper by its date stays one', () => {
    const [found] = parseReferences('Kieler Hafenblatt vom 12. 3. 1994, S. 2.')
    expect(found?.parse.item['container-title']).toBe('Kieler Hafenblatt')
  })
})
