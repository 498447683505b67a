/**
 * Characters of Word's symbol fonts as Unicode. A Word file stores a character of the Symbol
 * font by its place in that font (`<w:sym w:font="Symbol" w:char="F061"/>`, or a run set in
 * Symbol holding `a`), which the font draws as `α`: read as its byte it would be another letter.
 * Symbol's places are Adobe's Symbol encoding; a dingbat font's (Wingdings, Webdings) have no
 * table here, and are left as Word's private code point, with a diagnostic.
 */

/** Adobe Symbol encoding, 0x20–0xFE: the places that are not the ASCII character they hold. */
const symbolFont: Readonly<Record<number, string>> = {
  0x22: '∀', 0x24: '∃', 0x27: '∋', 0x2a: '∗', 0x2d: '−', 0x40: '≅',
  0x41: 'Α', 0x42: 'Β', 0x43: 'Χ', 0x44: 'Δ', 0x45: 'Ε', 0x46: 'Φ', 0x47: 'Γ', 0x48: 'Η', 0x49: 'Ι', 0x4a: 'ϑ', 0x4b: 'Κ',
  0x4c: 'Λ', 0x4d: 'Μ', 0x4e: 'Ν', 0x4f: 'Ο', 0x50: 'Π', 0x51: 'Θ', 0x52: 'Ρ', 0x53: 'Σ', 0x54: 'Τ', 0x55: 'Υ', 0x56: 'ς',
  0x57: 'Ω', 0x58: 'Ξ', 0x59: 'Ψ', 0x5a: 'Ζ', 0x5c: '∴', 0x5e: '⊥', 0x60: '‾',
  0x61: 'α', 0x62: 'β', 0x63: 'χ', 0x64: 'δ', 0x65: 'ε', 0x66: 'φ', 0x67: 'γ', 0x68: 'η', 0x69: 'ι', 0x6a: 'ϕ', 0x6b: 'κ',
  0x6c: 'λ', 0x6d: 'μ', 0x6e: 'ν', 0x6f: 'ο', 0x70: 'π', 0x71: 'θ', 0x72: 'ρ', 0x73: 'σ', 0x74: 'τ', 0x75: 'υ', 0x76: 'ϖ',
  0x77: 'ω', 0x78: 'ξ', 0x79: 'ψ', 0x7a: 'ζ', 0x7e: '∼',
  0xa0: '€', 0xa1: 'ϒ', 0xa2: '′', 0xa3: '≤', 0xa4: '⁄', 0xa5: '∞', 0xa6: 'ƒ', 0xa7: '♣', 0xa8: '♦', 0xa9: '♥', 0xaa: '♠',
  0xab: '↔', 0xac: '←', 0xad: '↑', 0xae: '→', 0xaf: '↓', 0xb0: '°', 0xb1: '±', 0xb2: '″', 0xb3: '≥', 0xb4: '×', 0xb5: '∝',
  0xb6: '∂', 0xb7: '•', 0xb8: '÷', 0xb9: '≠', 0xba: '≡', 0xbb: '≈', 0xbc: '…', 0xbd: '⏐', 0xbe: '⎯', 0xbf: '↵',
  0xc0: 'ℵ', 0xc1: 'ℑ', 0xc2: 'ℜ', 0xc3: '℘', 0xc4: '⊗', 0xc5: '⊕', 0xc6: '∅', 0xc7: '∩', 0xc8: '∪', 0xc9: '⊃', 0xca: '⊇',
  0xcb: '⊄', 0xcc: '⊂', 0xcd: '⊆', 0xce: '∈', 0xcf: '∉', 0xd0: '∠', 0xd1: '∇', 0xd2: '®', 0xd3: '©', 0xd4: '™', 0xd5: '∏',
  0xd6: '√', 0xd7: '⋅', 0xd8: '¬', 0xd9: '∧', 0xda: '∨', 0xdb: '⇔', 0xdc: '⇐', 0xdd: '⇑', 0xde: '⇒', 0xdf: '⇓',
  0xe0: '◊', 0xe1: '〈', 0xe2: '®', 0xe3: '©', 0xe4: '™', 0xe5: '∑', 0xe6: '⎛', 0xe7: '⎜', 0xe8: '⎝', 0xe9: '⎡', 0xea: '⎢',
  0xeb: '⎣', 0xec: '⎧', 0xed: '⎨', 0xee: '⎩', 0xef: '⎪', 0xf1: '〉', 0xf2: '∫', 0xf3: '⌠', 0xf4: '⎮', 0xf5: '⌡', 0xf6: '⎞',
  0xf7: '⎟', 0xf8: '⎠', 0xf9: '⎤', 0xfa: '⎥', 0xfb: '⎦', 0xfc: '⎫', 0xfd: '⎬', 0xfe: '⎭'
}

/** Fonts whose places are pictures, not letters: no table, their characters kept as Word's code points. */
const dingbatFont = /^(?:wingdings(?:\s*[23])?|webdings|zapf\s*dingbats|marlett|mt\s*extra)$/i

export type FontReading = {text: string} | {unknown: string}

/**
 * A character Word stores by its place in `font`: Symbol's by the table, a dingbat font's as the
 * private code point (`unknown`: the font's name), any other font's as the character itself
 * (a symbol font's private range `F0xx` read as `xx`).
 */
export function fontCharacter(font: string | undefined, code: number): FontReading {
  const name = font?.trim() ?? ''
  const place = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code
  if (/^symbol$/i.test(name) && place <= 0xff) return {text: symbolFont[place] ?? String.fromCodePoint(place)}
  if (dingbatFont.test(name)) return {unknown: name}
  return {text: String.fromCodePoint(place)}
}

/** Whether a run set in `font` holds places of that font rather than Unicode text (Symbol). */
export function isSymbolFont(font: string | undefined): boolean {
  return /^symbol$/i.test(font?.trim() ?? '')
}

/** Text typed in the Symbol font (`a` drawn as `α`), as Unicode. */
export function symbolText(value: string): string {
  let out = ''
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0
    const place = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code
    out += place <= 0xff ? (symbolFont[place] ?? String.fromCodePoint(place)) : character
  }
  return out
}
