import {describe, expect, test} from 'vitest'
import {classicalDivisions, scholasticLocator} from '../../pipeline/citations/divisions.js'
import {citeNotes} from './document.js'

describe('classical and scholastic divisions as the locator', () => {
  test('book, chapter and section are the locator, the page of the edition kept beside them', () => {
    expect(classicalDivisions('Varenus, l. iv. \\[c. 12,] p. 316.')).toEqual({locator: 'l. iv, c. 12', label: 'book', page: '316'})
    expect(classicalDivisions('Lucanor, l. xiii. p. 604.')).toEqual({locator: 'l. xiii', label: 'book', page: '604'})
    expect(classicalDivisions('Tessalus, lib. ii. cap. 7, p. 86 sq.')).toEqual({locator: 'lib. ii, cap. 7', label: 'book', page: '86 sq.'})
    expect(classicalDivisions('Mervius, Book 3, ch. 4, § 2.')).toEqual({locator: 'Book 3, ch. 4, § 2', label: 'book'})
    expect(classicalDivisions('Orvanus, l. ii.')).toEqual({locator: 'l. ii', label: 'book'})
  })

  test('a folio, an initial or a page alone is no division', () => {
    expect(classicalDivisions('Ivanova to Petrov, l. 30.')).toBeUndefined()
    expect(classicalDivisions('Marr, B. 3')).toBeUndefined()
    expect(classicalDivisions('Hollis, *Fields of Grain*, p. 33.')).toBeUndefined()
    expect(classicalDivisions('Hollis, *Fields of Grain*, ch. 3, p. 33.')).toBeUndefined()
  })

  test('a question is extended by its article and reply', () => {
    expect(scholasticLocator('1, 2, Q. 14', ', a, 3, ad. 2. More text')).toEqual({locator: '1, 2, Q. 14, a, 3, ad. 2', length: 13})
    expect(scholasticLocator('1, 2, Q. 14', ' and elsewhere')).toBeUndefined()
    expect(scholasticLocator('4.32', ', a. 3')).toBeUndefined()
  })

  test('in notes, the book is the locator and the page is kept; folios stay folios', () => {
    const {citations} = citeNotes(['Varenus, l. iv. [c. 12,] p. 316.', 'Lucanor, l. xiii. p. 604.', '*Quaestiones*, 1, 2, Q. 14, a, 3, ad. 2.'])
    expect(citations.map(({note, locator, label, page}) => ({note, locator, label, page}))).toEqual([
      {note: 1, locator: 'l. iv, c. 12', label: 'book', page: '316'},
      {note: 2, locator: 'l. xiii', label: 'book', page: '604'},
      {note: 3, locator: '1, 2, Q. 14, a, 3, ad. 2', label: 'section', page: undefined}
    ])
    expect(citations[2]?.text).toBe('*Quaestiones*, 1, 2, Q. 14, a, 3, ad. 2')
    // The cue of a book is no title.
    const [book] = citeNotes(['Mervius, B. iii. c. 4.']).citations
    expect(book).toMatchObject({locator: 'B. iii, c. 4', label: 'book'})
    expect(book?.item.title).toBeUndefined()
  })
})
