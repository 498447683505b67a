// A name printed inverted before an editor's cue (`Family, Given, ed.`), then a title that holds
// `and`: one editor, and the whole title. Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {namesOf} from '../../pipeline/citations/names.js'
import {citeNotes} from './document.js'

describe('an inverted editor before the title', () => {
  test('notes with publication facts in brackets: the emphasized and the plain title', () => {
    const {inNote} = citeNotes([
      'Tarrow, Edwin, ed., *Weirs and Sluices of the Fens* (Ely: Marsh Press, 1990), 5.',
      'Tarrow, Edwin, ed., Weirs and Sluices of the Fens (Ely: Marsh Press, 1990), 5.'
    ])
    for (const note of [1, 2]) {
      const [citation] = inNote(note)
      expect(citation?.item.editor).toEqual([{family: 'Tarrow', given: 'Edwin'}])
      expect(citation?.item.author).toBeUndefined()
      expect(citation?.item.title).toBe('Weirs and Sluices of the Fens')
      expect(citation?.item.publisher).toBe('Marsh Press')
    }
  })

  test('a bibliography-style note: the cue closes the names, the title keeps its `and`', () => {
    const {inNote} = citeNotes(['Tarrow, Edwin, ed. Weirs and Sluices of the Fens. Ely: Marsh Press, 1990.'])
    const [citation] = inNote(1)
    expect(citation?.item.editor).toEqual([{family: 'Tarrow', given: 'Edwin'}])
    expect(citation?.item.title).toBe('Weirs and Sluices of the Fens')
  })

  test('a family name and given names after one comma are one person; a list with `and` is several', () => {
    expect(namesOf('Tarrow, Edwin')).toEqual([{family: 'Tarrow', given: 'Edwin'}])
    expect(namesOf('Tarrow, Edwin J.')).toEqual([{family: 'Tarrow', given: 'Edwin J.'}])
    expect(namesOf('Tarrow, Lind, and Crewe').map((name) => name.family)).toEqual(['Tarrow', 'Lind', 'Crewe'])
    expect(namesOf('Ann Tarrow, Lind Crewe').map((name) => name.family)).toEqual(['Tarrow', 'Crewe'])
  })
})
