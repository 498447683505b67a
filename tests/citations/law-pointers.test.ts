import {describe, expect, it} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'
import {parseAuthorPointer} from '../../pipeline/citations/parse-published.js'

describe('Bluebook Id. with a paragraph', () => {
  it('`Id., para. 4` is an Ibid. with the paragraph as its locator', () => {
    const [found] = parseReferences('Id., para. 4.')
    expect(found?.parse).toMatchObject({ibid: true, locator: '4', label: 'paragraph'})
  })

  it('a Romance `Id.,` before a title stays the same author', () => {
    const [found] = parseReferences('Id., *Les ponts*, Lyon 1961, p. 8.')
    expect(found?.parse.ibid).toBe(false)
  })
})

describe('a court named for its official reports', () => {
  it('`BVerfG 61, 82` cites volume 61, page 82 of BVerfGE', () => {
    const [found] = parseReferences('BVerfG 61, 82, never translated.')
    expect(found?.parse.item).toMatchObject({type: 'legal_case', 'container-title': 'BVerfGE', volume: '61', page: '82'})
  })
})

describe('an author and the note that cited the work', () => {
  it.each([
    ['Marlow and others (n. 7) at 118.', 'Marlow', '118'],
    ['See Kettle and others (n.2).', 'Kettle', undefined],
    ['Brandt, supra note 21, p. 64.', 'Brandt', '64'],
    ['Kowal, Fußnote 9, S. 31.', 'Kowal', '31']
  ])('`%s`', (note, family, locator) => {
    const parse = parseAuthorPointer(note)
    expect(parse).toMatchObject({opCit: true, incomplete: true, item: {author: [{family}]}})
    expect(parse?.locator).toBe(locator)
  })

  it('a note that only points to another note is no author', () => {
    expect(parseAuthorPointer('Note 18 above.')?.item.author).toBeUndefined()
  })
})
