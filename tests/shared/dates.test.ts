import {describe, expect, it} from 'vitest'
import {isoDate, isoDateParts, maxEpochSeconds, monthNames, monthNumber, sourceDateEpoch} from '../../pipeline/shared/dates.js'

describe('shared dates', () => {
  it('reads month names and abbreviations in any case, and nothing else', () => {
    expect(monthNames.map((name) => monthNumber(name))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(monthNumber('SEPT')).toBe(9)
    expect(monthNumber('jun')).toBe(6)
    expect(monthNumber('constructor')).toBeUndefined()
    expect(monthNumber('Juno')).toBeUndefined()
  })

  it('writes and reads ISO dates', () => {
    expect(isoDate([950, 1, 9])).toBe('0950-01-09')
    expect(isoDate([1993, 11])).toBe('1993-11')
    expect(isoDateParts(' 1993-11 ')).toEqual([1993, 11, undefined])
    expect(isoDateParts('1950-06-25')).toEqual([1950, 6, 25])
    expect(isoDateParts('1950-6')).toBeUndefined()
    expect(isoDateParts('June 1950')).toBeUndefined()
  })

  it('takes SOURCE_DATE_EPOCH only as whole seconds a date can hold', () => {
    expect(sourceDateEpoch({SOURCE_DATE_EPOCH: '760000000'})).toBe(760000000)
    expect(sourceDateEpoch({SOURCE_DATE_EPOCH: '-1'})).toBeUndefined()
    expect(sourceDateEpoch({SOURCE_DATE_EPOCH: '1.5'})).toBeUndefined()
    expect(sourceDateEpoch({SOURCE_DATE_EPOCH: String(maxEpochSeconds + 1)})).toBeUndefined()
    expect(sourceDateEpoch({})).toBeUndefined()
  })
})
