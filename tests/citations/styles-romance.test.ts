// Citations in French, Italian and German notes (short forms, Ibid. and same-author marks,
// editors' cues), author-date citations inside a sentence, and classical, legal and oral-history
// references in Chicago notes. Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'
import {parseLegal} from '../../pipeline/citations/legal.js'
import {parseMemoir} from '../../pipeline/citations/oral-history.js'
import {readLocator} from '../../pipeline/citations/published-locator.js'
import {citeNotes, families} from './document.js'

describe('French notes', () => {
  const notes = [
    'Hélène Vasseur, « Les greniers de la ville », *Revue du Nord*, vol. 31, 1966, p. 101-130.',
    'Luc Ferrand, *La draperie picarde à l’époque moderne*, t. 3, Lille, Desclée, 1981, p. 212.',
    'Id., *Les foires de Beaucaire*, Nîmes, 1985, p. 40 sqq.',
    'Ibidem, p. 44.',
    'Vasseur, art. cit., p. 118.',
    'Ferrand, op. cit., p. 215 et passim.',
    'Idem, *Les marchands*, éd. Paul Lenoir, Paris, 1990.'
  ]
  const {inNote, target} = citeNotes(notes, 'fr')

  test('a book with its tome, place and publisher is a book', () => {
    const [book] = inNote(2)
    expect(book?.item.type).toBe('book')
    expect(book?.item.volume).toBe('3')
    expect(book?.item['publisher-place']).toBe('Lille')
    expect(book?.item.publisher).toBe('Desclée')
    expect(book?.locator).toBe('212')
  })

  test('Id. and Idem take the author of the citation before; a town alone is the place', () => {
    const [same] = inNote(3)
    expect(families(same)).toEqual(['Ferrand'])
    expect(same?.item.title).toBe('Les foires de Beaucaire')
    expect(same?.item['publisher-place']).toBe('Nîmes')
    expect(same?.item.publisher).toBeUndefined()
    expect(same?.locator).toBe('40')
    const [edited] = inNote(7)
    expect(families(edited)).toEqual(['Ferrand'])
    expect(families(edited, 'editor')).toEqual(['Lenoir'])
    expect(edited?.item.title).toBe('Les marchands')
  })

  test('Ibidem is the work before with its own page', () => {
    const [ibid] = inNote(4)
    expect(ibid?.ibid).toBe(true)
    expect(ibid?.locator).toBe('44')
    expect(target(ibid)?.note).toBe(3)
  })

  test('art. cit. and op. cit. are short forms of the author’s work cited before', () => {
    const [article] = inNote(5)
    expect(article?.shortForm).toBe(true)
    expect(article?.locator).toBe('118')
    expect(target(article)?.item['container-title']).toBe('Revue du Nord')
    const [book] = inNote(6)
    expect(book?.shortForm).toBe(true)
    expect(target(book)?.note).toBe(2)
  })
})

describe('more French spellings', () => {
  const notes = [
    'Sylvie Perrin, *Les tanneurs de Lyon*, vol. 2, Lyon, PUL, 1993, pp. 60-62.',
    'Ead., *Les teinturiers*, dir. Paul Morin, Paris, Seuil, 1996, p. 7 et passim.',
    'Perrin, loc. cit.',
    'Voir Perrin, op. cit., p. 70 ; id., *Les teinturiers*, op. cit., p. 9.'
  ]
  const {inNote, target} = citeNotes(notes, 'fr')

  test('a town before a publisher read as one publisher is the place', () => {
    const [book] = parseReferences('Claire Vidal, *Le Havre au XVIe siècle*, Caen, Presses universitaires, 1979.')
    expect(book?.parse.item).toMatchObject({'publisher-place': 'Caen', publisher: 'Presses universitaires'})
  })

  test('a title in emphasis is one title, whatever place it names; an acronym after the place is the publisher', () => {
    const [book] = inNote(1)
    expect(book?.item).toMatchObject({type: 'book', title: 'Les tanneurs de Lyon', volume: '2', 'publisher-place': 'Lyon', publisher: 'PUL'})
    expect(book?.locator).toBe('60-62')
  })

  test('Ead. and id. in lower case after a semicolon take the author; dir. names the editor; loc. cit. is a short form', () => {
    expect(families(inNote(2)[0])).toEqual(['Perrin'])
    expect(families(inNote(2)[0], 'editor')).toEqual(['Morin'])
    expect(inNote(2)[0]?.locator).toBe('7')
    expect(target(inNote(3)[0])?.note).toBe(1)
    const [first, second] = inNote(4)
    expect(target(first)?.note).toBe(1)
    expect(families(second)).toEqual(['Perrin'])
    expect(target(second)?.note).toBe(2)
    expect(second?.locator).toBe('9')
  })
})

describe('Italian spellings read by the labeller', () => {
  test('a volume in roman numerals, Ivi with a capital', () => {
    const {inNote, target} = citeNotes(['Cfr. Rosa Villa, *Storia di Lucca*, vol. III, Pisa, ETS, 1983, pp. 5 sgg.', 'Ivi, pp. 22-23.'], 'it')
    expect(inNote(1)[0]?.item.volume).toBe('III')
    expect(inNote(2)[0]?.ibid).toBe(true)
    expect(inNote(2)[0]?.locator).toBe('22-23')
    expect(target(inNote(2)[0])?.note).toBe(1)
  })
})

describe('Italian notes', () => {
  const notes = [
    'Carla Rinaldi, *I mercanti di Lucca*, a cura di Marco Donati, Firenze, Olschki, 1979, p. 15.',
    'Pietro Sala, *La seta e il credito*, Torino, Einaudi, 1988, pp. 30-34.',
    'Rinaldi, *I mercanti* cit., p. 19; ivi, p. 21.',
    'Sala, *La seta* cit., p. 40; ibid., p. 41.'
  ]
  const {inNote, target} = citeNotes(notes, 'it')

  test('a cura di names the editor, not words of the title', () => {
    const [book] = inNote(1)
    expect(book?.item.title).toBe('I mercanti di Lucca')
    expect(families(book)).toEqual(['Rinaldi'])
    expect(families(book, 'editor')).toEqual(['Donati'])
    expect(book?.item['publisher-place']).toBe('Firenze')
  })

  test('cit. marks a short form; ivi and ibid. the work cited just before', () => {
    const [short, ivi] = inNote(3)
    expect(short?.shortForm).toBe(true)
    expect(short?.locator).toBe('19')
    expect(target(short)?.note).toBe(1)
    expect(ivi?.ibid).toBe(true)
    expect(ivi?.locator).toBe('21')
    const [other, ibid] = inNote(4)
    expect(target(other)?.note).toBe(2)
    expect(ibid?.ibid).toBe(true)
    expect(ibid?.locator).toBe('41')
  })
})

describe('German notes', () => {
  test('Ders. and Dies. take the authors of the citation in the note before', () => {
    const {inNote} = citeNotes(['Anna Roth, Die Gilden der Hanse, Lübeck 1968, S. 12.', 'Dies., Kaufleute im Norden, Kiel 1975, S. 30.', 'Ders., Ein Titel, Hamburg 1980, S. 2.'], 'de')
    expect(families(inNote(2)[0])).toEqual(['Roth'])
    expect(inNote(2)[0]?.item.title).toBe('Kaufleute im Norden')
  })

  test('Ders. with a colon takes the author; a.a.O. after a name is a short form in both spellings', () => {
    const {inNote, target} = citeNotes(['Otto Brand, Die Fischer, Emden 1961, S. 5.', 'Ders.: Die Deiche, Aurich 1966, S. 9.', 'Brand, a.a.O., S. 30.', 'Brand, a. a. O., S. 32.'], 'de')
    expect(families(inNote(2)[0])).toEqual(['Brand'])
    expect(inNote(2)[0]?.item.title).toBe('Die Deiche')
    expect(inNote(3).map((citation) => [citation.shortForm, citation.locator, target(citation)?.note])).toEqual([[true, '30', 1]])
    expect(inNote(4).map((citation) => [citation.shortForm, citation.locator, target(citation)?.note])).toEqual([[true, '32', 1]])
  })
})

describe('German references read by the labeller', () => {
  test('the book before `hrsg. von` is the container, the names after it the editors', () => {
    const [chapter] = parseReferences('Paul Lenz, Die Häfen der Ostsee, in: Der Handel im Norden, hrsg. von Anna Roth/Karl Weiß, Kiel 1990, S. 10-20.')
    expect(chapter?.parse.item['container-title']).toBe('Der Handel im Norden')
    expect(chapter?.parse.item.editor?.map((name) => name.family)).toEqual(['Roth', 'Weiß'])
    expect(chapter?.parse.item.title).toBe('Die Häfen der Ostsee')
  })

  test('after the names, a title opening with an article is the title; a particle stays in the name', () => {
    const [book] = parseReferences('Otto Brand, Die Fischer, Emden 1961, S. 5.')
    expect(book?.parse.item).toMatchObject({title: 'Die Fischer', 'publisher-place': 'Emden', author: [{family: 'Brand', given: 'Otto'}]})
    const [article] = parseReferences('Marsh K, Hollis R, Le Breton P (2001) Tidal mills of the coast. J Coast Hist 4:10-20')
    expect(article?.parse.item.title).toBe('Tidal mills of the coast')
    expect(article?.parse.item.author).toHaveLength(3)
  })

  test('a name as printed after a page and its full stop starts the next reference', () => {
    const references = parseReferences('Amt für Häfen, Jahrbuch der Häfen, Kiel 1997, S. 106. Karl Weiß, ebd., S. 40.')
    expect(references.map((reference) => reference.text)).toEqual(['Amt für Häfen, Jahrbuch der Häfen, Kiel 1997, S. 106.', 'Karl Weiß, ebd., S. 40.'])
    expect(references[1]?.parse.item.author?.[0]?.family).toBe('Weiß')
    expect(references[1]?.parse.locator).toBe('40')
  })
})

describe('an oral history read by the labeller', () => {
  test('is an interview with its collection', () => {
    const [interview] = parseReferences('Oral history interview with Edna Marsh, 9 October 1982, Lakeside Mill Workers Collection, tape 4.')
    expect(interview?.parse.item).toMatchObject({type: 'interview', archive: 'Lakeside Mill Workers Collection', archive_location: 'tape 4'})
    expect(interview?.parse.item.author?.[0]?.family).toBe('Marsh')
  })
})

describe('author-date citations inside a sentence', () => {
  test('keep the names, year and page, not the sentence around them', () => {
    const references = parseReferences('Brenner (2001: 17) and Okafor (1998, 63) both make the same point.')
    expect(references.map((reference) => reference.text)).toEqual(['Brenner (2001: 17)', 'Okafor (1998, 63)'])
    expect(references.map((reference) => reference.parse.item.title)).toEqual([undefined, undefined])
    expect(references.map((reference) => reference.parse.locator)).toEqual(['17', '63'])
    expect(references.map((reference) => reference.parse.item.issued?.['date-parts']?.[0]?.[0])).toEqual([2001, 1998])
  })

  test('a word that opens the sentence is no given name; names joined by and are two citations', () => {
    const [cited] = parseReferences('As Brenner (2001, p. 17) shows, the ports grew.')
    expect(cited?.text).toBe('Brenner (2001, p. 17)')
    expect(cited?.parse.item.author).toEqual([{family: 'Brenner'}])
    const both = parseReferences('Both Brenner (2001) and Okafor (1998) agree.')
    expect(both.map((reference) => reference.parse.item.author?.[0])).toEqual([{family: 'Brenner'}, {family: 'Okafor'}])
  })
})

describe('classical, legal and oral-history references in Chicago notes', () => {
  const notes = [
    'Livy, *Ab urbe condita* 21.4–5; Seneca, *Epistulae* 90.12.',
    '*Carter v. Harbor Commission*, 212 U.S. 301, 309 (1908).',
    'Statute 5 Geo. II c. 7; see also 3 & 4 Will. IV c. 73.',
    'Oral history interview with Thomas Brandt, 4 June 1979, Riverside Labor History Project, tape 2.',
    'Ann Whitcombe, *Docks and Dockers* (Liverpool: Merseyside Press, 1985), 77.'
  ]
  const {inNote} = citeNotes(notes, 'en')

  test('a book.chapter locator is kept whole', () => {
    expect(inNote(1).map((citation) => citation.locator)).toEqual(['21.4-5', '90.12'])
    expect(inNote(1).map((citation) => citation.item.title)).toEqual(['Ab urbe condita', 'Epistulae'])
    // An ancient work is cited without an edition: no short form of one cited before.
    expect(inNote(1).map((citation) => citation.shortForm)).toEqual([false, false])
  })

  test('a case is a legal_case with its reporter, volume, page and year', () => {
    const [legal] = inNote(2)
    expect(legal?.item).toMatchObject({type: 'legal_case', title: 'Carter v. Harbor Commission', 'container-title': 'U.S.', volume: '212', page: '301'})
    expect(legal?.item.issued?.['date-parts']?.[0]?.[0]).toBe(1908)
    expect(legal?.locator).toBe('309')
  })

  test('statutes by regnal year and chapter are legislation', () => {
    expect(inNote(3).map((citation) => [citation.item.type, citation.item.title])).toEqual([
      ['legislation', '5 Geo. II c. 7'],
      ['legislation', '3 & 4 Will. IV c. 73']
    ])
  })

  test('an oral history interview names the person interviewed and keeps the collection', () => {
    const [interview] = inNote(4)
    expect(interview?.item.type).toBe('interview')
    expect(families(interview)).toEqual(['Brandt'])
    expect(interview?.item.archive).toBe('Riverside Labor History Project')
    expect(interview?.item.archive_location).toBe('tape 2')
    expect(interview?.item.issued?.['date-parts']?.[0]).toEqual([1979, 6, 4])
  })
})

describe('French, Italian and German notes in a document of Chicago notes', () => {
  const notes = [
    'Mary Quill, *Tide Mills of Essex* (Colchester: Harwich Press, 1994), 12.',
    'Odile Marchal, « Le sel de Brouage », *Cahiers du Marais*, vol. 44, 1970, p. 9-31.',
    'Marchal, art. cit., p. 20.',
    'Idem, *Les sauniers*, Saintes, 1975, p. 8 sqq.',
    'Ibidem, p. 11.',
    'Quill, *Tide Mills* cit., p. 30; ivi, p. 31.',
    'Quill, loc. cit.',
    'Ebd., S. 14.'
  ]
  const {inNote, target} = citeNotes(notes, 'en')

  test('short forms and Ibid. in any of their spellings resolve', () => {
    expect(target(inNote(3)[0])?.note).toBe(2)
    expect(inNote(3)[0]?.locator).toBe('20')
    const [short, ivi] = inNote(6)
    expect(target(short)?.note).toBe(1)
    expect(ivi?.ibid).toBe(true)
    expect(ivi?.locator).toBe('31')
    expect(target(inNote(7)[0])?.note).toBe(1)
    expect(inNote(5)[0]?.ibid).toBe(true)
    expect(inNote(8)[0]?.locator).toBe('14')
  })

  test('Ibid. with a tome keeps the tome and the page', () => {
    const {inNote: note} = citeNotes(['Mary Quill, *Tide Mills of Essex* (Colchester: Harwich Press, 1994), 12.', 'Ibid., t. 2, p. 40.'], 'en')
    expect(note(2)[0]).toMatchObject({ibid: true, locator: '40'})
    expect(note(2)[0]?.item.volume).toBe('2')
  })

  test('a French book without brackets is read with its place, and Idem takes the author', () => {
    const [book] = inNote(4)
    expect(families(book)).toEqual(['Marchal'])
    expect(book?.item.title).toBe('Les sauniers')
    expect(book?.item['publisher-place']).toBe('Saintes')
    expect(book?.locator).toBe('8')
  })
})

describe('classical references read by the labeller', () => {
  test('author, title and a book.chapter locator kept whole', () => {
    const references = parseReferences('Sallust, Bellum Iugurthinum 41.2–3; Polybius, Historiae 6.11.')
    expect(references.map((reference) => [reference.parse.item.author?.[0]?.family, reference.parse.item.title, reference.parse.locator])).toEqual([
      ['Sallust', 'Bellum Iugurthinum', '41.2-3'],
      ['Polybius', 'Historiae', '6.11']
    ])
  })
})

describe('rule readers', () => {
  test('English reports and the United States Code', () => {
    expect(parseLegal('Hale v Marsh [1911] 2 KB 410, 415.')?.item).toMatchObject({type: 'legal_case', title: 'Hale v Marsh', 'container-title': 'KB', volume: '2', page: '410'})
    expect(parseLegal('*Pell v. Stokes*, 3 U.S. (2 Dall.) 88, 91 (1795).')?.item).toMatchObject({'container-title': 'U.S.', volume: '3', page: '88'})
    expect(parseLegal('See 42 U.S.C. § 1983.')?.item).toMatchObject({type: 'legislation', 'container-title': 'U.S.C.', volume: '42', section: '1983'})
    expect(parseLegal('Hale and Marsh met in 1911, 2 miles away.')).toBeUndefined()
  })

  test('a plain interview is an oral history only with a collection named', () => {
    expect(parseMemoir('Interview with Mary Ostrowski, 3 May 1975, Mill Town Archives, cassette 1')?.item.archive).toBe('Mill Town Archives')
    expect(parseMemoir('Interview with Mary Ostrowski, 3 May 1975, Warsaw')).toBeUndefined()
  })

  test('a dotted locator is classical only when it stands alone', () => {
    const found: {locator?: string} = {}
    readLocator(' 3.2.1', found)
    expect(found.locator).toBe('3.2.1')
    const page: {locator?: string} = {}
    readLocator(', 45', page)
    expect(page.locator).toBe('45')
  })
})
