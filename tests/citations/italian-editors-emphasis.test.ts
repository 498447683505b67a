import {describe, expect, it} from 'vitest'
import {parseReferences, withoutEmphasis} from '../../pipeline/citations/model/index.js'

describe('emphasis marks blanked for the labeller', () => {
  it('punctuation after a closing mark joins the word, offsets kept', () => {
    const text = 'Colli, *Statuti*, a cura di P. Sarti (*Fonti*), 12.'
    const plain = withoutEmphasis(text)
    expect(plain).toHaveLength(text.length)
    expect(plain).not.toMatch(/\s,/)
    expect(plain).toMatch(/Statuti,\s+a cura/)
    expect(plain).toContain(' (Fonti),')
  })
})

describe('`a cura di` after an emphasized title', () => {
  it('the names before the title are its author, the names after the cue its editor', () => {
    const [found] = parseReferences('Renata Colli, *Statuti*, a cura di P. Sarti, Firenze 1975.')
    expect(found?.parse.item).toMatchObject({type: 'book', author: [{family: 'Colli', given: 'Renata'}], editor: [{family: 'Sarti', given: 'P.'}], title: 'Statuti'})
  })

  it('two editors joined by `e` are both editors, no publisher', () => {
    const [found] = parseReferences('R. Colli, *Statuti della valle*, a cura di Paolo Sarti e Anna Neri, 2 voll., Firenze 1975.')
    expect(found?.parse.item.editor).toEqual([{family: 'Sarti', given: 'Paolo'}, {family: 'Neri', given: 'Anna'}])
    expect(found?.parse.item.publisher).toBeUndefined()
  })

  it('an editor named before the title with `(a cura di)` stays the editor', () => {
    const [found] = parseReferences('Paolo Sarti (a cura di), *Statuti della valle*, Firenze 1975.')
    expect(found?.parse.item.editor).toEqual([{family: 'Sarti', given: 'Paolo'}])
    expect(found?.parse.item.author).toBeUndefined()
  })
})
