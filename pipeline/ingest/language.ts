/**
 * The language of a text whose sidecar (or TEI, HTML, Word metadata) declares none: franc's
 * trigram model over the start of its text, among the languages written with an ISO 639-1
 * code, which is what `lang` attributes, hyphenation and date names use. A text too short to
 * tell, or one franc cannot place, is taken for English, as before.
 */
import {franc} from 'franc'

/** ISO 639-3 (franc's codes) → ISO 639-1, for the languages an edition is likely to hold. */
const twoLetter: Readonly<Record<string, string>> = {
  eng: 'en', deu: 'de', fra: 'fr', ita: 'it', spa: 'es', por: 'pt', cat: 'ca', glg: 'gl', ron: 'ro',
  nld: 'nl', afr: 'af', dan: 'da', nob: 'nb', nno: 'nn', swe: 'sv', fin: 'fi', hun: 'hu',
  pol: 'pl', ces: 'cs', slk: 'sk', slv: 'sl', hrv: 'hr', srp: 'sr', bos: 'bs', bul: 'bg',
  rus: 'ru', ukr: 'uk', bel: 'be', lit: 'lt', ell: 'el', tur: 'tr', heb: 'he', arb: 'ar',
  pes: 'fa', hin: 'hi', ind: 'id', vie: 'vi', cmn: 'zh', jpn: 'ja', kor: 'ko'
}
const candidates = Object.keys(twoLetter)

/** Characters of the text looked at: enough to tell, little enough to be quick on a book. */
const sample = 20_000
/** Fewest letters a text needs before its language is guessed. */
const minimumLetters = 60

/** The text's language as an ISO 639-1 code (`en` when it cannot be told). */
export function detectLanguage(text: string): string {
  const start = text.slice(0, sample)
  if ((start.match(/\p{L}/gu)?.length ?? 0) < minimumLetters) return 'en'
  const found = twoLetter[franc(start, {only: candidates})] ?? 'en'
  return found === 'uk' || found === 'be' || found === 'ru' ? byCyrillicLetters(start, found) : found
}

/**
 * Russian, Ukrainian and Belarusian by the letters only one of them writes (`ы`, `э`, `ъ` are
 * Russian and Belarusian, `і` Ukrainian and Belarusian, `ї`, `є`, `ґ` Ukrainian, `ў` Belarusian),
 * where the trigrams of a short text mistake one for another.
 */
function byCyrillicLetters(text: string, found: string): string {
  const count = (letters: RegExp) => text.match(letters)?.length ?? 0
  const ukrainian = count(/[їєґЇЄҐ]/g)
  const belarusian = count(/[ўЎ]/g)
  const russian = count(/[ыэъЫЭЪ]/g)
  const iota = count(/[іІ]/g)
  if (belarusian > 0 && belarusian >= ukrainian) return 'be'
  if (ukrainian > 0 || (iota > 0 && russian === 0)) return 'uk'
  if (russian > 0 && iota === 0) return 'ru'
  return found
}
