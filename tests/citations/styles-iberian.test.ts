// Spanish and Portuguese notes (journals by vol., núm., n.º and a bare year; idem; archives cited
// by section, legajo and folio) and Russian page cues. Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {repositoryLocation} from '../../pipeline/citations/repositories.js'
import {citeNotes, families} from './document.js'

const cite = (notes: readonly string[], language: string) => citeNotes(notes, language, {title: 'Prueba', call: 'Texto', and: 'y'}).inNote

describe('Spanish and Portuguese notes', () => {
  const inNote = cite([
    'Elena Marqués, *Puertos del Cantábrico*, Santander, Ediciones Norte, 1991, p. 14.',
    'Véase Tomás Riera, "Los gremios del muelle", *Revista de Historia Marítima*, vol. 12, núm. 3, 1988, pp. 101-128.',
    'Rui Falcão, *As salinas do Sado*, Lisboa, Edições Maré, 2001, p. 40; idem, "O sal e a coroa", *Ler História*, n.º 61, 2011, pp. 9-30.',
    'Archivo General de Simancas (AGS), Guerra Antigua, leg. 212, f. 7v.',
    'Arquivo Nacional da Torre do Tombo, Chancelaria Régia, mç. 14, doc. 3.'
  ], 'es')

  test('a journal by vol., núm. and a year standing alone: volume, issue, year and pages', () => {
    const [article] = inNote(2)
    // Véase leads in; it is no given name.
    expect(article?.item.author).toEqual([{family: 'Riera', given: 'Tomás'}])
    expect(article?.item).toMatchObject({type: 'article-journal', title: 'Los gremios del muelle', 'container-title': 'Revista de Historia Marítima', volume: '12', issue: '3', page: '101-128'})
    expect(article?.item.issued?.['date-parts']?.[0]?.[0]).toBe(1988)
  })

  test('idem after a semicolon takes the author; n.º is the issue', () => {
    const [, second] = inNote(3)
    expect(families(second)).toEqual(['Falcão'])
    expect(second?.item).toMatchObject({'container-title': 'Ler História', issue: '61', page: '9-30'})
    expect(second?.item.issued?.['date-parts']?.[0]?.[0]).toBe(2011)
  })

  test('an archive by section, legajo and folio: the folio is no fond', () => {
    const [document] = inNote(4)
    expect(document?.item).toMatchObject({archive_collection: 'Guerra Antigua', archive_location: 'leg. 212'})
    expect(document?.item.custom?.archival).toMatchObject({archive: 'AGS', shelfmark: 'leg. 212'})
    expect(document?.archival?.fond).toBeUndefined()
    expect(document?.locator).toBe('7v')
  })

  test('a Portuguese maço and document are units of the file', () => {
    expect(repositoryLocation('Arquivo Nacional da Torre do Tombo, Chancelaria Régia, mç. 14, doc. 3.')).toMatchObject({collection: 'Chancelaria Régia', shelfmark: 'mç. 14, doc. 3'})
  })
})

describe('Russian notes', () => {
  test('с. is the page cited', () => {
    const inNote = cite(['Н. Орлова, *Порт и город* (Одесса: Маяк, 1984), с. 77.'], 'ru')
    expect(inNote(1)[0]?.locator).toBe('77')
  })
})

describe('Spanish double surnames with the given name first', () => {
  const authors = (notes: readonly string[]) => cite(notes, 'es')
  test('in notes with the place and publisher after the title: `y` and a particle after the given name join the surnames', () => {
    const inNote = authors([
      'Tomás Ibarra y Sotelo, *Los molinos del Jalón*, Zaragoza, Ediciones Cierzo, 1984, p. 12.',
      'Lucía de la Vega Montes, *Las salinas de Torrevieja*, Alicante, Editorial Albufera, 1991, p. 33.',
      'José Ramón Arce y Villena, "El muelle viejo", *Revista de Historia Portuaria*, vol. 3, 1979, pp. 5-20.',
      'Tomás Ibarra y Lucía Montes, *Dos orillas*, Zaragoza, Ediciones Cierzo, 1984.'
    ])
    expect(inNote(1)[0]?.item.author).toEqual([{family: 'Ibarra y Sotelo', given: 'Tomás'}])
    expect(inNote(2)[0]?.item.author).toEqual([{family: 'de la Vega Montes', given: 'Lucía'}])
    expect(inNote(3)[0]?.item.author).toEqual([{family: 'Arce y Villena', given: 'José Ramón'}])
    // `y` before a given name and a surname joins two persons.
    expect(families(inNote(4)[0])).toEqual(['Ibarra', 'Montes'])
  })

  test('in notes with publication facts in brackets', () => {
    const inNote = authors([
      'Lucía de la Vega Montes, *Las salinas de Torrevieja* (Alicante: Editorial Albufera, 1991), 33.',
      'José Ramón Arce y Villena, *El muelle viejo* (Zaragoza: Ediciones Cierzo, 1979), 5.',
      'Tomás Ibarra y Sotelo, *Los molinos del Jalón* (Zaragoza: Ediciones Cierzo, 1984), 12.'
    ])
    expect(inNote(1)[0]?.item.author).toEqual([{family: 'de la Vega Montes', given: 'Lucía'}])
    expect(inNote(2)[0]?.item.author).toEqual([{family: 'Arce y Villena', given: 'José Ramón'}])
    expect(inNote(3)[0]?.item.author).toEqual([{family: 'Ibarra y Sotelo', given: 'Tomás'}])
  })
})
