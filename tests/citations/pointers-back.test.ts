import {describe, expect, test} from 'vitest'
import {parseAuthorPointer} from '../../pipeline/citations/parse-published.js'
import type {ParsedCitation} from '../../pipeline/shared/types/citation.js'
import {citeNotes, families, referenceListOf} from './document.js'

/** A citation as its text, authors, locator, and the note of the citation it resolves to. */
const shown = (citation: ParsedCitation) => ({text: citation.text, authors: families(citation), locator: citation.locator, resolves: citation.resolvesTo?.note ?? null, unparsed: citation.unparsed ?? false})

describe('an author and a pointer back to the work cited before', () => {
  test('op. cit. (emphasised), cit., loc. cit. after a name: the author, the locator after', () => {
    expect(parseAuthorPointer('Morvan, *op. cit.*, t. II, p. 19.')).toMatchObject({item: {author: [{family: 'Morvan'}], volume: 'II'}, locator: '19', opCit: true})
    expect(parseAuthorPointer('Gorini, cit., p. 60.')).toMatchObject({item: {author: [{family: 'Gorini'}]}, locator: '60', opCit: true})
    expect(parseAuthorPointer('Tullius, loc. cit.')).toMatchObject({item: {author: [{family: 'Tullius'}]}, opCit: true})
    expect(parseAuthorPointer('Garnier, *Les moulins*, *op. cit.*, p. 81.')).toMatchObject({item: {author: [{family: 'Garnier'}], title: 'Les moulins'}, locator: '81', opCit: true})
    expect(parseAuthorPointer('Obermaier, Handbuch, a. a. O., Bd. 2, S. 105.')).toMatchObject({item: {author: [{family: 'Obermaier'}], title: 'Handbuch', volume: '2'}, locator: '105', opCit: true})
    // A title glued to `cit.` is a short form of its own; a sentence is none.
    expect(parseAuthorPointer('Gorini, *Le terre* cit., p. 50.')).toBeUndefined()
    expect(parseAuthorPointer('Gorini, cit., p. 60, argues otherwise.')).toBeUndefined()
  })

  test('French, Italian and Latin notes resolve the pointer to the author cited before', () => {
    const fr = citeNotes(['Jeanne Morvan, *Les greniers du Poitou*, Paris, Éditions du Pré, 1987, t. II, p. 4.', 'Morvan, *op. cit.*, t. II, p. 19.'], 'fr')
    expect(fr.inNote(2).map(shown)).toEqual([{text: 'Morvan, *op. cit.*, t. II, p. 19.', authors: ['Morvan'], locator: '19', resolves: 1, unparsed: false}])
    const it = citeNotes(['Marta Gorini, *Le terre del grano*, Bologna, Il Mulino Verde, 2001, p. 45.', 'Ivi, p. 52.', 'Gorini, cit., p. 60.'], 'it')
    expect(it.inNote(3).map(shown)).toEqual([{text: 'Gorini, cit., p. 60.', authors: ['Gorini'], locator: '60', resolves: 1, unparsed: false}])
    const la = citeNotes(['Eberhard Tullius, *De re frumentaria* (Basel, 1721), p. 40 sq.', 'Tullius, loc. cit.'])
    expect(la.inNote(2).map(shown)).toEqual([{text: 'Tullius, loc. cit.', authors: ['Tullius'], locator: undefined, resolves: 1, unparsed: false}])
  })

  test('names before a bracketed editors\' cue are the editors; a short title before op. cit. resolves with it', () => {
    const {inNote} = citeNotes(['Voir Odile Garnier (éd.), *Les moulins de France*, Rennes, Presses du Rivage, 2003, p. 77-80.', 'Garnier, *Les moulins*, *op. cit.*, p. 81.'], 'fr')
    const [full] = inNote(1)
    expect(families(full, 'editor')).toEqual(['Garnier'])
    expect(full?.item.author).toBeUndefined()
    expect(inNote(2).map(shown)).toEqual([{text: 'Garnier, *Les moulins*, *op. cit.*, p. 81.', authors: ['Garnier'], locator: '81', resolves: 1, unparsed: false}])
  })

  test('Bluebook: an emphasised supra note resolves to the note it names, and Id. after it to that citation', () => {
    const {inNote, target} = citeNotes(['Dana Pruitt, *Water Rights in the Dry Valley*, 88 Yale L.J. 401, 410 (1979).', 'Harlow v. Benning, 412 U.S. 77, 81 (1973).', 'Pruitt, *supra* note 1, at 415.', '*Id.* at 12.'])
    const [supra] = inNote(3)
    expect(supra?.unparsed).toBeFalsy()
    expect(supra?.locator).toBe('415')
    expect(supra?.resolvesTo?.note).toBe(1)
    // Id. cites the work of the citation before it, the short form, which stands for note 1's.
    expect(target(inNote(4)[0])).toBe(supra)
  })
})

describe('author-date citations against a reference list', () => {
  test('one name and a year is the work of that author alone, not the one written with another', () => {
    const source = `# Grain

Yields rose (Hollis 2004, 33). Others disagreed (Hollis & Marr, 2004, p. 33). As Hollis (2004: 34) put it, the grain moved north (Hollis et al. 2004, 9).

## References

Hollis, Ada. 2004. *Fields of Grain: A Valley History*. Dunmore: Pellow Press.

Hollis, A., & Marr, T. (2004). Grain and credit in the north valley. *Journal of Rural Pasts*, 12(3), 201–230.
`
    const {citations, entryOf, rules} = referenceListOf(source)
    const text = citations.filter((citation) => citation.place === 'text')
    expect(text.map((citation) => [citation.text, entryOf(citation)?.item.author?.length])).toEqual([
      ['Hollis 2004, 33', 1],
      ['Hollis & Marr, 2004, p. 33', 2],
      ['Hollis (2004: 34)', 1]
    ])
    // `et al.` shortens the names: both entries fit, which is said.
    expect(rules).toEqual(['citation-reference-ambiguous'])
  })

  test('notes cite by author and page (MLA) or author and year after a list\'s and', () => {
    const source = `# Ploughs

The plough changed slowly.[^1] It spread north.[^2]

[^1]: See Quenby 90–91.

[^2]: Quenby 12; and Marr 1999, 12–14.

## Works Cited

Marr, Tobias. 1999. *The Mill Ledgers*. Carrowby: Fenwick.

Quenby, Rose. *Seasons of the Plough*. Lanford UP, 2011.
`
    const {citations, entryOf} = referenceListOf(source)
    const notes = citations.filter((citation) => citation.note > 0)
    expect(notes.map((citation) => [citation.note, citation.text, citation.locator, entryOf(citation)?.item.author?.[0]?.family])).toEqual([
      [1, 'Quenby 90–91.', '90-91', 'Quenby'],
      [2, 'Quenby 12', '12', 'Quenby'],
      [2, 'Marr 1999, 12–14.', '12-14', 'Marr']
    ])
  })
})
