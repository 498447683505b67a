/**
 * Russian archives cited by historians of Russia and the Soviet period, with their aliases:
 * acronyms in their spellings (Latin and Cyrillic), Russian names in transliteration and in
 * Cyrillic, English names, and the names of their predecessors. Data, not regexes: the
 * grammar builds its matcher from here.
 */
import {escapeRegExp} from '../shared/regexp.js'

export interface Archive {
  /** Normalized acronym written to `archive` and `custom.archival.archive`. */
  acronym: string
  /** The acronym in Cyrillic, written to `archive` when the citation is printed in Cyrillic. */
  cyrillic?: string
  /** English name. */
  name: string
  /** Aliases as they may be printed (matched case-sensitively for acronyms, loosely for names). */
  acronyms: string[]
  names: string[]
  /** Fond numbers this archive is known not to hold; a citation with one is suspicious. */
  foreignFonds?: RegExp
}

export const archives: Archive[] = [
  {
    acronym: 'AVP RF',
    cyrillic: 'АВП РФ',
    name: 'Archive of Foreign Policy of the Russian Federation',
    acronyms: ['AVP RF', 'AVPRF', 'AVP SSSR', 'AVP', 'АВП РФ', 'АВПРФ', 'АВП СССР', 'АВП'],
    names: [
      'Arkhiv vneshnei politiki Rossiiskoi Federatsii',
      'Archive of Foreign Policy of the Russian Federation',
      'Archive of the Foreign Policy of the Russian Federation',
      'Archive of the Foreign Relations of the Russian Federation',
      'Foreign Policy Archive of the Russian Federation',
      'Archive of the Foreign Policy of the USSR',
      'Архив внешней политики Российской Федерации', 'Архив внешней политики СССР'
    ],
    // Fonds 3 and 45 are Politburo fonds of the Presidential Archive.
    foreignFonds: /^(?:3|45)$/
  },
  {
    acronym: 'APRF',
    cyrillic: 'АП РФ',
    name: 'Archive of the President of the Russian Federation',
    acronyms: ['APRF', 'AP RF', 'АП РФ', 'АПРФ'],
    names: [
      'Arkhiv Prezidenta Rossiiskoi Federatsii',
      'Archive of the President of the Russian Federation',
      'Presidential Archive of the Russian Federation',
      'Presidential Archive',
      'Архив Президента Российской Федерации'
    ]
  },
  {
    acronym: 'RGASPI',
    cyrillic: 'РГАСПИ',
    name: 'Russian State Archive of Socio-Political History',
    acronyms: ['RGASPI', 'РГАСПИ'],
    names: [
      'Rossiiskii gosudarstvennyi arkhiv sotsial’no-politicheskoi istorii',
      'Rossiiskii gosudarstvennyi arkhiv sotsialno-politicheskoi istorii',
      'Russian State Archive of Socio-Political History',
      'Russian State Archive of Social and Political History',
      'Российский государственный архив социально-политической истории'
    ]
  },
  {
    acronym: 'RTsKhIDNI',
    cyrillic: 'РЦХИДНИ',
    name: 'Russian Center for the Preservation and Study of Documents of Recent History',
    acronyms: ['RTsKhIDNI', 'РЦХИДНИ'],
    names: [
      'Rossiiskii tsentr khraneniia i izucheniia dokumentov noveishei istorii',
      'Russian Center for the Preservation and Study of Documents of Recent History',
      'Russian Centre for the Preservation and Study of Documents of Recent History',
      'Российский центр хранения и изучения документов новейшей истории'
    ]
  },
  {
    acronym: 'TsKhSD',
    cyrillic: 'ЦХСД',
    name: 'Storage Center for Contemporary Documentation',
    acronyms: ['TsKhSD', 'ЦХСД'],
    names: [
      'Tsentr khraneniia sovremennoi dokumentatsii',
      'Storage Center for Contemporary Documentation',
      'Center for the Storage of Contemporary Documentation',
      'Centre for the Storage of Contemporary Documentation',
      'Центр хранения современной документации'
    ]
  },
  {
    acronym: 'RGANI',
    cyrillic: 'РГАНИ',
    name: 'Russian State Archive of Contemporary History',
    acronyms: ['RGANI', 'РГАНИ'],
    names: [
      'Rossiiskii gosudarstvennyi arkhiv noveishei istorii',
      'Russian State Archive of Contemporary History',
      'Российский государственный архив новейшей истории'
    ]
  },
  {
    acronym: 'GARF',
    cyrillic: 'ГАРФ',
    name: 'State Archive of the Russian Federation',
    acronyms: ['GARF', 'ГАРФ'],
    names: [
      'Gosudarstvennyi arkhiv Rossiiskoi Federatsii',
      'State Archive of the Russian Federation',
      'Государственный архив Российской Федерации'
    ]
  },
  {
    acronym: 'RGVA',
    cyrillic: 'РГВА',
    name: 'Russian State Military Archive',
    acronyms: ['RGVA', 'РГВА'],
    names: ['Rossiiskii gosudarstvennyi voennyi arkhiv', 'Russian State Military Archive', 'Российский государственный военный архив']
  },
  {
    acronym: 'RGVIA',
    cyrillic: 'РГВИА',
    name: 'Russian State Military History Archive',
    acronyms: ['RGVIA', 'РГВИА'],
    names: ['Rossiiskii gosudarstvennyi voenno-istoricheskii arkhiv', 'Russian State Military History Archive', 'Российский государственный военно-исторический архив']
  },
  {
    acronym: 'RGAE',
    cyrillic: 'РГАЭ',
    name: 'Russian State Archive of the Economy',
    acronyms: ['RGAE', 'РГАЭ'],
    names: ['Rossiiskii gosudarstvennyi arkhiv ekonomiki', 'Russian State Archive of the Economy', 'Российский государственный архив экономики']
  },
  {
    acronym: 'RGIA',
    cyrillic: 'РГИА',
    name: 'Russian State Historical Archive',
    acronyms: ['RGIA', 'РГИА'],
    names: ['Rossiiskii gosudarstvennyi istoricheskii arkhiv', 'Russian State Historical Archive', 'Российский государственный исторический архив']
  },
  {
    acronym: 'RGADA',
    cyrillic: 'РГАДА',
    name: 'Russian State Archive of Ancient Acts',
    acronyms: ['RGADA', 'РГАДА'],
    names: ['Rossiiskii gosudarstvennyi arkhiv drevnikh aktov', 'Russian State Archive of Ancient Acts', 'Российский государственный архив древних актов']
  },
  {
    acronym: 'RGALI',
    cyrillic: 'РГАЛИ',
    name: 'Russian State Archive of Literature and Art',
    acronyms: ['RGALI', 'РГАЛИ'],
    names: ['Rossiiskii gosudarstvennyi arkhiv literatury i iskusstva', 'Russian State Archive of Literature and Art', 'Российский государственный архив литературы и искусства']
  },
  {
    acronym: 'TsAMO',
    cyrillic: 'ЦАМО',
    name: 'Central Archive of the Ministry of Defense of the Russian Federation',
    acronyms: ['TsAMO', 'TsAMO RF', 'ЦАМО', 'ЦАМО РФ'],
    names: [
      'Tsentral’nyi arkhiv Ministerstva oborony',
      'Tsentralnyi arkhiv Ministerstva oborony',
      'Central Archive of the Ministry of Defense',
      'Central Archive of the Ministry of Defence',
      'Центральный архив Министерства обороны'
    ]
  }
]

const byAcronym = new Map<string, Archive>()
for (const archive of archives) {
  for (const alias of archive.acronyms) byAcronym.set(alias.replace(/\s+/g, ''), archive)
}

/** The archive an acronym as printed stands for (`AVPRF`, `AVP RF`, `APRF`…). */
export function archiveByAcronym(value: string): Archive | undefined {
  return byAcronym.get(value.replace(/\s+/g, ''))
}

/** A loose matcher for a printed name: any run of spaces, either apostrophe, any case. */
function nameMatcher(name: string): RegExp {
  const source = escapeRegExp(name)
    .replace(/[’‘']/g, "['’‘]")
    .replace(/\s+/g, '\\s+')
  return new RegExp(source, 'i')
}

const nameMatchers = archives.flatMap((archive) => archive.names.map((name) => ({archive, name, matcher: nameMatcher(name)})))

/** Any name: one search finds where the first name starts. */
const anyName = new RegExp(nameMatchers.map(({matcher}) => `(?:${matcher.source})`).join('|'), 'i')

/** Each name, matched only where it is tried. */
const stickyMatchers = nameMatchers.map(({archive, name, matcher}) => ({archive, name, matcher: new RegExp(matcher.source, 'iy')}))

/** The sticky matchers by the first letter of their name, upper-cased (as a case-insensitive match compares letters). */
const byInitial = new Map<string, RegExp[]>()
for (const {name, matcher} of stickyMatchers) {
  const initial = name.charAt(0).toUpperCase()
  const list = byInitial.get(initial)
  if (list) list.push(matcher)
  else byInitial.set(initial, [matcher])
}

/**
 * Does an archive's full name start `text`? What `findArchiveName(text)?.start === 0` says,
 * trying only the names with its first letter, at its start.
 */
export function startsWithArchiveName(text: string): boolean {
  const candidates = byInitial.get(text.charAt(0).toUpperCase())
  if (!candidates) return false
  return candidates.some((matcher) => {
    matcher.lastIndex = 0
    return matcher.test(text)
  })
}

/** The archive whose full name occurs first in `text` (the longest there, else the first listed), with where it occurs. */
export function findArchiveName(text: string): {archive: Archive; start: number; end: number} | undefined {
  const start = text.search(anyName)
  if (start === -1) return undefined
  let best: {archive: Archive; start: number; end: number} | undefined
  for (const {archive, matcher} of stickyMatchers) {
    matcher.lastIndex = start
    const match = matcher.exec(text)
    if (match && (!best || start + match[0].length > best.end)) best = {archive, start, end: start + match[0].length}
  }
  return best
}

/** Every acronym alias, longest first, for building the matcher. */
export const archiveAcronyms: string[] = [...new Set(archives.flatMap((archive) => archive.acronyms))]
  .sort((a, b) => b.length - a.length)
