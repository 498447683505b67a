/**
 * The bibliography lint (`bib-lint-*`): each defect a reader would notice is found on a small
 * fixture of its own; the bibliography built from the seeds and from fixture citations that
 * used to produce each defect has none.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {buildBibliography, type BibliographyInput} from '../../pipeline/bibliography/index.js'
import {lintItems} from '../../pipeline/bibliography/lint.js'
import {buildEdition} from '../../pipeline/build/edition.js'
import type {CitationOccurrence, ParsedCitation} from '../../pipeline/shared/types/citation.js'
import type {CslItem} from '../../pipeline/shared/types/csl.js'
import type {DocumentMeta} from '../../pipeline/shared/types/document.js'

function occurrence(key: string, text: string, locator?: string): CitationOccurrence {
  return {source: 'a.txt', document: 'a', note: 1, index: 0, text, key, ...(locator ? {locator, label: 'page' as const} : {}), ibid: false, shortForm: false}
}

const clean: CslItem[] = [
  {id: 'smith1990history', type: 'book', author: [{family: 'Smith', given: 'Ann'}], title: 'A History of the Harbour', issued: {'date-parts': [[1990]]}, volume: '2'},
  {id: 'jones1991port', type: 'article-journal', author: [{family: 'Jones', given: 'Bo'}], title: 'The Port', 'container-title': 'Maritime Review', issued: {'date-parts': [[1991]]}, page: '10-30'},
  {id: 'gaa-f1-op2-d3', type: 'document', archive: 'GAA', 'archive_location': 'f. 1, op. 2, d. 3, p. 4', custom: {archival: {archive: 'GAA', fond: '1', opis: '2', delo: '3', papka: '4'}}},
  {id: 'gaa1950harbour', type: 'document', author: [{literal: 'Harbour Office'}], recipient: [{family: 'Petrov'}], genre: 'letter', issued: {'date-parts': [[1950, 3, 2]]}, archive: 'GAA', 'archive_location': 'f. 1, op. 2, d. 5'}
]
const cleanOccurrences = [occurrence('smith1990history', 'Ann Smith, A History of the Harbour, vol. 2 (1990), 45.'), occurrence('jones1991port', 'Bo Jones, “The Port,” Maritime Review (1991): 12.', '12')]

/** One item per defect, with the occurrence that shows it where one is needed. */
const defects: Array<[rule: string, item: CslItem, occurrences?: CitationOccurrence[], dates?: Map<string, string>]> = [
  ['bib-lint-placeholder-title', {id: 'x1', type: 'document', title: 'Untitled', archive: 'GAA'}],
  ['bib-lint-placeholder-title', {id: 'x2', type: 'book', title: ''}],
  ['bib-lint-placeholder-title', {id: 'lee1996', type: 'interview', author: [{family: 'Lee'}], issued: {'date-parts': [[1996]]}}],
  ['bib-lint-invented-date', {id: 'x3', type: 'book', title: 'Ships', issued: {literal: 'XXXX'}}],
  ['bib-lint-invented-date', {id: 'x4', type: 'book', title: 'Ships', issued: {literal: 'n.d.'}}],
  ['bib-lint-invented-date', {id: 'x5', type: 'book', title: 'Boats'}, [occurrence('x5', 'Boats (London, 1955), 3.')]],
  ['bib-lint-invented-date', {id: 'x6', type: 'report', title: 'Rafts', custom: {editionDocument: 'rafts'}}, [], new Map([['rafts', '1993-11']])],
  ['bib-lint-prose-entry', {id: 'x7', type: 'document', title: 'in addition, there were ninety advisers', archive: 'GAA'}],
  ['bib-lint-prose-entry', {id: 'x8', type: 'document', title: 'In addition, there were ninety advisers." (', archive: 'GAA'}],
  ['bib-lint-prose-entry', {id: 'x9b', type: 'document', genre: 'letter', title: 'Petrov’s letter was dated 2 March 1950'}],
  ['bib-lint-prose-entry', {id: 'x9', type: 'book', title: 'The Fleet (Volume One', author: [{family: 'Ray'}]}],
  ['bib-lint-sender-dropped', {id: 'x10', type: 'document', genre: 'instruction', recipient: [{literal: 'Embassy'}], archive: 'GAA', 'archive_location': 'f. 2', custom: {sender: 'Centre'}}],
  ['bib-lint-sender-dropped', {id: 'x11', type: 'document', title: 'Harbour Office report to Embassy', recipient: [{literal: 'Embassy'}], archive: 'GAA', 'archive_location': 'f. 2'}],
  ['bib-lint-sender-dropped', {id: 'x11b', type: 'document', title: 'Ciphered telegram from Petrov to Ivanov', archive: 'GAA', 'archive_location': 'f. 2'}],
  ['bib-lint-prose-entry', {id: 'x15', type: 'document', genre: 'statement', recipient: [{literal: 'the north” was underlined by the reader'}], archive: 'GAA', 'archive_location': 'f. 3'}],
  ['bib-lint-prose-entry', {id: 'x17', type: 'document', title: 'Orlov promised to rebuild the pier “even though our friends in the capital tell us that we must not”', archive: 'GAA', 'archive_location': 'f. 5, op. 1, d. 2'}],
  ['bib-lint-prose-entry', {id: 'x18', type: 'document', title: 'Ivanov’s reply was dated 12 March 1931', custom: {unparsed: true}}],
  ['bib-lint-prose-entry', {id: 'x19', type: 'document', title: 'the city, not the dockers, who had never accepted the transfer. Moreover, both councils regarded it as temporary.', custom: {unparsed: true, literal: 'the city, not the dockers, who had never accepted the transfer. Moreover, both councils regarded it as temporary.'}}],
  ['bib-lint-prose-entry', {id: 'x20', type: 'document', genre: 'statement', archive: 'GAA', 'archive_location': 'f. 9, op. 1, d. 4'}, [occurrence('x20', 'his remark that “if we close the canal, trade will move south” was marked by the reader at the ministry: GAA, f. 9, op. 1, d. 4')]],
  ['bib-lint-volume-twice', {id: 'x12', type: 'book', author: [{family: 'Ray'}], title: 'The Fleet, Volume III, The Return', volume: 'III'}],
  ['bib-lint-cited-page', {id: 'x13', type: 'article-journal', author: [{family: 'Ray'}], title: 'Docks', 'container-title': 'Harbours', issued: {'date-parts': [[1991]]}, page: '59'}, [occurrence('x13', 'Ray, “Docks,” Harbours (1991), 59.', '59')]],
  ['bib-lint-cited-page', {id: 'x16', type: 'report', author: [{family: 'Ray'}], title: 'Barges', issued: {'date-parts': [[1990]]}, publisher: 'pp. 9 - 10'}],
  ['bib-lint-internal-key', {id: 'x14', type: 'document', title: 'Letter on smith1990history', archive: 'GAA'}],
  ['bib-lint-duplicate', {id: 'smith1990historya', type: 'book', author: [{family: 'Smith', given: 'A.'}], title: 'A history of the harbour.', issued: {'date-parts': [[1990]]}}]
]

/** Titles of every shape a bibliography holds, none of them prose. */
const titles = [
  'The Harbour and the Hinterland: Trade, Labour and Municipal Power in the Baltic Ports, 1880–1939',
  'Correspondence Between the Harbour Board of the City and the Ministers of Trade and Shipping of the Northern Provinces During the Depression of 1929–1933',
  'Who Owned the River? Customs, Tolls and Shipping on the Lower Volga, 1861–1917',
  'Why the pier was never finished? Municipal politics in a port town',
  'When the Cranes Stopped: Dock Strikes and the Making of a Port City',
  'Ports Were Built by Many Hands: Essays in Honour of a Harbour Historian',
  '“We Shall Build the Pier”: Municipal Promises and Public Works between the Wars',
  'A “Floating Republic”: Sailors, Councils and the Revolution of 1917 in the Baltic Fleet',
  'Ferries, tolls and bridges: a statistical survey of river crossings',
  'Gorod i port: ocherki istorii torgovogo flota na Baltike, 1880–1914',
  'Hafen und Stadt: was die Zollbücher über den Handel verraten, 1650–1800',
  'Le port et la ville. Ce que les archives nous apprennent sur le commerce maritime',
  'Il porto che non c’era: storia di un progetto mancato',
  'The Port That Was: Memories of a Vanished Waterfront',
  'Record of the Conversation between the Harbour Master and the Delegation of the Dockers’ Union on the Question of Night Shifts'
]

describe('prose and titles', () => {
  it.each(titles)('reads “%s” as a title', (title) => {
    expect(lintItems([...clean, {id: 'ray1990title', type: 'book', author: [{family: 'Ray'}], title, issued: {'date-parts': [[1990]]}}], {occurrences: cleanOccurrences})).toEqual([])
  })
})

describe('bibliography lint on fixtures', () => {
  it('finds nothing in entries that are right', () => {
    expect(lintItems(clean, {occurrences: cleanOccurrences})).toEqual([])
  })

  it.each(defects.map(([rule, item, occurrences, dates], index) => [`${rule} #${index}`, rule, item, occurrences, dates] as const))('%s', (_name, rule, item, occurrences, dates) => {
    const findings = lintItems([...clean, item], {occurrences: [...cleanOccurrences, ...(occurrences ?? [])], documentDates: dates})
    expect(findings.map((finding) => [finding.rule, finding.key])).toEqual([[rule, item.id]])
  })
})

const meta = (slug: string, date?: string): DocumentMeta => ({
  source: `${slug}.txt`, slug, title: 'Rafts and Ferries: New Evidence', authors: ['Ann Smith'], ...(date ? {date} : {}), kind: 'working-paper',
  sha256: '0'.repeat(64), convention: 'none', truncated: false, counts: {notes: 0, paragraphs: 0, emendations: {}, removed: {}}
} as DocumentMeta)

let position = 0
function cite(text: string, item: ParsedCitation['item'], extra: Partial<ParsedCitation> = {}): ParsedCitation {
  position++
  return {note: position, index: 0, text, item, ibid: false, shortForm: false, ...extra}
}

/** Citations as the citations stage hands over the kinds that used to make each defect. */
function fixtureInput(): BibliographyInput[] {
  position = 0
  const citations: ParsedCitation[] = [
    // The cited page is a locator, not the article's pages.
    cite('Bo Jones, “The Port,” Maritime Review 10, no. 4 (Winter 1991/92): 59.', {type: 'article-journal', author: [{family: 'Jones', given: 'Bo'}], title: 'The Port', 'container-title': 'Maritime Review', volume: '10', issue: '4', issued: {'date-parts': [[1991], [1992]], season: 4}, page: '59'}, {locator: '59', label: 'page'}),
    // The cited pages read as the publisher.
    cite('Ann Smith, “Barges,” Harbour Papers, Working paper, No. 3 (1990), pp. 9 - 10.', {type: 'report', author: [{family: 'Smith', given: 'Ann'}], title: 'Barges', 'container-title': 'Harbour Papers', genre: 'working paper', number: '3', issued: {'date-parts': [[1990]]}, publisher: 'pp. 9 - 10'}, {locator: '9-10', label: 'page'}),
    // The volume in the title and in `volume`.
    cite('Ann Smith, The Fleet, Volume II, The Return (London: Dock Press, 1990), 12.', {type: 'book', author: [{family: 'Smith', given: 'Ann'}], title: 'The Fleet, Volume II, The Return', volume: 'II', issued: {'date-parts': [[1990]]}, publisher: 'Dock Press', 'publisher-place': 'London'}, {locator: '12', label: 'page'}),
    // One work cited twice in slightly different forms: merged, reported as info.
    cite('Ann Smith, A History of the Harbour, Harbour Series (London, 1985).', {type: 'book', author: [{family: 'Smith', given: 'Ann'}], title: 'A History of the Harbour', 'container-title': 'Harbour Series', issued: {'date-parts': [[1985]]}, 'publisher-place': 'London'}),
    cite('A. Smith, A history of the harbour, Harbour Studies (1985), 4.', {type: 'book', author: [{family: 'Smith', given: 'A.'}], title: 'A history of the harbour', 'container-title': 'Harbour Studies', issued: {'date-parts': [[1985]]}, publisher: 'Dock Press'}, {locator: '4', label: 'page'}),
    // The sender named in the description; a sender that is an office.
    cite('VOKS letter to MID, 25 September 1947, GAA, f. 1, op. 7, d. 26.', {type: 'document', title: 'VOKS letter to MID', archive: 'GAA'}, {archival: {archive: 'GAA', fond: '1', opis: '7', delo: '26', to: 'MID', genre: 'letter', docDate: '25 September 1947', description: 'VOKS letter to MID'}}),
    cite('Instruction from the Centre to the Embassy, 23 September 1949, GAA, f. 3, op. 65, d. 776.', {type: 'document', title: 'Instruction from the Centre to the Embassy', archive: 'GAA'}, {archival: {archive: 'GAA', fond: '3', opis: '65', delo: '776', from: 'the Centre', to: 'Embassy', genre: 'instruction', docDate: '23 September 1949'}}),
    // The note's prose before an archival reference is left in the note: the file describes the item.
    cite('GAA, f. 7, op. 22, d. 235, p. 37', {type: 'document', archive: 'GAA'}, {archival: {archive: 'GAA', fond: '7', opis: '22', delo: '235', papka: '37'}}),
    cite('GAA, f. 9, op. 10, d. 15, p. 12', {type: 'document', archive: 'GAA'}, {archival: {archive: 'GAA', fond: '9', opis: '10', delo: '15', papka: '12'}}),
    // A citation the grammar could not read is kept as printed.
    cite('Harbour Board, Annual Returns, loose sheets', {type: 'document', title: 'Harbour Board, Annual Returns, loose sheets', custom: {unparsed: true, literal: 'Harbour Board, Annual Returns, loose sheets'}}, {unparsed: true}),
    // A periodical issue's year printed in parentheses.
    cite('Ray, “Docks,” Harbours, supplementary issue, No. 1 (October 1983), 110-11.', {type: 'article-journal', author: [{family: 'Ray'}], title: 'Docks', 'container-title': 'Harbours', page: '110-11'}, {locator: '110-11', label: 'page'}),
    // An interview known by its interviewee and date.
    cite('Author’s interview with A. Lee, 31 July 1996, Moscow.', {type: 'interview', author: [{family: 'Lee', given: 'A.'}], issued: {'date-parts': [[1996, 7, 31]]}}),
    // The edition's own document, cited without its date.
    cite('Ann Smith, “Rafts and Ferries: New Evidence,” Working Paper no. 8.', {type: 'report', author: [{family: 'Smith', given: 'Ann'}], title: 'Rafts and Ferries: New Evidence', number: '8', genre: 'working paper'})
  ]
  return [
    {meta: meta('rafts', '1993-11'), citations: [], file: new VFile({path: 'rafts.txt'})},
    {meta: meta('notes'), citations, file: new VFile({path: 'notes.txt'})}
  ].map((doc, index) => (index === 0 ? {...doc, meta: {...doc.meta, title: 'Rafts and Ferries: New Evidence'}} : {...doc, meta: {...doc.meta, title: 'Notes on Harbours'}}))
}

const lintMessages = (docs: BibliographyInput[]) => docs.flatMap((doc) => doc.file.messages).filter((message) => message.ruleId?.startsWith('bib-lint-'))

describe('bibliography lint after the fixes', () => {
  it('finds nothing in the bibliography of citations that used to make each defect', () => {
    const docs = fixtureInput()
    const bibliography = buildBibliography(docs)
    expect(lintMessages(docs).map((message) => message.reason)).toEqual([])
    const byTitle = (title: string) => bibliography.items.find((item) => item.title === title)
    expect(byTitle('The Port')?.page).toBeUndefined()
    expect(byTitle('The Fleet, Volume II, The Return')?.volume).toBeUndefined()
    expect(byTitle('Barges')?.publisher).toBeUndefined()
    expect(bibliography.items.filter((item) => item.title?.toLowerCase() === 'a history of the harbour')).toHaveLength(1)
    expect(docs[1]?.file.messages.filter((message) => message.ruleId === 'bib-merged-duplicate')).toHaveLength(1)
    const voks = bibliography.items.find((item) => item['archive_location']?.includes('d. 26'))
    expect([voks?.author?.[0]?.family, voks?.author?.[0]?.literal]).toContain('VOKS')
    expect(voks?.recipient).toEqual([{literal: 'MID'}])
    const centre = bibliography.items.find((item) => item['archive_location']?.includes('d. 776'))
    expect([centre?.author?.[0]?.family, centre?.author?.[0]?.literal]).toContain('Centre')
    expect(centre?.recipient).toEqual([{literal: 'Embassy'}])
    const prose = bibliography.items.find((item) => item['archive_location']?.includes('d. 235'))
    expect(prose?.title).toBeUndefined()
    expect(prose?.['archive_location']).toBe('f. 7, op. 22, d. 235, p. 37')
    const statement = bibliography.items.find((item) => item['archive_location']?.includes('d. 15'))
    expect([statement?.title, statement?.author, statement?.recipient, statement?.genre]).toEqual([undefined, undefined, undefined, undefined])
    expect(byTitle('Docks')?.issued).toEqual({'date-parts': [[1983]]})
    expect(bibliography.items.find((item) => item.type === 'interview')?.genre).toBe('interview')
    expect(byTitle('Rafts and Ferries: New Evidence')?.issued).toEqual({'date-parts': [[1993, 11]]})
    expect(bibliography.items.find((item) => item.title?.startsWith('Harbour Board'))?.custom?.unparsed).toBe(true)
    expect(docs[1]?.file.messages.filter((message) => message.ruleId === 'bib-unparsed-citation')).toHaveLength(1)
    for (const item of bibliography.items) expect(JSON.stringify(item)).not.toMatch(/XXXX|Untitled/)
  })

  it('finds nothing on the seeds', async () => {
    const result = await buildEdition({sources: 'sources', dryRun: true, jobs: 1, formats: ['markdown']})
    const findings = result.documents.flatMap((document) => document.file.messages)
      .filter((message) => message.ruleId?.startsWith('bib-lint-'))
      .map((message) => `${message.ruleId} ${message.reason}`)
    // Seed 002 prints “The Korean War in History Manchester, U.K.: …, 1989)”: the source lost
    // the opening parenthesis, and its sidecar gives the citation's facts as an editor's
    // override (the lint finds the defect without it: `bib-lint-prose-entry`, above).
    expect(findings).toEqual([])
    const kim = result.bibliography.items.find((item) => item.title === 'Who Invented the Korean War?')
    expect([kim?.['container-title'], kim?.publisher, kim?.issued?.['date-parts']]).toEqual(['The Korean War in History', 'University of Manchester Press', [[1989]]])
  }, 120_000)
})
