/**
 * Unicode classes of characters, for the scanners that cut a whole source into words. A
 * regular expression with property escapes (`[\p{L}\p{N}]+`) costs several times a loop over
 * char codes, and makes an array for every word; here each character's class is found once,
 * with the same property escapes, and kept.
 */

/** `\p{L}` */
export const letter = 1
/** `\p{M}` */
export const mark = 2
/** `\p{Nd}` */
export const decimal = 4
/** `\p{N}` */
export const number = 8
/** `\p{Lu}` */
export const upper = 16
/** `\p{Ll}` */
export const lower = 32

const known = 128
const properties: ReadonlyArray<[number, RegExp]> = [
  [letter, /^\p{L}$/u],
  [mark, /^\p{M}$/u],
  [decimal, /^\p{Nd}$/u],
  [number, /^\p{N}$/u],
  [upper, /^\p{Lu}$/u],
  [lower, /^\p{Ll}$/u]
]

/** Classes of the UTF-16 code units, filled as they are met (0: not yet). */
const units = new Uint8Array(0x10000)
/** Classes of code points outside the basic plane. */
const astral = new Map<number, number>()

function classesOf(character: string): number {
  let classes = known
  for (const [bit, expression] of properties) if (expression.test(character)) classes |= bit
  return classes
}

/** Classes of the code unit `code` as a character of its own (a lone surrogate has none); `known` may be set too. */
export function unitClasses(code: number): number {
  let classes = units[code] ?? 0
  if (classes === 0) units[code] = classes = classesOf(String.fromCharCode(code))
  return classes
}

/**
 * Classes of the character at `index` (a code point, as a `u` expression reads it); the
 * second half of a surrogate pair has the classes of the pair (`widthAt` tells how many code
 * units a character takes).
 */
export function classesAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code < 0xd800 || code > 0xdfff) return unitClasses(code) & ~known
  const point = pointAt(text, index)
  if (point === undefined) return 0
  let classes = astral.get(point)
  if (classes === undefined) astral.set(point, (classes = classesOf(String.fromCodePoint(point))))
  return classes & ~known
}

/** Code units taken by the character at `index`: 2 for the first half of a surrogate pair, else 1. */
export function widthAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code < 0xd800 || code > 0xdbff) return 1
  const next = text.charCodeAt(index + 1)
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1
}

/** The code point of the surrogate pair `index` is in, if it is in one. */
function pointAt(text: string, index: number): number | undefined {
  const code = text.charCodeAt(index)
  if (code <= 0xdbff) {
    const next = text.charCodeAt(index + 1)
    return next >= 0xdc00 && next <= 0xdfff ? (code - 0xd800) * 0x400 + next - 0xdc00 + 0x10000 : undefined
  }
  const previous = text.charCodeAt(index - 1)
  return previous >= 0xd800 && previous <= 0xdbff ? (previous - 0xd800) * 0x400 + code - 0xdc00 + 0x10000 : undefined
}

/**
 * Call `word` with the bounds of every longest run of characters that have one of `classes`,
 * in order: what `new RegExp('[…]+', 'gu')` matches.
 */
export function forEachRun(text: string, classes: number, word: (start: number, end: number) => void): void {
  let start = -1
  let index = 0
  while (index < text.length) {
    const code = text.charCodeAt(index)
    const surrogate = code >= 0xd800 && code <= 0xdfff
    const found = surrogate ? classesAt(text, index) : unitClasses(code)
    if ((found & classes) === 0) {
      if (start !== -1) word(start, index)
      start = -1
    } else if (start === -1) start = index
    index += surrogate ? widthAt(text, index) : 1
  }
  if (start !== -1) word(start, text.length)
}
