import {describe, expect, test} from 'vitest'
import {parseAuthorPointer} from '../../pipeline/citations/parse-published.js'
import {citeNotes, families} from './document.js'

const fullNotes = ['Hilda Marsh, *The Tolls of the Upper Weir* (Leeds: Garth Press, 1964), 40.', 'See Owen Tarrant, *Ferries and Fords* (Hull: Dray, 1971), 3.']

describe('short forms that point at the note citing the work', () => {
  test('a name with initials before `Fußnote 5` is the author, not a title', () => {
    expect(parseAuthorPointer('R. Marsh, Fußnote 5, S. 9.')).toMatchObject({item: {author: [{family: 'Marsh', given: 'R.'}]}, locator: '9', opCit: true})
    expect(parseAuthorPointer('R. T. Marsh, Anm. 5, S. 12.')).toMatchObject({item: {author: [{family: 'Marsh', given: 'R. T.'}]}, locator: '12'})
  })

  test('`Name, supra note N, at P` keeps its locator, also when prose follows', () => {
    const {inNote} = citeNotes([...fullNotes, 'Marsh, supra note 1, at 212. The weir was rebuilt twice.', 'Tarrant, supra note 2, at 7.'])
    for (const [note, locator, target] of [[3, '212', 1], [4, '7', 2]] as const) {
      const [short] = inNote(note)
      expect(families(short)).toEqual([note === 3 ? 'Marsh' : 'Tarrant'])
      expect(short?.item.title).toBeUndefined()
      expect(short?.locator).toBe(locator)
      expect(short?.resolvesTo?.note).toBe(target)
    }
  })

  test('`Note 1 above` and `See note 2 above, p. 9` with no name resolve to that note', () => {
    const {inNote} = citeNotes([...fullNotes, 'Note 1 above.', 'See note 2 above, p. 9.', 'Note 1 above gives the older figures.'])
    expect(inNote(3).map((citation) => citation.resolvesTo?.note)).toEqual([1])
    expect(inNote(4).map((citation) => [citation.resolvesTo?.note, citation.locator])).toEqual([[2, '9']])
    expect(families(inNote(4)[0])).toBeUndefined()
    // A sentence that names a note is prose, no pointer.
    expect(parseAuthorPointer('Note 1 above gives the older figures.')).toBeUndefined()
  })
})
