/** Choose the note convention of a text: the best score among the convention modules. */
import type {VFile} from 'vfile'
import {report} from './rules.js'
import type {NoteConvention} from '../shared/types/document.js'
import {conventions, type Convention, type ConventionContext} from './conventions/index.js'
import {hasEndnotes} from './conventions/markdown-endnotes.js'
import {markdownFootnotes} from './conventions/markdown-footnotes.js'
import {isNotesHeading} from './conventions/notes-section.js'
import type {RawLine} from './lines.js'
import {none} from './conventions/none.js'

/** A runner-up this close to the winner makes the choice worth a note. */
const uncertainRatio = 0.8

export function detectConvention(context: ConventionContext, override?: NoteConvention, file?: VFile): Convention {
  if (override) {
    const chosen = conventions.find((convention) => convention.name === override)
    if (chosen) {
      if (file) report(file, 'convention-override', `Note convention \`${override}\` set by the sidecar (\`overrides.convention\`); not detected`)
      return chosen
    }
  }
  const markdown = file?.path !== undefined && /\.(?:md|markdown)$/i.test(file.path)
  // Markdown footnotes, or a notes list under a notes heading that Markdown reading pairs with its calls.
  if (markdown && (markdownFootnotes.score(context) > 0 || markdownEndnotes(context.text, context.lines))) return markdownFootnotes
  // In Markdown an asterisk is emphasis or a bullet, never a note mark.
  const candidates = markdown ? conventions.filter((convention) => convention.name !== 'symbol-notes') : conventions
  const scored = candidates.map((convention) => ({convention, score: convention.score(context)})).sort((a, b) => b.score - a.score)
  const [best, second] = scored
  // A Markdown source without notes is still Markdown: its headings and emphasis are syntax.
  if ((!best || best.score <= 0) && markdown) return markdownFootnotes
  if (!best || best.score <= 0) return none
  if (file && second && second.score > 0 && second.score >= best.score * uncertainRatio) {
    report(file, 'convention-uncertain', `Unexpected tie between \`${best.convention.name}\` (${best.score}) and \`${second.convention.name}\` (${second.score}), expected one clear convention`)
  }
  return best.convention
}

/**
 * Whether Markdown reading finds a notes list and its calls (only tried where a notes heading
 * stands alone on a line, or calls typed by hand, `¹` or `^1^`, or numbers linked into the
 * page, `[1](#fn1)`, are there).
 */
function markdownEndnotes(text: string, lines: readonly RawLine[]): boolean {
  return (lines.some((line) => isNotesHeading(line.text)) || typedCall.test(text)) && hasEndnotes(text)
}

const typedCall = /[⁰¹²³⁴⁵⁶⁷⁸⁹]|\^\d|\[\[?\d{1,4}\]?\]\(#/u
