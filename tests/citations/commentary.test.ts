// A note's commentary is no citation: not before an archival reference (where it is no
// description of the document), and not on its own. Notes written for these tests.
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {extractCitations} from '../../pipeline/citations/index.js'
import {proseReference} from '../../pipeline/citations/split.js'
import {parseMarkdown} from '../../pipeline/markdown/index.js'
import {testMeta} from './document.js'

const meta = testMeta('article', 'en')

function run(notes: string[]) {
  const markdown = notes.map((_, index) => `Paragraph ${index + 1}.[^${index + 1}]`).join('\n\n') + '\n\n' + notes.map((note, index) => `[^${index + 1}]: ${note}`).join('\n')
  const file = new VFile({path: 'test.md', value: markdown})
  const citations = extractCitations(parseMarkdown(markdown), meta, file)
  const notFound = file.messages.filter((message) => message.ruleId === 'citation-not-found').map((message) => Number(message.message.match(/note (\d+)/)?.[1]))
  return {citations, notFound}
}

const notes = [
  'Anna Berg, *The Harbour and the City* (London: Dock Press, 1990), 45.',
  'GARF, Fond 5, Opis 1, Delo 14, Papka 3. Ivanov’s letter was dated 12 March 1931.',
  'See, for example, Harbour Office report to the ministry, 3 May 1931, of the mayor’s promise that “the pier will be ready by the spring”: GARF, Fond 5, Opis 2, Delo 7, Papka 1; his remark that “if we close the canal, then the trade will move to the south” was marked by the reader at the ministry: GARF, Fond 12, Opis 3, Delo 9, Papka 4; Orlov promised to rebuild the pier “even though many of our friends in the capital tell us that we must not spend a kopek on it”: GARF, Fond 12, Opis 8, Delo 2, Papka 1.',
  'The old harbour board had been dissolved in 1921. However, the dissolution had been the act of the city and the province, not of the dockers themselves, who had never accepted it as legal. Furthermore, both councils regarded the board as a temporary body.',
  'Anna Berg has stated that in an interview she conducted, Capt. Pavel Orlov, head of the northern department of the port authority, stated that during a visit to Riga in March 1930 the mayor was sharply rebuked by the governor. The implication is that the plan was the governor’s, a scheme he forced on the mayor.'
]

describe('commentary in notes', () => {
  const {citations, notFound} = run(notes)
  const inNote = (note: number) => citations.filter((citation) => citation.note === note)

  test('a sentence about a document after its reference is no citation', () => {
    expect(inNote(2).map((citation) => citation.text)).toEqual(['GARF, Fond 5, Opis 1, Delo 14, Papka 3'])
  })

  test('commentary before an archival reference is no description of the document', () => {
    const [report, remark, promise] = inNote(3)
    expect(inNote(3)).toHaveLength(3)
    // A description in citation form keeps what it says.
    expect([report?.archival?.genre, report?.archival?.docDate]).toEqual(['report', '1931-05-03'])
    for (const citation of [remark, promise]) {
      expect(citation?.text).toMatch(/^GARF, Fond 12, /)
      expect(citation?.item.title).toBeUndefined()
      expect(citation?.item.issued).toBeUndefined()
      expect(citation?.archival).toMatchObject({archive: 'GARF', fond: '12'})
      for (const field of ['genre', 'from', 'to', 'docDate', 'description'] as const) expect(citation?.archival?.[field]).toBeUndefined()
    }
  })

  test('a note of commentary with a year gives no citation and an info diagnostic', () => {
    expect(inNote(4)).toEqual([])
    expect(inNote(5)).toEqual([])
    expect(notFound).toEqual([4, 5])
  })

  test('a citation of the same shape without the commentary is read as before', () => {
    expect(inNote(1).map((citation) => citation.item.title)).toEqual(['The Harbour and the City'])
  })
})

describe('references the labeller finds in prose', () => {
  const at = (note: string, reference: string): [string, number, number] => [note, note.indexOf(reference), note.indexOf(reference) + reference.length]

  test('a piece of a sentence of commentary is prose', () => {
    expect(proseReference(...at('The board had been dissolved long before. However, the act had been the city’s, not the dockers’, who had never accepted it.', 'the city’s, not the dockers’'))).toBe(true)
    expect(proseReference(...at('It is possible that a meeting such as Orlov described took place during the mayor’s May visit, after the governor had given his approval.', 'Orlov described took place during the mayor’s May'))).toBe(true)
  })

  test('a reference that prints a reference’s marks is kept, in prose or not', () => {
    expect(proseReference(...at('Such a fee had been levied before, as the charter says, Hist. Harbour, tom. iii.', 'Hist. Harbour, tom. iii'))).toBe(false)
    expect(proseReference(...at('The dispute had been settled before the hearing; Berg, supra note 4, 213.', 'Berg, supra note 4, 213'))).toBe(false)
    expect(proseReference(...at('The fee had been levied twice, as Berg showed in The Harbour (London 1990).', 'Berg showed in The Harbour (London 1990)'))).toBe(false)
    expect(proseReference(...at('Berg, The Harbour and the City, London 1990.', 'Berg, The Harbour and the City, London 1990'))).toBe(false)
  })
})
