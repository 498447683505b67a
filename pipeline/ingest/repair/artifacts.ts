/**
 * Conversion residue inside the text (Word bookmarks, comment anchors): removed from the
 * reading and kept in place as `:removed[…]{rule}`. Unknown field codes are reported, kept.
 */
import type {VFile} from 'vfile'
import {report} from '../rules.js'
import type {RemovalRule} from '../../shared/annotations.js'
import type {Locate} from '../location.js'
import {replaceInText, type Span} from '../spans.js'

export interface InlineArtifact {
  rule: RemovalRule
  /** Global pattern; bounded so it cannot backtrack on long lines. */
  pattern: RegExp
  description: string
}

export const inlineArtifacts: readonly InlineArtifact[] = [
  {rule: 'word-bookmark', pattern: /\[bookmark: ?[^\]\n]{1,200}\]/g, description: 'Word bookmark exported as text (`[bookmark: _GoBack]`)'},
  {rule: 'word-comment-anchor', pattern: /\[[A-Z]{2,4}\d{1,3}\]/g, description: 'Anchor of a Word comment (`[EAM1]`)'},
  {rule: 'proofer-note', pattern: /\[\*\*[^\]\n]{0,200}\]/g, description: 'A Distributed Proofreaders proofer’s query or note (`[**typo?]`)'}
]

/** A bracketed field code such as `[fieldname: …]` that no table entry recognized. */
const fieldCode = /\[([A-Za-z]{3,20}): ?[^\]\n]{0,200}\]/g

/**
 * Bracketed labels that transcriptions print as part of the text, not conversion residue
 * (Project Gutenberg and Distributed Proofreaders: captions, sidenotes, transcribers' notes).
 */
const textLabels: ReadonlySet<string> = new Set(['illustration', 'sidenote', 'transcriber', 'transcribers', 'greek', 'hebrew', 'arabic', 'music', 'formula', 'table', 'blank', 'note', 'footnote', 'sic', 'errata', 'decoration', 'caption'])

export function removeArtifacts(spans: readonly Span[], file: VFile, locate: Locate): Span[] {
  let out = [...spans]
  for (const artifact of inlineArtifacts) {
    out = replaceInText(out, artifact.pattern, (match, offset) => [{type: 'removed', value: match[0], rule: artifact.rule, offset}])
  }
  replaceInText(out, fieldCode, (match, offset) => {
    if (textLabels.has((match[1] ?? '').toLowerCase())) return undefined
    if (offset !== undefined) report(file, 'unknown-artifact', `Unexpected field code \`${match[0].slice(0, 40)}\`, expected text or a known artifact`, locate(offset))
    return undefined
  })
  return out
}
