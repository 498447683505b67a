// Reference-list entries in forms the other tests do not show: Vancouver lists, translators
// with their language, APA's translator and original year, reprints after a title, access dates
// printed year first. Texts written for these tests.
import {describe, expect, test} from 'vitest'
import {referenceListOf} from './document.js'

const items = (source: string) => referenceListOf(source).entries.map((entry) => entry.item)

describe('Vancouver', () => {
  const source = `# Tide Fevers

Fevers followed the tides [1,2].

## References

1. Marrow KT, Lindqvist AB. Fever returns in estuary towns. J Coast Med. 2001;12(3):45-67.
2. Oduya PN, Farrell S. Quarantine ledgers as a source. Hist Port Health. 2015 Mar;8(2):101-9.
3. Ibarra MC. Sailors' wards in the nineteenth century [dissertation]. Norwich (UK): University of Estmoor; 2012.
4. Coastal Health Board. Annual report on port fevers 2019. Eastport: The Board; 2020. Available from: https://coastalhealth.example.org/report2019 [cited 2021 Feb 3].
`

  test('names with initials are persons, not a firm (`AB`)', () => {
    expect(items(source)[0]?.author).toEqual([{family: 'Marrow', given: 'KT'}, {family: 'Lindqvist', given: 'AB'}])
  })

  test('a date with its month before the volume, and a range printed with its last digits', () => {
    expect(items(source)[1]).toMatchObject({'container-title': 'Hist Port Health', volume: '8', issue: '2', page: '101-9'})
  })

  test('`[dissertation]` tells a thesis', () => {
    expect(items(source)[2]).toMatchObject({type: 'thesis', genre: 'dissertation', publisher: 'University of Estmoor'})
    expect(items(source)[2]?.note).toBeUndefined()
  })

  test('the whole address, the date it was cited, no note', () => {
    const report = items(source)[3]
    expect(report?.URL).toBe('https://coastalhealth.example.org/report2019')
    expect(report?.accessed?.['date-parts']).toEqual([[2021, 2, 3]])
    expect(report?.note).toBeUndefined()
  })
})

describe('translators and original years', () => {
  test('`trad. de l’allemand par`: the language is no part of the name', () => {
    const [book] = items(`# Les quais\n\nLes quais.\n\n## Bibliographie\n\nPELLERIN (Agathe), *Le quai*, trad. de l'allemand par Jean Sorbier, Lyon, Ancre, 1975.\n`)
    expect(book?.translator).toEqual([{family: 'Sorbier', given: 'Jean'}])
    expect(book).toMatchObject({title: 'Le quai', publisher: 'Ancre', 'publisher-place': 'Lyon'})
  })

  test('APA: `(J. Amsel, Trans.; 2nd ed.)` and `(Original work published 1931)`', () => {
    const [book] = items(`# Canals\n\nCanals.\n\n## References\n\nHollis, D. R. (2019). *Locks and ledgers* (J. Amsel, Trans.; 2nd ed.). Barrow Press. (Original work published 1931)\n`)
    expect(book?.translator).toEqual([{family: 'Amsel', given: 'J.'}])
    expect(book).toMatchObject({title: 'Locks and ledgers', edition: '2', publisher: 'Barrow Press'})
    expect(book?.['original-date']?.['date-parts']).toEqual([[1931]])
    expect(book?.note).toBeUndefined()
  })

  test('German: the original year and `Nachdr.` after the title are no part of it', () => {
    const [book] = items(`# Häfen\n\nDie Häfen.\n\n## Literatur\n\nMertens, Johanna: Der Fischmarkt [1887]. Nachdr. Heilstadt: Morgen Verlag 1999.\n`)
    expect(book).toMatchObject({title: 'Der Fischmarkt', publisher: 'Morgen Verlag', 'publisher-place': 'Heilstadt'})
    expect(book?.issued?.['date-parts']).toEqual([[1999]])
    expect(book?.['original-date']?.['date-parts']).toEqual([[1887]])
  })
})

describe('names, editions and reprints the labeller cut short', () => {
  test('Chicago: `Edited by Marian Holt. 2 vols.`, the family name not read as the volumes', () => {
    const [book] = items(`# Mills\n\nMills.\n\n## Bibliography\n\nAldous, Fenwick. *The Mill Owners of Tarnbridge*. Edited by Marian Holt. 2 vols. Chicago: Larchmont University Press, 1984.\n`)
    expect(book?.editor).toEqual([{family: 'Holt', given: 'Marian'}])
    expect(book).toMatchObject({'number-of-volumes': '2', publisher: 'Larchmont University Press', 'publisher-place': 'Chicago'})
    expect(book?.volume).toBeUndefined()
  })

  test('Spanish: `trad. de Ana Ruiz, 2.ª ed.`', () => {
    const [book] = items(`# Muelles\n\nMuelles.\n\n## Bibliografía\n\nMoreno Salas, Tomás, *Historia de los muelles*, trad. de Ana Ruiz, 2.ª ed., Barcelona, Ediciones Faro, 2004.\n`)
    expect(book?.translator).toEqual([{family: 'Ruiz', given: 'Ana'}])
    expect(book).toMatchObject({edition: '2', publisher: 'Ediciones Faro', 'publisher-place': 'Barcelona'})
  })

  test('MLA: a reprint whose title holds years; `Reprint,` is no place', () => {
    const [book] = items(`# Lanterns\n\nLanterns.\n\n## Works Cited\n\nWyndle, Cara. *Wick and Flame: Lighting the City, 1700-1900*. 1931. Reprint, Harbour Books, 1987.\n`)
    expect(book?.issued?.['date-parts']).toEqual([[1987]])
    expect(book?.['original-date']?.['date-parts']).toEqual([[1931]])
    expect(book?.publisher).toBe('Harbour Books')
    expect(book?.['publisher-place']).toBeUndefined()
  })
})

describe('newspapers and edited books in APA and MLA', () => {
  const source = `# Canals

Canals.

## References

Marchetti, L. (2019, November 14). Night watch. *The Evening Courier*, p. B2.

Pryce, N., & Okafor, E. (Eds.). (2007). *Canal towns* (Vols. 1–3). Weir Books.

Stanmore, G. (2018, May 4). Barges return to the old cut. *The Daily Towpath*, A3.
`

  test('a page of a lettered section, no volume', () => {
    const [marchetti, , stanmore] = items(source)
    expect(marchetti).toMatchObject({type: 'article-newspaper', 'container-title': 'The Evening Courier', page: 'B2'})
    expect(stanmore).toMatchObject({type: 'article-newspaper', 'container-title': 'The Daily Towpath', page: 'A3'})
    expect(stanmore?.volume).toBeUndefined()
  })

  test('an edited book in several volumes is a book with its title, no journal', () => {
    const edited = items(source)[1]
    expect(edited).toMatchObject({type: 'book', title: 'Canal towns', publisher: 'Weir Books'})
    expect(edited?.['container-title']).toBeUndefined()
  })
})

describe('theses, reprints, addresses and dates in other languages', () => {
  test('a thesis by its kind after the title, in German, French and Spanish', () => {
    const [german] = items(`# Zoll\n\nZoll.\n\n## Literatur\n\nHessel, Marta: Das Zollhaus. Magisterarbeit, Universität Rostbach 1996.\n`)
    expect(german).toMatchObject({type: 'thesis', title: 'Das Zollhaus', genre: 'Magisterarbeit', publisher: 'Universität Rostbach'})
    const [french] = items(`# Brest\n\nBrest.\n\n## Bibliographie\n\nGIROUD (Henri), *Histoire du port de Brest*, thèse de doctorat, Université de Rennes, 1978, 2 vol.\n`)
    expect(french).toMatchObject({type: 'thesis', genre: 'thèse de doctorat', publisher: 'Université de Rennes', 'number-of-volumes': '2'})
    const [spanish] = items(`# Puertos\n\nPuertos.\n\n## Bibliografía\n\nOrtiz, Marta. *Puertos y ciudades*. Tesis doctoral, Universidad de Levante, 2015. Recuperado de https://repositorio.example.es/12345\n`)
    expect(spanish).toMatchObject({type: 'thesis', title: 'Puertos y ciudades', genre: 'Tesis doctoral', publisher: 'Universidad de Levante', URL: 'https://repositorio.example.es/12345'})
  })

  test('`Neudr. d. Ausg. 1912`: the original’s year and the reprint’s', () => {
    const [german] = items(`# Schiffbau\n\nSchiffbau.\n\n## Literatur\n\nKlemm, Otto: Schiffbau und Staat. Neudr. d. Ausg. 1912. Aalen: Lindwurm Verlag 1970.\n`)
    expect(german).toMatchObject({title: 'Schiffbau und Staat', publisher: 'Lindwurm Verlag', 'publisher-place': 'Aalen'})
    expect(german?.issued?.['date-parts']).toEqual([[1970]])
    expect(german?.['original-date']?.['date-parts']).toEqual([[1912]])
  })

  test('the address alone, and an access date printed with full stops or in French', () => {
    const [german] = items(`# Handel\n\nHandel.\n\n## Literatur\n\nFalk, Inge: Küstenhandel im Netz. URL: https://kuestenhandel.example.de/netz (abgerufen am 3.4.2020).\n`)
    expect(german?.URL).toBe('https://kuestenhandel.example.de/netz')
    expect(german?.accessed?.['date-parts']).toEqual([[2020, 4, 3]])
    const [french] = items(`# Port\n\nPort.\n\n## Bibliographie\n\nBRUNEL (Odile), *Rapport sur le port*, Paris, 2016. URL : https://port.example.fr/rapport2015 (consulté le 5 juin 2021).\n`)
    expect(french?.URL).toBe('https://port.example.fr/rapport2015')
    expect(french?.accessed?.['date-parts']).toEqual([[2021, 6, 5]])
  })
})

describe('a given name that is also a month', () => {
  test('`Eggers, Jan:` is a name, the newspaper’s day the date', () => {
    const [article] = items(`# Lotsen\n\nLotsen.\n\n## Literatur\n\nEggers, Jan: Lotsen im Sturm. In: Nordhafener Zeitung, 12.3.1998, S. 4.\n`)
    expect(article?.author).toEqual([{family: 'Eggers', given: 'Jan'}])
    expect(article).toMatchObject({type: 'article-newspaper', title: 'Lotsen im Sturm', 'container-title': 'Nordhafener Zeitung'})
    expect(article?.issued?.['date-parts']).toEqual([[1998, 3, 12]])
  })
})

describe('a German book’s town and year the labeller left in the title', () => {
  test('`Titel. Bremen 1988 (Reihe; 7).`: place, year and the series with its number', () => {
    const [book] = items(`# Werft\n\nWerft.\n\n## Literatur\n\nDrescher, Uwe: Die Werft. Bremen 1988 (Schriften des Hafenvereins; 7).\n`)
    expect(book).toMatchObject({title: 'Die Werft', 'publisher-place': 'Bremen', 'collection-title': 'Schriften des Hafenvereins', 'collection-number': '7'})
    expect(book?.issued?.['date-parts']).toEqual([[1988]])
  })
})
