/**
 * Inline markup that proofing and transcription texts write as tags (`<i>…</i>`, `<b>`,
 * `<sc>` for small capitals, `<g>` for letter-spaced text): emphasis as the Markdown writes it,
 * the rest left out. Tags are typography, not wording, so no emendation is recorded; the
 * conservation check reads the source with the tags blanked.
 */
import {replaceInText, type Span} from '../spans.js'

/** What each tag becomes: the Markdown delimiter, or '' for typography Markdown cannot show. */
const markupTags: Readonly<Record<string, string>> = {
  i: '*', em: '*', g: '*', b: '**', strong: '**', sc: '', u: '', f: ''
}

const tag = /<\/?(i|em|g|b|strong|sc|u|f)>/g

/** Whether a text uses the tags in pairs (an unpaired `<i>` is text, not markup). */
export function usesMarkupTags(text: string): boolean {
  if (!text.includes('</')) return false
  const counts = new Map<string, number>()
  let any = false
  tag.lastIndex = 0
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    any = true
    const name = match[1] ?? ''
    counts.set(name, (counts.get(name) ?? 0) + (match[0].startsWith('</') ? -1 : 1))
  }
  return any && [...counts.values()].every((count) => count === 0)
}

/** The tags of a run as Markdown delimiters. */
export function markupToMarkdown(spans: readonly Span[]): Span[] {
  return replaceInText(spans, tag, (match, offset) => {
    const delimiter = markupTags[match[1] ?? ''] ?? ''
    return delimiter === '' ? [] : [{type: 'text', value: delimiter, offset}]
  })
}

/** The text with every tag blanked (same length): what the conservation check reads. */
export function withoutMarkupTags(text: string): string {
  return text.replace(tag, (found) => ' '.repeat(found.length))
}

/**
 * Project Gutenberg's bold, `=word=`: an `=` that opens a word (after a space, the line's start or
 * an opening bracket, quotation mark or dash) or closes one (before a space, punctuation or the
 * line's end). An `=` between letters or spaced out (`x=y`, `a = b`) is text.
 */
const boldDelimiter = /(?<![^\s(\[“"‘'—–-])=(?=[^\s=])|(?<=[^\s=(\[“"‘'])=(?![^\s.,;:!?)\]”"’'—–-])/gu
const boldPair = /(?<![^\s(\[“"‘'—–-])=[^\s=](?:[^=\n]*[^\s=])?=(?![^\s.,;:!?)\]”"’'—–-])/u

/** Whether a text writes bold as `=word=`: one pair on a line at least, and as many closing as opening marks. */
export function usesEqualsBold(text: string): boolean {
  if (!text.includes('=') || !boldPair.test(text)) return false
  let open = 0
  for (const match of text.matchAll(boldDelimiter)) {
    const before = match.index === 0 ? '' : (text[match.index - 1] ?? '')
    open += before === '' || /[\s(\[“"‘'—–-]/u.test(before) ? 1 : -1
    if (open < 0 || open > 1) return false
  }
  return open === 0
}

/** `=word=` as Markdown's `**word**`: typography, not wording, so no emendation is recorded. */
export function equalsBoldToMarkdown(spans: readonly Span[]): Span[] {
  return replaceInText(spans, boldDelimiter, (_, offset) => [{type: 'text', value: '**', offset}])
}
