/**
 * Countries, their adjectives and their capitals, in English, as a class of words: a printed
 * string that opens with one is a title or an institution (`Soviet Union`, `Japanese Foreign
 * Ministry`), never a person, and a correspondent named by one is a government, not an
 * official (`Moscow`, `Tokyo`). The lists hold today's states and the states of the twentieth
 * century that historians cite (`Soviet Union`, `Yugoslavia`, `Manchukuo`); words that are
 * also common personal names are left out (see `personalNamesToo`). Compiled by hand from the
 * English short names of states; add a state or a former name as one more entry.
 */

/** Countries as named in English, today's and former ones. */
const countries: readonly string[] = [
  'Afghanistan', 'Albania', 'Algeria', 'Angola', 'Argentina', 'Armenia', 'Australia', 'Austria',
  'Azerbaijan', 'Bangladesh', 'Belarus', 'Belgium', 'Bolivia', 'Bosnia', 'Brazil', 'Bulgaria',
  'Burma', 'Cambodia', 'Cameroon', 'Canada', 'Chad', 'Chile', 'China', 'Colombia', 'Congo',
  'Croatia', 'Cuba', 'Cyprus', 'Czechoslovakia', 'Czech Republic', 'Denmark', 'Ecuador', 'Egypt',
  'El Salvador', 'England', 'Estonia', 'Ethiopia', 'Finland', 'Formosa', 'France', 'Germany',
  'Georgia', 'Ghana', 'Great Britain', 'Greece', 'Guatemala', 'Hungary', 'Iceland', 'India',
  'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel', 'Italy', 'Japan', 'Jordan', 'Kazakhstan',
  'Kenya', 'Korea', 'Kuwait', 'Laos', 'Latvia', 'Lebanon', 'Libya', 'Lithuania', 'Malaya',
  'Malaysia', 'Manchukuo', 'Manchuria', 'Mexico', 'Moldova', 'Mongolia', 'Morocco', 'Mozambique',
  'Nepal', 'Netherlands', 'New Zealand', 'Nicaragua', 'Nigeria', 'North Korea', 'North Vietnam',
  'Norway', 'Pakistan', 'Palestine', 'Panama', 'Paraguay', 'Persia', 'Peru', 'Philippines',
  'Poland', 'Portugal', 'Prussia', 'Romania', 'Russia', 'Saudi Arabia', 'Scotland', 'Serbia',
  'Siam', 'Singapore', 'Slovakia', 'Slovenia', 'Somalia', 'South Africa', 'South Korea',
  'South Vietnam', 'Soviet Union', 'Spain', 'Sri Lanka', 'Sudan', 'Sweden', 'Switzerland', 'Syria',
  'Taiwan', 'Tanzania', 'Thailand', 'Tibet', 'Tunisia', 'Turkey', 'Uganda', 'Ukraine',
  'United Kingdom', 'United States', 'Uruguay', 'Uzbekistan', 'Venezuela', 'Vietnam', 'Wales',
  'Yemen', 'Yugoslavia', 'Zambia', 'Zimbabwe'
]

/** Adjectives of countries, peoples and regions (`Soviet`, `Chinese`, `Sino-`). */
const nationalityAdjectives: readonly string[] = [
  'Afghan', 'African', 'Albanian', 'Algerian', 'American', 'Arab', 'Arabian', 'Argentine',
  'Argentinian', 'Armenian', 'Asian', 'Australian', 'Austrian', 'Azerbaijani', 'Belarusian',
  'Belgian', 'Bolivian', 'Brazilian', 'British', 'Bulgarian', 'Burmese', 'Cambodian',
  'Canadian', 'Chilean', 'Chinese', 'Colombian', 'Croatian', 'Cuban', 'Czech', 'Czechoslovak',
  'Danish', 'Dutch', 'Egyptian', 'English', 'Estonian', 'Ethiopian', 'European', 'Finnish',
  'French', 'Georgian', 'German', 'Greek', 'Hungarian', 'Icelandic', 'Indian', 'Indonesian',
  'Iranian', 'Iraqi', 'Irish', 'Israeli', 'Italian',
  'Japanese', 'Kazakh', 'Korean', 'Laotian', 'Latvian', 'Lebanese', 'Libyan', 'Lithuanian',
  'Malaysian', 'Manchurian', 'Mexican', 'Mongolian', 'Moroccan', 'Nepalese', 'Nigerian',
  'Norwegian', 'Pakistani', 'Palestinian', 'Persian', 'Peruvian', 'Philippine', 'Polish',
  'Portuguese', 'Prussian', 'Romanian', 'Russian', 'Scottish', 'Serbian', 'Siamese', 'Slovak',
  'Slovenian', 'Soviet', 'Spanish', 'Swedish', 'Swiss', 'Syrian', 'Taiwanese', 'Thai',
  'Tibetan', 'Turkish', 'Ukrainian', 'Uzbek', 'Venezuelan', 'Vietnamese', 'Welsh', 'Yugoslav',
  // Combining forms, printed before a hyphen (`Sino-Soviet`, `Anglo-American`).
  'Anglo', 'Indo', 'Russo', 'Sino'
]

/** Capitals, today's and former ones, that stand for their governments. */
const capitals: readonly string[] = [
  'Algiers', 'Amsterdam', 'Ankara', 'Athens', 'Baghdad', 'Bangkok', 'Beijing', 'Beirut', 'Belgrade',
  'Berlin', 'Bern', 'Bonn', 'Brussels', 'Bucharest', 'Budapest', 'Cairo', 'Canberra', 'Copenhagen',
  'Damascus', 'Delhi', 'Dublin', 'Hanoi', 'Havana', 'Helsinki', 'Jakarta', 'Kabul', 'Kiev',
  'Kingston', 'Kyiv', 'Lima', 'Lisbon', 'London', 'Madrid', 'Manila', 'Moscow', 'Nanjing',
  'Nanking', 'Oslo', 'Ottawa', 'Paris', 'Peking', 'Peiping', 'Prague', 'Pyongyang', 'Rangoon',
  'Riga', 'Rome', 'Saigon', 'Santiago', 'Seoul', 'Sofia', 'Stockholm', 'Taipei', 'Tallinn',
  'Tehran', 'Tirana', 'Tokyo', 'Ulaanbaatar', 'Vienna', 'Vilnius', 'Warsaw', 'Washington'
]

/**
 * Words of the lists above that are also common given names or surnames (`Jordan`, `Georgia`,
 * `Berlin`, `Washington`, `French`): left out, since a person so named must still read as one.
 */
const personalNamesToo: ReadonlySet<string> = new Set([
  'Berlin', 'Chad', 'Dublin', 'Dutch', 'English', 'France', 'French', 'Georgia', 'German', 'India',
  'Irish', 'Israel', 'Jordan', 'Kingston', 'Lima', 'London', 'Paris', 'Santiago', 'Sofia', 'Wales',
  'Washington', 'Welsh'
])

const placeWords = [...countries, ...nationalityAdjectives, ...capitals].filter((place) => !personalNamesToo.has(place))
const singleWords = new Set(placeWords.filter((place) => !place.includes(' ')))
const severalWords = placeWords.filter((place) => place.includes(' '))

/** Lower-case forms of every one-word place, adjective and capital, for token lookups. */
export const placeTokens: ReadonlySet<string> = new Set([...singleWords].map((place) => place.toLowerCase()))

/** Does a printed string open with a place or its adjective (`Soviet Union`, `Sino-Soviet`)? */
export function opensWithPlace(value: string): boolean {
  const text = value.trim()
  if (singleWords.has(/^[^\s,;:.-]*/.exec(text)?.[0] ?? '')) return true
  return severalWords.some((place) => text.startsWith(place) && /^(?:$|[\s,;:-])/.test(text.slice(place.length)))
}
