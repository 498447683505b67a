// Law notes in the Bluebook's form (articles by volume, review and page; books with the page
// before the brackets; `Id. at`), international law notes (`Title, 2nd ed. (2006), 212`) and
// German court decisions with the journal that printed them. Notes written for these tests.
import {describe, expect, test} from 'vitest'
import {parseLegal} from '../../pipeline/citations/legal.js'
import {citeNotes, families} from './document.js'

describe('law review notes', () => {
  const notes = [
    'See Mara K. Osterfeld, *The Quiet Statute*, 88 Yale L.J. 1201, 1210 (1979).',
    'Id. at 1215.',
    'Osterfeld, supra note 1, at 1220; see also Peter Lind & Hana Rask, Harbour Custom and the Courts, 12 J. Legal Hist. 45 (1991).',
    'H.L.A. Hart, The Concept of Law 94 (2d ed. 1994).',
    'RUTH CASTELL, THE LAW OF THE FORESHORE 22–28 (1977); PETER AMBLER & NORA VANCE, HARBOUR & TIDE (6th ed. 2012).',
    'Id.'
  ]
  const {inNote, target} = citeNotes(notes)

  test('an article: authors, title, the review as container, its volume and first page, the page cited', () => {
    const [article] = inNote(1)
    expect(article?.item).toMatchObject({type: 'article-journal', title: 'The Quiet Statute', 'container-title': 'Yale L.J.', volume: '88', page: '1201'})
    expect(families(article)).toEqual(['Osterfeld'])
    expect(article?.item.issued?.['date-parts']?.[0]?.[0]).toBe(1979)
    expect(article?.locator).toBe('1210')
    // The signal before the names is no part of the citation.
    expect(article?.text).toMatch(/^Mara K\. Osterfeld/)
    const [, second] = inNote(3)
    expect(second?.item).toMatchObject({title: 'Harbour Custom and the Courts', 'container-title': 'J. Legal Hist.', volume: '12', page: '45'})
    expect(families(second)).toEqual(['Lind', 'Rask'])
  })

  test('Id. at in a document of Chicago notes is Ibid. too', () => {
    const {inNote: chicago} = citeNotes(['Margaret Holloway, *The Salt Merchants* (Oxford: Clarendon Press, 1998), 212.', 'Id. at 215.'])
    expect(chicago(2)[0]).toMatchObject({ibid: true, locator: '215'})
  })

  test('Id. and Id. at are Ibid., with the page after at', () => {
    expect(inNote(2)[0]).toMatchObject({ibid: true, locator: '1215'})
    expect(target(inNote(2)[0])?.note).toBe(1)
    expect(inNote(6)[0]?.ibid).toBe(true)
    expect(target(inNote(6)[0])?.note).toBe(5)
  })

  test('a book: the page before the brackets is cited, the edition is read in them', () => {
    const [hart] = inNote(4)
    expect(hart?.item).toMatchObject({type: 'book', title: 'The Concept of Law', edition: '2'})
    expect(families(hart)).toEqual(['Hart'])
    expect(hart?.locator).toBe('94')
    const [castell, ambler] = inNote(5)
    expect(castell?.item.title).toBe('THE LAW OF THE FORESHORE')
    expect(castell?.locator).toBe('22-28')
    expect(families(ambler)).toEqual(['AMBLER', 'VANCE'])
    expect(ambler?.item).toMatchObject({title: 'HARBOUR & TIDE', edition: '6'})
  })
})

describe('what law-note patterns leave alone', () => {
  test('a title with a span of years is no page cited, and a place with a comma is another style', () => {
    expect(parseLegal('Karl Vogt, Die Hafenstädte 1815-1914 (Bremen 1990).')).toBeUndefined()
    expect(parseLegal('Ruth Ames, The Salt Roads (London, 2003), 12.')).toBeUndefined()
  })
  test('a journal issue by its season is no book', () => {
    expect(parseLegal('John Doe, “Harbours, Tides and Trade.” The Maritime Review, Vol. 3, No. 1 (Spring 1994), pp. 27-28.')).toBeUndefined()
  })
  test('one-word names are no authors of a law note', () => {
    expect(parseLegal('Harbours, Tides, Trade and the Sea 12 (1990).')).toBeUndefined()
  })
  test('an international law note: the edition after the title, the page after the brackets', () => {
    expect(parseLegal('M. Okafor, The Law of the Sea Bed, 2nd ed. (2006), 212.')).toMatchObject({
      item: {type: 'book', title: 'The Law of the Sea Bed', edition: '2', author: [{family: 'Okafor', given: 'M.'}]},
      locator: '212'
    })
  })
})

describe('German court decisions', () => {
  test('the journal that printed a decision, its year and first page, and the page cited', () => {
    const {inNote} = citeNotes(['Vgl. BGH, Urteil vom 3.2.2010 – 5 StR 12/09, NStZ 2010, 276 (278).'], 'de')
    expect(inNote(1)[0]?.item).toMatchObject({type: 'legal_case', authority: 'BGH', 'container-title': 'NStZ', page: '276'})
    expect(inNote(1)[0]?.locator).toBe('278')
  })
})

describe('journals in other styles', () => {
  test('a German journal by volume and year, with its pages after, is no law note book', () => {
    expect(parseLegal('Karl Vogt, Hafenarbeit im Wandel, in: Zeitschrift für Küstengeschichte 55 (1968), S. 329–347.')).toBeUndefined()
    expect(parseLegal('Karl Vogt, Hafenarbeit im Wandel, Zeitschrift für Küstengeschichte 55 (1968), 329–347.')).toBeUndefined()
    expect(parseLegal('Anna K. Berg, Tomas Lind, Journal of Harbour Logistics 130 (2001) 169-189.')).toBeUndefined()
  })
})

describe('European cases and acts', () => {
  test('a judgment by court, chamber, date, parties and case number', () => {
    expect(parseLegal('Court of Justice, Fourth Chamber, judgment of 4 March 2019, Harbour Lines, case C-412/17.')?.item).toEqual({
      type: 'legal_case', authority: 'Court of Justice', section: 'Fourth Chamber', number: 'C-412/17', title: 'Harbour Lines',
      issued: {'date-parts': [[2019, 3, 4]], raw: '4 March 2019'}
    })
  })
  test('a case by its number, parties and the reports or its ECLI', () => {
    expect(parseLegal('Case C-14/68, Kessel v. Hafenamt Emden, 1969 E.C.R. 25.')?.item).toMatchObject({type: 'legal_case', number: 'C-14/68', title: 'Kessel v. Hafenamt Emden', 'container-title': 'E.C.R.', page: '25', issued: {'date-parts': [[1969]]}})
    expect(parseLegal('Case C-201/16, Nordmole, EU:C:2018:77, para. 12.')?.item).toMatchObject({number: 'C-201/16', title: 'Nordmole', custom: {ecli: 'EU:C:2018:77'}, issued: {'date-parts': [[2018]]}})
  })
  test('acts: the year is first in directives and new acts, second in older regulations', () => {
    const year = (text: string) => parseLegal(text)?.item.issued?.['date-parts']?.[0]?.[0]
    expect(parseLegal('Council Directive 85/374/EEC on liability')?.item).toMatchObject({type: 'legislation', title: 'Council Directive 85/374/EEC', number: '85/374/EEC'})
    expect(year('Council Directive 85/374/EEC')).toBe(1985)
    expect(year('Regulation (EEC) No 1612/68')).toBe(1968)
    expect(year('Regulation (EU) 2017/745')).toBe(2017)
    expect(year('Article 4, Regulation 1185/2009.')).toBe(2009)
  })
  test('in a note read by the labeller, the judgment is the citation', () => {
    const {inNote} = citeNotes(['On the rule see Court of Justice, Seventh Chamber, judgment of 9 May 2012, Portline, case C-77/11.'])
    expect(inNote(1).map((citation) => citation.item.type)).toEqual(['legal_case'])
  })
})
