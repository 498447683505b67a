/**
 * Prose or a title? A note's commentary (`Petrov promised to rebuild the pier “even though
 * …”`, `the letter was dated 2 March 1931`) taken for a title or for a document's description
 * is told apart by the shape of an English clause: a verb in the past after its subject, an
 * auxiliary before a participle, a verb of saying before `that`. A title capitalizes its verbs
 * (`Stalin Decided for War`), asks (`…?`) or runs on into a subtitle (`…: …`); a sentence-case
 * title in the present (`Trade is shaped by ports`) needs more evidence: quoted speech, a
 * second sentence, a length no title has. Words inside quotation marks are what someone said,
 * so only the text around them is read.
 */

/** Quotations (curly, straight and single curly) with their contents. */
const quotation = /“[^“”]*”|"[^"]*"|‘[^‘’]*’(?![\p{L}])/gu

/** The text outside quotation marks, each quotation a placeholder word. */
export function outsideQuotes(text: string): string {
  return text.replace(quotation, ' QUOTED ')
}

/** English past participles that do not end in -ed. */
const participles = 'been|being|given|taken|written|seen|made|done|known|shown|told|sent|held|found|kept|left|brought|sold|paid|said|put|set|read|heard|met|thought|won|lost|begun|become|come|gone|drawn|driven|chosen|spoken|broken|forgotten|hidden|sworn|torn|worn|born|borne|understood|forbidden|withdrawn|overthrown|undertaken'

/** English past verbs that do not end in -ed. */
const pastVerbs = 'said|told|wrote|gave|took|saw|made|did|knew|showed|sent|held|found|kept|left|brought|paid|met|thought|won|lost|began|became|came|went|drew|chose|spoke|broke|forgot|hid|swore|understood|withdrew|undertook|was|were|had|would|could|should|might|must'

const adverb = '(?:(?:not|never|also|already|then|\\p{Ll}+ly)\\s+){0,2}'

/** `was dated`, `had never accepted`, `were being`: a past auxiliary before a participle. */
const pastAuxiliary = new RegExp(`(?<![\\p{L}’'-])(?:was|were|had)\\s+${adverb}(?:\\p{Ll}{2,}(?:ed|ing)|${participles}|not|never|no|the|an?)(?![\\p{L}’'-])`, 'u')

/** `is required`, `has shown`, `will be`: a present or future auxiliary (sentence-case titles have these). */
const presentAuxiliary = new RegExp(`(?<![\\p{L}’'-])(?:is|are|has|have|will|would|shall|should|could|cannot|can|must|did|does)\\s+${adverb}(?:\\p{Ll}{2,}(?:ed|ing)|${participles}|be|not|never|no|the|an?)(?![\\p{L}’'-])`, 'u')

/** A subject pronoun before its verb (`he conducted`, `they said`). */
const subjectPronoun = new RegExp(`(?<![\\p{L}’'-])(?:he|she|they|we)\\s+${adverb}(?:\\p{Ll}{2,}ed|${pastVerbs}|is|are|has|have|will|can|does)(?![\\p{L}’'-])`, 'u')

/** Verbs of saying before what was said (`stated that`, `promised to rebuild`, `wrote “…”`). */
const sayingClause = /(?<![\p{L}’'-])(?:said|told|wrote|stated|declared|claimed|argued|noted|promised|announced|insisted|warned|explained|suggested|recalled|remembered|replied|stressed|emphasized|admitted|agreed|denied|believed|hoped|feared|reported|confirmed|threatened|vowed|pledged|assured)\s+(?:that\b|QUOTED|to\s+(?!the\b|an?\b|his\b|her\b|their\b|its\b|this\b|that\b)\p{Ll}{2,})/u

/** A name, then a verb in the past and what the verb takes (`Orlov approved the plan`). */
const pastClause = /(?<![\p{L}’'-])(\p{Lu}[\p{L}’'-]+)\s+(?:\p{Ll}+ly\s+)?\p{Ll}{3,}ed\s+(?:to\s+(?!the\b|an?\b|his\b|her\b|their\b|its\b|this\b|that\b)\p{Ll}{2,}|that|the|an?|his|her|their|its|him|them|it)(?![\p{L}’'-])/gu

/** Capitalized words that are no subject of a past clause. */
const notNames = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Its', 'His', 'Her', 'Their', 'Our', 'My'])

type ClauseKind = 'past' | 'present' | 'pronoun' | 'saying' | 'named'

/** The finite clause of a text outside its quotations (`outsideQuotes`): its words and kind, or undefined. */
function finiteClause(plain: string): {words: string; kind: ClauseKind} | undefined {
  const past = pastAuxiliary.exec(plain)
  if (past) return {words: past[0], kind: 'past'}
  const pronoun = subjectPronoun.exec(plain)
  if (pronoun) return {words: pronoun[0], kind: 'pronoun'}
  const saying = sayingClause.exec(plain)
  if (saying) return {words: saying[0].replace('QUOTED', '“…”'), kind: 'saying'}
  for (const match of plain.matchAll(pastClause)) {
    if (!notNames.has(match[1] ?? '')) return {words: match[0], kind: 'named'}
  }
  const present = presentAuxiliary.exec(plain)
  if (present) return {words: present[0], kind: 'present'}
  return undefined
}

/** Words before a period that do not end a sentence. */
const abbreviations = /^(?:trans|transl|repr|comp|esp|ibid|cit|rev|ser|vols?|nos?|chap|diss|univ|dept|sept|eds?|etc|incl|approx|orig|publ|suppl)$/i

/** A second sentence outside the quotations: a lower-case word, a full stop, then a capitalized word and a lower-case one. */
function secondSentence(plain: string): boolean {
  for (const match of plain.matchAll(/(?<![\p{L}.])(\p{Ll}{3,})[.!]\s+\p{Lu}\p{Ll}+,?\s+\p{Ll}/gu)) {
    if (!abbreviations.test(match[1] ?? '')) return true
  }
  return false
}

/** Speech in quotation marks: four words or more, opening in lower case or speaking in the first person. */
function quotedSpeech(text: string): boolean {
  for (const match of text.matchAll(quotation)) {
    const inner = match[0].slice(1, -1).trim()
    if (inner.split(/\s+/).length < 4) continue
    if (/^\p{Ll}/u.test(inner) || /(?<![\p{L}’'-])(?:we|us|our|me|my)(?![\p{L}’'-])/u.test(inner)) return true
  }
  return false
}

/** Sentence adverbs before their comma; conjunctions in lower case: a clause continuing earlier prose. */
const connective = /^(?:(?:in addition|however|moreover|furthermore|nevertheless|nonetheless|therefore|thus|hence|indeed|also|still),|(?:whereas|because|although|though|while|which|who|whom|but|and)\s)/u
const adverbOpening = /^(?:in addition|however|moreover|furthermore|nevertheless|nonetheless|therefore|thus|hence|indeed|also|still),/i

/** Words a title runs to: a long title has fewer than this. */
const titleWords = 30

/**
 * Why a text reads as a note's commentary (a sentence of prose) rather than naming a document
 * or a work, or undefined. A lower-case start is no sign here: `report to the ministry,
 * 3 May 1931` describes a document.
 */
export function commentary(text: string): string | undefined {
  const trimmed = text.trim().replace(/^[(\["“*]+/, '')
  if (!trimmed) return undefined
  const opening = connective.exec(trimmed) ?? adverbOpening.exec(trimmed)
  if (opening) return `opening with “${opening[0].replace(/[,\s]+$/, '')}”`
  const plain = outsideQuotes(trimmed)
  const clause = finiteClause(plain)
  if (!clause) return undefined
  // A question or a subtitle is a title's shape; a clause in one needs more evidence.
  const titleShaped = /\?|:\s/.test(plain)
  // A present tense and a name's past are a sentence-case title's too (`Ports shaped the city`).
  const weak = clause.kind === 'present' || clause.kind === 'named'
  const evidence = quotedSpeech(trimmed) || secondSentence(plain) || (clause.kind !== 'present' && trimmed.split(/\s+/).length >= titleWords)
  if (evidence || (!titleShaped && !weak)) return `with the clause “${clause.words}”`
  return undefined
}
