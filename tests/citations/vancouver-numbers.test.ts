// Vancouver: numbered reference lists, the numbers that cite them in the text, and the journal
// facts printed as one word (`1998;12(3):101-9`). A text written for these tests.
import {describe, expect, test} from 'vitest'
import {findNumberedCitations} from '../../pipeline/citations/references.js'
import {referenceListOf} from './document.js'

const source = `# Harbour Health

Cholera reached the docks twice [1,2], and the port surgeons kept ledgers [3]. Later studies [2–4] agree; one disagrees [5]. A sixth [6] is not listed.

## References

1. Marlow KT, Ostby AB. Cholera in river ports. J Port Med. 1998;12(3):101-9.
2. Quill R. Harbour fevers. Port Health Rev. 2001 Mar;4:22-30.
3. Denholm S. Surgeons of the quay. Leeds: Quayside Press; 1990.
4. Varnum L, Pike J. Ledgers of the sick. J Port Med. 2004;18:1-12.
5. Ashby T. Against the miasma. Port Health Rev. 2006;9:40-44.
`

describe('Vancouver', () => {
  test('the year, volume, issue and pages printed as one word', () => {
    const {entries} = referenceListOf(source)
    expect(entries[0]?.item).toMatchObject({'container-title': 'J Port Med', volume: '12', issue: '3', page: '101-9'})
    expect(entries[0]?.item.issued?.['date-parts']?.[0]?.[0]).toBe(1998)
    expect(entries[1]?.item).toMatchObject({volume: '4', page: '22-30'})
    expect(entries[1]?.item.issued?.raw).toBe('2001 Mar')
  })

  test('each number in brackets cites the entry of that number; a range every entry in it; an unlisted number nothing', () => {
    const {citations, entryOf} = referenceListOf(source)
    const text = citations.filter((citation) => citation.place === 'text')
    expect(text.map((citation) => [citation.text, entryOf(citation)?.item.author?.[0]?.family])).toEqual([
      ['1', 'Marlow'], ['2', 'Quill'], ['3', 'Denholm'], ['2', 'Quill'], ['3', 'Denholm'], ['4', 'Varnum'], ['5', 'Ashby']
    ])
  })

  test('the numbers of a bracket, each with its place; a link is no citation', () => {
    expect(findNumberedCitations('as shown [1, 3–5] and [see](x) [7](http://example.org)')).toEqual([
      {number: 1, start: 10, end: 11}, {number: 3, start: 13, end: 14}, {number: 4, start: 14, end: 14}, {number: 5, start: 15, end: 16}
    ])
  })

  test('a range stands for the numbers between its ends; a descending or a very wide one only for its ends', () => {
    expect(findNumberedCitations('[7-10]').map((cited) => cited.number)).toEqual([7, 8, 9, 10])
    expect(findNumberedCitations('[4–2]').map((cited) => cited.number)).toEqual([4, 2])
    expect(findNumberedCitations('[1–900]').map((cited) => cited.number)).toEqual([1, 900])
  })
})
