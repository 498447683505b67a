import {describe, expect, it} from 'vitest'
import {correspondentHead, personNames} from '../../pipeline/bibliography/correspondents.js'
import {normalizeDate, parseDate} from '../../pipeline/bibliography/dates.js'
import {folioRanges, titleParts} from '../../pipeline/bibliography/identity.js'
import {assignKeys, baseKey} from '../../pipeline/bibliography/keys.js'
import {asciiFold, numberForm, titleForm} from '../../pipeline/bibliography/normalize.js'
import {escapeTex} from '../../pipeline/export/tex.js'

describe('dates', () => {
  it.each([
    ['29 June 1945', {'date-parts': [[1945, 6, 29]]}],
    ['June 29, 1945', {'date-parts': [[1945, 6, 29]]}],
    ['September 1945', {'date-parts': [[1945, 9]]}],
    ['Sept. 1945', {'date-parts': [[1945, 9]]}],
    ['May/June 1975', {'date-parts': [[1975, 5], [1975, 6]]}],
    ['Winter 1988/89', {'date-parts': [[1988], [1989]], season: 4}],
    ['Spring 1995', {'date-parts': [[1995]], season: 1}],
    ['1950-01-19', {'date-parts': [[1950, 1, 19]]}],
    ['1950-1953', {'date-parts': [[1950], [1953]]}],
    ['Spring and Fall 1994', {literal: 'Spring and Fall 1994'}]
  ])('reads %s', (printed, expected) => {
    expect(parseDate(printed)).toEqual(expected)
  })

  it('reads a publication state as no date', () => {
    expect(parseDate('forthcoming')).toBeUndefined()
  })

  it('keeps parts it has and reads raw forms it does not', () => {
    expect(normalizeDate({'date-parts': [[1990, '5']], raw: 'May 1990'})).toEqual({'date-parts': [[1990, 5]]})
    expect(normalizeDate({raw: '5 May 1950'})).toEqual({'date-parts': [[1950, 5, 5]]})
    expect(normalizeDate({'date-parts': [['']], raw: '26 October and 20 November 1949'})).toEqual({literal: '26 October and 20 November 1949'})
    expect(normalizeDate({'date-parts': [[0]]})).toBeUndefined()
  })
})

describe('normalization', () => {
  it('folds diacritics and transliterates Cyrillic', () => {
    expect(asciiFold('Торкунов')).toBe('torkunov')
    expect(asciiFold('Dal’nego Vostoka, Łódź, Straße')).toBe('dalnego vostoka, lodz, strasse')
    expect(asciiFold('059а')).toBe('059a')
  })

  it('compares titles without articles, punctuation and apostrophes', () => {
    expect(titleForm('The Origins of the Korean War')).toBe(titleForm('Origins of the Korean War'))
    expect(titleForm('Uncertain Partners: Stalin, Mao, and the Korean War')).toBe(titleForm('Uncertain Partners: Stalin, Mao and the Korean War'))
    expect(titleForm('Inside the Kremlin’s Cold War')).toBe(titleForm("Inside the Kremlin's Cold War"))
  })

  it('reads volume numbers in one form', () => {
    expect(numberForm('II')).toBe('2')
    expect(numberForm('Vol. 2')).toBe('2')
    expect(numberForm('XIV')).toBe('14')
    expect(numberForm('14/15')).toBe('14 15')
  })

  it('splits a multi-volume title at its volume designation', () => {
    expect(titleParts('The Origins of the Korean War, Volume II, The Roaring of the Cataract, 1947-1950')).toEqual({main: 'The Origins of the Korean War', volume: '2', subtitle: 'The Roaring of the Cataract, 1947-1950'})
    expect(titleParts('Korea: The Peninsula Origins of the War')).toEqual({main: 'Korea', subtitle: 'The Peninsula Origins of the War'})
    expect(titleParts('Koreiskaya Problema : Noveii Vzglyad').main).toBe('Koreiskaya Problema')
  })
})

describe('archival documents', () => {
  it.each([
    ['Shtykov', 'shtykov'],
    ['[Soviet Ambassador to the DPRK] Shtykov', 'shtykov'],
    ['A. Y. (Gromyko)', 'gromyko'],
    ['General Shtykov', 'shtykov'],
    ['Generalov in Pyongyang', 'generalov'],
    ['Zabrodin, Deputy Chief of the Second Far Eastern Department of NKID', 'zabrodin'],
    ['Vasilevskii and Shtemenko', 'shtemenko+vasilevskii'],
    ['the Soviet Foreign Ministry', undefined],
    ['Central Committee', undefined],
    ['Politupravlenie of Primorsky Military Region', undefined]
  ])('reads the correspondent %s', (printed, head) => {
    expect(correspondentHead(printed)).toBe(head)
  })

  it('writes simple senders as CSL names, and nothing else', () => {
    expect(personNames('Zhukov and Zabrodin')).toEqual([{family: 'Zhukov'}, {family: 'Zabrodin'}])
    expect(personNames('Generalov in Pyongyang')).toBeUndefined()
  })

  it.each([
    ['87-91', [[87, 91]]],
    ['132-33', [[132, 133]]],
    ['1 - 21, 30', [[1, 21], [30, 30]]],
    ['22 ff.', [[22, Number.POSITIVE_INFINITY]]],
    ['87–91', [[87, 91]]],
    ['7 об. - 9', [[7, 9]]]
  ])('reads the folios %s', (printed, ranges) => {
    expect(folioRanges(printed)).toEqual(ranges)
  })
})

describe('keys', () => {
  it('build from family name, year and first significant title word', () => {
    expect(baseKey({type: 'book', author: [{family: 'Goncharov'}], title: 'Uncertain Partners', issued: {'date-parts': [[1993]]}})).toBe('goncharov1993uncertain')
    expect(baseKey({type: 'book', author: [{family: 'Торкунов'}], title: 'Загадочная война', issued: {'date-parts': [[2000]]}})).toBe('torkunov2000zagadochnaia')
    expect(baseKey({type: 'report', author: [{literal: 'U.S. Department of Defense'}], title: 'The Entry of the Soviet Union', issued: {'date-parts': [[1955]]}})).toBe('us1955entry')
    expect(baseKey({type: 'book', title: 'FRUS, The Conference of Berlin', issued: {'date-parts': [[1960]]}})).toBe('frus1960conference')
    expect(baseKey({type: 'legal_case', authority: 'BGH', title: 'Beschluss vom 14.6.2011, 2 StR 118/10', issued: {'date-parts': [[2011]]}})).toBe('bgh2011beschluss')
    expect(baseKey({type: 'document', custom: {sender: 'Shtykov'}, genre: 'ciphered telegram', issued: {'date-parts': [[1950, 1, 19]]}})).toBe('shtykov1950ciphered')
  })

  it('disambiguate colliding keys by the items’ own identity', () => {
    const items = [
      {type: 'document' as const, custom: {sender: 'Shtykov'}, title: 'Telegram', issued: {'date-parts': [[1950]]}},
      {type: 'document' as const, custom: {sender: 'Shtykov'}, title: 'Telegram', issued: {'date-parts': [[1950]]}},
      {type: 'book' as const, author: [{family: 'Cumings'}], title: 'Korea', issued: {'date-parts': [[1997]]}}
    ]
    const keys = assignKeys(items, ['a', 'b', 'c'])
    expect(keys[2]).toBe('cumings1997korea')
    expect(keys[0]).toMatch(/^shtykov1950telegram[a-z]{3}$/)
    expect(keys[0]).not.toBe(keys[1])
    // The suffix depends on the item alone: in another company it is the same.
    expect(assignKeys([items[1]!, items[0]!], ['b', 'a'])).toEqual([keys[1], keys[0]])
  })
})

describe('TeX escaping', () => {
  it('escapes the specials and leaves every script alone', () => {
    expect(escapeTex('A & B 100% #3 x_y {z} ~ ^ $ \\')).toBe('A \\& B 100\\% \\#3 x\\_y \\{z\\} \\textasciitilde{} \\textasciicircum{} \\$ \\textbackslash{}')
    expect(escapeTex('Корейская война — 朝鲜战争')).toBe('Корейская война — 朝鲜战争')
  })
})
