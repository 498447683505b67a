import {describe, expect, it} from 'vitest'
import {typeFromContainer} from '../../pipeline/citations/periodical.js'

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
