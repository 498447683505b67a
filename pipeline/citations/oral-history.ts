/**
 * Oral history memoirs, cited by the title their collections give them: `The Reminiscences of
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

/** The memoir cited by `text`, or undefined when it is none. */
export function parseMemoir(text: string): Memoir | undefined {
  const match = memoir.exec(text.trim().replace(/[.;]+$/, ''))
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
