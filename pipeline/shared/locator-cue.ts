/**
 * Whether a locator prints its own cue: a classical text's divisions (`l. xliv, c. 17`, `§ 12`)
 * or a word and its number (`Chapters 1 and 2`). Such a locator is shown as it is, with no
 * label word or CSL term before it.
 */
export function printsItsCue(locator: string): boolean {
  return /^(?:[A-Za-z]{1,5}\.|§|\p{Lu}\p{Ll}+\s+(?:\d|[ivxlcIVXLC]+\b))/u.test(locator)
}
