// A series and its number in brackets before the publication facts: both kept. Notes written for
// these tests.
import {describe, expect, test} from 'vitest'
import {parsePublished} from '../../pipeline/citations/parse-published.js'
import {citeNotes} from './document.js'

describe('a series before the publication facts', () => {
  const {inNote} = citeNotes([
    'Nora Pell, *Locks of the Fen* (Studies in Water History, 7) (Ely: Clarion Press, 1990), 4.',
    'Nora Pell, *Weirs* (Fen Studies, no. 12) (Ely: Marsh Press, 1991), 7.',
    'Nora Pell, *Sluices* (Ely: Marsh Press, 1992), 9.'
  ])

  test('the series and its number, then place, publisher and year', () => {
    expect(inNote(1)[0]?.item).toMatchObject({title: 'Locks of the Fen', 'collection-title': 'Studies in Water History', 'collection-number': '7', publisher: 'Clarion Press', 'publisher-place': 'Ely'})
    expect(inNote(1)[0]?.item.issued?.['date-parts']?.[0]?.[0]).toBe(1990)
    expect(inNote(1)[0]?.locator).toBe('4')
    expect(inNote(2)[0]?.item).toMatchObject({'collection-title': 'Fen Studies', 'collection-number': '12', publisher: 'Marsh Press'})
  })

  test('a volume, a part or a reprint in brackets is no series', () => {
    for (const bracket of ['(Vol. 3)', '(Bd. 2)', '(Teil 1)', '(Reprint 1985)']) {
      const parse = parsePublished(`Nora Pell, *Dykes* ${bracket} (Ely: Marsh Press, 1993), 2.`)
      expect(parse?.item['collection-title'], bracket).toBeUndefined()
      expect(parse?.item['collection-number'], bracket).toBeUndefined()
    }
  })

  test('no series where none is printed', () => {
    expect(inNote(3)[0]?.item['collection-title']).toBeUndefined()
    expect(inNote(3)[0]?.item).toMatchObject({title: 'Sluices', publisher: 'Marsh Press'})
  })
})
