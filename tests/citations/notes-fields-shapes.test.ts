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
    'Maren Holt, Wem gehört der Strand? Bäder und Badegäste 1880–1914, Rostock: Ostsee-Verlag, 2006, S. 77.',
    'Maren Holt, Wer baut die Deiche? Genossenschaften an der Küste, Husum: Nordfries Verlag, 2011, S. 5.'
  ], 'de', {title: 'Test', call: 'Text', and: 'und'})

  test.each([
    [1, 'Wem gehört der Strand? Bäder und Badegäste 1880–1914', 2006],
    [2, 'Wer baut die Deiche? Genossenschaften an der Küste', 2011]
  ])('note %i: a book with the subtitle in its title', (note, title, year) => {
    const [book] = inNote(note)
    expect(book?.item.type).toBe('book')
    expect(book?.item.title).toBe(title)
    expect(book?.item['container-title']).toBeUndefined()
    expect(book?.item.issued?.['date-parts']?.[0]?.[0]).toBe(year)
  })
})

// Author-date citations and article references in the notes of German social-science papers.
describe('names in author-date notes', () => {
  test.each([
    ['Vgl. Lengfeld, Ruhe und Stahl 2005, S. 3.', ['Lengfeld', 'Ruhe', 'Stahl']],
    ['Lengfeld, Ruhe, Stahl 2005.', ['Lengfeld', 'Ruhe', 'Stahl']],
    ['Näheres im Beitrag von T. Ahrend in: Kolb/Sänger 2002: 215.', ['Ahrend']],
    ['Lengfeld, Hanna und Stahl, Carla 2005, S. 3.', ['Lengfeld', 'Stahl']]
  ])('%s: the family names', (note, names) => {
    const [citation] = parseReferences(note)
    expect(familyNames(citation?.parse.item.author)).toEqual(names)
    expect(citation?.parse.item.author?.every((name) => !name.given || /^(?:Hanna|Carla|T\.)$/.test(name.given))).toBe(true)
  })

  test('a given name before the colon that ends the names is no part of the title', () => {
    const [article] = parseReferences('Brandt, Mia: Im Netz, in: Tagesblatt vom 3.5.2009, S. 14.')
    expect(article?.parse.item.author).toEqual([{family: 'Brandt', given: 'Mia'}])
    expect(article?.parse.item.title).toBe('Im Netz')
  })
})

describe('an APA article in a note: the title is no part of the journal', () => {
  test.each([
    ['Rauch, T. (2001). Lokale Politik. Journal für Verwaltung, 23(2), 45-67.', 'Lokale Politik', 'Journal für Verwaltung'],
    ['Vgl. Lind, K. & Ober, P. (2010). Warum Städte wachsen? Urban Review, 12, 5-19.', 'Warum Städte wachsen?', 'Urban Review']
  ])('%s', (note, title, journal) => {
    const [article] = parseReferences(note)
    expect(article?.parse.item.title).toBe(title)
    expect(article?.parse.item['container-title']).toBe(journal)
  })

  test('an abbreviated journal name keeps its stops', () => {
    const [article] = parseReferences('Rauch, T. (2001). Lokale Politik im Wandel. Amer. J. Adm. Sci., 23, 45-67.')
    expect(article?.parse.item.title).toBe('Lokale Politik im Wandel')
    expect(article?.parse.item['container-title']).toBe('Amer. J. Adm. Sci')
  })
})

describe('a main title of one word after the name', () => {
  test('`Given Family, Word. Subtitle, in: …`: the word opens the title', () => {
    const [article] = parseReferences('Horst Zeller, Mobilität. Ein Überblick, in: Zeitschrift für Verkehr 12 (2003), S. 3-10.')
    expect(article?.parse.item.author).toEqual([{family: 'Zeller', given: 'Horst'}])
    expect(article?.parse.item.title).toBe('Mobilität. Ein Überblick')
    expect(article?.parse.item['container-title']).toBe('Zeitschrift für Verkehr')
  })
})

describe('the place after the publisher', () => {
  test.each([
    ['Sattler, Ina/Moor, Jens (2015): Alte Häfen neu genutzt. Verlag Hansen Kühl, Emden;', 'Verlag Hansen Kühl'],
    ['Sattler, Ina (2015): Häfen und Städte. Emden.', undefined]
  ])('%s: the town is the place, not the publisher', (note, publisher) => {
    const [book] = parseReferences(note)
    expect(book?.parse.item['publisher-place']).toBe('Emden')
    expect(book?.parse.item.publisher).toBe(publisher)
  })
})

describe('a journal cited by its Jahrgang, year and Heft, set off by commas', () => {
  test('the year read among the volume words is the date', () => {
    const [article] = parseReferences('Karla Winter, Die Straße, in: Stadtforschung, 5. Jg., 1990, Heft 2, S. 33-50.')
    expect(article?.parse.item).toMatchObject({title: 'Die Straße', 'container-title': 'Stadtforschung', volume: '5', issue: '2', page: '33-50'})
    expect(article?.parse.item.issued?.['date-parts']).toEqual([[1990]])
    expect(article?.parse.item.author).toEqual([{family: 'Winter', given: 'Karla'}])
  })

  test('an English book: the name as printed, its comma, then the title before the edition', () => {
    const [book] = parseReferences('Ann Vale, Harbour Towns, 2nd edn (Leith: Quay, 1981), p. 4.')
    expect(book?.parse.item.author).toEqual([{family: 'Vale', given: 'Ann'}])
    expect(book?.parse.item.title).toBe('Harbour Towns')
  })

  test('a name printed given name first, a comma, then a title of several words', () => {
    const [book] = parseReferences('Uwe Pohl, Arbeit, Markt und Staat, Wiesbaden 2003, S. 22.')
    expect(book?.parse.item.author).toEqual([{family: 'Pohl', given: 'Uwe'}])
    expect(book?.parse.item.title).toBe('Arbeit, Markt und Staat')
  })
})

describe('online periodicals and the same author as editor', () => {
  test('a periodical whose name ends in Online keeps its day before the address', () => {
    const [page] = parseReferences('Jana Roth, Ein Jahr danach, in: Blatt Online, 4.5.2003, http://www.example.org/artikel.html (Zugriff: 5.5.2003).')
    expect(page?.parse.item['container-title']).toBe('Blatt Online')
    expect(page?.parse.item.issued?.['date-parts']).toEqual([[2003, 5, 4]])
    expect(page?.parse.item.URL).toBe('http://www.example.org/artikel.html')
  })

  test.each([
    ['Karla Winter, Die Straße, in: Dies. (Hrsg.): Stadtbilder. Berlin 1992, S. 3-9.', ['Winter']],
    ['Dies., Die Gärten, in: Dies./Udo Kern (Hg.), Natur, Bonn 2004, S. 5-20.', ['Kern']]
  ])('%s: `Dies.` among the editors is the author, never a name of its own', (note, editors) => {
    const [chapter] = parseReferences(note)
    expect(familyNames(chapter?.parse.item.editor)).toEqual(editors)
  })
})

describe('author-date citations listed in a note', () => {
  const read = (note: string) => parseReferences(note).map((found) => [familyNames(found.parse.item.author), found.parse.item.issued?.['date-parts']?.[0]?.[0], found.parse.locator])

  test('names and years after semicolons are citations each, the last too', () => {
    expect(read('Vgl. Roth 1990; Kern und Lenz 1994; Alt et al. 2001.')).toEqual([[['Roth'], 1990, undefined], [['Kern', 'Lenz'], 1994, undefined], [['Alt'], 2001, undefined]])
    expect(read('Müller 2003: 12; Weber 2001.')).toEqual([[['Müller'], 2003, '12'], [['Weber'], 2001, undefined]])
  })

  test('bracketed years with their pages, joined by und, are two citations', () => {
    expect(read('Müller (2003: 205) und Weber (2001: 17).')).toEqual([[['Müller'], 2003, '205'], [['Weber'], 2001, '17']])
  })

  test('a second year in the brackets is no page', () => {
    expect(read('Lenz/Roth (1979, 1994).')).toEqual([[['Lenz', 'Roth'], 1979, undefined]])
  })

  test('prose after a semicolon is no citation', () => {
    expect(read('So argumentiert Roth 1990; anders dagegen die Stadt 1994.')).toEqual([[['Roth'], 1990, undefined]])
  })
})

describe('a title of one word before the place', () => {
  test.each([
    ['Hans Roth/Eva Kern (Hg.), Räume, Frankfurt a. M. 2005.', 'Räume', 'Frankfurt a. M'],
    ['Uta Born, Raum, Hamburg 2000.', 'Raum', 'Hamburg']
  ])('%s: the word is the title, the town the place', (note, title, place) => {
    const [book] = parseReferences(note)
    expect(book?.parse.item.title).toBe(title)
    expect(book?.parse.item['publisher-place']).toBe(place)
  })

  test('towns listed stay the places', () => {
    const [book] = parseReferences('Eva Kern, Paris, Berlin 2001.')
    expect(book?.parse.item['publisher-place']).toBe('Paris, Berlin')
  })
})
