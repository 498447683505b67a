import {describe, expect, test} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'
import {tokenize} from '../../pipeline/citations/model/tokens.js'

describe('a sentence glued to a bracket, and Ibid. printed twice', () => {
  test('`)).Von` is cut after the full stop', () => {
    expect(tokenize('Karte)).Von den').map((token) => token.text)).toEqual(['Karte)).', 'Von', 'den'])
    // A lower-case word after the bracket and full stop stays glued.
    expect(tokenize('(S.31).und').map((token) => token.text)).toEqual(['(S.31).und'])
  })

  test('the reference ends at the bracket; the sentence after it is no part of it', () => {
    const [reference] = parseReferences('Vgl. Greta Faber, Die Schleusen, Minden 1928, S. 4 (mit Plan)).Von den Schleusen ist sonst nichts überliefert.')
    expect(reference?.text).toBe('Greta Faber, Die Schleusen, Minden 1928, S. 4 (mit Plan)).')
    expect(reference?.parse.item).toMatchObject({title: 'Die Schleusen', 'publisher-place': 'Minden'})
  })

  test('`Ebd ebd, S. 41` is one Ibid. with its page and no title', () => {
    const found = parseReferences('Ebd ebd, S. 41.')
    expect(found.map((reference) => ({ibid: reference.parse.ibid, title: reference.parse.item.title, locator: reference.parse.locator}))).toEqual([{ibid: true, title: undefined, locator: '41'}])
  })
})
