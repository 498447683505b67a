/**
 * Notes of a web copy. References are links to an id in the page (`<a href="#fn1">`, pandoc's
 * `footnote-ref`, Wikipedia's `cite_note`), or bare `<sup>` numbers; bodies are the elements
 * those links point to, or else a list of notes whose count and order fit the numbers
 * (1, 2, 3 … in order, as many as the list has items): never a lone digit.
 */
import type {Element, ElementContent, Root, Text} from 'hast'
import {classesOf, fragmentOf, idOf, isBlock, stringProperty, textOf, walkElements, type Parent} from './html-dom.js'
import {escapeRegExp} from '../../shared/regexp.js'
import {noteSymbols} from '../conventions/symbol-notes.js'

export interface NoteBody {
  element: Element
  parent: Parent
  /** The marker of its first reference, as printed without brackets (`1`, `*`). */
  marker: string
  label: string
}

export interface NoteReference {
  /** The element that is the whole reference (a `<sup>` around the link, or the link). */
  element: Element
  parent: Parent
  note: NoteBody
}

export interface NotesFound {
  references: NoteReference[]
  bodies: NoteBody[]
  /** Links inside note bodies back to their reference. */
  backlinks: Set<Element>
  /** Superscript numbers in sequence that no list of notes fits (for a warning), with the first. */
  unpaired?: {count: number; first: Element}
}

/** What a reference prints: a number, a letter, a roman numeral or note symbols, maybe bracketed. */
const markerPattern = /^[[(]?(\d{1,4}|[a-z]|[ivxlc]{1,6}|[*†‡§‖¶]{1,3})[\])]?$/i

function markerOf(element: Element): string | undefined {
  return markerPattern.exec(textOf(element))?.[1]
}

/** Names (ids, classes, roles) that say an element is about notes (Word's “Save as HTML” names them `ftn1`, `edn1`). */
const noteName = /foot|note|fn|ftn|edn|ref|cite|endnote/i

/** Ids of notes a link may point to (`#fn1`, `#footnote-2`, `#endnote3`); not `#ref1`, a reference list's entry. */
const noteTarget = /^fn|foot|note/i

/** Names of an element a link points to that say it is a note (`<div class="note" id="no1">`, as journal platforms set them); not a reference list's entry. */
const noteTargetName = /note|foot|\bfn|ftn|edn/i

/** Elements that can hold a note's text. */
const bodyElements: ReadonlySet<string> = new Set(['li', 'p', 'div', 'aside', 'dd', 'section', 'td'])

const backlinkName = /back(?:link|ref)?|footnote-back|fnback|cite-backlink|reversefootnote/i
const backlinkText = /^(?:↩\uFE0E?|↩\uFE0F?|↑|\^|⤴|\^\s*[a-z](?:\s+[a-z])*)$/

interface Located {
  element: Element
  parent: Parent
  ancestors: readonly Element[]
}

export function findNotes(body: Element, skip: ReadonlySet<Element>): NotesFound {
  const byId = new Map<string, Located>()
  const located = new Map<Element, Located>()
  walkElements(body, (element, parent, ancestors) => {
    if (skip.has(element)) return 'skip'
    const entry = {element, parent, ancestors: [...ancestors]}
    located.set(element, entry)
    const id = idOf(element)
    if (id !== undefined && !byId.has(id)) byId.set(id, entry)
  })
  // Every element that prints a marker: a link target among them is a reference, not a note.
  const markers = new Set<Element>()
  for (const {element} of located.values()) if ((element.tagName === 'a' || element.tagName === 'sup') && markerOf(element) !== undefined) markers.add(element)
  const isMarker = (entry: Located) => markers.has(entry.element) || entry.ancestors.some((ancestor) => markers.has(ancestor))

  /** Each element's position in document order. */
  const order = new Map([...located.keys()].map((element, index) => [element, index]))
  const bodies = new Map<Element, NoteBody>()
  const references: NoteReference[] = []
  const referenced = new Set<Element>()
  for (const entry of located.values()) {
    const {element} = entry
    const target = fragmentOf(element)
    if (target === undefined || !markers.has(element)) continue
    const found = byId.get(target)
    if (!found || !(looksLikeNote(entry) || noteTarget.test(target) || noteTargetName.test(namesOf(found.element)))) continue
    // A marker is a reference, not a note, unless it is the note's own number linking back to
    // this reference from later in the page (Word's `<a href="#_ftnref1" name="_ftn1">[1]</a>`).
    if (isMarker(found) && !(fragmentOf(found.element) === idOf(element) && (order.get(found.element) ?? 0) > (order.get(element) ?? 0))) continue
    const note = bodyOf(found, located)
    if (!note || note.ancestors.includes(element) || entry.ancestors.includes(note.element)) continue
    const whole = wholeReference(entry, located)
    if (referenced.has(whole.element)) continue
    referenced.add(whole.element)
    takeBrackets(whole)
    let noteBody = bodies.get(note.element)
    if (!noteBody) {
      noteBody = {element: note.element, parent: note.parent, marker: markerOf(element) ?? '', label: ''}
      bodies.set(note.element, noteBody)
    }
    references.push({element: whole.element, parent: whole.parent, note: noteBody})
  }

  const found: NotesFound = {references, bodies: [...bodies.values()], backlinks: new Set()}
  if (references.length === 0) inlineNotes(located, found)
  titleNotes(located, byId, order, markers, found)
  if (found.references.length === 0) pairBySequence(body, located, order, markers, found)
  if (found.references.length === 0) {
    pairSymbols(located, order, markers, found)
    // Numbers that restart on each page, each page's notes after its text, are no unpaired run.
    if (found.references.length > 0) delete found.unpaired
  } else pairBareBesideLinked(located, order, markers, found)
  labelNotes(found)
  const referenceIds = idsWithin(found.references.map((reference) => reference.element))
  for (const note of found.bodies) {
    collectBacklinks(note.element, found.backlinks, referenceIds)
    stripLeadingMarker(note, found.backlinks)
    copiedBacklink(note.element, found.backlinks)
  }
  return found
}

/**
 * A link marker is a note reference when it is superscript (inside `<sup>` or around one:
 * `<a href="#n1"><sup>1</sup></a>`) or named as one; a link to an element named as a note
 * (`#fn1`, `#endnote-1`) is one too.
 */
function looksLikeNote(entry: Located): boolean {
  const inner = entry.element.children.filter((child): child is Element => child.type === 'element')
  const near = [entry.element, ...entry.ancestors.slice(-2), ...(inner.length === 1 ? inner : [])]
  return near.some((element) => element.tagName === 'sup' || noteName.test(namesOf(element)))
}

/** What an element is called: id, classes, ARIA role and EPUB type (`epub:type="noteref"`). */
function namesOf(element: Element): string {
  return `${idOf(element) ?? ''} ${classesOf(element).join(' ')} ${stringProperty(element, 'role') ?? ''} ${stringProperty(element, 'epub:type') ?? stringProperty(element, 'epubType') ?? ''}`
}

/** The element holding a note whose id a link names (the target itself, or its paragraph or item). */
function bodyOf(target: Located, located: ReadonlyMap<Element, Located>): Located | undefined {
  const chain = [target.element, ...[...target.ancestors].reverse()]
  for (const element of chain) {
    if (!bodyElements.has(element.tagName) && element.tagName !== 'tr') continue
    // A cell that holds only the note's number (a table of notes, number and text in cells): the row is the note.
    if (element.tagName === 'td' && markerOf(element) !== undefined) continue
    const entry = located.get(element)
    if (!entry || containsHeading(element)) return undefined
    // A note of several paragraphs in a block of its own (`<div class="footnote"><p>…</p><p>…</p></div>`,
    // as Gutenberg's HTML prints them): the block is the note, when no other note is in it.
    const parent = entry.ancestors.at(-1)
    if (element.tagName === 'p' && element !== target.element && parent && bodyElements.has(parent.tagName) && noteName.test(namesOf(parent)) && !containsHeading(parent) && onlyNoteIn(parent, target.element)) {
      const whole = located.get(parent)
      if (whole) return whole
    }
    return entry
  }
  return undefined
}

/** Whether `target` is the only element in `block` with an id (the one a reference links to). */
function onlyNoteIn(block: Element, target: Element): boolean {
  let others = 0
  walkElements(block, (child) => {
    if (child !== target && idOf(child) !== undefined) others++
  })
  return others === 0
}

function containsHeading(element: Element): boolean {
  let heading = /^h[1-6]$/.test(element.tagName)
  walkElements(element, (child) => {
    if (/^h[1-6]$/.test(child.tagName)) heading = true
  })
  return heading
}

/** Brackets typed around a linked reference (`[<a href="#n1">1</a>]`) are part of it. */
function takeBrackets(reference: Located): void {
  const siblings = reference.parent.children
  const index = siblings.indexOf(reference.element)
  const before = siblings[index - 1]
  const after = siblings[index + 1]
  if (before?.type !== 'text' || after?.type !== 'text' || !/\[$/.test(before.value) || !/^\]/.test(after.value)) return
  before.value = before.value.slice(0, -1)
  after.value = after.value.slice(1)
}

/** Class names (or EPUB types) of a note printed where it is called (`<span class="footnote">…</span>`). */
const inlineNoteName = /^(?:footnote|sidenote|marginnote|endnote|fn|inline-?note)$/i

/**
 * Whether a class name says an element is a note printed where it is called: such a name, such
 * a word as the last part of a longer name (`post-sidenote`), or a block's `__note` element
 * (`modern-footnotes-footnote__note`), as blog plugins name them.
 */
function isInlineNoteName(name: string): boolean {
  const last = name.split(/__|--|[-_]/).at(-1) ?? ''
  return inlineNoteName.test(name) || inlineNoteName.test(last) || (name.includes('__') && /^note$/i.test(last))
}
/** Elements that hold a note inside a paragraph. */
const inlineElements: ReadonlySet<string> = new Set(['span', 'small', 'aside'])

/**
 * Notes printed inline where they are called, as web pages that style them into the margin or
 * the foot do: an element named as a note inside a paragraph with text of its own, that no link
 * points to. Each is its own reference.
 */
function inlineNotes(located: ReadonlyMap<Element, Located>, found: NotesFound): void {
  for (const entry of located.values()) {
    const {element} = entry
    if (!inlineElements.has(element.tagName)) continue
    const names = [...classesOf(element), ...(stringProperty(element, 'epub:type') ?? '').split(/\s+/)]
    if (!names.some(isInlineNoteName) || textOf(element) === '') continue
    const paragraph = entry.ancestors.at(-1)
    if (!paragraph || !['p', 'li', 'dd', 'td', 'blockquote'].includes(paragraph.tagName) || entry.ancestors.some((ancestor) => found.bodies.some((body) => body.element === ancestor))) continue
    // A marker alone (`<span class="footnote"><a href="#fn1">1</a></span>`) is a call, not a note.
    if (textOf(paragraph).length <= textOf(element).length || containsBlock(element) || markerOf(element) !== undefined || containsLink(element)) continue
    // Its mark printed right before it (`<sup>1</sup><span class="…__note">…</span>`, shown on a click) is its call.
    const mark = markBefore(element, entry.parent)
    const note: NoteBody = {element, parent: entry.parent, marker: mark ? (markerOf(mark) ?? '') : '', label: ''}
    found.bodies.push(note)
    found.references.push({element: mark ?? element, parent: entry.parent, note})
  }
}

/** A raised mark (`<sup>1</sup>`, `<sup><a href="javascript:…">1</a></sup>`) standing right before `element`, linking nowhere in the page. */
function markBefore(element: Element, parent: Parent): Element | undefined {
  const index = parent.children.indexOf(element)
  for (let at = index - 1; at >= 0; at--) {
    const node = parent.children[at]
    if (node?.type === 'text' && node.value.trim() === '') continue
    if (node?.type !== 'element' || markerOf(node) === undefined || containsLink(node)) return undefined
    const raised = node.tagName === 'sup' || (node.tagName === 'a' && node.children.some((inner) => inner.type === 'element' && inner.tagName === 'sup'))
    return raised ? node : undefined
  }
  return undefined
}

/**
 * Words of a `title` that only names the link (`Footnote 3`, `Go to note`, `Anmerkung 2`), in
 * several languages: such a title is no note's text.
 */
const linkTitleWords: ReadonlySet<string> = new Set([
  'footnote', 'footnotes', 'endnote', 'endnotes', 'note', 'notes', 'fn', 'go', 'jump', 'to', 'back', 'return', 'see', 'view',
  'show', 'reference', 'ref', 'the', 'text', 'link', 'anmerkung', 'fußnote', 'zur', 'zu', 'siehe', 'nota', 'notas', 'de', 'bas',
  'page', 'voir', 'la', 'vers', 'ir', 'a', 'vai', 'alla', 'примечание', 'сноска'
])

function onlyNamesTheLink(title: string): boolean {
  return title.toLowerCase().split(/[^\p{L}]+/u).every((word) => word === '' || linkTitleWords.has(word))
}

/**
 * Notes whose text is only the `title` of their mark (`<sup><a href="#n1" title="Parish
 * accounts, 1642.">1</a></sup>`, `<span class="endnote" title="…">*</span>`), as pages made
 * for a pop-up print them, with no body in the page: a link raised or named as a note, or an
 * element named as one, linking nowhere in the page, whose title says more than the link's name. Each becomes a note
 * holding the title's text.
 */
function titleNotes(located: ReadonlyMap<Element, Located>, byId: ReadonlyMap<string, Located>, position: ReadonlyMap<Element, number>, markers: ReadonlySet<Element>, found: NotesFound): void {
  const taken = new Set<Element>([...found.references.map((reference) => reference.element), ...found.bodies.map((body) => body.element)])
  const added: NoteReference[] = []
  for (const entry of located.values()) {
    const {element} = entry
    const title = stringProperty(element, 'title')?.replace(/\s+/g, ' ').trim()
    const marker = markerOf(element)
    if (title === undefined || title === '' || onlyNamesTheLink(title) || marker === undefined) continue
    if (!markers.has(element) && !['span', 'abbr'].includes(element.tagName)) continue
    // A link, or named as a note: a raised number with a title alone may be a power, its value spelt out.
    const target = fragmentOf(element)
    if ((target !== undefined && byId.has(target)) || !looksLikeNote(entry) || (element.tagName !== 'a' && !noteName.test(namesOf(element)))) continue
    if ([element, ...entry.ancestors].some((ancestor) => taken.has(ancestor))) continue
    const whole = wholeReference(entry, located)
    if (taken.has(whole.element)) continue
    taken.add(whole.element)
    const text: Element = {type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: title}]}
    const holder: Root = {type: 'root', children: [text]}
    const note: NoteBody = {element: text, parent: holder, marker, label: ''}
    found.bodies.push(note)
    added.push({element: whole.element, parent: whole.parent, note})
  }
  if (added.length === 0) return
  found.references.push(...added)
  found.references.sort((a, b) => (position.get(a.element) ?? 0) - (position.get(b.element) ?? 0))
}

function containsBlock(element: Element): boolean {
  let block = false
  walkElements(element, (child) => {
    if (isBlock(child)) block = true
  })
  return block
}

/** A `<sup>` around only the link is part of the reference. */
function wholeReference(entry: Located, located: ReadonlyMap<Element, Located>): Located {
  let current = entry
  for (;;) {
    const parent = current.ancestors.at(-1)
    if (!parent || !['sup', 'span', 'a'].includes(parent.tagName) || textOf(parent) !== textOf(current.element)) return current
    const up = located.get(parent)
    if (!up) return current
    current = up
  }
}

/**
 * Bare superscript numbers: a reference when they run 1, 2, 3 … (a number may recur: it
 * points to the same note) and a list of as many notes follows them.
 */
function pairBySequence(body: Element, located: ReadonlyMap<Element, Located>, position: ReadonlyMap<Element, number>, markers: ReadonlySet<Element>, found: NotesFound): void {
  if (pairBySeries(body, located, position, markers, found)) return
  const sups: Array<{entry: Located; number: number}> = []
  let highest = 0
  for (const entry of located.values()) {
    if (entry.element.tagName !== 'sup' || !markers.has(entry.element)) continue
    if (entry.ancestors.some((ancestor) => markers.has(ancestor))) continue
    const marker = markerOf(entry.element) ?? ''
    if (!/^\d+$/.test(marker)) continue
    const number = Number(marker)
    if (number > highest + 1) continue
    if (number === highest + 1) highest = number
    sups.push({entry, number})
  }
  if (highest < 1) return
  // A list after every number of the text; the list's own numbers (`<sup>1</sup> Text`) aside.
  const within = (element: Element, list: readonly Located[]) => list.some((entry) => entry.element === element || located.get(element)?.ancestors.includes(entry.element))
  const lists = noteLists(body, highest, located).filter((list) => {
    const start = position.get(list[0]!.element) ?? -1
    return sups.every(({entry}) => within(entry.element, list) || (position.get(entry.element) ?? Infinity) < start)
  })
  const list = lists.at(-1)
  if (!list) {
    const first = sups[0]?.entry.element
    if (highest >= 2 && first) found.unpaired = {count: highest, first}
    return
  }
  const notes = list.map((entry, index): NoteBody => ({element: entry.element, parent: entry.parent, marker: String(index + 1), label: ''}))
  found.bodies.push(...notes)
  for (const {entry, number} of sups) {
    // The list's own numbers (`<sup>1</sup> Text` in a note) are not references.
    if (notes.some((note) => note.element === entry.element || located.get(entry.element)?.ancestors.includes(note.element))) continue
    const note = notes[number - 1]
    if (note) found.references.push({element: entry.element, parent: entry.parent, note})
  }
}

/**
 * Bare superscript numbers that start again at 1 in each part (a chapter, an essay), each part's
 * notes listed after its text: each run 1, 2, 3 … calls the list of as many notes that follows
 * its last number and comes before the next run. Read so only where every run finds its list.
 */
function pairBySeries(body: Element, located: ReadonlyMap<Element, Located>, position: ReadonlyMap<Element, number>, markers: ReadonlySet<Element>, found: NotesFound): boolean {
  const series: Array<Array<{entry: Located; number: number}>> = []
  /** The highest number of the last series so far. */
  let highest = 0
  for (const entry of located.values()) {
    if (entry.element.tagName !== 'sup' || !markers.has(entry.element)) continue
    if (entry.ancestors.some((ancestor) => markers.has(ancestor) || ancestor.tagName === 'li')) continue
    // A note's own number opening its paragraph (`<p><sup>1</sup> Text</p>`) is no call.
    const block = [...entry.ancestors].reverse().find(isBlock)
    if (block && opensWith(block, entry.element)) continue
    const marker = markerOf(entry.element) ?? ''
    if (!/^\d+$/.test(marker)) continue
    const number = Number(marker)
    const current = series.at(-1)
    if (number === 1 && highest >= 1) series.push([{entry, number}])
    else if (current && number <= highest + 1) current.push({entry, number})
    else if (!current && number === 1) series.push([{entry, number}])
    else return false
    highest = series.at(-1) === current ? Math.max(highest, number) : number
  }
  if (series.length < 2) return false
  const at = (element: Element) => position.get(element) ?? -1
  const chosen: Located[][] = []
  for (const [index, calls] of series.entries()) {
    const count = Math.max(...calls.map((call) => call.number))
    const last = at(calls.at(-1)!.entry.element)
    const next = series[index + 1]?.[0]?.entry.element
    const before = next === undefined ? Infinity : at(next)
    const list = noteLists(body, count, located).find((candidate) => at(candidate[0]!.element) > last && at(candidate[0]!.element) < before)
    if (!list || chosen.some((taken) => taken[0]?.element === list[0]?.element)) return false
    chosen.push(list)
  }
  for (const [index, calls] of series.entries()) {
    const notes = chosen[index]!.map((entry, at): NoteBody => ({element: entry.element, parent: entry.parent, marker: String(at + 1), label: ''}))
    found.bodies.push(...notes)
    for (const {entry, number} of calls) {
      const note = notes[number - 1]
      if (note) found.references.push({element: entry.element, parent: entry.parent, note})
    }
  }
  return true
}

/** Whether `sup` opens the text of `element` (nothing with words before it). */
function opensWith(element: Element, sup: Element): boolean {
  for (const child of element.children) {
    if (child.type === 'text') {
      if (child.value.trim() !== '') return false
      continue
    }
    if (child.type !== 'element') continue
    if (child === sup) return true
    if (textOf(child) === '') continue
    return opensWith(child, sup)
  }
  return false
}

/**
 * Bare `<sup>` numbers beside linked references (`<a href="#fn1"><sup>1</sup></a>` then
 * `<sup>2</sup>`): each calls the item of that number in the list that holds the linked notes,
 * when the list numbers the linked notes the same way and the calls, linked and bare, run
 * 1, 2, 3 … in order.
 */
function pairBareBesideLinked(located: ReadonlyMap<Element, Located>, position: ReadonlyMap<Element, number>, markers: ReadonlySet<Element>, found: NotesFound): void {
  const byNumber = numberedNotes(found, located)
  if (!byNumber) return
  const insideNote = (entry: Located) => [entry.element, ...entry.ancestors].some((element) => byNumber.items.has(element))
  const linked = new Set(found.references.map((reference) => reference.element))
  const calls: Array<{entry: Located; number: number; bare: boolean}> = []
  for (const entry of located.values()) {
    const {element} = entry
    const isLinked = linked.has(element)
    if (!isLinked && (element.tagName !== 'sup' || !markers.has(element))) continue
    if (!isLinked && (entry.ancestors.some((ancestor) => markers.has(ancestor) || linked.has(ancestor)) || containsLink(element))) continue
    if (insideNote(entry)) continue
    const marker = markerOf(element) ?? ''
    if (!/^\d+$/.test(marker)) continue
    calls.push({entry, number: Number(marker), bare: !isLinked})
  }
  calls.sort((a, b) => (position.get(a.entry.element) ?? 0) - (position.get(b.entry.element) ?? 0))
  let highest = 0
  const bare: Array<{entry: Located; number: number}> = []
  for (const call of calls) {
    // Out of sequence: a number of another kind (a date's ordinal, a power), not a call.
    if (call.number > highest + 1) {
      if (!call.bare) return
      continue
    }
    highest = Math.max(highest, call.number)
    if (call.bare) bare.push(call)
  }
  const bodies = new Map(found.bodies.map((body) => [body.element, body]))
  for (const {entry, number} of bare) {
    const item = byNumber.numbers.get(number)
    if (!item) continue
    let note = bodies.get(item.element)
    if (!note) {
      note = {element: item.element, parent: item.parent, marker: String(number), label: ''}
      bodies.set(item.element, note)
      found.bodies.push(note)
    }
    found.references.push({element: entry.element, parent: entry.parent, note})
  }
  found.references.sort((a, b) => (position.get(a.element) ?? 0) - (position.get(b.element) ?? 0))
}

function containsLink(element: Element): boolean {
  let link = false
  walkElements(element, (child) => {
    if (child.tagName === 'a' && fragmentOf(child) !== undefined) link = true
  })
  return link
}

/**
 * The items of the one list (an `<ol>`, or sibling elements) that holds every linked note,
 * by number: an `<ol>` item's place, else the number its id or text opens with. Undefined
 * unless each linked note's marker is its number there.
 */
function numberedNotes(found: NotesFound, located: ReadonlyMap<Element, Located>): {numbers: Map<number, Located>; items: Set<Element>} | undefined {
  const parents = new Set(found.bodies.map((body) => body.parent))
  if (parents.size !== 1) return undefined
  const parent = [...parents][0]!
  const children: ReadonlyArray<Root['children'][number]> = parent.children
  const items = children.filter((child): child is Element => child.type === 'element' && bodyElements.has(child.tagName))
  const ordered = parent.type === 'element' && parent.tagName === 'ol'
  const start = parent.type === 'element' ? Number(stringProperty(parent, 'start') ?? '1') : 1
  const numbers = new Map<number, Located>()
  items.forEach((item, index) => {
    const entry = located.get(item)
    const idNumber = /(\d+)$/.exec(idOf(item) ?? '')?.[1]
    const number = ordered && item.tagName === 'li' ? start + index : leadingNumber(item) ?? (idNumber === undefined ? undefined : Number(idNumber))
    if (entry && number !== undefined && !numbers.has(number)) numbers.set(number, entry)
  })
  for (const body of found.bodies) {
    if (!/^\d+$/.test(body.marker) || numbers.get(Number(body.marker))?.element !== body.element) return undefined
  }
  return {numbers, items: new Set(items)}
}

/** Note marks as a page prints them. */
const symbolMark = /^(?:\*{1,3}|†{1,2}|‡{1,2}|§{1,2}|‖|¶)$/u
/** A letter note's mark (`<sup>a</sup>`); a note opens with it in superscript, since a letter alone is a word too. */
const letterMark = /^[a-z]$/
/** A number note's mark (`<sup>1</sup>`); its note opens with it in superscript. */
const numberMark = /^\d{1,3}$/

/** Whether the element's text opens with a `<sup>`. */
function leadingSup(element: Element): boolean {
  for (const child of element.children) {
    if (child.type === 'text' && child.value.trim() === '') continue
    return child.type === 'element' && (child.tagName === 'sup' || leadingSup(child))
  }
  return false
}

/**
 * Bare `<sup>*</sup>`, `<sup>†</sup>` or `<sup>a</sup>` calls with notes opening with the same mark
 * (`<p><sup>*</sup> Text</p>`): each call is paired with the first note of its mark after it.
 * So are numbers, as a scanned page's notes follow the text of each page (`<sup>1</sup>` calls,
 * `<p><sup>1</sup> Text</p>` notes, numbering restarting or running on): only where nearly
 * every numbered call finds its note.
 */
function pairSymbols(located: ReadonlyMap<Element, Located>, position: ReadonlyMap<Element, number>, markers: ReadonlySet<Element>, found: NotesFound): void {
  const notes: Array<{entry: Located; mark: string}> = []
  const calls: Array<{entry: Located; mark: string}> = []
  for (const entry of located.values()) {
    const {element} = entry
    if (isBlock(element) && bodyElements.has(element.tagName) && !containsBlock(element)) {
      const mark = /^(\S{1,3})\s/u.exec(textOf(element))?.[1]
      if (mark !== undefined && (symbolMark.test(mark) || ((letterMark.test(mark) || numberMark.test(mark)) && leadingSup(element)))) notes.push({entry, mark})
      continue
    }
    const mark = element.tagName === 'sup' && markers.has(element) ? markerOf(element) : undefined
    if (mark === undefined || !(symbolMark.test(mark) || letterMark.test(mark) || numberMark.test(mark))) continue
    calls.push({entry, mark})
  }
  const isNote = (entry: Located) => notes.some((note) => entry.ancestors.includes(note.entry.element))
  const taken = new Set<Located>()
  const pairs: Array<{call: Located; note: Located; mark: string}> = []
  for (const call of calls) {
    if (isNote(call.entry)) continue
    const at = position.get(call.entry.element) ?? 0
    const note = notes.find((candidate) => candidate.mark === call.mark && !taken.has(candidate.entry) && (position.get(candidate.entry.element) ?? 0) > at)
    if (!note) continue
    taken.add(note.entry)
    pairs.push({call: call.entry, note: note.entry, mark: call.mark})
  }
  // Numbers are many things in superscript (`10<sup>3</sup>`): they are calls only where nearly
  // every one has its note (at most one in five without), and at least two do.
  const numbered = calls.filter((call) => numberMark.test(call.mark) && !isNote(call.entry)).length
  const paired = pairs.filter((pair) => numberMark.test(pair.mark)).length
  if (paired < 2 || (numbered - paired) * 4 > paired) {
    pairs.splice(0, pairs.length, ...pairs.filter((pair) => !numberMark.test(pair.mark)))
  }
  if (pairs.length < 2 && !(pairs.length === 1 && notes.length === 1)) return
  for (const {call, note, mark} of pairs) {
    const body: NoteBody = {element: note.element, parent: note.parent, marker: mark, label: ''}
    found.bodies.push(body)
    found.references.push({element: call.element, parent: call.parent, note: body})
  }
}

/** Lists of `count` notes: an `<ol>` of that many items, or a run of paragraphs numbered 1 … count. */
function noteLists(body: Element, count: number, located: ReadonlyMap<Element, Located>): Located[][] {
  const lists: Located[][] = []
  const listsIn = (element: Element): void => {
    const items = element.children.filter((child): child is Element => child.type === 'element')
    if (element.tagName === 'ol') {
      const start = stringProperty(element, 'start')
      const entries = items.filter((item) => item.tagName === 'li').map((item) => located.get(item))
      if ((start === undefined || start === '1') && entries.length === count && entries.every((entry) => entry !== undefined)) lists.push(entries as Located[])
      return
    }
    let run: Located[] = []
    for (const item of items) {
      const entry = located.get(item)
      const number = entry && isBlock(item) ? leadingNumber(item) : undefined
      if (entry && number === run.length + 1) run.push(entry)
      else if (entry && number === 1) run = [entry]
      else if (run.length > 0 && run.length !== count) run = []
      if (run.length === count) {
        lists.push(run)
        run = []
      }
    }
  }
  // The page's own paragraphs too (`<h2>Notes</h2><p>1. …</p>` right in the body).
  listsIn(body)
  walkElements(body, (element) => {
    if (!located.has(element)) return 'skip'
    listsIn(element)
  })
  return lists
}

function leadingNumber(element: Element): number | undefined {
  const match = /^[[(]?(\d{1,4})[\]).:]?(?:\s|$)/.exec(textOf(element))
  return match ? Number(match[1]) : undefined
}

/**
 * Markers as printed when each note has one; else 1, 2, 3 … in the order of the notes. Numbering
 * that starts again (each chapter's notes from 1, as Project Gutenberg's `Footnote_1_3` ids
 * keep them) is a new series, labelled apart as in plain-text sources (`1-2`).
 */
function labelNotes(found: NotesFound): void {
  const order = new Set<NoteBody>()
  for (const reference of found.references) order.add(reference.note)
  for (const body of found.bodies) order.add(body)
  found.bodies = [...order]
  const markers = found.bodies.map((body) => body.marker)
  const own = markers.every((marker) => marker !== '')
  const counts = new Map<string, number>()
  found.bodies.forEach((body, index) => {
    if (!own) {
      body.label = String(index + 1)
      return
    }
    // A note mark (`*`, `†`) is labelled by its name, as in plain-text sources.
    const name = noteSymbols.get(body.marker) ?? body.marker
    const count = (counts.get(name.toLowerCase()) ?? 0) + 1
    counts.set(name.toLowerCase(), count)
    body.label = count === 1 ? name : `${name}-${count}`
  })
}

/** The ids of the references and of what they hold (a back-link may name the `<sup>` or the link). */
function idsWithin(references: readonly Element[]): Set<string> {
  const ids = new Set<string>()
  walkElements({type: 'root', children: [...references]}, (element) => {
    const id = idOf(element)
    if (id !== undefined) ids.add(id)
  })
  return ids
}

/** Links in a note back to its reference (by target, role, class or an arrow for text). */
function collectBacklinks(note: Element, backlinks: Set<Element>, referenceIds: ReadonlySet<string>): void {
  walkElements(note, (element, parent) => {
    const names = `${classesOf(element).join(' ')} ${stringProperty(element, 'role') ?? ''}`
    const target = fragmentOf(element)
    const isBacklink = backlinkName.test(names) || (target !== undefined && referenceIds.has(target)) || (element.tagName === 'a' && backlinkText.test(textOf(element)))
    if (!isBacklink) return
    backlinks.add(element)
    bracketsInto(element, parent)
    return 'skip'
  })
}

/** Brackets typed around a back-link (`[<a href="#r1">↩</a>]`, as WordPress plugins print it) go with it. */
function bracketsInto(element: Element, parent: Parent): void {
  const index = parent.children.indexOf(element)
  const before = parent.children[index - 1]
  const after = parent.children[index + 1]
  if (before?.type !== 'text' || after?.type !== 'text' || !/\[\s*$/.test(before.value) || !/^\s*\]/.test(after.value)) return
  before.value = before.value.replace(/\[\s*$/, '')
  after.value = after.value.replace(/^\s*\]/, '')
  element.children = [{type: 'text', value: '['}, ...element.children, {type: 'text', value: ']'}]
}

/** A back-link kept as text at a note's start (`^`, `^ a b`, `↑`), from a page copied without its links. */
const backlinkCopy = /^\s*[\^↑](?:\s+[a-z](?=\s))*(?=\s)/

/** Wrap a copied back-link opening the note's text in an element of its own, counted with the back-links. */
function copiedBacklink(note: Element, backlinks: Set<Element>): void {
  let parent: Element = note
  for (;;) {
    const index = parent.children.findIndex((child) => child.type !== 'text' || child.value.trim() !== '')
    const child = parent.children[index]
    if (child?.type === 'element' && !backlinks.has(child) && !isBlock(child)) return
    if (child?.type === 'element' && isBlock(child)) {
      parent = child
      continue
    }
    if (child?.type !== 'text') return
    const match = backlinkCopy.exec(child.value)
    if (!match) return
    const link: Element = {type: 'element', tagName: 'span', properties: {}, children: [{type: 'text', value: match[0].trim()}]}
    parent.children.splice(index, 1, link, {type: 'text', value: child.value.slice(match[0].length)})
    backlinks.add(link)
    return
  }
}

/** A note's own number at its start (`1.`, `[1]`, `<sup>1</sup>`) is the label, not its text. */
function stripLeadingMarker(note: NoteBody, backlinks: ReadonlySet<Element>): void {
  let done = false
  const visit = (parent: Element): void => {
    for (let index = 0; index < parent.children.length && !done; index++) {
      const child = parent.children[index] as ElementContent
      if (child.type === 'text') {
        if (child.value.trim() === '') continue
        // An item's number is the list's, so a number opening its text is a word of it.
        if (note.element.tagName !== 'li') stripText(child, note.marker)
        done = true
      } else if (child.type === 'element') {
        if (backlinks.has(child)) {
          // A back-link that prints the note's number opening it (Word's `[1]`) is its label.
          if (markerOf(child)?.toLowerCase() === note.marker.toLowerCase()) {
            parent.children.splice(index, 1)
            trimStart(parent, index)
          }
          done = true
          continue
        }
        const marker = markerOf(child)
        if (marker !== undefined && marker.toLowerCase() === note.marker.toLowerCase() && !isBlock(child)) {
          parent.children.splice(index, 1)
          trimStart(parent, index)
          done = true
        } else visit(child)
      }
    }
  }
  visit(note.element)
}

function stripText(node: Text, marker: string): void {
  const escaped = escapeRegExp(marker)
  node.value = node.value.replace(new RegExp(`^\\s*[[(]?${escaped}[\\]).:]?(?=\\s)`, 'i'), '')
}

/** The space and closing signs after a note's removed number go, in the text after it or at the start of the element after it (Google Docs' `<span>&nbsp;Text</span>`). */
function trimStart(parent: Element, index: number): void {
  const next = parent.children[index]
  if (next?.type === 'text') next.value = next.value.replace(/^[\s.:)\]]+/, ' ')
  else if (next?.type === 'element' && !isBlock(next)) trimStart(next, 0)
}
