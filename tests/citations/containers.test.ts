// The container of a chapter or article (the book, journal or newspaper it appeared in) as read
// from reference lists: editors printed without a cue, subtitles, towns, spelled-out editions and
// volumes. Texts written for these tests.
import {describe, expect, test} from 'vitest'
import type {CslName} from '../../pipeline/shared/types/csl.js'
import {familyNames, referenceListOf} from './document.js'

const families = (list: CslName[] | undefined) => familyNames(list) ?? []

function fieldsOf(heading: string, entries: readonly string[]) {
  const source = `# Probe\n\nEin Absatz.\n\n## ${heading}\n\n${entries.join('\n\n')}\n`
  return referenceListOf(source).entries.map(({item}) => ({
    title: item.title,
    container: item['container-title'],
    place: item['publisher-place'],
    edition: item.edition,
    volume: item.volume,
    page: item.page,
    editors: families(item.editor)
  }))
}

describe('German reference lists', () => {
  const entries = fieldsOf('Literatur', [
    'Brenner, Lotte (1998), »Über das Warten«; in: Fischer, Anna/Vogel, Bernd (Hg.), Kleine Formen der Zeit, Kassel, S. 12–30.',
    'Haller, Jens (2004), »Wege durch den Wald«, in: Mertens, Gabi/Sander, Heinz, Landschaft und Erinnerung, Bremen 2004, S. 33-51.',
    'Kern, W. (2004): Wege aus der Jugend. In: Lenz, K./Sauer, W./Brand, W.: Offene Lebenswege. Jugend, Arbeit und Familie. - Weinheim und Basel, S. 23-41.',
    'Wolff, Peter (1931): Zollpolitik. In: Lexikon der Seefahrt, vierte Auflage, zweiter Band, Jena, S. 31-44.',
    'Roth, K. (2001): Das Ende der Gilde. In: A. Berger/C. Dorn (Hrsg.): Zünfte im Wandel. Eine Bilanz, London.',
    'Meier, A. (2003): Gewalt im Alltag. In W. Kern & H.-G. Lutz (Hrsg.), Konflikt. Ursachen, Formen, Folgen (S. 211-230). Frankfurt/Main: Campus.',
    'Keller, Ute (1999): Kinder im Dorf, in: Stein, Rolf (Hg.), Ländliche Milieus, Freiburg/Br., S. 7-19.',
    'Busch, Otto (1982): Das Dorf, in: Ders.: Die Form der Siedlung, Frankfurt a.M., 31-58.',
    'Sommer, Eva (2007): Wasser als Ware, in: Blätter für Umweltfragen, Bonn, 47, 2, S. 31-35.',
    'Stern, Ulla (2000): Erinnerung im Gespräch, in: LOGOS 1998 (9. Jg.), 51-66.',
    'Wendt, M. (2003): Stichproben im Netz. In: A. Kaiser; M. Lorenz; T. Vogt (Hrsg.). Netz-Forschung, 3. überarb. Aufl., Wiesbaden: Gabler, S. 117-130.',
    'Kraus, H. (2002): Nachbarn. In: Berger, P./Hahn, U. (Hrsg.): Räume der Stadt. Perspektiven der Forschung. London.',
    'Kranz, Otto (1983): Dilemmas der Moderne. In: Brandt, Joachim: Krise der Stadt. Verhandlungen des 12. Kongresses in Kassel 1982. Frankfurt a. M.: Campus, S. 3-19.',
    'Lang, P. (2008): Karten aus Wörtern. In: H. Ohm (Hrsg.): Beiträge zur Ordnung, Band 10. Medien und Ordnung, Würzburg: Ergon, S. 3-9.'
  ])

  test('a book after a guillemet title and `; in:`', () => {
    expect(entries[0]).toMatchObject({title: 'Über das Warten', container: 'Kleine Formen der Zeit', place: 'Kassel', editors: ['Fischer', 'Vogel']})
  })

  test('editors printed without a cue before the book', () => {
    expect(entries[1]).toMatchObject({title: 'Wege durch den Wald', container: 'Landschaft und Erinnerung', place: 'Bremen', editors: ['Mertens', 'Sander']})
    expect(entries[2]).toMatchObject({container: 'Offene Lebenswege. Jugend, Arbeit und Familie', place: 'Weinheim und Basel', editors: ['Lenz', 'Sauer', 'Brand']})
  })

  test('a spelled-out edition and volume are no part of the book', () => {
    expect(entries[3]).toMatchObject({container: 'Lexikon der Seefahrt', edition: '4', volume: '2', place: 'Jena', page: '31-44'})
  })

  test("a book's subtitle is no place", () => {
    expect(entries[4]).toMatchObject({container: 'Zünfte im Wandel. Eine Bilanz', place: 'London'})
    expect(entries[5]).toMatchObject({container: 'Konflikt. Ursachen, Formen, Folgen', place: 'Frankfurt/Main', page: '211-230'})
  })

  test('the town ends the container, with its abbreviation', () => {
    expect(entries[6]).toMatchObject({container: 'Ländliche Milieus', place: 'Freiburg/Br'})
    expect(entries[8]).toMatchObject({container: 'Blätter für Umweltfragen', volume: '47'})
    expect(entries[11]).toMatchObject({container: 'Räume der Stadt. Perspektiven der Forschung', place: 'London'})
  })

  test('`Ders.:` before the book is the same author, not its title', () => {
    expect(entries[7]).toMatchObject({container: 'Die Form der Siedlung'})
  })

  test('a one-word journal before its year and volume', () => {
    expect(entries[9]).toMatchObject({container: 'LOGOS', page: '51-66', editors: []})
  })

  test('editors as `Family, Given:` before the book', () => {
    expect(entries[12]).toMatchObject({container: 'Krise der Stadt. Verhandlungen des 12. Kongresses in Kassel 1982', editors: ['Brandt'], page: '3-19'})
  })

  test("a volume's number and title after the book", () => {
    expect(entries[13]).toMatchObject({container: 'Beiträge zur Ordnung', volume: '10', place: 'Würzburg'})
  })

  test("a book's title read as its edition", () => {
    expect(entries[10]).toMatchObject({container: 'Netz-Forschung', place: 'Wiesbaden', editors: ['Kaiser', 'Lorenz', 'Vogt']})
  })
})

describe('English reference lists', () => {
  const entries = fieldsOf('References', [
    'Lamb, C. (2004). Lost ports. In D. Hale (Ed.), Harbours and cities: third edition, second volume (pp. 4-19). Oxford: Clarendon.',
    'Hart, J. (2011). Coastal fairs. In Marsh, Tom/Reed, Ann, Markets of the shore, London 2011, pp. 3-18.',
    'Reiter, Alfred (1964). The guest. In Arno Lind (Ed.), Gathered Essays. Vol. III: Studies of the Harbour (pp.57-70). The Hague: Nijhoff.'
  ])

  test('a spelled-out edition after the colon goes to the edition', () => {
    expect(entries[0]).toMatchObject({title: 'Lost ports', container: 'Harbours and cities', edition: '3', place: 'Oxford', page: '4-19'})
  })

  test('editors without a cue before the book', () => {
    expect(entries[1]).toMatchObject({container: 'Markets of the shore', place: 'London', editors: ['Marsh', 'Reed']})
  })

  test("pages printed without a space after their cue, and a volume's title after its number", () => {
    expect(entries[2]).toMatchObject({container: 'Gathered Essays', volume: 'III', place: 'The Hague', page: '57-70'})
  })
})

test('a journal of two words read as a name before its number', () => {
  const [entry] = fieldsOf('References', ['Amin, Sara (2010), Wells and Water, in: Harbour News, 498, online: <https://www.harbour.example.org> (21 March 2014).'])
  expect(entry).toMatchObject({title: 'Wells and Water', container: 'Harbour News', editors: []})
})

describe('French reference lists', () => {
  const entries = fieldsOf('Bibliographie', [
    'Dupont, Jeanne (1998), « Les foires du Poitou », dans : Martin, Paul (dir.), Marchés et villes. Essais d’histoire, Rennes, PUR, p. 33-51.',
    'Morel, Anne (2001), « Les halles », in Blanc, Marc/Roux, Eve, Villes de marché, Lyon, 2001, p. 5-18.',
    'Petit, Jean (1931), « Douanes », dans Dictionnaire du commerce, deuxième édition, troisième volume, Paris, p. 10-20.',
    'Vidal, Anne (2001), « Les quais », dans Villes et marchés, éd. Paul Roux, Lyon, PUL, 2001, p. 5-18.'
  ])

  test('the book after `dans :` and its editors', () => {
    expect(entries[0]).toMatchObject({container: 'Marchés et villes. Essais d’histoire', place: 'Rennes', page: '33-51', editors: ['Martin']})
  })

  test('editors without a cue after a bare `in`', () => {
    expect(entries[1]).toMatchObject({title: 'Les halles', container: 'Villes de marché', place: 'Lyon', editors: ['Blanc', 'Roux']})
  })

  test('`dans` after a quoted title opens the book; spelled edition and volume', () => {
    expect(entries[2]).toMatchObject({title: 'Douanes', container: 'Dictionnaire du commerce', edition: '2', volume: '3', place: 'Paris'})
  })

  test('the book before the cue of its editors', () => {
    expect(entries[3]).toMatchObject({title: 'Les quais', container: 'Villes et marchés', editors: ['Roux'], page: '5-18'})
  })
})

describe('what stays as printed', () => {
  const entries = fieldsOf('Literatur', [
    'Vogt, M./Lang, H. (Hg.) (2000), Das dritte Alter – Wohnen und Arbeit im Spiegel des Panels, Opladen.',
    'Lind, A. (2006). Second thoughts. In B. Ross (Ed.), Harbours: Second Sight (pp. 1-9). Leeds: Quay Press.',
    'Sand, B. (2006). Grain trade. In R. Vale (Ed.), Ports of the north (pp. 40-52). Mahwah, NJ: Tidewater.',
    'Rey, Ana (2013), The Shaping of the “Small Port” in Galicia, in: Harbour Studies, 38, 2, 191-226.'
  ])

  test('a newspaper name inside a book title makes no container', () => {
    expect(entries[0]).toMatchObject({title: 'Das dritte Alter – Wohnen und Arbeit im Spiegel des Panels', place: 'Opladen'})
    expect(entries[0]?.container).toBeUndefined()
  })

  test('an ordinal word inside a title is no edition', () => {
    expect(entries[1]).toMatchObject({container: 'Harbours: Second Sight'})
    expect(entries[1]?.edition).toBeUndefined()
  })

  test('`in` after a quotation inside a title opens nothing', () => {
    expect(entries[3]).toMatchObject({title: 'The Shaping of the “Small Port” in Galicia', container: 'Harbour Studies', volume: '38'})
  })

  test('a town with its state stays the place', () => {
    expect(entries[2]).toMatchObject({container: 'Ports of the north', page: '40-52'})
    expect(entries[2]?.place).toMatch(/^Mahwah/)
  })
})
