/**
 * Sections of statutes as notes cite them, in German and in the style of German law notes:
 * `§ 123 Abs. 2 Nr. 1 StGB`, `§§ 20, 21 StGB`, `Art. 3 GG`, `§ 242 I BGB`. The section is the
 * title, the code (an abbreviation ending in a capital: `BGB`, `StGB`, `AufenthG`, `SGB II`)
 * the container. Found by rule, inside sentences too, where the labeller reads prose.
 */
import type {CslItemDraft} from '../../shared/types/csl.js'

const part = String.raw`(?:\s*(?:Abs\.|Absatz|S\.|Satz|Nr\.|Ziff\.|lit\.|Alt\.)\s*\d+[a-z]?|\s+[IVX]{1,4}(?=\s)|\s*(?:,|bis|und|u\.|-|–)\s*\d+[a-z]?)`
const statutePattern = new RegExp(String.raw`(?<![\p{L}\d])(?:§§?|Artt?\.)\s*\d+[a-z]?${part}*\s+(\p{Lu}[\p{L}-]{0,10}\p{Lu}(?:\s+[IVX]{1,4}\b)?)(?![\p{L}\d])(?:,?\s*(?:Abs\.|Absatz)\s*\d+)?`, 'gu')

export interface Statute {
  start: number
  end: number
  item: CslItemDraft
}

/** The statutes cited in `text`, in order. */
export function statutesIn(text: string): Statute[] {
  const out: Statute[] = []
  for (const match of text.matchAll(statutePattern)) {
    const code = match[1] ?? ''
    const codeAt = match[0].lastIndexOf(code)
    const section = match[0].slice(0, codeAt).replace(/[\s,]+$/, '')
    const after = match[0].slice(codeAt + code.length).replace(/^[\s,]+/, '')
    const title = after ? `${section} ${after}` : section
    out.push({start: match.index, end: match.index + match[0].length, item: {type: 'legislation', title, 'container-title': code}})
  }
  return out
}
