/**
 * Word lists the features look words up in (lower-case, without outer punctuation). Cues of
 * German, English, French, Italian and Latin references; place and publisher words.
 */

export type Lexicon =
  | 'editorCue' | 'containerCue' | 'pageCue' | 'volumeCue' | 'issueCue' | 'editionCue' | 'month'
  | 'publisherWord' | 'place' | 'leadIn' | 'ibid' | 'conjunction' | 'etAl' | 'genre' | 'translatorCue'
  | 'particle' | 'article' | 'journalWord' | 'legal' | 'commentary'

export const lexicons: Readonly<Record<Lexicon, readonly string[]>> = {
  editorCue: ['hg', 'hrsg', 'hgg', 'ed', 'eds', 'éd', 'éds', 'dir', 'edited', 'editor', 'editors', 'herausgegeben', 'herausgeber', 'cura', 'curatore', 'a cura di', 'coord', 'comp'],
  containerCue: ['in', 'in:', 'dans', 'en', 'aus', 'from', 'im'],
  pageCue: ['s', 'p', 'pp', 'pages', 'page', 'seite', 'seiten', 'sp', 'col', 'cols', 'ff', 'f', 'fol', 'pag', 'bl'],
  volumeCue: ['vol', 'vols', 'volume', 'bd', 'bde', 'band', 'jg', 'jahrgang', 't', 'tome', 'tomo', 'teil', 'tl', 'part', 'pt', 'vol.', 'v'],
  issueCue: ['h', 'heft', 'no', 'nr', 'nos', 'num', 'núm', 'número', 'numero', 'n.º', 'nº', 'n', 'number', 'issue', 'iss', 'fasc', 'fasz'],
  editionCue: ['aufl', 'auflage', 'ed', 'edn', 'edition', 'éd', 'édition', 'ed.', 'rev', 'überarb', 'erw', 'durchges', 'neubearb'],
  month: [
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'januar', 'jänner', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember', 'okt', 'dez',
    'janvier', 'février', 'mars', 'avril', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
    'gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'dicembre',
    'spring', 'summer', 'fall', 'autumn', 'winter', 'frühjahr', 'sommer', 'herbst'
  ],
  publisherWord: [
    'verlag', 'press', 'university', 'universitätsverlag', 'publishers', 'publisher', 'publishing', 'books', 'éditions', 'editions', 'editore', 'editori',
    'edizioni', 'presses', 'buchhandlung', 'verlagsgesellschaft', 'verlagsanstalt', 'wissenschaften', 'suhrkamp', 'campus', 'beck', 'springer',
    'routledge', 'sage', 'wiley', 'blackwell', 'elsevier', 'palgrave', 'macmillan', 'penguin', 'gallimard', 'seuil', 'puf', 'fischer',
    'rowohlt', 'vs', 'leske', 'budrich', 'westdeutscher', 'nomos', 'lit', 'transcript', 'oldenbourg', 'kohlhammer', 'mohr', 'siebeck',
    'vandenhoeck', 'ruprecht', 'dietz', 'metzler', 'fink', 'schöningh', 'duncker', 'humblot', 'lucius', 'enke', 'juventa', 'beltz',
    'harper', 'norton', 'knopf', 'random', 'house', 'co', 'inc', 'ltd', 'gmbh', 'ag', 'kg', 'mit', 'up', 'cup', 'oup', 'armand', 'colin',
    'einaudi', 'laterza', 'mulino', 'feltrinelli', 'franco', 'angeli', 'dunod', 'flammarion', 'karthala', 'larousse', 'hachette', 'hanser'
  ],
  place: [
    'berlin', 'münchen', 'munich', 'frankfurt', 'hamburg', 'köln', 'cologne', 'stuttgart', 'leipzig', 'wien', 'vienna', 'zürich', 'bern', 'basel',
    'bonn', 'göttingen', 'heidelberg', 'tübingen', 'freiburg', 'opladen', 'wiesbaden', 'darmstadt', 'hannover', 'münster', 'bielefeld',
    'mannheim', 'düsseldorf', 'dresden', 'weinheim', 'baden-baden', 'konstanz', 'marburg', 'mainz', 'kassel', 'bremen', 'essen', 'bochum',
    'london', 'new', 'york', 'oxford', 'cambridge', 'chicago', 'boston', 'princeton', 'berkeley', 'los', 'angeles', 'washington', 'toronto',
    'paris', 'lyon', 'bruxelles', 'brüssel', 'brussels', 'amsterdam', 'leiden', 'rome', 'roma', 'milano', 'milan', 'torino', 'bologna',
    'firenze', 'madrid', 'barcelona', 'lisboa', 'moskau', 'moscow', 'moskva', 'warschau', 'warszawa', 'prag', 'praha', 'budapest',
    'stanford', 'ithaca', 'haven', 'baltimore', 'philadelphia', 'minneapolis', 'thousand', 'oaks', 'newbury', 'park', 'malden', 'abingdon',
    'aldershot', 'basingstoke', 'houndmills', 'cheltenham', 'edinburgh', 'manchester', 'bristol', 'a.m', 'main', 'st', 'sankt', 'petersburg'
  ],
  leadIn: ['vgl', 'vgl.', 'siehe', 's.a', 'see', 'cf', 'cp', 'compare', 'also', 'auch', 'dazu', 'hierzu', 'etwa', 'zit', 'zitiert', 'nach', 'voir', 'aussi', 'cfr', 'vedi', 'anche', 'véase', 'vease', 'vid', 'e.g', 'z.b', 'u.a', 'insbes', 'besonders', 'ausführlich', 'grundlegend', 'näher', 'further', 'generally', 'esp'],
  ibid: ['ibid', 'ibidem', 'ebd', 'ebenda', 'ebda', 'a.a.o', 'aao', 'op', 'cit', 'loc', 'id', 'idem', 'eadem', 'ders', 'dies', 'dieselbe', 'derselbe', 'ivi', 'art', 'supra', 'infra'],
  conjunction: ['and', 'und', 'u', '&', 'et', 'e', 'y', 'with', 'mit', 'sowie'],
  etAl: ['et', 'al', 'al.', 'u.a', 'ua', 'et al'],
  genre: ['dissertation', 'diss', 'thesis', 'phd', 'habilitationsschrift', 'habil', 'magisterarbeit', 'diplomarbeit', 'working', 'paper', 'papers', 'discussion', 'arbeitspapier', 'report', 'bericht', 'manuskript', 'manuscript', 'mimeo', 'typoskript', 'unveröff', 'unveröffentlicht', 'unpublished', 'vortrag', 'conference', 'tagung'],
  translatorCue: ['übers', 'übersetzt', 'trans', 'transl', 'translated', 'trad', 'traduit', 'traduzione', 'aus dem'],
  particle: ['von', 'van', 'de', 'der', 'den', 'di', 'da', 'du', 'la', 'le', 'del', 'della', 'zu', 'ten', 'ter', 'dos', 'das', 'vom'],
  article: ['the', 'a', 'an', 'der', 'die', 'das', 'ein', 'eine', 'le', 'la', 'les', 'un', 'une', 'il', 'lo', 'gli', 'el', 'los'],
  journalWord: ['journal', 'zeitschrift', 'review', 'revue', 'rivista', 'quarterly', 'studies', 'jahrbuch', 'archiv', 'blätter', 'hefte', 'vierteljahrshefte', 'vierteljahresschrift', 'monatshefte', 'annals', 'annales', 'bulletin', 'proceedings', 'transactions', 'magazine', 'zeitung', 'times', 'post', 'spiegel', 'zeit', 'forum', 'politik', 'gesellschaft', 'soziologie', 'sociology', 'science', 'sciences', 'economics', 'research', 'letters', 'kölner', 'aus', 'leviathan', 'quarterly'],
  legal: ['§', '§§', 'abs', 'art', 'artt', 'bgb', 'stgb', 'gg', 'bverfge', 'bghz', 'bghst', 'njw', 'rn', 'rdnr', 'rz', 'randnr', 'v', 'vs', 'u.s.c', 'f.2d', 'f.3d', 'para', 'paras', 'sec', 'act'],
  commentary: [
    'ist', 'sind', 'war', 'wird', 'werden', 'wurde', 'wurden', 'hat', 'haben', 'kann', 'können', 'nicht', 'sich', 'auf', 'dass', 'daß', 'diese', 'dieser',
    'es', 'man', 'wie', 'hier', 'noch', 'nur', 'auch', 'bei', 'zum', 'zur', 'so', 'wenn', 'aber', 'oder', 'als',
    'is', 'are', 'was', 'were', 'has', 'have', 'had', 'not', 'this', 'that', 'these', 'which', 'who', 'it', 'be', 'been', 'can', 'also', 'but', 'however', 'here', 'there', 'argues', 'notes', 'discussed',
    // Finite verbs, pronouns and particles of prose, rare in references.
    'gibt', 'geht', 'zeigt', 'zeigen', 'findet', 'finden', 'bezieht', 'beziehen', 'stammt', 'stammen', 'bietet', 'heißt', 'sei', 'seien', 'waren',
    'hatte', 'hatten', 'wäre', 'würde', 'würden', 'sollte', 'muss', 'muß', 'müssen', 'soll', 'sollen', 'lässt', 'läßt', 'liegt', 'steht', 'kommt', 'wir',
    'ich', 'uns', 'ihre', 'seine', 'dabei', 'jedoch', 'allerdings', 'bereits', 'damit', 'daher', 'dort', 'somit', 'zwar', 'denn', 'weil', 'ob', 'mehr',
    'sehr', 'einen', 'einem', 'diesem', 'diesen', 'wobei', 'welche', 'welcher', 'dessen', 'deren', 'sowohl', 'jedes', 'immer', 'schon', 'kaum', 'wieder',
    'would', 'should', 'could', 'we', 'i', 'they', 'he', 'she', 'their', 'its', 'shows', 'suggests', 'because', 'although', 'thus', 'since', 'whether',
    'very', 'did', 'does', 'do', 'our', 'my', 'were', 'been', 'only', 'even', 'still',
    // Verbs of narration in the past, and of saying: prose reports events, titles name them.
    'ging', 'kam', 'machte', 'nahm', 'gab', 'sah', 'führte', 'hielt', 'fand', 'blieb', 'lag', 'sagte', 'meinte', 'schrieb', 'erklärte', 'betonte',
    'went', 'came', 'made', 'took', 'gave', 'saw', 'held', 'found', 'said', 'wrote', 'stated', 'told',
    // Verbs by which prose says what someone sees in a matter or calls it.
    'sieht', 'spricht', 'nennt', 'bezeichnet', 'vertritt', 'vertrat', 'argumentiert', 'meint', 'calls', 'speaks', 'sees'
  ]
}

/** Each word's lexicons, built once. */
export const lexiconOf: ReadonlyMap<string, readonly Lexicon[]> = (() => {
  const map = new Map<string, Lexicon[]>()
  for (const [name, words] of Object.entries(lexicons) as Array<[Lexicon, readonly string[]]>) {
    for (const word of words) {
      const list = map.get(word) ?? []
      list.push(name)
      map.set(word, list)
    }
  }
  return map
})()

/** A token of commentary (`wurde,`, `(he`): its word without surrounding punctuation, in lower case, in the commentary lexicon. */
export function isCommentaryWord(token: string): boolean {
  return lexiconOf.get(wordOf(token).toLowerCase())?.includes('commentary') ?? false
}

/** A word of lead-ins or commentary (`siehe`, `see`, `he`), compared in lower case: prose, no name or title. */
export function isProseWord(word: string): boolean {
  const found = lexiconOf.get(word.toLowerCase())
  return found !== undefined && (found.includes('commentary') || found.includes('leadIn'))
}

const punctuationOrSymbol = /[\p{P}\p{S}]/u
const leadingPunctuation = /^[\p{P}\p{S}]*/u

/** A word without its outer punctuation and quotation marks, in time linear in its length (`„Titel“,` → `Titel`). */
export function wordOf(text: string): string {
  const start = leadingPunctuation.exec(text)?.[0].length ?? 0
  let end = text.length
  // Back from the end by characters, a symbol outside the basic plane (`📖`) being two code units.
  while (end > start) {
    const width = end - start >= 2 && (text.codePointAt(end - 2) ?? 0) > 0xffff ? 2 : 1
    if (!punctuationOrSymbol.test(text.slice(end - width, end))) break
    end -= width
  }
  return text.slice(start, end)
}

/** A word as the lists below hold it: without outer punctuation and quotation marks, in lower case. */
function bare(word: string): string {
  return wordOf(word).toLowerCase()
}

/**
 * Nouns that name a document, a press item or a source of figures rather than a person:
 * a note that opens with one (`Rundschreiben des Verbandes vom …`, `Angaben des Amtes`,
 * `Press briefing by …`) cites no author.
 */
const documentNouns: ReadonlySet<string> = new Set([
  'lexikon', 'enzyklopädie', 'konversationslexikon', 'wörterbuch', 'handbuch', 'bericht', 'mitteilung', 'erklärung', 'schreiben', 'brief', 'flugblatt',
  'flugblattes', 'flugschrift', 'plakat', 'aufruf', 'zahlen', 'angaben', 'daten', 'protokoll', 'zitat', 'projekt', 'info', 'information',
  'informationen', 'interview', 'gespräch', 'rede', 'meldung', 'blog', 'webseite', 'website', 'homepage', 'internetseite', 'titel', 'quelle', 'antwort',
  'anfrage', 'beschluss', 'beschluß', 'rundschreiben', 'vermerk', 'notiz', 'pressespiegel',
  'briefing', 'release', 'statement', 'communiqué', 'communique', 'letter', 'memo', 'memorandum', 'speech', 'report', 'figures', 'data', 'minutes',
  'leaflet', 'pamphlet', 'poster', 'lettre', 'rapport', 'déclaration', 'discours', 'tract', 'chiffres', 'données', 'entretien'
])

/** The same nouns as the last part of a German compound (`Wochenbericht`, `Pressemitteilung`, `Konversationslexikon`). */
const documentHeads: readonly string[] = ['lexikon', 'wörterbuch', 'handbuch', 'bericht', 'spiegel', 'mitteilung', 'erklärung', 'schreiben', 'statistik', 'protokoll', 'zitat', 'meldung', 'interview', 'gespräch', 'flugblatt']

/** Does this word (in lower case) end in one of these heads, after at least three letters of its own? */
function compoundOf(key: string, heads: readonly string[]): boolean {
  return /^\p{Ll}+$/u.test(key) && heads.some((head) => key.length >= head.length + 3 && key.endsWith(head))
}

/** Is this word (`Flugblatt`, `Pressemitteilung,`, `Briefing`) a noun that names a document? */
export function isDocumentNoun(word: string): boolean {
  const key = bare(word)
  return documentNouns.has(key) || compoundOf(key, documentHeads)
}

/**
 * Offices and roles printed before a person's name (`Bundeskanzler`, `Pressesprecher`,
 * `spokesman`, `porte-parole`): the person is the name after them, the role no part of it.
 */
const roleNouns: ReadonlySet<string> = new Set([
  'sprecher', 'sprecherin', 'minister', 'ministerin', 'kanzler', 'kanzlerin', 'präsident', 'präsidentin', 'vorsitzende', 'vorsitzender', 'sekretär',
  'sekretärin', 'botschafter', 'botschafterin', 'abgeordnete', 'abgeordneter', 'bürgermeister', 'bürgermeisterin', 'rektor', 'rektorin', 'direktor',
  'direktorin', 'anwalt', 'anwältin', 'rechtsanwalt', 'professor', 'professorin', 'premier', 'senator', 'senatorin', 'staatssekretär',
  'journalist', 'journalistin', 'historiker', 'historikerin', 'bischof', 'pfarrer', 'landrat', 'oberst', 'kommissar',
  'spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'president', 'ambassador', 'chancellor', 'mayor', 'rector', 'director', 'chairman',
  'chairwoman', 'governor', 'bishop',
  'porte-parole', 'ministre', 'président', 'présidente', 'chancelier', 'ambassadeur', 'maire', 'recteur', 'député', 'directeur', 'secrétaire'
])

/** Roles as the last part of a German compound (`Wirtschaftsminister`, `Pressesprecher`, `Militärhistoriker`). */
const roleHeads: readonly string[] = [
  'minister', 'ministerin', 'kanzler', 'kanzlerin', 'präsident', 'präsidentin', 'sprecher', 'sprecherin', 'vorsitzende', 'vorsitzender', 'sekretär',
  'sekretärin', 'botschafter', 'anwalt', 'anwältin', 'historiker', 'historikerin', 'direktor', 'direktorin', 'wissenschaftler', 'wissenschaftlerin',
  'journalist', 'journalistin', 'abgeordnete', 'abgeordneter', 'kommissar', 'beauftragte', 'beauftragter'
]

/** Is this word (`Premierminister`, `Sprecher`, `spokesman,`) an office or role? */
export function isRoleNoun(word: string): boolean {
  const key = bare(word)
  return roleNouns.has(key) || compoundOf(key, roleHeads)
}

/**
 * Where an office printed before a name ends (`Bundeskanzler Helmut Vogel`, `Prime Minister Jane
 * Doe`): the index of the last office among the first three words, -1 where there is none. A word
 * closed by a comma or colon (`Kanzler, Ingrid`) is a family name, no office.
 */
export function leadingRoleEnd(words: readonly string[]): number {
  return words.slice(0, 3).findLastIndex((word) => isRoleNoun(word) && !/[,;:]$/.test(word))
}

/**
 * Common nouns and adjectives by their form, words no personal name has: German abstract nouns
 * (`-ung`, `-schaft`, `-heit`, `-keit`, `-tion`, `-ität`, `-ismus`) and inflected adjectives
 * (`-ische`, `-isches`, `-liche`, `-same`), English adjectives (`-ial`, `-ical`,
 * `-ive`, `-ous`). Each ending needs a stem before it: `Jung`, `Hartung`, `Fischer`
 * and `Ehrlich` stay names.
 */
const commonForm = /^\p{L}\p{Ll}{4,}ung(?:en)?$|^\p{L}\p{Ll}{2,}(?:schaft|heit|keit)(?:en)?$|^\p{L}\p{Ll}{2,}(?:tion|ität|ismus)(?:en|s)?$|^\p{L}\p{Ll}{3,}(?:isch|lich|sam)(?:e|er|es|en|em)$|^\p{L}\p{Ll}{2,}(?:ial|ical|ive|ous)$/u

/** Is this word, by its form, a common noun or an adjective (`Erklärung`, `Enzyklopädisches`, `Special`)? */
export function isCommonNounOrAdjective(word: string): boolean {
  return commonForm.test(wordOf(word))
}

/**
 * Words that open a note on a person's life, not a reference (`Geboren 1901 in …`, `born
 * 1901`, `né en 1901`): the years after them are events, not dates of publication.
 */
const biographyCues: ReadonlySet<string> = new Set(['geboren', 'geb', 'gestorben', 'gest', 'born', 'died', 'né', 'née', 'nato', 'nata', 'decedé', 'décédé', 'mort'])

/** Is this word a cue of a life's events (`Geboren`, `born`, `née`)? */
export function isBiographyCue(word: string): boolean {
  return biographyCues.has(bare(word))
}
