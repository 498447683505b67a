// Czech, Slovak and Polish institutions as authors and publishers: their names keep words in
// lower case (`Ústav dějin Vltavy`) and open with words the vocabulary lists by language. Notes
// written for these tests.
import {describe, expect, test} from 'vitest'
import {centralEuropeanBodies, centralEuropeanBody, centralEuropeanPublisher} from '../../pipeline/shared/vocabulary/institutions.js'
import {citationStart} from '../../pipeline/citations/split.js'
import {citeNotes} from './document.js'

describe('Czech, Slovak and Polish bodies', () => {
  test('the table lists institution and publisher words for each language', () => {
    for (const entry of Object.values(centralEuropeanBodies)) {
      expect(entry.institutions.length).toBeGreaterThan(0)
      expect(entry.publishers.length).toBeGreaterThan(0)
    }
    expect(centralEuropeanBody.test('Ústav dějin přístavů')).toBe(true)
    expect(centralEuropeanPublisher.test('Nakladatelství Brod')).toBe(true)
    expect(centralEuropeanPublisher.test('Wydawnictwa Morskie')).toBe(true)
    // A stem opens a word: inside another word it is none.
    expect(centralEuropeanBody.test('KreisArchiv')).toBe(false)
    expect(centralEuropeanBody.test('Jan Kowal')).toBe(false)
  })

  test('a stem counts in the first word of a head only: `Archiv` in `Archives` later on makes no name', () => {
    expect(citationStart('Papers kept by the Municipal Archives show, “the pier was closed”')).not.toBe('strong')
    expect(citationStart('Ústav dějin Vltavy, *Zprávy o přístavech*, Praha 1998')).toBe('strong')
  })

  test('a body with lower-case words is the author, not a person (notes read by the labeller)', () => {
    const {inNote} = citeNotes([
      'Ústav dějin Vltavy, *Zprávy o přístavech*, Praha 1998, s. 14.',
      'Instytut Historii Żeglugi, *Porty nad Odrą*, Szczecin 1975.'
    ], 'cs')
    expect(inNote(1)[0]?.item.author).toEqual([{literal: 'Ústav dějin Vltavy'}])
    expect(inNote(2)[0]?.item.author).toEqual([{literal: 'Instytut Historii Żeglugi'}])
  })

  test('with publication facts in brackets: the body is author and publisher, the citation starts with it', () => {
    const {inNote} = citeNotes([
      'Ústav dějin Vltavy, *Zprávy o přístavech* (Praha: Ústav dějin Vltavy, 1998), 14.',
      'Ewa Brzoza, *Porty nad Odrą* (Wydawnictwo Morskie Przystań, 1975), 9.'
    ], 'cs')
    const [report] = inNote(1)
    expect(report?.text.startsWith('Ústav dějin Vltavy')).toBe(true)
    expect(report?.item.author).toEqual([{literal: 'Ústav dějin Vltavy'}])
    expect(report?.item).toMatchObject({publisher: 'Ústav dějin Vltavy', 'publisher-place': 'Praha'})
    // A publisher's word alone makes the bracket publication facts.
    expect(inNote(2)[0]?.item).toMatchObject({publisher: 'Wydawnictwo Morskie Przystań', title: 'Porty nad Odrą'})
    expect(inNote(2)[0]?.item.issued?.['date-parts']?.[0]?.[0]).toBe(1975)
  })
})
