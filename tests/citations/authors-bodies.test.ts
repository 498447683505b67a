// Corporate bodies at the head of a reference stay its (literal) authors in every form: the
// source names them where the author stands and does not call them `Hg.`, so no editor role is
// guessed; a body that the source marks `(Hg.)` is the editor. References written for these tests.
import {describe, expect, test} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'

const namesOf = (list: ReadonlyArray<{family?: string; literal?: string}> | undefined) => list?.map((name) => name.family ?? name.literal)

function read(text: string) {
  const item = parseReferences(text)[0]?.parse.item
  return {authors: namesOf(item?.author), editors: namesOf(item?.editor), title: item?.title}
}

describe('a body at the head of a reference', () => {
  test.each([
    ['Landesamt für Wasserwirtschaft (2016): Pegelstände der Nebenflüsse. Magdeburg.', 'Landesamt für Wasserwirtschaft', 'Pegelstände der Nebenflüsse'],
    ['Bundesverband der Imker e. V. (2009): Honigernte im Vergleich. Kassel.', 'Bundesverband der Imker e. V', 'Honigernte im Vergleich'],
    ['Ministerio de Montes y Ríos (2003b): Inventario de Ríos Menores, Lugo.', 'Ministerio de Montes y Ríos', 'Inventario de Ríos Menores']
  ])('%s', (text, body, title) => {
    expect(read(text)).toEqual({authors: [body], editors: undefined, title})
  })

  test('an office named `-stelle` is one body', () => {
    expect(read('Prüfstelle für Deichbau (2013): Gutachten über die Deichlinie. Husum.').authors).toEqual(['Prüfstelle für Deichbau'])
  })

  test('a printed `(Hg.)` makes it the editor', () => {
    expect(read('Landesamt für Wasserwirtschaft (Hg.) (2016): Pegelstände der Nebenflüsse. Magdeburg.')).toMatchObject({authors: undefined, editors: ['Landesamt für Wasserwirtschaft']})
  })

  test('a person in the same place is the author', () => {
    expect(read('Brandt, Ilse (2016): Pegelstände der Nebenflüsse. Magdeburg.')).toMatchObject({authors: ['Brandt'], editors: undefined})
  })

  test('other forms give the same', () => {
    expect(read('Landesamt für Wasserwirtschaft, Pegelstände der Nebenflüsse, Magdeburg 2016.').authors).toEqual(['Landesamt für Wasserwirtschaft'])
    expect(read('Harbour Pilots’ Association. 2016. Tides of the Estuary. Hull: Pilots’ Press.').authors).toEqual(['Harbour Pilots’ Association'])
  })
})
