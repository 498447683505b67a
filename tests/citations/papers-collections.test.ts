// A person's papers kept in a library, cited without a box or folder: the papers are the
// collection and the library its repository; the person they are named after is no author.
// Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {repositoryLocation} from '../../pipeline/citations/repositories.js'
import {citeNotes} from './document.js'

describe('papers named after a person', () => {
  test('a collection, then the repository that keeps it, is a location of its own', () => {
    expect(repositoryLocation('Corwin Vale Papers, Fenmouth University Library, Ely.')).toMatchObject({collection: 'Corwin Vale Papers', archive: 'Fenmouth University Library', place: 'Ely'})
    // A repository alone, or a collection alone, is not enough.
    expect(repositoryLocation('Fenmouth University Library, Ely.')).toBeUndefined()
    expect(repositoryLocation('Corwin Vale Papers.')).toBeUndefined()
  })

  test('cited alone or after a letter: the papers are the collection, never an author', () => {
    const {inNote} = citeNotes([
      'Corwin Vale Papers, Fenmouth University Library, Ely.',
      'Letter from Ada Quill to Tom Reed, 5 May 1950, Corwin Vale Papers, Fenmouth University Library.'
    ])
    for (const note of [1, 2]) {
      const [citation] = inNote(note)
      expect(citation?.item).toMatchObject({type: 'document', archive_collection: 'Corwin Vale Papers', archive: 'Fenmouth University Library'})
      expect(citation?.item.author?.map((name) => name.family ?? name.literal) ?? []).not.toContain('Vale')
    }
    expect(inNote(2)[0]?.item.issued?.['date-parts']).toEqual([[1950, 5, 5]])
  })
})
