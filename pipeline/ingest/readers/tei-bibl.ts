/**
 * A `<biblStruct>` as a reference is printed: its parts hold no punctuation between them (the
 * encoder left that to the stylesheet), so read as they stand their words would run together
 * (`MarshEdwinFerries of the North`). Here they are set in the order and with the punctuation of
 * a common style: authors, “article title”, In: editors, *title*, edition, place: publisher,
 * date, volume, pages, (series), then whatever else it holds (identifiers, notes), so that no
 * word of it is lost.
 */
import type {PhrasingContent} from 'mdast'
import type {Element} from 'xast'
import {attribute, childElements, localName, spacedText} from './tei-xast.js'

/** One piece of the printed reference: words, italic or not. */
interface Piece {
  text: string
  italic?: boolean
  /** Punctuation set between two parts, not the source's own: it gives way to the part's own. */
  separator?: boolean
}

/** The printed reference of a `<biblStruct>`, as phrasing; `closed`: with a full stop at its end. */
export function biblStructPhrasing(bibl: Element, closed: boolean): PhrasingContent[] {
  const used = new Set<Element>()
  const sentences: Piece[][] = []
  const analytic = childElements(bibl).filter((part) => localName(part) === 'analytic')
  const monographs = childElements(bibl).filter((part) => localName(part) === 'monogr')
  for (const part of analytic) {
    used.add(part)
    const names = namesOf(part, ['author'], used)
    if (names) sentences.push([{text: names}])
    const title = titlesOf(part, used)
    if (title) sentences.push([{text: `“${title}”`}])
    sentences.push(...restOf(part, used))
  }
  for (const [index, part] of monographs.entries()) {
    used.add(part)
    const opening: Piece[] = []
    const authors = namesOf(part, ['author'], used)
    const editors = namesOf(part, ['editor'], used)
    if (index === 0 && analytic.length > 0) opening.push({text: 'In: '})
    if (authors) opening.push({text: authors}, {text: analytic.length > 0 ? ', ' : '. ', separator: true})
    if (editors) opening.push({text: `${editors} (ed${editors.includes(';') ? 's' : ''}.), `})
    const title = titlesOf(part, used)
    if (title) opening.push({text: title, italic: true})
    const edition = textOf(part, 'edition', used)
    const imprint = childElements(part).find((element) => localName(element) === 'imprint')
    const facts: string[] = []
    if (edition) facts.push(edition)
    if (imprint) {
      used.add(imprint)
      const place = textOf(imprint, 'pubPlace', used)
      const publisher = textOf(imprint, 'publisher', used)
      const printer = place && publisher ? `${place}: ${publisher}` : (place ?? publisher)
      if (printer) facts.push(printer)
      const date = textOf(imprint, 'date', used)
      if (date) facts.push(date)
      facts.push(...scopesOf(imprint, used))
      facts.push(...leftover(imprint, used))
    }
    facts.push(...scopesOf(part, used))
    const rest = facts.join(', ')
    if (opening.length > 0 && rest !== '') opening.push({text: ', ', separator: true})
    if (rest !== '') opening.push({text: rest})
    if (opening.length > 0) sentences.push(opening)
    sentences.push(...restOf(part, used))
  }
  for (const series of childElements(bibl).filter((element) => localName(element) === 'series')) {
    used.add(series)
    const words = spacedText(series.children)
    if (words) sentences.push([{text: `(${words})`}])
  }
  sentences.push(...restOf(bibl, used))
  return printed(sentences, closed)
}

/**
 * The sentences joined by `. `, each ending where its own punctuation ends it (the last only when
 * `closed`); italic pieces as emphasis. A separator gives way to the punctuation the part before
 * it ends in (`Marsh, Edwin P.` and `. `, `Dunmere,` and `.`) and to its space; the parts' own
 * text is printed as it stands (`And yet...`, `Paris : Gallimard`).
 */
function printed(sentences: readonly Piece[][], closed: boolean): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let written = ''
  const push = (piece: Piece) => {
    let text = piece.text
    if (piece.separator) {
      const mark = /^[.,:;]/.exec(text)?.[0]
      if (mark && (/[,:;]\s*$/.test(written) || (mark === '.' && /[.!?]["”’)]?\s*$/.test(written)))) text = text.slice(1)
      if (/\s$/.test(written)) text = text.trimStart()
    }
    if (text === '') return
    written += text
    const last = out.at(-1)
    if (piece.italic) out.push({type: 'emphasis', children: [{type: 'text', value: text}]})
    else if (last?.type === 'text') last.value += text
    else out.push({type: 'text', value: text})
  }
  const kept = sentences.map((sentence) => sentence.filter((piece) => piece.text.trim() !== '')).filter((sentence) => sentence.length > 0)
  for (const [index, pieces] of kept.entries()) {
    if (index > 0) push({text: ' ', separator: true})
    for (const piece of pieces) push(piece)
    if (closed || index < kept.length - 1) push({text: '.', separator: true})
  }
  const last = out.at(-1)
  if (last?.type === 'text') last.value = last.value.trimEnd()
  return out
}

/** The names in the `roles` children of `part`: `Surname, Forename` for the first, `Forename Surname` after, joined by `;`. */
function namesOf(part: Element, roles: readonly string[], used: Set<Element>): string | undefined {
  const names = childElements(part).filter((element) => roles.includes(localName(element)))
  for (const name of names) used.add(name)
  const printed = names.map((name) => nameOf(name)).filter((name) => name !== '')
  return printed.length === 0 ? undefined : printed.join('; ')
}

/** A name: `Surname, Forename` where its parts are marked, else its words. */
function nameOf(element: Element): string {
  const person = childElements(element).find((inner) => localName(inner) === 'persName') ?? element
  const parts = childElements(person)
  const surname = parts.filter((part) => localName(part) === 'surname' || localName(part) === 'nameLink').map((part) => spacedText(part.children)).join(' ')
  const forename = parts.filter((part) => localName(part) === 'forename' || localName(part) === 'addName').map((part) => spacedText(part.children)).join(' ')
  const others = parts.filter((part) => !['surname', 'nameLink', 'forename', 'addName'].includes(localName(part)))
  if (surname === '' || others.some((part) => spacedText(part.children) !== '')) return spacedText(element.children)
  return forename === '' ? surname : `${surname}, ${forename}`
}

/** The titles of a part, the main one first, subtitles after a colon. */
function titlesOf(part: Element, used: Set<Element>): string | undefined {
  const titles = childElements(part).filter((element) => localName(element) === 'title')
  for (const title of titles) used.add(title)
  const printed = titles.map((title) => spacedText(title.children)).filter((title) => title !== '')
  if (printed.length === 0) return undefined
  const [main, ...rest] = printed
  return rest.length === 0 ? main : `${main}: ${rest.join(': ')}`
}

function textOf(part: Element, name: string, used: Set<Element>): string | undefined {
  const elements = childElements(part).filter((element) => localName(element) === name)
  for (const element of elements) used.add(element)
  const printed = elements.map((element) => spacedText(element.children)).filter((text) => text !== '')
  return printed.length === 0 ? undefined : printed.join(', ')
}

/** `<biblScope unit="volume">4</biblScope>` → `vol. 4`, pages → `pp. 1–9`, unless the words say so already. */
function scopesOf(part: Element, used: Set<Element>): string[] {
  const out: string[] = []
  for (const scope of childElements(part).filter((element) => localName(element) === 'biblScope' || localName(element) === 'citedRange')) {
    used.add(scope)
    const words = spacedText(scope.children)
    if (words === '') continue
    const unit = (attribute(scope, 'unit') ?? attribute(scope, 'type') ?? '').toLowerCase()
    const bare = /^[\divxlc\s–-]+$/i.test(words)
    if (!bare) out.push(words)
    else if (unit === 'volume' || unit === 'vol') out.push(`vol. ${words}`)
    else if (unit === 'issue' || unit === 'number' || unit === 'no') out.push(`no. ${words}`)
    else if (unit === 'page' || unit === 'pp' || unit === 'pages') out.push(/[–-]/.test(words) ? `pp. ${words}` : `p. ${words}`)
    else out.push(words)
  }
  return out
}

/** The other children of a part with words (an `<idno>`, a `<note>`, a `<respStmt>`), each a sentence of its own. */
function restOf(part: Element, used: Set<Element>): Piece[][] {
  return leftover(part, used).map((text) => [{text}])
}

function leftover(part: Element, used: Set<Element>): string[] {
  const out: string[] = []
  for (const child of childElements(part)) {
    if (used.has(child)) continue
    used.add(child)
    const words = spacedText(child.children)
    if (words !== '') out.push(words)
  }
  // Text set between the parts by the encoder (rare in a `<biblStruct>`) is kept too.
  const loose = part.children.filter((node) => node.type === 'text' || node.type === 'cdata').map((node) => node.value).join(' ').replace(/\s+/g, ' ').trim()
  if (loose !== '' && !/^[\s\p{P}]*$/u.test(loose)) out.push(loose)
  return out
}
