import {describe, expect, test} from 'vitest'
import {eruditeReferences} from '../../pipeline/citations/model/erudite.js'

const read = (text: string) => eruditeReferences(text).map((reference) => ({volume: reference.parse.item.volume, locator: reference.parse.locator, label: reference.parse.label}))

describe('`V.` in old shorthand', () => {
  test('before a lower-case numeral `V.` is the volume, the numeral after it the chapter', () => {
    expect(read('Hartwell, Essays, V. xiv. p. 83.')).toEqual([{volume: 'V', locator: '83', label: 'page'}])
    expect(read('Hartwell, V. xiv.')).toEqual([{volume: 'V', locator: 'xiv', label: 'chapter'}])
  })

  test('before a numeral in capitals, and in lower case, `v.` is the cue of the volume', () => {
    expect(read('Hartwell, Essays, V. III. pp. 212.')).toEqual([{volume: 'III', locator: '212', label: 'page'}])
    expect(read('Hartwell, Essays, v. xiv. p. 83.')).toEqual([{volume: 'xiv', locator: '83', label: 'page'}])
  })
})
