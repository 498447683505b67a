import {describe, expect, test} from 'vitest'
import {isCitationLike} from '../../pipeline/citations/index.js'
import {splitNote} from '../../pipeline/citations/split.js'
import {citationsOf, testMeta} from './document.js'

const meta = testMeta('book', 'en')

/** The citations of notes in a document that cites in Chicago notes (its first note has publication facts). */
function extract(...notes: string[]) {
  const all = ['Anna Field, *The Long Summer* (New York: Harbor Press, 1921), 14.', ...notes]
  const markdown = all.map((_, index) => `x[^${index + 1}]`).join(' ') + '\n\n' + all.map((note, index) => `[^${index + 1}]: ${note}`).join('\n\n') + '\n'
  return citationsOf(markdown, meta).filter((citation) => citation.note > 1)
}

describe('dispatches and letters in Chicago notes', () => {
  test('a repository in brackets after a letter’s date stays with the letter', () => {
    const note = 'Letter from Morel (Rome) to Fabre (Paris), May 3, 1902. (Archives of the Foreign Ministry. Italie 1900–1905; Dossier Vol. 12, Mai 1902)'
    expect(splitNote(note).map((span) => note.slice(span.start, span.end))).toEqual([note])
    // A sentence in brackets that names no repository is a sentence of its own.
    const remark = 'Letter from Morel to Fabre, May 3, 1902. (He never answered it.)'
    expect(splitNote(remark)).toHaveLength(2)
  })

  test('the places in brackets after the correspondents are no part of their names', () => {
    const [letter] = extract('Letter from Morel (Rome) to Fabre (Paris), May 3, 1902. (Archives of the Foreign Ministry. Italie 1900–1905; Dossier Vol. 12, Mai 1902)')
    expect(letter?.archival).toMatchObject({from: 'Morel', to: 'Fabre', docDate: '1902-05-03'})
  })

  test('sender (place) to recipient (place) with a date is a citation without a genre word', () => {
    const citations = extract('Stone (Berlin) to Foreign Office (London), May 4, 1915. See *Papers Relating to Foreign Affairs, 1915, Supplement,* p. 41.')
    expect(citations.map((citation) => citation.text)).toEqual([
      'Stone (Berlin) to Foreign Office (London), May 4, 1915',
      '*Papers Relating to Foreign Affairs, 1915, Supplement,* p. 41'
    ])
    expect(citations[0]?.archival).toMatchObject({from: 'Stone', docDate: '1915-05-04'})
    expect(isCitationLike('Stone (Berlin) to Foreign Office (London), May 4, 1915')).toBe(true)
    // Prose that travels to a place is no dispatch.
    expect(isCitationLike('Stone (a banker) went to Berlin (by train), May 4, 1915')).toBe(false)
  })
})

describe('short forms and locators in Chicago notes', () => {
  test('a name alone before the page is the author of a work cited before', () => {
    const [short] = extract('Field, 22.')
    expect(short?.item.author).toEqual([{family: 'Field'}])
    expect(short?.item.title).toBeUndefined()
    expect(short).toMatchObject({shortForm: true, locator: '22', resolvesTo: {note: 1, index: 0}})
  })

  test('a lettered newspaper page and a bare page after place and year are locators', () => {
    const [paper, book] = extract('“Notes from Abroad,” *The Boston Herald*, May 3, 1911, p. SM4.', '“Berlin Under Siege,” *The Annals of the War*, Volume III (London: 1916), 212.')
    expect(paper).toMatchObject({locator: 'SM4', label: 'page'})
    expect(book).toMatchObject({locator: '212', shortForm: false})
    expect(book?.item.issued?.['date-parts']).toEqual([[1916]])
    expect(book?.item['publisher-place']).toBe('London')
  })
})

describe('oral history memoirs', () => {
  test('the person remembering is the author; date, page and collection are read', () => {
    const [memoir, short] = extract('The Reminiscences of Harold Amos Lane Jr., February–April 1961, 33, in the Yale Oral History Collection.', 'Lane, 35.')
    expect(memoir?.item).toMatchObject({
      type: 'interview',
      title: 'The Reminiscences of Harold Amos Lane Jr.',
      author: [{family: 'Lane', given: 'Harold Amos'}],
      archive: 'Yale Oral History Collection'
    })
    expect(memoir?.item.issued?.['date-parts']).toEqual([[1961, 4]])
    expect(memoir?.locator).toBe('33')
    expect(short).toMatchObject({shortForm: true, resolvesTo: {note: 2, index: 0}})
  })

  test('an interview by the author, with its place and date', () => {
    const [interview] = extract('Interview by the author with Edna Marsh, Lowestoft, 3 August 1991.')
    expect(interview?.item).toMatchObject({type: 'interview', author: [{family: 'Marsh', given: 'Edna'}], 'event-place': 'Lowestoft', issued: {'date-parts': [[1991, 8, 3]]}})
    expect(interview?.item.interviewer).toBeUndefined()
  })

  test('a title that only begins the same way is no memoir', () => {
    const [book] = extract('The Memoirs of a Tourist in the South, *a satire*, 12.')
    expect(book?.item.type).not.toBe('interview')
  })
})

describe('addresses without a scheme', () => {
  test('a bare host and path after a website’s name is its address, not part of the name', () => {
    const [page] = extract('Bureau of Records, “Staff Lists, 1800–1900,” Bureau of Records Website, records.example.gov/about/staff-lists')
    expect(page?.item).toMatchObject({title: 'Staff Lists, 1800–1900', 'container-title': 'Bureau of Records Website', URL: 'records.example.gov/about/staff-lists'})
  })
})

describe('an author’s initial before a year is no fond', () => {
  test('a document of author-date references with the initial F. is read by the labeller, not as archival files', () => {
    // Every note has `F. <year>`: read as fonds, the notes once made the document an archival one.
    const notes = [
      'Lorenz, F. 1997: Umzug und Familie. Eine Studie zur Wanderung von Paaren. Opladen: Leske.',
      'Brandt, K. und Lorenz, F. 2006: Pendeln als Lebensform. Zeitschrift für Soziologie, 35. Jg., Heft 2, 101–120.',
      'Lorenz, F. 1999: Paare und Arbeit. In H. Vogt (Hg.): Neue Wege der Forschung. Berlin: Springer, 45–60.'
    ]
    const markdown = '# Test\n\n' + notes.map((_, index) => `Text.[^${index + 1}]\n\n`).join('') + notes.map((note, index) => `[^${index + 1}]: ${note}\n`).join('')
    const found = citationsOf(markdown, testMeta('article', 'de'))
    expect(found.map((citation) => citation.archival)).toEqual([undefined, undefined, undefined])
    expect(found.map((citation) => citation.item.issued?.['date-parts']?.[0]?.[0])).toEqual([1997, 2006, 1999])
    expect(found[1]?.item['container-title']).toBe('Zeitschrift für Soziologie')
    expect(found[1]?.item.page).toBe('101-120')
    // A fond with its archive, or with further units, is still one.
    expect(citationsOf('# Test\n\nText.[^1]\n\n[^1]: Memorandum, 3 May 1950, RGASPI, F. 1950, op. 1, d. 12, l. 4.\n', testMeta('article', 'en'))[0]?.archival?.fond).toBe('1950')
  })
})
