import {describe, expect, test} from 'vitest'
import {proseReference} from '../../pipeline/citations/split.js'
import {citeNotes, families} from './document.js'

/** Does `part` of `note` read as prose? */
const prose = (note: string, part: string) => {
  const start = note.indexOf(part)
  return proseReference(note, start, start + part.length)
}

describe('prose of a note that the labeller reads as references', () => {
  const life = 'Karl Brenner, geboren am 4. März 1892 in Bremen, Studium der Geschichte in Jena und Marburg, 1921 Promotion in Jena, seit diesem Jahr Assistent, 1935 Habilitation im Fach Geschichte an der Universität Jena, 1938 Dozent an der Universität Halle, 1950 Prof. an der Universität Kiel (vgl. den Artikel über Brenner von P. Lang in: Albers/Krohn 1979: 41f.).'

  test('the events of a life, with their years and places, are no reference', () => {
    expect(prose(life, 'Karl Brenner, geboren am 4. März 1892 in Bremen, Studium der Geschichte in Jena und Marburg, 1921 Promotion in Jena')).toBe(true)
    expect(prose(life, 'Assistent, 1935 Habilitation im Fach Geschichte an der Universität Jena, 1938 Dozent an der Universität Halle, 1950')).toBe(true)
    expect(prose('Ann Ross, born in 1901 in Leeds, 1925 lecturer at Hull, 1931 appointed professor at York.', 'Ann Ross, born in 1901 in Leeds, 1925 lecturer at Hull, 1931 appointed professor at York')).toBe(true)
    // The article the note cites stays.
    const {inNote} = citeNotes([life], 'de')
    const cited = inNote(1)
    expect(cited.map((citation) => citation.text)).toEqual([expect.stringContaining('Albers/Krohn 1979: 41f.')])
  })

  test('a reference with the years of its author’s life is still a reference', () => {
    expect(prose('Hans Vogt (geboren 1890), Die Stadt, Berlin 1930, S. 4.', 'Hans Vogt (geboren 1890), Die Stadt, Berlin 1930, S. 4')).toBe(false)
    expect(prose('Vgl. Anna Weiß, „1921 Promotion, 1930 Habilitation. Frauen an der Universität“, in: Archiv 3 (1990), S. 7.', 'Anna Weiß, „1921 Promotion, 1930 Habilitation. Frauen an der Universität“, in: Archiv 3 (1990), S. 7')).toBe(false)
  })

  test('an enumeration in the middle of a sentence, with no year or page, is no reference', () => {
    const note = 'Vgl. die Beschreibung einer gestörten Gedenkfeier bei Ostler (1972), S. 21. Andere Aktionen mit starkem Körpereinsatz sind Mahnwachen, Lichterketten, Sit-ins u. a. ; vgl. auch Reimer (1993b), S. 88f.'
    expect(prose(note, 'Mahnwachen, Lichterketten, Sit-ins u. a.')).toBe(true)
    const {inNote} = citeNotes([note], 'de')
    expect(inNote(1).map((citation) => families(citation))).toEqual([['Ostler'], ['Reimer']])
  })

  test('names after a lead-in word of the sentence stay a reference', () => {
    expect(prose('Dazu ausführlich bei Meier, Die Stadt.', 'Meier, Die Stadt')).toBe(false)
    expect(prose('So argued at length by Hale, The Weir.', 'Hale, The Weir')).toBe(false)
  })
})
