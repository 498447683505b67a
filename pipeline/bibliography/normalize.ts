/**
 * Text normalization for identity and keys: ASCII folding (diacritics stripped, Cyrillic
 * transliterated), comparison forms of titles and names, roman numerals.
 */
import {romanToNumber} from '../shared/roman.js'

/** Cyrillic to Latin, a plain scholarly transliteration: enough for ASCII keys and matching. */
const cyrillic: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  і: 'i', ї: 'i', є: 'e', ґ: 'g', ў: 'u'
}

/** Latin letters that do not decompose into a base letter and a combining mark. */
const ligatures: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ŋ: 'ng'
}

/** Lower-case ASCII form of a text: diacritics dropped, Cyrillic transliterated, other scripts dropped. */
export function asciiFold(text: string): string {
  // ASCII has no decompositions: most text needs only lower-casing.
  if (!nonAscii.test(text)) return text.toLowerCase()
  let out = ''
  const folded = text.normalize('NFKD').toLowerCase()
  for (let index = 0; index < folded.length; index++) {
    const code = folded.charCodeAt(index)
    if (code < 128) out += folded.charAt(index)
    else if (code < 0x300 || code > 0x36f) {
      // Halves of surrogate pairs are in neither table: characters outside the basic plane are dropped.
      const char = folded.charAt(index)
      out += cyrillic[char] ?? ligatures[char] ?? ''
    }
  }
  return out
}

const nonAscii = /[^\x00-\x7f]/

/** Comparison form: folded, apostrophes joined, Markdown emphasis and punctuation to spaces. */
export function comparable(text: string): string {
  return asciiFold(text.replace(/['’ʼ‘`]/g, ''))
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Words that do not make a title or identify it (articles, conjunctions, prepositions). */
const stopWords = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'on', 'in', 'to', 'for', 'from', 'with', 'at', 'by', 'as',
  'about', 'into', 'after', 'before', 'between', 'toward', 'towards',
  'der', 'die', 'das', 'ein', 'eine', 'und', 'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de',
  'et', 'el', 'los', 'las', 'il', 'lo', 'y', 'i', 'v', 'na', 'o', 'ob', 'po', 's', 'k', 'ot', 'za'
])

/** The words of a text in comparison form, with or without stop words. */
export function words(text: string, significantOnly = false): string[] {
  const all = comparable(text).split(' ').filter(Boolean)
  return significantOnly ? all.filter((word) => !stopWords.has(word)) : all
}

/** Comparison form of a title without its leading article and joining words. */
export function titleForm(text: string): string {
  return words(text, true).join(' ')
}

/** A volume or issue number in one form: roman numerals as arabic, `Vol. 2` as `2`. */
export function numberForm(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  const bare = text.replace(/^(?:vols?|volumes?|nos?|numbers?)\.?\s*/i, '').trim()
  if (bare === '') return undefined
  const roman = romanToNumber(bare)
  if (roman !== undefined) return String(roman)
  return comparable(bare) || undefined
}
