/**
 * Short references of older scholarship, in érudit and classical shorthand: a head (an author,
 * a title, both, or Ibid.) and a run of locators (`Marchand, Hist. des Abbayes, tom. iii.
 * p. 418`, `Quintus Rufus, l. xiv. p. 322`, `Lambert, xlii`, `*Ibid*. p. 54`, `Page 212`).
 * The locators find the reference; its head runs back from them to the prose, a bracket, a
 * `;` or the reference before, so commentary before it in a note is no part of it, and
 * references printed one after another without a `;` are cut where a locator run ends.
 */
import type {LocatorLabel} from '../../shared/types/citation.js'
import type {CslItemDraft, CslName} from '../../shared/types/csl.js'
import {isProseWord} from './lexicon.js'
import type {ModelParse} from './reference.js'
import {year as yearSource} from '../dates.js'

export interface EruditeReference {
  start: number
  end: number
  parse: ModelParse
}

interface Word {
  /** The token without outer brackets, quotes and punctuation. */
  core: string
  raw: string
  start: number
  end: number
  /** The last word of the text. */
  last: boolean
  /** A `--` between this word and the one before. */
  dashBefore: boolean
}

/** Cues before a locator's value: book, chapter, tome, volume, page, column, folio, section. */
const bookCue = /^(?:l|lib|liv|book)$/i
const chapterCue = /^(?:c|cap|chap|ch)$/i
const volumeCue = /^(?:t|tom|vol|v)$/i
const pageCue = /^(?:p|pp|pag|page|col|fol|f)$/i
const sectionCue = /^(?:sect|n|no)$/i
/** The divisions of scholastic works: question, article, distinction, reply (`q. 4, a. 3, ad 2`). */
const scholasticCue = /^(?:q|qu|quaest|a|art|d|dist|disc|ad)$/i
/** A roman numeral in lower case, well formed (`xlix`, not `im` or `dim`). */
const romanLower = /^(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/
const romanUpper = /^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/
const arabic = /^\d{1,5}(?:[-–]\d{1,5})?$/
const year = new RegExp(String.raw`^${yearSource}$`)
/** After a value: `sq.`, `sqq.`, `seq.`, `ff.`, `passim`. */
const extension = /^(?:sq|sqq|seq|seqq|ff|f|passim)$/i
/** Lower-case words inside titles and names (`Hist. des Empereurs`, `Maffei degli Amphitheatri`). */
const connector = new Set(['of', 'de', 'des', 'du', 'la', 'le', 'les', 'sur', 'di', 'degli', 'del', 'della', 'dei', 'the', 'and', 'et', 'von', 'van', 'der', 'den', 'in', 'on', 'ad', 'en', 'y', 'à', 'au', 'aux', 'zur', 'zum', 'und'])
const ibidHead = /^(?:ibid|ibidem|ibíd|ibídem|id|idem|íd|ídem|eod|eodem|ib|ivi)$/i
/** `id.`, `idem`, `ead.`, `eadem`, `ders.`, `dies.`: the author cited before, in lower case too. */
const sameAuthorHead = /^(?:id|idem|ead|eadem|eid|iid|ders|dies)$/i
/** Words that point back to a work cited before: `ibid.`, `ib.`, `op. cit.`, `loc. cit.`. */
const sameWork = /^(?:ibid|ib|op|cit|loc)$/
const sameWorkWords = /(?:,\s*|\s+)(?:ibid|ib|op\.\s*cit|loc\.\s*cit)\.+(?=[\s,]|$)/g
const honorific = /^(?:Mr|Mrs|Messrs|Dr|M|MM|Mme|Mlle|Abbé|Père|Fr|Rev|Sir|St)\.?$/

/** A cue glued to its number: `p.24`, `chap.3`. */
const gluedCue = /^[(\[]?(?:pp?|l|c|t|v|vol|tom|cap|chap|ch|lib)\.(?=\d)/i

function wordsOf(text: string): Word[] {
  const out: Word[] = []
  // `--` joins references in transcribed texts (`p. 19.--Raudot, …`): it parts words.
  for (const match of text.replace(/--+/g, (dashes) => ' '.repeat(dashes.length)).matchAll(/\S+/g)) {
    const glued = gluedCue.exec(match[0])
    const parts = glued ? [glued[0], match[0].slice(glued[0].length)] : [match[0]]
    let start = match.index
    for (const raw of parts) {
      const core = raw.replace(/^[\\[(„“"‘«*_]+/, '').replace(/[*_\])”"’».,;:!?]+$/, '')
      const dashBefore = /--/.test(text.slice(out.at(-1)?.end ?? 0, start))
      out.push({core, raw, start, end: start + raw.length, last: false, dashBefore})
      start += raw.length
    }
  }
  const final = out.at(-1)
  if (final) final.last = true
  return out
}

type Kind = 'cue' | 'value' | 'extension' | undefined

function cueLabel(core: string): LocatorLabel | undefined {
  if (bookCue.test(core)) return 'book'
  if (chapterCue.test(core)) return 'chapter'
  if (volumeCue.test(core)) return 'volume'
  if (pageCue.test(core)) return 'page'
  if (sectionCue.test(core) || scholasticCue.test(core)) return 'section'
  return undefined
}

function isValue(word: Word, cued: boolean): boolean {
  const {core, raw} = word
  if (arabic.test(core)) return cued || !year.test(core)
  // A roman numeral without its cue is printed with a stop or a comma after it (`xlii.`, `ii,`),
  // one in capitals only with its full stop (`V. xvii.`).
  if (romanLower.test(core)) return cued || /[.,;][)\]]*$/.test(raw) || word.last
  // A single capital is a numeral only as I, V or X: `M.`, `C.`, `D.`, `L.` are initials or abbreviations.
  if (core.length === 1 && !/^[IVX]$/.test(core)) return false
  return romanUpper.test(core) && (cued || /\.[,;)\]]*$/.test(raw))
}

/** The kind of each word, where a cue (`l.`, `p.`, `Page`) is one only before a value. */
function kindsOf(words: readonly Word[]): Kind[] {
  return words.map((word, index) => {
    const next = words[index + 1]
    const label = cueLabel(word.core)
    // A one-letter cue is printed with its full stop (`l.`, `c.`), `Page` and `pp` need none.
    // A one-letter cue is in lower case (`f.`, `l.`; a capital is an initial), but for `P.`, `Q.`
    // and `V.` before a roman numeral in capitals (`V. II. pp. 118`); before one in lower case it
    // is the volume's own numeral, the chapter after it (`V. xiv. p. 82`).
    const capital = /^[\\[(*]*[PQV]\.$/u.test(word.raw) && (word.core !== 'V' || romanUpper.test(next?.core ?? ''))
    const printedAsCue = label !== undefined && (word.core.length > 1 || /^[\\[(*]*\p{Ll}\.$/u.test(word.raw) || capital) && !/[,;:]$/.test(word.raw)
    // `c. 1160`: circa a year, no chapter.
    const circa = (label === 'chapter' || scholasticCue.test(word.core)) && /^\d{4}/.test(next?.core ?? '')
    // A scholastic division is numbered in figures (`a. 17`, not `Frankfurt a. M.`).
    const figures = !scholasticCue.test(word.core) || arabic.test(next?.core ?? '')
    if (printedAsCue && next && isValue(next, true) && !circa && figures) return 'cue'
    if (extension.test(word.core) && index > 0) return 'extension'
    if (isValue(word, false)) return 'value'
    return undefined
  })
}

interface Run {
  first: number
  last: number
}

/** Runs of locators: cues with their values, values alone, and what extends them. */
function locatorRuns(words: readonly Word[], kinds: readonly Kind[]): Run[] {
  const out: Run[] = []
  let index = 0
  while (index < words.length) {
    if (kinds[index] !== 'cue' && kinds[index] !== 'value') {
      index++
      continue
    }
    const first = index
    let last = index
    while (index < words.length) {
      const kind = kinds[index]
      if (kind === 'cue') {
        last = index + 1
        index += 2
      } else if (kind === 'value' || (kind === 'extension' && index > first)) {
        last = index
        index++
      } else break
      // A run ends at a `;` or a bracket closed after it.
      if (/[;)]$/.test(words[last]?.raw ?? '') && !/\[/.test(words[last]?.raw ?? '')) break
    }
    out.push({first, last})
    index = Math.max(index, last + 1)
  }
  return out
}

/** Enough to be a locator by itself: a cue, a roman numeral of two letters, or a numeral then more. */
function isStrong(words: readonly Word[], kinds: readonly Kind[], run: Run): boolean {
  for (let index = run.first; index <= run.last; index++) {
    if (kinds[index] === 'cue') return true
    const core = words[index]?.core ?? ''
    if (kinds[index] === 'value' && romanLower.test(core) && core.length >= 2) return true
    // `II. 272`: a volume in capitals, then its page.
    if (kinds[index] === 'value' && romanUpper.test(core) && arabic.test(words[index + 1]?.core ?? '') && index < run.last) return true
  }
  return false
}

/** Lead-ins of older notes: `Voy.`, `Voyez`, `Vide`, `Conf.`. */
const olderLeadIn = /^(?:Voy|Voyez|Vide|Vid|Conf|Comp)$/

/** A word of prose (`he`, `But`, `See`), not of a name or a title. */
function isProse(core: string): boolean {
  return olderLeadIn.test(core) || isProseWord(core)
}

/** Where a marked title opens and closes: emphasis (`*`, `_`) or quotation marks. */
const markOpen = /^[(\[]?[*_“"]/
const markClose = /[*_”"][\])”"’».,;:]*$/

/** The first word of the head before a run of locators, back to prose or the reference before. */
function headStart(words: readonly Word[], run: Run, floor: number): number {
  let start = run.first
  let marked = false
  for (let index = run.first - 1; index >= floor && run.first - index <= 12; index--) {
    const word = words[index] as Word
    const {raw, core} = word
    if (words[index + 1]?.dashBefore) break
    // A title in emphasis (`*…*`, `_…_`) or quotation marks is taken whole, whatever its words.
    const closes = markClose.test(raw)
    const opens = markOpen.test(raw)
    if (!marked && closes && !opens) marked = true
    if (marked || (closes && opens)) {
      start = index
      if (opens) marked = false
      continue
    }
    if (/[;:)\]][.,]*$/.test(raw) || !core || /\d/.test(core)) break
    // A roman numeral in capitals is a locator, not a word of a head (`LXXXVIII pp. 23`).
    if (romanUpper.test(core) && core.length > 1) break
    // `… Nikâyas. *Ep. Zeyl.* I. p. 4`: a sentence ends before a marked title.
    if (/\p{Ll}{3}\.$/u.test(raw) && markOpen.test(words[index + 1]?.raw ?? '')) break
    if (/^\p{Lu}/u.test(core) || markOpen.test(raw)) {
      if (isProse(core) && !ibidHead.test(core)) break
      start = index
      if (/^\(/.test(raw)) break
      continue
    }
    // `…; id., *Title*, p. 4`: the author cited before opens the head.
    if (sameAuthorHead.test(core) && /\.[,]?$|,$/.test(raw)) {
      start = index
      break
    }
    // `Marchand, ibid. p. 61`, `Smith, op. cit., p. 4`: the work of that author cited before.
    if (sameWork.test(core) && /\.[.,]*$/.test(raw)) {
      start = index
      continue
    }
    if (connector.has(core.toLowerCase()) && !/[.!?]$/.test(raw)) {
      start = index
      continue
    }
    break
  }
  // A head starts with a capital (or its emphasis), never with a word that joins.
  while (start < run.first && !/^[(\[]?[*_“"]?(?:\p{Lu}|ibid\.|ib\.)/u.test(words[start]?.raw.replace(/^\(/, '') ?? '') && !sameAuthorHead.test(words[start]?.core ?? '')) start++
  return start
}

/** A name as printed in older notes: the whole name is the family name (`Dion Cassius`), unless it has initials. */
function nameOf(printed: string): CslName | undefined {
  // `Le P. Anselme`: the Father, a title, not part of the name.
  const words = printed.replace(/^(?:Le|le)\s+(?:R\.\s*)?P\.\s+/, '').split(/\s+/).filter((word) => word && !honorific.test(word))
  if (words.length === 0) return undefined
  const initials = words.filter((word) => /^(?:\p{Lu}\.){1,3}$/u.test(word))
  if (initials.length > 0 && initials.length < words.length) {
    const family = words.filter((word) => !initials.includes(word)).join(' ')
    return {family, given: initials.join(' ')}
  }
  return {family: words.join(' ')}
}

/** An abbreviated word (`Hist.`, `Théol.`), not an initial. */
const abbreviation = /^\p{Lu}\p{Ll}+\.$/u

function clean(value: string): string {
  return value.replace(/[*_“”"]/g, '').replace(/\s+/g, ' ').replace(/^[\s,.;:(]+|[\s,;:)]+$/g, '').trim()
}

/** The author and title of a head: an emphasised run is the title, a comma parts author from title. */
function headFields(printed: string, item: CslItemDraft): void {
  const head = printed.replace(sameWorkWords, '').replace(/[\s,;:]+$/, '')
  const emphasis = /([*_])([^*_]+)\1|[“"]([^”"]+)[”"]/.exec(head)
  let author = ''
  let title = ''
  if (emphasis) {
    title = emphasis[2] ?? emphasis[3] ?? ''
    author = head.slice(0, emphasis.index)
  } else {
    const comma = head.indexOf(',')
    const plain = clean(head)
    // `Beugnot's Memoirs`: the author in the possessive, then the title.
    const possessive = /^([^'’]+)['’]s\s+(?=\p{Lu})/u.exec(plain)
    if (comma > 0) {
      author = head.slice(0, comma)
      title = head.slice(comma + 1)
    } else if (possessive) {
      author = possessive[1] ?? ''
      title = plain.slice(possessive[0].length)
    } else {
      const words = plain.split(' ')
      // `Hist. August.`, `Apolog.`, `Hist. of Rome`: abbreviated or joined words are a title; `Dion Cassius` a name.
      const titled = words.some((word) => abbreviation.test(word) && !honorific.test(word)) || words.some((word) => connector.has(word))
      if (titled) title = head
      else author = head
    }
  }
  // `Franke in *Journal*`: the marked title is the periodical or book the author wrote in.
  const within = /\s+in$/.exec(clean(author))
  if (within && emphasis) {
    author = clean(author).slice(0, within.index)
    item['container-title'] = clean(title).replace(/\.$/, '')
    title = ''
  }
  // `Skeen's *Adam's Peak*`: the author in the possessive.
  const name = nameOf(clean(author).replace(/['’]s$/, ''))
  if (name) item.author = [name]
  const printedTitle = clean(title)
  if (printedTitle) item.title = printedTitle.replace(/\.$/, '')
}

/** The volume and locator of a run. */
function locatorFields(words: readonly Word[], kinds: readonly Kind[], run: Run, item: CslItemDraft, parse: ModelParse, text: string): void {
  // `2 Disc. 8, a. 5`: the divisions of a scholastic work, as printed.
  const scholastic = words.slice(run.first, run.last + 1).some((word, at) => kinds[run.first + at] === 'cue' && scholasticCue.test(word.core))
  if (scholastic && !words.slice(run.first, run.last + 1).some((word, at) => kinds[run.first + at] === 'cue' && pageCue.test(word.core))) {
    parse.locator = text.slice(words[run.first]?.start ?? 0, words[run.last]?.end ?? 0).replace(/[.,;:)\]]+$/, '')
    parse.label = 'section'
    return
  }
  const found = new Map<LocatorLabel, string[]>()
  const bare: string[] = []
  for (let index = run.first; index <= run.last; index++) {
    const kind = kinds[index]
    if (kind === 'cue') {
      const label = cueLabel(words[index]?.core ?? '') ?? 'page'
      const values = found.get(label) ?? []
      values.push(words[index + 1]?.core ?? '')
      found.set(label, values)
      index++
    } else if (kind === 'value') {
      const core = words[index]?.core ?? ''
      // `p. 192, 193`: a number after the pages is a page too.
      const lastCue = [...found.keys()].at(-1)
      if (lastCue === 'page' && arabic.test(core) && index > run.first && kinds[index - 1] !== 'extension') found.get('page')?.push(core)
      else bare.push(core)
    }
  }
  const pages = found.get('page')
  // A roman numeral before the page (`ii. p. 399`) is the volume.
  const volume = found.get('volume')?.[0] ?? (pages && bare.length > 0 && /^[ivxlcdm]+$/i.test(bare[0] ?? '') ? bare.shift() : undefined)
  if (volume) item.volume = volume
  if (pages) {
    parse.locator = pages.join(', ')
    parse.label = 'page'
    return
  }
  for (const label of ['book', 'chapter', 'section'] as const) {
    const values = found.get(label)
    if (!values) continue
    parse.locator = values.join(', ')
    parse.label = label
    return
  }
  // `V. xvii.`: a volume in capitals, then a chapter in lower case.
  if (bare.length === 2 && romanUpper.test(bare[0] ?? '') && romanLower.test(bare[1] ?? '')) {
    item.volume = bare[0]
    parse.locator = bare[1]
    parse.label = 'chapter'
    return
  }
  // `II. 272`, `xx. 17`: a volume or book, then the page.
  if (bare.length > 1 && /^[ivxlcdm]+$/i.test(bare[0] ?? '') && bare.slice(1).every((value) => arabic.test(value))) item.volume = bare.shift()
  if (bare.length > 0) {
    parse.locator = bare.join(', ')
    parse.label = 'page'
  }
}

/** The érudit references of a note or list entry, in order. */
export function eruditeReferences(text: string): EruditeReference[] {
  const words = wordsOf(text)
  const kinds = kindsOf(words)
  const out: EruditeReference[] = []
  let floor = 0
  for (const run of locatorRuns(words, kinds)) {
    const start = headStart(words, run, floor)
    const headWords = words.slice(start, run.first)
    const last = words[run.last] as Word
    const next = words[run.last + 1]
    // The run ends the reference: at punctuation, at the end, or before the next reference's capital.
    const closed = /[.,;:)\]]$/.test(last.raw) || !next || /^[\\[(*]?\p{Lu}/u.test(next.raw)
    if (!closed) continue
    const first = words[run.first] as Word
    const sentenceStart = run.first === 0 || /[.;:!?)]$/.test(words[run.first - 1]?.raw ?? '')
    let valid: boolean
    if (headWords.length === 0) {
      // `Page 212.`, `P. 12.` opening a note or a sentence: the work cited last.
      valid = sentenceStart && pageCue.test(first.core) && kinds[run.first] === 'cue'
    } else {
      const strong = isStrong(words, kinds, run)
      // `Lambert, 59.`: a number alone after a head and its comma, ending the note or sentence.
      const alone = run.first === run.last && /^\d{1,3}$/.test(first.core) && /,$/.test(words[run.first - 1]?.raw ?? '') && (!next || /[.;]$/.test(last.raw))
      // `Renauldon, ibid. 249, 258`: numbers after a pointer to a work cited before.
      const pointed = headWords.some((word) => sameWork.test(word.core)) && kinds[run.first] === 'value'
      valid = strong || alone || pointed
    }
    if (!valid) continue
    let head = text.slice(headWords[0]?.start ?? first.start, headWords.at(-1)?.end ?? first.start)
    // `the flight of Quintus Rufus, Hist. Rom. p. 88`: after `of`, the name is the prose's, the title the reference's.
    const joined = words[start - 1]
    if (joined && connector.has(joined.raw) && /^[^*]*?,\s+\S/.test(head)) {
      const comma = head.indexOf(',')
      const after = headWords.findIndex((word) => word.start > (headWords[0]?.start ?? 0) + comma)
      if (after > 0) {
        headWords.splice(0, after)
        head = text.slice(headWords[0]?.start ?? first.start, headWords.at(-1)?.end ?? first.start)
      }
    }
    const item: CslItemDraft = {type: 'book'}
    const parse: ModelParse = {item, ibid: false, incomplete: false}
    const ibid = headWords.length > 0 && headWords.length <= 2 && ibidHead.test(headWords[0]?.core ?? '')
    if (headWords.length === 0 || ibid) parse.ibid = true
    else headFields(head, item)
    locatorFields(words, kinds, run, item, parse, text)
    // Without publication facts, only a reference with both its author and its title is full;
    // the others are short forms of one cited before.
    if (!parse.ibid && !(item.title && item.author)) parse.incomplete = true
    // `Ferranti, Le corporazioni cit., p. 80`, `Smith, op. cit., p. 4`: a work cited before, whatever its head names.
    if (!parse.ibid && headWords.some((word) => word.core.toLowerCase() === 'cit' && /\.[.,]*$/.test(word.raw))) {
      parse.incomplete = true
      parse.opCit = true
    }
    const spanStart = (headWords[0] ?? first).start + (/^[(\[]/.test((headWords[0] ?? first).raw) ? 1 : 0)
    // The span keeps a full stop that ends the reference, not a comma or a bracket closed after it.
    const trail = /[.,;:)\]]+$/.exec(last.raw)?.[0] ?? ''
    const spanEnd = last.end - trail.length + (trail.startsWith('.') && !/[)\]]/.test(trail) ? 1 : 0)
    out.push({start: spanStart, end: Math.max(spanStart, spanEnd), parse})
    floor = run.last + 1
  }
  return out
}
