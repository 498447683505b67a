/**
 * Entries a reader can trust: each fix of what a historian noticed in the bibliography, on
 * citations of our own.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {buildBibliography, type BibliographyInput} from '../../pipeline/bibliography/index.js'
import {assembleItem} from '../../pipeline/bibliography/assemble.js'
import {biblatexEntries} from '../../pipeline/export/biblatex.js'
import {formatEntries} from '../../pipeline/export/formatted.js'
import {datesFromIssues} from '../../pipeline/bibliography/issues.js'
import {completeGivenNames} from '../../pipeline/bibliography/names.js'
import {parsePublished} from '../../pipeline/citations/index.js'
import type {ParsedCitation} from '../../pipeline/shared/types/citation.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'
import type {DocumentMeta} from '../../pipeline/shared/types/document.js'

describe('titles keep their words', () => {
  it.each([
    ['Anna Petrova, Ivan Sidorov, and Mei Lin, Bread and Salt: Markets, Guilds, and the Northern Trade (Oxford: Clarendon Press, 1987): 12', 'Bread and Salt: Markets, Guilds, and the Northern Trade'],
    ['Anna Petrova and Mei Lin, The Grain Trade: Ports, Merchants, and Guilds (Oxford: Clarendon Press, 1987)', 'The Grain Trade: Ports, Merchants, and Guilds']
  ])('%s', (text, title) => {
    const parsed = parsePublished(text)
    expect(parsed?.item.title).toBe(title)
    expect(parsed?.item.author?.map((name) => name.family)).toEqual(text.startsWith('Anna Petrova, Ivan') ? ['Petrova', 'Sidorov', 'Lin'] : ['Petrova', 'Lin'])
  })
})

describe('the edition style prints each part of an entry once', () => {
  const items: CslItem[] = [
    {id: 'collected', type: 'book', title: 'Collected Letters of the Guild', volume: '54', publisher: 'Harbour Press', 'publisher-place': 'Leeds', issued: {'date-parts': [[1990]]}},
    {id: 'papers', type: 'book', title: 'Papers of the Port Board, 1921', volume: 'VI'},
    {id: 'inseries', type: 'chapter', title: 'Tolls', 'container-title': 'Port Papers', volume: '3', author: [{family: 'Ray', given: 'Ann'}], issued: {'date-parts': [[1977]]}},
    {id: 'docks', type: 'article-journal', author: [{family: 'Ray', given: 'Ann'}], title: 'Docks and Wharves', 'container-title': 'Harbour Studies', volume: '10', issue: '4', issued: {'date-parts': [[1991], [1992]], season: 4}, page: '59-80'},
    {id: 'ferries', type: 'article-journal', author: [{family: 'Lin', given: 'Mei'}], title: 'Ferries', 'container-title': 'Harbour Studies', issue: '1–2', issued: {literal: 'Spring and Fall 1994'}},
    {id: 'quays', type: 'article-journal', author: [{family: 'Lin', given: 'Mei'}], title: 'Quays', 'container-title': 'Harbour Studies', volume: '12'},
    {id: 'shortform', type: 'article-journal', author: [{family: 'Lin'}], title: 'Piers'}
  ]
  const text = new Map(formatEntries(items).map((entry) => [entry.id, entry.text]))

  it.each([
    ['collected', 'Collected Letters of the Guild. Vol. 54. Leeds: Harbour Press, 1990.'],
    ['papers', 'Papers of the Port Board, 1921. Vol. VI. n.d.'],
    ['inseries', 'Ray, Ann. “Tolls.” In Port Papers, vol. 3. 1977.'],
    ['docks', 'Ray, Ann. “Docks and Wharves.” Harbour Studies 10, no. 4 (Winter 1991–1992): 59–80.'],
    ['ferries', 'Lin, Mei. “Ferries.” Harbour Studies, no. 1–2 (Spring and Fall 1994).'],
    ['quays', 'Lin, Mei. “Quays.” Harbour Studies 12 (n.d.).'],
    ['shortform', 'Lin. Piers. n.d.']
  ])('%s', (id, expected) => {
    expect(text.get(id)).toBe(expected)
  })

  it('prints no volume and no date twice', () => {
    for (const entry of text.values()) {
      expect(entry).not.toMatch(/\bvol\. (\S+)\. Vol\. \1/i)
      const years = entry.match(/\b1\d{3}\b/g) ?? []
      expect(new Set(years).size, entry).toBe(years.length)
    }
  })
})

describe('BibLaTeX keeps the issuing authority', () => {
  it('writes a court as the organization of a decision', () => {
    const [entry] = biblatexEntries([{id: 'bgh2011', type: 'legal_case', authority: 'BGH', title: 'Beschluss vom 14.6.2011, 2 StR 118/10', number: '2 StR 118/10', issued: {'date-parts': [[2011]]}}])
    expect(entry?.type).toBe('misc')
    expect(entry?.properties.organization).toBe('BGH')
    expect(entry?.properties.title).toContain('Beschluss vom 14.6.2011')
  })
})

describe('BibLaTeX dates only when known', () => {
  const entries = new Map(biblatexEntries([
    {id: 'undated', type: 'document', archive: 'GAA', 'archive_location': 'f. 4, op. 1, d. 9'},
    {id: 'forthcoming', type: 'book', title: 'Harbour Lights', author: [{family: 'Ray', given: 'Ann'}], status: 'forthcoming'},
    {id: 'seasons', type: 'article-journal', title: 'Ferries', author: [{family: 'Lin', given: 'Mei'}], 'container-title': 'Harbour Studies', issued: {literal: 'Spring and Fall 1994'}},
    {id: 'twodays', type: 'document', title: 'Telegrams from Ray to Lin', issued: {literal: '26 October and 20 November 1949'}},
    {id: 'span', type: 'book', title: 'Tide Tables', issued: {literal: 'Winter 1991 to Spring 1993'}}
  ]).map((entry) => [entry.label, entry.properties]))

  it('writes no date for an undated item, and no placeholder', () => {
    expect(entries.get('undated')?.date).toBeUndefined()
    expect(entries.get('forthcoming')?.date).toBeUndefined()
    expect(entries.get('forthcoming')?.pubstate).toBe('forthcoming')
  })

  it('writes the years a printed date names, and keeps the date as printed in the note', () => {
    expect(entries.get('seasons')?.date).toBe('1994')
    expect(entries.get('twodays')?.date).toBe('1949')
    expect(entries.get('twodays')?.note).toBe('26 October and 20 November 1949')
    expect(entries.get('span')?.date).toBe('1991/1993')
  })
})

describe('archival documents whose citation names no archive', () => {
  const telegrams: CslItem[] = [29, 13].map((day, index) => ({
    id: `petrov1951telegram${index}`, type: 'document', author: [{family: 'Petrov'}], recipient: [{family: 'Lin'}], genre: 'telegram',
    issued: {'date-parts': [[1951, 5, day]]}, custom: {archival: {}, sender: 'Petrov'}
  }))
  const entries = formatEntries(telegrams)

  it('are told apart by correspondents and full date, among the archival sources', () => {
    expect(entries.map((entry) => entry.text)).toEqual(['Petrov to Lin, telegram, 29 May 1951.', 'Petrov to Lin, telegram, 13 May 1951.'])
    expect(entries.map((entry) => entry.group)).toEqual([['Archival sources', 'Archive not named'], ['Archival sources', 'Archive not named']])
  })
})

describe('one person, one name', () => {
  let note = 0
  const cite = (text: string, item: ParsedCitation['item']): ParsedCitation => ({note: ++note, index: 0, text, item, ibid: false, shortForm: false})
  const book = (family: string, given: string | undefined, title: string, year: number): ParsedCitation['item'] => ({type: 'book', author: [{family, ...(given ? {given} : {})}], title, issued: {'date-parts': [[year]]}, publisher: 'Dock Press'})
  const docs: BibliographyInput[] = [{
    meta: {source: 'a.txt', slug: 'harbours', title: 'Harbours', authors: ['Mei Lin'], kind: 'article'} as DocumentMeta,
    file: new VFile({path: 'a.txt'}),
    citations: [
      cite('Ann B. Ray, Tides, Volume II (Leeds: Dock Press, 1990).', book('Ray', 'Ann B.', 'Tides, Volume II', 1990)),
      cite('A. Ray, Harbour Lights (Leeds: Dock Press, 1985).', book('Ray', 'A.', 'Harbour Lights', 1985)),
      cite('Ray, Tides, Volume I (Leeds: Dock Press, 1981).', book('Ray', undefined, 'Tides, Volume I', 1981)),
      cite('Min-ho Kim, Nets (Leeds: Dock Press, 1970).', book('Kim', 'Min-ho', 'Nets', 1970)),
      cite('Sun Kim, Sails (Leeds: Dock Press, 1972).', book('Kim', 'Sun', 'Sails', 1972)),
      cite('Kim, Oars (Leeds: Dock Press, 1975).', book('Kim', undefined, 'Oars', 1975))
    ]
  }]
  const bibliography = buildBibliography(docs)
  const authorOf = (title: string) => bibliography.items.find((item) => item.title === title)?.author?.[0]

  it('gives a family name alone the one given name the bibliography knows for it, and says so', () => {
    expect(authorOf('Tides, Volume I')).toEqual({family: 'Ray', given: 'Ann B.'})
    expect(authorOf('Harbour Lights')).toEqual({family: 'Ray', given: 'A.'})
    const reported = docs[0]?.file.messages.filter((message) => message.ruleId === 'bib-name-completed').map((message) => message.reason)
    expect(reported).toEqual([expect.stringMatching(/^Completed `Ray` as `Ray, Ann B\.`/)])
  })

  it('leaves it alone when two people of that family are cited', () => {
    expect(authorOf('Oars')).toEqual({family: 'Kim'})
  })
})

describe('an unpublished interview', () => {
  const text = 'Unpublished interview on 2 May 1988, with Ann Ray, for her forthcoming book *Tides* (Dock Press, 1989).'
  const item = assembleItem([{note: 1, index: 0, text, ibid: false, shortForm: false, item: {type: 'interview', author: [{family: 'Ray', given: 'Ann'}], 'container-title': 'Tides', issued: {'date-parts': [[1988, 5, 2]]}, custom: {containerTitleTranslation: 'Dock Press, 1989'}}}])

  it('has no container: the book it names is not where it appeared', () => {
    expect(item['container-title']).toBeUndefined()
    expect(item.custom?.containerTitleTranslation).toBeUndefined()
    expect(item.genre).toBe('unpublished interview')
  })

  it('reads as an interview of its day, not as the book', () => {
    expect(formatEntries([{id: 'ray1988', ...item}])[0]?.text).toBe('Ray, Ann. Unpublished interview. 2 May 1988.')
  })
})

describe('archival correspondents', () => {
  it('keep the surname they are cited by', () => {
    const items: CslItem[] = [
      {id: 'ray1990tides', type: 'book', author: [{family: 'Ray', given: 'Ann'}], title: 'Tides'},
      {id: 'ray1950letter', type: 'document', author: [{family: 'Ray'}], recipient: [{family: 'Lin'}], genre: 'letter', custom: {archival: {archive: 'GAA', fond: '4'}}}
    ]
    expect(completeGivenNames(items)).toEqual([])
    expect(items[1]?.author).toEqual([{family: 'Ray'}])
  })
})

describe('an article cited without its date', () => {
  const article = (id: string, issue: string, issued?: CslItem['issued']): CslItem => ({id, type: 'article-journal', title: `On ${id}`, 'container-title': 'Harbour Studies Bulletin', issue, ...(issued ? {issued} : {})})
  const winter = {'date-parts': [[1995], [1996]], season: 4}
  const items = [
    article('dated', '6–7', winter),
    article('undated', '6/7'),
    article('spring', '8', {'date-parts': [[1997]], season: 'Spring'}),
    article('fall', '8', {'date-parts': [[1997]], season: 'Fall'}),
    article('which', '8'),
    {...article('elsewhere', '6/7'), 'container-title': 'Harbour Review'}
  ]
  const dated = datesFromIssues(items)

  it('takes the date other citations give its issue', () => {
    expect(dated).toEqual([{key: 'undated', from: 'dated'}])
    expect(items[1]?.issued).toEqual(winter)
  })

  it('takes none when they disagree, or from another periodical', () => {
    expect(items[4]?.issued).toBeUndefined()
    expect(items[5]?.issued).toBeUndefined()
  })
})

describe('a citation that could not be read', () => {
  it('is shown as printed, without a date the style would add', () => {
    const [entry] = formatEntries([{id: 'x', type: 'document', title: 'Petrov’s letter was dated 2 March 1950 & <sent>', custom: {unparsed: true}}])
    expect(entry?.text).toBe('Petrov’s letter was dated 2 March 1950 & <sent>')
    expect(entry?.html).toBe('<div class="csl-entry">Petrov’s letter was dated 2 March 1950 &#x26; &#x3C;sent></div>')
    expect(entry?.group).toEqual(['Unparsed citations'])
  })
})

describe('a document cited once with its place and once without', () => {
  let note = 0
  const cite = (text: string, item: ParsedCitation['item'], archival?: ParsedCitation['archival']): ParsedCitation => ({note: ++note, index: 0, text, item, ibid: false, shortForm: false, ...(archival ? {archival} : {})})
  const kept = (title: string, month: number, fond: string): ParsedCitation => cite(`“${title},” ${month} 1946, GAA, f. ${fond}, op. 1, d. 5.`,
    {type: 'document', title, issued: {'date-parts': [[1946, month]]}, archive: 'GAA'}, {archive: 'GAA', fond, opis: '1', delo: '5'})
  const bareCite = (title: string, month: number): ParsedCitation => cite(`“${title},” ${month} 1946.`, {type: 'document', title, issued: {'date-parts': [[1946, month]]}})
  const doc = (slug: string, citations: ParsedCitation[]): BibliographyInput => ({meta: {source: `${slug}.txt`, slug, title: slug, authors: ['Mei Lin'], kind: 'article'} as DocumentMeta, file: new VFile({path: `${slug}.txt`}), citations})
  const archives = () => doc('archives', [kept('Notes on the Tolls of the Northern Ports', 9, '4'), kept('Report on the Quays', 3, '4'), kept('Report on the Quays', 3, '7')])
  const docs: BibliographyInput[] = [archives(), doc('september', [bareCite('Notes on the Tolls of the Northern Ports', 9), bareCite('Report on the Quays', 3)])]
  const bibliography = buildBibliography(docs)
  const withTitle = (title: string) => bibliography.items.filter((item) => item.title === title)

  it('is one entry, with its place, and the merge is reported', () => {
    expect(withTitle('Notes on the Tolls of the Northern Ports').map((item) => [item.archive, item.issued?.['date-parts']])).toEqual([['GAA', [[1946, 9]]]])
    const keyOf = (slug: string) => bibliography.occurrences.find((occurrence) => occurrence.document === slug)?.key
    expect(keyOf('september')).toBe(keyOf('archives'))
    expect(docs[1]?.file.messages.filter((message) => message.ruleId === 'bib-merged-duplicate').map((message) => message.reason)).toEqual([expect.stringMatching(/same author, title and date, cited without its place$/)])
  })

  it('is left apart when it could be either of two documents, or its date is another', () => {
    expect(withTitle('Report on the Quays')).toHaveLength(3)
    const october = buildBibliography([archives(), doc('october', [bareCite('Notes on the Tolls of the Northern Ports', 10)])])
    expect(october.items.filter((item) => item.title === 'Notes on the Tolls of the Northern Ports')).toHaveLength(2)
    // Two months are two documents, wherever they are cited.
    const both = buildBibliography([archives(), doc('both', [bareCite('Notes on the Tolls of the Northern Ports', 9), bareCite('Notes on the Tolls of the Northern Ports', 10)])])
    expect(both.items.filter((item) => item.title === 'Notes on the Tolls of the Northern Ports').map((item) => [item.archive, item.issued?.['date-parts']])).toEqual([['GAA', [[1946, 9]]], [undefined, [[1946, 10]]]])
  })
})
