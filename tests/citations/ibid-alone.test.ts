import {describe, expect, it} from 'vitest'
import {citationsOf, testMeta} from './document.js'

describe('a note that is nothing but Ibid.', () => {
  it.each([
    ['de', 'Vgl. Martha Brandt, Das Hafenrecht der Hansestädte, Bremen 1931, S. 12.', 'Ebd.'],
    ['de', 'Vgl. Martha Brandt, Das Hafenrecht der Hansestädte, Bremen 1931, S. 12.', 'Ebenda.'],
    ['it', 'Giulia Ferri, Il porto di Livorno, Pisa 1987, p. 40.', 'Ivi.'],
    ['la', 'Giulia Ferri, Il porto di Livorno, Pisa 1987, p. 40.', '*Ibidem*.'],
    ['ru', 'И. В. Петров, Торговля и город, Москва 1979, с. 55.', 'Там же.']
  ])('%s: `%s` then `%s` cites the same work again', (language, first, second) => {
    const citations = citationsOf(`One.[^1] Two.[^2]\n\n[^1]: ${first}\n[^2]: ${second}\n`, testMeta('article', language))
    expect(citations).toHaveLength(2)
    expect(citations[1]).toMatchObject({note: 2, ibid: true, resolvesTo: {note: 1, index: 0}})
  })
})
