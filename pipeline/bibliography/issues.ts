/**
 * Dates of periodical issues. A citation may give an article's journal and issue without its
 * date (`Bulletin 6/7, pp. 5-9`) where another citation of the same issue gives it (`Bulletin
 * no. 6–7 (Winter 1995/1996)`): the issue has one date, and the article takes it rather than
 * "n.d.". Issues whose citations give different dates lend none.
 */
import type {CslDate, CslItem} from '../shared/types/csl.js'
import {titleForm} from './normalize.js'

export interface IssueDate {
  /** The item that took the date. */
  key: string
  /** The item whose citation gives it. */
  from: string
}

const periodicalTypes = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper', 'review', 'review-book'])

/** `6/7`, `6–7`, `6-7`, `6 & 7` and `6 and 7` are one issue. */
function issueForm(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined
  const form = String(value).toLowerCase().replace(/\s*(?:[/–—&-]|\band\b)\s*/g, '-').replace(/\s+/g, '')
  return form || undefined
}

function issueOf(item: CslItem): string | undefined {
  if (!periodicalTypes.has(item.type)) return undefined
  const container = titleForm(item['container-title'] ?? '')
  const number = issueForm(item.issue) ?? issueForm(item.volume)
  return container && number ? `${container}|${number}` : undefined
}

/** Give each undated article the date other citations of its issue agree on; returns what was dated. */
export function datesFromIssues(items: CslItem[]): IssueDate[] {
  const dates = new Map<string, {date: CslDate; from: string; agreed: boolean}>()
  for (const item of items) {
    const issue = issueOf(item)
    if (!issue || !item.issued || item.custom?.unparsed) continue
    const known = dates.get(issue)
    if (!known) dates.set(issue, {date: item.issued, from: item.id, agreed: true})
    else if (JSON.stringify(known.date) !== JSON.stringify(item.issued)) known.agreed = false
  }
  const dated: IssueDate[] = []
  for (const item of items) {
    const issue = issueOf(item)
    const known = issue ? dates.get(issue) : undefined
    if (item.issued || !known?.agreed || item.custom?.unparsed) continue
    item.issued = structuredClone(known.date)
    dated.push({key: item.id, from: known.from})
  }
  return dated
}
