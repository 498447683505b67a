/**
 * A document's reference list (`:::references`, made by ingest): its entries as citations, and
 * what resolves against them: short notes (`Putnam, Bowling Alone, 45.`) by author and title
 * words, author-date citations (`(Goffman 1974, 97)`, `Goffman (1974: 97)`) in the notes and
 * the body text by author and year. A citation that fits no entry, or several, is not guessed.
 */
import type {FootnoteDefinition, Paragraph, Root} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import type {CitationRef, LocatorLabel, ParsedCitation} from '../shared/types/citation.js'
import type {CslItemDraft, CslName} from '../shared/types/csl.js'
import {directive, isContainerDirective} from '../shared/annotations.js'
import {SKIP, visit} from 'unist-util-visit'
import {idemWords} from './pointers.js'
import {matchScore, titleWords} from './resolve.js'

/** A paragraph (or several) whose citations are wrapped like a note's. */
export type Holder = Pick<FootnoteDefinition, 'children' | 'position'>

/** An entry of a reference list, with the number a numbered list gives it (Vancouver). */
export interface ListedEntry extends Holder {
  number?: number
}

/** The entries of the document's reference lists, in order: one holder per entry paragraph. */
export function referenceEntries(tree: Root): ListedEntry[] {
  const out: ListedEntry[] = []
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition' || node.type === 'paragraph' || node.type === 'heading') return SKIP
    if (!isContainerDirective(node, directive.references)) return undefined
    for (const {paragraph, number} of paragraphsOf(node)) out.push(number === undefined ? {children: [paragraph], position: paragraph.position} : {children: [paragraph], position: paragraph.position, number})
    return SKIP
  })
  return out
}

function paragraphsOf(node: ContainerDirective): Array<{paragraph: Paragraph; number?: number}> {
  const out: Array<{paragraph: Paragraph; number?: number}> = []
  for (const child of node.children) {
    if (child.type === 'paragraph') out.push({paragraph: child})
    else if (child.type === 'list') {
      child.children.forEach((item, position) => {
        const paragraphs = item.children.filter((inner) => inner.type === 'paragraph')
        paragraphs.forEach((paragraph, index) => out.push(child.ordered && index === 0 ? {paragraph, number: (child.start ?? 1) + position} : {paragraph}))
      })
    }
  }
  return out
}

/** Most numbers a printed range (`[2–4]`) stands for: a wider one is no range of entries. */
const maxRangeSpan = 50

/**
 * Vancouver's numbered citations in the body text: `[1]`, `[1,2]`, `[2-4]`, `[1, 3–5]`. Each
 * number printed is one citation, with its own span; a range cites every entry from its first
 * end to its last, the numbers between them with an empty span at the dash (nothing printed to wrap).
 */
export function findNumberedCitations(text: string): Array<{number: number; start: number; end: number}> {
  const out: Array<{number: number; start: number; end: number}> = []
  for (const group of text.matchAll(/\[(\d{1,4}(?:\s?[,–-]\s?\d{1,4}){0,20})\](?!\()/g)) {
    const open = group.index + 1
    const inner = group[1] ?? ''
    let previous: {number: number; end: number} | undefined
    for (const number of inner.matchAll(/\d{1,4}/g)) {
      const value = Number(number[0])
      const start = open + number.index
      const between = previous ? inner.slice(previous.end - open, number.index) : ''
      if (previous && /[–-]/.test(between) && value > previous.number && value - previous.number <= maxRangeSpan) {
        const dash = previous.end + between.search(/[–-]/)
        for (let inside = previous.number + 1; inside < value; inside++) out.push({number: inside, start: dash, end: dash})
      }
      out.push({number: value, start, end: start + number[0].length})
      previous = {number: value, end: start + number[0].length}
    }
  }
  return out
}

/** The body text's paragraphs outside notes, reference lists and removed matter. */
export function bodyParagraphs(tree: Root): Holder[] {
  const out: Holder[] = []
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition' || node.type === 'heading' || node.type === 'code') return SKIP
    if (isContainerDirective(node, directive.references) || isContainerDirective(node, directive.removed)) return SKIP
    if (node.type === 'paragraph') {
      out.push({children: [node], position: node.position})
      return SKIP
    }
    return undefined
  })
  return out
}

/** Lower-case, unaccented words of a name, for comparing surnames. */
export function nameKey(value: string | undefined): string {
  return (value ?? '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\s-]/gu, '').trim()
}

/** Name suffixes a reader may take for the surname (`Bristol Jr.`). */
const suffixes = new Set(['jr', 'sr', 'ii', 'iii', 'iv'])

function families(names: CslName[] | undefined): string[] {
  return (names ?? [])
    .map((name) => {
      const family = nameKey(name.family ?? name.literal).replace(/\s+(?:jr|sr|ii|iii|iv)$/, '')
      return suffixes.has(family) ? nameKey(name.given).split(/\s+/).pop() ?? '' : family
    })
    .filter(Boolean)
}

/** One entry as it is matched. */
interface Entry {
  ref: CitationRef
  anchor: string
  item: CslItemDraft
  families: string[]
  /** The years as printed, with their letter (`2000a`): the edition's, and the original's of a reprint. */
  years: string[]
}

export type Match = {entry: CitationRef; anchor: string} | {ambiguous: number} | undefined

/** The entries of a reference list, matched by author and year or by author and title. */
export class ReferenceIndex {
  private readonly entries: Entry[] = []

  get size(): number {
    return this.entries.length
  }

  /** The entries by the number their list gives them. */
  private readonly numbered = new Map<number, Entry>()

  add(citation: ParsedCitation, anchor: string, number?: number): void {
    const item = citation.item
    const before = this.entries.at(-1)
    if (before) sameNamesAs(citation, before.item)
    const names = item.author?.length ? item.author : item.editor
    const printed = [...citation.text.matchAll(/(?<!\d)((?:1[5-9]|20)\d\d[a-z]?)(?!\d)/g)].map((match) => match[1] ?? '')
    const years: string[] = []
    for (const date of [item.issued, item['original-date']]) {
      const value = date?.['date-parts']?.[0]?.[0]
      if (value !== undefined) years.push(printed.find((year) => year.startsWith(String(value))) ?? String(value))
    }
    // `[1950] 1992`, `1972 [1922]`: either year of an edition and its original may be cited.
    for (const pair of citation.text.matchAll(/[([]((?:1[5-9]|20)\d\d)[)\]]\s?((?:1[5-9]|20)\d\d[a-z]?)|((?:1[5-9]|20)\d\d[a-z]?)\s?\[((?:1[5-9]|20)\d\d)\]/g)) {
      for (const printedYear of pair.slice(1)) if (printedYear && years.length > 0 && !years.includes(printedYear)) years.push(printedYear)
    }
    // `(n.d.)`: an entry without a date is cited so (a year after it is the access's).
    if (years.length === 0 && /\bn\.\s?d\./.test(citation.text)) years.push('n.d.')
    if (years.length === 0 && printed[0]) years.push(printed[0])
    const entry: Entry = {ref: {note: citation.note, index: citation.index}, anchor, item, families: families(names), years}
    this.entries.push(entry)
    if (number !== undefined && !this.numbered.has(number)) this.numbered.set(number, entry)
  }

  /** Whether the list numbers its entries (most of them). */
  get isNumbered(): boolean {
    return this.numbered.size > 0 && this.numbered.size * 2 >= this.entries.length
  }

  /** The entry of this number. */
  byNumber(number: number): Match {
    const entry = this.numbered.get(number)
    return entry ? {entry: entry.ref, anchor: entry.anchor} : undefined
  }

  /** Whether any entry's first author has this surname. */
  knows(family: string): boolean {
    const key = nameKey(family)
    return this.entries.some((entry) => entry.families[0] === key)
  }

  /**
   * The entry of these authors (the first two surnames, `et al.` allowed) and year, as `text` prints them.
   * Of several, the one with exactly the names cited: `Hollis 2004` is Hollis's own work, not
   * Hollis and Marr's (unless the citation shortens its authors: more than two, or `et al.`).
   */
  byYear(names: readonly string[], year: string, text: string): Match {
    const keys = names.slice(0, 2).map(nameKey)
    const shortened = names.length > 2 || /\bet\s+al\b/.test(text)
    const found = this.entries.filter((entry) => keys.every((key, position) => entry.families[position] === key) && entry.years.some((printed) => printed === year || (/\d$/.test(year) && printed.replace(/[a-z]$/, '') === year && !this.lettered(entry, printed))))
    if (found.length > 1 && !shortened) {
      const exact = found.filter((entry) => entry.families.length === keys.length)
      if (exact.length === 1) return verdict(exact)
    }
    return verdict(found)
  }

  private lettered(entry: Entry, year: string): boolean {
    const bare = year.replace(/[a-z]$/, '')
    return this.entries.some((other) => other !== entry && other.families[0] === entry.families[0] && other.years.some((printed) => printed.replace(/[a-z]$/, '') === bare))
  }

  /** The entry a short form (authors and title words) stands for. */
  byTitle(item: CslItemDraft): Match {
    const names = item.author?.length ? item.author : item.editor
    const keys = families(names)
    if (keys.length === 0 || titleWords(item.title ?? item['container-title']).length === 0) return undefined
    let best = 0.49
    let found: Entry[] = []
    for (const entry of this.entries) {
      if (!sameSurname(entry, keys[0] ?? '')) continue
      const value = matchScore({...item, author: names, editor: undefined}, {...entry.item, author: [...(entry.item.author ?? []), ...(entry.item.editor ?? [])], editor: undefined})
      if (value > best + 1e-9) {
        best = value
        found = [entry]
      } else if (Math.abs(value - best) <= 1e-9) found.push(entry)
    }
    // A short title is made of the main title's words: an entry whose main title holds them all comes first.
    if (found.length > 1) {
      const words = titleWords(item.title ?? item['container-title'])
      const main = found.filter((entry) => {
        const title = titleWords((entry.item.title ?? entry.item['container-title'] ?? '').split(/[:.?!]\s/)[0])
        return words.every((word) => title.includes(word))
      })
      if (main.length > 0) found = main
    }
    return verdict(found)
  }

  /** The entry of an author cited without a year (MLA's `(Verbeek 240)`): the only entry of these authors, or the one the short title names. */
  byAuthor(names: readonly string[], title?: string): Match {
    if (title && names.length === 0) return this.byTitleAlone(title)
    if (title) return this.byTitle({type: 'book', author: names.map((family) => ({family})), title})
    const keys = names.map(nameKey)
    return verdict(this.entries.filter((entry) => keys.every((key, position) => entry.families[position] === key)))
  }

  /** The entry whose main title holds every word of a short title given without its authors. */
  byTitleAlone(title: string): Match {
    const words = titleWords(title)
    if (words.length === 0) return undefined
    return verdict(this.entries.filter((entry) => {
      const main = titleWords((entry.item.title ?? entry.item['container-title'] ?? '').split(/[:.?!]\s/)[0])
      return words.every((word) => main.includes(word))
    }))
  }

  /** The entry a note's citation stands for: by year when it gives no title, else by title. */
  match(citation: ParsedCitation): Match {
    const item = citation.item
    const names = families(item.author?.length ? item.author : item.editor)
    const year = /(?<!\d)((?:1[5-9]|20)\d\d[a-z]?)(?!\d)/.exec(citation.text)?.[1]
    if (names.length > 0 && year && !item.title) return this.byYear(names, year, citation.text)
    // MLA's `(Quenby 90)`: an author without a year or title is the only entry of that author.
    if (names.length > 0 && !year && !item.title && !item.issued) return this.byAuthor(names.slice(0, 2))
    return this.byTitle(item)
  }
}

/** The author dash (`———.`, `——,`, `—— .`, `___.`) or `Ders.`, `Dies.`, `Idem`, `Id.` where an entry's names stand. */
const repeatedNames = new RegExp(String.raw`^\s*(?:[-–—_‒―]\s?){2,}\s*(?=[.,:(]|\s|$)|^\s*\*?${idemWords}\.?\*?(?=[\s,:(])`, 'iu')
/** Names joined to the repeated ones: `———, and Henry Muir.`, `Ders./Lenz, Otto:`. */
const joinedNames = /^\s*[.,]?\s*(?:and|und|&|et|e|y|\/)\s/iu
/** An editors' cue right after the repeated names: `———, ed.`, `Ders. (Hg.):`, `——, éd.`. */
const editorAfterDash = /^\s*[.,]?\s*[([]?(?:eds?|hg|hrsg|hgg|éds?|dir|a\s+cura\s+di|editors?)\.?[)\]]?(?=[\s,:.]|$)/iu

/**
 * An entry that repeats the names of the entry before it by the author dash or `Ders.` takes
 * them over, as authors or, with an editors' cue, as editors, and keeps names joined after them.
 */
function sameNamesAs(citation: ParsedCitation, previous: CslItemDraft): void {
  const repeated = repeatedNames.exec(citation.text)
  const names = previous.author?.length ? previous.author : previous.editor
  if (!repeated || !names?.length) return
  const item = citation.item
  const rest = citation.text.slice(repeated[0].length)
  const copies = names.map((name) => ({...name}))
  const isRepeatWord = (name: CslName) => repeatedNames.test(name.family ?? name.literal ?? '')
  if (editorAfterDash.test(rest)) {
    item.editor = copies
    // The repeated names are the editors', also where the labeller already read them as the authors.
    if (item.author?.every((name) => isRepeatWord(name) || copies.some((copy) => copy.family === name.family))) delete item.author
    return
  }
  const own = (item.author ?? []).filter((name) => !isRepeatWord(name))
  item.author = joinedNames.test(rest) ? [...copies, ...own.filter((name) => !copies.some((copy) => copy.family === name.family))] : copies
}

/** The entry's first surname is `key`, also when one of them holds a particle or a double name the other split (`McMillan Cottom`). */
function sameSurname(entry: Entry, key: string): boolean {
  const family = entry.families[0] ?? ''
  if (family === key || family.endsWith(` ${key}`) || key.endsWith(` ${family}`)) return true
  const first = entry.item.author?.[0] ?? entry.item.editor?.[0]
  return nameKey(`${first?.given ?? ''} ${first?.family ?? ''}`) === key
}

function verdict(found: Entry[]): Match {
  const [first] = found
  if (!first) return undefined
  if (found.length > 1) return {ambiguous: found.length}
  return {entry: first.ref, anchor: first.anchor}
}

/** Does a citation of a note stand for less than a full reference (no publication facts)? */
export function isShortCitation(item: CslItemDraft): boolean {
  return !item.publisher && !item['publisher-place'] && !item['container-title'] && !item.volume && !item.URL && !item.DOI && !(item.issued && item.title)
}

// --- Author-date citations in running text -------------------------------------------------

/** A surname, also of several words (`García Moreno`, `Du Bois`), or a body's name (`Harbour Union`, `Office of Statistics`). */
const name = String.raw`(?:(?:van|von|de|du|da|di|del|la|le|ten|ter)\s)?\p{Lu}[\p{L}\p{M}'’-]+(?:\s(?:(?:of|for|the|on|für|der|des|du|de|del|la|di|della|van|von)\s){0,2}\p{Lu}[\p{L}\p{M}'’-]+){0,4}`
/** Up to six names: a longer run of capitalized words is no citation's (and the bound keeps the search linear). */
const names = String.raw`${name}(?:(?:,\s|\s?\/\s?|,?\s(?:and|und|&|et|e|y)\s)${name}){0,5}(?:,?\s(?:et\sal\.|u\.\sa\.|et\scoll\.))?`
const year = String.raw`(?:1[5-9]|20)\d\d[a-z]?`
const onePlace = String.raw`(?:\d+|[ivxlc]+)(?:\s?[-–]\s?\d+)?(?:\s?ff?\.)?`
/** `, 12`, `: 12–14`, French ` : 12`, `, pp. 4, 9` (a list only after a cue: `2001, 2004` are years). */
const locator = String.raw`(?:(?:,|\s?:)\s?(?:(?:pp?|S|ch|chap|fol|ff?|para|paras|sec|col|Abs|Rn|с|С)\.\s?${onePlace}(?:,\s?\d+(?:\s?[-–]\s?\d+)?(?:\s?ff?\.)?)*|${onePlace}))`

/** Several years of the same names (`2001, 2004`, `1990a, 1990b`), or `n.d.`, each perhaps with the original's (`1972 [1922]`): no page is a year. */
const dated = String.raw`(?:(?:\[${year}\]\s?)?${year}(?:\s?\[${year}\])?|n\.\s?d\.)`
/** A year's letter repeated alone: `1999a, b`. */
const letters = String.raw`(?:,\s?[a-z](?![\p{L}\p{M}\d]))*`
const years = String.raw`${dated}${letters}(?:,\s${dated}(?![\d.:])${letters})*`
/** `ders.`, `idem` in place of the names of the part before: `(Lenz 1990; ders. 1994)`. */
const sameNames = String.raw`(?:[Dd]ers|[Dd]ies|[Ii]dem|[Ii]d|[Ee]adem|[Ee]ad|[Ee]id)\.?,?\s`
/** What leads into a citation inside the brackets: `see also`, `e.g.,`, `vgl. auch`, `z. B.`. */
const leading = String.raw`(?:(?:see\salso|see|cf\.|compare|e\.\s?g\.,?|i\.\s?e\.,?|vgl\.\sauch|vgl\.|siehe|z\.\s?B\.|voir|cfr\.|véase)\s)?`
/** One part of a bracket between semicolons: names (or none, after a part with names), years, a locator. */
const part = new RegExp(String.raw`^\s*${leading}(?:(${names}),?\s|${sameNames})?(${years})(${locator})?[.,]?\s*$`, 'u')
/** `Name (Year: locator)`, `Name's (Year)`. */
const narrative = new RegExp(String.raw`(?<![\p{L}\p{M}'’-])(${names})(?:['’]s)?\s\((${years})(${locator})?((?:;\s?${years}(?:${locator})?)*)\)`, 'gu')
/** One more work of the same names in a narrative citation's bracket: `Lenz (1990, 4; 1994)`. */
const narrativeMore = new RegExp(String.raw`;\s?(${years})(${locator})?`, 'gu')
/** A bracket's text (no brackets inside). */
const bracket = /\(([^()]{4,400})\)/g

/** Words that start sentences and titles, not surnames. */
const notNames = new Set(['See', 'Cf', 'In', 'The', 'And', 'Vgl', 'Siehe', 'Also', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Januar', 'Februar', 'März', 'Juni', 'Juli', 'Oktober', 'Dezember', 'Spring', 'Summer', 'Fall', 'Autumn', 'Winter', 'World', 'War'])

/** One author-date citation found in running text. */
export interface AuthorDate {
  start: number
  end: number
  names: string[]
  year: string
  locator?: string
  /** The locator's CSL label when its cue names one other than a page (`chap. 3`, `fol. 4`). */
  label?: LocatorLabel
}

function namesOf(printed: string): string[] {
  return printed
    .replace(/,?\s(?:et\sal\.|u\.\sa\.|et\scoll\.)$/u, '')
    .split(/,?\s(?:and|und|&|et|e|y)\s|,\s|\s?\/\s?/u)
    .map((part) => part.trim().replace(/['’]s$/u, ''))
    .filter(Boolean)
}

/**
 * The first name of an author-date citation without the capitalized words the pattern took
 * from the sentence before it (`The Coastal Records Office (2015)`, `Thus Lindqvist (2021)`):
 * words are dropped from the front while they are words of a sentence, or while a shorter
 * name is one the reference list knows and the whole is not. Returns how many characters went.
 */
function trimmedFront(names: string[], known?: (family: string) => boolean): number {
  const first = names[0] ?? ''
  const words = first.split(/\s+/)
  let drop = 0
  while (drop < words.length - 1 && notNames.has(words[drop] ?? '')) drop++
  if (known && !known(words.slice(drop).join(' '))) {
    for (let more = drop + 1; more < words.length; more++) {
      if (!known(words.slice(more).join(' '))) continue
      drop = more
      break
    }
  }
  if (drop === 0) return 0
  const kept = words.slice(drop).join(' ')
  names[0] = kept
  return first.length - kept.length
}

/** Cues of author-date locators that are not pages, and their CSL labels (other cues stay in the locator as printed). */
const locatorLabels: Record<string, LocatorLabel> = {ch: 'chapter', chap: 'chapter', fol: 'folio'}

function labelOf(printed: string | undefined): LocatorLabel | undefined {
  const cue = /^\s?[,:]\s?(\p{L}+)\./u.exec(printed ?? '')?.[1]
  return cue ? locatorLabels[cue] : undefined
}

function locatorOf(printed: string | undefined): string | undefined {
  if (!printed) return undefined
  return printed.replace(/^\s?[,:]\s?(?:(?:pp?|S|ch|chap|fol|ff?|с|С)\.\s?)?/, '').replace(/\s?[-–]\s?/g, '-').trim() || undefined
}

/**
 * The author-date citations of a paragraph's text, each with its span. `known` tells the
 * surnames and bodies of the reference list, to set a name apart from the words before it.
 */
export function findAuthorDates(text: string, known?: (family: string) => boolean): AuthorDate[] {
  const out: AuthorDate[] = []
  // Each year of a part is a citation of its own: `Okafor, 2001, 2004` two, the locator the last one's.
  const push = (start: number, names: string[], printedYears: string, yearsAt: number, end: number, printedLocator: string | undefined) => {
    let at = yearsAt
    const each = printedYears.split(/(?<=,)\s?/)
    let bare = ''
    each.forEach((piece, position) => {
      const one = piece.replace(/,$/, '')
      const last = position === each.length - 1
      const span = {start: position === 0 ? start : at, end: last ? end : at + one.length}
      const label = last ? labelOf(printedLocator) : undefined
      // `1999a, b`: a letter alone is the year before with that letter.
      const printedYear = /^[a-z]$/.test(one) ? bare + one : one.replace(/\s?\[[^\]]*\]\s?/g, '').replace(/\s/g, '')
      bare = printedYear.replace(/[a-z]$/, '')
      out.push({...span, names: [...names], year: printedYear, locator: last ? locatorOf(printedLocator) : undefined, ...(label ? {label} : {})})
      at += piece.length + (text.charAt(at + piece.length) === ' ' ? 1 : 0)
    })
  }
  for (const match of text.matchAll(bracket)) {
    const inner = match[1] ?? ''
    let at = match.index + 1
    let previous: string[] | undefined
    for (const piece of inner.split(/;/)) {
      const found = part.exec(piece)
      if (found?.[2]) {
        const names = found[1] ? namesOf(found[1]) : previous
        if (names && names.length > 0) {
          const namesAt = found[1] ? piece.indexOf(found[1]) : 0
          const yearsAt = at + piece.indexOf(found[2], namesAt + (found[1]?.length ?? 0))
          const start = found[1] ? at + namesAt + trimmedFront(names, known) : yearsAt
          const end = yearsAt + found[2].length + (found[3]?.length ?? 0)
          push(start, names, found[2], yearsAt, end, found[3])
          previous = names
        }
      } else previous = undefined
      at += piece.length + 1
    }
  }
  for (const match of text.matchAll(narrative)) {
    const start = match.index ?? 0
    if (out.some((entry) => entry.start < start + match[0].length && start < entry.end)) continue
    if (!match[1] || !match[2]) continue
    const names = namesOf(match[1])
    const yearsAt = start + match[0].indexOf('(', match[1].length) + 1
    const more = match[4] ?? ''
    const firstEnd = more ? yearsAt + match[2].length + (match[3]?.length ?? 0) : start + match[0].length
    push(start + trimmedFront(names, known), names, match[2], yearsAt, firstEnd, match[3])
    for (const next of more.matchAll(narrativeMore)) {
      if (!next[1]) continue
      const at = firstEnd + next.index + next[0].indexOf(next[1])
      push(at, names, next[1], at, at + next[1].length + (next[2]?.length ?? 0), next[2])
    }
  }
  return out.filter((entry) => entry.names.length > 0 && !notNames.has(entry.names[0] ?? '')).sort((a, b) => a.start - b.start)
}

/** One author-page citation found in running text (MLA: `(Verbeek 240)`, `(Harrow, *Quiet Harbour* 12)`). */
export interface AuthorPage {
  start: number
  end: number
  names: string[]
  title?: string
  locator: string
}

/** Pages, not a year (`Weber 1920, 3` is author-date). */
const pages = String.raw`(?!(?:1[5-9]|20)\d\d[a-z]?(?!\d))\d+(?:\s?[-–]\s?\d+)?(?:,\s?\d+(?:\s?[-–]\s?\d+)?)*`
/** A short title in emphasis or quotation marks after the names. */
const shortTitled = String.raw`,\s(?:\*([^*()]{1,80})\*|[“"]([^”"()]{1,80})[”"])`
/** One author-page citation: names, a short title perhaps, pages (the groups of `authorPage`). */
const authorPageSource = String.raw`(${names})(?:${shortTitled})?\s(${pages})`
/** A parenthesis of author-page citations joined by `;` (its first group: all of them). */
const authorPageGroup = new RegExp(String.raw`\((${authorPageSource}(?:;\s${authorPageSource})*)\)`, 'gu')
const authorPage = new RegExp(`^${authorPageSource}$`, 'u')
/** A short title alone and pages, the author named in the sentence (MLA: `(*Quiet Harbour* 30)`). */
const titlePage = new RegExp(String.raw`\((?:\*([^*()]{1,80})\*|[“"]([^”"()]{1,80}?)[,.]?[”"])\s(${pages})\)`, 'gu')

/** The author-page citations of a paragraph's text, each with its span; the reference list decides which are citations. */
export function findAuthorPages(text: string): AuthorPage[] {
  const out: AuthorPage[] = []
  for (const match of text.matchAll(authorPageGroup)) {
    const inner = match[1] ?? ''
    let at = match.index + 1
    for (const part of inner.split(/;\s/)) {
      const found = authorPage.exec(part)
      if (found?.[1] && found[4] && !notNames.has(found[1])) {
        const entry: AuthorPage = {start: at, end: at + part.length, names: namesOf(found[1]), locator: found[4].replace(/\s?[-–]\s?/g, '-')}
        const title = found[2] ?? found[3]
        if (title) entry.title = title.replace(/[,.]$/, '')
        out.push(entry)
      }
      at += part.length + 2
    }
  }
  for (const match of text.matchAll(titlePage)) {
    const title = (match[1] ?? match[2] ?? '').trim()
    if (title && match[3]) out.push({start: match.index + 1, end: match.index + match[0].length - 1, names: [], title, locator: match[3].replace(/\s?[-–]\s?/g, '-')})
  }
  return out.sort((a, b) => a.start - b.start)
}

// --- Short notes ----------------------------------------------------------------------------

/** Lead-ins of a short citation (`See`, `Cf.`, `Vgl.`), and a list's `and` (`…; and Marr 1999, 12`). */
const leadIn = /^\s*(?:(?:and|und|et)\s+(?=\p{Lu}|see\b|cf\.|vgl\.))?(?:(?:see(?:\s+also)?|cf\.|compare|vgl\.(?:\s+auch)?|siehe|voir)\s+)?/iu
/** `Names, *Title*` or `Names, "Title,"` then an optional locator. */
const shortTitle = /^((?:\p{Lu}|(?:van|von|de|du|da|di|del|la|le)\s)[^*"“”]*?),?\s+(?:eds?\.\s+|hg\.\s+|hrsg\.\s+)?(\*[^*]+\*|["“][^"”]+?[,.]?["”])(?:,?\s*((?:(?:pp?|ch|chap|S|fol)\.\s*)?[\divxlcP]+(?:\s*[-–]+\s*\d+)?(?:\s*ff?\.)?))?[.,]?\s*$/iu

/** One short citation read without the labeller: authors and a marked title, or authors and a year. */
export interface ShortForm {
  item: CslItemDraft
  locator?: string
  start: number
  end: number
}

/** `Names Year, locator` (`Goffman 1974, 97`) as a whole part of a note. */
const authorDate = new RegExp(String.raw`^(${names}),?\s\(?(${year})\)?(${locator})?[.,]?\s*$`, 'u')

/** MLA's `Names Pages` (`Quenby 90–91`): names and a page or range, no year, as a whole part of a note. */
const namesAndPages = new RegExp(String.raw`^(${names})\s(${pages})[.,]?\s*$`, 'u')

/** Read a part of a note as one short citation (`Delmont, *Half American*`, `Lee, *Employment*, 12`, `Goffman 1974, 97`). */
export function readShortForm(raw: string): ShortForm | undefined {
  const start = leadIn.exec(raw)?.[0].length ?? 0
  const rest = raw.slice(start)
  const end = start + rest.trimEnd().length
  const titled = shortTitle.exec(rest)
  if (titled?.[1] && titled[2]) {
    const names = namesOf(titled[1].replace(/,?\s+(?:eds?|hg|hrsg)\.$/i, '').trim())
    const title = titled[2].replace(/^[*"“]|[*"”]$/g, '').replace(/[,.]$/, '').trim()
    if (names.length === 0 || names.some((name) => name.split(/\s+/).length > 3)) return undefined
    return {item: {type: 'book', author: names.map((family) => ({family})), title}, locator: titled[3]?.trim(), start, end}
  }
  const dated = authorDate.exec(rest)
  if (dated?.[1] && dated[2]) {
    return {item: {type: 'book', author: namesOf(dated[1]).map((family) => ({family})), issued: {'date-parts': [[Number(dated[2].slice(0, 4))]]}}, locator: locatorOf(dated[3]), start, end}
  }
  const paged = namesAndPages.exec(rest)
  if (paged?.[1] && paged[2]) {
    return {item: {type: 'book', author: namesOf(paged[1]).map((family) => ({family}))}, locator: locatorOf(paged[2]), start, end}
  }
  return undefined
}
