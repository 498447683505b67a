/** Locators and volumes as they follow a published work: `, vol. II, 445-48`, `: 134`, `, Chapter 3`. */
import type {LocatorLabel} from '../shared/types/citation.js'
import {isYear, labelOf, locatorCues, locatorLead, normalizeRange, numberList} from './locator.js'

const cueSource = locatorCues.map((cue) => cue.pattern).join('|')
/** `7:157-61`: a volume and its pages. */
const volumeAndPages = new RegExp(`^[\\s,]*(\\d+|[IVXLC]+):\\s*(${numberList})`)

/** A locator at the start of `text`: `, pp. 27-28`, `: 134`, `, 472-78`, `, Chapter 3`. */
const leadingLocator = new RegExp(`^[\\s,:.]*(?:(${cueSource})\\s*)?(${numberList}|passim\\b)(?![\\d/:])`, 'u')

/** A volume at the start of `text`: `, vol. II`, `, Vol. 2`, `, t. 2`, `, Bd. 3`, `, II`. */
const leadingVolume = /^[\s,]*(?:(?:vols?\.|Vols?\.|Volumes?|t\.|[Tt]omes?|Bd\.)\s*([IVXLC]+|\d+)(?:\s+and\s+([IVXLC]+|\d+))?|([IVXLC]+)(?=\s*(?:,|$)))/

/** A classical text's divisions, numbers joined by full stops (`4.32–33`, `1.150`), the first after a space or comma. */
const classicalLocator = /^[\s,]*(\d{1,3}(?:\.\d{1,4}){1,3}(?:\s*[-–]\s*\d{1,4}(?:\.\d{1,4}){0,3})?)(?![\d.]*\d)\.?(?=\s*$|[\s,;])/

/** A word before a locator's cue or number (`, at 210`, `, ici p. 52`), the blanks and stops before it kept. */
const leadBeforeLocator = new RegExp(`^([\\s,:.]*)${locatorLead}(?=(?:${cueSource})?\\s*\\d)`)

/** What a citation's tail gives: locator, label, volume, division. */
export interface Found {
  locator?: string
  label?: LocatorLabel
  volume?: string
  /** `part 2` or `section 4`: a division printed before the locator. */
  part?: string
}

/** Read a locator (and volume) from the start of the rest of a citation. */
export function readLocator(rest: string, out: Found): string {
  // `4.32–33`, `1.150`, `3.2.1`: book, chapter and section of a classical text, kept whole.
  const classical = classicalLocator.exec(rest)
  if (classical?.[1]) {
    out.locator = normalizeRange(classical[1])
    out.label = 'section'
    return rest.slice(classical[0].length)
  }
  // `, at 210`, `, ici p. 52`: a word before the locator, which is dropped.
  let text = rest.replace(leadBeforeLocator, '$1')
  const volume = leadingVolume.exec(text)
  if (volume && (volume[1] || volume[3])) {
    const value = volume[1] ?? volume[3] ?? ''
    out.volume = volume[2] ? `${value} and ${volume[2]}` : value
    text = text.slice(volume[0].length)
  }
  const part = /^[\s,]*(?:pt\.|[Pp]art|sec\.|[Ss]ection)\s*(\w+)(?=\s*(?:,|$))/.exec(text)
  if (part?.[1]) {
    out.part = `${/^[\s,]*(?:pt|[Pp]art)/.test(part[0]) ? 'part' : 'section'} ${part[1]}`
    text = text.slice(part[0].length)
  }
  // `7:157-61`: volume and pages.
  const volumePage = volumeAndPages.exec(text)
  if (volumePage?.[1] && volumePage[2] && !out.volume) {
    out.volume = volumePage[1]
    out.locator = normalizeRange(volumePage[2])
    out.label = 'page'
    return text.slice(volumePage[0].length)
  }
  const chapter = /^[\s,:]*((?:[Cc]hapters?|[Cc]hap\.|[Cc]h\.)\s*\d+(?:\s*(?:,|and|-)\s*\d+)*)/.exec(text)
  if (chapter?.[1]) {
    out.locator = chapter[1].replace(/\s+/g, ' ')
    out.label = 'chapter'
    return text.slice(chapter[0].length)
  }
  // `p. SM7`, `pp. A12-A13`: pages of a newspaper's lettered sections.
  const lettered = /^[\s,:.]*(pp?\.)\s*([A-Z]{1,3}\d+(?:\s*[-–]\s*[A-Z]{0,3}\d+)?)(?![\p{L}\d])/u.exec(text)
  if (lettered?.[2]) {
    out.locator = normalizeRange(lettered[2])
    out.label = 'page'
    return text.slice(lettered[0].length)
  }
  const locator = leadingLocator.exec(text)
  if (locator?.[2] && (locator[1] || !isYear(locator[2]))) {
    out.locator = normalizeRange(locator[2])
    out.label = labelOf(locator[1])
    return text.slice(locator[0].length)
  }
  return text
}
