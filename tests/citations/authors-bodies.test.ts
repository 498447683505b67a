// Corporate bodies at the head of a reference: the German author-date form `Body (Year):` names
// the body that issues the work (its `Hg.`, printed or not), so its editor; a person in the same
// place stays the author, and other forms keep the body as author. References written for these tests.
import {describe, expect, test} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'

const namesOf = (list: ReadonlyArray<{family?: string; literal?: string}> | undefined) => list?.map((name) => name.family ?? name.literal)

function read(text: string) {
  const item = parseReferences(text)[0]?.parse.item
  return {authors: namesOf(item?.author), editors: namesOf(item?.editor), title: item?.title}
}

describe('a body before `(Year):` issues the work', () => {
  test.each([
    ['Landesamt für Wasserwirtschaft (2016): Pegelstände der Nebenflüsse. Magdeburg.', 'Landesamt für Wasserwirtschaft', 'Pegelstände der Nebenflüsse'],
    ['Bundesverband der Imker e. V. (2009): Honigernte im Vergleich. Kassel.', 'Bundesverband der Imker e. V', 'Honigernte im Vergleich'],
    ['Ministerio de Pesca y Puertos (2001b): Plan de Puertos Pesqueros, Vigo.', 'Ministerio de Pesca y Puertos', 'Plan de Puertos Pesqueros']
  ])('%s', (text, body, title) => {
    expect(read(text)).toEqual({authors: undefined, editors: [body], title})
  })

  test('so does an office (`-stelle`), and the short citation `Body (Year), S. 12`', () => {
    expect(read('Beratungsstelle für Hafenarbeit (2011): Stellungnahme zum Hafenplan. Kiel.').editors).toEqual(['Beratungsstelle für Hafenarbeit'])
    expect(read('Hafenberatung AG (2014), S. 109.')).toMatchObject({authors: undefined, editors: ['Hafenberatung AG']})
  })

  test('a printed `(Hg.)` gives the same', () => {
    expect(read('Landesamt für Wasserwirtschaft (Hg.) (2016): Pegelstände der Nebenflüsse. Magdeburg.').editors).toEqual(['Landesamt für Wasserwirtschaft'])
  })

  test('a person in the same place is the author', () => {
    expect(read('Brandt, Ilse (2016): Pegelstände der Nebenflüsse. Magdeburg.')).toMatchObject({authors: ['Brandt'], editors: undefined})
  })

  test('a body in other forms stays the author', () => {
    expect(read('Landesamt für Wasserwirtschaft, Pegelstände der Nebenflüsse, Magdeburg 2016.').authors).toEqual(['Landesamt für Wasserwirtschaft'])
    expect(read('Harbour Pilots’ Association. 2016. Tides of the Estuary. Hull: Pilots’ Press.').authors).toEqual(['Harbour Pilots’ Association'])
  })
})
