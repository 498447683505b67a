/**
 * Entries a reader can trust: each fix of what a historian noticed in the bibliography, on
 * citations of our own.
 */
import {describe, expect, it} from 'vitest'
import {parsePublished} from '../../pipeline/citations/index.js'

describe('titles keep their words', () => {
  it.each([
    ['Anna Petrova, Ivan Sidorov, and Mei Lin, Bread and Salt: Markets, Guilds, and the Northern Trade (Oxford: Clarendon Press, 1987): 12', 'Bread and Salt: Markets, Guilds, and the Northern Trade'],
    ['Anna Petrova and Mei Lin, The Grain Trade: Ports, Merchants, and Guilds (Oxford: Clarendon Press, 1987)', 'The Grain Trade: Ports, Merchants, and Guilds']
  ])('%s', (text, title) => {
    const parsed = parsePublished(text)
    expect(parsed?.item.title).toBe(title)
    expect(parsed?.item.author?.map((name) => name.family)).toEqual(text.startsWith('Anna Petrova, Ivan') ? ['Petrova', 'Sidorov', 'Lin'] : ['Petrova', 'Lin'])
  })
})
