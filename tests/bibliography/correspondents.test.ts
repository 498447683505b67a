import {describe, expect, it} from 'vitest'
import {correspondentHead} from '../../pipeline/bibliography/correspondents.js'

describe('correspondents', () => {
  it('reads offices, governments and syllabic acronyms as no person', () => {
    for (const printed of ['the Foreign Ministry', 'Warsaw', 'Soviet Embassy', 'GlavVMF', 'NKID', 'Otdel Pechati', 'Auswärtiges Amt Botschaft']) {
      expect(correspondentHead(printed), printed).toBeUndefined()
    }
  })

  it('reads persons, also those named like a place or with a capital inside', () => {
    expect(correspondentHead('Ambassador Petrov')).toBe('petrov')
    expect(correspondentHead('McCarthy and Jordan')).toBe('jordan+mccarthy')
    expect(correspondentHead('Isaiah Berlin')).toBe('berlin')
  })
})
