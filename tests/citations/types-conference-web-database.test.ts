import {describe, expect, it} from 'vitest'
import {parseEntry} from '../../pipeline/citations/model/index.js'
import {citeNotes} from './document.js'

const itemOf = (entry: string) => parseEntry(entry)?.parse.item

describe('a paper given at a meeting', () => {
  it('`Paper presented at the Annual Meeting of …` is a conference paper, the meeting its event', () => {
    const item = itemOf('Morrow, Ellen. 1994. "Grain and Credit." Paper presented at the Annual Meeting of the Society for Canal History, Chicago.')
    expect(item).toMatchObject({type: 'paper-conference', title: 'Grain and Credit', 'event-title': 'Annual Meeting of the Society for Canal History', 'event-place': 'Chicago'})
    expect(item?.['container-title']).toBeUndefined()
  })

  it('`Vortrag auf der Tagung …` after a quoted title', () => {
    const item = itemOf('Kühn, Anton. 1999. „Mühlenrecht". Vortrag auf der Tagung des Arbeitskreises Agrargeschichte, Göttingen.')
    expect(item).toMatchObject({type: 'paper-conference', title: 'Mühlenrecht', 'event-title': 'Tagung des Arbeitskreises Agrargeschichte'})
  })
})

describe('MLA web pages and databases', () => {
  it('a page of a site with its day and address is a web page, not a newspaper article', () => {
    const item = itemOf('Okafor, Jane. "Rivers of the Delta." *Delta Notes*, 12 Mar. 2015, www.deltanotes.org/rivers.')
    expect(item).toMatchObject({type: 'webpage', title: 'Rivers of the Delta', 'container-title': 'Delta Notes'})
    expect(item?.issued?.['date-parts']).toEqual([[2015, 3, 12]])
  })

  it('`*JSTOR*` at the end is the database, no note', () => {
    const item = itemOf('Pell, Thomas. "Wool Prices in Lincolnshire." *Upland Farming Review*, vol. 9, no. 2, 1961, pp. 77–90. *JSTOR*.')
    expect(item).toMatchObject({type: 'article-journal', source: 'JSTOR', volume: '9', issue: '2'})
    expect(item?.note).toBeUndefined()
  })
})

describe('APA volumes in brackets', () => {
  it('`(Vols. 1–3)` gives the volumes', () => {
    const item = itemOf('Hargreave, L. M. (1984). *The Collected Letters* (Vols. 1–3). Northfield Press.')
    expect(item).toMatchObject({type: 'book', title: 'The Collected Letters', volume: '1–3', publisher: 'Northfield Press'})
  })
})

describe('a paper given at a meeting, in a note', () => {
  it('`…, Chicago, 1994` gives the place and the year, not a place with a year', () => {
    const [found] = citeNotes(['Ellen Morrow, "Grain and Credit," Paper presented at the Annual Meeting of the Society for Canal History, Chicago, 1994.']).citations
    expect(found?.item).toMatchObject({type: 'paper-conference', 'event-title': 'Annual Meeting of the Society for Canal History', 'event-place': 'Chicago'})
    expect(found?.item.issued?.['date-parts']).toEqual([[1994]])
  })
})
