/** Kinds of archival document, as historians name them at the head of a citation. */

export interface Genre {
  /** How it is printed (regex source, matched case-insensitively at a word boundary). */
  pattern: string
  /** Normalized genre written to `genre`. */
  genre: string
  /** A noun only when capitalized (German `Schreiben`; `schreiben` is the verb). */
  capitalized?: boolean
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
  {pattern: 'schreiben', genre: 'letter', capitalized: true},
  {pattern: 'resolutions?|decisions?|decrees?|beschl(?:uss|üsse)|erlass|décrets?|décisions?|decret[oi]|decision[ei]|resolución|decretos?|постановлени[ея]|решени[ея]', genre: 'resolution'},
  {pattern: 'instructions?|directives?|draft\\s+directions?|weisung(?:en)?|istruzion[ei]|instrucción|instrucciones|директив[аы]|инструкци[яи]', genre: 'instruction'},
  {pattern: 'memorand(?:um|a)|notes?|memos?|aufzeichnung(?:en)?|vermerke?|denkschrift(?:en)?|promemoria|appunt[oi]|memorándum|записк[аи]|справк[аи]', genre: 'memorandum'},
  {pattern: 'minutes|protocols?|protokolle?|procès-verba(?:l|ux)|verbal[ei]|actas?|протокол[ы]?', genre: 'minutes'},
  {pattern: 'statements?|declarations?|appeals?|erklärung(?:en)?|déclarations?|dichiarazion[ei]|declaración|заявлени[ея]', genre: 'statement'},
  {pattern: 'editorials?|leitartikel', genre: 'editorial'},
  {pattern: 'speech(?:es)?|addresses?|rede|discours|discors[oi]|discursos?|речь|выступлени[ея]', genre: 'speech'}
]

/**
 * Where a genre may open a description: after an optional article and at most three words or
 * quoted phrases. As one pattern (`^(?:the\s+|an?\s+)?(?:(?:"…"|“…”|[\p{L}’'-]+)\s+){0,3}?(genre)`)
 * it costs tens of milliseconds to compile under the case-insensitive Unicode flags; the
 * positions are found by the cheap patterns below and the genres tried at each, in the order that
 * pattern would try them, with the same result.
 */
const article = /(?:the\s+|an?\s+)/iuy
// `[\p{L}’'-]` under the flags `iu` is `[\p{L}’'-]` and U+0345 (which folds to a letter) under `u`.
const word = /(?:"[^"]{1,40}"|“[^”]{1,40}”|[\p{L}\u0345’'-]+)\s+/uy
const genreAt = new RegExp(`(${genres.map((g) => g.pattern).join('|')})(?![\\p{L}\\p{N}_])`, 'iuy')

/** The end of the match of `pattern` at `index` in `text`, if it matches there. */
function endAt(pattern: RegExp, text: string, index: number): number | undefined {
  pattern.lastIndex = index
  return pattern.test(text) ? pattern.lastIndex : undefined
}

/** The first genre at an opening position: after the article (if any) and 0–3 words, then with no article. */
function leadingMatch(text: string): {printed: string; end: number} | undefined {
  const starts: number[] = []
  const afterArticle = endAt(article, text, 0)
  for (let start: number | undefined = afterArticle ?? 0, words = 0; start !== undefined && words <= 3; words++) {
    starts.push(start)
    start = endAt(word, text, start)
  }
  if (afterArticle !== undefined) starts.push(0)
  for (const start of starts) {
    genreAt.lastIndex = start
    const match = genreAt.exec(text)
    if (match?.[1]) return {printed: match[1], end: genreAt.lastIndex}
  }
  return undefined
}

/** Each genre's pattern for a whole word or phrase as printed. */
const wholeGenres = genres.map((entry) => ({genre: entry.genre, capitalized: entry.capitalized === true, pattern: new RegExp(`^(?:${entry.pattern})$`, 'i')}))

/** The genre a description opens with (within its first few words), if any. */
export function leadingGenre(text: string): {genre: string; end: number} | undefined {
  // “Numerous reports of …”, “Many telegrams …”: commentary about documents, not one document.
  if (/^(?:numerous|many|several|some|most|other|these|those|all|such|few)\b/i.test(text)) return undefined
  const match = leadingMatch(text)
  if (!match) return undefined
  const printed = match.printed
  const genre = wholeGenres.find((entry) => entry.pattern.test(printed))
  if (genre?.capitalized && !/^\p{Lu}/u.test(printed)) return undefined
  return genre ? {genre: genre.genre, end: match.end} : undefined
}
