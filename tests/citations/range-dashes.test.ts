import {describe, expect, it} from 'vitest'
import {withRangeDashes} from '../../pipeline/citations/text.js'
import {citationsOf, testMeta} from './document.js'

function notes(...bodies: string[]): string {
  return `${bodies.map((_, index) => `Sentence ${index + 1}.[^${index + 1}]`).join(' ')}\n\n${bodies.map((body, index) => `[^${index + 1}]: ${body}`).join('\n')}\n`
}

describe('ranges of numbers printed with a rarer dash', () => {
  it('reads the figure dash, the minus sign, the hyphen character and the bar as a range, one character for one', () => {
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2015', '\u2212']) {
      const text = `S. 15${dash}28 und 3 ${dash} 9`
      expect(withRangeDashes(text)).toBe('S. 15–28 und 3 – 9')
      expect(withRangeDashes(text)).toHaveLength(text.length)
    }
    // Between words the dash stays.
    expect(withRangeDashes('Nord\u2010Süd, \u22123 Grad')).toBe('Nord\u2010Süd, \u22123 Grad')
  })

  it('reads a Windows-1252 dash read as Latin-1 (U+0096, U+0097) between numbers as a range, and nowhere else', () => {
    expect(withRangeDashes('S. 7\u0096 19 und 40\u009745')).toBe('S. 7– 19 und 40–45')
    expect(withRangeDashes('Nord\u0096Süd')).toBe('Nord\u0096Süd')
    const citations = citationsOf(notes(
      'Ansgar Pohl, Die Brücken der Vorstadt, in: Heimatkunde heute, (Mai 2001) 4, S. 21\u009628.',
      'Lotte Krahn, "Harbour Songs," *Estuary Review* 12 (1988): 7\u0097 19.'
    ), testMeta('article', 'de'))
    expect(citations.map((citation) => citation.item.page ?? citation.locator)).toEqual(['21-28', '7-19'])
  })

  it('gives the page range of a note and keeps the citation as printed', () => {
    const citations = citationsOf(notes(
      'Greta Vollmer, „Die Mühlen am Bach“, in: Blätter für Ortsgeschichte 9 (1977), S. 45‒61.',
      'Tomas Brink, "Lanterns," *Coastal Review* 3 (1964): 210−224.'
    ), testMeta('article', 'de'))
    expect(citations.map((citation) => citation.item.page)).toEqual(['45-61', '210-224'])
    expect(citations.map((citation) => citation.text)).toEqual([
      'Greta Vollmer, „Die Mühlen am Bach“, in: Blätter für Ortsgeschichte 9 (1977), S. 45‒61.',
      'Tomas Brink, "Lanterns," *Coastal Review* 3 (1964): 210−224.'
    ])
  })
})
