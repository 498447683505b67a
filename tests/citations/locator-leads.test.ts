import {describe, expect, test} from 'vitest'
import {normalizeRange, trailingLocator} from '../../pipeline/citations/locator.js'
import {readLocator, type Found} from '../../pipeline/citations/published-locator.js'
import {citeNotes} from './document.js'

describe('locators after a word, and pages printed twice', () => {
  test('a page printed twice in a list is cited once; other lists are kept', () => {
    expect(normalizeRange('23, 23')).toBe('23')
    expect(normalizeRange('4, 9, 4')).toBe('4, 9')
    expect(normalizeRange('23, 24')).toBe('23, 24')
    expect(normalizeRange('12 - 14')).toBe('12-14')
  })

  test('`at 210`, `ici p. 52`, `hier S. 9` before the locator', () => {
    const read = (rest: string) => {
      const found: Found = {}
      return {rest: readLocator(rest, found), found}
    }
    expect(read(', at 210')).toEqual({rest: '', found: {locator: '210', label: 'page'}})
    expect(read(', ici p. 52.')).toEqual({rest: '.', found: {locator: '52', label: 'page'}})
    expect(read(', hier S. 9')).toEqual({rest: '', found: {locator: '9', label: 'page'}})
    expect(trailingLocator('Marsh, Tolls, ici p. 52')).toMatchObject({locator: '52', label: 'page'})
    // A word that is no lead-in stays.
    expect(read(', atlas 3').found.locator).toBeUndefined()
  })

  test('in notes', () => {
    const {inNote} = citeNotes(['Odette Lambin, *Les écluses du Nord*, Lille, Éditions du Quai, 1983, ici p. 52.', 'Piers Gault, *Grain and Salt* (York: Fenwick, 1972), pp. 23, 23.'], 'fr')
    expect(inNote(1)[0]).toMatchObject({locator: '52', item: {publisher: 'Éditions du Quai'}})
    expect(inNote(2)[0]?.locator).toBe('23')
  })
})
