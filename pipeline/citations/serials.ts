/**
 * Cues that tell what kind of publication a citation names: the words of containers,
 * government series and translation services. Data for the classifier, kept together so
 * a new series is one line.
 */
import {newspaperName} from '../shared/vocabulary/newspapers.js'
import type {CslItemDraft, CslType} from '../shared/types/csl.js'

export interface ContainerCue {
  pattern: RegExp
  type: CslType
}

/** Containers whose name says what they are (checked in order). */
export const containerCues: ContainerCue[] = [
  {pattern: /\b(?:FRUS|Foreign Relations of the United States)\b/, type: 'document'},
  {pattern: /\b(?:Magazine|Newsweek|Time|News\s*&\s*World Report|Week(?:ly)?|Atlantic|New Yorker|Economist)\b/, type: 'article-magazine'},
  {pattern: newspaperName, type: 'article-newspaper'}
]

/** Translation services whose report numbers look like `FBIS-SOV-90-121`, `JPRS-UAC-91-003`. */
export const translationServices: Array<{code: string; name: string}> = [
  {code: 'FBIS', name: 'Foreign Broadcast Information Service'},
  {code: 'JPRS', name: 'Joint Publications Research Service'}
]

export const serviceNumber = new RegExp(`\\b(?:${translationServices.map((service) => service.code).join('|')})-[A-Z]{2,4}-\\d{2}-\\d{2,4}\\b`)

/** Words in a title or series that make a work a report. */
export const reportCues = /\b(?:Working Paper|Occasional Paper|Discussion Paper|Report to the|NSC-\d+|NSC \d+|Technical Report|Research Report)\b/

/** A kind of paper a series numbers: `Working Paper`, `Discussion Papers`. */
export const paperSeries = String.raw`(?:Working|Discussion|Occasional|Research|Policy|Staff|Technical)\s+Papers?`

/** `Discussion Paper No. 17`, `HEB Working Paper 4410`: a series of papers (its publisher's name first or not) and the number. */
const numberedPaper = new RegExp(String.raw`^(?:(\p{Lu}[\p{L}\d&.'’ -]*?)\s+)?(${paperSeries})(?:\s+[Ss]eries)?,?\s+(?:(?:No|Nr|Nos)\.?\s*|#\s*)?(\d[\w./-]*)$`, 'u')

/**
 * A report's kind read whole with its number (`genre: Discussion Paper No. 17`): the kind is the
 * genre, the number its number, and a name before the kind (`HEB Working Paper`) the series.
 */
export function numberedPaperSplit(item: CslItemDraft): void {
  const match = numberedPaper.exec(item.genre?.trim() ?? '')
  if (!match?.[2] || !match[3] || item.number) return
  item.genre = match[2]
  item.number = match[3]
  if (match[1] && !item['collection-title']) item['collection-title'] = `${match[1]} ${match[2]}`
}

/** Kinds of unpublished or academic work, as printed. */
export const workKinds: Array<{pattern: RegExp; type: CslType}> = [
  {pattern: /\b(?:Ph\.\s?D\.|doctoral|M\.A\.|master['’]s)?\s*(?:dissertation|thesis)\b/i, type: 'thesis'},
  {pattern: /\b(?:unpublished\s+)?(?:manuscript|typescript|memoir)\b/i, type: 'manuscript'},
  {pattern: /\b(?:paper (?:presented|delivered|read) (?:at|to)|conference paper)\b/i, type: 'paper-conference'},
  {pattern: /\bconference report\b/i, type: 'report'}
]
