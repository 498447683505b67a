// Editions, series, translators, publishers and surnames in notes of several languages and
// styles. Notes written for these tests; every name, title and publisher is invented.
import {describe, expect, test} from 'vitest'
import {citeNotes, families} from './document.js'

describe('editions and one-word titles', () => {
  test('`3rd edn.` ends no sentence: the edition, then the publication facts of the same book', () => {
    const {inNote} = citeNotes(['Amelia Thorncastle, *The Salt Roads*, 3rd edn. (Oxford: Brindle Press, 2004), p. 41.'])
    const citations = inNote(1)
    expect(citations).toHaveLength(1)
    expect(citations[0]?.item).toMatchObject({title: 'The Salt Roads', edition: '3', publisher: 'Brindle Press', 'publisher-place': 'Oxford'})
    expect(citations[0]?.locator).toBe('41')
  })

  test('a German title before `2. Aufl.` and `Town Year` is no second author (notes with bracketed facts)', () => {
    const {inNote} = citeNotes([
      'Helmut Kranzbühler, Die Salzstraßen, 2. Aufl., Stuttgart 1968, S. 12.',
      'Vera Lindqvist, *Harbour Dues* (Leeds: Quayside Press, 1990), p. 3.'
    ])
    const [book] = inNote(1)
    expect(families(book)).toEqual(['Kranzbühler'])
    expect(book?.item).toMatchObject({title: 'Die Salzstraßen', edition: '2', 'publisher-place': 'Stuttgart'})
  })

  test('a one-word title between the author and `Town Year` is the title, the town the place', () => {
    const {inNote} = citeNotes(['Karl Ohmstedt, Zollgeschichte, Kiel 1920, S. 14.', 'Berta Lunde, Deichrecht, Husum 1931.'], 'de')
    for (const [note, family, title, place] of [[1, 'Ohmstedt', 'Zollgeschichte', 'Kiel'], [2, 'Lunde', 'Deichrecht', 'Husum']] as const) {
      const [book] = inNote(note)
      expect(families(book)).toEqual([family])
      expect(book?.item).toMatchObject({title, 'publisher-place': place})
    }
    expect(inNote(1)[0]?.locator).toBe('14')
  })

  test('two names before `Town Year` stay two authors', () => {
    const {inNote} = citeNotes(['Karl Ohmstedt, Hans Weber, Kiel 1920, S. 14.'], 'de')
    expect(families(inNote(1)[0])).toEqual(expect.arrayContaining(['Ohmstedt', 'Weber']))
    expect(inNote(1)[0]?.item.title).toBeUndefined()
  })
})

describe('publishers, series and page counts', () => {
  test('an Italian publisher opening with its article: `Bologna, Il Ponte`', () => {
    const {inNote} = citeNotes(['Luigi Ferrandi, *Le vie del sale*, Bologna, Il Ponte, 1982, p. 14.'], 'it')
    expect(inNote(1)[0]?.item).toMatchObject({publisher: 'Il Ponte', 'publisher-place': 'Bologna'})
  })

  test('a French series after `coll.` in guillemets, with or without its number', () => {
    const {inNote} = citeNotes([
      'Pierre Lavergne, *Les routes du sel*, Paris, Éditions du Vent, coll. « Histoires maritimes », 1975, p. 88.',
      'Odile Marchal, Les quais, Lyon, Éditions du Rhône (coll. « Villes et ports », 12), 1981.'
    ], 'fr')
    const [first] = inNote(1)
    expect(first?.item).toMatchObject({'collection-title': 'Histoires maritimes', publisher: 'Éditions du Vent', 'publisher-place': 'Paris'})
    expect(first?.item['collection-number']).toBeUndefined()
    expect(first?.item.issued?.['date-parts']?.[0]?.[0]).toBe(1975)
    expect(inNote(2)[0]?.item).toMatchObject({'collection-title': 'Villes et ports', 'collection-number': '12', publisher: 'Éditions du Rhône'})
  })

  test('an Italian series after `collana`', () => {
    const {inNote} = citeNotes(['Luigi Ferrandi, Le vie del sale, Bologna, Il Ponte, 1982 (collana «Studi di storia», 4).'], 'it')
    expect(inNote(1)[0]?.item).toMatchObject({'collection-title': 'Studi di storia', 'collection-number': '4'})
  })

  test('Russian `240 с.` counts the pages of the book: no page cited', () => {
    const {inNote} = citeNotes(['Н. Орлова. Соль и море. М.: Наука, 1984. 240 с.', 'Н. Орлова. Соль и море // Вопросы истории. 1984. № 3. С. 12–15.'], 'ru')
    const [book] = inNote(1)
    expect(book?.item['number-of-pages']).toBe('240')
    expect(book?.locator).toBeUndefined()
    expect(inNote(2)[0]?.item.page).toBe('12-15')
  })
})

describe('translators and surnames', () => {
  test('a translator after a bracketed cue, or before it', () => {
    const {inNote} = citeNotes([
      'Jorge Arvelo, Die Salzwege, [Übers.] Anna Keller, Berlin 1990, S. 5.',
      'Jorge Arvelo, Die Salzwege, Anna Keller (Übers.), Berlin 1990, S. 5.'
    ], 'de')
    for (const note of [1, 2]) {
      const [book] = inNote(note)
      expect(families(book)).toEqual(['Arvelo'])
      expect(book?.item.translator).toEqual([{family: 'Keller', given: 'Anna'}])
      expect(book?.item).toMatchObject({title: 'Die Salzwege', 'publisher-place': 'Berlin'})
      expect(book?.item.genre).toBeUndefined()
    }
  })

  test('Spanish surnames joined by `y` are one family name, given name first or last', () => {
    const {inNote} = citeNotes([
      'José Ortiz y Gasparini, *Meditaciones del muelle*, Madrid, Ediciones Faro, 1914, p. 12.',
      'Ortiz y Gasparini, José, Meditaciones del muelle, Madrid, Ediciones Faro, 1914.'
    ], 'es')
    for (const note of [1, 2]) expect(inNote(note)[0]?.item.author).toEqual([{family: 'Ortiz y Gasparini', given: 'José'}])
  })

  test('two persons joined by `y` stay two authors', () => {
    const {inNote} = citeNotes(['Pedro Lucena y Juana Marín, *Los puertos*, Madrid, Ediciones Faro, 1914.'], 'es')
    expect(families(inNote(1)[0])).toEqual(['Lucena', 'Marín'])
  })
})

describe('archival units and documents after their location', () => {
  test('an item of a bundle, a folder of a box: units of the file', () => {
    const {inNote} = citeNotes([
      'Minutes of the harbour board, 1 May 1899, Tidewell County Record Office, Harbour Papers, Bundle 7, item 3.',
      'Harold Fenwick to Mary Stokes, 4 March 1921, Fenwick Papers, Box 12, Folder 3, Eastmoor University Library.'
    ])
    const [minutes] = inNote(1)
    expect(minutes?.item).toMatchObject({type: 'document', title: 'Minutes of the harbour board', archive: 'Tidewell County Record Office', archive_collection: 'Harbour Papers', archive_location: 'Bundle 7, item 3'})
    expect(inNote(2)[0]?.item).toMatchObject({archive: 'Eastmoor University Library', archive_collection: 'Fenwick Papers', archive_location: 'Box 12, Folder 3'})
  })

  test('an acronym no table knows, before fonds, series and file, is the archive', () => {
    const {inNote} = citeNotes(['QRV, fonds 12, series 4, file 8.'])
    expect(inNote(1)[0]?.item).toMatchObject({type: 'document', archive: 'QRV', archive_location: 'fonds 12, series 4, file 8'})
  })

  test('a state or country code after a town is no archive (`Stanford, CA`, `New Haven, CT`)', () => {
    const {inNote} = citeNotes(['Letter, Ruth Calder to Amos Lee, 3 May 1921, Calder Papers, Easthaven, CT, Box 12, Folder 4.', 'Orrin Vale Papers, Westport, CA, Box 3, Folder 2.'])
    for (const note of [1, 2]) {
      const [citation] = inNote(note)
      expect(citation?.item.archive).toBeUndefined()
      expect(citation?.item.archive_location).toMatch(/^Box \d+, Folder \d$/)
    }
  })

  test('a document named after its folios belongs to the same citation', () => {
    const {inNote} = citeNotes(['Bundesarchiv, B 136/4711, Bl. 12–15, Vermerk vom 3. Mai 1950.'], 'de')
    const citations = inNote(1)
    expect(citations).toHaveLength(1)
    expect(citations[0]?.item).toMatchObject({type: 'document', title: 'Vermerk', archive_location: 'B 136/4711'})
    expect(citations[0]?.item.issued?.['date-parts']).toEqual([[1950, 5, 3]])
    expect(citations[0]?.locator).toBe('12-15')
  })
})
