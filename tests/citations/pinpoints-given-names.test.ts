import {describe, expect, it} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'
import {citeNotes} from './document.js'

describe('a law article whose page cited follows the year', () => {
  it('`44 Name L. Rev. 200 (1931), at 210` keeps the pinpoint', () => {
    const [found] = citeNotes(['Harold P. Quimby, *Riparian Rights Reconsidered*, 44 Norland L. Rev. 200 (1931), at 210.']).citations
    expect(found?.item).toMatchObject({type: 'article-journal', 'container-title': 'Norland L. Rev.', volume: '44', page: '200'})
    expect(found?.locator).toBe('210')
  })

  it('the page cited before the year still counts', () => {
    const [found] = citeNotes(['Ines Varga, *The Dry Riverbed*, 71 Westm. L. Rev. 1150, 1162 (1971).']).citations
    expect(found?.locator).toBe('1162')
  })
})

describe('a short form pointing to a note, then the next sentence', () => {
  it('`Name (wie Anm. 1)).Von da an …` ends the short form at the brackets', () => {
    const {inNote} = citeNotes([
      'Aurelius Brandt, *Die Mühlen am Fluss* (Leipzig: Teubner, 1902), 33.',
      'Vgl. Brandt (wie Anm. 1)).Von da an wurde die Mühle verpachtet.'
    ], 'de')
    const [short] = inNote(2)
    expect(short?.shortForm).toBe(true)
    expect(short?.text).not.toMatch(/Von da an|verpachtet/)
  })

  it('a locator after the pointer stays in the short form', () => {
    const {inNote} = citeNotes([
      'Aurelius Brandt, *Die Mühlen am Fluss* (Leipzig: Teubner, 1902), 33.',
      'Brandt (wie Anm. 1), S. 48. Danach wurde die Mühle verpachtet.'
    ], 'de')
    const [short] = inNote(2)
    expect(short?.locator).toBe('48')
    expect(short?.text).not.toMatch(/Danach/)
  })
})

describe('a given name that is also a month', () => {
  it('`Smith, May. 1990.` keeps May as the given name', () => {
    const [found] = parseReferences('Tolland, May. 1990. *Harbour Towns of the North*. London: Corbett.')
    expect(found?.parse.item.author).toEqual([{family: 'Tolland', given: 'May'}])
    expect(found?.parse.item.issued?.['date-parts']).toEqual([[1990]])
  })
})
