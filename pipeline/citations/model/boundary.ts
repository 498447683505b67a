/**
 * Where a new reference starts inside a run of reference tokens: a learned decision (an
 * averaged binary perceptron) over the labels the sequence model gave, the punctuation
 * between the tokens, their shapes, and the fields the current reference already holds.
 * It is trained on notes made for training (`dataset.ts`), labelled by the trained sequence
 * model, so it learns to read that model's labels, mistakes included.
 */
import type {Label} from './labels.js'
import {isCommentaryWord, isProseWord, lexiconOf, wordOf} from './lexicon.js'

export interface BoundaryWeights {
  /** One line per feature: `name\tweight`, scaled by `scale`. */
  features: string
  scale: number
}

export interface BoundaryModel {
  weight: (feature: string) => number
}

interface Seen {
  labels: Set<Label>
  length: number
}

const nameLabels = new Set<Label>(['author', 'editor', 'translator'])

function trailOf(text: string): string {
  const match = /[\p{P}\p{S}]+$/u.exec(text)
  return match ? Array.from(match[0]).slice(-2).join('') : ''
}

function kindOf(text: string): string {
  const core = wordOf(text)
  if (!core) return 'punct'
  if (/^\d+$/.test(core)) return core.length === 4 ? 'num4' : 'num'
  if (/\d/.test(core)) return 'alnum'
  if (/^\p{Lu}+$/u.test(core)) return core.length === 1 ? 'letter' : 'caps'
  if (/^\p{Lu}/u.test(core)) return 'cap'
  if (/^\p{Ll}/u.test(core)) return 'lower'
  return 'mixed'
}

/** The features of a possible start at token `index` (its predecessor is a reference token too). */
function boundaryFeatures(texts: readonly string[], labels: readonly Label[], index: number, seen: Seen): string[] {
  const text = texts[index] ?? ''
  const previous = texts[index - 1] ?? ''
  const label = labels[index] ?? 'other'
  const before = labels[index - 1] ?? 'other'
  const trail = trailOf(previous)
  const kind = kindOf(text)
  const key = wordOf(text).toLowerCase()
  const lexicons = lexiconOf.get(key) ?? []
  const same = seen.labels.has(label)
  const out = [
    'b', `l=${label}`, `l-1=${before}`, `l-1&l=${before}|${label}`, `trail=${trail}`, `trail&l=${trail}|${label}`, `trail&l-1&l=${trail}|${before}|${label}`,
    `kind=${kind}`, `kind-1=${kindOf(previous)}`, `trail&kind=${trail}|${kind}`, `same=${same}`, `same&trail=${same}|${trail}`, `same&l=${same}|${label}`,
    `len=${Math.min(seen.length, 12)}`, `lead=${/^[(\[„“"‘«]/.test(text) ? text[0] : ''}`
  ]
  if (label !== before) out.push(`change&trail=${trail}`, `change&same=${same}|${trail}`)
  for (const field of seen.labels) out.push(`seen=${field}|${label}`, `seen=${field}|${trail}|${label}`)
  const complete = (seen.labels.has('title') || seen.labels.has('journal') || seen.labels.has('container-title')) && (seen.labels.has('date') || seen.labels.has('pages'))
  out.push(`complete=${complete}|${trail}|${label}`)
  if (nameLabels.has(label) && nameLabels.has(before)) out.push(`names&trail=${trail}`)
  for (const lexicon of lexicons) out.push(`lex=${lexicon}`, `lex&trail=${lexicon}|${trail}`)
  if (lexicons.length === 0 && key.length > 0 && key.length <= 12) out.push(`w=${key}`)
  const previousKey = wordOf(previous).toLowerCase()
  if (previousKey.length <= 12) out.push(`w-1=${previousKey}`)
  return out
}

/** The fields a name of a work, a body or a publisher runs in, or a description of the work (`Tagungsband zur …`). */
const phraseLabels = new Set<Label>(['title', 'container-title', 'journal', 'publisher', 'note'])

/** Words that join the parts of a name or title and never end one. */
const connective = /^(?:und|and|of|der|des|die|das|dem|den|für|von|vom|zur|zum|zu|im|in|am|an|auf|aus|mit|bei|über|unter|zwischen|als|sowie|oder|the|a|for|on|to|with|from|at|by|et|de|du|la|le|les|del|della|di|y|e|en)$/

/** A word that ends a sentence: not a day's number (`am 3. und 4. Mai`). */
function isStop(word: string): boolean {
  return /[.;:!?]$/.test(word) && !/^\d{1,2}\.$/.test(word)
}

/** `(1998`, `(1998:`, `(1998a,`: the year of an author-date citation. */
const yearInBrackets = /^\((?:1[5-9]|20)\d\d[a-z]?\b/

/**
 * `… Berlin: Verlag für Kunst | und Wissen.`, `… Stiftung für | die Vereinten Völker e.V.`: the
 * labeller sometimes reads the last words of a title or a publisher's name as no reference, and
 * the reference would end inside the name, its rest lost. A field ends on no connective, nor on a
 * word without a stop that a connective continues: words left unlabelled after it, up to the
 * next stop, take its label. Runs that hold commentary (but for the connective that opens them)
 * or brackets stay as they are. Returns the words that continue a name after its connective
 * (`Verlag für | Kunst`), and those of a range of days (`am 3. | und 4. Mai`), where no reference starts.
 */
export function namesRunOn(texts: readonly string[], labels: Label[]): number[] {
  const joined: number[] = []
  texts.forEach((text, index) => {
    if (!/^\d{1,2}\.$/.test(text) || !/^(?:und|bis|and|to|[-–])$/.test(texts[index + 1] ?? '') || !/^\d{1,2}\./.test(texts[index + 2] ?? '')) return
    joined.push(index + 1, index + 2)
    // The range left unlabelled after its first day, up to its year, is the date.
    let yearAt = index + 2
    while (yearAt <= index + 4 && yearAt < texts.length && !/^\d{4}\b/.test(texts[yearAt] ?? '')) yearAt++
    if (yearAt > index + 4 || yearAt >= texts.length) yearAt = -1
    if (labels[index] === 'other' || yearAt < 0) return
    for (let at = index + 1; at <= yearAt; at++) if (labels[at] === 'other') labels[at] = 'date'
  })
  for (let index = 0; index + 1 < texts.length; index++) {
    const label = labels[index] ?? 'other'
    const text = texts[index] ?? ''
    if (!phraseLabels.has(label) || !/\p{L}$/u.test(text)) continue
    if (labels[index + 1] !== 'other') {
      // `… and Okafor (1998, 63)`: a name and its year in brackets after the connective open a reference of their own.
      if (connective.test(text.toLowerCase()) && labels[index + 1] !== undefined && !yearInBrackets.test(texts[index + 2] ?? '')) joined.push(index + 1)
      continue
    }
    const next = texts[index + 1] ?? ''
    if (!connective.test(text.toLowerCase()) && !connective.test(next)) continue
    let end = index + 1
    while (end < texts.length && labels[end] === 'other' && end - index <= 16) {
      const word = texts[end] ?? ''
      if (!/^[\p{L}\d]/u.test(word) || /[()[\]]/.test(word) || (isCommentaryWord(word) && !(end === index + 1 && connective.test(word.toLowerCase())))) break
      end++
      if (isStop(word)) break
    }
    // The run ends at a stop, at the next labelled word, or at the note's end.
    const closed = isStop(texts[end - 1] ?? '') || end >= texts.length || labels[end] !== 'other'
    if (end === index + 1 || !closed || end - index > 16) continue
    for (let inside = index + 1; inside < end; inside++) labels[inside] = label
    index = end - 2
  }
  return joined
}

/**
 * `… Berlin; Stiftung Arbeit (2008): Titel. Köln.`, `… Berlin; Institut für Forschung: Studie …`:
 * after a semicolon that ends a reference (a name, a number or a bracket before it), the labeller sometimes reads the first word or two of
 * the next one (a body's name, often in lower case) as prose, and that reference would lose its
 * head. One or two such words, neither prose nor a lead-in, with no digit or bracket, between the
 * semicolon and the next reference's words take the label of the word after them. Returns the
 * indices relabelled.
 */
export function headsAfterSemicolon(texts: readonly string[], labels: Label[]): number[] {
  const relabelled: number[] = []
  for (let index = 1; index < texts.length; index++) {
    // The word before the semicolon ends a reference (read as such or not): a name, a number or a bracket, no prose.
    const before = texts[index - 1] ?? ''
    if (labels[index] !== 'other' || !/[\p{Lu}\d)\]].*;$|[\d)\]];$/u.test(before) || isProseWord(wordOf(before))) continue
    let end = index
    while (end < texts.length && end - index < 3 && labels[end] === 'other') end++
    const next = labels[end]
    if (end - index > 2 || next === undefined || next === 'other') continue
    const run = texts.slice(index, end)
    if (!run.every((word) => /^\p{L}[\p{L}'’-]*$/u.test(word) && !isProseWord(wordOf(word)))) continue
    for (let at = index; at < end; at++) {
      labels[at] = next
      relabelled.push(at)
    }
    index = end
  }
  return relabelled
}

/** A year, or a day's date with its year, that ends a sentence (`1990.`, `4.3.1999.`); no bracket around it. */
const sentenceYear = /^(?:\d{1,2}\.\s?\d{1,2}\.)?(?:1[5-9]|20)\d\d[a-z]?\.$/
/** Words that go on with the reference after its year (`Reprint …`, `Nachdruck …`, `Zitiert nach …`). */
const afterYear = /^(?:In|Im|Dans|Repr|Reprint|Reprinted|Rpt|Reissued|Nachdr|Nachdruck|Neudr|Neudruck|Neuaufl|Neuausg|Translated|Trans|Übers|Zit|Zitiert|Quoted|Cited|Hier|Here|Ici|Qui|Also|Auch|Ed|Hrsg|Hg|Dt)\b/

/**
 * `Müller, Hans: Die Stadt. Berlin 1990. Schmidt, Karl: Das Land. München 1991.`: a reference
 * that holds its title and its date, and ends a sentence with that date, is closed: a
 * capitalized name or title after it opens the next one (a reprint or a lead-in does not).
 * The year of an author-date reference (`Smith, J. 1990. Title.`) comes before any title and
 * closes nothing.
 */
function closedBySentenceYear(texts: readonly string[], labels: readonly Label[], index: number, seen: Seen, start: number): boolean {
  const label = labels[index]
  if ((label !== 'author' && label !== 'title') || labels[index - 1] !== 'date') return false
  if (!(seen.labels.has('title') || seen.labels.has('container-title') || seen.labels.has('journal'))) return false
  const text = texts[index] ?? ''
  if (!sentenceYear.test(texts[index - 1] ?? '') || !/^\p{Lu}/u.test(text) || afterYear.test(text)) return false
  // The reference's only date, printed after its place or publisher or as a day (`vom 3. 5. 1990.`):
  // not a date inside a title (`Erhebung vom 14. März 1962. Verfahren …`) after the year of an author-date reference.
  let first = index - 1
  while (first > start && labels[first - 1] === 'date') first--
  if (labels.slice(start, first).includes('date')) return false
  if (/^(?:vom|am|den|du|le|on|of)$/i.test(texts[first] ?? '')) return true
  // After a comma, the year of a body's name with no author (`Office of Tourism, 2002. Title.`) is an author-date head.
  const before = labels[first - 1]
  return (before === 'location' || before === 'publisher') && (!/,$/.test(texts[first - 1] ?? '') || seen.labels.has('author'))
}

/**
 * `(Siehe Ohlsen/Wirth (2003, 2009)).Daraus folgt …`: a reference opened inside a bracket ends
 * where that bracket closes, with the citation's own bracket, before a full stop or a comma; what
 * follows is read on its own.
 */
function closedByBracket(texts: readonly string[], index: number): boolean {
  return /\)\)[.,;:]?$/.test(texts[index - 1] ?? '')
}

/** A closing quotation mark, then the full stop of its sentence (`… zur Welt„.`, `… world.”`). */
const quotationEnds = /[„“”"»«’‘]\.$|\p{Ll}{3}[.!?][„“”"»«’‘]?$/u
/** A page, a range or `f.`, `ff.` that ends a sentence (`S. 61.`, `S. 30–31.`, `S. 9ff.`). */
const pageEnds = /^\d{1,5}[a-z]?(?:\s*[-–]\s*\d{1,5})?(?:\s*f{1,2})?\.$/
/** The mark of a page before its number (`S.`, `p.`, `pp.`). */
const pageMark = /^(?:S|pp?|Sp|Seite|sowie|und|and|,)\.?$|,$/
/** A word of an author's or a body's name (`Brammer`, `Ohlsen/Wirth`, `GmbH`), or `et al.`, `u. a.`, `(Hg.)`. */
const headWord = /^(?:\p{Lu}[\p{L}'’-]*(?:\s*\/\s*\p{Lu}[\p{L}'’-]+)*|et|al\.|u\.|a\.|\/|\((?:Hg|Hrsg|eds?)\.\))$/u
/** A year in brackets, however misprinted (`(1974)`, `(19744),`, `(1974a):`). */
const bracketedYear = /^\((?:1[5-9]|20)\d\d\d?[a-z]?[),:]/

/**
 * `… „Tor zur Welt„. Brammer (1974), S. 112.`, `… S. 203. Hafenbau GmbH (2016), S. 9.`: after a
 * sentence that ends (a quotation the note quotes, often with its mark printed low, or the page of
 * the citation before), names and their year in brackets, however misprinted (`(19744)`), open
 * a citation. Returns the index of the year, or -1.
 */
function authorDateAfterSentence(texts: readonly string[], index: number): number {
  const previous = texts[index - 1] ?? ''
  if (!quotationEnds.test(previous) && !(pageEnds.test(previous) && pageMark.test(texts[index - 2] ?? ''))) return -1
  const name = texts[index] ?? ''
  if (!/^\p{Lu}[\p{L}'’-]+/u.test(name) || afterYear.test(name)) return -1
  for (let at = index; at < index + 4 && at < texts.length; at++) {
    if (bracketedYear.test(texts[at] ?? '')) return at > index ? at : -1
    if (!headWord.test(texts[at] ?? '')) return -1
  }
  return -1
}

/** `(2008):`: the year of an author-date head before the work it names. */
const yearBeforeWork = /^\((?:1[5-9]|20)\d\d[a-z]?\):$/

/**
 * `… Husum; bündnis grüne küste (2014): Ein Plan …`: after a semicolon that ends
 * a dated reference, a few words (a body's name, in lower case too) and a bracketed year with a
 * colon open the next reference. Returns the index of the year, or -1.
 */
function headAfterSemicolon(texts: readonly string[], index: number): number {
  if (!/;$/.test(texts[index - 1] ?? '') || !/^\p{L}/u.test(texts[index] ?? '')) return -1
  // The reference before has its date (`Kiel 2012;`, `(2012): … Husum;`): names split by semicolons do not.
  let before = index - 1
  while (before > 0 && !/;$/.test(texts[before - 1] ?? '')) before--
  if (!texts.slice(before, index).some((text) => /(?<!\d)(?:1[5-9]|20)\d\d(?!\d)/.test(text))) return -1
  for (let at = index; at < index + 7 && at < texts.length; at++) {
    const text = texts[at] ?? ''
    if (yearBeforeWork.test(text)) return at > index ? at : -1
    // A body's name may hold a verb (`wir sind die küste`); a lead-in opens a citation, not a name.
    if (!/^(?:\p{L}[\p{L}'’.&-]*,?|[–-])$/u.test(text) || /^(?:vgl|siehe|see|cf|auch|also|ferner|sowie|und|and|zum|zur|for|z\.\s?B|e\.g)\.?$/i.test(text)) return -1
  }
  return -1
}

/**
 * The names and bracketed year after a sentence that ends (`authorDateAfterSentence`) or after a
 * semicolon that ends a dated reference (`headAfterSemicolon`) are an author and a date, whatever
 * the labeller read them as (a journal and a volume, a publisher, prose); after a year with a
 * colon, the words up to the next full stop that it read as no reference are the work's title.
 * Returns the indices relabelled.
 */
export function authorDateHeads(texts: readonly string[], labels: Label[]): number[] {
  const relabelled: number[] = []
  for (let index = 1; index + 1 < texts.length; index++) {
    const year = Math.max(authorDateAfterSentence(texts, index), headAfterSemicolon(texts, index))
    if (year < 0) continue
    for (let at = index; at < year; at++) labels[at] = 'author'
    labels[year] = 'date'
    for (let at = index; at <= year; at++) relabelled.push(at)
    index = year
    if (!yearBeforeWork.test(texts[year] ?? '') || labels[year + 1] !== 'other') continue
    let end = year + 1
    while (end < texts.length && end - year <= 24 && labels[end] === 'other' && !/[.!?]$/.test(texts[end] ?? '')) end++
    if (end >= texts.length || labels[end] !== 'other' || end - year > 24) continue
    for (let at = year + 1; at <= end; at++) {
      labels[at] = 'title'
      relabelled.push(at)
    }
    // `Köln.`: one word after the title, its place.
    if (labels[end + 1] === 'other' && /^\p{Lu}[\p{L}/-]+\.$/u.test(texts[end + 1] ?? '') && end + 2 >= texts.length) {
      labels[end + 1] = 'location'
      relabelled.push(end + 1)
    }
    index = end
  }
  return relabelled
}

/**
 * `Lütke (2004), S. 17 sowie S. 203`, `p. 4 and p. 9`: more pages of the same work after a
 * reference's page, joined by `und`, `sowie`, `and`, are a note on it (the locator stays the first
 * page), not a reference of their own. Returns where the pages go on.
 */
export function pageListsJoined(texts: readonly string[], labels: Label[]): number[] {
  const joined: number[] = []
  for (let index = 1; index + 2 < texts.length; index++) {
    if (labels[index - 1] !== 'pages' || !/^\d[\d–-]*(?:f{1,2}\.)?$/.test(texts[index - 1] ?? '') || !/^(?:und|sowie|and|bzw\.|or|et|e|y)$/.test(texts[index] ?? '')) continue
    if (!/^(?:S\.|p\.|pp\.)$/.test(texts[index + 1] ?? '') || !/^\d/.test(texts[index + 2] ?? '')) continue
    let end = index
    while (end < texts.length && end - index < 8 && /^(?:S\.|p\.|pp\.|\d[\d–-]*(?:f{1,2})?\.?[,.;]?|und|and|sowie|bzw\.|or|et|e|y|,)$/.test(texts[end] ?? '')) {
      labels[end] = 'note'
      joined.push(end++)
      if (/[.;]$/.test(texts[end - 1] ?? '') && !/^(?:S|p|pp|bzw)\.$/.test(texts[end - 1] ?? '')) break
    }
  }
  return joined
}

/**
 * Walk the tokens of a note, calling `decide` at every token that may start a reference (a
 * reference token after a reference token); `decide` says whether it does. Text labelled
 * `other` ends a reference. Returns the start of each reference.
 */
export function walkBoundaries(texts: readonly string[], labels: readonly Label[], decide: (index: number, seen: Seen) => boolean): number[] {
  const starts: number[] = []
  let seen: Seen | undefined
  for (let index = 0; index < texts.length; index++) {
    const label = labels[index] ?? 'other'
    if (label === 'other') {
      seen = undefined
      continue
    }
    if (!seen || closedBySentenceYear(texts, labels, index, seen, starts.at(-1) ?? 0) || closedByBracket(texts, index) || authorDateAfterSentence(texts, index) >= 0 || headAfterSemicolon(texts, index) >= 0 || decide(index, seen)) {
      seen = {labels: new Set(), length: 0}
      starts.push(index)
    }
    seen.labels.add(label)
    seen.length++
  }
  return starts
}

export function loadBoundary(weights: BoundaryWeights): BoundaryModel {
  const table = new Map<string, number>()
  for (const line of weights.features.split('\n')) {
    const tab = line.indexOf('\t')
    if (tab > 0) table.set(line.slice(0, tab), Number(line.slice(tab + 1)) / weights.scale)
  }
  return {weight: (feature) => table.get(feature) ?? 0}
}

export function startsHere(model: BoundaryModel, texts: readonly string[], labels: readonly Label[], index: number, seen: Seen): boolean {
  let score = 0
  for (const feature of boundaryFeatures(texts, labels, index, seen)) score += model.weight(feature)
  return score > 0
}

export interface BoundaryExample {
  texts: string[]
  /** The labels the sequence model gave. */
  labels: Label[]
  /** The true starts of references. */
  starts: readonly number[]
}

/** Train the averaged binary perceptron; each pass in a fixed order. Deterministic. */
export function trainBoundary(examples: readonly BoundaryExample[], options: {epochs?: number; scale?: number; progress?: (epoch: number, errors: number, total: number) => void} = {}): BoundaryWeights {
  const {epochs = 6, scale = 100} = options
  const weights = new Map<string, number>()
  const totals = new Map<string, number>()
  let step = 1
  for (let epoch = 0; epoch < epochs; epoch++) {
    let errors = 0
    let total = 0
    for (const example of examples) {
      const truth = new Set(example.starts)
      // Teacher forcing: the reference so far is the true one.
      walkBoundaries(example.texts, example.labels, (index, seen) => {
        const features = boundaryFeatures(example.texts, example.labels, index, seen)
        let score = 0
        for (const feature of features) score += weights.get(feature) ?? 0
        const gold = truth.has(index)
        total++
        if (score > 0 !== gold) {
          errors++
          const sign = gold ? 1 : -1
          for (const feature of features) {
            weights.set(feature, (weights.get(feature) ?? 0) + sign)
            totals.set(feature, (totals.get(feature) ?? 0) + sign * step)
          }
        }
        step++
        return gold
      })
    }
    options.progress?.(epoch + 1, errors, total)
  }
  const lines: string[] = []
  for (const feature of [...weights.keys()].sort()) {
    const value = Math.round(((weights.get(feature) ?? 0) - (totals.get(feature) ?? 0) / step) * scale)
    if (value !== 0) lines.push(`${feature}\t${value}`)
  }
  return {features: lines.join('\n'), scale}
}
