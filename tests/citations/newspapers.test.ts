import {describe, expect, it} from 'vitest'
import {typeFromContainer} from '../../pipeline/citations/periodical.js'
import {citationsOf, testMeta} from './document.js'

describe('newspapers', () => {
  it('knows a newspaper by the words of its title in several languages, by its agency or its name', () => {
    for (const container of ['Harbour Times', 'Kieler Tageblatt', 'Gazzetta di Parma', 'Pusan Ilbo', 'Osaka Shimbun', 'Kyodo', 'Le Monde', 'Libération', 'Rudé právo']) {
      expect(typeFromContainer(container), container).toBe('article-newspaper')
    }
  })

  it('needs the word whole, and a place after `Observer`', () => {
    for (const container of ['Timeserver Quarterly', 'Journal of Postcolonial Studies', 'The Observer Effect', 'Monde Arabe']) {
      expect(typeFromContainer(container), container).not.toBe('article-newspaper')
    }
    expect(typeFromContainer('Observer (Kampala)')).toBe('article-newspaper')
  })
})

describe('newspapers in the labeller\'s notes', () => {
  it('types a newspaper by its title; its number is the issue, a numeric date the day', () => {
    const [citation] = citationsOf('Text.[^1]\n\n[^1]: Kieler Tageblatt, Nr. 88 vom 4.3.1921, S. 3.\n', testMeta('article', 'de'))
    expect(citation?.item).toMatchObject({type: 'article-newspaper', 'container-title': 'Kieler Tageblatt', issue: '88', issued: {'date-parts': [[1921, 3, 4]]}})
    expect(citation?.item.volume).toBeUndefined()
    expect(citation?.locator).toBe('3')
  })
})
