/** Kinds of archival document, as historians name them at the head of a citation. */

export interface Genre {
  /** How it is printed (regex source, matched case-insensitively at a word boundary). */
  pattern: string
  /** Normalized genre written to `genre`. */
  genre: string
}

/** Longest first: `ciphered telegram` before `telegram`. */
export const genres: Genre[] = [
  {pattern: 'ciphered\\s+telegrams?|cipher\\s+telegrams?|coded\\s+telegrams?', genre: 'ciphered telegram'},
  {pattern: 'records?\\s+of\\s+(?:the\\s+)?conversations?|memorand(?:um|a)\\s+of\\s+conversations?|conversations?', genre: 'record of conversation'},
  {pattern: 'telegrams?|cables?', genre: 'telegram'},
  {pattern: 'reports?', genre: 'report'},
  {pattern: 'letters?', genre: 'letter'},
  {pattern: 'resolutions?|decisions?|decrees?', genre: 'resolution'},
  {pattern: 'instructions?|directives?|draft\\s+directions?', genre: 'instruction'},
  {pattern: 'memorand(?:um|a)|notes?|memos?', genre: 'memorandum'},
  {pattern: 'minutes|protocols?', genre: 'minutes'},
  {pattern: 'statements?|declarations?|appeals?', genre: 'statement'},
  {pattern: 'editorials?', genre: 'editorial'},
  {pattern: 'speech(?:es)?|addresses?', genre: 'speech'}
]

const leading = new RegExp(
  `^(?:the\\s+|an?\\s+)?(?:(?:"[^"]{1,40}"|“[^”]{1,40}”|[\\p{L}’'-]+)\\s+){0,3}?(${genres.map((g) => g.pattern).join('|')})\\b`,
  'iu'
)

/** Each genre's pattern for a whole word or phrase as printed. */
const wholeGenres = genres.map((entry) => ({genre: entry.genre, pattern: new RegExp(`^(?:${entry.pattern})$`, 'i')}))

/** The genre a description opens with (within its first few words), if any. */
export function leadingGenre(text: string): {genre: string; end: number} | undefined {
  // “Numerous reports of …”, “Many telegrams …”: commentary about documents, not one document.
  if (/^(?:numerous|many|several|some|most|other|these|those|all|such|few)\b/i.test(text)) return undefined
  const match = leading.exec(text)
  if (!match?.[1]) return undefined
  const printed = match[1]
  const genre = wholeGenres.find((entry) => entry.pattern.test(printed))
  return genre ? {genre: genre.genre, end: match.index + match[0].length} : undefined
}
