import {describe, expect, it} from 'vitest'
import {splitLines} from '../../pipeline/ingest/lines.js'
import {pageFurniture} from '../../pipeline/ingest/repair/page-furniture.js'

/** A page of `lines` lines of prose. */
function page(lines: number, word = 'text'): string {
  return Array.from({length: lines}, (_, index) => `${word} of the page runs on in line ${index + 1} of the body`).join('\n')
}

/** The furniture found in `text`, as `line text → rule`. */
function furniture(text: string): Array<[string, string]> {
  const lines = splitLines(text)
  return [...pageFurniture(lines)].sort(([a], [b]) => a - b).map(([index, rule]) => [lines[index]?.text ?? '', rule])
}

describe('page furniture', () => {
  it('takes numbers alone that count up a page apart, with the running heads beside them', () => {
    const text = ['A HISTORY OF THE MILLS', page(14), '41', 'A HISTORY OF THE MILLS', page(14), '42', 'A HISTORY OF THE MILLS', page(14), '44'].join('\n\n')
    expect(furniture(text)).toEqual([
      ['41', 'page-number'],
      ['A HISTORY OF THE MILLS', 'running-head'],
      ['42', 'page-number'],
      ['A HISTORY OF THE MILLS', 'running-head'],
      ['44', 'page-number']
    ])
  })

  it('takes running heads that carry their page number, on either side', () => {
    const text = [page(12), '8 THE MILLS OF THE NORTH', page(12), 'EARLY PARTNERSHIPS 9', page(12), '10 THE MILLS OF THE NORTH', page(12), 'EARLY PARTNERSHIPS 11', page(12)].join('\n\n')
    expect(furniture(text).map(([, rule]) => rule)).toEqual(['running-head', 'running-head', 'running-head', 'running-head'])
  })

  it('leaves a lone number, numbers close together, numbers that do not count up, and roman numerals', () => {
    // A lone number beside a heading, or the first page's number (a section's).
    expect(furniture(['Title', page(12), '17', 'The Second Part', page(12)].join('\n\n'))).toEqual([])
    expect(furniture(['Title', page(12), '1', page(12)].join('\n\n'))).toEqual([])
    // Stanza or item numbers: a few lines apart.
    expect(furniture(['1', page(2), '2', page(2), '3', page(2)].join('\n\n'))).toEqual([])
    expect(furniture([page(12), '30', page(12), '12', page(12), '55', page(12)].join('\n\n'))).toEqual([])
    // Chapter numbers alone on their lines.
    expect(furniture([page(12), 'II', page(12), 'III', page(12), 'IV', page(12)].join('\n\n'))).toEqual([])
    // A number inside a paragraph is no page number.
    expect(furniture([page(12), `${page(1)}\n12\n${page(1)}`, page(12), `${page(1)}\n13\n${page(1)}`].join('\n\n'))).toEqual([])
  })

  it('leaves years heading a chronicle, sections of uneven length, and two numbers that skip more pages than a few', () => {
    expect(furniture([page(12), '1848', page(14), '1849', page(13), '1850', page(12)].join('\n\n'))).toEqual([])
    expect(furniture([page(12), '5', page(12), '6', page(60), '7', page(11), '8', page(70)].join('\n\n'))).toEqual([])
    expect(furniture([page(12), '20', page(12), '31', page(12)].join('\n\n'))).toEqual([])
  })

  it('takes the one or two page numbers of a short text, between paragraphs of prose', () => {
    expect(furniture(['Title', page(12), '17', page(12)].join('\n\n'))).toEqual([['17', 'page-number']])
    expect(furniture([page(3), '20', page(4), '21', page(2)].join('\n\n'))).toEqual([['20', 'page-number'], ['21', 'page-number']])
    // Stanza numbers stand beside short lines; three numbers close together are a series.
    expect(furniture(['Songs', '2', 'The reapers rise before the sun,\nAnd sing until the field is done.'].join('\n\n'))).toEqual([])
    expect(furniture([page(3), '20', page(3), '21', page(3), '22', page(3)].join('\n\n'))).toEqual([])
  })

  it('leaves the lone numbers of a text longer than a page more than its numbers', () => {
    expect(furniture(['Title', page(100), '17', page(100)].join('\n\n'))).toEqual([['17', 'page-number']])
    expect(furniture(['Title', page(200), '17', page(200)].join('\n\n'))).toEqual([])
    expect(furniture([page(150), '20', page(150), '21', page(150)].join('\n\n'))).toEqual([])
  })

  it('leaves a repeated line that no page number stands beside (a refrain, a speaker)', () => {
    const text = ['CHORUS', page(12), 'CHORUS', page(12), 'CHORUS', page(12)].join('\n\n')
    expect(furniture(text)).toEqual([])
  })
})
