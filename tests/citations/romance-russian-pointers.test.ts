import {describe, expect, it} from 'vitest'
import {parseReferences} from '../../pipeline/citations/model/index.js'
import {citationsOf, testMeta} from './document.js'

/** The citations of a document whose notes are these, in this language. */
function notes(language: string, ...texts: string[]) {
  const calls = texts.map((_, index) => `Text.[^${index + 1}]`).join(' ')
  const definitions = texts.map((text, index) => `[^${index + 1}]: ${text}`).join('\n')
  return citationsOf(`${calls}\n\n${definitions}\n`, testMeta('article', language))
}

describe('Russian notes', () => {
  it('`с.` before a number is the page, `М.:` the town, kept with its full stop', () => {
    const [found] = parseReferences('П. А. Орлов, *Рынки губернии*, М.: Наука, 1981, с. 62.')
    expect(found?.parse.item).toMatchObject({author: [{family: 'Орлов', given: 'П. А.'}], title: 'Рынки губернии', publisher: 'Наука', 'publisher-place': 'М.'})
    expect(found?.parse).toMatchObject({locator: '62', label: 'page'})
  })

  it('`СПб.`, `Л.` before a publisher are towns, `С.` with a range the pages', () => {
    const [spb] = parseReferences('Е. К. Белова, *Лавки Невского*, т. 3, СПб.: Нестор, 2004, С. 17–21.')
    expect(spb?.parse.item).toMatchObject({'publisher-place': 'СПб.', publisher: 'Нестор', volume: '3'})
    expect(spb?.parse).toMatchObject({locator: '17-21', label: 'page'})
    const [l] = parseReferences('Г. Д. Зуев, *Мельницы*, Л.: Наука, 1959, с. 8.')
    expect(l?.parse.item['publisher-place']).toBe('Л.')
  })

  it('`№ 2` after a journal\'s year is the issue, no volume', () => {
    const [found] = parseReferences('Т. В. Лис, «Обозы и ямщики», *Исторический журнал*, 1977, № 2, с. 90–101.')
    expect(found?.parse.item).toMatchObject({type: 'article-journal', 'container-title': 'Исторический журнал', issue: '2', page: '90-101'})
    expect(found?.parse.item.volume).toBeUndefined()
  })

  it('`Там же, с. 9` is Ibid. with its page; `Указ. соч.` a short form of the work named before', () => {
    const citations = notes('ru',
      'П. А. Орлов, *Рынки губернии*, М.: Наука, 1981, с. 62.',
      'Там же, с. 64.',
      'Т. В. Лис, «Обозы и ямщики», *Исторический журнал*, 1977, № 2, с. 90–101.',
      'Орлов П. А. Указ. соч., с. 70.',
      'Там же. С. 71.')
    expect(citations).toHaveLength(5)
    expect(citations[1]).toMatchObject({ibid: true, locator: '64', resolvesTo: {note: 1, index: 0}})
    expect(citations[3]).toMatchObject({shortForm: true, locator: '70', resolvesTo: {note: 1, index: 0}})
    // An Ibid. points at the note before it, itself the short form of the first.
    expect(citations[4]).toMatchObject({ibid: true, locator: '71', resolvesTo: {note: 4, index: 0}})
  })

  it('`См.:` leads into a reference with the name printed family first', () => {
    const [found] = parseReferences('См.: Жуков Р. С. Соляные промыслы. Пермь: Книга, 2003. С. 5–6.')
    expect(found?.parse.item).toMatchObject({author: [{family: 'Жуков', given: 'Р. С.'}], title: 'Соляные промыслы', 'publisher-place': 'Пермь', publisher: 'Книга'})
    expect(found?.parse).toMatchObject({locator: '5-6', label: 'page'})
  })
})

describe('Russian notes in the GOST form', () => {
  it('family name first, the title up to the town before the year', () => {
    const [found] = parseReferences('Белов Г. Д. Кожевники Пскова. Псков, 1992. С. 31.')
    expect(found?.parse.item).toMatchObject({author: [{family: 'Белов', given: 'Г. Д.'}], title: 'Кожевники Пскова', 'publisher-place': 'Псков', issued: {'date-parts': [[1992]]}})
    expect(found?.parse).toMatchObject({locator: '31', label: 'page'})
  })

  it('the title up to `//`, the journal after it; `Т. 2` and `Вып. 4` are volumes', () => {
    const [article] = parseReferences('Белов Г. Д. Дубильные промыслы // Вестник края. 1995. № 3. С. 8–15.')
    expect(article?.parse.item).toMatchObject({type: 'article-journal', author: [{family: 'Белов'}], title: 'Дубильные промыслы', 'container-title': 'Вестник края', issue: '3', page: '8-15'})
    const [book] = parseReferences('Белов Г. Д. Пушной торг. Л.: Наука, 1966. Т. 2. С. 40.')
    expect(book?.parse.item).toMatchObject({title: 'Пушной торг', 'publisher-place': 'Л.', publisher: 'Наука', volume: '2'})
    const [series] = parseReferences('Белов Г. Д. Пушной торг. Л., 1966. Вып. 4. С. 40.')
    expect(series?.parse.item.volume).toBe('4')
    expect(series?.parse.item.genre).toBeUndefined()
  })

  it('a list of family names with initials is each a name', () => {
    const [found] = parseReferences('Белов Г. Д., Рябова Н. С. Кожевники Пскова. Псков, 1992. С. 31.')
    expect(found?.parse.item.author).toEqual([{family: 'Белов', given: 'Г. Д.'}, {family: 'Рябова', given: 'Н. С.'}])
  })

  it('a collective work: the title up to the slash, the editors after `под общ. ред.`', () => {
    const [found] = parseReferences('Промыслы Севера / под общ. ред. Г. Д. Белова, Н. С. Рябовой. Архангельск: Правда, 2002. С. 12.')
    expect(found?.parse.item).toMatchObject({title: 'Промыслы Севера', editor: [{family: 'Белова', given: 'Г. Д.'}, {family: 'Рябовой', given: 'Н. С.'}], 'publisher-place': 'Архангельск', publisher: 'Правда'})
    expect(found?.parse.item.author).toBeUndefined()
  })

  it('a chapter: the book after `//`, its volume, editors and town; one reference, not two', () => {
    const found = parseReferences('Белов Г. Д., Рябова Н. С. Мездра и дубье // Ремесла края. Т. 4: Кожи / под ред. Л. М. Грина. Псков, 1999.')
    expect(found).toHaveLength(1)
    expect(found[0]?.parse.item).toMatchObject({type: 'chapter', title: 'Мездра и дубье', 'container-title': 'Ремесла края', volume: '4', editor: [{family: 'Грина', given: 'Л. М.'}], 'publisher-place': 'Псков'})
    const [book] = parseReferences('Белов Г. Д. Мездра // Ремесла края / под ред. Л. М. Грина. Псков: Вече, 1999. С. 40–52.')
    expect(book?.parse.item).toMatchObject({type: 'chapter', 'container-title': 'Ремесла края', publisher: 'Вече', page: '40-52'})
  })

  it('`Она же.` names the author cited before', () => {
    const citations = notes('ru',
      'Зимина Е. А. Гончары Вятки. Вятка, 1985. С. 3.',
      'Она же. Ярмарочная торговля // Вестник края. 1991. № 1. С. 50–61.')
    expect(citations[1]?.item).toMatchObject({author: [{family: 'Зимина'}], title: 'Ярмарочная торговля', 'container-title': 'Вестник края'})
  })
})

describe('Spanish `Íd.` and `Ídem`', () => {
  it('`Íd.,` before a title names the author cited before', () => {
    const citations = notes('es',
      'Rosa Velasco, *Los gremios de Toledo*, Madrid, Cátedra, 1982, p. 14.',
      'Íd., *Las cofradías*, Toledo, Zocodover, 1989, p. 30.')
    expect(citations[1]?.item).toMatchObject({author: [{family: 'Velasco'}], title: 'Las cofradías'})
  })

  it('`Ob. cit.` after the name resolves to the work cited in full', () => {
    const citations = notes('es',
      'Rosa Velasco, *Los gremios de Toledo*, Madrid, Cátedra, 1982, p. 14.',
      'Tomás Ruiz, *El Tajo*, Madrid, Alianza, 1970, p. 3.',
      'R. Velasco, ob. cit., págs. 20-22.')
    expect(citations[2]).toMatchObject({shortForm: true, locator: '20-22', resolvesTo: {note: 1, index: 0}})
  })
})

describe('French journals', () => {
  it('`*Annales*, 1969, n° 3`: the year after the journal\'s title is the issue\'s', () => {
    const [found] = parseReferences('Lise Perrin, « Les gabelles du Midi », *Cahiers de la Vallée*, 1971, n° 2, p. 140-162.')
    expect(found?.parse.item).toMatchObject({'container-title': 'Cahiers de la Vallée', issued: {'date-parts': [[1971]]}, issue: '2', page: '140-162'})
  })
})

describe('`Id.` after a short form', () => {
  it('takes the author\'s names from the work cited in full, not the short form\'s initial', () => {
    const citations = notes('fr',
      'Marc Lefort, *Les tanneurs de Nantes*, Nantes, Ouest, 1966, p. 9.',
      'M. Lefort, op. cit., p. 12.',
      'Id., « Les cuirs », *Revue du Maine*, XX, 1970, p. 5-30.')
    expect(citations[2]?.item).toMatchObject({author: [{family: 'Lefort', given: 'Marc'}], title: 'Les cuirs'})
  })
})

describe('Spanish pointers with the accent', () => {
  it('`Ibíd.` and `Ibídem` are the work cited just before, with their own pages', () => {
    const citations = notes('es', 'Marta Lobo, *El muelle viejo*, Cádiz, Ediciones Sal, 1991, pp. 4-6.', 'Ibíd., p. 62.', 'Ibídem, pp. 70-71.')
    expect(citations.map((citation) => citation.ibid)).toEqual([false, true, true])
    expect(citations.slice(1).map((citation) => citation.locator)).toEqual(['62', '70-71'])
    expect(citations[1]?.item.title).toBeUndefined()
  })
})
