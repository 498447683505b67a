// The end of a journal's, book's or title's name that a labeller reads as publication facts:
// a last word taken for a volume or a place, a subtitle taken for the place, publisher or
// edition, an article alone taken for a journal. References invented for these tests.
import {describe, expect, test} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'

const item = (text: string) => parseReferences(text)[0]?.parse.item

describe('the last words of a name', () => {
  test('a newspaper’s last word is no volume', () => {
    expect(item('Pell, R. (2001, March 9). Orchard fire spares old cider press: Volunteers carry barrels to the river. The Hollowmere Courier.')?.['container-title']).toBe('The Hollowmere Courier')
  })

  test('a volume’s cue stays out of the name', () => {
    expect(item('Vosk, Irma T. (2003): Beekeeping, History of. In: Dunn, Ray C./Stile, Mara P.: Handbook of Rural Crafts Volume 4. Leiden: Tamsin, 212-219')?.['container-title']).toBe('Handbook of Rural Crafts')
  })

  test.each([
    ['Ketel J. and Brum, P. (1996) Orchards in hill country. In R. T. Vane and J. de Wit (eds.): Small Farm Orchard Practice, Norwich.', 'Small Farm Orchard Practice', 'Norwich'],
    ['Abara, Kofi (2009), Reading Weaving Patterns, in: Ama Serwa and Yaw Dede (eds), Threads and Colours in the Cloth Markets of the Coast, Accra: Loom House, 33-58.', 'Threads and Colours in the Cloth Markets of the Coast', 'Accra']
  ])('a name cut mid-phrase takes back the words read as the place: %s', (text, book, place) => {
    expect(item(text)).toMatchObject({'container-title': book, 'publisher-place': place})
  })

  test('an article and a year inside a title are no journal', () => {
    expect(item('Sorrel, Ada, and Piet Vlas. 2016. Fewer Hives, More Honey? The 2012 Harvest in the Lowlands. Rural Crafts and Economy 14: 201-23.')).toMatchObject({
      title: 'Fewer Hives, More Honey? The 2012 Harvest in the Lowlands',
      'container-title': 'Rural Crafts and Economy',
      volume: '14',
      page: '201-23'
    })
  })
})

describe('a subtitle read as the place, publisher or edition', () => {
  test.each([
    ['Zell, K. (1997): Waben zählen. In Horn, B. / Zell, K. (Hrsg.): Gärten pflegen: Regeln, Geräte, Jahreszeiten. Lemgo: Apfel Verlag.', 'Gärten pflegen: Regeln, Geräte, Jahreszeiten', 'Lemgo'],
    ['Rauch, Dora. (2008). Wolle im Dorf. In Emil Fromm & Verein für Webkunst (VfW) (Hrsg.), Alte Muster, neue Farben. Beiträge der 12. Webertagung. Kassel: Spindel.', 'Alte Muster, neue Farben. Beiträge der 12. Webertagung', 'Kassel']
  ])('%s', (text, book, place) => {
    expect(item(text)).toMatchObject({'container-title': book, 'publisher-place': place})
    expect(item(text)?.edition).toBeUndefined()
  })

  test.each([
    ['Wachs, Lina (2002): Bienen. 3. Aufl. Kassel: Spindel.', '3'],
    ['Wachs, Lina (2002): Bienen. Revised edition. Norwich: Fenland.', 'Revised edition']
  ])('an edition stays the edition: %s', (text, edition) => {
    expect(item(text)).toMatchObject({title: 'Bienen', edition, 'publisher-place': text.includes('Norwich') ? 'Norwich' : 'Kassel'})
  })

  test.each([
    ['Egger, Toni; Huber, Resi (2005): Ertrag der Almen. AGRA. München.', 'Ertrag der Almen', 'AGRA', 'München'],
    ['Thorne, B. 1931. Orchards: a Primer. Meadowgate House. Boston.', 'Orchards: a Primer', 'Meadowgate House', 'Boston']
  ])('a publisher before its town stays the publisher: %s', (text, title, publisher, place) => {
    expect(item(text)).toMatchObject({title, publisher, 'publisher-place': place})
  })
})

describe('a place and its publisher read as the title’s end', () => {
  test('a place and a body after the title’s comma, a series in brackets after them', () => {
    expect(item('Hale, B. R. (2010): Keeping bees on common land in upland parishes, Kendal: The Institute for Upland Commons (Occasional Notes on Commons 3)')).toMatchObject({
      title: 'Keeping bees on common land in upland parishes',
      publisher: 'The Institute for Upland Commons',
      'publisher-place': 'Kendal',
      'collection-title': 'Occasional Notes on Commons'
    })
  })

  test('a town named with `bei`', () => {
    expect(item('Kranz, Otto (2005). Der Imker im Winter. Neustadt bei Coburg: Wabenhaus.')).toMatchObject({title: 'Der Imker im Winter', publisher: 'Wabenhaus', 'publisher-place': 'Neustadt bei Coburg'})
  })

  test('a colon inside the title is no place', () => {
    expect(item('Wachs, Lina (2002): Bienen, Blüten: Ein Jahr. Celle: Moorverlag.')?.title).toBe('Bienen, Blüten: Ein Jahr')
  })
})
