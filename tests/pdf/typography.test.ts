/** Print typography on hast (no browser): soft hyphens by language, doubled spaces. */
import type {Element} from 'hast'
import {toString} from 'hast-util-to-string'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import {hyphenatorFor, typeset} from '../../pipeline/pdf/typography.js'

const shy = '\u00ad'

function typeset1(element: Element, language = 'en'): Element {
  typeset(element, {language})
  return element
}

describe('hyphenation', () => {
  it('puts soft hyphens in long words, keeping two letters at the start of a word and three at its end', () => {
    const hyphenate = hyphenatorFor('en')
    expect(hyphenate).toBeDefined()
    for (const whole of ['administration', 'international', 'academically', 'negotiation']) {
      const word = hyphenate?.(whole) ?? ''
      expect(word).toContain(shy)
      expect(word.replaceAll(shy, '')).toBe(whole)
      expect(word.split(shy)[0]?.length).toBeGreaterThanOrEqual(2)
      expect(word.split(shy).at(-1)?.length).toBeGreaterThanOrEqual(3)
    }
  })

  it('hyphenates each text by the nearest `lang`, and leaves a language without patterns alone', () => {
    const section = typeset1(h('section', {lang: 'en'}, [
      h('p', 'The administration considered the representatives. Further text.'),
      h('p', {lang: 'de'}, 'Die Geschwindigkeitsbegrenzung wurde verhandelt. Weiterer Text.'),
      h('p', {lang: 'tlh'}, 'administration representatives. Further text.')
    ]))
    const [english, german, klingon] = section.children.map((child) => toString(child))
    expect(english).toContain(hyphenatorFor('en')?.('administration'))
    expect(english).toContain(shy)
    const inGerman = hyphenatorFor('de')?.('Geschwindigkeitsbegrenzung') ?? ''
    expect(inGerman).toContain(shy)
    expect(inGerman).not.toBe(hyphenatorFor('en')?.('Geschwindigkeitsbegrenzung'))
    expect(german).toContain(inGerman)
    expect(hyphenatorFor('de-AT')?.('Geschwindigkeitsbegrenzung')).toBe(inGerman)
    expect(klingon).not.toContain(shy)
  })

  it('leaves headings, note numbers, code, addresses, numbers, capitalized words and the last word of a block whole', () => {
    const section = typeset1(h('section', {lang: 'en'}, [
      h('h2', 'Administration of representatives'),
      h('p', [
        h('span.note-number', 'administration'), ' See https://example.org/administration and administrator@example.org, ',
        h('code', 'representatives'), ' 1234567890 Constantinople UNRRA-administered representatives'
      ])
    ]))
    const [heading, paragraph] = section.children.map((child) => toString(child))
    expect(heading).not.toContain(shy)
    expect(paragraph).not.toContain(shy)
  })

  it('does not break a word that runs on into the next element', () => {
    const paragraph = typeset1(h('p', {lang: 'en'}, ['the administr', h('em', 'ation'), ' and representatives of the Assembly.']))
    expect(toString(paragraph)).toMatch(/^the administr/)
    expect(toString(paragraph)).toMatch(/rep\u00adre\u00adsen\u00adta\u00adtives|rep\u00adresen\u00adta\u00adtives|rep[a-z\u00ad]*\u00ad[a-z\u00ad]*tives/)
  })
})

describe('doubled spaces', () => {
  it('collapses a no-break space and a space, in a text and across two texts', () => {
    const paragraph = typeset1(h('p', {lang: 'en'}, ['One sentence.\u00a0 Another one.\u00a0', h('em', ' Third'), ' and\u00a0\u00a0fourth.']))
    expect(toString(paragraph).replaceAll(shy, '')).toBe('One sentence. Another one. Third and\u00a0fourth.')
  })

  it('keeps a single no-break space and the spaces of code', () => {
    const paragraph = typeset1(h('p', ['p.\u00a012 and ', h('code', 'a  b')]))
    expect(toString(paragraph)).toBe('p.\u00a012 and a  b')
  })
})
