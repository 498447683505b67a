/**
 * Latin letters for the letters of a file name that have none of their own, so that a slug
 * keeps them: accents fall away by decomposition (`Ü` → `u`), and the letters that do not
 * decompose (`ø`, `ß`, `ł`), Cyrillic and Greek are spelled out (`Город` → `gorod`,
 * `Ἀθῆναι` → `athenai`). Letters of other scripts stay as they are. ASCII is never changed.
 */

/** Lowercase letters without a decomposition to Latin, and their spelling. */
const latin: Record<string, string> = {
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŋ: 'ng', ĸ: 'k', ŀ: 'l', ſ: 's'
}

/** Russian, Ukrainian, Belarusian, Serbian and Bulgarian letters, by a plain scholarly spelling without diacritics. */
const cyrillic: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'iu', я: 'ia', є: 'ie', і: 'i', ґ: 'g', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѕ: 'dz', ў: 'u'
}

/** Greek letters (monotonic and polytonic alike once their marks are gone). */
const greek: Record<string, string> = {
  α: 'a', β: 'b', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'e', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o',
  π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'ph', χ: 'ch', ψ: 'ps', ω: 'o'
}

const table: Record<string, string> = {...latin, ...cyrillic, ...greek}

/** The text in lowercase, its accents dropped and its letters spelled in Latin where the tables know them. */
export function transliterate(text: string): string {
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  // Pure ASCII keeps every character; only the letters beyond it are looked up.
  if (!/[^\0-\x7f]/.test(plain)) return plain
  let out = ''
  for (const char of plain) out += table[char] ?? char
  return out
}
