/** Periodicals: container, volume, issue and date (`*Journal* 13:3 (Winter 1988/89)`, `Vol. 3, No. 1 (Spring 1994)`). */
import type {CslItemDraft, CslType} from '../shared/types/csl.js'
import {cslDate, findDate} from './dates.js'
import {normalizeRange} from './locator.js'
import {containerCues} from './serials.js'
import {stripOuter} from './text.js'

const journalDate = /^\((?:(?:Spring|Summer|Fall|Autumn|Winter|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?|January|February|March|April|May|June|July|August|September|October|November|December)[\p{L}/ .-]*\s+)?(?:\d{1,2},?\s+)?\d{4}(?:[-/]\d{2,4})?(?:,\s*\d+)?\)/u

/** A volume's cue: `Vol.`, and in other languages `Bd.`, `Jg.`, `t.`, `tomo`. */
const volumeCue = String.raw`(?:[Vv]ol\.|Bd\.|Jg\.|t\.|tomo)`
/** An issue's cue: `No.`, and `núm.`, `n.º`, `nº`, `n°`, `n.`, `Nr.`, `H.`, `fasc.`. */
const issueCue = String.raw`(?:[Nn]os?\.|[Nn]úm\.|n\.\s?º|nº|n°|n\.|Nr\.|H\.|[Ff]asc\.)`
const volumeAt = new RegExp(String.raw`^[\s,]*${volumeCue}\s*(\d+|[IVXLC]+)`)
const issueAt = new RegExp(String.raw`^[\s,]*${issueCue}\s*(\d+(?:\s*[-–/]\s*\d+)?)`)
/** A year standing alone after the volume or issue: `vol. 61, núm. 223, 2001, pp. 311-340`. */
const bareYear = /^[\s,]*((?:1[5-9]|20)\d\d)(?=\s*(?:[,.;:]|$))/

/** Container, volume, issue and date of a periodical: `*Journal* 13:3 (Winter 1988/89)`. */
export function applyPeriodical(item: CslItemDraft, printed: string): string {
  let rest = printed.replace(/^[\s,.]+/, '')
  const emphasis = /^\*([^*]+)\*/.exec(rest)
  let container: string
  if (/^\d/.test(rest) && item['container-title']) {
    // `*Journal* 58 (1788): 412`: the container was named already; the volume follows.
    container = item['container-title']
  } else if (emphasis?.[1]) {
    container = emphasis[1]
    rest = rest.slice(emphasis[0].length)
  } else {
    const stop = /(?:,\s*|\s+)(?=(?:[Vv]ol\.|[Nn]os?\.|[Nn]úm\.|n\.\s?º|nº|n°)\s*\d|\d+(?:[:/]\d+)?\s*(?:\(|,|:|$)|\((?:[\p{L}]+\.?\s+)?(?:[\p{L}]+\/)?\d{4}\)|\(\d{4}|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},\s+\d{4})|,\s*(?=pp?\.)|\s*\((?=[A-Z][^()]*\)\s*,?\s*(?:Vol\.|No\.|Nos\.|\d))/u.exec(rest)
    container = stop ? rest.slice(0, stop.index) : rest
    rest = stop ? rest.slice(stop.index) : ''
  }
  const translation = /^\s*\(([^()]{3,120})\)\s*,?/.exec(rest)
  if (translation?.[1] && !/^\d/.test(translation[1]) && !journalDate.test(`(${translation[1]})`)) {
    item.custom = {...item.custom, containerTitleTranslation: translation[1].trim()}
    rest = rest.slice(translation[0].length)
  }
  container = stripOuter(container)
  if (container) item['container-title'] = container
  const volume = volumeAt.exec(rest)
  if (volume?.[1]) {
    item.volume = volume[1]
    rest = rest.slice(volume[0].length)
  }
  const issue = issueAt.exec(rest)
  if (issue?.[1]) {
    item.issue = normalizeRange(issue[1]).replace(/\s+/g, '')
    rest = rest.slice(issue[0].length)
  } else if (!item.volume) {
    const numbered = /^(,)?\s*(\d+)(?:[:.](\d+)|\/(\d+))?(?=\s*(?:\(|,|:|$))/.exec(rest)
    if (numbered?.[2]) {
      if (numbered[3]) {
        item.volume = numbered[2]
        item.issue = numbered[3]
      } else if (numbered[4]) item.issue = `${numbered[2]}/${numbered[4]}`
      else if (numbered[1]) item.issue = numbered[2]
      else item.volume = numbered[2]
      rest = rest.slice(numbered[0].length)
    }
    // `14, no. 2 (Spring 1990)`: the issue after the volume.
    const after = issueAt.exec(rest)
    if (after?.[1] && item.volume && !item.issue) {
      item.issue = normalizeRange(after[1]).replace(/\s+/g, '')
      rest = rest.slice(after[0].length)
    }
  }
  const date = /^[\s,]*(\([^()]{2,40}\))/.exec(rest)
  if (date?.[1] && journalDate.test(date[1])) {
    item.issued = cslDate(date[1].slice(1, -1).replace(/,\s*\d+$/, '').trim())
    rest = rest.slice(date[0].length)
  } else {
    const printedDate = /^[\s,]*((?:\d{1,2}\s+\p{L}+\.?\s+\d{4})|(?:\p{L}+\.?\s+\d{1,2},\s+\d{4})|(?:\p{L}+\s+\d{4}))/u.exec(rest)
    const year = (item.volume || item.issue) && !printedDate ? bareYear.exec(rest) : null
    if (printedDate?.[1] && findDate(printedDate[1])) {
      item.issued = cslDate(printedDate[1])
      rest = rest.slice(printedDate[0].length)
    } else if (year?.[1]) {
      item.issued = cslDate(year[1])
      rest = rest.slice(year[0].length)
    }
  }
  return rest
}

export function typeFromContainer(container: string | undefined): CslType | undefined {
  if (!container) return undefined
  return containerCues.find((cue) => cue.pattern.test(container))?.type
}
