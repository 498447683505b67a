import {describe, expect, it} from 'vitest'
import {citeNotes, referenceListOf} from './document.js'

describe('a section printed after a book of a classical work', () => {
  it('is part of the locator', () => {
    const {citations} = citeNotes(['Orosius, *Hist.* l. iii. § 7.'])
    expect(citations[0]).toMatchObject({locator: 'l. iii, § 7', label: 'book'})
  })
})

describe('a numbered paper of a series', () => {
  it('a discussion paper: the kind is the genre, and its number', () => {
    const {citations} = citeNotes(['Anna Reed, *Ports and Prices*, Discussion Paper No. 41 (Leeds: Centre for Trade, 2001), 7.'])
    expect(citations[0]?.item).toMatchObject({type: 'report', genre: 'Discussion Paper', number: '41', publisher: 'Centre for Trade'})
  })

  it('a working paper after its publisher’s initials: the series too', () => {
    const {citations} = citeNotes(['Tom Hale, “Rents in Peace,” IFS Working Paper 7731 (London, 2004), 3.'])
    expect(citations[0]?.item).toMatchObject({type: 'report', genre: 'Working Paper', number: '7731', 'collection-title': 'IFS Working Paper'})
    expect(citations[0]).toMatchObject({locator: '3'})
  })
})

describe('a letter printed in a volume of a collection', () => {
  it('`2:45` after the collection gives its volume and the page', () => {
    // Ingested as a source is: Markdown read by the test parser takes `:118` for a directive.
    const {citations} = referenceListOf('# Letters\n\nText.[^1]\n\n[^1]: R. Pike to S. Dunn, 9 June 1862, in *The Letters of R. Pike*, ed. T. Lord (Boston, 1965), 3:118.\n')
    expect(citations[0]).toMatchObject({locator: '118', label: 'page'})
    expect(citations[0]?.item).toMatchObject({type: 'letter', volume: '3', 'container-title': 'The Letters of R. Pike'})
  })
})
