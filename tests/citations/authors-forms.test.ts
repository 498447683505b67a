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
    expect(read('„Krabbenfang„, Oswald (1984), S. 27f.')).toMatchObject({authors: ['Oswald'], title: 'Krabbenfang'})
  })

  test('`in:` among the names opens the work the contribution is in', () => {
    expect(read('So etwa von K. H. Winkler in: Heller/Sander 1976: 118f.')).toMatchObject({authors: ['Winkler, K. H.'], editors: ['Heller', 'Sander']})
  })

  test('a person’s name before a comma and a body is the person', () => {
    expect(namesOf(namesFrom('Anna Oswald, Hanseatic Institute'))).toEqual(['Oswald, Anna'])
    // A body alone stays one name.
    expect(namesOf(namesFrom('Hanseatic Institute'))).toEqual(['Hanseatic Institute'])
  })

  test('a body, then the persons who wrote for it, are the persons', () => {
    expect(namesOf(namesFrom('Arbeitspapier Zentrum für Moorkunde, Petra Hahn und Lena von Sachs'))).toEqual(['Hahn, Petra', 'von Sachs, Lena'])
    // A body and one of its parts stays the body.
    expect(namesOf(namesFrom('Zentrum für Moorkunde, Abteilung Torf'))).toEqual(['Zentrum für Moorkunde, Abteilung Torf'])
  })

  test('the first name of an inverted list that lost its comma is inverted too', () => {
    expect(namesOf(namesFrom('Oswald Karl/Heller, Tobias'))).toEqual(['Oswald, Karl', 'Heller, Tobias'])
    // `Family, Given/Given Family` inverts the first name alone.
    expect(namesOf(namesFrom('Heller, Tobias/Karl Oswald'))).toEqual(['Heller, Tobias', 'Oswald, Karl'])
  })

  test('a family name before initials, its comma printed as a full stop or lost', () => {
    expect(namesOf(namesFrom('Brandt, H./Lenz. M.'))).toEqual(['Brandt, H.', 'Lenz, M.'])
    expect(namesOf(namesFrom('Falk, P.J., Falk M.E., & Ostrow, L.'))).toEqual(['Falk, P.J.', 'Falk, M.E.', 'Ostrow, L.'])
    // A given name and one initial keep their order.
    expect(namesOf(namesFrom('Anna K. Brandt'))).toEqual(['Brandt, Anna K.'])
  })

  test('a family name with a particle, in Vancouver style and first in an inverted list', () => {
    expect(namesOf(namesFrom('Holm C, Berg M, Le Brun A'))).toEqual(['Holm, C', 'Berg, M', 'Le Brun, A'])
    expect(namesOf(namesFrom('Le Brun, Marie, Paul Vogt, Anna Brandt and Karl Lenz'))).toEqual(['Le Brun, Marie', 'Vogt, Paul', 'Brandt, Anna', 'Lenz, Karl'])
  })
})
