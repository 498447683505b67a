/** Publication facts: `(Place: Publisher, Year)`, `(Publisher, Year)`, `(Ph.D. Dissertation, University, Year)`. */
import {centralEuropeanPublisher} from '../shared/vocabulary/institutions.js'
import {type Group, groups} from './title-parts.js'

/** `Place: Publisher, Year`, `Publisher, Year`, `Place: Year`, `Ph.D. Dissertation, University, Year`. */
const publicationFacts = /^\s*(?:([^():]{1,80}?)\s*:\s*)?(?:([^():]{1,160}?)\s*,\s*|(?<=:\s*))((?:1[5-9]|20)\d{2}(?:\s*[-–]\s*\d{2,4})?|forthcoming|n\.d\.)\s*$/

/** Words of publishers' names in English and German; other languages' are in the vocabulary's table. */
const publisherCue = /\b(?:Press|Publish\w*|Publications?|University|Universit\w+|Verlag|Books|Inc\.?|Ltd\.?|Co\.|Company|Center|Centre|Institute|Izd\w*|Nauka|Knopf|Norton|Penguin|Macmillan|Routledge|Harper|Brown|Scribner['’]s|GPO|Printing Office|Office|Foundation|Society|Academy|Library)\b/

/** Does a name hold a word of publishers' names? */
function hasPublisherWord(value: string): boolean {
  return publisherCue.test(value) || centralEuropeanPublisher.test(value)
}

/** Does the text carry `(Place: Publisher, Year)`? */
export function publicationFactsIn(text: string): boolean {
  return groups(text).some((group) => {
    const match = publicationFacts.exec(group.inner)
    return Boolean(match && (match[1] || hasPublisherWord(match[2] ?? '')))
  })
}

export interface Facts {
  /** The parenthesized group the facts are printed in. */
  group: Group
  place?: string
  publisher?: string
  year: string
  /** `Ph.D. Dissertation` and the like: the work is a thesis. */
  genre?: string
  /** The year first published, before a reprint's facts (`1751; repr., New York: Garland, 1985`). */
  original?: string
}

/** `1751; repr.,`, `1923; reprint`, `orig. publ. 1899;`: the first year before a reprint's facts. */
const reprintLead = /^\s*(?:orig\.\s*(?:publ?\.|published)\s*)?((?:1[5-9]|20)\d{2})\s*;\s*(?:(?:repr\.|reprint(?:ed)?|rpt\.)\s*(?:,\s*|\s+(?=\p{Lu}))|(?=\p{Lu}))/u

const thesisKind = /^((?:Ph\.?\s?D\.?|Doctoral|M\.A\.|MA|BA|B\.A\.)?\s*(?:[Dd]issertation|[Tt]hesis|diss\.))\s*,\s*(.+)$/

/** The publication facts of a citation: the last parenthesized group that reads as them. */
export function findFacts(text: string): Facts | undefined {
  for (const group of groups(text).reverse()) {
    const reprint = reprintLead.exec(group.inner)
    const facts = factsIn(text, reprint ? {...group, inner: group.inner.slice(reprint[0].length)} : group)
    if (facts) return reprint?.[1] ? {...facts, group, original: reprint[1]} : facts
  }
  return undefined
}

/** The facts printed in one parenthesized group, if it holds them. */
function factsIn(text: string, group: Group): Facts | undefined {
  const match = publicationFacts.exec(group.inner)
  // `*Volksbräuche* (Berlin, 1903)`: right after a title, a town and a year are the facts of an
  // older book, printed without its publisher.
  if (match?.[3] && !match[1] && /(?:\*|[”"])\s*$/.test(text.slice(0, group.start)) && /^\p{Lu}[\p{L}.-]*(?:[\s-]\p{Lu}[\p{L}.-]*){0,2}$/u.test((match[2] ?? '').trim()) && !hasPublisherWord(match[2] ?? '')) {
    return {group, place: (match[2] ?? '').trim(), year: match[3]}
  }
  // Without a place, only a publisher's name makes `(…, 1994)` publication facts.
  if (match?.[3] && (match[1] || hasPublisherWord(match[2] ?? '') || /dissertation|thesis|diss\./i.test(match[2] ?? ''))) {
    const printedPublisher = (match[2] ?? '').trim()
    const kind = thesisKind.exec(printedPublisher)
    return kind?.[1]
      ? {group, publisher: kind[2], year: match[3], genre: kind[1]}
      : {group, place: match[1]?.trim(), publisher: printedPublisher, year: match[3]}
  }
  return undefined
}
