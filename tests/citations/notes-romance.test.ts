// French and Italian notes: a book's tome (`t. III`) before its place and publisher, an editor
// marked `(éd.)` and a publishing society after a title in emphasis, the journal of an Italian
// note in guillemets after `in` with its volume in Roman numerals, `a cura di`, and the pointers
// back (`art. cit.`, `op. cit.`, `ibid.`, `ivi`, `cit.`). Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {citeNotes, families} from './document.js'

describe('French notes', () => {
  const {inNote, target} = citeNotes([
    'Jeanne Marchal, *Les moulins du Vexin*, t. III, Paris, Colin, 1958, p. 45.',
    'Voir Paul Girard, « La crise des bourgs », *Revue d\'histoire rurale*, t. 31, 1969, p. 33-58.',
    'Girard, art. cit., p. 40.',
    'Marchal, op. cit., p. 12.',
    'Ibid., p. 14.',
    'Henri Mercier (éd.), *Lettres de l\'intendant*, Rouen, Société des amis du Vexin, 1907, t. II, p. 210.',
    'Cf. Louis Marin, *Histoire des marais*, 2e éd., Nantes, Ouest-Livres, 1986, p. 77.'
  ], 'fr')

  test('a tome after the title is the volume, the place and publisher after it are the book\'s', () => {
    const [book] = inNote(1)
    expect(families(book)).toEqual(['Marchal'])
    expect(book?.item).toMatchObject({type: 'book', title: 'Les moulins du Vexin', volume: 'III', publisher: 'Colin', 'publisher-place': 'Paris'})
    expect(book?.item.issued?.['date-parts']).toEqual([[1958]])
  })

  test('an article in a journal: the tome is the journal\'s volume, the range its pages', () => {
    const [article] = inNote(2)
    expect(families(article)).toEqual(['Girard'])
    expect(article?.item).toMatchObject({title: 'La crise des bourgs', 'container-title': 'Revue d\'histoire rurale', volume: '31', page: '33-58'})
  })

  test('art. cit. and op. cit. point back to the work of the same author', () => {
    expect(target(inNote(3)[0])?.note).toBe(2)
    expect(target(inNote(4)[0])?.note).toBe(1)
    expect(inNote(5)[0]?.ibid).toBe(true)
  })

  test('a society after the title in emphasis, with the year and tome after it, publishes the book', () => {
    const [book] = inNote(6)
    expect(book?.item.editor?.map((name) => name.family)).toEqual(['Mercier'])
    expect(book?.item).toMatchObject({type: 'book', title: 'Lettres de l\'intendant', publisher: 'Société des amis du Vexin', 'publisher-place': 'Rouen', volume: 'II'})
    expect(book?.item['container-title']).toBeUndefined()
    expect(book?.item.issued?.['date-parts']).toEqual([[1907]])
  })

  test('an edition after the title, then place, publisher and year', () => {
    expect(inNote(7)[0]?.item).toMatchObject({title: 'Histoire des marais', edition: '2', publisher: 'Ouest-Livres', 'publisher-place': 'Nantes'})
  })
})

describe('Italian notes', () => {
  const {inNote, target} = citeNotes([
    'Giovanni Rossi, *Le pievi del Casentino*, Firenze, Olschki, 1972, p. 88.',
    'Cfr. Luca Bianchi, *Il comune rurale*, a cura di Marco Verdi, Roma, Laterza, 1995, pp. 12-14.',
    'Ivi, p. 90.',
    'Anna Ferri, La bonifica delle valli, in «Studi padani», XII, 1971, 3, pp. 455-480.',
    'Rossi, *Le pievi* cit., p. 91.',
    'Ferri, art. cit., p. 460.'
  ], 'it', {title: 'Prova', call: 'Testo', and: 'e'})

  test('a book: place, publisher, year', () => {
    expect(inNote(1)[0]?.item).toMatchObject({title: 'Le pievi del Casentino', publisher: 'Olschki', 'publisher-place': 'Firenze'})
  })

  test('a cura di names the editor, Cfr. leads in', () => {
    const [book] = inNote(2)
    expect(families(book)).toEqual(['Bianchi'])
    expect(book?.item.editor?.map((name) => name.family)).toEqual(['Verdi'])
    expect(book?.item.title).toBe('Il comune rurale')
  })

  test('the journal in guillemets after in, its volume in Roman numerals', () => {
    const [article] = inNote(4)
    expect(families(article)).toEqual(['Ferri'])
    expect(article?.item).toMatchObject({type: 'article-journal', title: 'La bonifica delle valli', 'container-title': 'Studi padani', volume: 'XII', page: '455-480'})
    expect(article?.item.issued?.['date-parts']).toEqual([[1971]])
  })

  test('ivi, a short title with cit. and art. cit. point back', () => {
    expect(inNote(3)[0]?.ibid).toBe(true)
    expect(target(inNote(5)[0])?.note).toBe(1)
    expect(target(inNote(6)[0])?.note).toBe(4)
  })
})
