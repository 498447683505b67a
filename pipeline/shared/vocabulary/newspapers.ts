/**
 * What makes a container a newspaper: the words newspaper titles are made of in several
 * languages (`Times`, `Zeitung`, `Ilbo` "daily", `Sinmun` "newspaper", `Ribao` "daily"), the
 * news agencies whose wires are cited like newspapers, and the national dailies whose titles
 * carry no such word (`Pravda`, `Le Monde`). Romanized as historians print them, variants
 * side by side. Compiled by hand; a language is one more group.
 */
import {escapeRegExp} from '../regexp.js'

/** Words of newspaper titles, by language. */
const newspaperWords: readonly string[] = [
  // English
  'Times', 'Post', 'Herald', 'Tribune', 'Daily', 'Gazette', 'Courier', 'Chronicle',
  // German, French, Italian, Spanish, Polish and Russian
  'Zeitung', 'Tageblatt', 'Tagblatt', 'Quotidien', 'Corriere', 'Gazzetta', 'Diario', 'Gazeta',
  'Dziennik', 'Vedomosti',
  // Korean, Japanese and Chinese
  'Ilbo', 'Sinmun', 'Shinmun', 'Shinbun', 'Shimbun', 'Ribao', 'Wanbao'
]

/** News agencies. */
const newsAgencies: readonly string[] = ['Yonhap', 'Kyodo', 'Reuters']

/** National dailies whose titles carry no word for a newspaper. */
const dailiesByTitle: readonly string[] = [
  'Pravda', 'Izvestiia', 'Izvestiya', 'Izvestia', 'Krasnaia zvezda', 'Krasnaya zvezda', 'Trud',
  'Le Monde', 'Le Figaro', 'Libération', 'El País', 'La Stampa', 'Die Welt', 'Neues Deutschland',
  'Rudé právo', 'Trybuna Ludu', 'Népszabadság'
]

/**
 * A newspaper's name: one of the words, agencies or dailies above standing as a word, or an
 * `Observer` followed by its place (`Observer (London)`; the word alone names magazines too).
 */
export const newspaperName = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${[...newspaperWords, ...newsAgencies, ...dailiesByTitle].map(escapeRegExp).join('|')}|Observer(?= \\())(?![\\p{L}\\p{N}_])`,
  'u'
)
