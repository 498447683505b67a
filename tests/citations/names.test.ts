import {describe, expect, it} from 'vitest'
import {isPersonalName, personalName} from '../../pipeline/citations/names.js'
import {applyNames} from '../../pipeline/citations/title-parts.js'
import {opensWithPlace, placeTokens} from '../../pipeline/shared/vocabulary/places.js'

describe('names and places', () => {
  it('reads a string that opens with a country, its adjective or a capital as no person', () => {
    for (const value of ['Soviet Union', 'United States Navy', 'Japanese Foreign Office', 'Sino-Soviet Alliance', 'Hungary Today', 'Vienna Papers']) {
      expect(isPersonalName(value), value).toBe(false)
    }
  })

  it('reads a string that opens with a subject of history as no person', () => {
    for (const value of ['Cold War History', 'Peace Studies Program', 'World Politics']) expect(isPersonalName(value), value).toBe(false)
  })

  it('keeps persons whose names are also places', () => {
    for (const value of ['Jordan Ellis', 'Georgia Marsh', 'India Holt', 'Israel Kaplan', 'Irving Berlin', 'Ada Hungary']) {
      expect(isPersonalName(value), value).toBe(true)
    }
    expect(opensWithPlace('Washington Pryce')).toBe(false)
    expect(placeTokens.has('washington')).toBe(false)
    expect(placeTokens.has('prague')).toBe(true)
    expect(placeTokens.has('bogota')).toBe(true)
    expect(opensWithPlace('Buenos Aires Herald')).toBe(true)
  })

  it('prints East Asian family names first', () => {
    expect(personalName('Zhang Wenhua')).toEqual({family: 'Zhang', given: 'Wenhua'})
    expect(personalName('Mira Zhang')).toEqual({family: 'Zhang', given: 'Mira'})
  })
})

describe('no author', () => {
  it('names no author for what is printed in place of one', () => {
    for (const printed of ['Author(s) not indicated', 'Anonymous', 'author unknown', 'Avtor(y) ne ukazan(y)', 'Автор не указан', 'Verfasser unbekannt', 'auteur inconnu']) {
      const item = {type: 'book' as const}
      applyNames(item, printed)
      expect(item, printed).toEqual({type: 'book'})
    }
  })

  it('names the author otherwise', () => {
    const item: Parameters<typeof applyNames>[0] = {type: 'book'}
    applyNames(item, 'Anna Unsworth')
    expect(item.author).toEqual([{family: 'Unsworth', given: 'Anna'}])
  })
})
