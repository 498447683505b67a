// The head of an author-date reference (names, then the year) in forms a labeller misreads:
// a body with its acronym or its comma before the year, a reference list's key before the
// entry, marks where the year stands (`o. J.`, `in press` after the year), an editors' cue
// after the year, a place cue before an address. References invented for these tests.
import {describe, expect, test} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'

const namesOf = (list: ReadonlyArray<{family?: string; literal?: string}> | undefined) => list?.map((name) => name.family ?? name.literal)

function read(text: string) {
  const found = parseReferences(text)
  const item = found[0]?.parse.item
  return {count: found.length, authors: namesOf(item?.author), editors: namesOf(item?.editor), title: item?.title, year: item?.issued?.['date-parts']?.[0]?.[0], item}
}

describe('a body before the year of an author-date head', () => {
  test.each([
    ['IBO (Institut für Bienenkunde und Obstbau), 2001a: Blüten im Wandel? Neue Wege im Obstgarten. Celle.', 'IBO (Institut für Bienenkunde und Obstbau)', 'Blüten im Wandel? Neue Wege im Obstgarten', 2001],
    ['OGS (Orchard Growers Society), 2003: Pruning Old Trees. Notes from Three Counties. Hereford.', 'OGS (Orchard Growers Society)', 'Pruning Old Trees. Notes from Three Counties', 2003],
    ['LAW [Landesamt für Weidewirtschaft] 2009: Schafe im Hochland. Der dritte Weidebericht. Fulda.', 'LAW [Landesamt für Weidewirtschaft]', 'Schafe im Hochland. Der dritte Weidebericht', 2009],
    ['Landesamt für Wald und Wiese, 2004: Baumbestand 2040. Mitteilungen zur Forstpflege 5/6.', 'Landesamt für Wald und Wiese', 'Baumbestand 2040', 2004],
    ['Kreisamt für Imkerei in Soest, 2006: Zählung der Bienenvölker im Kreis bis 2025.', 'Kreisamt für Imkerei in Soest', 'Zählung der Bienenvölker im Kreis bis 2025', 2006],
    ['Weavers Guild of Marrowby, 2011: Patterns for the Narrow Loom. Marrowby.', 'Weavers Guild of Marrowby', 'Patterns for the Narrow Loom', 2011]
  ])('%s', (text, body, title, year) => {
    expect(read(text)).toMatchObject({authors: [body], title, year})
  })

  test('an acronym and its expansion in another language, joined by `e`, are one body', () => {
    expect(read('CEPA (Centro de Estudos de Pomares e Abelhas), 1988: Abelhas e Pomares do Norte. Braga: Casa Verde.')).toMatchObject({authors: ['CEPA (Centro de Estudos de Pomares e Abelhas)'], title: 'Abelhas e Pomares do Norte'})
  })

  test('a printed `(Hrsg.)` before the year makes the body the editor', () => {
    expect(read('Landesamt für Obst und Garten (Hrsg.), 1999: Gärten ohne Zaun. Eine Umfrage in vier Dörfern. Celle.')).toMatchObject({authors: undefined, editors: ['Landesamt für Obst und Garten'], title: 'Gärten ohne Zaun. Eine Umfrage in vier Dörfern'})
  })

  test('a `(Hg.)` after the year is the editors’ cue, not the title’s first word', () => {
    const body = read('VBI (Verband der Bienenhalter im Inntal) (1994) (Hg.), Honigernte – Tagung der Imker in Rosenheim, Passau.')
    expect(body).toMatchObject({authors: undefined, editors: ['VBI (Verband der Bienenhalter im Inntal)'], year: 1994})
    expect(`${body.title ?? ''} ${body.item?.['container-title'] ?? ''}`).not.toMatch(/Hg\./)
    expect(read('Quill, Oswin (2007) (Hg.): Weighing the Harvest. Methods and Measures, Dorchester.')).toMatchObject({authors: undefined, editors: ['Quill'], title: 'Weighing the Harvest. Methods and Measures'})
  })

  test('a person before the year stays a person', () => {
    expect(read('Imhof, Lene, 2004: Körbe und Kästen. Lemgo.')).toMatchObject({authors: ['Imhof'], title: 'Körbe und Kästen'})
    expect(read('Thatch, Ivy and Rob Ladder (2004): Cider House Accounts. Ludlow.')).toMatchObject({authors: ['Thatch', 'Ladder'], title: 'Cider House Accounts'})
  })
})

describe('a reference list’s key before the entry', () => {
  test('names and a bare year, then the same first name: the key is dropped', () => {
    expect(read('Sommer u. a. 2008 Sommer, P. ; Roth, A. W. ; Kern, L.: Counting Hives by Sound. In: Papers of the 2nd Meeting on Apiaries, 2008, 9-15')).toMatchObject({
      count: 1,
      authors: ['Sommer', 'Roth', 'Kern'],
      title: 'Counting Hives by Sound',
      item: {'container-title': 'Papers of the 2nd Meeting on Apiaries', page: '9-15'}
    })
  })

  test('the names after the key, read on from it as a title, are the authors', () => {
    expect(read('Roth 1999 Roth, Alma: Vom Pfropfen. Technik, Herkunft. In: Kern, Lutz (Hrsg.): Obstbau im Dorf. Lemgo : Apfel Verlag, 1999, S. 31–64')).toMatchObject({authors: ['Roth'], editors: ['Kern'], title: 'Vom Pfropfen. Technik, Herkunft', year: 1999})
  })

  test('a name and a year that open an ordinary reference are kept', () => {
    expect(read('Roth 1999: Die Kunst des Pfropfens, Lemgo.')).toMatchObject({authors: ['Roth'], year: 1999})
  })
})

describe('marks where the year stands', () => {
  test('`(o. J.)` is the missing year, not the title’s start', () => {
    const {authors, title, year} = read('Pfister, Ottilie E. und Hanne Wachs (o. J.): Notes on Three Wax Samples. Biberach.')
    expect({authors, title, year}).toEqual({authors: ['Pfister', 'Wachs'], title: 'Notes on Three Wax Samples', year: undefined})
  })

  test.each([
    ['Lindqvist, M., Orr, B. & Saxe, K. (2012, in Druck). Small orchards and the timing of blossom. Garden Studies Quarterly.', 'Small orchards and the timing of blossom'],
    ['Lindqvist, M. & Saxe, K. (2013, in press). Wax, smoke and the keeper’s veil. Apiary Notes.', 'Wax, smoke and the keeper’s veil']
  ])('a year and a work to come: %s', (text, title) => {
    expect(read(text)).toMatchObject({title, year: Number(/\((\d{4})/.exec(text)?.[1]), item: {status: 'forthcoming'}})
  })

  test('`et. al.` is no author', () => {
    expect(read('Quast, R. et. al. (1998): Streuobstwiesen im Tal. Marburg.').authors).toEqual(['Quast'])
  })
})

describe('a cue before an address', () => {
  test.each([
    ['Birk, Tessa, 2014, Why do Bees Swarm? Online verfügbar unter: http://www.example.org/garten/2014/schwarm/. (Stand: 03.06.2014)', 'Why do Bees Swarm?'],
    ['Mould, Jasper, 2014, Grafting for Beginners. Available online at: http://www.example.org/grafting/. (accessed 2 June 2014)', 'Grafting for Beginners']
  ])('%s', (text, title) => {
    const {item} = read(text)
    expect(item?.title).toBe(title)
    expect(item?.URL).toMatch(/^http:\/\/www\.example\.org\//)
  })
})
