import {describe, expect, it} from 'vitest'
import {citationsOf, testMeta} from './document.js'

function notes(...bodies: string[]): string {
  return `${bodies.map((_, index) => `Satz ${index + 1}.[^${index + 1}]`).join(' ')}\n\n${bodies.map((body, index) => `[^${index + 1}]: ${body}`).join('\n')}\n`
}

describe('archival notes in a document whose notes the labeller reads', () => {
  it('reads a location the labeller finds no reference in by the archival grammar', () => {
    const citations = citationsOf(notes(
      'Vgl. Ilse Marten, Die Zollstation am Pass, Innsbruck 1985, S. 14.',
      'Archives nationales, F7 4312, dossier 8.',
      'Lotte Brand, Salz und Silber, Salzburg 1972, S. 33.',
      'TNA, FO 371/40211, f. 7.'
    ), testMeta('article', 'de'))
    expect(citations.map((citation) => citation.note)).toEqual([1, 2, 3, 4])
    const archival = citations.filter((citation) => citation.archival)
    expect(archival.map((citation) => citation.note)).toEqual([2, 4])
    expect(archival[1]?.locator).toBe('7')
  })
})
