import {describe, expect, test} from 'vitest'
import {eruditeReferences} from '../../pipeline/citations/model/erudite.js'
import {parseReferences} from '../../pipeline/citations/model/index.js'
import {citationsOf, testMeta} from './document.js'

const meta = testMeta('book', 'en')

function extract(markdown: string) {
  return citationsOf(markdown, meta)
}

/** The references of a note as their printed text and the fields that matter here. */
function read(note: string) {
  return parseReferences(note).map((reference) => ({
    text: reference.text,
    authors: reference.parse.item.author?.map((name) => name.family ?? name.literal),
    title: reference.parse.item.title,
    container: reference.parse.item['container-title'],
    volume: reference.parse.item.volume,
    locator: reference.parse.locator,
    label: reference.parse.label,
    ibid: reference.parse.ibid
  }))
}

describe('short references in érudit and classical shorthand', () => {
  test('an author and a roman locator alone is a reference', () => {
    const [only, ...rest] = read('Lambert, xlii.')
    expect(rest).toEqual([])
    expect(only).toMatchObject({text: 'Lambert, xlii.', authors: ['Lambert'], title: undefined, locator: 'xlii', ibid: false})
  })

  test('Ibid. with and without emphasis, with a roman or a page locator', () => {
    expect(read('Ibid. xxiv.')).toMatchObject([{ibid: true, locator: 'xxiv'}])
    expect(read('*Ibid*. p. 12.')).toMatchObject([{ibid: true, locator: '12', authors: undefined}])
    expect(read('*Ibid.* lx. lxi.')).toMatchObject([{ibid: true, locator: 'lx, lxi'}])
  })

  test('a bare page opening a note cites the work cited last', () => {
    expect(read('Page 212.')).toMatchObject([{ibid: true, locator: '212', label: 'page'}])
    // A page inside a sentence is no reference of its own.
    expect(read('as the printer put it on page 212 of the proof')).toEqual([])
  })

  test('an emphasised abbreviated title stays one title, without its marks', () => {
    expect(read('Fournier, *Hist. Eccl. Moderne*, p. 215.')).toMatchObject([{authors: ['Fournier'], title: 'Hist. Eccl. Moderne', container: undefined, locator: '215'}])
    expect(read('*Annals of the Synods*, ii. p. 77.')).toMatchObject([{authors: undefined, title: 'Annals of the Synods', volume: 'ii', locator: '77'}])
  })

  test('tome, volume, book and chapter cues are locators, never names', () => {
    expect(read('Massillon, t. xiv. p. 33.')).toMatchObject([{authors: ['Massillon'], volume: 'xiv', locator: '33'}])
    expect(read('Polybius, l. iii. p. 410.')).toMatchObject([{authors: ['Polybius'], locator: '410'}])
    expect(read('Strabo, l. iv. [c. 12,] p. 208.')).toMatchObject([{text: 'Strabo, l. iv. [c. 12,] p. 208.', authors: ['Strabo'], locator: '208'}])
    expect(read('Strabo, l. iv.')).toMatchObject([{authors: ['Strabo'], locator: 'iv', label: 'book'}])
    expect(read('Vopiscus, tom. iii. p. 5 sq.')).toMatchObject([{authors: ['Vopiscus'], volume: 'iii', locator: '5'}])
  })

  test('a classical name of two words is one author; an abbreviated head is a title', () => {
    expect(read('Diodorus Siculus, l. xii. p. 512.')).toMatchObject([{authors: ['Diodorus Siculus']}])
    expect(read('Vita Hadr. p. 14.')).toMatchObject([{authors: undefined, title: 'Vita Hadr', locator: '14'}])
    expect(read('Mr. Hartley, Hist. of Gaul, p. 92, 93.')).toMatchObject([{authors: ['Hartley'], title: 'Hist. of Gaul', locator: '92, 93'}])
  })

  test('commentary before the reference is left out of it', () => {
    expect(read('The senate met in the forum and chose him. Polybius, l. iii. p. 410.')).toMatchObject([{text: 'Polybius, l. iii. p. 410.', authors: ['Polybius']}])
    expect(read('He was buried, according to the scholiast (Orat. c. 12,) near the gate.')).toMatchObject([{text: 'Orat. c. 12', title: 'Orat', locator: '12', label: 'chapter'}])
    expect(read('as was observed by Mr. Hartley, Hist. of Gaul, p. 92.')).toMatchObject([{text: 'Mr. Hartley, Hist. of Gaul, p. 92.'}])
  })

  test('references printed one after another without a semicolon are cut after each locator run', () => {
    expect(read('Strabo, l. iv. p. 105 Polybius, l. ii. p. 16 Vita Hadr. p. 21.').map((reference) => reference.text)).toEqual([
      'Strabo, l. iv. p. 105',
      'Polybius, l. ii. p. 16',
      'Vita Hadr. p. 21.'
    ])
  })

  test('a year in a run of numbers, or a lower-case word before them, makes no reference', () => {
    expect(eruditeReferences('in the winter of 1820, 14 ships were lost')).toEqual([])
    expect(eruditeReferences('he had counted ii. and iii. twice')).toEqual([])
  })

  test('a reference with a year keeps the labeller’s reading', () => {
    const [only] = read('Smith, Theory of Justice (Oxford: Clarendon, 1971), p. 45.')
    expect(only?.text.startsWith('Smith, Theory of Justice (Oxford')).toBe(true)
  })
})

describe('what is no roman locator', () => {
  test('words that are letters of roman numerals are no locators', () => {
    expect(eruditeReferences('Die Tabelle im Anhang zeigt die Werte mit Übersicht im Bericht')).toEqual([])
    expect(eruditeReferences('Erläutert von Hans Weber im Kapitel über Preise')).toEqual([])
    expect(eruditeReferences('the sonnets of Dante di Alighieri mi amor')).toEqual([])
  })
})

describe('érudit notes in a document', () => {
  test('after `of`, the name belongs to the prose and the title to the reference', () => {
    expect(read('The flight of Quintus Rufus, Hist. Rom. p. 88.')).toMatchObject([{text: 'Hist. Rom. p. 88.', authors: undefined, title: 'Hist. Rom'}])
    // After `by`, the name is the author's.
    expect(read('as was observed by Mr. Hartley, Hist. of Gaul, p. 92.')).toMatchObject([{authors: ['Hartley']}])
  })

  test('beside érudit references, commentary the labeller read as one is dropped', () => {
    const found = read('Porphyrius, (born of a slave.) By a new fashion the coins were struck for his years; Lenain, Hist. des Rois, tom. ii. p. 75.')
    expect(found.map((reference) => reference.text)).toEqual(['Lenain, Hist. des Rois, tom. ii. p. 75.'])
  })

  test('Ibid., short titles and bare pages resolve to the work cited before', () => {
    const citations = extract(
      'a[^1] b[^2] c[^3] d[^4] e[^5] f[^6]\n\n' +
        '[^1]: Lambert, *Hist. des Conciles*, ii. p. 30.\n\n' +
        '[^2]: *Ibid*. p. 34.\n\n' +
        '[^3]: Vopiscus, tom. iii. p. 5.\n\n' +
        '[^4]: *Hist. des Conciles*, p. 41.\n\n' +
        '[^5]: Page 44.\n\n' +
        '[^6]: *Annals of the Synods*, i. p. 8.\n'
    )
    expect(citations.map((citation) => [citation.note, citation.locator])).toEqual([[1, '30'], [2, '34'], [3, '5'], [4, '41'], [5, '44'], [6, '8']])
    expect(citations[0]?.item).toMatchObject({author: [{family: 'Lambert'}], title: 'Hist. des Conciles', volume: 'ii'})
    expect(citations[1]).toMatchObject({ibid: true, resolvesTo: {note: 1, index: 0}})
    expect(citations[3]).toMatchObject({shortForm: true, resolvesTo: {note: 1, index: 0}})
    expect(citations[4]).toMatchObject({ibid: true, resolvesTo: {note: 4, index: 0}})
  })
})

describe('marked titles and what is no head', () => {
  test('a title in quotation marks or underscores is taken whole', () => {
    expect(read('Lacroix, "Histoire des Impôts de France," V. II. pp. 71, 72.')).toMatchObject([{authors: ['Lacroix'], title: 'Histoire des Impôts de France', volume: 'II', locator: '71, 72'}])
    expect(read('Holm, _Sagen und Bräuche_, p. 44.')).toMatchObject([{authors: ['Holm'], title: 'Sagen und Bräuche', locator: '44'}])
  })

  test('an author in the possessive, and an author writing in a periodical', () => {
    expect(read("Brand's _Old Harbours_, p. 50.")).toMatchObject([{authors: ['Brand'], title: 'Old Harbours'}])
    expect(read('Osten in _Z.B.K._ 14, pp. 77 ff.')).toMatchObject([{authors: ['Osten'], title: undefined, container: 'Z.B.K'}])
  })

  test('a sentence that ends before a marked title is no part of its head', () => {
    expect(read('So say the chronicles. _Ann. Reg._ I. p. 13.')).toMatchObject([{text: '_Ann. Reg._ I. p. 13.', authors: undefined, title: 'Ann. Reg', volume: 'I'}])
  })

  test('roman numerals in capitals, circa years and large bare numbers are no heads or locators', () => {
    expect(read('"Registres de la Cour," vol. LXXXIV pp. 17, 62.')).toMatchObject([{title: 'Registres de la Cour', volume: 'LXXXIV', locator: '17, 62'}])
    expect(eruditeReferences('under King Vijaya Bâhu (c. 1160)')).toEqual([])
    expect(eruditeReferences('the reign of Queen Sîvalî, 1361.')).toEqual([])
    expect(eruditeReferences('as told in Book V, ch. 2')).toEqual([])
  })
})

describe('transcribed notes', () => {
  test('`--` parts references, and a cue glued to its number is read', () => {
    expect(read('Marchand, "Les Foires du Poitou," p.19.--Consult the registers of the fairs.--Gauthier\'s Mémoires, I. 49, 79.--Rivet, "Le Bailliage," II. 272.')).toMatchObject([
      {text: 'Marchand, "Les Foires du Poitou," p.19.', authors: ['Marchand'], title: 'Les Foires du Poitou', locator: '19'},
      {text: "Gauthier's Mémoires, I. 49, 79.", authors: ['Gauthier'], title: 'Mémoires', volume: 'I', locator: '49, 79'},
      {text: 'Rivet, "Le Bailliage," II. 272.', authors: ['Rivet'], volume: 'II', locator: '272'}
    ])
  })

  test('an author and `ib.`, `ibid.` or `op. cit.` point to that author’s work cited before', () => {
    expect(read('Rivet, ib. I. 102.--Marchand, ibid. 249, 258.')).toMatchObject([
      {authors: ['Rivet'], title: undefined, volume: 'I', locator: '102', ibid: false},
      {authors: ['Marchand'], locator: '249, 258', ibid: false}
    ])
    expect(read('Suard, "Vie de Philippe II.," chap. VII.')).toMatchObject([{authors: ['Suard'], title: 'Vie de Philippe II', locator: 'VII', label: 'chapter'}])
  })

  test('a bracket closed before the locators ends the head', () => {
    expect(read('Perin, "La Jeunesse," (complaints of the guilds in Artois), p.317.').map((reference) => reference.text)).not.toContain('Artois), p.317.')
  })
})

describe('French érudit notes', () => {
  test('`Voy.` leads in, `Le P.` is a title, and tome and page are read', () => {
    expect(read('Voy. Marchand-Le Roy, *Comptes de la ville de Niort,* t. II, p. 299.')).toMatchObject([{authors: ['Marchand-Le Roy'], title: 'Comptes de la ville de Niort', volume: 'II', locator: '299'}])
    expect(read('Le P. Ambroise, *Hist. généal.,* t. VI, p. 64.')).toMatchObject([{authors: ['Ambroise'], title: 'Hist. généal', volume: 'VI', locator: '64'}])
    expect(read('*Id. ibid.,* t. VI, p. 66.')).toMatchObject([{ibid: true, volume: 'VI', locator: '66'}])
  })
})

describe('scholastic divisions', () => {
  test('question, article, distinction and reply are the locator, as printed', () => {
    expect(read('Ockham, *Quodlibeta*, q. 4, art. 2.')).toMatchObject([{authors: ['Ockham'], title: 'Quodlibeta', locator: 'q. 4, art. 2', label: 'section'}])
    expect(read('*In Libros Sententiarum*, 2 Dist. 14, a. 3.')).toMatchObject([{title: 'In Libros Sententiarum', locator: '2 Dist. 14, a. 3', label: 'section'}])
    // `d.` before a year is `died`.
    expect(eruditeReferences('Peter of Ailly, d. 1420, wrote on it.')).toEqual([])
  })
})

describe('German places and initials', () => {
  test('`a. M.` and initials in capitals are no locators', () => {
    expect(eruditeReferences('Kant, I. (1977). Werke, Bd. 4. Frankfurt a. M.')).toEqual([])
    expect(eruditeReferences('Kraus, Kleine Schriften. Halle a. d. S.')).toEqual([])
  })
})
