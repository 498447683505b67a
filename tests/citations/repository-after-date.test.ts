import {describe, expect, test} from 'vitest'
import {closingRepository} from '../../pipeline/citations/repositories.js'
import {citeNotes} from './document.js'

describe('a document described in full and then only its repository', () => {
  test('the repository and its town after the date are kept', () => {
    const {inNote} = citeNotes(['Letter of Agnes Holm to Per Vik, 9 June 1688, Riksarkivet, Uppsala.', 'Dag Lund, *Ferries of the Belt* (Lund: Gleerup, 1950), 4.', 'Memorandum by Agnes Holm, 2 July 1690, Landsarkivet i Visby.'])
    expect(inNote(1)[0]?.item).toMatchObject({title: 'Letter of Agnes Holm to Per Vik', archive: 'Riksarkivet', 'archive-place': 'Uppsala', issued: {'date-parts': [[1688, 6, 9]]}})
    expect(inNote(1)[0]?.archival?.archive).toBe('Riksarkivet')
    expect(inNote(3)[0]?.item).toMatchObject({title: 'Memorandum by Agnes Holm', archive: 'Landsarkivet i Visby'})
  })

  test('a town alone, or a title, is no repository', () => {
    expect(closingRepository('Letter of Agnes Holm to Per Vik, 9 June 1688, Uppsala')).toBeUndefined()
    expect(closingRepository('Agnes Holm, Ferries, 9 June 1688')).toBeUndefined()
    expect(closingRepository('Letter, 9 June 1688, Devon Record Office')).toMatchObject({archive: 'Devon Record Office'})
  })
})
