// An address broken at a line's end (`https://doi.org/10.5555/` then `jnt.2005.12` on the next
// line) is joined again in the entry. Citations invented for these tests.
import {describe, expect, it} from 'vitest'
import {assembleItem} from '../../pipeline/bibliography/assemble.js'
import type {ParsedCitation} from '../../pipeline/shared/types/citation.js'
import type {CslItemDraft} from '../../pipeline/shared/types/csl.js'

const cite = (text: string, item: CslItemDraft): ParsedCitation => ({note: 1, index: 0, text, item, ibid: false, shortForm: false})

describe('addresses broken at a line end', () => {
  it('joins a doi.org address and makes it the DOI', () => {
    const text = 'Aalders, Pieter. 2005. "Brine and Guild." Journal of Northern Trade 12 (3): 44-67. https://doi.org/10.5555/ jnt.2005.12.3.44.'
    const item = assembleItem([cite(text, {type: 'article-journal', title: 'Brine and Guild', URL: 'https://doi.org/10.5555/'})])
    expect(item.DOI).toBe('10.5555/jnt.2005.12.3.44')
    expect(item.URL).toBeUndefined()
  })

  it('joins a web address broken after a slash or a hyphen', () => {
    const slash = assembleItem([cite('Valves of the old town (Report No. 12). City Archive Office. https://cityarchive.example.org/ reports/12', {type: 'report', title: 'Valves of the old town', URL: 'https://cityarchive.example.org/'})])
    expect(slash.URL).toBe('https://cityarchive.example.org/reports/12')
    const hyphen = assembleItem([cite('Crew lists, https://www.port-history.example.org/crew- lists-1850.html (accessed 3 May 2020).', {type: 'webpage', title: 'Crew lists', URL: 'https://www.port-history.example.org/crew-'})])
    expect(hyphen.URL).toBe('https://www.port-history.example.org/crew-lists-1850.html')
  })

  it('joins the rest to an address printed as an autolink', () => {
    const item = assembleItem([cite('Mbeki, T. (2019). Meters and mistrust. *Urban Water History*, *12*(3), 201–219. <https://doi.org/10.5555/>\nuwh.2019.12.3.201', {type: 'article-journal', title: 'Meters and mistrust', URL: 'https://doi.org/10.5555/'})])
    expect(item.DOI).toBe('10.5555/uwh.2019.12.3.201')
  })

  it('joins a bare DOI', () => {
    const item = assembleItem([cite('Okafor AB. Fever in port towns. Med Hist Rev. 2011;45(2):120-35. doi:10.5555/ mhr.2011.45.2.120', {type: 'article-journal', title: 'Fever in port towns', DOI: '10.5555/'})])
    expect(item.DOI).toBe('10.5555/mhr.2011.45.2.120')
  })

  it('takes no word of the sentence after an address for its rest', () => {
    const words = assembleItem([cite('Harbour list, https://harbours.example.org/ Accessed 3 May 2020.', {type: 'webpage', title: 'Harbour list', URL: 'https://harbours.example.org/'})])
    expect(words.URL).toBe('https://harbours.example.org/')
    const bracket = assembleItem([cite('Harbour list, https://harbours.example.org/ (accessed 3 May 2020).', {type: 'webpage', title: 'Harbour list', URL: 'https://harbours.example.org/'})])
    expect(bracket.URL).toBe('https://harbours.example.org/')
    const whole = assembleItem([cite('Harbour list, https://harbours.example.org/list.html, 3.', {type: 'webpage', title: 'Harbour list', URL: 'https://harbours.example.org/list.html'})])
    expect(whole.URL).toBe('https://harbours.example.org/list.html')
  })
})

describe('numbers after an address', () => {
  it('are a page or a year, not the address', () => {
    const item = assembleItem([cite('Harbour list, https://harbours.example.org/ 2020.', {type: 'webpage', title: 'Harbour list', URL: 'https://harbours.example.org/'})])
    expect(item.URL).toBe('https://harbours.example.org/')
  })
})
