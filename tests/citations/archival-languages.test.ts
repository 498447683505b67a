// Archival documents described in German, French, Italian and Russian: the description is kept
// whole (a day's ordinal `3. Mai`, a month in lower case, `1948 г.` end no sentence and are no
// prose), the kind and the sender are read, and an Italian section and busta are a location.
// Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {splitNote} from '../../pipeline/citations/split.js'
import {leadingGenre} from '../../pipeline/citations/genres.js'
import {citeNotes} from './document.js'

const spans = (text: string) => splitNote(text).map((span) => text.slice(span.start, span.end))

describe('archival descriptions in other languages', () => {
  test('a German date with a day ordinal does not end the sentence', () => {
    expect(spans('Brief von Anna Roth an Emil Kranz, 14. März 1921, BArch, N 1021/7, Bl. 3.')).toEqual([
      'Brief von Anna Roth an Emil Kranz, 14. März 1921, BArch, N 1021/7, Bl. 3'
    ])
    // A day without a month after it still ends one.
    expect(spans('Er kam am 14. Dann ging er. Vgl. Roth, Titel, S. 4.').length).toBeGreaterThan(1)
  })

  test('a date in lower case before an archive is no prose before it', () => {
    expect(spans('Записка Н. П. Орлова, 2 июня 1951 г., РГАЭ, ф. 8, оп. 2, д. 40, л. 11.')).toEqual([
      'Записка Н. П. Орлова, 2 июня 1951 г., РГАЭ, ф. 8, оп. 2, д. 40, л. 11'
    ])
    expect(spans('Lettre de Louise Carrel à Henri Massot, 9 février 1903, Archives nationales, F/17/2210.')).toHaveLength(1)
  })

  test('kinds of documents in several languages', () => {
    expect(leadingGenre('Bericht des Konsuls an das Ministerium')?.genre).toBe('report')
    expect(leadingGenre('Lettre de Louise Carrel')?.genre).toBe('letter')
    expect(leadingGenre('Telegramma di Bruno Setti')?.genre).toBe('telegram')
    expect(leadingGenre('Докладная записка Н. П. Орлова')?.genre).toBe('report')
    expect(leadingGenre('Протокол заседания')?.genre).toBe('minutes')
    // A verb is no kind of document.
    expect(leadingGenre('Die Autoren schreiben darüber')).toBeUndefined()
  })

  const inNote = citeNotes([
    'Brief von Anna Roth an Emil Kranz, 14. März 1921, BArch, N 1021/7, Bl. 3.',
    'Lettre de Louise Carrel à Henri Massot, 9 février 1903, Archives nationales, F/17/2210.',
    'Lettera di Bruno Setti a Carla Mori, 5 maggio 1919, ACS, Ministero dell’Interno, b. 88, fasc. 4.',
    'Телеграмма от Н. П. Орлова к С. А. Гусеву, 2 июня 1951 г., РГАЭ, ф. 8, оп. 2, д. 40, л. 11.'
  ], 'de', {title: 'Probe', call: 'Text', and: 'und'}).inNote

  test('a German letter: date, kind, sender and recipient, archive and shelfmark', () => {
    const [letter] = inNote(1)
    expect(letter?.item.issued?.['date-parts']).toEqual([[1921, 3, 14]])
    expect(letter?.item).toMatchObject({archive: 'BArch', archive_location: 'N 1021/7'})
    expect(letter?.archival).toMatchObject({genre: 'letter', from: 'Anna Roth', to: 'Emil Kranz'})
    expect(letter?.locator).toBe('3')
  })

  test('a French letter: sender and recipient after the kind', () => {
    const [letter] = inNote(2)
    expect(letter?.archival).toMatchObject({genre: 'letter', from: 'Louise Carrel', to: 'Henri Massot'})
    expect(letter?.item.issued?.['date-parts']).toEqual([[1903, 2, 9]])
  })

  test('an Italian letter: a known archive, its section and busta', () => {
    const [letter] = inNote(3)
    expect(letter?.item).toMatchObject({archive: 'ACS', archive_collection: 'Ministero dell’Interno', archive_location: 'b. 88, fasc. 4'})
    expect(letter?.archival).toMatchObject({from: 'Bruno Setti', to: 'Carla Mori'})
    expect(letter?.archival?.fond).toBeUndefined()
  })

  test('a Russian telegram keeps its description and date', () => {
    const [telegram] = inNote(4)
    expect(telegram?.item.issued?.['date-parts']).toEqual([[1951, 6, 2]])
    expect(telegram?.archival).toMatchObject({genre: 'telegram', fond: '8', opis: '2', delo: '40', from: 'Н. П. Орлова', to: 'С. А. Гусеву'})
    expect(telegram?.archival?.description).toBe('Телеграмма от Н. П. Орлова к С. А. Гусеву, 2 июня 1951 г.')
  })
})
