/** Dates in words for print. */
import {describe, expect, it} from 'vitest'
import {dateInWords} from '../../pipeline/pdf/dates.js'

describe('dateInWords', () => {
  it('writes ISO dates in words in the language given', () => {
    expect(dateInWords('1993-11', 'en')).toBe('November 1993')
    expect(dateInWords('1950-06-25', 'en')).toBe('June 25, 1950')
    expect(dateInWords('1950-06-25', 'en-GB')).toBe('25 June 1950')
    expect(dateInWords('1949-09', 'de')).toBe('September 1949')
    expect(dateInWords('1950-06-25', 'fr')).toBe('25 juin 1950')
    expect(dateInWords('1994', 'en')).toBe('1994')
  })

  it('returns what is no ISO date, or no real date, as it is, and takes English for an unknown tag', () => {
    expect(dateInWords('Spring 1994', 'en')).toBe('Spring 1994')
    expect(dateInWords('1993-13', 'en')).toBe('1993-13')
    expect(dateInWords('1993-02-30', 'en')).toBe('1993-02-30')
    expect(dateInWords('1993-11', 'not a tag!')).toBe('November 1993')
  })
})
