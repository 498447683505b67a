// A lead-in before a name that opens with a particle (`See de Marville`) is no part of the name:
// only a body's noun opens a name before `de`, `für`, `of`. Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'

describe('a lead-in before a particle', () => {
  test('`See` and `Voir` stay out of the author', () => {
    for (const note of ['See de Marville, *Les quais*, Paris 1961, p. 3.', 'Voir de Lanoy, *Le port de Sète*, Paris 1958, p. 12.']) {
      const [reference] = parseReferences(note)
      expect(reference?.parse?.item.author, note).toBeDefined()
      for (const name of reference?.parse?.item.author ?? []) {
        expect(JSON.stringify(name), note).not.toMatch(/See|Voir/)
      }
    }
  })
})
