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

  test('a life told from its place of birth on is no reference', () => {
    const note = 'Otto Kern, geboren am 2. Mai 1885 in Kiel, Studium der Rechte in Bonn und Halle, 1910 Promotion in Halle (vgl. Lang 1979: 41f.).'
    expect(prose(note, 'Kiel, Studium der Rechte in Bonn und Halle, 1910 Promotion in Halle')).toBe(true)
  })

  test('sentences with verbs of commentary and only days’ dates are no reference', () => {
    const note = 'Die schriftliche Erhebung umfasste drei getrennte Befragungen. Alle Dekanate an deutschen Fachhochschulen wurden angeschrieben und konnten im Erhebungszeitraum (03.04.2014 bis 30.05.2014) die Bögen ausfüllen. Insgesamt haben 61 Dekanate teilgenommen.'
    expect(prose(note, note)).toBe(true)
    // A year of publication among the sentences keeps the reference for the labeller to judge.
    const cited = 'Die Erhebung wurde wiederholt. Sie ist bei Vogt, Die Stadt, Berlin 1990 beschrieben; die Zahlen haben sich kaum geändert.'
    expect(prose(cited, cited)).toBe(false)
  })

  test('a noun phrase after an object’s article is no reference; a genitive’s body may be an author', () => {
    const note = 'Dazu passt ein Gespräch mit dem Anwalt Peter Wendt über die Grenzen der Satire mittels des Zitats „Alle sind gleich„. Vgl. DIE WOCHE vom 4. 5. 1997, S. 9.'
    expect(prose(note, 'Anwalt Peter Wendt über die Grenzen der Satire mittels des Zitats „Alle sind gleich„.')).toBe(true)
    expect(prose('Aus einem Flugblatt der Gruppe „Lehrende für die Umwelt“.', 'Gruppe „Lehrende für die Umwelt“.')).toBe(false)
  })

  test('names after a lead-in word of the sentence stay a reference', () => {
    expect(prose('Dazu ausführlich bei Meier, Die Stadt.', 'Meier, Die Stadt')).toBe(false)
    expect(prose('So argued at length by Hale, The Weir.', 'Hale, The Weir')).toBe(false)
  })
})
