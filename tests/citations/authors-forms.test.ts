// Authors as printed in German notes: a quotation is no name, `in:` inside a run of names opens
// the work a contribution is in, a person's affiliation after a comma is no part of the name nor
// a body before the persons who wrote for it, and the first name of an inverted list keeps its order when its comma is lost. References
// written for these tests.
import {describe, expect, test} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'
import {namesFrom} from '../../pipeline/citations/model/reference.js'

const namesOf = (list: ReadonlyArray<{family?: string; given?: string; literal?: string}> | undefined) => list?.map((name) => name.literal ?? [name.family, name.given].filter(Boolean).join(', '))

function read(text: string) {
  const item = parseReferences(text)[0]?.parse.item
  return {authors: namesOf(item?.author), editors: namesOf(item?.editor), title: item?.title}
}

describe('names and what is no name', () => {
  test('words in quotation marks are a title, not an author', () => {
    expect(read('„Seemannsgarn„, Lindner (1990), S. 11f.')).toMatchObject({authors: ['Lindner'], title: 'Seemannsgarn'})
  })

  test('`in:` among the names opens the work the contribution is in', () => {
    expect(read('So etwa von K. H. Lindner in: Brauer/Kötter 1980: 63f.')).toMatchObject({authors: ['Lindner, K. H.'], editors: ['Brauer', 'Kötter']})
  })

  test('a person’s name before a comma and a body is the person', () => {
    expect(namesOf(namesFrom('Anna Lindner, Hanseatic Institute'))).toEqual(['Lindner, Anna'])
    // A body alone stays one name.
    expect(namesOf(namesFrom('Hanseatic Institute'))).toEqual(['Hanseatic Institute'])
  })

  test('a body, then the persons who wrote for it, are the persons', () => {
    expect(namesOf(namesFrom('Policy Paper Institut für Küstenfragen, Anna Roth und Julia von Vogt'))).toEqual(['Roth, Anna', 'von Vogt, Julia'])
    // A body and one of its parts stays the body.
    expect(namesOf(namesFrom('Institut für Küstenfragen, Abteilung Häfen'))).toEqual(['Institut für Küstenfragen, Abteilung Häfen'])
  })

  test('the first name of an inverted list that lost its comma is inverted too', () => {
    expect(namesOf(namesFrom('Lindner Karl/Brauer, Tobias'))).toEqual(['Lindner, Karl', 'Brauer, Tobias'])
    // `Family, Given/Given Family` inverts the first name alone.
    expect(namesOf(namesFrom('Brauer, Tobias/Karl Lindner'))).toEqual(['Brauer, Tobias', 'Lindner, Karl'])
  })

  test('a family name before initials, its comma printed as a full stop or lost', () => {
    expect(namesOf(namesFrom('Brandt, H./Lenz. M.'))).toEqual(['Brandt, H.', 'Lenz, M.'])
    expect(namesOf(namesFrom('Vogt, D.W., Vogt R.T., & Roth, K.'))).toEqual(['Vogt, D.W.', 'Vogt, R.T.', 'Roth, K.'])
    // A given name and one initial keep their order.
    expect(namesOf(namesFrom('Anna K. Brandt'))).toEqual(['Brandt, Anna K.'])
  })

  test('a family name with a particle, in Vancouver style and first in an inverted list', () => {
    expect(namesOf(namesFrom('Holm C, Berg M, Le Roux A'))).toEqual(['Holm, C', 'Berg, M', 'Le Roux, A'])
    expect(namesOf(namesFrom('Le Roux, Marie, Paul Vogt, Anna Brandt and Karl Lenz'))).toEqual(['Le Roux, Marie', 'Vogt, Paul', 'Brandt, Anna', 'Lenz, Karl'])
  })
})
