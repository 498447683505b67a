import {describe, expect, test} from 'vitest'
import {parseArchival, parsePublished, splitNote} from '../../pipeline/citations/index.js'
import {findDate} from '../../pipeline/citations/dates.js'
import {monthNumbers} from '../../pipeline/shared/dates.js'
import {trailingLocator} from '../../pipeline/citations/locator.js'
import {namesOf} from '../../pipeline/citations/names.js'

const archival = (text: string) => parseArchival(text, {aliases: new Map()})

describe('archival citations', () => {
  test.each([
    ['RGASPI, f. 558, op. 11, d. 334, ll. 1–3', {archive: 'RGASPI', fond: '558', opis: '11', delo: '334', folios: '1-3'}],
    ['GARF f. R-5446, op. 1, d. 50, l. 12ob.', {archive: 'GARF', fond: 'R-5446', opis: '1', delo: '50', folios: '12ob.'}],
    ['TsAMO, f. 5, op. 918795, d. 121, l. 3', {archive: 'TsAMO', fond: '5', opis: '918795', delo: '121', folios: '3'}],
    ['AVP RF, f. 0102, op. 6, pap. 21, d. 47, l. 30', {fond: '0102', opis: '6', papka: '21', delo: '47', folios: '30'}],
    ['RGASPI, fond 17, opis 162, delo 41, list 35', {fond: '17', opis: '162', delo: '41', folios: '35'}],
    ['AVP RF, Fond 07, Opis 23a, Delo 251, Papka 20', {archive: 'AVP RF', fond: '07', opis: '23a', delo: '251', papka: '20'}],
    ['AVPRF, F. 059a, Op. 5a, D. 3, Pap. 11, Ll. 87-91', {archive: 'AVP RF', fond: '059a', opis: '5a', delo: '3', papka: '11', folios: '87-91'}],
    ['APRF, F. 45, Op. 1, D. 346, Ll. 13 - 23', {archive: 'APRF', fond: '45', opis: '1', delo: '346', folios: '13-23'}],
    ['RTsKhIDNI, Fond 17, Opis 128, Delo 47, l. 19-21', {archive: 'RTsKhIDNI', fond: '17', opis: '128', delo: '47', folios: '19-21'}],
    ['AVP RF, Fond Arkhivno-spravochnaia biblioteka, Opis 18, Delo 6, Papka 1', {fond: 'Arkhivno-spravochnaia biblioteka', opis: '18', delo: '6', papka: '1'}],
    ['AVP RF, Fond 1 DVO, Opis 8, Delo 6 and 7', {fond: '1 DVO', opis: '8', delo: '6 and 7'}],
    ['RTsKhIDNI, Fond 17, Opis 128, Delo 205, 1. 2-4', {delo: '205', folios: '2-4'}],
    ['AVP RF, Fond 0431I, Opis 1, Delo 52, Papka 8, 11. 47-48', {fond: '0431I', folios: '47-48'}],
    ['Arkhiv Prezidenta Rossiiskoi Federatsii (APRF), Fond (F.) 45, Opis (Op.) 1, Delo (D.) 331, (L.) Listy 554', {archive: 'APRF', fond: '45', opis: '1', delo: '331', folios: '554'}],
    ['Storage Center for Contemporary Documentation (post-1952 Central Committee Archive), Fond 5, Opis 58, Delo 266, l. 122-131', {archive: 'TsKhSD', fond: '5', opis: '58', delo: '266', folios: '122-131'}]
  ])('%s', (text, expected) => {
    const parsed = archival(text)
    expect(parsed?.archival).toMatchObject(expected)
    expect(parsed?.item.type).toBe('document')
  })

  test('keeps the printed forms and builds the CSL location', () => {
    const parsed = archival('Ciphered telegram from Shtykov to Vyshinsky, 19 January 1950, AVPRF, F. 059a, Op. 5a, D. 3, Pap.(Papka) 11, Ll. 87-91')
    expect(parsed?.archival).toMatchObject({
      docDate: '1950-01-19', from: 'Shtykov', to: 'Vyshinsky', genre: 'ciphered telegram',
      asPrinted: {archive: 'AVPRF', papka: 'Pap.(Papka) 11', folios: 'Ll. 87-91'}
    })
    expect(parsed?.item).toMatchObject({
      title: 'Ciphered telegram from Shtykov to Vyshinsky',
      archive: 'AVP RF',
      archive_location: 'f. 059a, op. 5a, d. 3, p. 11',
      custom: {archival: {archive: 'AVP RF', fond: '059a', opis: '5a', delo: '3', papka: '11'}}
    })
    expect(parsed?.locator).toBe('87-91')
  })

  test('a quoted title names the document; the names before it its authors', () => {
    const parsed = archival('Zhukov and Zabrodin, “Korea, Short Report,” 29 June 1945, AVP RF, Fond 0430, Opis 2, Delo 18, Papka 5, l. 18-30')
    expect(parsed?.item.title).toBe('Korea, Short Report')
    expect(parsed?.item.author).toEqual([{family: 'Zhukov'}, {family: 'Zabrodin'}])
    expect(parsed?.archival.docDate).toBe('1945-06-29')
  })

  test('a [hereafter X] defines an alias for later citations', () => {
    const context = {aliases: new Map()}
    parseArchival('Archive of the Foreign Relations of the Russian Federation [hereafter FPA] , Fond 059a, Opis 5a, Delo 3', context)
    expect(parseArchival('FPA, Fond 059a, Opis 5a, Delo 4, List 9', context)?.archival).toMatchObject({archive: 'AVP RF', delo: '4', folios: '9'})
  })

  test('document codes without an archive', () => {
    expect(archival('Telegram from Shtykov to Vyshinsky on 18 June 1949, SD00237')?.archival).toMatchObject({sdCode: 'SD00237', docDate: '1949-06-18', from: 'Shtykov', to: 'Vyshinsky'})
  })

  test('ibid. with new folios takes no location of its own', () => {
    const parsed = archival('Zabrodin, “The Question of a Single Provisional Government for Korea,” December 1945, *ibid.*, l. 11-17')
    expect(parsed?.ibid).toBe(true)
    expect(parsed?.archival).toMatchObject({folios: '11-17', docDate: '1945-12'})
    expect(parsed?.archival.fond).toBeUndefined()
  })

  test('the citation ends where the location ends', () => {
    const text = 'RTsKhIDNI, Fond 17, Opis 128, Delo 47, l. 26-33, in both of which one would expect more'
    expect(text.slice(0, archival(text)?.end)).toBe('RTsKhIDNI, Fond 17, Opis 128, Delo 47, l. 26-33')
  })

  test('no location, no archival citation', () => {
    expect(archival('Bruce Cumings, *Korea’s Place in the Sun* (New York: Norton, 1997)')).toBeUndefined()
  })
})

describe('published works', () => {
  test('book with place, publisher, year and page range', () => {
    const parsed = parsePublished('John Lewis Gaddis, *We Now Know: Rethinking Cold War History* (Oxford: Clarendon Press, 1997), 71 n. 12')
    expect(parsed?.item).toMatchObject({type: 'book', author: [{family: 'Gaddis', given: 'John Lewis'}], title: 'We Now Know: Rethinking Cold War History', publisher: 'Clarendon Press', 'publisher-place': 'Oxford'})
    expect(parsed?.locator).toBe('71 n. 12')
    expect(parsed?.label).toBe('page')
  })

  test('an older book printed with its town and year, no publisher', () => {
    const parsed = parsePublished('K. Albers, *Erntebräuche im Hessenland* (Kassel, 1911), 18')
    expect(parsed?.item).toMatchObject({type: 'book', title: 'Erntebräuche im Hessenland', 'publisher-place': 'Kassel', issued: {'date-parts': [[1911]]}})
    expect(parsed?.item.publisher).toBeUndefined()
    expect(parsed?.locator).toBe('18')
    // A name and a year in brackets after a sentence is no such thing.
    expect(parsePublished('As argued before (Albers, 1911), 18')?.item['publisher-place']).toBeUndefined()
  })

  test('chapter in an edited book', () => {
    const parsed = parsePublished('William Stueck, "The Korean War," in Melvyn P. Leffler and Odd Arne Westad, eds., *The Cambridge History of the Cold War*, vol. 1 (Cambridge: Cambridge University Press, 2010), 266-87')
    expect(parsed?.item).toMatchObject({
      type: 'chapter', title: 'The Korean War', 'container-title': 'The Cambridge History of the Cold War',
      author: [{family: 'Stueck', given: 'William'}],
      editor: [{family: 'Leffler', given: 'Melvyn P.'}, {family: 'Westad', given: 'Odd Arne'}]
    })
    expect(parsed?.locator).toBe('266-87')
  })

  test('journal article with volume, season and pages', () => {
    const parsed = parsePublished('Kathryn Weathersby, "New Findings on the Korean War," *Cold War International History Project Bulletin* 3 (Fall 1993): 1, 14-18')
    expect(parsed?.item).toMatchObject({type: 'article-journal', 'container-title': 'Cold War International History Project Bulletin', volume: '3', issued: {season: 'Fall', raw: 'Fall 1993'}})
    expect(parsed?.locator).toBe('1, 14-18')
  })

  test('journal article in the Vol./No. style with transliterated title and translation', () => {
    const parsed = parsePublished('M. Narinsky, “Berlinnskii Krizis 1948-1949: Novyie Dokumentyi iz Rossiiskikh Arkhivov”(The Berlin Crisis of 1948 - 1949: New Documents from Russian Archives), Novaya i Noveishaya Istoriya(Modern History, Moscow), No. 3 (1995), pp.16-29')
    expect(parsed?.item).toMatchObject({
      type: 'article-journal', title: 'Berlinnskii Krizis 1948-1949: Novyie Dokumentyi iz Rossiiskikh Arkhivov',
      'container-title': 'Novaya i Noveishaya Istoriya', issue: '3',
      custom: {titleTranslation: 'The Berlin Crisis of 1948 - 1949: New Documents from Russian Archives', containerTitleTranslation: 'Modern History, Moscow'}
    })
    expect(parsed?.locator).toBe('16-29')
  })

  test('book title in transliteration keeps its translation apart', () => {
    const parsed = parsePublished('Shi Zhe, Zai lishi juren shenbian: Shi Zhe huiyilu (At the Side of Historical Giants: Shi Zhe’s Memoirs) (Beijing: Zhongyang wenxian, 1991), pp. 454-455')
    expect(parsed?.item).toMatchObject({author: [{family: 'Shi', given: 'Zhe'}], title: 'Zai lishi juren shenbian: Shi Zhe huiyilu', custom: {titleTranslation: 'At the Side of Historical Giants: Shi Zhe’s Memoirs'}})
  })

  test('an English title keeps its parenthesis', () => {
    expect(parsePublished('*FRUS, The Conference of Berlin (The Potsdam Conference)*, vol. II (Washington: Government Printing Office, 1960), 345-53, 408')?.item).toMatchObject({
      title: 'FRUS, The Conference of Berlin (The Potsdam Conference)', volume: 'II', publisher: 'Government Printing Office'
    })
  })

  test('FRUS short form: volume and four-digit page', () => {
    const parsed = parsePublished('*FRUS, 1945*, VI, 1039')
    expect(parsed).toMatchObject({incomplete: true, locator: '1039', item: {title: 'FRUS, 1945', volume: 'VI'}})
  })

  test('a document printed in FRUS', () => {
    const parsed = parsePublished('NSC 48/2, "The Position of the United States with Respect to Asia," 30 December 1949, *FRUS, 1949*, vol. VII, pt. 2, 1215-20')
    expect(parsed?.item).toMatchObject({type: 'document', 'container-title': 'FRUS, 1949', volume: 'VII', part: '2', page: '1215-20'})
  })

  test('thesis', () => {
    expect(parsePublished('Allan R. Millett, "Understanding Is Better than Remembering" (PhD diss., Ohio State University, 1997), 12')?.item).toMatchObject({type: 'thesis', publisher: 'Ohio State University', genre: 'PhD diss.'})
    expect(parsePublished('Kathryn Weathersby, *Soviet Policy Toward Korea, 1944-1946* (Ph.D. Dissertation, Indiana University, 1990), 1-74')?.item).toMatchObject({type: 'thesis', genre: 'Ph.D. Dissertation'})
  })

  test('interviews', () => {
    expect(parsePublished('Interview with Yu Song-chol, *Hanguk Ilbo*, 9 November 1990')?.item).toMatchObject({type: 'interview', author: [{family: 'Yu', given: 'Song-chol'}], 'container-title': 'Hanguk Ilbo'})
    expect(parsePublished('an interview with the chairman of the Senate Foreign Relations Committee, Tom Connally, published in *U.S. News & World Report*, 5 May 1950, 28-31')).toMatchObject({
      item: {type: 'interview', author: [{family: 'Connally', given: 'Tom'}], 'container-title': 'U.S. News & World Report'}, locator: '28-31'
    })
  })

  test('newspapers, with and without italics', () => {
    expect(parsePublished('"Stalin\'s Conversations," *New York Times*, 25 June 1950, sec. 4, p. 3')?.item).toMatchObject({type: 'article-newspaper', 'container-title': 'New York Times', section: '4', page: '3'})
    expect(parsePublished('New York Times, 26 June 1950, 1')?.item).toMatchObject({type: 'article-newspaper', 'container-title': 'New York Times', issued: {'date-parts': [[1950, 6, 26]]}})
  })

  test('working paper with a URL', () => {
    const parsed = parsePublished('K. Weathersby, “Should We Fear This? Stalin and the Danger of War with America,” Working Paper No. 39, Cold War International History Project, Woodrow Wilson International Center for Scholars, Washington, D.C., July 2002. pp. 9-12, available online at www.cwihp.org')
    expect(parsed?.item).toMatchObject({type: 'report', number: '39', URL: 'www.cwihp.org', publisher: 'Woodrow Wilson International Center for Scholars'})
    expect(parsed?.locator).toBe('9-12')
  })

  test('translation services', () => {
    expect(parsePublished('“Yu Song-chol’s Testimony Part 8,” FBIS-EAS-90-249 (27 December 1990), 26')?.item).toMatchObject({type: 'report', number: 'FBIS-EAS-90-249', publisher: 'Foreign Broadcast Information Service'})
  })

  test('manuscripts', () => {
    expect(parsePublished('Kathryn Weathersby’s manuscript Stalin’s Last War')?.item).toMatchObject({type: 'manuscript', title: 'Stalin’s Last War', author: [{family: 'Weathersby', given: 'Kathryn'}]})
  })

  test('journal article in the vol./no. style, and volume:page locators', () => {
    expect(parsePublished('Jones, "Essay," *Diplomatic History* 14, no. 2 (Spring 1990): 101-2')).toMatchObject({
      item: {type: 'article-journal', 'container-title': 'Diplomatic History', volume: '14', issue: '2'}, locator: '101-2'
    })
    expect(parsePublished('Memorandum of Conversation, Acheson and Truman, June 25, 1950, *FRUS, 1950*, 7:157–61')).toMatchObject({
      item: {type: 'document', title: 'Memorandum of Conversation, Acheson and Truman', 'container-title': 'FRUS, 1950', volume: '7'}, locator: '157-61'
    })
  })

  test('a broadcast read in a translation service', () => {
    expect(parsePublished('interview with Lt. Col. Aleksandr Smorchkov, Moscow International Broadcast Service in Korean, 11 June 1990, translated in FBIS-SOV-90-121 (22 June 1990), 9-10')).toMatchObject({
      item: {type: 'interview', author: [{family: 'Smorchkov', given: 'Aleksandr'}], custom: {translatedIn: 'FBIS-SOV-90-121 (22 June 1990)'}}, locator: '9-10'
    })
  })

  test('short forms are incomplete; chapter locators', () => {
    expect(parsePublished('Goncharov et al., Uncertain Partners, pp. 151-152')).toMatchObject({incomplete: true, locator: '151-152', item: {author: [{family: 'Goncharov'}], title: 'Uncertain Partners'}})
    expect(parsePublished('Merrill, Korea, Chapter 5')).toMatchObject({incomplete: true, locator: 'Chapter 5', label: 'chapter'})
    expect(parsePublished('Chen Jian, *Mao\'s China and the Cold War* (Chapel Hill: University of North Carolina Press, 2001), chap. 4')).toMatchObject({label: 'chapter', locator: 'chap. 4'})
  })

  test('op. cit. and Ibid.', () => {
    expect(parsePublished('Smith, op. cit., p. 45')).toMatchObject({opCit: true, incomplete: true, locator: '45', item: {author: [{family: 'Smith'}]}})
    expect(parsePublished('*Ibid.*, 5')).toMatchObject({ibid: true, locator: '5'})
    expect(parsePublished('Ibid. pp. 20 - 21')).toMatchObject({ibid: true, locator: '20-21'})
    expect(parsePublished('Ibid.')).toMatchObject({ibid: true})
  })
})

describe('splitting notes', () => {
  const spans = (text: string) => splitNote(text).map((span) => text.slice(span.start, span.end))

  test('semicolons, lead-ins and “and” between two sources', () => {
    expect(spans('See, e.g., Glenn Paige, *The Korean Decision* (New York: Free Press, 1968); and Marc Trachtenberg, "A Wasting Asset," *International Security* 13:3 (Winter 1988/89), 5-49.')).toEqual([
      'Glenn Paige, *The Korean Decision* (New York: Free Press, 1968)',
      'Marc Trachtenberg, "A Wasting Asset," *International Security* 13:3 (Winter 1988/89), 5-49'
    ])
  })

  test('no split inside a quotation', () => {
    expect(spans('Jane Doe, "War; Peace; and Korea," *Journal of Things* 4 (1990), 1-2.')).toHaveLength(1)
  })

  test('“cited in” gives the document, then the publication', () => {
    expect(spans('Telegram from Shtykov to Stalin, 29 May 1950. Cited in John Smith, *Telegrams* (London: Penguin, 2001), 4.')).toEqual([
      'Telegram from Shtykov to Stalin, 29 May 1950',
      'John Smith, *Telegrams* (London: Penguin, 2001), 4'
    ])
    expect(spans('Li Haiwen, “A Title” Dangde Wenxian No. 5 (1993): 85, cited in Shen Zhihua, “Another,” *Bulletin* 14/15, p. 9')).toEqual([
      'Li Haiwen, “A Title” Dangde Wenxian No. 5 (1993): 85',
      'Shen Zhihua, “Another,” *Bulletin* 14/15, p. 9'
    ])
  })

  test('“For … see” is a lead-in; “Available online” stays with its citation', () => {
    expect(spans('Report, 3 May 1950. For the full text of this document, see K. Weathersby, “To Attack,” *Bulletin* 5 (Spring 1995): 1-9. Available online at www.cwihp.org.')).toEqual([
      'Report, 3 May 1950',
      'K. Weathersby, “To Attack,” *Bulletin* 5 (Spring 1995): 1-9. Available online at www.cwihp.org'
    ])
  })

  test('prose leading into a citation is no part of its author', () => {
    expect(spans('On the dock strikes see especially Nora Quill, *Stevedores* (Leeds: Wharf Press, 1987), ch. 2; and, for a contrary view, Otto Brenner, *Hafenarbeit* (Bremen: Weser, 1979), 40–44.')).toEqual([
      'Nora Quill, *Stevedores* (Leeds: Wharf Press, 1987), ch. 2',
      'Otto Brenner, *Hafenarbeit* (Bremen: Weser, 1979), 40–44'
    ])
    expect(spans('A rite also recorded in K. Albers, *Erntebräuche* (Kassel: Lotz, 1911), 18.')).toEqual(['K. Albers, *Erntebräuche* (Kassel: Lotz, 1911), 18'])
    // The author named at the end of the prose, and no commentary after the page.
    expect(spans('The point was first made by Nora Quill in *Stevedores* (Leeds: Wharf Press, 1987), 12–15, and has since been accepted.')).toEqual(['Nora Quill in *Stevedores* (Leeds: Wharf Press, 1987), 12–15'])
    expect(spans('Here I follow Otto Brenner, *Hafenarbeit* (Bremen: Weser, 1979), 40, rather than the older studies.')).toEqual(['Otto Brenner, *Hafenarbeit* (Bremen: Weser, 1979), 40'])
    // A name or an institution before its title stays; so does a quotation in the prose.
    expect(spans('Harbour Board of Leith, *Annual Report* (Leith: Board, 1901), 3.')).toEqual(['Harbour Board of Leith, *Annual Report* (Leith: Board, 1901), 3'])
    expect(spans('Author not given, "Notes on the Harbour Dues," May 1902, GARF, Fond 3, Opis 1, Delo 4, l. 5.')).toEqual(['Author not given, "Notes on the Harbour Dues," May 1902, GARF, Fond 3, Opis 1, Delo 4, l. 5'])
    expect(spans('The clerk wrote, “it was thought the pier would hold.”')).not.toContain('“it was thought the pier would hold.”')
  })

  test('commentary before a citation is cut at a lead-in verb', () => {
    expect(spans('This point is emphasized in Sergei N. Goncharov, *Uncertain Partners* (Stanford: Stanford University Press, 1993): 134.')).toEqual([
      'Sergei N. Goncharov, *Uncertain Partners* (Stanford: Stanford University Press, 1993): 134'
    ])
  })

  test('a sentence of commentary ending in a quotation, then a citation', () => {
    expect(spans('He was advised that "the Koreans are not ready." Inter-Divisional Committee, "Korean Problems," 4 May 1944, *FRUS, 1944*, V, 1239-40.').at(-1)).toBe('Inter-Divisional Committee, "Korean Problems," 4 May 1944, *FRUS, 1944*, V, 1239-40')
  })
})

describe('helpers', () => {
  test('dates', () => {
    expect(findDate('29 June 1945')?.iso).toBe('1945-06-29')
    expect(findDate('April 14, 1950')?.iso).toBe('1950-04-14')
    expect(findDate('December 1945')?.iso).toBe('1945-12')
    expect(findDate('26 October and 20 November 1949')?.iso).toBe('')
    expect(findDate('11, 14, and 18 March 1949')?.iso).toBe('')
  })

  test('every month name of the shared table dates a day', () => {
    const english = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'])
    for (const [name, month] of Object.entries(monthNumbers)) {
      const printed = english.has(name) ? name.charAt(0).toUpperCase() + name.slice(1) : name
      expect(findDate(`written on 3 ${printed} 1901`)?.iso, printed).toBe(`1901-${String(month).padStart(2, '0')}-03`)
    }
  })

  test('dates in German, French, Spanish and Russian; English month names capitalized', () => {
    expect(findDate('Vermerk vom 4. März 1962, Bl. 3')?.iso).toBe('1962-03-04')
    expect(findDate('lettre du 1er mai 1871')?.iso).toBe('1871-05-01')
    expect(findDate('carta de 12 de junio de 1871')?.iso).toBe('1871-06-12')
    expect(findDate('донесение от 3 мая 1905 г.')?.iso).toBe('1905-05-03')
    expect(findDate('Bericht, Dez. 1921')?.iso).toBe('1921-12')
    expect(findDate('whatever may 1950 bring')).toBeUndefined()
    expect(findDate('in Sept. 1950')?.iso).toBe('1950-09')
    // A date is found after a year that is none (`12 items, 1950 … 3 May 1951`).
    expect(findDate('Inventory of 12 items, 1950 edition; letter of 3 May 1951')?.iso).toBe('1951-05-03')
  })

  test('locators', () => {
    expect(trailingLocator('Smith, Title, pp. 27 - 28')).toMatchObject({locator: '27-28', label: 'page'})
    expect(trailingLocator('Fond 5, ll. 1-3')).toMatchObject({locator: '1-3', label: 'folio'})
    expect(trailingLocator('Smith, Title, n. 4')).toMatchObject({locator: '4', label: 'note'})
    expect(trailingLocator('Washington, DC in July 1995')).toBeUndefined()
  })

  test('a page and those after it, and passim, are the locator', () => {
    expect(trailingLocator('Hollis, Harbour Papers, 45 sqq.')).toMatchObject({locator: '45 sqq.', label: 'page'})
    expect(trailingLocator('Vogt, Hafenstädte, S. 12 f.')).toMatchObject({locator: '12 f.', label: 'page'})
    expect(trailingLocator('Marr, Tides, 8 et seq.')).toMatchObject({locator: '8 et seq.', label: 'page'})
    expect(trailingLocator('Durand, Les moulins, passim')).toMatchObject({locator: 'passim', label: 'page'})
    expect(parsePublished('Durand, *Les moulins*, 12 sq')?.locator).toBe('12 sq')
    expect(parsePublished('Durand, *Les moulins*, passim')?.locator).toBe('passim')
  })

  test('names', () => {
    expect(namesOf('William W. Stueck, Jr.')).toEqual([{family: 'Stueck', given: 'William W.', suffix: 'Jr.'}])
    expect(namesOf('A.A.Gromyko')).toEqual([{family: 'Gromyko', given: 'A.A.'}])
    expect(namesOf('Hao Yufan and Zhai Zhihai')).toEqual([{family: 'Hao', given: 'Yufan'}, {family: 'Zhai', given: 'Zhihai'}])
    expect(namesOf('U.S. Department of State')).toEqual([{literal: 'U.S. Department of State'}])
  })
})

describe('no catastrophic backtracking', () => {
  const long = [
    'A'.repeat(10_000),
    '1, '.repeat(3_400),
    `Smith, “${'word '.repeat(2_000)}`,
    `AVP RF, ${'Fond 1, '.repeat(1_400)}`,
    `${'(x '.repeat(3_000)}1950`,
    `Jane Doe, *${'Title '.repeat(1_600)}* (New York: Knopf, 1999), ${'12, '.repeat(200)}`,
    `${'See also '.repeat(1_100)}Smith, Title, p. 4`
  ]
  test.each(long.map((text) => [text.length, text]))('a %i-character citation parses', (_length, text) => {
    expect(() => parsePublished(text)).not.toThrow()
    expect(() => archival(text)).not.toThrow()
    expect(() => splitNote(text)).not.toThrow()
  }, 10_000)
})
