import {readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {hasArchivalLocation, parseArchival} from '../../pipeline/citations/parse-archival.js'
import {repositoryLocation} from '../../pipeline/citations/repositories.js'
import {compileCli, runCompiledCli, tempDir} from '../robustness/helpers.js'
import {citationsOf, testMeta} from './document.js'

const context = () => ({aliases: new Map()})

describe('archival citations in Cyrillic', () => {
  it('reads archive, fond, opis, delo, papka and folios printed in Cyrillic', () => {
    const parsed = parseArchival('ГАРФ, ф. Р-8131, оп. 2, д. 77, л. 4–6.', context())
    expect(parsed?.archival).toMatchObject({archive: 'GARF', fond: 'Р-8131', opis: '2', delo: '77', folios: '4-6'})
    expect(parsed?.item.archive).toBe('ГАРФ')
    expect(parsed?.item['archive_location']).toBe('ф. Р-8131, оп. 2, д. 77')
    const verso = parseArchival('РГАЭ, ф. 4372, оп. 11, д. 902, л. 15 об.', context())
    expect(verso?.archival).toMatchObject({archive: 'RGAE', fond: '4372', opis: '11', delo: '902'})
    expect(verso?.locator).toMatch(/^15\s?об/)
    const papka = parseArchival('АВП РФ, ф. 06, оп. 9, п. 31, д. 414, л. 2.', context())
    expect(papka?.archival).toMatchObject({archive: 'AVP RF', fond: '06', opis: '9', papka: '31', delo: '414', folios: '2'})
  })

  it('names the archive by its full Russian name too', () => {
    const parsed = parseArchival('Российский государственный исторический архив, ф. 1284, оп. 47, д. 3, л. 10.', context())
    expect(parsed?.archival.archive).toBe('RGIA')
  })

  it('reads `Там же` with folios as the file of the note before', () => {
    const citations = citationsOf([
      'Text.[^1] More.[^2]', '',
      '[^1]: Донесение губернатора, 3 мая 1905 г., РГИА, ф. 1284, оп. 47, д. 3, л. 10.',
      '[^2]: Там же, л. 12.', ''
    ].join('\n'), testMeta('article', 'ru'))
    expect(citations).toHaveLength(2)
    expect(citations[1]?.ibid).toBe(true)
    expect(citations[1]?.locator).toBe('12')
  })
})

describe('archives not arranged in fonds', () => {
  it('reads a repository, its shelfmark or record group, boxes, folders and folios', () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['Memorandum of conversation, 2 May 1951, National Archives, RG 218, Entry 7, Box 12, Folder "Harbour Plans."', {archive: 'National Archives', shelfmark: 'RG 218, Entry 7, Box 12, Folder "Harbour Plans."'}],
      ['Report to the port director, 4 June 1943, box 7, entry A1 12, RG 41, National Archives, College Park, MD.', {archive: 'National Archives', shelfmark: 'box 7, entry A1 12, RG 41'}],
      ['Aufzeichnung vom 4. März 1962, Politisches Archiv des Auswärtigen Amts, B 31, Bd. 208.', {archive: 'Politisches Archiv des Auswärtigen Amts', shelfmark: 'B 31, Bd. 208'}],
      ['Minute by the Permanent Under-Secretary, 9 June 1948, The National Archives, Kew, FO 371/70543.', {archive: 'The National Archives', shelfmark: 'FO 371/70543'}],
      ['Rapport du préfet, 12 juin 1871, Archives nationales, F/1c/III/112, dossier 4.', {archive: 'Archives nationales', shelfmark: 'F/1c/III/112, dossier 4'}],
      ['Schreiben an den Magistrat, 8. Mai 1890, Stadtarchiv Ulm, B 212/7, Bl. 33.', {archive: 'Stadtarchiv Ulm', shelfmark: 'B 212/7'}],
      ['Diary entry, 3 August 1912, Harriet Vane Papers, Box 3, Folder 14, Hoover Institution Archives.', {archive: 'Hoover Institution Archives', shelfmark: 'Box 3, Folder 14'}],
      ['Letter from Ann Pryor to her sister, 2 May 1790, British Library, Add MS 41002, fol. 12.', {archive: 'British Library', shelfmark: 'Add MS 41002'}],
      ['Protokoll der Sitzung, 3. Juli 1925, Landesarchiv Berlin, A Rep. 042-08, Nr. 77, Bl. 5–7.', {archive: 'Landesarchiv Berlin', shelfmark: 'A Rep. 042-08, Nr. 77'}],
      ['Vermerk vom 9. Januar 1951, Bundesarchiv, Koblenz, B 102, Bd. 4.', {archive: 'Bundesarchiv', shelfmark: 'B 102, Bd. 4'}],
      ['Protokoll der Sitzung vom 2. März 1921, Stadtarchiv Hameln, Magistratsakten, Nr. 512.', {archive: 'Stadtarchiv Hameln', shelfmark: 'Nr. 512'}],
      ['Mary Pole to her brother, 9 May 1760, Pole Family Papers, Somerset Record Office, 2231M/7/14.', {archive: 'Somerset Record Office', shelfmark: '2231M/7/14'}]
    ]
    for (const [text, expected] of cases) {
      expect(hasArchivalLocation(text, context()), text).toBe(true)
      const parsed = parseArchival(text, context())
      expect(parsed?.item.archive, text).toBe(expected.archive)
      expect(parsed?.archival.shelfmark, text).toBe(expected.shelfmark)
      expect(parsed?.item.issued, text).toBeDefined()
    }
    const folios = parseArchival('Schreiben an den Magistrat, 8. Mai 1890, Stadtarchiv Ulm, B 212/7, Bl. 33.', context())
    expect(folios?.locator).toBe('33')
    expect(folios?.ibid).toBe(false)
    const collection = parseArchival('Diary entry, 3 August 1912, Harriet Vane Papers, Box 3, Folder 14, Hoover Institution Archives.', context())
    expect(collection?.item['archive_collection']).toBe('Harriet Vane Papers')
    const place = parseArchival('Minute by the Permanent Under-Secretary, 9 June 1948, The National Archives, Kew, FO 371/70543.', context())
    expect(place?.item['archive-place']).toBe('Kew')
    expect(place?.archival.archive).toBe('TNA')
  })

  it('reads nothing archival into journals, series and names with slashes', () => {
    for (const text of [
      'Ruth Calder, “Reading Rooms,” Library Quarterly 12, no. 3 (1942): 301–19.',
      'Calder, Ruth/ Morgan, Alan: Archive und Gedächtnis, Berlin 2001.',
      'Mary Lowe, “Police and Port,” House of Commons Library Research Paper, Number 4412.',
      'Mary Lowe, “Police and Port,” Harbour Archive Bulletin, Number 4412.',
      'Emil Roth, Die Bibliothek als Ort, Bd. 2, Nr. 4, Leipzig 1930.',
      'Emil Roth, Zunft und Rat, Archiv für Stadtgeschichte, Bd. 12, Nr. 3.',
      'Ann Hale, Archives of Memory (London: Verso, 2002), 12.'
    ]) {
      expect(repositoryLocation(text), text).toBeUndefined()
      expect(hasArchivalLocation(text, context()), text).toBe(false)
    }
  })
})

describe('a document citing archives without fonds', () => {
  it('is still read in its own style: an archive is no sign of Chicago notes', () => {
    const citations = citationsOf([
      'One.[^1] Two.[^2]', '',
      '[^1]: Vgl. Martha Brandt, Das Hafenrecht der Hansestädte, Bremen 1931, S. 12.',
      '[^2]: Landesarchiv Berlin, A Rep. 042-08, Nr. 77, Bl. 5.', ''
    ].join('\n'), testMeta('article', 'de'))
    expect(citations[0]?.item).toMatchObject({author: [{family: 'Brandt', given: 'Martha'}], title: 'Das Hafenrecht der Hansestädte', 'publisher-place': 'Bremen'})
    expect(citations[0]?.shortForm).toBe(false)
    expect(citations[1]?.item).toMatchObject({archive: 'Landesarchiv Berlin', archive_location: 'A Rep. 042-08, Nr. 77'})
  })
})

describe('archives abroad in a built edition', () => {
  let dir: string
  beforeAll(() => {
    compileCli()
    dir = tempDir('archives-abroad')
    mkdirSync(path.join(dir, 'sources'))
    writeFileSync(path.join(dir, 'sources', 'ports.md'), [
      '# Ports', '', 'One.[^1] Two.[^2] Three.[^3]', '',
      '[^1]: ГАРФ, ф. 5446, оп. 1, д. 12, л. 33–35.',
      '[^2]: Bericht des Hafenamts, 2. Juni 1911, Bundesarchiv Berlin, R 901/4412, Bl. 7.',
      '[^3]: Ebd., Bl. 9.', ''
    ].join('\n'))
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('gives each archival item its archive and location, and `Ebd.` the same file', async () => {
    const run = await runCompiledCli(['build', '--format', 'bib', '--sources', 'sources', '--out', 'out'], {cwd: dir})
    expect(run.code, run.stderr).toBe(0)
    const items = JSON.parse(readFileSync(path.join(dir, 'out', 'bib', 'bibliography.json'), 'utf8')) as Array<Record<string, unknown>>
    const byArchive = new Map(items.map((item) => [item.archive, item]))
    expect(byArchive.get('ГАРФ')).toMatchObject({type: 'document', archive_location: 'ф. 5446, оп. 1, д. 12'})
    expect(byArchive.get('Bundesarchiv Berlin')).toMatchObject({type: 'document', archive_location: 'R 901/4412'})
    const citations = JSON.parse(readFileSync(path.join(dir, 'out', 'bib', 'citations.json'), 'utf8')) as Array<{note: number; key: string; locator?: string}>
    const second = citations.find((citation) => citation.note === 2)
    const third = citations.find((citation) => citation.note === 3)
    expect(third?.key).toBe(second?.key)
    expect(third?.locator).toBe('9')
  })
})
