import {describe, expect, it} from 'vitest'
import {parseEntry} from '../../pipeline/citations/model/index.js'
import {referenceListOf} from './document.js'

describe('a body named before an emphasized title', () => {
  it('`Bureau des travaux publics, *Rapport annuel*` has the body as author', () => {
    const item = parseEntry('Bureau des travaux publics, *Rapport annuel*, Paris, 1912.')?.parse.item
    expect(item?.author).toEqual([{literal: 'Bureau des travaux publics'}])
    expect(item?.title).toBe('Rapport annuel')
  })

  it('a person named so keeps a name with a given name', () => {
    const item = parseEntry('Colli, Renata, *Statuti della valle*, Firenze, 1975.')?.parse.item
    expect(item?.author).toEqual([{family: 'Colli', given: 'Renata'}])
  })
})

describe('an archival entry in a reference list', () => {
  it('its parts set as sentences are an archival document, its box and folder the location', () => {
    const source = '# Paper\n\nText.\n\n## References\n\nOkafor, Jane. 2015. *Delta Towns*. Lagos: Ikeja Press.\n\nTown Borough Archives. Mill Leases, 1750–1850. Box 4, folder 12.\n'
    const {citations} = referenceListOf(source)
    const entry = citations.find((citation) => citation.text.startsWith('Town Borough'))
    expect(entry?.archival).toBeDefined()
    expect(entry?.item.type).toBe('document')
    expect(entry?.item['archive_location']).toBe('Box 4, folder 12')
    expect(entry?.item['container-title']).toBeUndefined()
  })
})
