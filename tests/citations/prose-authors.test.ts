// Ordinary words and prose are no authors: headings of documents and press items, offices
// before a name, a person named in a sentence, a life's events and a list of countries with
// years. Notes written for these tests.
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {extractCitations} from '../../pipeline/citations/index.js'
import {isCommonNounOrAdjective, isDocumentNoun, isRoleNoun} from '../../pipeline/citations/model/lexicon.js'
import {namesFrom} from '../../pipeline/citations/model/reference.js'
import {namesOf} from '../../pipeline/citations/names.js'
import {parseMarkdown} from '../../pipeline/markdown/index.js'
import {citeNotes, families, testMeta} from './document.js'

describe('headings of documents name no author', () => {
  const {inNote} = citeNotes([
    'Wochenbericht der Landespolizei vom 12. 4. 1987.',
    'Rundschreiben an Bürgermeister Dr. Otto Lemke vom 3. 5. 1991.',
    'Gemeinsame Erklärung der Landesvorsitzenden der Grünen und der SPD vom 2.11. 1996.',
    'Plakat „Gegen die Schließung der Werft“ mehrerer Bürgerinitiativen.',
    'Angaben DESTATIS, URL: <http://www.destatis.example.org>.',
    'Brockhaus Großes Konversationslexikon (1988), S. 212.',
    'Siehe die Webseite des Institute for Peace Studies (IPS): <http://ips.example.org/>',
    'Special Press Briefing by the Minister of Trade on the summit in Rome, 12.05.2005, <http://trade.example.org/briefing>.'
  ], 'de')

  test.each([1, 2, 3, 4, 5, 6, 7, 8])('note %i is cited without an author', (note) => {
    const [citation] = inNote(note)
    expect(citation).toBeDefined()
    expect(families(citation)).toBeUndefined()
  })

  test('the heading stays as the title', () => {
    expect(inNote(1)[0]?.item.title).toBe('Wochenbericht der Landespolizei')
    expect(inNote(6)[0]?.item.title).toBe('Brockhaus Großes Konversationslexikon')
    expect(inNote(6)[0]?.item.issued?.['date-parts']).toEqual([[1988]])
  })

  test('a word in lower case before the heading is no part of it', () => {
    expect(inNote(7)[0]?.item.title).toBe('Institute for Peace Studies')
  })
})

describe('institutions stay authors', () => {
  const {inNote} = citeNotes([
    'Statistisches Landesamt Sachsen (2011): Pendlerströme im Freistaat. Kamenz.',
    'Landesamt für Statistik (2009): Zahlen zum Fremdenverkehr. Hannover.'
  ], 'de')

  test('an office of statistics is the author of its publication', () => {
    expect(families(inNote(1)[0])).toEqual(['Statistisches Landesamt Sachsen'])
    expect(families(inNote(2)[0])).toEqual(['Landesamt für Statistik'])
  })
})

describe('persons named in prose', () => {
  const {inNote} = citeNotes([
    'Gerda Kuhnert in einer Reportage des ZDF am 4. 9. 1992.',
    'Ähnlich Dieter Lohse in einer Kolumne in der Wochenpost: „Alles bleibt anders“.',
    'So der frühere Bundeskanzler Helmut Vogel (2004).'
  ], 'de')

  test('the word after a given name is the family name', () => {
    expect(inNote(1)[0]?.item.author).toEqual([{family: 'Kuhnert', given: 'Gerda'}])
    expect(inNote(2)[0]?.item.author).toEqual([{family: 'Lohse', given: 'Dieter'}])
  })

  test('an office before a name is no part of it', () => {
    expect(inNote(3)[0]?.item.author).toEqual([{family: 'Vogel', given: 'Helmut'}])
  })
})

describe('names as printed', () => {
  test('an adjective of office after a name is no second author', () => {
    expect(namesFrom('Tony Brennan, irischer')).toEqual([{family: 'Brennan', given: 'Tony'}])
  })

  test('an office before a name is no part of it, and no author alone', () => {
    expect(namesFrom('Prime Minister Jane Doe')).toEqual([{family: 'Doe', given: 'Jane'}])
    expect(namesOf('Premierminister Paul Dorn')).toEqual([{family: 'Dorn', given: 'Paul'}])
    expect(namesFrom('Spokesman of the ministry')).toEqual([])
  })

  test('a family name that is also an office, a noun or a document stays before its comma', () => {
    expect(namesFrom('Kanzler, Ingrid')).toEqual([{family: 'Kanzler', given: 'Ingrid'}])
    expect(namesFrom('Herrschaft, Felicia')).toEqual([{family: 'Herrschaft', given: 'Felicia'}])
    expect(namesFrom('Bericht, Anna')).toEqual([{family: 'Bericht', given: 'Anna'}])
  })

  test('nouns of documents and adjectives are no names', () => {
    expect(namesFrom('Zahlen DESTATIS')).toEqual([])
    expect(namesFrom('Special Media')).toEqual([])
    expect(namesFrom('Meyers Enzyklopädisches Lexikon')).toEqual([])
  })

  test('institutions and particles stay', () => {
    expect(namesFrom('Statistisches Bundesamt')).toEqual([{literal: 'Statistisches Bundesamt'}])
    expect(namesFrom('van der Berg, Jan')).toEqual([{family: 'van der Berg', given: 'Jan'}])
  })
})

describe('an office is no author', () => {
  const {inNote} = citeNotes([
    'Spokesman of the ministry, John Carver, in the Daily Herald of 3 May 1995.',
    'Letter to the rector of 3 May 1995.',
    'Press release of the party of 4 May 1995.',
    'Communiqué de presse du parti du 4 mai 1995.'
  ])

  test.each([1, 2, 3, 4])('note %i is cited without an author', (note) => {
    expect(inNote(note)).not.toHaveLength(0)
    expect(families(inNote(note)[0])).toBeUndefined()
  })
})

/** The citations of notes, and the notes reported as holding a year but no citation. */
function run(notes: readonly string[], language: string) {
  const markdown = notes.map((_, index) => `Absatz ${index + 1}.[^${index + 1}]`).join('\n\n') + '\n\n' + notes.map((note, index) => `[^${index + 1}]: ${note}`).join('\n')
  const file = new VFile({path: 'test.md', value: markdown})
  const citations = extractCitations(parseMarkdown(markdown), testMeta('article', language), file)
  const notFound = file.messages.filter((message) => message.ruleId === 'citation-not-found').map((message) => Number(message.message.match(/note (\d+)/)?.[1]))
  return {citations, notFound}
}

describe('prose with years is no citation', () => {
  const {citations, notFound} = run([
    'Geboren 1899 in Kassel, Studium der Philologie in Marburg, 1923 Promotion in Marburg, 1931 Dozent in Gießen.',
    'Der Verbund entstand 1981 zwischen Belgien, Spanien, Kanada und Norwegen. 1983 kam Irland hinzu.',
    'Born 1902 in Leeds, studied history in York, 1926 doctorate in York, 1934 lecturer in Hull.',
    'Vogt/Haas (2001). Der Verbund entstand 1981 zwischen Belgien, Spanien und Norwegen. 1983 kam Irland hinzu.'
  ], 'de')
  const inNote = (note: number) => citations.filter((citation) => citation.note === note)

  test('a life’s events are no citation, and the note is reported', () => {
    expect(inNote(1)).toHaveLength(0)
    expect(inNote(3)).toHaveLength(0)
    expect(notFound).toEqual(expect.arrayContaining([1, 3]))
  })

  test('a list of countries with years is no list of authors', () => {
    expect(inNote(2)).toHaveLength(0)
    expect(notFound).toContain(2)
  })

  test('the citation before such prose is kept alone', () => {
    expect(inNote(4).map((citation) => families(citation))).toEqual([['Vogt', 'Haas']])
  })
})

describe('word classes', () => {
  test('nouns of documents, alone and as the end of a compound', () => {
    expect(['Flugblatt', 'Wochenbericht', 'Pressemitteilung,', 'Briefing', 'communiqué'].every(isDocumentNoun)).toBe(true)
    expect(['Spiegel', 'Rosenblatt', 'Berger'].some(isDocumentNoun)).toBe(false)
  })

  test('offices, alone and as the end of a compound', () => {
    expect(['Wirtschaftsminister', 'Pressesprecher', 'spokesman', 'Bundeskanzler'].every(isRoleNoun)).toBe(true)
    expect(['Kanzlei', 'Meister', 'Vogel'].some(isRoleNoun)).toBe(false)
  })

  test('common nouns and adjectives by their form, not names with the same endings', () => {
    expect(['Gemeinsame', 'Enzyklopädisches', 'Erklärung', 'Special', 'Gewerkschaften'].every(isCommonNounOrAdjective)).toBe(true)
    expect(['Jung', 'Hartung', 'Fischer', 'Ehrlich', 'Olive', 'Monique'].some(isCommonNounOrAdjective)).toBe(false)
  })
})

describe('commentary after a short citation', () => {
  const {inNote} = citeNotes([
    'Zur Kritik siehe Lorenz (2004) und Winkler (2007). Der Vorschlag ging vom damaligen Minister Karl Brenner aus. Vgl. Seidel / Frey (2005); Busch (2008).',
    'Lorenz, K. (2004). Die Zeit ist reif. Berlin: Nordverlag.'
  ], 'de')

  test('a sentence of prose after the citation is cut from it', () => {
    expect(inNote(1).map((citation) => citation.text)).toEqual(['Lorenz (2004)', 'Winkler (2007).', 'Seidel / Frey (2005);', 'Busch (2008).'])
    expect(inNote(1)[1]?.item.title).toBeUndefined()
  })

  test('the title of a full reference stays', () => {
    expect(inNote(2)[0]?.item.title).toBe('Die Zeit ist reif')
  })
})
