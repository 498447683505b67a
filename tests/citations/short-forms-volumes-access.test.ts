import {describe, expect, test} from 'vitest'
import {parsePublished} from '../../pipeline/citations/parse-published.js'

describe('a short form with volume and page; the day a web page was read', () => {
  test('`Name, Title, 1:33`: the volume and its page, the title alone', () => {
    expect(parsePublished('Lindqvist, Ferjetrafik, 1:33.')).toMatchObject({item: {author: [{family: 'Lindqvist'}], title: 'Ferjetrafik', volume: '1'}, locator: '33', label: 'page'})
    expect(parsePublished('Lindqvist, Ferjetrafik och tull, III: 40-42.')).toMatchObject({item: {title: 'Ferjetrafik och tull', volume: 'III'}, locator: '40-42'})
    // A name and a page alone stay as they were.
    expect(parsePublished('Lindqvist, 59.')).toMatchObject({item: {author: [{family: 'Lindqvist'}]}, locator: '59'})
  })

  test('`accessed 3 May 2010` is the access date, not part of the site\'s name nor its date', () => {
    const read = parsePublished('Tove Ahl, "Ferry Dues," Sound Crossings Online, accessed 3 May 2010, http://example.org/dues.')
    expect(read?.item).toMatchObject({title: 'Ferry Dues', 'container-title': 'Sound Crossings Online', accessed: {'date-parts': [[2010, 5, 3]]}, URL: 'http://example.org/dues'})
    expect(read?.item.issued).toBeUndefined()
    const later = parsePublished('Tove Ahl, "Ferry Dues," *Sound Crossings Online*, 12 April 2009, http://example.org/dues (last accessed on May 3, 2010).')
    expect(later?.item).toMatchObject({'container-title': 'Sound Crossings Online', issued: {'date-parts': [[2009, 4, 12]]}, accessed: {'date-parts': [[2010, 5, 3]]}})
  })
})

describe('a plain book title, then its editors', () => {
  test('`in Book Title, ed. B. One and C. Two (…)`: the title is the container, the names after `ed.` the editors', () => {
    const read = parsePublished('Rolf Amber, "Tolls at the Narrows," in Sound and Strait, ed. T. Krog and E. Lind (Malmö: Hamnförlaget, 1994), 88.')
    expect(read?.item).toMatchObject({type: 'chapter', title: 'Tolls at the Narrows', 'container-title': 'Sound and Strait', editor: [{family: 'Krog', given: 'T.'}, {family: 'Lind', given: 'E.'}], publisher: 'Hamnförlaget'})
    expect(read?.locator).toBe('88')
    // Editors before `eds.,` and the title after them, as before.
    const before = parsePublished('Rolf Amber, "Tolls at the Narrows," in T. Krog and E. Lind, eds., Sound and Strait (Malmö: Hamnförlaget, 1994), 88.')
    expect(before?.item).toMatchObject({'container-title': 'Sound and Strait', editor: [{family: 'Krog'}, {family: 'Lind'}]})
  })
})

describe('a German book cited without brackets in a Chicago document', () => {
  test('edition, place and year after the title, and `S.` before the page', () => {
    const read = parsePublished('Greta Faber, Die Schleusen am Kanal, 3. Aufl., Minden 1928, S. 40.')
    expect(read).toMatchObject({item: {author: [{family: 'Faber'}], title: 'Die Schleusen am Kanal', edition: '3', 'publisher-place': 'Minden', issued: {'date-parts': [[1928]]}}, locator: '40', incomplete: false})
    expect(parsePublished('Faber, Schleusen, S. 40.')).toMatchObject({item: {title: 'Schleusen'}, locator: '40', incomplete: true})
  })
})
