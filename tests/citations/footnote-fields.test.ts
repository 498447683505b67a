import {describe, expect, it} from 'vitest'
import {citeNotes, families} from './document.js'

describe('a preposition inside a book title in a footnote', () => {
  it('keeps `nach` between two names of places in the book, not a lead-in to a cited author', () => {
    const {citations} = citeNotes([
      'Vgl. Amsel, Rolf (2007): Wege aus der Stadt, in: Tanja Wiesel (Hg.), Von Krakau nach Kiel. Wanderungen im Ostseeraum, Kiel 2001, S. 12.',
      'Brandt, Jonas: Arbeit und Heimat, in: Wiesel, Tanja (Hg.): Die Rückkehr von Pendlern nach Polen, Berlin 2001, S. 40.'
    ], 'de')
    expect(citations).toHaveLength(2)
    expect(citations[0]?.item['container-title']).toBe('Von Krakau nach Kiel. Wanderungen im Ostseeraum')
    expect(families(citations[0])).toEqual(['Amsel'])
    expect(citations[1]?.item['container-title']).toBe('Die Rückkehr von Pendlern nach Polen')
    expect(citations[1]?.item['publisher-place']).toBe('Berlin')
  })

  it('still reads `nach` before a name and a year as the lead-in to a cited work', () => {
    const {citations} = citeNotes(['So die Wege der Stadt nach Wiesel 2001, S. 3.', 'Amsel 1999, zitiert nach Wiesel 2001, S. 3.'], 'de')
    const byNote = (note: number) => citations.filter((citation) => citation.note === note).map((citation) => families(citation))
    expect(byNote(1)).toEqual([['Wiesel']])
    expect(byNote(2).at(-1)).toEqual(['Wiesel'])
  })
})
