// Archival citations beyond the Russian fonds: a location that opens the citation (British, German
// and French usage), repositories named with their division or house, American quotation
// punctuation inside a folder's title, archives the tables do not list. Citations invented for these tests.
import {describe, expect, it} from 'vitest'
import {parseArchival} from '../../pipeline/citations/parse-archival.js'
import {repositoryLocation} from '../../pipeline/citations/repositories.js'
import {citationsOf, testMeta} from './document.js'

const context = () => ({aliases: new Map()})

describe('a location that opens the citation', () => {
  it('reads the document described after the shelfmark (UK, German, French usage)', () => {
    const minute = parseArchival('TNA, FO 371/40817, Minute by H. Trask, 4 June 1927.', context())
    expect(minute?.archival).toMatchObject({archive: 'TNA', shelfmark: 'FO 371/40817', docDate: '1927-06-04'})
    expect(minute?.item).toMatchObject({type: 'document', title: 'Minute by H. Trask', archive: 'TNA', archive_location: 'FO 371/40817'})
    const vermerk = parseArchival('Bundesarchiv Koblenz, B 149/2210, Bl. 31–33, Vermerk vom 9. Juli 1952.', context())
    expect(vermerk?.archival).toMatchObject({archive: 'BArch', shelfmark: 'B 149/2210', folios: '31-33'})
    expect(vermerk?.item.title).toBe('Vermerk')
    expect(vermerk?.item.issued?.['date-parts']).toEqual([[1952, 7, 9]])
    const rapport = parseArchival('AN, F/1c/4412, rapport du commissaire, 12 avril 1848.', context())
    expect(rapport?.archival).toMatchObject({archive: 'AN', shelfmark: 'F/1c/4412'})
    expect(rapport?.item.title).toBe('rapport du commissaire')
  })

  it('ends at the location when prose follows it, and keeps the town after the repository', () => {
    expect(parseArchival('TNA, CO 323/998. The clerk never answered the letter.', context())).toBeUndefined()
    const kew = repositoryLocation('The National Archives, Kew, CAB 21/407, note by the secretary.')
    expect(kew).toMatchObject({archive: 'TNA', place: 'Kew', shelfmark: 'CAB 21/407', leading: true})
  })

  it('takes no publication named after a repository for a location', () => {
    for (const text of ['Library of Congress, Catalog, Vol. 2, 1950.', 'British Library, *Catalogue of Charters*, vol. 2 (London, 1900).', 'Public Record Office, Calendar of Treasury Papers, vol. 3, London 1890.']) {
      expect(repositoryLocation(text)).toBeUndefined()
    }
  })

  it('reads the folios of a German file with `f.`', () => {
    const parsed = parseArchival('BArch-MA, RW 6/118, Bl. 14 f.', context())
    expect(parsed?.archival).toMatchObject({archive: 'BArch', shelfmark: 'RW 6/118'})
    expect(parsed?.locator).toBe('14 f.')
  })
})

describe('repositories named in parts', () => {
  it('keeps a division with its repository, not as its town', () => {
    const parsed = parseArchival('Memorandum, "Wharf Leases," May 2, 1911, Papers of Orrin Tate, Library of Congress, Manuscript Division, box 12, folder 4.', context())
    expect(parsed?.item).toMatchObject({archive: 'Library of Congress, Manuscript Division', archive_collection: 'Papers of Orrin Tate', archive_location: 'box 12, folder 4', title: 'Wharf Leases'})
    expect(parsed?.item['archive-place']).toBeUndefined()
    expect(parsed?.item.author).toBeUndefined()
    expect(parsed?.archival.archive).toBe('LOC')
  })

  it('joins a department and its house', () => {
    const parsed = parseArchival('Ruth Penn to Silas Hale, 8 March 1899, Hale Family Papers, MS 77, box 2, folder 9, Special Collections, Norland University Library.', context())
    expect(parsed?.item).toMatchObject({archive: 'Special Collections, Norland University Library', archive_collection: 'Hale Family Papers', archive_location: 'MS 77, box 2, folder 9'})
    expect(parsed?.archival).toMatchObject({from: 'Ruth Penn', to: 'Silas Hale'})
  })

  it('reads a collection between a known repository and its shelfmark', () => {
    const parsed = parseArchival('British Library, Estate Correspondence, EC/B/14/207, fols. 2–6.', context())
    expect(parsed?.item).toMatchObject({archive: 'British Library', archive_collection: 'Estate Correspondence', archive_location: 'EC/B/14/207'})
    expect(parsed?.locator).toBe('2-6')
  })

  it('reads the section between any repository and its bundle', () => {
    const parsed = parseArchival('Archivio di Stato di Lucca, Offizio sopra la Grascia, filza 88, lettera di Piero Sandri, 9 giugno 1602.', context())
    expect(parsed?.item).toMatchObject({archive: 'Archivio di Stato di Lucca', archive_collection: 'Offizio sopra la Grascia', archive_location: 'filza 88', title: 'lettera di Piero Sandri'})
    expect(parsed?.item.issued?.['date-parts']).toEqual([[1602, 6, 9]])
  })

  it('reads a French departmental archive and its series', () => {
    const parsed = parseArchival('Archives départementales de la Drôme (ADD), 7 M 118.', context())
    expect(parsed?.item).toMatchObject({archive: 'Archives départementales de la Drôme (ADD)', archive_location: '7 M 118'})
  })
})

describe('record groups and folders', () => {
  it('reads a folder whose title holds the comma (American punctuation)', () => {
    const parsed = parseArchival('RG 32, Records of the Harbor Board, Entry UD 118, Box 7, folder "Pier Rents," NARA.', context())
    expect(parsed?.item).toMatchObject({archive: 'NARA', archive_collection: 'Records of the Harbor Board', archive_location: 'RG 32, Entry UD 118, Box 7, folder "Pier Rents"'})
  })

  it('keeps a recipient whose title has `of`', () => {
    const parsed = parseArchival('Consul Amos Reed to Secretary of State, June 2, 1919, RG 59, Entry 205, Box 3, NARA.', context())
    expect(parsed?.archival).toMatchObject({from: 'Consul Amos Reed', to: 'Secretary of State'})
  })
})

describe('Cyrillic archives beyond the table', () => {
  it('reads units set as sentences', () => {
    const parsed = parseArchival('РГАЭ. Ф. 8043. Оп. 11. Д. 27. Л. 4 об.', context())
    expect(parsed?.archival).toMatchObject({archive: 'RGAE', fond: '8043', opis: '11', delo: '27'})
    expect(parsed?.locator).toMatch(/^4\sоб/)
  })

  it('names an archive the table does not list by its acronym before a file', () => {
    const parsed = parseArchival('ГАНО, ф. 1207, оп. 3, д. 58, лл. 2–5.', context())
    expect(parsed?.item).toMatchObject({archive: 'ГАНО', archive_location: 'ф. 1207, оп. 3, д. 58'})
    expect(parsed?.archival.title).toBeUndefined()
    const short = parseArchival('Протокол собрания, 3 мая 1930 г. ЦГА СПб. Ф. 1722. Оп. 2. Д. 9. Л. 3.', context())
    expect(short?.item).toMatchObject({archive: 'ЦГА СПб', title: 'Протокол собрания'})
  })

  it('takes no acronym for an archive before a lone fond', () => {
    const parsed = parseArchival('See the NKVD order, f. 12.', context())
    expect(parsed?.item.archive).toBeUndefined()
  })
})

describe('in a document', () => {
  it('cites a location-first note as one archival citation', () => {
    const citations = citationsOf([
      'Text.[^1] More.[^2]', '',
      '[^1]: TNA, FO 371/40817, Minute by H. Trask, 4 June 1927.',
      '[^2]: AN, F/1c/4412, rapport du commissaire, 12 avril 1848.', ''
    ].join('\n'), testMeta('article', 'en'))
    expect(citations.map((citation) => [citation.note, citation.archival?.archive, citation.item.title])).toEqual([[1, 'TNA', 'Minute by H. Trask'], [2, 'AN', 'rapport du commissaire']])
  })
})
