/**
 * OCR confusions as data. Each entry says what was misread, what it stands for, and the
 * context that makes the correction safe: folio abbreviations are digits only after an
 * archival file reference in a citation, never in a numbered list.
 */
import type {EmendationRule} from '../../shared/annotations.js'

export interface ContextualConfusion {
  rule: Extract<EmendationRule, 'ocr-folio' | 'ocr-fond'>
  /** Global pattern matching the misread form only. */
  misread: RegExp
  corrected: string
  /** Must match the text just before the misread form (anchored at its end). */
  before: RegExp
  /** Must match the text just after it (anchored at its start). */
  after: RegExp
}

/** `Papka 5, ` / `Delo 47, ` / `*ibid.*, `: what precedes a folio in an archival citation. */
const afterArchivalUnit = /(?:\b(?:Fond|Opis|Delo|Papka|Pap\.|Op\.|D\.|F\.)\s*[\p{L}\p{N}-]{1,12}|\bibid\.?\*{0,2})\s*,\s*$/iu
const folioRange = /^ ?\d/

export const archivalConfusions: readonly ContextualConfusion[] = [
  {rule: 'ocr-folio', misread: /(?<![\p{L}\p{N}.])11\.(?= ?\d)/gu, corrected: 'll.', before: afterArchivalUnit, after: folioRange},
  {rule: 'ocr-folio', misread: /(?<![\p{L}\p{N}.])1\.(?= ?\d)/gu, corrected: 'l.', before: afterArchivalUnit, after: folioRange},
  {rule: 'ocr-fond', misread: /(?<=\bFond )[Il](?= \p{Lu})/gu, corrected: '1', before: /Fond $/, after: /^ \p{Lu}/u}
]

/** How much text before a candidate the context check looks at. */
export const contextWindow = 48
