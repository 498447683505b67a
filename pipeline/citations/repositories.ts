/**
 * Archives not arranged in fonds: national, state and city archives, record offices and
 * manuscript libraries, whose citations end with the repository, a collection, a shelfmark or
 * record group, boxes, folders and folios (`National Archives, RG 59, Entry 1071, Box 4`,
 * `Bundesarchiv Koblenz, B 136/2417, Bl. 12`, `Archives nationales, F/12/1234, dossier 5`,
 * `Smith Family Papers, Box 2, Folder 9, Devon Record Office`). The location is read clause by
 * clause from the end of the citation: the clauses before it describe the document.
 */
import {numberList} from './locator.js'
import {escapeRegExp} from '../shared/regexp.js'

export interface Repository {
  /** Acronym written to `custom.archival.archive`, the same however the citation names it. */
  acronym: string
  /** Acronyms as printed (matched case-sensitively, a whole clause or its start). */
  acronyms: string[]
  /** Names as printed (matched loosely: any case, any run of spaces). */
  names: string[]
}

/** Repositories historians cite often, under the names and acronyms they print. */
const repositories: Repository[] = [
  {acronym: 'NARA', acronyms: ['NARA', 'NA', 'USNA'], names: ['National Archives and Records Administration', 'U.S. National Archives', 'US National Archives', 'National Archives of the United States']},
  {acronym: 'TNA', acronyms: ['TNA', 'PRO', 'TNA: PRO'], names: ['The National Archives', 'Public Record Office']},
  {acronym: 'BArch', acronyms: ['BArch-MA', 'BArch MA', 'BArch', 'BAK', 'BA', 'BA-MA'], names: ['Bundesarchiv', 'Bundesarchiv-Militärarchiv']},
  {acronym: 'PA AA', acronyms: ['PA AA', 'PAAA', 'PA/AA'], names: ['Politisches Archiv des Auswärtigen Amts', 'Politisches Archiv des Auswärtigen Amtes']},
  {acronym: 'AN', acronyms: ['AN'], names: ['Archives nationales', 'Archives Nationales']},
  {acronym: 'AMAE', acronyms: ['AMAE', 'MAE', 'AD'], names: ['Archives du ministère des Affaires étrangères', 'Archives diplomatiques']},
  {acronym: 'SHD', acronyms: ['SHD'], names: ['Service historique de la Défense']},
  {acronym: 'LOC', acronyms: ['LOC', 'LC'], names: ['Library of Congress', 'Library of Congress Manuscript Division']},
  {acronym: 'BL', acronyms: ['BL'], names: ['British Library']},
  {acronym: 'ASV', acronyms: ['ASV', 'AAV'], names: ['Archivio Segreto Vaticano', 'Archivio Apostolico Vaticano']},
  {acronym: 'ACS', acronyms: ['ACS'], names: ['Archivio Centrale dello Stato']},
  {acronym: 'ASMAE', acronyms: ['ASMAE', 'ASDMAE'], names: ['Archivio Storico del Ministero degli Affari Esteri', 'Archivio Storico Diplomatico del Ministero degli Affari Esteri']},
  {acronym: 'AGS', acronyms: ['AGS'], names: ['Archivo General de Simancas']},
  {acronym: 'AGI', acronyms: ['AGI'], names: ['Archivo General de Indias']},
  {acronym: 'AHN', acronyms: ['AHN'], names: ['Archivo Histórico Nacional']},
  {acronym: 'ACA', acronyms: ['ACA'], names: ['Arxiu de la Corona d’Aragó', "Arxiu de la Corona d'Aragó", 'Archivo de la Corona de Aragón']},
  {acronym: 'ANTT', acronyms: ['ANTT', 'IAN/TT'], names: ['Arquivo Nacional da Torre do Tombo', 'Torre do Tombo']},
  {acronym: 'AHU', acronyms: ['AHU'], names: ['Arquivo Histórico Ultramarino']},
  {acronym: 'BNE', acronyms: ['BNE'], names: ['Biblioteca Nacional de España']},
  {acronym: 'BnF', acronyms: ['BnF', 'BNF'], names: ['Bibliothèque nationale de France', 'Bibliothèque Nationale de France']}
]

/** A German compound naming an archive by its keeper (`Stadtarchiv`, `Landesarchiv`, `Universitätsbibliothek`). */
const keeper = String.raw`(?:Staats|Landes|Stadt|Kreis|Haupt|Bundes|Universitäts|Kirchen|Bistums|Diözesan|Unternehmens|Partei|Militär)[\p{Ll}]*`

/**
 * Words that make a clause a repository's name (`Devon Record Office`, `Archivio di Stato di
 * Firenze`, `Archivo Histórico Nacional`, `Stadtarchiv Köln`): the word ends the name, or a
 * preposition follows it, or it opens the name; `Library Briefing Paper` is a series, not one.
 */
const repositoryWord = new RegExp(String.raw`(?:^|[\s-])(?:Archives?(?:\s(?:départementales|municipales|communales|régionales|nationales|diplomatiques))?|Archiv|Archivio|Archivo|Archief|Arquivo|Archiwum|Record\s+Office|Records\s+Office|Library|Bibliothek|Bibliothèque|Biblioteca|Biblioteka)(?=$|\.$|\s+(?:of|for|at|der|des|für|am|im|zu|du|de|di|del|della|do|da|van|voor)\s)|^(?:Archives?|Archiv|Archivio|Archivo|Archief|Arquivo|Arxiu|Archiwum|Bibliothek|Bibliothèque|Biblioteca|Biblioteka)(?:\s+(?:(?:da|do|das|dos|de|del|della|di|la|y|e)\s+)?\p{Lu}[\p{L}-]*){1,5}\.?$|${keeper}(?:archiv|bibliothek)(?=$|[\s,.])|^\p{Lu}\p{Ll}*(?:arkiv(?:et)?|arkisto|archief)(?:\s+(?:i\s+)?\p{Lu}[\p{L}-]*)?\.?$`, 'u')

/** An archive by its keeper, or a record office: a repository as such, not a journal named after one. */
const keptArchive = new RegExp(String.raw`${keeper}archiv|Record\s+Office`, 'u')

/** Words that make a clause a collection within a repository (`Bright Family Papers`, `Nachlass Weber`). */
const collectionWord = /(?:^|\s)(?:Papers|Collection|Manuscripts|Records|Correspondence|Nachlass|Nachlaß|NL|Bestand|Fonds|fonds|Sammlung|Archivio\s+\p{Lu}|Fondo)(?=$|[\s,.])|\p{Ll}(?:akten|bestand|sammlung|registratur|protokolle)\.?$/u

/** A unit of a file's location, as a whole clause: record group, entry, series, box, folder, file. */
const unitClause = new RegExp(String.raw`^(?:(?:RG|Record\s+Group|[Rr]ecord\s+group)\s*\d+[A-Z]?|[Ee]ntry\s+(?:[A-Z]{1,2}\d*[\s-]?)?\d+[A-Z]?|[Ss]eries\s+[\w./-]+|(?:Box(?:es)?|box(?:es)?|Container|container|Carton|carton|Karton|Kasten)\s+\d+[A-Za-z]?(?:\s*[-–]\s*\d+)?|(?:[Ff]onds|Folder|folder|File|file|Dossier|dossier|Mappe|Akte|Liasse|liasse|Bundle|bundle|Piece|piece|[Pp]ièce|Item|item|Envelope|envelope|Packet|packet|sous-dossier)\s+(?:[“"„][^”"“]{1,120}[”"“]|[\w./-]+))\.?$`, 'u')

/**
 * The units of Spanish, Portuguese and Italian archives: bundle, file, box, folder, document
 * (`leg. 1530`, `exp. 12`, `caja 4`, `mç. 345`, `cx. 12`, `busta 7`, `fasc. 3`, `doc. 5`).
 */
const romanceUnitClause = /^(?:leg\.|[Ll]egajo|exp\.|[Ee]xpediente|[Cc]aja|[Cc]arpeta|mç\.|[Mm]aço|cx\.|[Cc]aixa|[Bb]usta|b\.|[Ff]ilza|fasc\.|[Ff]ascicolo|doc\.|[Dd]ocumento)\s*\d+[\w/-]*\.?$/u

/** Volumes and numbers: parts of a location, but journals have them too, so they prove nothing. */
const minorUnitClause = /^(?:(?:Bd\.|Band|Vol\.|vol\.|Tome|t\.|Heft|H\.)\s*[\dIVX]+[a-z]?|(?:Nr\.|No\.|no\.|n°|Nos?\.)\s*\d+[\w/-]*)\.?$/u

/** Folios or pages of the file: `Bl. 12`, `fol. 3v`, `ff. 12–14`, `S. 5`, `p. 7`. */
const folioClause = new RegExp(String.raw`^(Bl\.|Bll\.|fols?\.|fos?\.|ff\.|fs?\.|fº|fls?\.|S\.|pp?\.|pages?)\s*((?:${numberList})(?:[rv]\b)?(?:\s*[-–]\s*\d+[rv]?)?(?:\s?ff?\.?)?)\.?$`, 'u')

/** A shelfmark: letters, numbers and slashes (`B 136/2417`, `FO 371/84053`, `F/12/1234`, `R 43 I/1234`). */
const slashShelfmark = /^(?=[^,]*\d)(?:[A-Z][A-Za-z]{0,5}(?:\s?[A-Z]{1,3})?\s?\d*[a-z]?(?:\s[IVX]+)?\s?\/\s?|\d{6,8}\s?\/\s?)[\dA-Z][\w]*(?:\s?\/\s?[\w]+)*\.?$/
/**
 * A shelfmark without a slash, read only right after a repository or its town: capitals and
 * the abbreviations of fonds and manuscripts before a number (`B 12`, `A Rep. 001-02`,
 * `Add MS 22906`, `MS 2925`, `F7 13245`), never a word such as `Number 8637`.
 */
const plainShelfmark = /^(?=[A-Za-z])(?:(?:[A-Z]{1,5}|Rep|Add|Best|Abt|Slg|Hs|Cod|Ms|Mss|Sign|Acc|Eg)\.?\s+){0,3}(?:[A-Z]{1,5}\s?)?\d+[\w./-]*(?:\s+[IVX]+)?(?:\s+\d+)?\.?$/

/** A manuscript's shelfmark, wherever it stands: `MS 1123`, `Add MS 41002`, `MSS Eng. hist. c. 3`, `Cod. 12`. */
const manuscriptShelfmark = /^(?:(?:Add(?:itional)?|Egerton|Harley|Cotton|Sloane|Lansdowne|Royal|Stowe|Rawlinson|Ashmole)\.?\s+)?(?:MSS?|Mss?\.?|Cod\.)\s+[\w./-]+(?:\s+[\w./-]+){0,3}\.?$/

function looseName(name: string): string {
  return escapeRegExp(name).replace(/\s+/g, '\\s+')
}

const knownName = new RegExp(`^(?:${repositories.flatMap((entry) => entry.names).sort((a, b) => b.length - a.length).map(looseName).join('|')})(?=$|[\\s,(])`, 'iu')
const knownAcronym = new RegExp(`^(?:${repositories.flatMap((entry) => entry.acronyms).sort((a, b) => b.length - a.length).map(looseName).join('|')})(?=$|[\\s,(])`, 'u')

function repositoryOf(printed: string): Repository | undefined {
  const plain = printed.replace(/\s+/g, ' ').trim()
  return repositories.find((entry) => entry.acronyms.some((acronym) => plain === acronym || plain.startsWith(`${acronym} `) || plain.startsWith(`${acronym} (`)) ||
    entry.names.some((name) => plain.toLowerCase().startsWith(name.toLowerCase())))
}

/**
 * A record office's reference that opens with its number (`1148M/4/2`), or a French series and
 * article (`4 M 234`, `3 E 12/4`), read only right after a repository.
 */
const digitShelfmark = /^(?:\d{1,8}[A-Z]{0,3}(?:\s?\/\s?[\dA-Za-z]+){1,5}|\d{1,3}\s?[A-Z]{1,3}\s?\d+[\w/-]*)\.?$/

/** `Kew`, `College Park`, `Koblenz`: the repository's town right after it. */
const townLike = /^\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?(?:\s[A-Z]{2})?\.?$/u

type ClauseKind = 'repository' | 'division' | 'collection' | 'unit' | 'minor' | 'shelfmark' | 'folio' | 'place' | 'other'

interface Clause {
  text: string
  start: number
  end: number
}

/** The clauses of a citation: its comma- and semicolon-separated parts outside quotations and brackets. */
function clausesOf(text: string): Clause[] {
  const out: Clause[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let index = 0; index <= text.length; index++) {
    const character = text[index] ?? ','
    if (character === '(' || character === '[') depth++
    else if ((character === ')' || character === ']') && depth > 0) depth--
    else if (character === '“' || character === '„') quoted = true
    else if (character === '”' || (character === '"' && quoted)) {
      quoted = false
      // American punctuation closes a clause inside the quotation marks: `folder "Port Dues," NARA`.
      if (depth === 0 && (text[index - 1] === ',' || text[index - 1] === ';')) {
        const raw = text.slice(start, index + 1)
        const lead = raw.length - raw.trimStart().length
        const body = raw.trim()
        if (body) out.push({text: body, start: start + lead, end: start + lead + body.length})
        start = index + 1
      }
    } else if (character === '"') quoted = true
    else if ((character === ',' || character === ';') && depth === 0 && !quoted) {
      const raw = text.slice(start, index)
      const lead = raw.length - raw.trimStart().length
      const body = raw.trim()
      if (body) out.push({text: body, start: start + lead, end: start + lead + body.length})
      start = index + 1
    }
  }
  return out
}

/** A clause that names a repository: a known name or acronym, or a name with an archive's word. */
function isRepository(clause: string): boolean {
  const plain = clause.replace(/\.$/, '')
  if (knownName.test(plain)) return plain.split(/\s+/).length <= 12
  if (knownAcronym.test(plain)) return /^\S+(?:\s\S+)?(?:\s*\([^()]*\))?$/.test(plain)
  // A book's title with its publication facts (`Archives of Memory (London: Verso, 2002)`) is none.
  return repositoryWord.test(plain) && /^\p{Lu}/u.test(plain) && plain.split(/\s+/).length <= 10 && !/\b(?:is|are|was|were|has|have|had|in\s+which)\b/.test(plain) && !/\d{4}/.test(plain)
}

/** A repository by a known name or acronym, a compound archive word (`Stadtarchiv Frankfurt`) or a record office. */
function isKnownRepository(clause: string): boolean {
  const plain = clause.replace(/\.$/, '')
  return knownName.test(plain) || knownAcronym.test(plain) || keptArchive.test(plain)
}

function kindOf(clause: string, afterRepository: boolean): ClauseKind {
  if (folioClause.test(clause)) return 'folio'
  if (unitClause.test(clause) || romanceUnitClause.test(clause)) return 'unit'
  if (minorUnitClause.test(clause)) return 'minor'
  if (slashShelfmark.test(clause) || manuscriptShelfmark.test(clause)) return 'shelfmark'
  if (isRepository(clause)) return 'repository'
  if (collectionWord.test(clause) && /^\p{Lu}/u.test(clause) && clause.split(/\s+/).length <= 10) return 'collection'
  if (afterRepository && (plainShelfmark.test(clause) || digitShelfmark.test(clause))) return 'shelfmark'
  if (afterRepository && townLike.test(clause)) return 'place'
  return 'other'
}

/**
 * A repository, perhaps with its town, that ends a document's description and gives no file
 * (`Letter of A to B, 3 May 1701, Riksarkivet, Stockholm`): where it starts, and its name.
 */
export function closingRepository(text: string): RepositoryLocation | undefined {
  const clauses = clausesOf(text.replace(/[\s.]+$/, (tail) => ' '.repeat(tail.length)))
  const last = clauses.at(-1)
  const town = last && clauses.length > 2 && townLike.test(last.text) && !isRepository(last.text) ? last : undefined
  const named = town ? clauses.at(-2) : last
  if (!named || clauses.length < 2 || !isRepository(named.text)) return undefined
  const printed = named.text.replace(/\.$/, '')
  const out: RepositoryLocation = {start: named.start, end: (town ?? named).end, printed, archive: repositoryOf(printed)?.acronym ?? printed}
  if (town) out.place = town.text.replace(/\.$/, '')
  return out
}

export interface RepositoryLocation {
  /** Where the location starts in the text (the description is before it) and ends. */
  start: number
  end: number
  /** The repository's acronym when it is a known one, else its name as printed. */
  archive?: string
  /** The repository as printed. */
  printed?: string
  place?: string
  collection?: string
  /** Record group, shelfmark, box, folder … as printed, joined. */
  shelfmark?: string
  folios?: string
  folioCue?: string
  /** The location opens the citation; the document's description follows it. */
  leading?: boolean
}

/** The kind of a clause where it stands: what the clauses beside it make of it. */
function kindAt(clauses: readonly Clause[], index: number): ClauseKind {
  const clause = clauses[index]
  if (!clause) return 'other'
  const previous = clauses[index - 1]
  let kind = kindOf(clause.text, false)
  // Right after a repository, or after its town: a town, a division, or a shelfmark without a slash.
  const beforePrevious = clauses[index - 2]
  const afterRepository = previous !== undefined && (isRepository(previous.text) || (townLike.test(previous.text) && beforePrevious !== undefined && isRepository(beforePrevious.text)))
  if (kind === 'other' && afterRepository) kind = kindOf(clause.text, true)
  // A repository's division before or after its name: `Library of Congress, Manuscript Division`, `Special Collections, Norland University Library`.
  const nextRepository = clauses[index + 1] !== undefined && isRepository(clauses[index + 1]?.text ?? '')
  if (kind !== 'repository' && ((previous !== undefined && isRepository(previous.text)) || nextRepository) && division.test(clause.text) && clause.text.split(/\s+/).length <= 5) kind = 'division'
  // Spanish, Portuguese and Italian archives name the section before the bundle (`AGI, Indiferente General, leg. 1530`).
  const next = clauses[index + 1]?.text ?? ''
  if (kind === 'place' && romanceUnitClause.test(next)) kind = 'collection'
  // A repository, then its section, then a bundle or a shelfmark (`ACS, Presidenza del Consiglio, b. 12`, `British Library, Estate Records, ER/4/12`).
  if (kind === 'other' && previous !== undefined && isRepository(previous.text) && (romanceUnitClause.test(next) || slashShelfmark.test(next) || unitClause.test(next)) && /^\p{Lu}/u.test(clause.text) && clause.text.split(/\s+/).length <= 8) kind = 'collection'
  return kind
}

/** A repository's division printed after it (`Manuscript Division`, `Abteilung III`): part of its name, not its town. */
const division = /(?:^|\s)(?:Division|Department|Section|Reading\s+Room|Special\s+Collections|Rare\s+Books|Abteilung|Abt\.|Département|Sezione|Sección)(?=$|[\s.])/u

/** The location a run of clauses makes, if its clauses are enough for one: a repository or collection and a unit, or two units. */
function runLocation(run: readonly Clause[], kinds: readonly ClauseKind[]): RepositoryLocation | undefined {
  const count = (kind: ClauseKind) => kinds.filter((entry) => entry === kind).length
  const named = count('repository') + count('collection') > 0
  // A repository known as one (not `Archiv für Sozialgeschichte`, a journal) makes a number or a volume a file's.
  const known = run.some((clause, position) => kinds[position] === 'repository' && isKnownRepository(clause.text))
  const units = count('unit') + count('shelfmark') + (known ? count('minor') : 0)
  const first = run[0]
  const last = run.at(-1)
  // `Harold Penn Papers, Greystone University Library`: a collection, then the repository that keeps it, locate it whole.
  const kept = kinds[0] === 'collection' && count('repository') > 0
  if (!first || !last || (units === 0 && !kept) || (!named && units < 2)) return undefined
  const out: RepositoryLocation = {start: first.start, end: last.end}
  const shelfmark: string[] = []
  run.forEach((clause, position) => {
    const value = clause.text.replace(/\.$/, (dot) => (/\b(?:[A-Z]|[a-z]{1,4})\.$/.test(clause.text) ? dot : '')).replace(/[,;]([”"])$/, '$1')
    switch (kinds[position]) {
      case 'repository':
      case 'division': {
        // A repository named by its department and then its house (`Manuscripts and Archives, Yale University Library`) is one.
        const joined = out.printed !== undefined && (kinds[position - 1] === 'repository' || kinds[position - 1] === 'division')
        if (out.printed && !joined) break
        const parts = joined ? [out.printed ?? '', value] : [value]
        out.printed = parts.join(', ')
        out.archive = parts.map((part) => repositoryOf(part)?.acronym).find(Boolean) ?? out.printed
        break
      }
      case 'collection':
        out.collection ??= value
        break
      case 'place':
        out.place ??= value
        break
      case 'folio': {
        const match = folioClause.exec(clause.text)
        out.folios = (match?.[2] ?? '').replace(/\s*[-–—]\s*/g, '-').trim().replace(/\sff?$/, '$&.')
        out.folioCue = match?.[1]
        break
      }
      default:
        shelfmark.push(value)
    }
  })
  if (shelfmark.length > 0) out.shelfmark = shelfmark.join(', ')
  return out
}

/**
 * The location at the end of a citation in an archive not arranged in fonds, if there is one:
 * a repository or a collection with at least one unit or shelfmark, or two units of their own
 * (`RG 59, Entry 1071`, `Box 4, Folder 2`). Else a location that opens the citation, the
 * document described after it (`TNA, FO 371/1234, minute by A. Clerk, 3 May 1931`).
 */
export function repositoryLocation(text: string): RepositoryLocation | undefined {
  const clauses = clausesOf(text.replace(/[\s.]+$/, (tail) => ' '.repeat(tail.length)))
  return closingLocation(clauses) ?? openingLocation(clauses)
}

/**
 * An archive's acronym as printed: three characters or more, capitals, perhaps with a hyphen or
 * ampersand (`NRK`, `ANOM`, `HStA-D`). Two letters are a state's or a country's code as often
 * (`Stanford, CA`, `Bern, CH`), and are no archive unless a table knows them.
 */
const unknownAcronym = /^(?!.*[a-z]{3})(?=(?:.*[A-Z]){2})[A-Z][A-Za-z&-]{2,7}$/
/** Read from the end back while the clauses are parts of a location. */
function closingLocation(clauses: readonly Clause[]): RepositoryLocation | undefined {
  const kinds: ClauseKind[] = []
  let first = clauses.length
  for (let index = clauses.length - 1; index >= 0; index--) {
    const kind = kindAt(clauses, index)
    if (kind === 'other') break
    kinds.unshift(kind)
    first = index
  }
  // The run must start at a repository or collection, or hold two units of a file.
  while (kinds.length > 0 && (kinds[0] === 'place' || kinds[0] === 'division' || (kinds[0] === 'folio' && kinds.length > 1))) {
    kinds.shift()
    first++
  }
  // `NRK, fonds 12, series 4, file 8`: an acronym no table knows, right before two units of a file, is their repository.
  const acronym = clauses[first - 1]
  // Not a place the run began with and was read off (`Stanford, CA, Box 3, Folder 2`).
  if (acronym && acronym.text.length <= 8 && unknownAcronym.test(acronym.text) && kindAt(clauses, first - 1) === 'other' && kinds[0] !== 'repository' && kinds.filter((kind) => kind === 'unit' || kind === 'shelfmark').length >= 2) {
    kinds.unshift('repository')
    first--
  }
  return runLocation(clauses.slice(first), kinds)
}

/**
 * A location that opens the citation: a repository (perhaps its town or division), then at least
 * one unit or shelfmark, read forward up to the first clause that is none (the document's
 * description). Only a repository starts it: `Box 4, Letter of …` is no such location.
 */
function openingLocation(clauses: readonly Clause[]): RepositoryLocation | undefined {
  const [opening] = clauses
  if (!opening || !isRepository(opening.text) || clauses.length < 3) return undefined
  const kinds: ClauseKind[] = ['repository']
  for (let index = 1; index < clauses.length; index++) {
    const kind = kindAt(clauses, index)
    if (kind === 'other' || (kind === 'place' && kinds.at(-1) !== 'repository')) break
    kinds.push(kind)
  }
  // What follows describes the document: without it the location would have been read from the end.
  // A volume or number alone is a publication's (`Library of Congress, Catalog, Vol. 2, 1950`).
  if (kinds.length >= clauses.length || !kinds.some((kind) => kind === 'unit' || kind === 'shelfmark')) return undefined
  const found = runLocation(clauses.slice(0, kinds.length), kinds)
  if (found) found.leading = true
  return found
}
