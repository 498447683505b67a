/** Roman numerals, as volumes, chapters and headings print them. */

const romanValues: Readonly<Record<string, number>> = {i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000}

/** Value of a roman numeral in either case (`xiv`, `XIV` → 14), or undefined when the text is not one. */
export function romanToNumber(text: string): number | undefined {
  const lower = text.toLowerCase()
  if (!/^[ivxlcdm]+$/.test(lower)) return undefined
  let total = 0
  for (let index = 0; index < lower.length; index++) {
    const value = romanValues[lower[index] ?? ''] ?? 0
    const next = romanValues[lower[index + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}

const numerals: ReadonlyArray<readonly [number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]

/** A positive number as a lower-case roman numeral (`14` → `xiv`). */
export function numberToRoman(count: number): string {
  let rest = count
  let out = ''
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      out += numeral
      rest -= value
    }
  }
  return out
}
