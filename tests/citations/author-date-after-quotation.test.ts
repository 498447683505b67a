import {describe, expect, test} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'

const references = (note: string) => parseReferences(note).map((found) => found.text)
const families = (note: string) => parseReferences(note).map((found) => found.parse.item.author?.map((name) => name.family ?? name.literal))

describe('an author-date citation after the sentence the note quotes or comments', () => {
  test('after a quotation that ends its sentence, the name and its bracketed year open the citation', () => {
    expect(references('Die Autorin sieht in dieser „Ordnung der Dinge (das) Gefüge der Welt„. Krause (1988), S. 77.')).toEqual(['Krause (1988), S. 77.'])
    expect(families('Sie schreibt vom „Ende der alten Welt“. Krause (1988), S. 77.')).toEqual([['Krause']])
  })

  test('a misprinted year in its bracket still marks the citation', () => {
    const found = parseReferences('Die Autorin sieht in dieser „Ordnung der Dinge (das) Gefüge der Welt„. Krause (19881), S. 77.')
    expect(found.map((reference) => reference.text)).toEqual(['Krause (19881), S. 77.'])
    expect(found[0]?.parse.item.author?.[0]?.family).toBe('Krause')
  })

  test('a citation in brackets ends where its bracket closes, the sentence glued after it is prose', () => {
    const note = 'Der Begriff wird hier im Sinne von Brandt gebraucht. (Vgl.Brandt/Kühn (1985, 1990)).Von seiner Konzeption ausgehend, läßt sich in der Tat „...die Leistung des Rituals beschreiben, in dem Sinne, daß es so ist„. Hauser (1991), S. 28.'
    expect(references(note)).toEqual(['Brandt/Kühn (1985, 1990)).', 'Hauser (1991), S. 28.'])
  })

  test('after a page that ends a sentence, names and their bracketed year open the next citation', () => {
    expect(references('Lorenz (1990), S. 4. Brandt/Kühn (Hg.) (1991): Die Stadt. Berlin: Verlag.')).toEqual(['Lorenz (1990), S. 4.', 'Brandt/Kühn (Hg.) (1991): Die Stadt. Berlin: Verlag.'])
    expect(families('Vogt AG (2011), S. 41. Vogt AG (2011), S. 120.')).toEqual([['Vogt AG'], ['Vogt AG']])
  })

  test('more pages after `und` or `sowie` stay with the reference they belong to', () => {
    expect(references('Vogt AG (2011), S. 41, 77 sowie S. 92–95. Vogt AG (2011), S. 120.')).toEqual(['Vogt AG (2011), S. 41, 77 sowie S. 92–95.', 'Vogt AG (2011), S. 120.'])
    expect(references('Lorenz (1990), S. 4 und S. 9f.')).toEqual(['Lorenz (1990), S. 4 und S. 9f.'])
    // A name after the connective starts a citation of its own.
    expect(references('Lorenz (1990), S. 4 und Brandt (1991), S. 7.')).toHaveLength(2)
  })

  test('after a semicolon that ends a dated reference, a body and its year with a colon open the next', () => {
    const note = 'Institut für Berufsforschung (2007): Teilzeit im Handwerk. Münster/ Bremen; netzwerk – arbeit hat vorrang (2006): Erwartungen von Müttern an eine flexible Firma. Bonn.'
    const found = parseReferences(note)
    expect(found.map((reference) => reference.text)).toEqual(['Institut für Berufsforschung (2007): Teilzeit im Handwerk. Münster/ Bremen;', 'netzwerk – arbeit hat vorrang (2006): Erwartungen von Müttern an eine flexible Firma. Bonn.'])
    expect(found[1]?.parse.item.title).toBe('Erwartungen von Müttern an eine flexible Firma')
    // Names split by a semicolon, with no date before it, stay one list of authors.
    expect(families('Roth, D.; Lenz, K. (1990): Die Stadt. Berlin.')).toEqual([['Roth', 'Lenz']])
  })

  test('a word that goes on with the reference after its sentence (`In`) is no author', () => {
    expect(families('Hans Vogt, „Die Stadt am Fluss“. In (1990): Jahrbuch 4, S. 4.').flat()).not.toContain('In')
  })
})
