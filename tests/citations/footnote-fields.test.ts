import {describe, expect, it} from 'vitest'
import type {Label} from '../../pipeline/citations/model/labels.js'
import {brokenWordsJoined} from '../../pipeline/citations/model/reference.js'
import {citeNotes, families} from './document.js'

/** Tokens with these words and labels, their offsets as if one space parted them. */
function labelled(words: ReadonlyArray<[string, Label]>) {
  let start = 0
  return words.map(([text, label]) => {
    const token = {text, label, start, end: start + text.length}
    start = token.end + 1
    return token
  })
}

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

describe('a word broken at a line end in a footnote', () => {
  it('keeps the second half of the word in the title, in German and in English', () => {
    const {citations} = citeNotes([
      'Vgl. etwa: Verein für Deichbau (2010): deichbrief. Arbeit am Watt. Heft 2, Mai/Juni 2010. Bremen; Amsel, Rolf/Wiesel, Tanja/Fink, Erna (2011): Frauen in der Fähr- schifffahrt. Verlag Hafen Nord, Kiel;',
      'Tom Hale, Harbour Work and Pa- rental Leave, London: Tide Press, 1999, p. 4.'
    ], 'de')
    const last = citations.filter((citation) => citation.note === 1).at(-1)
    expect(last?.item.title).toBe('Frauen in der Fähr- schifffahrt')
    expect(families(last)).toEqual(['Amsel', 'Wiesel', 'Fink'])
    expect(citations.find((citation) => citation.note === 2)?.item.title).toBe('Harbour Work and Pa- rental Leave')
  })

  it('before the split joins only a second half read as no reference\'s; after it, any', () => {
    const compound = labelled([['Familie', 'title'], ['in', 'title'], ['Nord-', 'title'], ['und', 'other'], ['Süddeutschland.', 'title']])
    brokenWordsJoined(compound, true)
    expect(compound.map((token) => token.label)).toEqual(['title', 'title', 'title', 'title', 'title'])
    const series = labelled([['Sahel,', 'title'], ['Collection', 'journal'], ['Mé-', 'title'], ['moires,', 'journal'], ['98,', 'volume']])
    brokenWordsJoined(series, true)
    expect(series.map((token) => token.label)).toEqual(['title', 'journal', 'title', 'journal', 'volume'])
    brokenWordsJoined(series)
    expect(series.map((token) => token.label)).toEqual(['title', 'journal', 'title', 'title', 'volume'])
    // A capitalized word after the hyphen is a word of its own.
    const names = labelled([['Ost-', 'title'], ['Berlin', 'location']])
    brokenWordsJoined(names)
    expect(names.map((token) => token.label)).toEqual(['title', 'location'])
  })
})

describe('the day a document was made, after its title', () => {
  it('reads `Beschluss vom …` after the title as a note on the document, not as its periodical', () => {
    const {citations} = citeNotes([
      'Quelle: DKR - Deichkammerrat (Hrsg.) (2006): Regeln für den Bau von Sielen. Beschluss vom 15.6.2005.',
      'Hafenrat (2009): Leitlinien für Fähren. Beschluss vom 12.3.2008.'
    ], 'de')
    expect(citations.map((citation) => citation.item['container-title'])).toEqual([undefined, undefined])
    expect(citations.map((citation) => citation.item.title)).toEqual(['Regeln für den Bau von Sielen', 'Leitlinien für Fähren'])
    expect(citations.map((citation) => citation.item.issued?.['date-parts']?.[0]?.[0])).toEqual([2006, 2009])
    expect(citations[1]?.item.note).toContain('Beschluss vom 12.3.2008')
  })
})

describe('a name after a title of address inside a title', () => {
  it('keeps the addressee of a dated letter in the title, not in a periodical', () => {
    const {citations} = citeNotes(['Schreiben an Rektor Prof. Dr. Karl Amsel vom 3. 2. 1987.', 'Brief an Dr. Tanja Wiesel vom 4. 4. 1990.'], 'de')
    expect(citations.map((citation) => citation.item.title)).toEqual(['Schreiben an Rektor Prof. Dr. Karl Amsel', 'Brief an Dr. Tanja Wiesel'])
    expect(citations.map((citation) => citation.item['container-title'])).toEqual([undefined, undefined])
    expect(citations.map((citation) => citation.item.issued?.['date-parts']?.[0]?.[0])).toEqual([1987, 1990])
  })
})
