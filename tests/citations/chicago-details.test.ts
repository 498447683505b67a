// Chicago notes: editors and translators after a title, editions and volumes before the facts,
// a chapter's pages and the page cited, reprints, a journal named alone, and manuscripts in a
// record office. Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {citeNotes, familyNames as names} from './document.js'

const cite = (notes: readonly string[]) => citeNotes(notes).inNote

describe('details of Chicago notes', () => {
  const inNote = cite([
    'Ruth Alder, "Mills and Millers," in *The Rural Economy of Kent*, ed. Simon Tate and Mary Fox (Canterbury: Kentish Press, 1997), 45–70, at 52.',
    'Olaf Berg, *A Journey to the Faroes*, ed. and trans. Karen Holm (London: Ship Society, 1961), 12.',
    'Henry Dale, *The Corn Laws*, 3rd ed., vol. 2 (London: Ward, 1871), 88.',
    'Joseph Mott, *The Coaster\'s Guide* (1790; repr., Bristol: Quay Books, 1979), 15.',
    '*Harbour Gazette* 41 (1823): 212.',
    'Edith Crane, letter book, 9 May 1781, MS 2210, fol. 3v, Cornwall Record Office.'
  ])

  test('the editors after a book\'s title; the chapter keeps its author, pages and the page cited', () => {
    const [chapter] = inNote(1)
    expect(names(chapter?.item.author)).toEqual(['Alder'])
    expect(names(chapter?.item.editor)).toEqual(['Tate', 'Fox'])
    expect(chapter?.item).toMatchObject({type: 'chapter', 'container-title': 'The Rural Economy of Kent', page: '45-70'})
    expect(chapter?.locator).toBe('52')
  })

  test('ed. and trans. names the editor and the translator', () => {
    const [book] = inNote(2)
    expect(names(book?.item.editor)).toEqual(['Holm'])
    expect(names(book?.item.translator)).toEqual(['Holm'])
    expect(names(book?.item.author)).toEqual(['Berg'])
  })

  test('an edition and a volume before the facts', () => {
    expect(inNote(3)[0]?.item).toMatchObject({title: 'The Corn Laws', edition: '3', volume: '2', publisher: 'Ward'})
  })

  test('a reprint: the first year is the original date, the place is the reprint\'s', () => {
    const [book] = inNote(4)
    expect(book?.item).toMatchObject({'publisher-place': 'Bristol', publisher: 'Quay Books'})
    expect(book?.item['original-date']?.['date-parts']?.[0]?.[0]).toBe(1790)
    expect(book?.item.issued?.['date-parts']?.[0]?.[0]).toBe(1979)
  })

  test('a journal named alone keeps its name beside the volume', () => {
    expect(inNote(5)[0]?.item).toMatchObject({type: 'article-journal', 'container-title': 'Harbour Gazette', volume: '41'})
    expect(inNote(5)[0]?.locator).toBe('212')
  })

  test('a manuscript in a record office: writer, document, shelfmark and folio', () => {
    const [document] = inNote(6)
    expect(document?.item).toMatchObject({type: 'document', title: 'letter book', archive: 'Cornwall Record Office', archive_location: 'MS 2210'})
    expect(names(document?.item.author)).toEqual(['Crane'])
    expect(document?.locator).toBe('3v')
  })
})

describe('volumes of a multivolume work cited by volume and page', () => {
  // `\:` as the annotated Markdown writes a colon before digits.
  const inNote = cite([
    'Mary Hollis, *The Harbour Papers* (London: Fenwick, 1990), 1\\:33.',
    'Hollis, *Harbour Papers*, 2\\:40–41.',
    'Ibid., 2\\:44.',
    'Ibid., 46.',
    'Hollis, *Harbour Papers*, 1\\:50.'
  ])

  test('a short form or Ibid. of another volume keeps its volume with the page', () => {
    expect(inNote(1)[0]).toMatchObject({locator: '33'})
    expect(inNote(1)[0]?.item.volume).toBe('1')
    expect(inNote(2)[0]).toMatchObject({shortForm: true, locator: '2:40-41'})
    expect(inNote(3)[0]).toMatchObject({ibid: true, locator: '2:44'})
    // Ibid. with a page alone cites the volume of the citation before it.
    expect(inNote(4)[0]).toMatchObject({ibid: true, locator: '2:46'})
    // The volume first cited needs no repeating.
    expect(inNote(5)[0]).toMatchObject({shortForm: true, locator: '50'})
  })
})
