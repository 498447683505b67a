/**
 * The reader PDF's archival index, as hast: archives and files as headings, documents by what
 * a reader knows of them (never an internal key), no empty heading.
 */
import {toString} from 'hast-util-to-string'
import type {Element} from 'hast'
import {describe, expect, it} from 'vitest'
import {printLabels} from '../../templates/pdf/labels.js'
import {archivalIndexToHast, type BackMatterInput} from '../../pipeline/pdf/back-matter.js'
import type {CitationOccurrence} from '../../pipeline/shared/types/citation.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'
import type {DocumentMeta} from '../../pipeline/shared/types/document.js'

const items: CslItem[] = [
  {id: 'petrov1951telegramxq', type: 'document', author: [{family: 'Petrov'}], genre: 'telegram', issued: {'date-parts': [[1951, 3, 2]]}, custom: {archival: {sdCode: 'HC00412'}}},
  {id: 'telegram1951', type: 'document', recipient: [{family: 'Petrov'}], genre: 'telegram', issued: {'date-parts': [[1951, 3, 4]]}, custom: {archival: {sdCode: 'HC00413'}, sender: 'the telegram'}},
  {id: 'petrov1951telegramzr', type: 'document', author: [{family: 'Petrov'}], recipient: [{family: 'Lin'}], genre: 'telegram', issued: {'date-parts': [[1951, 3, 9]]}, custom: {archival: {}}},
  {id: 'harbour1951', type: 'document', genre: 'report', issued: {'date-parts': [[1951]]}, custom: {sender: 'Harbour Office', archival: {}}},
  {id: 'gaa-f4-op1-d9', type: 'document', archive: 'GAA', 'archive_location': 'f. 4, op. 1, d. 9, p. 2', custom: {archival: {archive: 'GAA', fond: '4', opis: '1', delo: '9', papka: '2'}}},
  {id: 'ray1950letter', type: 'document', author: [{family: 'Ray', given: 'Ann'}], recipient: [{family: 'Lin', given: 'Mei'}], title: 'Letter on the tolls', genre: 'letter', issued: {'date-parts': [[1950, 5, 1]]}, archive: 'GAA', 'archive_location': 'f. 4, op. 1, d. 9, p. 2', custom: {archival: {archive: 'GAA', fond: '4', opis: '1', delo: '9', papka: '2'}}},
  {id: 'gaa-f4', type: 'document', archive: 'GAA', 'archive_location': 'f. 4', genre: 'inventory', custom: {archival: {archive: 'GAA', fond: '4'}}},
  {id: 'ray1950', type: 'document', author: [{family: 'Ray'}], recipient: [{family: 'Lin'}], issued: {'date-parts': [[1950, 6, 3]]}, archive: 'GAA', 'archive_location': 'f. 4, op. 1, d. 9, p. 2', custom: {archival: {archive: 'GAA', fond: '4', opis: '1', delo: '9', papka: '2'}}}
]

const meta = {source: 'a.txt', slug: 'harbours', title: 'Harbours', authors: ['Ann Ray'], date: '1999', kind: 'article'} as DocumentMeta
const occurrences: CitationOccurrence[] = items.map((item, index) => ({source: 'a.txt', document: 'harbours', note: index + 1, index: 0, text: item.id, key: item.id, ibid: false, shortForm: false}))
const input: BackMatterInput = {labels: printLabels('en'), documents: [meta], entries: [], bibliography: items, occurrences}
const index = archivalIndexToHast(input, new Set(items.map((item) => item.id)))

const texts = (node: Element | undefined, selector: (element: Element) => boolean): string[] => {
  const found: string[] = []
  const walk = (element: Element) => {
    if (selector(element)) found.push(toString(element))
    for (const child of element.children) if (child.type === 'element') walk(child)
  }
  if (node) walk(node)
  return found
}
const hasClass = (name: string) => (element: Element) => Array.isArray(element.properties.className) && element.properties.className.includes(name)

describe('archival index of the reader PDF', () => {
  it('heads every archive and file with a name, the unnamed archive last', () => {
    // Documents cited by their archive alone (here: none named) stand under it without a file line.
    expect(index?.children.filter((node) => node.type === 'element' && hasClass('index-file')(node)).map((node) => node.type === 'element' ? node.children.length : 0)).toEqual([2, 2, 1, 2, 2])
    expect(texts(index, (element) => element.tagName === 'h2')).toEqual(['GAA', 'Archive not named'])
    expect(texts(index, hasClass('index-file-name'))).toEqual(['Fond 4', 'Fond 4, Opis 1, Delo 9, Papka 2', 'Collection code HC00412', 'Collection code HC00413'])
    for (const heading of texts(index, (element) => /^h\d$/.test(element.tagName) || hasClass('index-file-name')(element))) expect(heading.trim()).not.toMatch(/^[—–-]?$/)
  })

  it('shows each document by correspondents, description and date, never by its key', () => {
    const lines = texts(index, hasClass('index-item'))
    expect(lines).toEqual([
      'Inventory',
      'Ann Ray → Mei Lin: Letter on the tolls (letter), 1 May 1950',
      'Ray → Lin, 3 June 1950',
      'GAA, f. 4, op. 1, d. 9, p. 2',
      'Harbour Office: Report, 1951',
      'Petrov → Lin: Telegram, 9 March 1951',
      'Petrov: Telegram, 2 March 1951',
      'to Petrov: Telegram, 4 March 1951'
    ])
    for (const line of lines) for (const item of items) expect(line).not.toContain(item.id)
  })
})
