/**
 * Oral histories. Memoirs cited by the title their collections give them: `The Reminiscences of
 * Name, Month–Month Year, 57, in the … Oral History Collection`. The person remembering is the
 * author, the date that of the interviews, the number after it the page, and the collection
 * after `in` the archive.
 */
import type {CslItemDraft} from '../shared/types/csl.js'
import {cslDate, findDate} from './dates.js'
import {isNameList, namesOf} from './names.js'

const memoir = /^(The\s+(?:Reminiscences|Recollections|Memoirs)\s+of\s+(\p{Lu}[^,;()“"]*?))\s*,\s*([^]*)$/u

export interface Memoir {
  item: CslItemDraft
  locator?: string
}

/** `Oral history interview with Name`, `Interview by A with B`: the head of an oral history. */
const oralHistory = /^(?:an?\s+)?(oral[- ]history\s+)?interview(?:\s+(?:conducted\s+)?by\s+(the\s+author|(?:the\s+)?\p{Lu}[^,;()]*?))?\s+with\s+(\p{Lu}[^,;()]*?)\s*,\s*([^]*)$/iu
/** Words that name a collection of oral histories. */
const collectionWord = /\b(?:Collection|Project|Program(?:me)?|Archives?|Library|Cent(?:er|re)|Institute|Society|Museum|Foundation)\b/
/** Where in the collection: `tape 3`, `cassette 2, side B`, `transcript, p. 14`, `box 4`. */
const placeInCollection = /^(?:tapes?|cassettes?|reels?|discs?|side|transcript|box|file|folder|no\.|item|track|pp?\.)\b/i

/**
 * `Oral history interview with Ruth Ellison, 12 March 1987, Coastal Heritage Collection, tape 3`:
 * the person interviewed is the author, the date that of the interview, the collection the
 * archive and the tape or page after it where in the archive. A plain `Interview with …` is
 * one only with a collection named after its date.
 */
function parseOralHistory(text: string): Memoir | undefined {
  const match = oralHistory.exec(text)
  const name = match?.[3]
  if (!match || !name || !isNameList(name)) return undefined
  const rest = match[4] ?? ''
  const date = findDate(rest)
  // The date first, or after the place of the interview (`Lyme Regis, 12 March 1987`).
  const place = date ? rest.slice(0, date.start).replace(/[\s,]+$/, '') : ''
  if (!date || (date.start > 3 && !/^\p{Lu}[\p{L}'’ .-]{1,40}$/u.test(place))) return undefined
  const after = rest.slice(date.end).split(/\s*,\s*/).map((part) => part.trim()).filter(Boolean)
  const collection = after.findIndex((part) => collectionWord.test(part))
  // A plain `Interview with …` is an oral history when its interviewer or collection is named.
  if (!match[1] && !match[2] && collection < 0) return undefined
  const item: CslItemDraft = {type: 'interview', author: namesOf(name), issued: cslDate(date.text), title: `${match[1] ? 'Oral history interview' : 'Interview'} with ${name}`}
  if (match[2] && !/^the\s+author$/i.test(match[2]) && isNameList(match[2].replace(/^the\s+/i, ''))) item.interviewer = namesOf(match[2])
  if (date.start > 3 && place) item['event-place'] = place
  const held = collection >= 0 ? collection : after.findIndex((part) => !placeInCollection.test(part))
  if (held >= 0) {
    item.archive = after[held]
    const location = after.slice(held + 1).join(', ')
    if (location) item.archive_location = location
  } else if (after.length > 0) item.archive_location = after.join(', ')
  return {item}
}

/** The memoir or oral history cited by `text`, or undefined when it is none. */
export function parseMemoir(text: string): Memoir | undefined {
  const trimmed = text.trim().replace(/[.;]+$/, '')
  const oral = parseOralHistory(trimmed)
  if (oral) return oral
  const match = memoir.exec(trimmed)
  const name = match?.[2]
  if (!match?.[1] || !name || !isNameList(name)) return undefined
  const rest = match[3] ?? ''
  const date = findDate(rest)
  if (!date || date.start > 20) return undefined
  const item: CslItemDraft = {type: 'interview', title: match[1], author: namesOf(name), issued: cslDate(date.text)}
  const after = rest.slice(date.end)
  const held = /(?:^|,)\s*in\s+(?:the\s+)?([^,;]+?)\s*$/.exec(after)
  if (held?.[1]) item.archive = held[1]
  const page = /^\s*,\s*(\d{1,4}(?:\s*[-–]\s*\d{1,4})?)(?=\s*(?:,|$))/.exec(after)
  return page?.[1] ? {item, locator: page[1]} : {item}
}
