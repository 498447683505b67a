import {describe, expect, test} from 'vitest'
import {parseAuthorPointer} from '../../pipeline/citations/parse-published.js'
import {citeNotes, families} from './document.js'

const germanNotes = ['Marta Lindqvist, Recht und Ordnung im Dorf, Berlin 1990, S. 5.', 'Vgl. Paul Ebner, Die Mühlen am Fluss, Wien 1977, S. 12.']
const englishNotes = ['Hilda Marsh, *The Tolls of the Upper Weir* (Leeds: Garth Press, 1964), 40.', 'Committee on Inland Waters, *Working Paper on Weirs* (London: Board of Works, 1998), 3.']

describe('pointers to an earlier note inside a note', () => {
  test('a name and `Fußnote N` closing a sentence of prose is a short form of that note', () => {
    const {inNote} = citeNotes([...germanNotes, 'Die ältere Literatur stellt ausführlich zusammen z. B. Lindqvist, Fußnote 1, S. 88-90.'], 'de')
    const [short] = inNote(3)
    expect(families(short)).toEqual(['Lindqvist'])
    expect(short?.locator).toBe('88-90')
    expect(short?.resolvesTo?.note).toBe(1)
  })

  test('`X [quoted in:] Name, supra note N, p. P` is a short form of the work quoted from', () => {
    const {inNote} = citeNotes([...englishNotes, 'Kessler [quoted in:] Marsh, supra note 1, p. 44.'])
    const [short] = inNote(3)
    expect(families(short)).toEqual(['Marsh'])
    expect(short?.locator).toBe('44')
    expect(short?.resolvesTo?.note).toBe(1)
  })

  test('a short title before `supra note N` names the work; the prose after it is left out', () => {
    expect(parseAuthorPointer('See the 1998 Working Paper, supra note 2.')).toMatchObject({item: {title: '1998 Working Paper'}, opCit: true})
    expect(parseAuthorPointer('Draft Report, supra notes 4 and 9, p. 3')).toMatchObject({item: {title: 'Draft Report'}, locator: '3'})
    const {inNote} = citeNotes([...englishNotes, 'See the 1998 Working Paper, supra note 2. The words of the draft had this effect.'])
    const [short] = inNote(3)
    expect(short?.text).toBe('See the 1998 Working Paper, supra note 2.')
    expect(short?.resolvesTo?.note).toBe(2)
  })

  test('`Vgl. oben Anm. N` and `s. o. Fn. N, S. P` with no name resolve to that note', () => {
    const {inNote} = citeNotes([...germanNotes, 'Vgl. oben Anm. 1.', 'Vgl. oben Anm. 2, S. 7.'], 'de')
    expect(inNote(3).map((citation) => citation.resolvesTo?.note)).toEqual([1])
    expect(inNote(4).map((citation) => [citation.resolvesTo?.note, citation.locator])).toEqual([[2, '7']])
    expect(families(inNote(4)[0])).toBeUndefined()
  })

  test('a paragraph or margin number after the pointer is its locator', () => {
    expect(parseAuthorPointer('Art. 12bis, supra note 8, para. 2.')).toMatchObject({item: {title: 'Art. 12bis'}, locator: '2', label: 'paragraph'})
    expect(parseAuthorPointer('Weber, supra note 3, Rn. 14.')).toMatchObject({item: {author: [{family: 'Weber'}]}, locator: '14', label: 'paragraph'})
    expect(parseAuthorPointer('Weber, Fn. 3, Rz. 7-9.')).toMatchObject({locator: '7-9', label: 'paragraph'})
  })

  test('a sentence that names a note without a work is no pointer', () => {
    expect(parseAuthorPointer('Oben Anm. 3 nennt die älteren Zahlen.')).toBeUndefined()
    expect(parseAuthorPointer('The Report, supra note 3, gives the older figures.')).toBeUndefined()
  })
})
