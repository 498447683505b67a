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
  'Azerbaijan', 'Bahrain', 'Bangladesh', 'Belarus', 'Belgium', 'Benin', 'Bhutan', 'Bohemia',
  'Bolivia', 'Bosnia', 'Botswana', 'Brazil', 'Brunei', 'Bulgaria', 'Burkina Faso', 'Burma',
  'Burundi', 'Cambodia', 'Cameroon', 'Canada', 'Ceylon', 'Chad', 'Chile', 'China', 'Colombia',
  'Congo', 'Costa Rica', 'Croatia', 'Cuba', 'Cyprus', 'Czech Republic', 'Czechoslovakia', 'Dahomey',
  'Denmark', 'Djibouti', 'Dominican Republic', 'East Germany', 'Ecuador', 'Egypt', 'El Salvador',
  'England', 'Eritrea', 'Estonia', 'Ethiopia', 'Fiji', 'Finland', 'Formosa', 'France', 'Gabon',
  'Georgia', 'Germany', 'Ghana', 'Great Britain', 'Greece', 'Guatemala', 'Guinea', 'Haiti',
  'Honduras', 'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel',
  'Italy', 'Ivory Coast', 'Jamaica', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Korea', 'Kuwait',
  'Kyrgyzstan', 'Laos', 'Latvia', 'Lebanon', 'Lesotho', 'Liberia', 'Libya', 'Lithuania',
  'Luxembourg', 'Macedonia', 'Madagascar', 'Malawi', 'Malaya', 'Malaysia', 'Mali', 'Malta',
  'Manchukuo', 'Manchuria', 'Mauritania', 'Mexico', 'Moldova', 'Mongolia', 'Montenegro', 'Morocco',
  'Mozambique', 'Namibia', 'Nepal', 'Netherlands', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria',
  'North Korea', 'North Vietnam', 'Norway', 'Oman', 'Ottoman Empire', 'Pakistan', 'Palestine',
  'Panama', 'Paraguay', 'Persia', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Prussia', 'Qatar',
  'Rhodesia', 'Romania', 'Russia', 'Rwanda', 'Saudi Arabia', 'Scotland', 'Senegal', 'Serbia',
  'Siam', 'Sierra Leone', 'Singapore', 'Slovakia', 'Slovenia', 'Somalia', 'South Africa',
  'South Korea', 'South Vietnam', 'Soviet Union', 'Spain', 'Sri Lanka', 'Sudan', 'Sweden',
  'Switzerland', 'Syria', 'Taiwan', 'Tajikistan', 'Tanzania', 'Thailand', 'Tibet', 'Togo',
  'Tunisia', 'Turkey', 'Turkmenistan', 'Uganda', 'Ukraine', 'United Kingdom', 'United States',
  'Uruguay', 'Uzbekistan', 'Venezuela', 'Vietnam', 'Wales', 'West Germany', 'Yemen', 'Yugoslavia',
  'Zaire', 'Zambia', 'Zimbabwe'
]

/** Adjectives of countries, peoples and regions (`Soviet`, `Chinese`, `Sino-`). */
const nationalityAdjectives: readonly string[] = [
  'Afghan', 'African', 'Albanian', 'Algerian', 'American', 'Angolan', 'Arab', 'Arabian',
  'Argentine', 'Argentinian', 'Armenian', 'Asian', 'Australian', 'Austrian', 'Azerbaijani',
  'Bangladeshi', 'Belarusian', 'Belgian', 'Bolivian', 'Bosnian', 'Brazilian', 'British',
  'Bulgarian', 'Burmese', 'Cambodian', 'Canadian', 'Ceylonese', 'Chilean', 'Chinese', 'Colombian',
  'Croatian', 'Cuban', 'Czech', 'Czechoslovak', 'Danish', 'Dutch', 'Ecuadorian', 'Egyptian',
  'Emirati', 'English', 'Eritrean', 'Estonian', 'Ethiopian', 'European', 'Filipino', 'Finnish',
  'French', 'Georgian', 'German', 'Ghanaian', 'Greek', 'Guatemalan', 'Haitian', 'Honduran',
  'Hungarian', 'Icelandic', 'Indian', 'Indonesian', 'Iranian', 'Iraqi', 'Irish', 'Israeli',
  'Italian', 'Jamaican', 'Japanese', 'Jordanian', 'Kazakh', 'Kenyan', 'Korean', 'Kuwaiti', 'Kyrgyz',
  'Laotian', 'Latvian', 'Lebanese', 'Libyan', 'Lithuanian', 'Macedonian', 'Malaysian', 'Malian',
  'Manchurian', 'Mexican', 'Mongolian', 'Montenegrin', 'Moroccan', 'Mozambican', 'Namibian',
  'Nepalese', 'Nicaraguan', 'Nigerian', 'Norwegian', 'Omani', 'Ottoman', 'Pakistani', 'Palestinian',
  'Panamanian', 'Paraguayan', 'Persian', 'Peruvian', 'Philippine', 'Polish', 'Portuguese',
  'Prussian', 'Qatari', 'Rhodesian', 'Romanian', 'Russian', 'Salvadoran', 'Saudi', 'Scottish',
  'Senegalese', 'Serbian', 'Siamese', 'Singaporean', 'Slovak', 'Slovenian', 'Somali', 'Soviet',
  'Spanish', 'Sudanese', 'Swedish', 'Swiss', 'Syrian', 'Taiwanese', 'Tajik', 'Tanzanian', 'Thai',
  'Tibetan', 'Tunisian', 'Turkish', 'Turkmen', 'Ugandan', 'Ukrainian', 'Uruguayan', 'Uzbek',
  'Venezuelan', 'Vietnamese', 'Welsh', 'Yemeni', 'Yugoslav', 'Zambian', 'Zimbabwean',
  // Combining forms, printed before a hyphen (`Sino-Soviet`, `Anglo-American`).
  'Anglo', 'Indo', 'Russo', 'Sino'
]

/** Capitals, today's and former ones, that stand for their governments. */
const capitals: readonly string[] = [
  'Abuja', 'Accra', 'Addis Ababa', 'Algiers', 'Amman', 'Amsterdam', 'Ankara', 'Ashgabat', 'Asmara',
  'Astana', 'Asunción', 'Athens', 'Baghdad', 'Baku', 'Bamako', 'Bangkok', 'Beijing', 'Beirut',
  'Belgrade', 'Berlin', 'Bern', 'Bishkek', 'Bogotá', 'Bonn', 'Brasília', 'Bratislava', 'Brussels',
  'Bucharest', 'Budapest', 'Buenos Aires', 'Cairo', 'Canberra', 'Caracas', 'Chișinău', 'Colombo',
  'Conakry', 'Copenhagen', 'Dakar', 'Damascus', 'Delhi', 'Dhaka', 'Doha', 'Dublin', 'Dushanbe',
  'Freetown', 'Hanoi', 'Harare', 'Havana', 'Helsinki', 'Islamabad', 'Jakarta', 'Kabul', 'Kampala',
  'Kathmandu', 'Khartoum', 'Kiev', 'Kingston', 'Kinshasa', 'Kuala Lumpur', 'Kyiv', 'La Paz',
  'Libreville', 'Lima', 'Lisbon', 'Ljubljana', 'London', 'Luanda', 'Lusaka', 'Madrid', 'Managua',
  'Manama', 'Manila', 'Maputo', 'Minsk', 'Mogadishu', 'Monrovia', 'Montevideo', 'Moscow', 'Muscat',
  'Nairobi', 'Nanjing', 'Nanking', 'New Delhi', 'Nicosia', 'Oslo', 'Ottawa', 'Paris', 'Peiping',
  'Peking', 'Phnom Penh', 'Prague', 'Pyongyang', 'Quito', 'Rabat', 'Rangoon', 'Reykjavík', 'Riga',
  'Riyadh', 'Rome', 'Saigon', 'Sanaa', 'Santiago', 'Sarajevo', 'Seoul', 'Skopje', 'Sofia',
  'Stockholm', 'Taipei', 'Tallinn', 'Tashkent', 'Tbilisi', 'Tegucigalpa', 'Tehran', 'Tirana',
  'Tokyo', 'Tripoli', 'Tunis', 'Ulaanbaatar', 'Vienna', 'Vientiane', 'Vilnius', 'Warsaw',
  'Washington', 'Windhoek', 'Yerevan', 'Zagreb'
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

/** Every one-word place, adjective and capital in lower-case ASCII (`bogota`), for token lookups. */
export const placeTokens: ReadonlySet<string> = new Set([...singleWords].map((place) => place.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()))

/** Does a printed string open with a place or its adjective (`Soviet Union`, `Sino-Soviet`)? */
export function opensWithPlace(value: string): boolean {
  const text = value.trim()
  if (singleWords.has(/^[^\s,;:.-]*/.exec(text)?.[0] ?? '')) return true
  return severalWords.some((place) => text.startsWith(place) && /^(?:$|[\s,;:-])/.test(text.slice(place.length)))
}

/**
 * Towns where books are published, beyond the capitals above, as printed in their own languages
 * and in English: after a first place (`Paris, Le Havre, 1990`), such a name is a second place of
 * publication, not the publisher. Compiled by hand; add a town as one more entry.
 */
export const publicationTowns: ReadonlySet<string> = new Set([
  // French, Belgian, Swiss
  'Le Havre', 'Lille', 'Lyon', 'Marseille', 'Bordeaux', 'Toulouse', 'Rouen', 'Nantes', 'Rennes', 'Strasbourg',
  'Grenoble', 'Montpellier', 'Dijon', 'Nancy', 'Caen', 'Tours', 'Poitiers', 'Genève', 'Lausanne', 'Neuchâtel',
  'Bruxelles', 'Liège', 'Louvain', 'Namur',
  // Iberian
  'Sevilla', 'Valencia', 'Salamanca', 'Zaragoza', 'Granada', 'Bilbao', 'Barcelona', 'Valladolid', 'Oviedo',
  'Santander', 'Lisboa', 'Porto', 'Coimbra', 'Braga',
  // Italian
  'Milano', 'Torino', 'Bologna', 'Firenze', 'Napoli', 'Venezia', 'Padova', 'Pisa', 'Genova', 'Palermo', 'Bari',
  'Roma',
  // German, Austrian, Dutch
  'München', 'Hamburg', 'Köln', 'Leipzig', 'Frankfurt', 'Stuttgart', 'Göttingen', 'Heidelberg', 'Wien', 'Graz',
  'Innsbruck', 'Zürich', 'Basel', 'Leiden', 'Utrecht', 'Groningen', 'Rotterdam',
  // Central and Eastern European
  'Praha', 'Brno', 'Olomouc', 'Warszawa', 'Kraków', 'Wrocław', 'Poznań', 'Gdańsk', 'Łódź', 'Lublin', 'Toruń',
  'Budapest', 'Debrecen',
  // British, Irish, North American
  'Oxford', 'Cambridge', 'Edinburgh', 'Glasgow', 'Manchester', 'Leeds', 'Liverpool', 'Birmingham', 'Bristol',
  'Dublin', 'Belfast', 'New York', 'Boston', 'Chicago', 'Philadelphia', 'Toronto', 'Montréal', 'Québec'
])
