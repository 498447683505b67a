// Two places of publication printed with commas (`Paris, Le Havre, 1990`): the second is no
// publisher; a place and a publisher, with a comma or a colon, stay as they are. Notes written
// for these tests.
import {describe, expect, test} from 'vitest'
import {publicationTowns} from '../../pipeline/shared/vocabulary/places.js'
import {citeNotes} from './document.js'

describe('places of publication', () => {
  const {inNote} = citeNotes([
    'Odile Sarrat, *Les quais oubliés*, Paris, Le Havre, 1990, p. 8.',
    'Odile Sarrat, *Les quais oubliés*, Paris, Éditions du Môle, 1990, p. 8.',
    'Odile Sarrat, *Les écluses*, Lille, Brumaire, 1981, p. 8.',
    'Odile Sarrat, *Les quais oubliés* (Paris: Éditions du Môle, 1990), p. 8.'
  ], 'fr')

  test('a town the vocabulary knows after a first place is a second place, and no publisher', () => {
    expect(publicationTowns.has('Le Havre')).toBe(true)
    const [book] = inNote(1)
    expect(book?.item['publisher-place']).toBe('Paris, Le Havre')
    expect(book?.item.publisher).toBeUndefined()
    expect(book?.item.issued?.['date-parts']?.[0]?.[0]).toBe(1990)
  })

  test('`Place, Publisher, Year` and `Place: Publisher, Year` keep their publisher', () => {
    expect(inNote(2)[0]?.item).toMatchObject({'publisher-place': 'Paris', publisher: 'Éditions du Môle'})
    expect(inNote(3)[0]?.item).toMatchObject({'publisher-place': 'Lille', publisher: 'Brumaire'})
    expect(inNote(4)[0]?.item).toMatchObject({'publisher-place': 'Paris', publisher: 'Éditions du Môle'})
  })
})
