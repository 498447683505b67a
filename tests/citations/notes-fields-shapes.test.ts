// Footnotes whose fields the labeller's words alone read wrong: an editors' cue set off by commas
// before the title (`Name, ed., Title (Place: Publisher, Year)`), a short form whose short title
// was read as given names (`Name, Title und Title, S. 12`), and a subtitle after a question read
// as a journal where a place and publisher follow. Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'
import {citeNotes, familyNames, families} from './document.js'

// English books cited in the notes of a German article, read by the labeller.
describe('editors named before the title with their cue between commas', () => {
  test.each([
    ['Peter Hall, ed., Towns and Markets (London: Field, 1975), 33.', ['Hall'], 'Towns and Markets'],
    ['Mary Stone and John Reed, eds., Port Cities (New York: Dock, 1981), 5-7.', ['Stone', 'Reed'], 'Port Cities'],
    ['Ann Vale, ed., Harbour Towns of the North (Leith: Quay Press, 1981), 4.', ['Vale'], 'Harbour Towns of the North']
  ])('%s: the names are the editors, the words after the cue the title', (note, editors, title) => {
    const [book] = parseReferences(note)
    expect(familyNames(book?.parse.item.editor)).toEqual(editors)
    expect(book?.parse.item.author).toBeUndefined()
    expect(book?.parse.item.title).toBe(title)
  })
})

describe('German short forms: the short title is no given name', () => {
  const {inNote, target} = citeNotes([
    'Norbert Fink, Macht und Raum, Berlin 1999, S. 12.',
    'Fink, Macht und Raum, S. 16.',
    'Vgl. Fink, Macht und Raum (wie Anm. 1), S. 17 f.',
    'Fink, Macht und Raum, a.a.O., S. 18.',
    'Stein, Paula und Fels, Otto, S. 5.'
  ], 'de', {title: 'Test', call: 'Text', and: 'und'})

  test.each([2, 3, 4])('note %i: one author, the short title, a short form of note 1', (note) => {
    const [short] = inNote(note)
    expect(families(short)).toEqual(['Fink'])
    expect(short?.item.author?.[0]?.given).toBeUndefined()
    expect(short?.item.title).toBe('Macht und Raum')
    expect(short?.shortForm).toBe(true)
    expect(target(short)?.note).toBe(1)
  })

  test('names inverted and joined by und stay two authors', () => {
    expect(families(inNote(5)[0])).toEqual(['Stein', 'Fels'])
    expect(inNote(5)[0]?.item.title).toBeUndefined()
  })
})

describe('a subtitle after a question, then a place and publisher, is no journal', () => {
  const {inNote} = citeNotes([
    'Olga Wirt, Polen: Weg in die Isolation? Aus polnischen Fachzeitschriften 1997, Ebenhausen: Stiftung Politik, März 1998, S. 21.',
    'Olga Wirt, Europa: Rückkehr zur Nation? Aus deutschen Zeitungen 1998, Bonn: Stiftung Politik, Mai 1999, S. 19.'
  ], 'de', {title: 'Test', call: 'Text', and: 'und'})

  test.each([
    [1, 'Polen: Weg in die Isolation? Aus polnischen Fachzeitschriften 1997', 1998],
    [2, 'Europa: Rückkehr zur Nation? Aus deutschen Zeitungen 1998', 1999]
  ])('note %i: a book with the subtitle in its title', (note, title, year) => {
    const [book] = inNote(note)
    expect(book?.item.type).toBe('book')
    expect(book?.item.title).toBe(title)
    expect(book?.item['container-title']).toBeUndefined()
    expect(book?.item.issued?.['date-parts']?.[0]?.[0]).toBe(year)
  })
})
