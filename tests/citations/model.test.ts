import {describe, expect, test} from 'vitest'
import {readDataset} from '../../pipeline/citations/model/dataset.js'
import {type Label, type LabelledToken, parseReferences} from '../../pipeline/citations/model/index.js'
import {namesFrom, segmentReferences} from '../../pipeline/citations/model/reference.js'
import {labelText, loadModel, train, weightsOffset, type Weights} from '../../pipeline/citations/model/perceptron.js'
import {loadBoundary} from '../../pipeline/citations/model/boundary.js'
import {tokenize} from '../../pipeline/citations/model/tokens.js'
import shipped from '../../pipeline/citations/model/weights.json' with {type: 'json'}
import {assembleItem} from '../../pipeline/bibliography/assemble.js'
import type {CslItemDraft} from '../../pipeline/shared/types/csl.js'

interface Expected {
  authors?: string[]
  editors?: string[]
  title?: string
  container?: string
  year?: number
  page?: string
  locator?: string
  ibid?: boolean
}

function check(item: CslItemDraft, locator: string | undefined, ibid: boolean, expected: Expected): void {
  if (expected.authors) expect(item.author?.map((name) => name.family ?? name.literal)).toEqual(expected.authors)
  if (expected.editors) expect(item.editor?.map((name) => name.family ?? name.literal)).toEqual(expected.editors)
  if (expected.title) expect(item.title).toBe(expected.title)
  if (expected.container) expect(item['container-title']).toBe(expected.container)
  if (expected.year) expect(item.issued?.['date-parts']?.[0]?.[0]).toBe(expected.year)
  if (expected.page) expect(item.page).toBe(expected.page)
  if (expected.locator) expect(locator).toBe(expected.locator)
  if (expected.ibid !== undefined) expect(ibid).toBe(expected.ibid)
}

// References written for these tests, one per style and language.
const cases: Array<[string, string, Expected]> = [
  ['Chicago note', 'Eric Foner, Reconstruction: America’s Unfinished Revolution, 1863–1877 (New York: Harper & Row, 1988), 124.', {authors: ['Foner'], title: 'Reconstruction: America’s Unfinished Revolution, 1863–1877', year: 1988, locator: '124'}],
  ['Chicago bibliography', 'Foner, Eric. Reconstruction: America’s Unfinished Revolution. New York: Harper & Row, 1988.', {authors: ['Foner'], title: 'Reconstruction: America’s Unfinished Revolution', year: 1988}],
  ['APA book', 'Tilly, C. (1990). Coercion, capital, and European states. Cambridge, MA: Blackwell.', {authors: ['Tilly'], title: 'Coercion, capital, and European states', year: 1990}],
  ['APA article', 'Sewell, W. H. (1992). A theory of structure: Duality, agency, and transformation. American Journal of Sociology, 98(1), 1–29.', {authors: ['Sewell'], container: 'American Journal of Sociology', year: 1992, page: '1-29'}],
  ['MLA', 'Thompson, Edward P. “The Moral Economy of the English Crowd.” Past & Present, vol. 50, 1971, pp. 76–136.', {authors: ['Thompson'], title: 'The Moral Economy of the English Crowd', container: 'Past & Present', year: 1971, page: '76-136'}],
  ['Harvard', 'Hobsbawm, E. (1959) Primitive Rebels. Manchester: Manchester University Press.', {authors: ['Hobsbawm'], title: 'Primitive Rebels', year: 1959}],
  ['German book with Vgl.', 'Vgl. Lucian Hölscher, Die Entdeckung der Zukunft, Frankfurt a. M. 1999, S. 34.', {authors: ['Hölscher'], title: 'Die Entdeckung der Zukunft', year: 1999, locator: '34'}],
  ['German article with in:', 'Gerhard Oestreich, Strukturprobleme des europäischen Absolutismus, in: Vierteljahrschrift für Sozial- und Wirtschaftsgeschichte 55 (1968), S. 329–347.', {authors: ['Oestreich'], container: 'Vierteljahrschrift für Sozial- und Wirtschaftsgeschichte', year: 1968, page: '329-347'}],
  ['German editor hg. v.', 'Vgl. auch Peter Blickle, Die Revolution von 1525, hg. v. Thomas Sokoll, München 2004, S. 12.', {authors: ['Blickle'], editors: ['Sokoll'], year: 2004, locator: '12'}],
  ['slash-separated authors', 'Langehennig, Manfred/Betz, Detlef (2009): Pflege im Wandel. Opladen.', {authors: ['Langehennig', 'Betz'], title: 'Pflege im Wandel', year: 2009}],
  ['author-date short form', 'Goffman (1974), S. 97.', {authors: ['Goffman'], year: 1974, locator: '97'}],
  ['ebd.', 'Ebd., S. 12.', {ibid: true, locator: '12'}],
  ['French t. and p.', 'Georges Duby, Le temps des cathédrales, Paris, Gallimard, 1976, t. 1, p. 45.', {authors: ['Duby'], title: 'Le temps des cathédrales', year: 1976, locator: '45'}],
  ['Italian', 'Rossi, Paolo, I filosofi e le macchine, Milano, Feltrinelli, 1962, p. 30.', {authors: ['Rossi'], title: 'I filosofi e le macchine', year: 1962, locator: '30'}]
]

describe('the reference labeller', () => {
  test.each(cases)('%s', (_, text, expected) => {
    const found = parseReferences(text)
    expect(found).toHaveLength(1)
    const [reference] = found
    if (!reference) return
    check(reference.parse.item, reference.parse.locator, reference.parse.ibid, expected)
    expect(reference.text).not.toMatch(/^(?:Vgl|See|Cf)\b/)
  })

  test('a note with two references, the second by the same author (ders.)', () => {
    const found = parseReferences('Vgl. Winkler, Heinrich August: Der lange Weg nach Westen, Bd. 1, München 2000, S. 55; ders., Weimar 1918–1933, München 1993, S. 10.')
    expect(found.map((reference) => reference.parse.item.issued?.['date-parts']?.[0]?.[0])).toEqual([2000, 1993])
    expect(found[1]?.parse.item.author?.[0]?.family).toBe('Winkler')
    expect(found[1]?.parse.locator).toBe('10')
  })

  test('French references split at the semicolon', () => {
    const found = parseReferences('Lucien Febvre, Le problème de l’incroyance au XVIe siècle, Paris, 1942, p. 12; Marc Bloch, Apologie pour l’histoire, Paris, 1949, p. 7.')
    expect(found.map((reference) => reference.parse.item.author?.[0]?.family)).toEqual(['Febvre', 'Bloch'])
  })
})

describe('names', () => {
  test.each([
    ['Langehennig, Manfred/Betz, Detlef', ['Langehennig', 'Betz']],
    ['Johnson, N. and Kotz, S.', ['Johnson', 'Kotz']],
    ['Puettmann KJ, Hibbs DE, Hann DW', ['Puettmann', 'Hibbs', 'Hann']],
    ['Cordero, Guillermo, and José Ramón Montero', ['Cordero', 'Montero']],
    ['Schütz/Luckmann', ['Schütz', 'Luckmann']],
    ['Ludwig van Beethoven', ['van Beethoven']],
    ['Statistisches Bundesamt', ['Statistisches Bundesamt']],
    ['LORENZ Karin, VOGT, Jan', ['LORENZ', 'VOGT']],
    ['Lorenz K, Vogt JJ', ['Lorenz', 'Vogt']],
    ['Anna Kessler, Jan Vogt', ['Kessler', 'Vogt']],
    ['Della Porta, Donatella', ['Della Porta']],
    ['Ministerio de Trabajo y Empleo', ['Ministerio de Trabajo y Empleo']],
    ['Nordhafen Werke AG & Co. KGaA', ['Nordhafen Werke AG & Co. KGaA']],
    ['Lindholm Maskiner A/S', ['Lindholm Maskiner A/S']],
    ['Karin LORENZ', ['LORENZ']],
    ['Harbour Union', ['Harbour Union']],
    ['Deutscher Hafenarbeiter- und Schifferverband', ['Deutscher Hafenarbeiter- und Schifferverband']],
    ['Forschungszentrum Küstenschifffahrt', ['Forschungszentrum Küstenschifffahrt']],
    ['Bremer Handelskammertag', ['Bremer Handelskammertag']],
    ['Alonzo Church', ['Church']],
    ['Ahmet Murat', ['Murat']]
  ])('%s', (printed, families) => {
    expect(namesFrom(printed).map((name) => name.family ?? name.literal)).toEqual(families)
  })
})

const tiny = `<dataset>
  <sequence><author>Müller, Hans:</author><title>Die Stadt im Mittelalter,</title><location>München</location><date>1987,</date><pages>S. 45.</pages></sequence>
  <sequence><author>Smith, J.</author><date>(2001).</date><title>Cities and trade.</title><location>London:</location><publisher>Verso.</publisher></sequence>
  <sequence><other>Vgl.</other><author>Weber, Anna:</author><title>Handel und Wandel,</title><location>Berlin</location><date>1999,</date><pages>S. 3.</pages></sequence>
</dataset>`

describe('training', () => {
  test('is deterministic and learns a tiny labelled set', () => {
    const data = readDataset(tiny)
    expect(data).toHaveLength(3)
    const first = train(data, {epochs: 5, seed: 3})
    const second = train(data, {epochs: 5, seed: 3})
    expect(JSON.stringify(first)).toBe(JSON.stringify(second))
    const labelled = labelText(loadModel(first), 'Müller, Hans: Die Stadt im Mittelalter, München 1987, S. 45.')
    expect(labelled.map((token) => token.label)).toEqual(data[0]?.labels)
  })
})

describe('the shipped weights', () => {
  test('are sorted by feature name, as the lookup needs', () => {
    const names = (shipped as Weights).features.split('\n').map((line) => line.slice(0, line.indexOf('\t')))
    expect(names.every((name, index) => index === 0 || names[index - 1]! < name)).toBe(true)
  })

  test('a feature is found at its own line, a missing one is not', () => {
    const text = ['a\t0:1', 'ab\t1:2', 'b c\t0:-3', 'w=z\t2:4'].join('\n')
    for (const [feature, weights] of [['a', '0:1'], ['ab', '1:2'], ['b c', '0:-3'], ['w=z', '2:4']] as const) {
      const offset = weightsOffset(text, feature)
      expect(text.slice(offset, offset + weights.length)).toBe(weights)
    }
    for (const missing of ['', 'A', 'aa', 'b', 'w=zz', 'zz']) expect(weightsOffset(text, missing)).toBe(-1)
    const features = (shipped as Weights).features
    const lines = features.split('\n')
    for (const line of [lines[0]!, lines[1]!, lines[lines.length >> 1]!, lines.at(-1)!]) {
      const tab = line.indexOf('\t')
      expect(features.slice(weightsOffset(features, line.slice(0, tab))).startsWith(line.slice(tab + 1))).toBe(true)
    }
  })
})

const boundary = loadBoundary((shipped as Weights).boundary ?? {features: '', scale: 1})

/** The tokens of `text` with the labels given, in order. */
function labelled(text: string, labels: Label[]): LabelledToken[] {
  const tokens = tokenize(text)
  expect(tokens).toHaveLength(labels.length)
  return tokens.map((token, index) => ({...token, label: labels[index] ?? 'other'}))
}

// Notes written for these tests: several references in one note, separated in the ways
// German and English notes separate them, with commentary around them.
describe('segmentation of notes', () => {
  const families = (text: string) => parseReferences(text).map((reference) => reference.parse.item.author?.map((name) => name.family ?? name.literal).join('/') ?? reference.parse.item['container-title'])

  test.each([
    ['semicolons', 'Vgl. Anna Kessler, Städte im Umbruch, Leipzig 2004, S. 17; Bernd Falk, Die Provinz und der Staat, Köln 1999, S. 80.', ['Kessler', 'Falk']],
    ['a period', 'Anna Kessler, Städte im Umbruch, Leipzig 2004, S. 17. Bernd Falk, Die Provinz und der Staat, Köln 1999, S. 80.', ['Kessler', 'Falk']],
    ['vgl. auch', 'Kessler (2004), S. 17; vgl. auch Falk (1999), S. 80.', ['Kessler', 'Falk']],
    ['newspapers', 'Süddeutsche Zeitung vom 4. 3. 1994, S. 2. Hamburger Abendblatt vom 12. 5. 1994, S. 7.', ['Süddeutsche Zeitung', 'Hamburger Abendblatt']]
  ])('%s', (_, text, expected) => {
    expect(families(text)).toEqual(expected)
  })

  test('commentary after a reference stays out of it', () => {
    const found = parseReferences('Vgl. Kessler (2004), S. 17. Die Angaben wurden später von der Stadtverwaltung bestätigt, weil die Zahl der Mitglieder stieg.')
    expect(found).toHaveLength(1)
    expect(found[0]?.text).toBe('Kessler (2004), S. 17.')
  })

  test('a newspaper by date: the date is no page', () => {
    const [found] = parseReferences('Kölnische Rundschau vom 27. 10. 1987, S. 4.')
    expect(found?.parse.item['container-title']).toBe('Kölnische Rundschau')
    expect(found?.parse.item.issued?.['date-parts']?.[0]?.[0]).toBe(1987)
    expect(found?.parse.locator).toBe('4')
  })

  test('in: inside a title opens the container; words before hrsg. von are no editors', () => {
    const [found] = parseReferences('Klaus Reimer, Europäische Regionalpolitik im Wandel, in: Regionen im europäischen Wettbewerb, hrsg. von Anton Huber/Eva Lenz, Wien 1998, S. 45-60.')
    expect(found?.parse.item.title).toBe('Europäische Regionalpolitik im Wandel')
    expect(found?.parse.item['container-title']).toBe('Regionen im europäischen Wettbewerb')
    expect(found?.parse.item.editor?.map((name) => name.family)).toEqual(['Huber', 'Lenz'])
  })
  test('the book after In: and its editors is the container, not a second title', () => {
    const [found] = parseReferences('Brandt, M. (2003): Vom Ehrenamt zum Beruf. In: Keller, S./Roth, T. (Hrsg.): Soziale Arbeit im Wandel. Grundlagen und Praxis. Opladen: Leske + Budrich, S. 45-60.')
    expect(found?.parse.item.title).toBe('Vom Ehrenamt zum Beruf')
    expect(found?.parse.item['container-title']).toMatch(/^Soziale Arbeit im Wandel/)
    expect(found?.parse.item.editor?.map((name) => name.family)).toEqual(['Keller', 'Roth'])
  })

  test('a newspaper known by two capitals keeps its name; a lower-case word is no author', () => {
    const [paper] = parseReferences('FR vom 12. 3. 1996, S. 4.')
    expect(paper?.parse.item['container-title']).toBe('FR')
    const [found] = parseReferences('Die Zahlen nennt beispielsweise: Lorenz, Karin (2011): Pflege im Alter. Berlin.')
    expect(found?.parse.item.author?.map((name) => name.family)).toEqual(['Lorenz'])
  })
  test('names with a bracketed editor cue after their year are editors of a book with its own title', () => {
    const [found] = parseReferences('Keller, Stefan/Roth, Sabine (2006) (Hg.), Arbeit und Familie im Wandel, Opladen.')
    expect(found?.parse.item.author).toBeUndefined()
    expect(found?.parse.item.editor?.map((name) => name.family)).toEqual(['Keller', 'Roth'])
    expect(found?.parse.item.title).toBe('Arbeit und Familie im Wandel')
  })
  test('commentary full of the words of prose is no reference', () => {
    const found = parseReferences('Dies ist hier nicht so wichtig, weil es sich nur um eine Schätzung handelt; vgl. Krüger (1998), S. 12.')
    expect(found.map((reference) => reference.text)).toEqual(['Krüger (1998), S. 12.'])
  })
  test('an author-date citation after a complete one starts a reference of its own', () => {
    const found = parseReferences('Vgl. Kessler (2004), S. 17. Falk (1999), S. 80.')
    expect(found.map((reference) => reference.text)).toEqual(['Kessler (2004), S. 17.', 'Falk (1999), S. 80.'])
    expect(found.map((reference) => reference.parse.item.author?.[0]?.family)).toEqual(['Kessler', 'Falk'])
    // A lead-in before the names is no name.
    const [after] = parseReferences('Eine Relevanz gibt es bei Handlungen, bei denen eine Handlung abgenötigt wird. Siehe Lorenz, K. (2012): Handbuch des Strafrechts. Berlin.')
    expect(after?.parse.item.author).toEqual([{family: 'Lorenz', given: 'K.'}])
    const pages = parseReferences('Ostermann und Haas 2003, S. 206. Nolan 2011, S. 27 Ostermann, Haas 2003, S. 210.')
    expect(pages.map((reference) => reference.parse.item.issued?.['date-parts']?.[0]?.[0])).toEqual([2003, 2011, 2003])
  })
  test('prose before an author-date citation stays out of it', () => {
    const found = parseReferences('Eine knappe Darstellung der Entwicklung gibt Krause (1984), S. 267-273.')
    expect(found.map((reference) => reference.text)).toEqual(['Krause (1984), S. 267-273.'])
    // Whatever the labeller reads the words before the names as.
    const text = 'Eine knappe Darstellung gibt Krause (1984), S. 12.'
    const segments = segmentReferences(labelled(text, ['title', 'title', 'title', 'title', 'title', 'date', 'pages', 'pages']), boundary)
    expect(segments.map((reference) => text.slice(reference.start, reference.end))).toEqual(['Eine knappe Darstellung gibt', 'Krause (1984), S. 12.'])
    expect(segments[1]?.tokens.map((token) => token.label)).toEqual(['author', 'date', 'pages', 'pages'])
  })
  test('a place and year after a title is no author-date citation', () => {
    const found = parseReferences('Anna Kessler, Städte im Umbruch, Bd. 2. Leipzig 2004, S. 17.')
    expect(found).toHaveLength(1)
    expect(found[0]?.parse.item.author?.[0]?.family).toBe('Kessler')
  })
  test('a lead-in inside a sentence starts the reference after it', () => {
    const found = parseReferences('Zum Streit über die Methode der Erhebung im ländlichen Raum vgl.: Anna Lindner: Sprache und Macht in Europa, Dissertation Universität Kassel, 2008.')
    expect(found.map((reference) => reference.text)).toEqual(['Anna Lindner: Sprache und Macht in Europa, Dissertation Universität Kassel, 2008.'])
    const glued = parseReferences('(vgl.Hartwig 1990: 10).')
    expect(glued[0]?.parse.item.author?.[0]?.family).toBe('Hartwig')
  })
  test('commentary after the page of a reference is dropped, a container after it is not', () => {
    const [paper] = parseReferences('FAZ vom 14.2. 1997, S. 5. Auf dem Parteitag kurz davor in Halle waren Delegierte ausgebuht worden.')
    expect(paper?.text).toBe('FAZ vom 14.2. 1997, S. 5.')
    // Whatever the labeller reads the sentence after the page as.
    const text = 'SZ vom 9.6. 1998, S. 4. Beim Empfang in Kassel wurden Redner unterbrochen.'
    const segments = segmentReferences(labelled(text, ['journal', 'date', 'date', 'date', 'pages', 'pages', 'note', 'note', 'note', 'note', 'note', 'note', 'note']), boundary)
    expect(segments.map((reference) => text.slice(reference.start, reference.end))).toEqual(['SZ vom 9.6. 1998, S. 4.'])
    const [chapter] = parseReferences('Vogt, Jan (2008). Einleitung. S. 7-16, in: Jan Vogt; Petra Roth (Hg.), Nach dem Telefon? Neue Wege der Kommunikation. Bonn.')
    expect(chapter?.text).toMatch(/Neue Wege der Kommunikation/)
  })
  test('the book after its editors and their cue or year is the container', () => {
    const [chapter] = parseReferences('Vogt, Jan (1971): Die Bedeutung der Arbeit, in: Bundesverband der Deutschen Handwerksbetriebe (Hrsg.): Arbeit im Umbruch. Fragen der Beschäftigung, Bonn: Köllen Verlag, 167.')
    expect(chapter?.parse.item['container-title']).toBe('Arbeit im Umbruch. Fragen der Beschäftigung')
    expect(chapter?.parse.item.editor).toEqual([{literal: 'Bundesverband der Deutschen Handwerksbetriebe'}])
    const [byYear] = parseReferences('Roth, Petra (2013): Väter im Wandel, in: Zentrum für Familienfragen (2012): Familie heute. Väter in der Pflege, Berlin, S. 4-9.')
    expect(byYear?.parse.item['container-title']).toBe('Familie heute. Väter in der Pflege')
    const [comma] = parseReferences('Falk, Bernd (1994), Kinder und Bücher, in: Vogt, Jan/Roth, Petra (Hg.), Die Welt der Medien. Eine Einführung, Kassel, S. 12-30.')
    expect(comma?.parse.item['container-title']).toBe('Die Welt der Medien. Eine Einführung')
    expect(comma?.parse.item.editor?.map((name) => name.family)).toEqual(['Vogt', 'Roth'])
    // `in` inside a title opens nothing.
    const [book] = parseReferences('Falk, Bernd (1984): Wenn Liebe endet - Streit in der Familie. München.')
    expect(book?.parse.item['container-title']).toBeUndefined()
  })
  test('the names before a bracketed year that opens a reference are its authors, not its title', () => {
    const [found] = parseReferences('Bundesministerium des Innern (2005a): Zuwanderung und Politik, Berlin: BMI, 84.')
    expect(found?.parse.item.author).toEqual([{literal: 'Bundesministerium des Innern'}])
    expect(found?.parse.item.title).toBe('Zuwanderung und Politik')
    expect(found?.parse.item.publisher).toBe('BMI')
    expect(found?.parse.locator).toBe('84')
    const [edited] = parseReferences('Kommission der Europäischen Gemeinschaften (Hg.) (2004): Arbeit in Europa. Brüssel.')
    expect(edited?.parse.item.editor).toEqual([{literal: 'Kommission der Europäischen Gemeinschaften'}])
    expect(edited?.parse.item.title).toBe('Arbeit in Europa')
    // Whatever the labeller read the names as.
    const text = 'Ministerio de Trabajo y Empleo (2003): Plan de Empleo, Madrid.'
    const [segment] = segmentReferences(labelled(text, ['title', 'title', 'title', 'title', 'title', 'title', 'title', 'title', 'title', 'location']), boundary)
    expect(segment?.tokens.map((token) => token.label)).toEqual(['author', 'author', 'author', 'author', 'author', 'date', 'title', 'title', 'title', 'location'])
  })
  test('the page in the brackets of an author-date citation, and pages listed, are the locator', () => {
    const found = parseReferences('Vgl. Kessler (2008, 49); Falk (1999: 245ff.); Roth (2009, 8).')
    expect(found.map((reference) => reference.parse.locator)).toEqual(['49', '245', '8'])
    expect(found.map((reference) => reference.parse.item.issued?.['date-parts']?.[0]?.[0])).toEqual([2008, 1999, 2009])
    const [listed] = parseReferences('Hanna Roth, Die Stadt und ihr Land, Berlin 1991, S. 20, 27.')
    expect(listed?.parse.locator).toBe('20, 27')
    // A second year is no page.
    const [years] = parseReferences('Vogt (1901, 1903): Die Theorie der Arten. Leipzig.')
    expect(years?.parse.locator).toBeUndefined()
  })
  test('in ders.: the book of the same author is the container, without the pronoun', () => {
    const [found] = parseReferences('Lorenz, Karin (2000). Arbeit und Muße. In ders., Zeit und Werk. Studien zur Geschichte. Kassel: Nordverlag, S. 12-30.')
    expect(found?.parse.item['container-title']).toBe('Zeit und Werk. Studien zur Geschichte')
  })
  test('a year glued to the name before it', () => {
    const [found] = parseReferences('Keller, Stefan1999: Die Stadt der Zukunft. Berlin.')
    expect(found?.parse.item.author).toEqual([{family: 'Keller', given: 'Stefan'}])
    expect(found?.parse.item.issued?.['date-parts']?.[0]?.[0]).toBe(1999)
  })
  test('a journal volume with its pages after a colon (Vancouver)', () => {
    const [found] = parseReferences('Keller S, Vogt J (2005) Costs in small trials. Stat Res 19 (11):1402 - 1419')
    expect(found?.parse.item.page).toBe('1402-1419')
    expect(found?.parse.item.volume).toBe('19')
    expect(found?.parse.item.issue).toBe('11')
    const [spaced] = parseReferences('Roth, P. (1986). Patterns of change. Journal of Regional Studies, 31:307 327.')
    expect(spaced?.parse.item.page).toBe('307-327')
  })
  test('a complete reference stays whole, whatever shorthand it holds', () => {
    const found = parseReferences('Keller, T., Roth, G. I. and Vogt, N. (2000), ‘What are urban networks?’ Town Working Paper No. 45, Bonn: TWP.')
    expect(found).toHaveLength(1)
    expect(found[0]?.parse.item.author?.map((name) => name.family)).toEqual(['Keller', 'Roth', 'Vogt'])
    const chapter = parseReferences('Lorenz, T. (1997), ‘Kapital und Wanderung’, in: L. Vogt (ed.), Neue Wanderung, Leipzig: Beispiel-Verl.-Ges., pp. 41–59.')
    expect(chapter).toHaveLength(1)
  })
  test('newspapers by date one after another are references of their own', () => {
    const found = parseReferences('Etwa in der Westfälischen Post (WP) vom 3. 7. 1998, S. 4 und im Tageblatt (TB) vom 5. 7. 1998 unter der Rubrik „Im Blick“, in der Hamburger Zeitung (HZ) vom 6. 7. 1998, S. 9, unter der Rubrik „Meinung“ sowie in der Freien Presse (FP) vom 6. 7. 1998, S. 3.')
    expect(found.map((reference) => reference.parse.item['container-title'])).toEqual(['Westfälischen Post (WP)', 'Tageblatt (TB)', 'Hamburger Zeitung (HZ)', 'Freien Presse (FP)'])
    expect(found.map((reference) => reference.parse.locator)).toEqual(['4', undefined, '9', '3'])
    const twice = parseReferences('Kommentar in den Kieler Blättern vom 12. 9. 1997. Rostocker Nachrichten vom 12.9. 1997.')
    expect(twice.map((reference) => reference.parse.item['container-title'])).toEqual(['Kieler Blättern', 'Rostocker Nachrichten'])
    // A genitive or a document by its date is no newspaper.
    const [mirror] = parseReferences('Pressespiegel der Marine vom 26. 10. 1995.')
    expect(mirror?.parse.item['container-title']).not.toBe('Marine')
  })
  test('addresses are references; the date of access is no date of publication', () => {
    const found = parseReferences('Vgl. www.beispiel.de/de/712.php (Zugriff am 3. März 2013). In manchen Städten sind in den Satzungen weitere Pflichten festgelegt. Zur Lage vgl. www.muster.org/info/lage (Zugriff am 8. März 2013).')
    expect(found.map((reference) => reference.parse.item.URL)).toEqual(['www.beispiel.de/de/712.php', 'www.muster.org/info/lage'])
    expect(found.map((reference) => reference.parse.item.issued)).toEqual([undefined, undefined])
    expect(found[0]?.parse.item.accessed?.['date-parts']).toEqual([[2013, 3, 3]])
    const [page] = found
    if (!page) return
    const item = assembleItem([{note: 1, index: 0, text: page.text, item: page.parse.item, ibid: false, shortForm: false}])
    expect(item.issued).toBeUndefined()
    // Two addresses one after the other are two references; a number in an address is no year.
    const two = parseReferences('Eine Erläuterung bietet das Institut unter http://www.iqb.example.de/bista/vera8_2009. www.iqb.example.de')
    expect(two.map((reference) => reference.parse.item.URL)).toEqual(['http://www.iqb.example.de/bista/vera8_2009', 'www.iqb.example.de'])
    expect(two[0]?.parse.item.issued).toBeUndefined()
    // The address and date of access of a reference stay with it.
    const [entry] = parseReferences('Roth, Anna (2013). Stadt und Klima. Berlin. Technische Universität Berlin. Zugriff am 18.06.2014: <http://www.example.eu/content/klima>.')
    expect(entry?.parse.item.URL).toBe('http://www.example.eu/content/klima')
    expect(entry?.parse.item.issued?.['date-parts']).toEqual([[2013]])
    expect(entry?.parse.item.accessed?.['date-parts']).toEqual([[2014, 6, 18]])
    expect(entry?.parse.item.publisher).toBe('Technische Universität Berlin')
  })
  test('a journal issue printed with its year gives the year', () => {
    const [found] = parseReferences('Ulrike Seidel, Kleine Städte im Umbruch, in: Stadtforschung 3/1998, S. 80-95.')
    expect(found?.parse.item.issued?.['date-parts']?.[0]?.[0]).toBe(1998)
    expect(found?.parse.item['container-title']).toBe('Stadtforschung')
  })
  test('statutes are citations wherever a note names them', () => {
    const sections = (text: string) => parseReferences(text).map((reference) => [reference.parse.item.title, reference.parse.item['container-title']])
    expect(sections('§§ 211, 212 StGB § 213 StGB')).toEqual([['§§ 211, 212', 'StGB'], ['§ 213', 'StGB']])
    expect(sections('Bei Diebstahl wird in keinem der Fälle die Anwendung des § 243 Abs. 2 StGB geprüft.')).toEqual([['§ 243 Abs. 2', 'StGB']])
    expect(sections('§ 1357 I BGB, Absatz 3.')).toEqual([['§ 1357 I Absatz 3', 'BGB']])
    expect(sections('Es sei denn, er ist i.S.d.§ 20 StGB schuldunfähig.')).toEqual([['§ 20', 'StGB']])
    // A statute inside a reference's title stays part of it.
    const [book] = parseReferences('Vgl. Karin Lorenz, Die Reform des § 218 StGB in der Debatte, Berlin 1994, S. 12.')
    expect(book?.parse.item.author?.[0]?.family).toBe('Lorenz')
    expect(book?.parse.item.title).toMatch(/§ 218 StGB/)
  })
  test('a title that opens like a question stays whole after the names and year', () => {
    const [chapter, ...rest] = parseReferences('Lindner, Sabine/Ostrow, Ina (2004): Was bleibt nach der Reform? Arbeitsmarkt zwischen Wandel und Beharrung, in: Lindner, S./Ostrow, I. (Hg.): Wohlfahrt im Umbruch, Wiesbaden, S. 9-42.')
    expect(rest).toEqual([])
    expect(chapter?.parse.item.author?.map((name) => name.family)).toEqual(['Lindner', 'Ostrow'])
    expect(chapter?.parse.item.title).toBe('Was bleibt nach der Reform? Arbeitsmarkt zwischen Wandel und Beharrung')
    expect(chapter?.parse.item['container-title']).toBe('Wohlfahrt im Umbruch')
  })
  test('names: single family names in a list, glued given names, affiliations and elisions are read as such', () => {
    const authors = (text: string) => parseReferences(text).map((reference) => reference.parse.item.author)
    expect(authors('Vgl. Kessler, Brandt, Jürgens 2005.')).toEqual([[{family: 'Kessler'}, {family: 'Brandt'}, {family: 'Jürgens'}]])
    expect(authors('Schulz, Florian/Vogt, HansPeter (2006): Arbeitsteilung im Eheverlauf. Wiesbaden.')).toEqual([[{family: 'Schulz', given: 'Florian'}, {family: 'Vogt', given: 'HansPeter'}]])
    expect(authors('(...) bezieht. Albrecht (1993), S. 228.')).toEqual([[{family: 'Albrecht'}]])
    expect(namesFrom('Kunze (ZUMA, Mannheim)')).toEqual([{family: 'Kunze'}])
    // Pairs of family and given names stay pairs; an institution keeps its brackets.
    expect(namesFrom('Kessler, Anna, Brandt, Jan')).toEqual([{family: 'Kessler', given: 'Anna'}, {family: 'Brandt', given: 'Jan'}])
    expect(namesFrom('IHRA (International Harbour Research Association)')).toEqual([{literal: 'IHRA (International Harbour Research Association)'}])
  })
  test('a journal after `in:` with no editor cue is the container, not its editors', () => {
    const [article] = parseReferences('Kunert, Rainer (2005): Von Katzen und Hunden, in: Gegenlicht, Heft 7, S. 41-55.')
    expect(article?.parse.item.editor).toBeUndefined()
    expect(article?.parse.item['container-title']).toBe('Gegenlicht')
    expect(article?.parse.item.type).toBe('article-journal')
    const [other] = parseReferences('Rauch, U. (1995): Heim und Streit? In: Wohnen, Nachbarschaft, Recht (WNR), 11.')
    expect(other?.parse.item['container-title']).toBe('Wohnen, Nachbarschaft, Recht (WNR)')
    // Editors joined by a slash stay editors.
    const [chapter] = parseReferences('Vogt, Jan (2001): Arbeit und Zeit, in: Lorenz, Anna/Brandt, Karl: Wandel der Arbeit, Berlin, S. 3-20.')
    expect(chapter?.parse.item.editor?.map((name) => name.family)).toEqual(['Lorenz', 'Brandt'])
  })
  test('short author-date citations joined by und, and works to come', () => {
    const found = (text: string) => parseReferences(text).map(({text, parse}) => [text, parse.item.author?.[0]?.family, parse.item.issued?.['date-parts']?.[0]?.[0] ?? parse.item.status])
    expect(found('Zur Abgrenzung siehe Kunze 1984 und Albrecht 1989.')).toEqual([['Kunze 1984', 'Kunze', 1984], ['Albrecht 1989.', 'Albrecht', 1989]])
    expect(found('Seidel et al. (i. E.).')).toEqual([['Seidel et al. (i. E.).', 'Seidel', 'forthcoming']])
    expect(found('Vogt (im Druck), S. 12.')).toEqual([['Vogt (im Druck), S. 12.', 'Vogt', 'forthcoming']])
    expect(found('Winkler and Price (in press).')).toEqual([['Winkler and Price (in press).', 'Winkler', 'forthcoming']])
    // A sentence that mentions a book in press is no citation of one.
    expect(found('Das Buch ist im Druck.')).toEqual([])
  })
  test('a sentence after a short author-date citation is commentary, an APA title is not', () => {
    const texts = (text: string) => parseReferences(text).map((reference) => reference.text)
    expect(texts('Vgl. Hartl (2007). Den Vorschlag machte der kanadische Premierminister auf dem Gipfel.')).toEqual(['Hartl (2007).'])
    expect(texts('Seidel/Vogt (2007). Die Begriffe werden hier in Anführungszeichen gesetzt.')).toEqual(['Seidel/Vogt (2007).'])
    const [apa] = parseReferences('Harlow, R. D. (2001). Rowing together: Clubs and neighbours in small harbour towns. New York: Meridian & Sons.')
    expect(apa?.parse.item.title).toBe('Rowing together: Clubs and neighbours in small harbour towns')
  })
  test('a title glued to the year before it keeps its first word', () => {
    expect(tokenize('(1994)The Road').map((token) => token.text)).toEqual(['(1994)', 'The', 'Road'])
    expect(tokenize('(2012),A Price').map((token) => token.text)).toEqual(['(2012),', 'A', 'Price'])
    expect(tokenize('Health,31, 204').map((token) => token.text)).toEqual(['Health,', '31,', '204'])
    const [article] = parseReferences('Varney, Lea & Blom, Dana (1998). Memories of early moves. Housing and Health,31, 204-219.')
    expect(article?.parse.item['container-title']).toBe('Housing and Health')
    const [book] = parseReferences('Carlsen, Stefan/ Mohr, Karl J. (1994)The Road of Ships: Harbour Trade in the North. Bremen: Kogge Verlag.')
    expect(book?.parse.item.title).toBe('The Road of Ships: Harbour Trade in the North')
  })
  test('names: Vancouver initials, suffixes, forms of address, and the first name inverted', () => {
    expect(namesFrom('Berger G, Lima VBA, Costa JFD')).toEqual([{family: 'Berger', given: 'G'}, {family: 'Lima', given: 'VBA'}, {family: 'Costa', given: 'JFD'}])
    expect(namesFrom('Souto CAB')).toEqual([{family: 'Souto', given: 'CAB'}])
    expect(namesFrom('Ortiz, Luis A., Jr.')).toEqual([{family: 'Ortiz', given: 'Luis A.', suffix: 'Jr'}])
    expect(namesFrom('Dr. Anna N. Roth, Ms. Clara Vogt')).toEqual([{family: 'Roth', given: 'Anna N.'}, {family: 'Vogt', given: 'Clara'}])
    expect(namesFrom('Kessler, Martin, Harald Brandt, Andreas Lorenz, and Marc Seidel')).toEqual([
      {family: 'Kessler', given: 'Martin'}, {family: 'Brandt', given: 'Harald'}, {family: 'Lorenz', given: 'Andreas'}, {family: 'Seidel', given: 'Marc'}
    ])
    // Family names in capitals stay family names.
    expect(namesFrom('WINTERBERG Eileen')).toEqual([{family: 'WINTERBERG', given: 'Eileen'}])
  })
  test('an access date after an address is neither a container nor a page', () => {
    const [report] = parseReferences('Nordvik A/S (2009): Jahresbericht 09, verfügbar unter <http://www.example.com/ir/berichte.html>, Zugriff am: 14.03.2012.')
    expect(report?.parse.item['container-title']).toBeUndefined()
    expect(report?.parse.locator).toBeUndefined()
    expect(report?.parse.item.accessed?.['date-parts']).toEqual([[2012, 3, 14]])
    expect(report?.parse.item.issued?.['date-parts']).toEqual([[2009]])
  })
  test('names: a particle after the given name, given and family names run together, a particle before a family name', () => {
    expect(namesFrom('Harlan, Thea von')).toEqual([{family: 'Harlan', given: 'Thea', 'dropping-particle': 'von'}])
    expect(namesFrom('Kunert, Andreas& MarkusPeters')).toEqual([{family: 'Kunert', given: 'Andreas'}, {family: 'Peters', given: 'Markus'}])
    expect(namesFrom('WolfgangSeiler')).toEqual([{family: 'Seiler', given: 'Wolfgang'}])
    expect(namesFrom('Van Gennep')).toEqual([{family: 'Van Gennep'}])
    // Names whose capitals belong to them stay whole.
    expect(namesFrom('McDonald')).toEqual([{family: 'McDonald'}])
    expect(namesFrom('MacArthur, Douglas')).toEqual([{family: 'MacArthur', given: 'Douglas'}])
  })
  test('court decisions: court, kind, date and docket, or reporter, volume and page', () => {
    const found = (text: string) => parseReferences(text).map(({text, parse}) => ({text, item: parse.item, locator: parse.locator}))
    expect(found('So auch der BGH (BGH, Beschl. v. 14.6.2011 – 2 StR 118/10).')).toEqual([{
      text: 'BGH, Beschl. v. 14.6.2011 – 2 StR 118/10',
      item: {type: 'legal_case', authority: 'BGH', title: 'Beschluss vom 14.6.2011, 2 StR 118/10', number: '2 StR 118/10', issued: {'date-parts': [[2011]], raw: '14.6.2011'}},
      locator: undefined
    }])
    expect(found('Urteil des LG Kassel vom 03.02.2010, 12 KLs 4/09.')[0]?.item).toMatchObject({authority: 'LG Kassel', title: 'Urteil vom 03.02.2010, 12 KLs 4/09', number: '12 KLs 4/09'})
    expect(found('Vgl. BVerfGE 39, 1 (42); BGHSt 12, 34.')).toEqual([
      {text: 'BVerfGE 39, 1 (42)', item: {type: 'legal_case', title: 'BVerfGE 39, 1', 'container-title': 'BVerfGE', volume: '39', page: '1'}, locator: '42'},
      {text: 'BGHSt 12, 34', item: {type: 'legal_case', title: 'BGHSt 12, 34', 'container-title': 'BGHSt', volume: '12', page: '34'}, locator: undefined}
    ])
    // The journal that printed it, its year and first page, and the page cited.
    expect(found('BGH, Urteil vom 3.2.2010 – 5 StR 12/09, NStZ 2010, 276 (278).')).toEqual([{
      text: 'BGH, Urteil vom 3.2.2010 – 5 StR 12/09, NStZ 2010, 276 (278)',
      item: {type: 'legal_case', authority: 'BGH', title: 'Urteil vom 3.2.2010, 5 StR 12/09', number: '5 StR 12/09', issued: {'date-parts': [[2010]], raw: '3.2.2010'}, 'container-title': 'NStZ', page: '276'},
      locator: '278'
    }])
    expect(found('OLG Celle, Beschluss vom 12. März 2001, in: NJW-RR 2001, 1010.')[0]?.item).toMatchObject({authority: 'OLG Celle', 'container-title': 'NJW-RR', page: '1010'})
    // A court named in a sentence is no decision.
    expect(found('Das AG Kassel hat anders entschieden.')).toEqual([])
  })
  test('a statute: the section is the title, the code its container', () => {
    const [found] = parseReferences('Dazu § 179 StGB.')
    expect(found?.parse.item.title).toBe('§ 179')
    expect(found?.parse.item['container-title']).toBe('StGB')
  })
})

describe('German footnote shapes', () => {
  const fields = (text: string) => parseReferences(text).map(({parse: {item}}) => ({
    authors: item.author?.map((name) => name.family ?? name.literal),
    title: item.title,
    container: item['container-title'],
    year: item.issued?.['date-parts']?.[0]?.[0]
  }))

  test('a title before `hrsg. von`, with no author, is the title; `in:` before it opens the book', () => {
    expect(fields('Baltische Küstenstädte, hrsg. von K. Lind u. T. Aho, Riga 1997.')[0]).toMatchObject({title: 'Baltische Küstenstädte', year: 1997})
    expect(fields('Erwin Lange, Stadtumbau im Osten, in: Der Wohnungsmarkt in Mitteleuropa, hrsg. von Anna Berg/Jan Holt, Graz 1999, S. 11-40.')[0])
      .toMatchObject({authors: ['Lange'], title: 'Stadtumbau im Osten', container: 'Der Wohnungsmarkt in Mitteleuropa', year: 1999})
  })

  test('a name as printed before the title and `hg. v.` is the author', () => {
    expect(fields('Anna Holm, Das Dorf am Fluss, hg. v. Peter Kurz, Wien 1980.')[0]).toMatchObject({authors: ['Holm'], title: 'Das Dorf am Fluss'})
  })

  test('the kind of thesis and its school are no part of the title', () => {
    expect(fields('Bernd Ott, Die Zunft der Gerber, Diss. Universität Halle 1998, S. 3.')[0]).toMatchObject({authors: ['Ott'], title: 'Die Zunft der Gerber', year: 1998})
    expect(fields('Mary Lowe, Guilds and Towns, PhD thesis, University of York, 2004.')[0]).toMatchObject({title: 'Guilds and Towns', year: 2004})
    // A title about theses keeps its words.
    expect(fields('Peter Brandt: Die Dissertation als Gattung, Berlin 2001.')[0]).toMatchObject({title: 'Die Dissertation als Gattung'})
  })

  test('a date after a comma at the end of the note belongs to the reference; prose does not', () => {
    const [thesis] = parseReferences('Zur Methode vgl.: Marianne Kessel-Borg: Grenzregime und Identität in Portugal, Dissertation Universität Kiel, eingereicht im März 2005.')
    expect(thesis?.text).toMatch(/März 2005\.$/)
    expect(thesis?.parse.item.author?.map((name) => name.family)).toEqual(['Kessel-Borg'])
    expect(thesis?.parse.item.issued?.['date-parts']?.[0]?.[0]).toBe(2005)
    const [book] = parseReferences('Müller, Die Stadt, Bonn 1990, S. 4, der dies 1999 bestritt.')
    expect(book?.text).not.toMatch(/bestritt/)
  })

  test('a body and a bracketed year with a colon after a full stop or semicolon start a reference', () => {
    expect(fields('Ministerium der Finanzen (2007): Haushaltsplan für 2007, Bern, 80f; Ministerium der Finanzen (2006): Anhang zum Haushaltsplan, Bern.').map((found) => found.year)).toEqual([2007, 2006])
    const two = fields('Amt für Statistik (2005): Jahrbuch 2005, Graz. Amt für Statistik, Abteilung Regionen (2007): Jahrbuch 2007, Graz, 43.')
    expect(two.map((found) => found.year)).toEqual([2005, 2007])
    expect(two[1]?.title).toBe('Jahrbuch 2007')
    // Editors and their year inside a chapter's book start nothing.
    expect(fields('Anna Roth (2001): Der Wald. In: Weber, H. (Hrsg.) (1998): Bäume. Berlin, 3-9.')).toHaveLength(1)
  })

  test('names with a bracketed year after the full stop of a sentence start a reference there', () => {
    const found = parseReferences('Die Lage der Pflege. Herausgegeben vom Landesamt für Arbeit und Soziales. Nowak, P. (2011): Arbeit im Wandel. Berlin: Verlag.')
    expect(found.at(-1)?.text).toBe('Nowak, P. (2011): Arbeit im Wandel. Berlin: Verlag.')
    expect(found.at(-1)?.parse.item.author).toEqual([{family: 'Nowak', given: 'P.'}])
  })
})

describe('commentary read as a reference', () => {
  test('a clause with a verb of prose and no facts of a publication is no reference', () => {
    expect(parseReferences('Die Umfrage umfasste zwei Wellen. Alle Kreise wurden angeschrieben und konnten bis Ende 2011 antworten.')).toHaveLength(0)
    expect(parseReferences('Dies zeigt – ohne es zu übertreiben – deutlich')).toHaveLength(0)
  })

  test('names and a year inside a sentence that goes on in lower case are the citation alone', () => {
    const found = parseReferences('Die Angaben stützen sich auf die von Karla Weiß (2004) gegebenen Informationen zur Biographie Lindners.')
    expect(found.map((reference) => reference.text)).toEqual(['Karla Weiß (2004)'])
  })

  test('a title with a verb stays a reference after its author and year, or with a place', () => {
    expect(parseReferences('Amt für Statistik 2010: Kinder in den alten Ländern haben ältere Väter. Pressemitteilung vom 3. Mai 2010')).toHaveLength(1)
    expect(parseReferences('Tomasz Nowak. Wiersze i listy. Pisma i dzienniki. Kraków o.J.')).toHaveLength(1)
    expect(parseReferences('Karl Popp, Was die Stadt uns lehrt und wie wir sie bauen, Berlin 1990.')).toHaveLength(1)
    expect(parseReferences('LGA, Walls and gates 3: are the towns keeping them safely and cheaply? [2015]')).toHaveLength(1)
  })

  test('a reporter keeps a reference that runs on into commentary', () => {
    expect(parseReferences('Treaty on the Use of Rivers and on Their Upkeep, 3 May 1988, 1733 U.N.T.S. 95 [the "River Treaty"]. At the time, the text was still new and few states had signed it.')).not.toHaveLength(0)
  })
})

describe('the journal or book after `in`', () => {
  const container = (text: string) => parseReferences(text)[0]?.parse.item['container-title']

  test('`in` without a colon after a comma opens the journal', () => {
    expect(container('Roth, Axel (2006): Länderprofil Polen, in Focus Europa, Hamburgisches Institut, 3-5.')).toBe('Focus Europa')
  })

  test('the kind of periodical before its title is no part of it', () => {
    expect(container('Ivan Petrov, Die Wirtschaft im Osten, in: der Zeitschrift Nowy Mir, Nr. 7/ 1989, S. 12-40.')).toBe('Nowy Mir')
    expect(container('Jones, A. (1990): Rents. In: The Journal of Urban Studies 12 (3), S. 4-9.')).toBe('The Journal of Urban Studies')
  })

  test('the body that issues a journal, before a colon, is no part of its title', () => {
    expect(container('Keller, Anna: Arbeit und Familie. Ergebnisse der Erhebung 2010, in: Statistisches Landesamt: Daten und Analysen. März 2011. Mainz.')).toBe('Daten und Analysen')
    // A title and its subtitle stay whole.
    expect(container('Keller, Anna: Arbeit, in: Geschichte der Arbeit: Eine Einführung, Berlin 2001, S. 3-9.')).toBe('Geschichte der Arbeit: Eine Einführung')
  })

  test('the body that publishes a journal, after a comma, is no part of its title', () => {
    expect(container('Roth, Axel (2006): Länderprofil Polen, in: Focus Europa, Hamburgisches Weltwirtschaftsinstitut, 3-5.')).toBe('Focus Europa')
  })

  test('Spanish `núm.` is the issue, not part of the journal', () => {
    expect(container('Ministerio de Hacienda (2004): Acuerdo sobre pesca, in: BOE núm. 118, 9 junio 1999.')).toBe('BOE')
  })
})

describe('author-date references in German notes', () => {
  test('names and a bare year right after a lead-in are a citation', () => {
    const found = parseReferences('Im Brief wird er als Leiter genannt (vgl. Lenz/Roth 1993: 24, Dokument 1).').find((reference) => reference.parse.item.author)
    expect(found?.parse.item.author?.map((name) => name.family)).toEqual(['Lenz', 'Roth'])
    expect(found?.parse.item.issued?.['date-parts']?.[0]?.[0]).toBe(1993)
  })

  test('the work after the names and year is the title, with a year printed in it', () => {
    const title = (text: string) => parseReferences(text)[0]?.parse.item.title
    expect(title('Amt für Jugend und Sport (2012): Jahresbericht 2012. Bonn.')).toBe('Jahresbericht 2012')
    expect(title('Ministerium für Bildung (2006b): Plan für die Schulen 2007-2010, Graz.')).toBe('Plan für die Schulen 2007-2010')
  })
})

test('a name after an article, with no title, is the periodical cited', () => {
  const [found] = parseReferences('Der Stern (1984), Nr. 12, S. 40ff.')
  expect(found?.parse.item['container-title']).toBe('Der Stern')
  expect(found?.parse.item.author).toBeUndefined()
  expect(parseReferences('Hans Der (1984), S. 3.')[0]?.parse.item.author?.[0]?.family).toBe('Der')
})

test('an address after a reference with none, joined by `siehe:`, is where that document is found', () => {
  const found = parseReferences('Erklärung der Außenminister vom 3.4.2008; siehe: http://www.example.org/a.html (Zugriff am 18.6.2010)')
  expect(found).toHaveLength(1)
  expect(found[0]?.parse.item.URL).toBe('http://www.example.org/a.html')
  // After `siehe auch`, or after a full stop, the address is a citation of its own.
  expect(parseReferences('Erklärung der Außenminister vom 3.4.2008; siehe auch http://www.example.org/a.html (Zugriff am 18.6.2010)')).toHaveLength(2)
  expect(parseReferences('Erklärung der Außenminister vom 3.4.2008. Siehe: http://www.example.org/a.html (Zugriff am 18.6.2010)')).toHaveLength(2)
})

test('after a page with its full stop lost, a name as printed or an Ibid. starts the next reference', () => {
  const found = parseReferences('Karl Stein, Wege der Stadt 1880, Bonn: Verlag der Stadt, Mai 1990, S. 7ff Karl Stein, Wege der Städte 1890, Bonn: Verlag der Stadt, 1991, S. 6 Ebd .')
  expect(found.map((reference) => reference.parse.item.issued?.['date-parts']?.[0]?.[0] ?? (reference.parse.ibid ? 'ibid' : undefined))).toEqual([1990, 1991, 'ibid'])
  // A body's long name before its bracketed year, after a full stop, starts one too.
  expect(parseReferences('Amt für Statistik, Abteilung Regionen, Referat Wohnen und Bauen, Sachgebiet Mieten (2005): Jahrbuch 2005, Graz. Amt für Statistik, Abteilung Regionen, Referat Wohnen und Bauen, Sachgebiet Mieten (2007): Jahrbuch 2007, Graz, 43.')).toHaveLength(2)
})

test('`siehe auch S. …` after a page gives more pages of the same work, not a reference', () => {
  const found = parseReferences('Haber AG (2011), S. 87, siehe auch S. 5–6, 31 und 212.')
  expect(found).toHaveLength(1)
  expect(found[0]?.text).toBe('Haber AG (2011), S. 87, siehe auch S. 5–6, 31 und 212.')
  expect(found[0]?.parse.locator).toBe('87')
  expect(parseReferences('Haber (2011), S. 2; siehe auch Roth (2001), S. 4.')).toHaveLength(2)
})

test('the shared year pattern: a year of 1500–2099 standing alone', async () => {
  const {firstYear} = await import('../../pipeline/citations/dates.js')
  expect(firstYear('Berlin 1990, S. 12345')).toBe(1990)
  expect(firstYear('Az. 123456, S. 1499')).toBeUndefined()
  expect(firstYear('vom 3.4.2101 und 2005')).toBe(2005)
})

describe('spans that open inside a sentence', () => {
  test('a span opening with a word in lower case and no facts of a publication is no reference', () => {
    expect(parseReferences('Die Zuordnung geschieht schon beim Ziehen (nach dem Stichprobenplan) oder später durch die Befragten.')).toHaveLength(0)
  })

  test('a word in lower case before a page, a place or a bracketed year still opens a reference', () => {
    expect(parseReferences('Morgenpost vom 14./15. 6. 1987, S. 3.')).toHaveLength(1)
    expect(parseReferences('forthcoming, Les ateliers de la ville, manuscript, march 1999.')).toHaveLength(1)
    expect(parseReferences('Vgl. etwa drei Anfragen der Fraktion im Landtag: LT-Drs. 19/4411 mit der Antwort der Regierung vom 3. Mai 2017.')).toHaveLength(1)
  })
})

test('a newspaper column after the date is its section, not a title', () => {
  const [found] = parseReferences('Landbote (LB) vom 4. 2. 1988, S. 7, unter der Rubrik „Im Land“.')
  expect(found?.parse.item.title).toBeUndefined()
  expect(found?.parse.item.section).toBe('Im Land')
  expect(found?.parse.item['container-title']).toBe('Landbote (LB)')
})

test('a body named before the first comma is the author, the words up to the next comma the title', () => {
  const fields = (text: string) => {
    const item = parseReferences(text)[0]?.parse.item
    return {author: item?.author?.[0]?.literal ?? item?.author?.[0]?.family, title: item?.title, year: item?.issued?.['date-parts']?.[0]?.[0]}
  }
  expect(fields('Statistisches Landesamt Sachsen, Statistisches Jahrbuch 2004, Kamenz 2005, S. 12.')).toEqual({author: 'Statistisches Landesamt Sachsen', title: 'Statistisches Jahrbuch 2004', year: 2005})
  expect(fields('Danish Central Statistical Office, Regional Yearbook, Copenhagen 1996, S. 4f.')).toMatchObject({title: 'Regional Yearbook', year: 1996})
  // A person's name before the first comma is no body.
  expect(fields('Müller, Hans, Die Stadt, Berlin 1990.')).toMatchObject({author: 'Müller', title: 'Die Stadt'})
})

test('a journal and its issue of a year after the title’s full stop', () => {
  const [found] = parseReferences('Keller, Anna (2006): Das neu geregelte Mutterschutz-Gesetz. Arbeit und Recht 3/2006, Köln: Bund-Verlag, 212.')
  expect(found?.parse.item.title).toBe('Das neu geregelte Mutterschutz-Gesetz')
  expect(found?.parse.item['container-title']).toBe('Arbeit und Recht')
})

test('a place with its colon and a publisher before a date end the title', async () => {
  const {relabel} = await import('../../pipeline/citations/model/reference.js')
  const words = 'Karl Stein, Aus polnischen Zeitungen 1998, Ebenhausen: Institut für Ostfragen, Februar 1999'.split(' ')
  let at = 0
  const tokens = words.map((text, index) => {
    const start = at
    at += text.length + 1
    return {text, start, end: start + text.length, label: (index < 2 ? 'author' : index >= 10 ? 'date' : 'title') as Label}
  })
  expect(relabel(tokens).map((token) => token.label)).toEqual(['author', 'author', 'title', 'title', 'title', 'title', 'location', 'publisher', 'publisher', 'publisher', 'date', 'date'])
  // A subtitle after a colon is no publisher: no comma before the word with the colon.
  const subtitle = tokens.map((token) => ({...token}))
  subtitle[5] = {...subtitle[5]!, text: '1998'}
  expect(relabel(subtitle)[6]?.label).toBe('title')
})

test('after a body and its year, the last words of the title read as a journal, and its year, are the title\'s', () => {
  const printed: Array<[string, Label]> = [['Amt', 'author'], ['für', 'title'], ['Kultur', 'title'], ['(2009):', 'date'], ['Plan', 'title'], ['für', 'title'], ['die', 'title'], ['Kultur', 'title'], ['Nord', 'journal'], ['2009,', 'volume'], ['Graz,', 'location'], ['12.', 'pages']]
  let at = 0
  const tokens = printed.map(([text, label]) => {
    const start = at
    at += text.length + 1
    return {text, start, end: start + text.length, label}
  })
  const [reference] = segmentReferences(tokens, loadBoundary((shipped as Weights).boundary!))
  expect(reference?.tokens.map((token) => token.label)).toEqual(['author', 'author', 'author', 'date', 'title', 'title', 'title', 'title', 'title', 'title', 'location', 'pages'])
})

test('a semicolon printed apart after a date separates citations, between names it does not', () => {
  const found = parseReferences('Kern, in der Kieler Abendpost vom 4. 2. 1988 ; Otto Lenz, Das Fest, Bonn 1996.')
  expect(found.map((reference) => reference.parse.item.issued?.['date-parts']?.[0]?.[0])).toEqual([1988, 1996])
  expect(parseReferences('Roth, D. ; Lenz, K.: Das Fest. Bonn 1996.')).toHaveLength(1)
})

test('names and a bracketed year after a sentence end start a citation; low quotation marks close a quotation', () => {
  const found = parseReferences('Es geht darum, wie sich die Leute auf den Alltag (...) beziehen. Hausmann (1993), S. 228.')
  expect(found.at(-1)?.text).toBe('Hausmann (1993), S. 228.')
  expect(found.at(-1)?.parse.item.author?.[0]?.family).toBe('Hausmann')
  expect(parseReferences('Der Begriff wird im Sinne des von Karl Lenz entfalteten Verständnis der „Welt des Alltags„ als einer „eigenen Wirklichkeit„ (own reality) gebraucht.')).toHaveLength(0)
})

describe('dates printed with an ordinal day', () => {
  test('keeps `vom 3. Mai 1797` whole in the reference it dates', () => {
    const found = parseReferences('Brief der Zunft an den Rat vom 3. Mai 1797, zit. nach: Ernst Albers, Zunftbriefe, Kassel 1911, S. 12.')
    expect(found).toHaveLength(2)
    expect(found[0]?.text).toMatch(/vom 3\. Mai 1797,$/)
    expect(found[1]?.text).toBe('Ernst Albers, Zunftbriefe, Kassel 1911, S. 12.')
    expect(found[0]?.parse.item.issued?.['date-parts']?.[0]?.[0]).toBe(1797)
  })
})

describe('German book notes', () => {
  const item = (text: string) => parseReferences(text)[0]?.parse.item
  test('a series in brackets after the title, before the town and year', () => {
    expect(item('Vgl. Erika Sommer, Zünfte und Gilden in Lübeck (Veröffentlichungen zur Stadtgeschichte 9), Lübeck 1979, S. 40.')).toMatchObject({
      title: 'Zünfte und Gilden in Lübeck', 'collection-title': 'Veröffentlichungen zur Stadtgeschichte', 'collection-number': '9', 'publisher-place': 'Lübeck', issued: {'date-parts': [[1979]]}
    })
  })
  test('a given name after words of the sentence, a town with a connective, ders. before a title', () => {
    const [article] = parseReferences('So schon Ingrid Kessler, Die Deiche der Marsch, in: Küstenblätter 12 (1958), S. 3–30, hier S. 9.')
    expect(article?.parse.item.author).toEqual([{family: 'Kessler', given: 'Ingrid'}])
    // The article's pages, then the page cited.
    expect(article?.parse.item.page).toBe('3-30')
    expect(article?.parse.locator).toBe('9')
    const [first, second] = parseReferences('Anders Jan Vogt, Die Stadt und ihr Hafen, Reinbek bei Hamburg 1991, S. 4; ders., Von Emden nach Leer, Aurich 1995, S. 8.')
    expect(first?.parse.item).toMatchObject({title: 'Die Stadt und ihr Hafen', 'publisher-place': 'Reinbek bei Hamburg'})
    expect(second?.parse.item).toMatchObject({title: 'Von Emden nach Leer', 'publisher-place': 'Aurich', author: [{family: 'Vogt', given: 'Jan'}]})
  })
  test('the prose after a short author-date citation, and a quotation before one, are no part of it', () => {
    expect(parseReferences('Dazu Lorenz/Haas (2004). Die Begriffe ‚Hafen‘ und ‚Stadt‘ werden hier in Anführungszeichen gesetzt.').map((found) => found.text)).toEqual(['Lorenz/Haas (2004).'])
    expect(parseReferences('Kunze sieht darin „eine Ordnung der Dinge“. Kunze (1981), S. 12.').map((found) => found.text)).toEqual(['Kunze (1981), S. 12.'])
  })
  test('an edition printed in superscript before the year, and a volume beside an edition', () => {
    expect(item('Paul Hager, Markt und Stadt im Mittelalter, Graz 31971, S. 12.')).toMatchObject({edition: '3', 'publisher-place': 'Graz', issued: {'date-parts': [[1971]]}})
    expect(item('Ludwig Hahn, Geschichte der Hanse, Bd. 2, 4. Aufl., Leipzig 1911, S. 5.')).toMatchObject({volume: '2', edition: '4', issued: {'date-parts': [[1911]]}})
  })
})
