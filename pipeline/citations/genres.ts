/** Kinds of archival document, as historians name them at the head of a citation. */

export interface Genre {
  /** How it is printed (regex source, matched case-insensitively at a word boundary). */
  pattern: string
  /** Normalized genre written to `genre`. */
  genre: string
}

/**
 * Longest first: `ciphered telegram` before `telegram`. English, German, French, Italian,
 * Spanish, Portuguese and Russian names of each kind.
 */
export const genres: Genre[] = [
  {pattern: 'ciphered\\s+telegrams?|cipher\\s+telegrams?|coded\\s+telegrams?|шифр(?:о)?телеграмм[аы]', genre: 'ciphered telegram'},
  {pattern: 'records?\\s+of\\s+(?:the\\s+)?conversations?|memorand(?:um|a)\\s+of\\s+conversations?|conversations?|gesprächsaufzeichnung(?:en)?|запис[ьи]\\s+бесед[ыа]?', genre: 'record of conversation'},
  {pattern: 'telegrams?|cables?|telegramme?|télégrammes?|telegramm[ai]|telegramas?|телеграмм[аы]', genre: 'telegram'},
  {pattern: 'докладн(?:ая|ые)\\s+записк[аи]', genre: 'report'},
  {pattern: 'reports?|berichte?|rapports?|rapport[oi]|relazion[ei]|informes?|relatórios?|доклад[ы]?|донесени[ея]|отч[её]т[ы]?', genre: 'report'},
  {pattern: 'letters?|briefe?|lettres?|letter[ae]|cartas?|письм[оа]', genre: 'letter'},
  {pattern: 'resolutions?|decisions?|decrees?|beschl(?:uss|üsse)|erlass|décrets?|décisions?|decret[oi]|decision[ei]|resolución|decretos?|постановлени[ея]|решени[ея]', genre: 'resolution'},
  {pattern: 'instructions?|directives?|draft\\s+directions?|weisung(?:en)?|istruzion[ei]|instrucción|instrucciones|директив[аы]|инструкци[яи]', genre: 'instruction'},
  {pattern: 'memorand(?:um|a)|notes?|memos?|aufzeichnung(?:en)?|vermerke?|denkschrift(?:en)?|promemoria|appunt[oi]|memorándum|записк[аи]|справк[аи]', genre: 'memorandum'},
  {pattern: 'minutes|protocols?|protokolle?|procès-verba(?:l|ux)|verbal[ei]|actas?|протокол[ы]?', genre: 'minutes'},
  {pattern: 'statements?|declarations?|appeals?|erklärung(?:en)?|déclarations?|dichiarazion[ei]|declaración|заявлени[ея]', genre: 'statement'},
  {pattern: 'editorials?|leitartikel', genre: 'editorial'},
  {pattern: 'speech(?:es)?|addresses?|rede|discours|discors[oi]|discursos?|речь|выступлени[ея]', genre: 'speech'}
]

const leading = new RegExp(
  `^(?:the\\s+|an?\\s+)?(?:(?:"[^"]{1,40}"|“[^”]{1,40}”|[\\p{L}’'-]+)\\s+){0,3}?(${genres.map((g) => g.pattern).join('|')})(?![\\p{L}\\p{N}_])`,
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
