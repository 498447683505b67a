import {describe, expect, test} from 'vitest'
import {parseAuthorPointer} from '../../pipeline/citations/parse-published.js'
import {citeNotes, families} from './document.js'

const germanNotes = ['Marta Lindqvist, Recht und Ordnung im Dorf, Berlin 1990, S. 5.', 'Vgl. Paul Ebner, Die Mühlen am Fluss, Wien 1977, S. 12.']
const englishNotes = ['Hilda Marsh, *The Tolls of the Upper Weir* (Leeds: Garth Press, 1964), 40.', 'Board of Navigation, *Report on Canal Tolls* (London: Board of Works, 1998), 3.']

describe('pointers to an earlier note inside a note', () => {
  test('a name and `Fußnote N` closing a sentence of prose is a short form of that note', () => {
    const {inNote} = citeNotes([...germanNotes, 'Eine Übersicht der dörflichen Ordnungen bietet etwa Lindqvist, Fußnote 1, S. 31-33.'], 'de')
    const [short] = inNote(3)
    expect(families(short)).toEqual(['Lindqvist'])
    expect(short?.locator).toBe('31-33')
    expect(short?.resolvesTo?.note).toBe(1)
  })

  test('`X [quoted in:] Name, supra note N, p. P` is a short form of the work quoted from', () => {
    const {inNote} = citeNotes([...englishNotes, 'The lock-keeper’s petition [quoted in:] Marsh, supra note 1, p. 7.'])
    const [short] = inNote(3)
    expect(families(short)).toEqual(['Marsh'])
    expect(short?.locator).toBe('7')
    expect(short?.resolvesTo?.note).toBe(1)
  })

  test('a short title before `supra note N` names the work; the prose after it is left out', () => {
    expect(parseAuthorPointer('See the Report on Canal Tolls, supra note 2.')).toMatchObject({item: {title: 'Report on Canal Tolls'}, opCit: true})
    expect(parseAuthorPointer('Draft Report, supra notes 4 and 9, p. 3')).toMatchObject({item: {title: 'Draft Report'}, locator: '3'})
    const {inNote} = citeNotes([...englishNotes, 'See the Report on Canal Tolls, supra note 2. Its tables stop before the locks were rebuilt.'])
    const [short] = inNote(3)
    expect(short?.text).toBe('the Report on Canal Tolls, supra note 2')
    expect(short?.resolvesTo?.note).toBe(2)
  })

  test('`Vgl. oben Anm. N` and `s. o. Fn. N, S. P` with no name resolve to that note', () => {
    const {inNote} = citeNotes([...germanNotes, 'Vgl. oben Anm. 1.', 'Vgl. oben Anm. 2, S. 7.'], 'de')
    expect(inNote(3).map((citation) => citation.resolvesTo?.note)).toEqual([1])
    expect(inNote(4).map((citation) => [citation.resolvesTo?.note, citation.locator])).toEqual([[2, '7']])
    expect(families(inNote(4)[0])).toBeUndefined()
  })

  test('a paragraph or margin number after the pointer is its locator', () => {
    expect(parseAuthorPointer('Rule 41, supra note 5, para. 14.')).toMatchObject({item: {title: 'Rule 41'}, locator: '14', label: 'paragraph'})
    expect(parseAuthorPointer('Weber, supra note 3, Rn. 14.')).toMatchObject({item: {author: [{family: 'Weber'}]}, locator: '14', label: 'paragraph'})
    expect(parseAuthorPointer('Weber, Fn. 3, Rz. 7-9.')).toMatchObject({locator: '7-9', label: 'paragraph'})
  })

  test('a sentence that names a note without a work is no pointer', () => {
    expect(parseAuthorPointer('Oben Anm. 3 nennt die älteren Zahlen.')).toBeUndefined()
    expect(parseAuthorPointer('The Report, supra note 3, gives the older figures.')).toBeUndefined()
  })
})
