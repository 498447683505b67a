import {describe, expect, test} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'

const references = (note: string) => parseReferences(note).map((found) => found.text)
const families = (note: string) => parseReferences(note).map((found) => found.parse.item.author?.map((name) => name.family ?? name.literal))

describe('an author-date citation after the sentence the note quotes or comments', () => {
  test('after a quotation that ends its sentence, the name and its bracketed year open the citation', () => {
    expect(references('Der Chronist nennt den Hafen „das offene Tor zur Welt„. Brammer (1974), S. 112.')).toEqual(['Brammer (1974), S. 112.'])
    expect(families('Er spricht vom „Lärm der Werften“. Brammer (1974), S. 112.')).toEqual([['Brammer']])
  })

  test('a misprinted year in its bracket still marks the citation', () => {
    const found = parseReferences('Der Chronist nennt den Hafen „das offene Tor zur Welt„. Brammer (19744), S. 112.')
    expect(found.map((reference) => reference.text)).toEqual(['Brammer (19744), S. 112.'])
    expect(found[0]?.parse.item.author?.[0]?.family).toBe('Brammer')
  })

  test('a citation in brackets ends where its bracket closes, the sentence glued after it is prose', () => {
    const note = 'Gemeint ist der Wochenmarkt, nicht die Messe. (Vgl.Ohlsen/Wirth (2003, 2009)).Daraus folgt für die Händler „...eine Pflicht zur Anmeldung an jedem neuen Ort„. Dankwart (1997), S. 61.'
    expect(references(note)).toEqual(['Ohlsen/Wirth (2003, 2009)).', 'Dankwart (1997), S. 61.'])
  })

  test('after a page that ends a sentence, names and their bracketed year open the next citation', () => {
    expect(references('Lorenz (1990), S. 4. Ohlsen/Wirth (Hg.) (1991): Die Stadt. Berlin: Verlag.')).toEqual(['Lorenz (1990), S. 4.', 'Ohlsen/Wirth (Hg.) (1991): Die Stadt. Berlin: Verlag.'])
    expect(families('Hafenbau GmbH (2016), S. 8. Hafenbau GmbH (2016), S. 33.')).toEqual([['Hafenbau GmbH'], ['Hafenbau GmbH']])
  })

  test('more pages after `und` or `sowie` stay with the reference they belong to', () => {
    expect(references('Lütke (2004), S. 17 sowie S. 203. Hafenbau GmbH (2016), S. 9.')).toEqual(['Lütke (2004), S. 17 sowie S. 203.', 'Hafenbau GmbH (2016), S. 9.'])
    expect(references('Lorenz (1990), S. 4 und S. 9f.')).toEqual(['Lorenz (1990), S. 4 und S. 9f.'])
    // A name after the connective starts a citation of its own.
    expect(references('Lorenz (1990), S. 4 und Dankwart (1991), S. 7.')).toHaveLength(2)
  })

  test('after a semicolon that ends a dated reference, a body and its year with a colon open the next', () => {
    const note = 'Zentrum für Küstenplanung (2012): Deiche im Wandel. Husum; bündnis grüne küste (2014): Ein Plan für die Marsch. Emden.'
    const found = parseReferences(note)
    expect(found.map((reference) => reference.text)).toEqual(['Zentrum für Küstenplanung (2012): Deiche im Wandel. Husum;', 'bündnis grüne küste (2014): Ein Plan für die Marsch. Emden.'])
    expect(found[1]?.parse.item.title).toBe('Ein Plan für die Marsch')
    // Names split by a semicolon, with no date before it, stay one list of authors.
    expect(families('Roth, D.; Lenz, K. (1990): Die Stadt. Berlin.')).toEqual([['Roth', 'Lenz']])
  })

  test('a word that goes on with the reference after its sentence (`In`) is no author', () => {
    expect(families('Hans Vogt, „Die Stadt am Fluss“. In (1990): Jahrbuch 4, S. 4.').flat()).not.toContain('In')
  })
})
