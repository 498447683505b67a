/**
 * Text for training notes, composed from word lists written for Apparatus: commentary
 * sentences in German and English (with the years, dates, names and numbers prose holds),
 * phrases that lead into a reference inside a sentence, and the short references notes are
 * full of (author-date short forms, newspapers by date, press releases). Nothing here is
 * taken from an evaluation set; the lists are generic.
 */
import type {Label} from './labels.js'
import type {LabelledSequence} from './perceptron.js'
import {tokenize} from './tokens.js'

type Pick = <T>(list: readonly T[]) => T

const deSubjects = [
  'Die Studie', 'Der Verfasser', 'Diese Auffassung', 'Die ältere Forschung', 'Das Ministerium', 'Die Mehrheit der Befragten', 'Der Bericht',
  'Die Kommission', 'Eine ähnliche Argumentation', 'Die Debatte', 'Der Begriff', 'Die Bundesregierung', 'Die Zahl der Mitglieder', 'Der Verband',
  'Die Partei', 'Der Vorsitzende', 'Die Autorin', 'Das Gericht', 'Die Landesregierung', 'Der Abgeordnete', 'Die Gewerkschaft', 'Die Untersuchung',
  'Der Sprecher des Vereins', 'Die Stadtverwaltung', 'Ein großer Teil der Haushalte', 'Die amtliche Statistik', 'Das Institut', 'Die Redaktion',
  'Der damalige Minister', 'Die Tagung', 'Die Befragung', 'Das Programm', 'Die Verordnung', 'Der Gesetzgeber', 'Die Mehrzahl der Fälle', 'Sie',
  'Er', 'Man', 'Dies', 'Hier', 'Damit', 'Dabei'
]
const dePredicates = [
  'geht davon aus, dass', 'stützt sich auf', 'bezieht sich auf', 'verweist auf', 'ist umstritten, weil', 'findet sich auch in', 'wird hier verstanden als',
  'lässt sich nicht belegen für', 'beruht auf Angaben über', 'stammt aus', 'hat sich gegen', 'wurde erst später bekannt durch', 'war nicht beteiligt an',
  'kritisierte', 'betonte', 'erklärte in einem Gespräch', 'sprach von', 'forderte', 'lehnte', 'unterscheidet zwischen', 'hebt hervor, dass',
  'spielt eine wichtige Rolle für', 'ist vor allem', 'sind nicht vergleichbar mit', 'wird häufig übersehen bei', 'bleibt unklar in', 'zeigt deutlich',
  'nennt als Grund', 'wurde am', 'berichtete über', 'weist darauf hin, dass', 'gilt als'
]
const deObjects = [
  'die Entwicklung der Arbeitsmärkte', 'den Wandel der Familie', 'die Reform der Rentenversicherung', 'die Ergebnisse der Befragung', 'die Lage in den Städten',
  'das Verhältnis von Staat und Markt', 'die Rolle der Kirchen', 'den Ausbau der Kinderbetreuung', 'die Folgen der Einwanderung', 'die Zahl der Arbeitslosen',
  'die soziale Herkunft der Studierenden', 'den Strukturwandel im Ruhrgebiet', 'die Bedeutung der Bildung', 'eine stärkere Beteiligung der Bürger',
  'die Umsetzung des Gesetzes', 'die Grenzen der Methode', 'den Rückgang der Geburten', 'die Proteste vor dem Rathaus', 'das Verfahren im Landtag',
  'die Kosten der Pflege', 'die Kritik an der Regierung', 'das Ritual der Vereidigung', 'den Einfluss der Medien', 'die Haltung der Opposition',
  'die Frage der Finanzierung', 'die Daten des Mikrozensus', 'die Lage der Flüchtlinge', 'die Arbeit der Ausschüsse', 'die Zukunft der Region'
]
const deTails = [
  '', '', '', ' im Jahr {year}', ' seit {year}', ' am {date}', ' in {place}', ' zwischen {year} und {year2}', ' um rund {n} Prozent',
  ' in den {decade}er Jahren', ' nach {year}', ' bis {year}', ' vor allem in {place}', ' mit {n} Teilnehmern', ', so der Sprecher', ' ({year})'
]
const deFree = [
  'Die Zahlen beziehen sich auf das Jahr {year}.', 'Hervorhebung im Original.', 'Hervorhebung durch den Verfasser.', 'Eigene Berechnungen.',
  'Eigene Übersetzung.', 'Die Angaben sind gerundet.', 'Der Name wurde geändert.', 'Es gilt das gesprochene Wort.', 'Ausführlich dazu weiter unten.',
  'Zum Folgenden', 'Zur Diskussion um den Begriff', 'Kritisch dazu', 'Anders die herrschende Meinung.', 'So auch die Rechtsprechung.',
  'Die Interviews wurden im {month} {year} in {place} geführt.', 'Stand: {date}.', 'Zugriff am {date}.', 'Gemeint ist hier die Zeit nach {year}.',
  'Diese Angabe verdanke ich einem Hinweis von {name}.', 'Das Zitat stammt aus einem Gespräch mit {name} am {date}.', 'Ähnlich äußerte sich {name}.',
  'Die Tabelle enthält nur Betriebe mit mehr als {n} Beschäftigten.', 'Im Folgenden wird der Begriff im weiteren Sinne verwendet.'
]
const enSubjects = [
  'The study', 'The author', 'This view', 'Earlier research', 'The ministry', 'Most respondents', 'The report', 'The commission', 'A similar argument',
  'The debate', 'The term', 'The government', 'The number of members', 'The association', 'The party', 'The chairman', 'The court', 'The committee',
  'The survey', 'The programme', 'The legislature', 'Most cases', 'She', 'He', 'It', 'This', 'They', 'We'
]
const enPredicates = [
  'assumes that', 'relies on', 'refers to', 'points to', 'is disputed because', 'is also found in', 'is understood here as', 'cannot be confirmed for',
  'is based on data about', 'comes from', 'argued against', 'became known only later through', 'was not involved in', 'criticized', 'stressed',
  'said in an interview', 'spoke of', 'demanded', 'rejected', 'distinguishes between', 'emphasizes that', 'plays an important role in',
  'is mainly', 'are not comparable with', 'is often overlooked in', 'remains unclear in', 'clearly shows', 'gives as a reason', 'reported on'
]
const enObjects = [
  'the development of labour markets', 'the change in family structures', 'the pension reform', 'the results of the survey', 'the situation in the cities',
  'the relation between state and market', 'the role of the churches', 'the expansion of child care', 'the consequences of immigration',
  'the number of unemployed', 'the social origin of students', 'structural change in the region', 'the importance of education', 'greater participation',
  'the implementation of the law', 'the limits of the method', 'the decline in births', 'the protests in front of the city hall', 'the costs of care',
  'the criticism of the government', 'the influence of the media', 'the position of the opposition', 'the question of funding', 'the future of the region'
]
const enTails = ['', '', '', ' in {year}', ' since {year}', ' on {date}', ' in {place}', ' between {year} and {year2}', ' by about {n} per cent', ' in the {decade}s', ' after {year}']
const enFree = [
  'The figures refer to {year}.', 'Emphasis in the original.', 'Emphasis added.', 'My own calculations.', 'My translation.', 'Figures are rounded.',
  'The name has been changed.', 'For a different view, see below.', 'On this point the literature is divided.', 'The interviews were conducted in {month} {year} in {place}.',
  'Accessed {date}.', 'I owe this point to {name}.', 'Quoted from a conversation with {name} on {date}.', 'The table includes only firms with more than {n} employees.',
  'On the following', 'On the history of the institute,', 'For a critical view,'
]
const deOpeners = ['Im Jahr {year}', 'Nach Angaben des Verbandes', 'Bereits {year}', 'In der Folge', 'Anders als erwartet', 'Beim Treffen in {place}', 'Am {date}', 'Zudem', 'Insgesamt', 'Wenige Tage zuvor', 'Auch']
const deJoins = ['weil', 'während', 'obwohl', 'und', 'aber', 'so dass', 'wobei', 'nachdem', 'da']
const enOpeners = ['In {year}', 'According to the association,', 'As early as {year}', 'Subsequently', 'On {date}', 'In addition', 'Overall', 'A few days earlier']
const enJoins = ['because', 'while', 'although', 'and', 'but', 'so that', 'whereas', 'after']

/** Phrases that end where a reference begins, inside a sentence. */
const deInto = [
  'Eine ähnliche Darstellung gibt', 'So etwa', 'So z. B.', 'Vgl. hierzu die Schilderung bei', 'Vgl. dazu ausführlich', 'Zitiert nach', 'Zit. nach', 'Siehe dazu',
  'Näher dazu', 'Grundlegend dazu', 'Zu diesem Ergebnis kommt auch', 'Ähnlich argumentiert', 'Die Angaben folgen', 'Die Darstellung folgt hier',
  'Einen Überblick bietet', 'Diese Zahlen nennt', 'Dazu ausführlich', 'Zur Kritik', 'Zum Begriff vgl.', 'Anders dagegen', 'Die Daten stammen aus',
  'Zur Geschichte des Verbandes vgl.', 'Die folgenden Ausführungen stützen sich auf', 'Quelle:', 'Zitat aus', 'Weitere Beispiele bei'
]
const enInto = [
  'A similar account is given by', 'See, for example,', 'For a detailed account see', 'Quoted in', 'Cited after', 'On this see', 'For an overview see',
  'The figures are taken from', 'This follows', 'A different view is taken by', 'For the history of the association see', 'Source:', 'More examples in'
]
const names = [
  'Anna Berger', 'Thomas Krüger', 'Maria Lindner', 'Jan Vogt', 'Petra Hoffmann', 'Klaus Weiß', 'Sabine Roth', 'Michael Brandt', 'Laura Fischer',
  'Stefan Keller', 'Julia Martens', 'Frank Ostermann', 'Helen Carter', 'David Lowe', 'Sarah Price', 'James Holloway', 'Claire Dubois', 'Marco Rossi'
]
const families = [
  'Berger', 'Krüger', 'Lindner', 'Vogt', 'Hoffmann', 'Weiß', 'Roth', 'Brandt', 'Fischer', 'Keller', 'Martens', 'Ostermann', 'Kunze', 'Albrecht',
  'Seidel', 'Busch', 'Frey', 'Lorenz', 'Haas', 'Winkler', 'Carter', 'Lowe', 'Price', 'Holloway', 'Nolan', 'Dubois', 'Rossi', 'Nowak', 'Horváth',
  'van der Berg', 'von Arnim', 'Meier-Lenz', 'Schulte-Bruns'
]
const places = ['Berlin', 'Bonn', 'Hamburg', 'Köln', 'Leipzig', 'Dresden', 'Kassel', 'Erfurt', 'Wien', 'Zürich', 'London', 'Paris', 'Warschau', 'Madrid', 'Brüssel', 'Genf']
const months = ['Januar', 'März', 'Mai', 'Juli', 'September', 'November', 'April', 'Oktober']
const newspapers = [
  'FAZ', 'SZ', 'FR', 'taz', 'NZZ', 'Die Welt', 'DIE WELT', 'DIE ZEIT', 'Die Zeit', 'Der Spiegel', 'DER SPIEGEL', 'Focus', 'Handelsblatt', 'Stern',
  'Frankfurter Allgemeine Zeitung', 'Süddeutsche Zeitung', 'Frankfurter Rundschau', 'Berliner Zeitung', 'Kölner Stadt-Anzeiger', 'Westfälische Rundschau',
  'Hamburger Abendblatt', 'Stuttgarter Zeitung', 'Der Tagesspiegel', 'Die tageszeitung', 'Neues Deutschland', 'Rheinischer Merkur', 'Le Monde',
  'The Guardian', 'The Times', 'New York Times', 'Financial Times', 'Neue Zürcher Zeitung', 'El País', 'Corriere della Sera'
]
const releases = [
  'Pressemitteilung des Bundesministeriums des Innern', 'Pressemitteilung der Stadt {place}', 'Presseerklärung der Fraktion', 'Pressemitteilung Nr. {n}/{yy}',
  'Mitteilung des Statistischen Landesamtes', 'Rundschreiben des Verbandes', 'Beschluss des Parteivorstandes', 'Antwort der Bundesregierung auf die Kleine Anfrage',
  'Press release of the Ministry of Labour', 'Statement of the Foreign Office'
]

function fill(template: string, next: () => number, pick: Pick): string {
  const year = 1950 + Math.floor(next() * 70)
  return template
    .replace('{year2}', String(year + 1 + Math.floor(next() * 10)))
    .replace(/\{year\}/g, String(year))
    .replace('{yy}', String(year % 100).padStart(2, '0'))
    .replace('{decade}', String(1950 + 10 * Math.floor(next() * 6)))
    .replace('{date}', dateOf(next, pick, year))
    .replace('{place}', pick(places))
    .replace('{month}', pick(months))
    .replace('{name}', pick(names))
    .replace('{n}', String(2 + Math.floor(next() * 400)))
}

/** A date as notes print it: `12. 3. 1998`, `12.03.1998`, `12. März 1998`, `March 12, 1998`. */
function dateOf(next: () => number, pick: Pick, year = 1950 + Math.floor(next() * 70)): string {
  const day = 1 + Math.floor(next() * 28)
  const month = 1 + Math.floor(next() * 12)
  const form = next()
  if (form < 0.3) return `${day}. ${month}. ${year}`
  if (form < 0.55) return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`
  if (form < 0.7) return `${day}.${month}. ${year}`
  if (form < 0.9) return `${day}. ${pick(months)} ${year}`
  return `${pick(['March', 'May', 'July', 'October'])} ${day}, ${year}`
}

/** One or two sentences of commentary, German (mostly) or English. */
export function proseSentence(next: () => number, pick: Pick): string {
  const german = next() < 0.7
  if (next() < 0.3) return fill(pick(german ? deFree : enFree), next, pick)
  const frame = next()
  const lead = german ? pick(deOpeners) : pick(enOpeners)
  let sentence = german
    ? `${pick(deSubjects)} ${pick(dePredicates)} ${pick(deObjects)}${pick(deTails)}`
    : `${pick(enSubjects)} ${pick(enPredicates)} ${pick(enObjects)}${pick(enTails)}`
  if (frame < 0.25) sentence = `${lead} ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`
  else if (frame < 0.5) {
    const second = german ? `${pick(deSubjects)} ${pick(dePredicates)} ${pick(deObjects)}` : `${pick(enSubjects)} ${pick(enPredicates)} ${pick(enObjects)}`
    sentence = `${sentence}, ${german ? pick(deJoins) : pick(enJoins)} ${second.charAt(0).toLowerCase()}${second.slice(1)}`
  }
  return fill(`${sentence}.`, next, pick)
}

/** Words that lead into a reference inside a sentence (`Eine ähnliche Darstellung gibt`). */
export function proseInto(next: () => number, pick: Pick): string {
  return next() < 0.75 ? pick(deInto) : pick(enInto)
}

function push(target: LabelledSequence, text: string, label: Label): void {
  for (const token of tokenize(text)) {
    target.tokens.push(token.text)
    target.labels.push(label)
  }
}

/**
 * A short reference of the kinds notes are full of: `Berger (1994), S. 12.`, `Vogt 2001: 45`,
 * `FAZ vom 3. 11. 1995, S. 2.`, `Pressemitteilung … vom 24. 10. 1995.`, `§ 177 Abs. 1 StGB`
 */
export function shortReference(next: () => number, pick: Pick): LabelledSequence {
  const out: LabelledSequence = {tokens: [], labels: []}
  const year = 1950 + Math.floor(next() * 70)
  const page = String(1 + Math.floor(next() * 400))
  const pageText = next() < 0.5 ? `S. ${page}` : next() < 0.5 ? `S. ${page}-${Number(page) + 1 + Math.floor(next() * 30)}` : `S. ${page}f.`
  const kind = next()
  if (kind < 0.45) {
    const authors = next() < 0.75 ? pick(families) : `${pick(families)}${pick(['/', ' / ', ' und ', ' & '])}${pick(families)}`
    const suffix = next() < 0.15 ? pick(['a', 'b']) : ''
    const form = next()
    if (form < 0.5) {
      push(out, authors, 'author')
      push(out, `(${year}${suffix})${next() < 0.7 ? ',' : ''}`, 'date')
      if (next() < 0.75) push(out, `${pageText}.`, 'pages')
    } else if (form < 0.8) {
      push(out, authors, 'author')
      push(out, `${year}${suffix}${next() < 0.5 ? ':' : ','}`, 'date')
      push(out, next() < 0.5 ? page : pageText, 'pages')
    } else {
      push(out, `${authors}, a. a. O.,`, 'author')
      push(out, `${pageText}.`, 'pages')
    }
  } else if (kind < 0.53) {
    // Statutes: the section is the title, the code its container (`§ 177 Abs. 1 StGB`, `Art. 5 GG`).
    const number = 1 + Math.floor(next() * 400)
    const section = next() < 0.75 ? `${next() < 0.85 ? '§' : '§§'} ${number}${next() < 0.15 ? pick(['a', 'b']) : ''}` : `Art. ${1 + Math.floor(next() * 140)}`
    const detail = next() < 0.5 ? '' : pick([` Abs. ${1 + Math.floor(next() * 5)}`, ` Abs. ${1 + Math.floor(next() * 5)} Satz ${1 + Math.floor(next() * 3)}`, ` Abs. ${1 + Math.floor(next() * 4)} Nr. ${1 + Math.floor(next() * 6)}`, ' I', ' II', `, ${number + 1}`, ` bis ${number + 3}`])
    push(out, `${section}${detail}`, 'title')
    push(out, pick(['StGB', 'BGB', 'GG', 'SGB II', 'SGB VIII', 'StPO', 'ZPO', 'HGB', 'BVerfGG', 'AufenthG', 'VwVfG', 'BetrVG', 'EStG', 'WRV']), 'container-title')
  } else if (kind < 0.85) {
    push(out, pick(newspapers), 'journal')
    if (next() < 0.2) push(out, `Nr. ${1 + Math.floor(next() * 52)},`, 'volume')
    push(out, `${next() < 0.7 ? 'vom ' : ''}${dateOf(next, pick, year)}${next() < 0.7 ? ',' : '.'}`, 'date')
    if (next() < 0.7) push(out, `${pageText}.`, 'pages')
  } else {
    push(out, fill(pick(releases), next, pick), 'title')
    push(out, `vom ${dateOf(next, pick, year)}.`, 'date')
  }
  const last = out.tokens.length - 1
  if (last >= 0 && !/[.,;:]$/.test(out.tokens[last] ?? '')) out.tokens[last] += '.'
  return out
}
