import {describe, expect, test} from 'vitest'
import {proseReference} from '../../pipeline/citations/split.js'
import {citeNotes, families} from './document.js'

/** Does `part` of `note` read as prose? */
const prose = (note: string, part: string) => {
  const start = note.indexOf(part)
  return proseReference(note, start, start + part.length)
}

describe('prose of a note that the labeller reads as references', () => {
  const life = 'Wilma Ostrander, geboren am 17. Juni 1908 in Lübeck, Lehre als Buchbinderin in Hamburg, 1930 Abitur an einem Abendgymnasium, 1934 Promotion in Göttingen, 1949 Ruf nach Kassel, 1961 Emeritierung (ein Porträt von E. Sandt in: Moll/Rieck 1992: 117 f.).'

  test('the events of a life, with their years and places, are no reference', () => {
    expect(prose(life, 'Wilma Ostrander, geboren am 17. Juni 1908 in Lübeck, Lehre als Buchbinderin in Hamburg, 1930 Abitur an einem Abendgymnasium')).toBe(true)
    expect(prose(life, 'Hamburg, 1930 Abitur an einem Abendgymnasium, 1934 Promotion in Göttingen, 1949 Ruf nach Kassel, 1961')).toBe(true)
    expect(prose('Ann Ross, born in 1901 in Leeds, 1925 lecturer at Hull, 1931 appointed professor at York.', 'Ann Ross, born in 1901 in Leeds, 1925 lecturer at Hull, 1931 appointed professor at York')).toBe(true)
    // The article the note cites stays.
    const {inNote} = citeNotes([life], 'de')
    const cited = inNote(1)
    expect(cited.map((citation) => citation.text)).toEqual([expect.stringContaining('Moll/Rieck 1992: 117 f.')])
  })

  test('a reference with the years of its author’s life is still a reference', () => {
    expect(prose('Hans Vogt (geboren 1890), Die Stadt, Berlin 1930, S. 4.', 'Hans Vogt (geboren 1890), Die Stadt, Berlin 1930, S. 4')).toBe(false)
    expect(prose('Vgl. Ruth Adler, „1934 Promotion, 1949 Ruf. Eine Laufbahn in Kassel“, in: Hefte 8 (1995), S. 40.', 'Ruth Adler, „1934 Promotion, 1949 Ruf. Eine Laufbahn in Kassel“, in: Hefte 8 (1995), S. 40')).toBe(false)
  })

  test('an enumeration in the middle of a sentence, with no year or page, is no reference', () => {
    const note = 'Zum Ablauf eines Marktfestes in Kleve siehe Hallbach (1968), S. 44. Auf dem Markt verkaufte man damals vor allem Äpfel, Nüsse, Lebkuchen, Kerzen u. a. ; dazu auch Ternes (2001), S. 19.'
    expect(prose(note, 'Äpfel, Nüsse, Lebkuchen, Kerzen u. a.')).toBe(true)
    const {inNote} = citeNotes([note], 'de')
    expect(inNote(1).map((citation) => families(citation))).toEqual([['Hallbach'], ['Ternes']])
  })

  test('a life told from its place of birth on is no reference', () => {
    const note = 'Jens Hadler, geboren am 11. Januar 1899 in Husum, Lehrjahre in Flensburg und Rendsburg, 1927 Promotion in Kiel (dazu Sandt 1992: 88).'
    expect(prose(note, 'Husum, Lehrjahre in Flensburg und Rendsburg, 1927 Promotion in Kiel')).toBe(true)
  })

  test('sentences with verbs of commentary and only days’ dates are no reference', () => {
    const note = 'Die Zählung fand an drei Werktagen statt. Sämtliche Fähren im Hafen wurden beobachtet, und die Fahrgäste haben zwischen dem 02.06.2015 und dem 19.06.2015 einen kurzen Bogen erhalten. Am Ende lagen 412 Bögen vor.'
    expect(prose(note, note)).toBe(true)
    // A year of publication among the sentences keeps the reference for the labeller to judge.
    const cited = 'Die Zählung wurde wiederholt. Sie ist bei Hallbach, Fähren und Häfen, Kiel 1998 beschrieben; die Zahlen haben sich kaum verändert.'
    expect(prose(cited, cited)).toBe(false)
  })

  test('a noun phrase after an object’s article is no reference; a genitive’s body may be an author', () => {
    const note = 'Ähnlich schrieb die Bürgermeisterin in einem Brief an den Kämmerer Udo Rehn über die Kosten der neuen Brücke. Vgl. Nordkurier vom 12. 3. 2004, S. 5.'
    expect(prose(note, 'Kämmerer Udo Rehn über die Kosten der neuen Brücke.')).toBe(true)
    expect(prose('Zitiert nach einem Rundschreiben des Vereins „Freunde der Stadtbücherei“.', 'Vereins „Freunde der Stadtbücherei“.')).toBe(false)
  })

  test('names after a lead-in word of the sentence stay a reference', () => {
    expect(prose('Dazu ausführlich bei Meier, Die Stadt.', 'Meier, Die Stadt')).toBe(false)
    expect(prose('So argued at length by Hale, The Weir.', 'Hale, The Weir')).toBe(false)
  })
})
