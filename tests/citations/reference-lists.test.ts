// Issue 20, item 2: a document's reference list is parsed into entries, and short notes and
// author-date citations in the notes and the text resolve against it. Texts written for these tests.
import {describe, expect, test} from 'vitest'
import {stringifyDocument} from '../../pipeline/markdown/index.js'
import type {ParsedCitation} from '../../pipeline/shared/types/citation.js'
import {referenceListOf} from './document.js'

function run(source: string, path = 'sources/test.md') {
  const {result, citations, entries, entryOf, rules} = referenceListOf(source, path)
  const family = (citation: ParsedCitation | undefined) => entryOf(citation)?.item.author?.[0]?.family
  const markdown = stringifyDocument(result.meta, result.tree)
  return {citations, entries, family, entryOf, markdown, rules}
}

const chicago = `# Survey Archives

The surveys were read long after the war.[^1] Historians read them again.[^2]

### Bibliography

Lee, Ulysses. *The Employment of Negro Troops*. Washington, DC: Office of the Chief of Military History, 1966.

Putnam, Robert D. *Bowling Alone: The Collapse and Revival of American Community*. New York: Simon & Schuster, 2000.

Ray, Victor. "A Theory of Racialized Organizations." *American Sociological Review* 84, no. 1 (2019): 26--53.

Ray, Victor. "Critical Diversity in the Military: From Diversity to Racialized Organizations." In *Challenging the Status Quo*, edited by Anna Field, 287--300. Leiden: Brill, 2019.

### Notes

[^1]: See Putnam, *Bowling Alone*, 45; Lee, *Employment*, ch. 14; Ray, "Racialized Organizations," 30.

[^2]: Ray, "Critical Diversity," 290; Smith, *Unlisted Work*, 3.
`

describe('reference lists', () => {
  test('each entry is a citation of its own, parsed as a reference-list entry', () => {
    const {entries, markdown} = run(chicago)
    expect(entries.map((entry) => entry.item.author?.[0]?.family)).toEqual(['Lee', 'Putnam', 'Ray', 'Ray'])
    expect(entries[1]?.item.title).toMatch(/Bowling Alone/)
    expect(entries[1]?.item.issued?.['date-parts']?.[0]?.[0]).toBe(2000)
    expect(entries.every((entry) => entry.note === 0 && entry.locator === undefined)).toBe(true)
    expect(entries.map((entry) => entry.anchor)).toEqual(['ref1', 'ref2', 'ref3', 'ref4'])
    expect(markdown).toContain(':::references\n### Bibliography\n\n:cite[Lee, Ulysses.')
  })

  test('short notes resolve to the entry of the same author and short title, with their own locator', () => {
    const {citations, family, entryOf, rules} = run(chicago)
    const notes = citations.filter((citation) => citation.note > 0)
    expect(notes.map((citation) => citation.text)).toEqual(['Putnam, *Bowling Alone*, 45', 'Lee, *Employment*, ch. 14', 'Ray, "Racialized Organizations," 30.', 'Ray, "Critical Diversity," 290', 'Smith, *Unlisted Work*, 3.'])
    expect(notes.slice(0, 4).map(family)).toEqual(['Putnam', 'Lee', 'Ray', 'Ray'])
    expect(notes.slice(0, 4).map((citation) => citation.locator)).toEqual(['45', 'ch. 14', '30', '290'])
    // The short title is made of the main title's words: the first Ray entry, not the second.
    expect(entryOf(notes[2])?.anchor).toBe('ref3')
    expect(entryOf(notes[3])?.anchor).toBe('ref4')
    // A work the list does not hold is not guessed.
    expect(notes[4]?.resolvesTo ?? null).toBeNull()
    expect(rules).toEqual([])
  })

  test('author-date citations in the text become cites of their entry (APA, Chicago author-date, German)', () => {
    const source = `Trust and Membership

Survey evidence on trust is read in two ways (Putnam, 2000, p. 45; Paxton, 1999). Goffman (1974: 97)
described the frames, and others followed (Goffman 1974, 21-24; see also Paxton 1999).
Koselleck (1979) is cited without a page; Skocpol (2003, 12) has no entry, nor does (Putnam 1995).

References

Goffman, E. (1974). Frame analysis: An essay on the organization of experience. Harvard University Press.
Koselleck, Reinhart (1979): Vergangene Zukunft. Zur Semantik geschichtlicher Zeiten. Frankfurt am Main: Suhrkamp.
Paxton, P. (1999). Is social capital declining in the United States? American Journal of Sociology, 105(1), 88-127.
Putnam, R. D. (2000). Bowling alone: The collapse and revival of American community. Simon & Schuster.
`
    const {citations, family, markdown, rules} = run(source, 'sources/test.txt')
    const text = citations.filter((citation) => citation.place === 'text')
    expect(text.map((citation) => [citation.text, family(citation), citation.locator])).toEqual([
      ['Putnam, 2000, p. 45', 'Putnam', '45'],
      ['Paxton, 1999', 'Paxton', undefined],
      ['Goffman (1974: 97)', 'Goffman', '97'],
      ['Goffman 1974, 21-24', 'Goffman', '21-24'],
      ['Paxton 1999', 'Paxton', undefined],
      ['Koselleck (1979)', 'Koselleck', undefined]
    ])
    expect(markdown).toContain('(:cite[Putnam, 2000, p. 45]{ref="0.4" locator="45" label="page"}; :cite[Paxton, 1999]{ref="0.5"})')
    // Putnam 1995 names a known author with a year no entry has: said, not guessed.
    expect(rules).toEqual(['citation-reference-unmatched'])
    expect(markdown).toContain('(Putnam 1995)')
  })

  test('author-date citations with names joined by a slash (German)', () => {
    const source = `Zunft und Stadt

Die Zunft war mehr als ein Verband (Albers 1911: 88 f.; vgl. auch Lenz/Roth 1980, S. 4).

Literatur

Albers, Karl: Die Zunft der Böttcher, Kiel 1911.
Lenz, Otto/Roth, Martha: Die Stadt im Mittelalter, Berlin 1980.
`
    const {citations, family} = run(source, 'sources/test.txt')
    const text = citations.filter((citation) => citation.place === 'text')
    expect(text.map((citation) => [citation.text, family(citation), citation.locator])).toEqual([
      ['Albers 1911: 88 f.', 'Albers', '88 f.'],
      ['Lenz/Roth 1980, S. 4', 'Lenz', '4']
    ])
  })

  test('MLA author-page citations in the text become cites of the only entry of that author or title', () => {
    const source = `Reading the Sea

Critics read the sea as a ledger (Verbeek 240-42) and as a grave (Harrow, *Quiet Harbour* 12; Harrow, *Salt* 7).
The tables (Table 2) and the chapters (Chapter 4) cite nothing; nor does Harrow without a title (Harrow 9).

Works Cited

Harrow, James. *The Quiet Harbour: Fishing Communities in Transition*. 2nd ed., Routledge, 2004.
Harrow, James. *Salt and Silence*. Faber, 2010.
Verbeek, Anneke. "Letters from the Lowlands." *Modern Philology*, vol. 88, no. 3, 1991, pp. 233-58.
`
    const {citations, family, rules} = run(source, 'sources/test.txt')
    const text = citations.filter((citation) => citation.place === 'text')
    expect(text.map((citation) => [citation.text, family(citation), citation.locator])).toEqual([
      ['Verbeek 240-42', 'Verbeek', '240-42'],
      ['Harrow, *Quiet Harbour* 12', 'Harrow', '12'],
      ['Harrow, *Salt* 7', 'Harrow', '7']
    ])
    expect(new Set(text.map((citation) => citation.resolvesTo?.index)).size).toBe(3)
    expect(rules).toEqual(['citation-reference-ambiguous'])
  })

  test('an MLA short title alone, the author named in the sentence, cites the entry of that title', () => {
    const source = `Reading the Sea

As Harrow puts it, "the quay is a stage" (*Quiet Harbour* 30), and later (*Salt* 7-9). A title no entry has (*Tides* 4) cites nothing.

Works Cited

Harrow, James. *The Quiet Harbour: Fishing Communities in Transition*. Routledge, 2004.
Harrow, James. *Salt and Silence*. Faber, 2010.
`
    const {citations, entries} = run(source, 'sources/test.txt')
    const text = citations.filter((citation) => citation.place === 'text')
    expect(text.map((citation) => [citation.text, citation.locator])).toEqual([['*Quiet Harbour* 30', '30'], ['*Salt* 7-9', '7-9']])
    expect(text.map((citation) => entries[citation.resolvesTo?.index ?? -1]?.item.title)).toEqual(['The Quiet Harbour: Fishing Communities in Transition', 'Salt and Silence'])
  })

  test('an author-date citation that fits two entries is reported, not resolved', () => {
    const source = `# Two Papers\n\nThe argument is old (Weber 1920, 3).[^1]\n\n## Literatur\n\nWeber, Max (1920): Gesammelte Aufsätze zur Religionssoziologie. Tübingen: Mohr.\n\nWeber, Marianne (1920): Frauenfragen und Frauengedanken. Tübingen: Mohr.\n\n[^1]: Vgl. Weber 1920, S. 7.\n`
    const {citations, rules} = run(source)
    expect(citations.filter((citation) => citation.place === 'text')).toEqual([])
    expect(citations.find((citation) => citation.note === 1)?.resolvesTo ?? null).toBeNull()
    expect(rules).toEqual(['citation-reference-ambiguous', 'citation-reference-ambiguous'])
  })
})
