// Personal names in Cyrillic, Greek and Latin with accented capitals: the name helpers, and
// whole Chicago notes whose authors are written in those alphabets. Names and notes invented
// for these tests.
import {describe, expect, test} from 'vitest'
import {isInstitution, isNameList, isPersonalName, namesOf, personalName} from '../../pipeline/citations/names.js'
import {citationStart} from '../../pipeline/citations/split.js'
import {isNameOrRole} from '../../pipeline/citations/title-parts.js'
import {citeNotes} from './document.js'

const cite = (notes: readonly string[]) => citeNotes(notes).inNote

describe('personal names beyond the Latin capitals', () => {
  test('Cyrillic initials and names split into family and given parts', () => {
    expect(isPersonalName('И. В. Петров')).toBe(true)
    expect(namesOf('И. В. Петров')).toEqual([{family: 'Петров', given: 'И. В.'}])
    expect(namesOf('Анна Сергеевна Волкова')).toEqual([{family: 'Волкова', given: 'Анна Сергеевна'}])
    expect(personalName('Ж.Ю.Орлова')).toEqual({family: 'Орлова', given: 'Ж.Ю.'})
    expect(isPersonalName('Ж.Ю.Орлова')).toBe(true)
  })

  test('Greek names', () => {
    expect(namesOf('Γιώργος Παπαδάκης')).toEqual([{family: 'Παπαδάκης', given: 'Γιώργος'}])
    expect(namesOf('Ε. Λαμπράκη')).toEqual([{family: 'Λαμπράκη', given: 'Ε.'}])
  })

  test('Latin names that open with an accented or special capital', () => {
    expect(namesOf('Émile Durand')).toEqual([{family: 'Durand', given: 'Émile'}])
    expect(namesOf('Łukasz Nowak')).toEqual([{family: 'Nowak', given: 'Łukasz'}])
    expect(namesOf('Ábrahám Kovács')).toEqual([{family: 'Kovács', given: 'Ábrahám'}])
    expect(namesOf('Ørsted')).toEqual([{family: 'Ørsted'}])
    expect(personalName('É.Durand')).toEqual({family: 'Durand', given: 'É.'})
    expect(namesOf('Émile Durand and Łukasz Nowak')).toEqual([{family: 'Durand', given: 'Émile'}, {family: 'Nowak', given: 'Łukasz'}])
  })

  test('a capital written as a letter and a combining mark', () => {
    expect(namesOf('E\u0301mile Durand')).toEqual([{family: 'Durand', given: 'E\u0301mile'}])
    expect(namesOf('E\u0301. Durand')).toEqual([{family: 'Durand', given: 'E\u0301.'}])
  })

  test('institutions and archival words stay literal in every alphabet', () => {
    for (const value of ['Министерство иностранных дел', 'Архив Президента', 'Государственный Архив', 'Институт Истории', 'Υπουργείο Εξωτερικών', 'Ακαδημία Αθηνών', 'Österreichische Akademie', 'Économie Institut', 'Фонд', 'Дело Петрова', 'Ministry of Trade']) {
      expect(isPersonalName(value), value).toBe(false)
      expect(namesOf(value), value).toEqual([{literal: value}])
    }
    expect(isInstitution('Архив Президента')).toBe(true)
    expect(isInstitution('Österreichische Akademie')).toBe(true)
    expect(isInstitution('Émile Durand')).toBe(false)
  })

  test('words in lower case and titles are not names', () => {
    expect(isPersonalName('торговля и город')).toBe(false)
    expect(isPersonalName('Торговля и город')).toBe(false)
    expect(isPersonalName('Τα λιμάνια του Αιγαίου')).toBe(false)
    expect(isNameList('The Rural Economy')).toBe(false)
  })

  test('a comma part of a name or a role, in any alphabet', () => {
    expect(isNameOrRole('И. В. Петров')).toBe(true)
    expect(isNameOrRole('Émile Durand')).toBe(true)
    expect(isNameOrRole('Архив Президента')).toBe(false)
  })

  test('an author or institution before a quoted title starts a citation', () => {
    expect(citationStart('Økonomisk Institut, “Rapport om møller,” 1950.')).toBe('strong')
    expect(citationStart('Ørsted Holm’s dissertation, 1960.')).toBe('strong')
  })
})

describe('whole notes with authors in other alphabets', () => {
  const inNote = cite([
    'И. В. Петров, *Торговля и город* (Москва: Наука, 1979), с. 55.',
    'Γιώργος Παπαδάκης, “Οι μύλοι,” *Ελληνικά* 8 (1970): 22.',
    'Émile Durand and Łukasz Nowak, *Les ports du Nord* (Paris: Plon, 1950), 4.',
    'Émile Durand’s unpublished manuscript, 1950, 12.',
    'И. В. Петров’s dissertation, Leningrad University, 1979, 5.',
    'A point first made by Ж. Berg, *Mills and Men* (London: Ward, 1950), 3.',
    'Mills were common then, as Ábrahám Kovács, “A malom,” *Századok* 9 (1971): 14, shows.',
    'Архив Президента, *Сборник документов* (Москва: Наука, 1995), 7.'
  ])

  test('a Cyrillic author with initials', () => {
    const [book] = inNote(1)
    expect(book?.item.author).toEqual([{family: 'Петров', given: 'И. В.'}])
    expect(book?.item).toMatchObject({type: 'book', title: 'Торговля и город', 'publisher-place': 'Москва', publisher: 'Наука'})
  })

  test('a Greek author of an article', () => {
    const [article] = inNote(2)
    expect(article?.item.author).toEqual([{family: 'Παπαδάκης', given: 'Γιώργος'}])
    expect(article?.item).toMatchObject({type: 'article-journal', 'container-title': 'Ελληνικά'})
    expect(article?.locator).toBe('22')
  })

  test('two authors with accented capitals', () => {
    expect(inNote(3)[0]?.item.author).toEqual([{family: 'Durand', given: 'Émile'}, {family: 'Nowak', given: 'Łukasz'}])
  })

  test('a work named through its author, in any alphabet', () => {
    expect(inNote(4)[0]?.item).toMatchObject({type: 'manuscript', genre: 'unpublished manuscript', author: [{family: 'Durand', given: 'Émile'}]})
    expect(inNote(5)[0]?.item).toMatchObject({type: 'thesis', genre: 'dissertation', author: [{family: 'Петров', given: 'И. В.'}]})
  })

  test('a Cyrillic initial does not end a sentence', () => {
    expect(inNote(6)[0]?.item.author).toEqual([{family: 'Berg', given: 'Ж.'}])
  })

  test('an author cited inside commentary', () => {
    expect(inNote(7)[0]?.item.author).toEqual([{family: 'Kovács', given: 'Ábrahám'}])
    expect(inNote(7)[0]?.locator).toBe('14')
  })

  test('an institution as author stays one name', () => {
    expect(inNote(8)[0]?.item.author).toEqual([{literal: 'Архив Президента'}])
  })
})

describe('lists of names joined in their own language', () => {
  test('Russian и and Greek και join names; a title with them is no list', () => {
    expect(namesOf('И. В. Петров и А. С. Орлова')).toEqual([{family: 'Петров', given: 'И. В.'}, {family: 'Орлова', given: 'А. С.'}])
    expect(namesOf('Γιώργος Παπαδάκης και Ελένη Λαμπράκη')).toEqual([{family: 'Παπαδάκης', given: 'Γιώργος'}, {family: 'Λαμπράκη', given: 'Ελένη'}])
    expect(isNameList('Торговля и город')).toBe(false)
    expect(isNameList('Οι μύλοι και τα λιμάνια')).toBe(false)
  })

  test('a Russian book by two authors', () => {
    const inNote = cite(['И. В. Петров и А. С. Орлова, *Речные пути* (Москва: Наука, 1984), с. 12.'])
    expect(inNote(1)[0]?.item.author).toEqual([{family: 'Петров', given: 'И. В.'}, {family: 'Орлова', given: 'А. С.'}])
  })
})
