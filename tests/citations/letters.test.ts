// Letters and documents printed in edited collections, and their short forms, in English,
// German and French notes; letters kept in archives stay archival. Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {leadingGenre} from '../../pipeline/citations/genres.js'
import {parseLetter, parseSeriesShortForm} from '../../pipeline/citations/letters.js'
import {citeNotes, families} from './document.js'

describe('English notes', () => {
  // `4\:204`: ingest escapes a colon before digits in the annotated Markdown (no directive starts there).
  const notes = [
    'Hester Crane to Josiah Fell, 12 April 1789, in *The Papers of Hester Crane*, ed. Agnes Moyle, vol. 4 (Albany: Linden Press, 1971), 203–5.',
    'Crane to Fell, 12 April 1789, *Papers of Hester Crane*, 4\\:204.',
    'Hester Crane to Josiah Fell, 30 June 1790, in *The Papers of Hester Crane*, ed. Agnes Moyle, vol. 4 (Albany: Linden Press, 1971), 260.',
    'Crane to Fell, 12 April 1789.',
    'Crane to Fell, 30 June 1790, 261.',
    'Letter from Owen Tarrant to Lydia Marsh, 2 February 1855, in *The Letters of Owen Tarrant*, ed. Colin Brisk (Leeds: Fallow Books, 1984), 77.',
    'Memorandum by the Secretary of the Navy, 9 October 1947, in *Documents on Naval Policy, 1947*, vol. 2, *The Pacific* (Washington, DC: GPO, 1979), 311.',
    'Tarrant to Marsh, 2 February 1855.',
    'Ibid., 79.',
    'Rufus Hale to Ida Quill, 5 May 1812, in Hale, *Collected Letters*, ed. Nora Penn (Boston: Wexford, 1966), 2\\:40.',
    'DNP 1947, 2\\:312.',
    'DNP 1948, 2\\:14.'
  ]
  const {inNote, target} = citeNotes(notes)

  test('a letter in a collection is an item of its own: writer, recipient, date, description, collection', () => {
    const [letter] = inNote(1)
    expect(letter?.item.type).toBe('letter')
    expect(letter?.text.startsWith('Hester Crane to Josiah Fell')).toBe(true)
    expect(letter?.item.title).toBe('Hester Crane to Josiah Fell')
    expect(letter?.item.author).toEqual([{family: 'Crane', given: 'Hester'}])
    expect(letter?.item.recipient).toEqual([{family: 'Fell', given: 'Josiah'}])
    expect(letter?.item.issued?.['date-parts']).toEqual([[1789, 4, 12]])
    expect(letter?.item['container-title']).toBe('The Papers of Hester Crane')
    expect(families(letter, 'editor')).toEqual(['Moyle'])
    expect(letter?.item.volume).toBe('4')
    expect(letter?.item.publisher).toBe('Linden Press')
    expect(letter?.item['publisher-place']).toBe('Albany')
    expect(letter?.item.custom?.['containerIssued']).toMatchObject({'date-parts': [[1971]]})
    expect(letter?.item.page).toBe('203-5')
    expect(letter?.locator).toBe('203-5')
  })

  test('short forms resolve to the letter of the same correspondents and date', () => {
    const [withCollection] = inNote(2)
    expect(withCollection?.shortForm).toBe(true)
    expect(withCollection?.locator).toBe('204')
    expect(target(withCollection)?.note).toBe(1)
    const [bare] = inNote(4)
    expect(target(bare)?.note).toBe(1)
    const [later] = inNote(5)
    expect(target(later)?.note).toBe(3)
    expect(later?.locator).toBe('261')
  })

  test('a letter introduced by its genre, and its short form and Ibid.', () => {
    const [letter] = inNote(6)
    expect(letter?.item.type).toBe('letter')
    expect(letter?.item.title).toBe('Letter from Owen Tarrant to Lydia Marsh')
    expect(families(letter)).toEqual(['Tarrant'])
    expect(families(letter, 'recipient')).toEqual(['Marsh'])
    expect(letter?.item['container-title']).toBe('The Letters of Owen Tarrant')
    const [short] = inNote(8)
    expect(target(short)?.note).toBe(6)
    const [ibid] = inNote(9)
    expect(ibid?.ibid).toBe(true)
    expect(ibid?.locator).toBe('79')
  })

  test('a memorandum in a documentary series is a document by its office', () => {
    const [memorandum] = inNote(7)
    expect(memorandum?.item.type).toBe('document')
    expect(memorandum?.item.genre).toBe('memorandum')
    expect(memorandum?.item.author).toEqual([{literal: 'Secretary of the Navy'}])
    expect(memorandum?.item.issued?.['date-parts']).toEqual([[1947, 10, 9]])
    expect(memorandum?.item['container-title']).toBe('Documents on Naval Policy, 1947')
    expect(memorandum?.item.volume).toBe('2')
    expect(memorandum?.locator).toBe('311')
  })

  test('a series named by its initials, its year and volume, resolves to the document cited from it', () => {
    const [short] = inNote(11)
    expect(short?.shortForm).toBe(true)
    expect(target(short)?.note).toBe(7)
    expect(short?.locator).toBe('312')
    // Another year of the series: no document of it was cited.
    const [other] = inNote(12)
    expect(other?.resolvesTo).toBeNull()
  })

  test('a collection with an author of its own', () => {
    const [letter] = inNote(10)
    expect(families(letter)).toEqual(['Hale'])
    expect(families(letter, 'recipient')).toEqual(['Quill'])
    expect(families(letter, 'container-author')).toEqual(['Hale'])
    expect(letter?.item['container-title']).toBe('Collected Letters')
    expect(letter?.locator).toBe('40')
  })
})

describe('German and French notes', () => {
  test('`Brief X-s an Y vom …, in:` and its short form', () => {
    const {inNote, target} = citeNotes([
      'Brief Brunners an Wendt vom 14. März 1832, in: Briefwechsel zwischen Brunner und Wendt, hg. v. Otto Lamm, Bd. 3, Jena 1902, S. 88.',
      'Brief Brunners an Wendt vom 14. März 1832, S. 89.',
      'Brunner an Wendt, 2. Juli 1833, in: Briefwechsel zwischen Brunner und Wendt, Bd. 3, S. 120.'
    ], 'de')
    const [letter] = inNote(1)
    expect(letter?.item.type).toBe('letter')
    expect(families(letter)).toEqual(['Brunner'])
    expect(families(letter, 'recipient')).toEqual(['Wendt'])
    expect(letter?.item.issued?.['date-parts']).toEqual([[1832, 3, 14]])
    expect(letter?.item['container-title']).toBe('Briefwechsel zwischen Brunner und Wendt')
    expect(families(letter, 'editor')).toEqual(['Lamm'])
    expect(letter?.item.volume).toBe('3')
    expect(letter?.locator).toBe('88')
    const [short] = inNote(2)
    expect(target(short)?.note).toBe(1)
    expect(short?.locator).toBe('89')
    const [other] = inNote(3)
    expect(other?.item.title).toBe('Brunner an Wendt')
    expect(other?.item.volume).toBe('3')
    expect(other?.locator).toBe('120')
  })

  test('`Lettre de X à Y, …, dans` and its short form', () => {
    const {inNote, target} = citeNotes([
      'Lettre de Garnier à Mauduit, 8 juin 1791, dans *Correspondance de Garnier*, éd. Lucie Baret, Rennes, Presses de l’Ouest, 1988, t. 1, p. 56.',
      'Garnier à Mauduit, 8 juin 1791, *Correspondance de Garnier*, t. 1, p. 57.'
    ], 'fr')
    const [letter] = inNote(1)
    expect(letter?.item.type).toBe('letter')
    expect(families(letter)).toEqual(['Garnier'])
    expect(families(letter, 'recipient')).toEqual(['Mauduit'])
    expect(letter?.item.issued?.['date-parts']).toEqual([[1791, 6, 8]])
    expect(letter?.item['container-title']).toBe('Correspondance de Garnier')
    expect(families(letter, 'editor')).toEqual(['Baret'])
    expect(letter?.locator).toBe('56')
    const [short] = inNote(2)
    expect(target(short)?.note).toBe(1)
    expect(short?.locator).toBe('57')
  })
})

describe('what is no letter in a collection', () => {
  test('a letter kept in an archive is read by the archival grammar', () => {
    expect(parseLetter('Kuznetsov to Panov, 4 March 1951, AVP RF, Fond 07, Opis 24, Delo 31, Papka 4, l. 12.')).toBeUndefined()
    const {inNote} = citeNotes(['Kuznetsov to Panov, 4 March 1951, AVP RF, Fond 07, Opis 24, Delo 31, Papka 4, l. 12.'])
    const [letter] = inNote(1)
    expect(letter?.archival?.fond).toBe('07')
    expect(letter?.item.type).not.toBe('letter')
  })

  test('the short form of a letter kept in an archive resolves to it by correspondents and day', () => {
    const {inNote, target} = citeNotes([
      'Kuznetsov to Panov, 4 March 1951, AVP RF, Fond 07, Opis 24, Delo 31, Papka 4, l. 12.',
      'Kuznetsov to Panov, 4 March 1951.',
      'Kuznetsov to Panov, 5 March 1951.',
      'Panov to Kuznetsov, 4 March 1951.'
    ])
    expect(target(inNote(2)[0])?.note).toBe(1)
    expect(inNote(3)[0]?.resolvesTo).toBeUndefined()
    expect(inNote(4)[0]?.resolvesTo).toBeUndefined()
  })

  test('a telegram in a periodical stays with the grammar of documents', () => {
    expect(parseLetter('Telegram from Kuznetsov to Panov, 4 March 1951, in *Bulletin of Cold War Studies*, No. 6 (1996), 31.')).toBeUndefined()
  })

  test('initials with a volume and page are a series; a name and a page are not', () => {
    expect(parseSeriesShortForm('ADAP 1938, III:12')?.item).toEqual({type: 'book', title: 'ADAP', volume: 'III', issued: {'date-parts': [[1938]], raw: '1938'}})
    expect(parseSeriesShortForm('Crane, 12')).toBeUndefined()
    expect(parseSeriesShortForm('NATO, *Handbook*, 2:14')).toBeUndefined()
  })

  test('a letter named by its correspondents and date alone, cited first, stands for itself', () => {
    const {inNote, target, citations} = citeNotes(['Crane to Fell, 12 April 1789.', 'Crane to Fell, 12 April 1789.'])
    const [first] = inNote(1)
    expect(first?.item.type).toBe('letter')
    expect(first?.resolvesTo).toBeUndefined()
    expect(target(inNote(2)[0])?.note).toBe(1)
    expect(citations).toHaveLength(2)
  })

  test('a memorandum is taken only with its collection', () => {
    expect(parseLetter('Memorandum by the Secretary of the Navy, 9 October 1947.')).toBeUndefined()
    expect(parseLetter('Memorandum by the Secretary of the Navy, 9 October 1947, RG 80, Entry 12, Box 4.')).toBeUndefined()
  })

  test('a letter with neither date nor collection is no citation of its own', () => {
    expect(parseLetter('Crane to Fell, in which she complains of the winter')).toBeUndefined()
    expect(parseLetter('Crane to Fell')).toBeUndefined()
  })
})

describe('documents named by their kind and date', () => {
  test('`Letter to X, date`: the kind of document is no writer', () => {
    const {inNote} = citeNotes(['Letter to Dr. Corwin Vale, 5 May 1950.', 'Telegram to the Ferry Board, 7 June 1921.'])
    const [letter] = inNote(1)
    expect(letter?.item.author).toBeUndefined()
    expect(letter?.item).toMatchObject({type: 'letter', genre: 'letter', title: 'Letter to Dr. Corwin Vale'})
    expect(families(letter, 'recipient')).toEqual(['Vale'])
    expect(letter?.item.issued?.['date-parts']).toEqual([[1950, 5, 5]])
    const [telegram] = inNote(2)
    expect(telegram?.item.author).toBeUndefined()
    expect(telegram?.item).toMatchObject({type: 'document', title: 'Telegram to the Ferry Board'})
    expect(telegram?.item.issued?.['date-parts']).toEqual([[1921, 6, 7]])
  })

  test('a correspondent named before `to` is still the writer', () => {
    const {inNote} = citeNotes(['Crane to Fell, 12 April 1789.'])
    expect(families(inNote(1)[0])).toEqual(['Crane'])
  })

  test('German `Schreiben vom …` and `Schreiben des X an Y vom …`: a document with its full date, its description the title', () => {
    const {inNote} = citeNotes([
      'Schreiben vom 3. Mai 1950.',
      'Schreiben des Bürgermeisters an den Kreisrat vom 12. Juni 1951.',
      'Schreiben des Kreisrats Otto Kiel an Bürgermeister Hans Brandl vom 4. April 1952, Kreisarchiv Talheim, A 12.'
    ], 'de')
    expect(leadingGenre('Schreiben vom 3. Mai 1950')?.genre).toBe('letter')
    expect(inNote(1)[0]?.item).toMatchObject({type: 'document', title: 'Schreiben'})
    expect(inNote(1)[0]?.item.issued?.['date-parts']).toEqual([[1950, 5, 3]])
    expect(inNote(2)[0]?.item).toMatchObject({type: 'document', title: 'Schreiben des Bürgermeisters an den Kreisrat'})
    expect(inNote(2)[0]?.item.issued?.['date-parts']).toEqual([[1951, 6, 12]])
    const [kept] = inNote(3)
    expect(kept?.item).toMatchObject({type: 'document', title: 'Schreiben des Kreisrats Otto Kiel an Bürgermeister Hans Brandl', archive: 'Kreisarchiv Talheim'})
    expect(kept?.item.issued?.['date-parts']).toEqual([[1952, 4, 4]])
  })

  test('a document of its kind printed in a collection keeps its collection', () => {
    const {inNote} = citeNotes(['Schreiben des Bürgermeisters an den Kreisrat vom 12. Juni 1951, in: Akten der Gemeinde Talheim, Bd. 2, S. 14.'], 'de')
    const [printed] = inNote(1)
    expect(printed).toBeDefined()
    expect(printed?.item.type).not.toBe('document')
  })
})
