// English notes whose citation follows a lead-in (`See, e.g.,`, `See, for example,`, `On this
// point see`, `As quoted in`) or a sentence of comment, and a working paper cited without place
// and publisher in parentheses. Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {citeNotes, families} from './document.js'

describe('lead-ins before a book in Chicago notes', () => {
  const {inNote, target} = citeNotes([
    'See, e.g., A. Marsh, The Rise of the Wharves (London: Harrow, 1999), 12.',
    'See, for example, John Tiller, A History of Canals (Boston: Larkin Press, 1987), 45–46.',
    'On this point see Robert Hale, Empire and Barley (Oxford: Fenwick Press, 1975), 9.',
    'As quoted in Mary Fields, The Long Harvest (Chicago: University of Calder Press, 2001), 77.',
    'The figures are disputed. Compare Ruth Ames, Counting Sheep (Leeds: Moorland, 1993), 4.',
    'Tiller, History of Canals, 50.',
    'Ibid., 52.'
  ])

  test.each([
    [1, 'Marsh', 'The Rise of the Wharves', 'Harrow'],
    [2, 'Tiller', 'A History of Canals', 'Larkin Press'],
    [3, 'Hale', 'Empire and Barley', 'Fenwick Press'],
    [4, 'Fields', 'The Long Harvest', 'University of Calder Press'],
    [5, 'Ames', 'Counting Sheep', 'Moorland']
  ])('note %i: the lead-in is no part of the author', (note, family, title, publisher) => {
    const [book] = inNote(note)
    expect(families(book)).toEqual([family])
    expect(book?.item).toMatchObject({title, publisher})
  })

  test('a short form and Ibid. point back', () => {
    expect(target(inNote(6)[0])?.note).toBe(2)
    expect(inNote(7)[0]?.ibid).toBe(true)
  })
})

describe('names printed inverted before a title in another language', () => {
  const {inNote} = citeNotes([
    'Orlov, Boris, Moskva v novom veke: vzgljad iznutri (Moskau im neuen Jahrhundert), in: Voprosy istorii, (Mai 2001) 5, S. 12-20.',
    'Müller, Hans, Meier, Karl, Die Zünfte, Berlin 1990.'
  ], 'de')

  test('a capitalized word before a word in lower case opens the title', () => {
    const [article] = inNote(1)
    expect(families(article)).toEqual(['Orlov'])
    expect(article?.item.title).toMatch(/^Moskva v novom veke/)
    expect(article?.item['container-title']).toBe('Voprosy istorii')
    expect(article?.item.page).toBe('12-20')
  })

  test('two names printed inverted stay two authors', () => {
    expect(families(inNote(2)[0])).toEqual(['Müller', 'Meier'])
    expect(inNote(2)[0]?.item.title).toBe('Die Zünfte')
  })
})

describe('a person and the body they speak for', () => {
  const {inNote} = citeNotes([
    'Laura Stein, Brandon Institute, in einem Gespräch vom 2.2.2008.'
  ], 'de')

  test('the word before the body\'s noun is no second name', () => {
    expect(families(inNote(1)[0])).toEqual(['Stein'])
    expect(inNote(1)[0]?.item.author?.[0]?.given).toBe('Laura')
  })
})

describe('a title and a town the labeller read as more names', () => {
  const {inNote} = citeNotes([
    'See generally Tom Reid, Harbours and Empire, Oxford 1975, pp. 9-11.',
    'Siehe hierzu ausführlich Jan Peters, Der Deich, Husum 1980, S. 3.'
  ], 'de')

  test.each([
    [1, 'Reid', 'Harbours and Empire', 'Oxford', 1975],
    [2, 'Peters', 'Der Deich', 'Husum', 1980]
  ])('note %i: one author, the title, the town and the year', (note, family, title, town, year) => {
    const [book] = inNote(note)
    expect(families(book)).toEqual([family])
    expect(book?.item).toMatchObject({title, 'publisher-place': town})
    expect(book?.item.issued?.['date-parts']).toEqual([[year]])
  })
})
