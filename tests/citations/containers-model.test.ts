import {describe, expect, test} from 'vitest'
import type {Label, LabelledToken} from '../../pipeline/citations/model/index.js'
import {referenceToCsl} from '../../pipeline/citations/model/reference.js'
import {tokenize} from '../../pipeline/citations/model/tokens.js'
import type {CslItemDraft} from '../../pipeline/shared/types/csl.js'

// The boundaries of a journal or book against the title before it and the publication facts
// after it, repaired whatever the labeller read. Each reference is written for these tests and
// labelled by hand as the labeller misreads such references: `Word/label` per token, one label
// kept until the next one is named.

const shortLabels: Record<string, Label> = {url: 'url', a: 'author', d: 'date', t: 'title', j: 'journal', c: 'container-title', e: 'editor', v: 'volume', p: 'pages', l: 'location', u: 'publisher'}

function parsed(spec: string): CslItemDraft {
  const words: string[] = []
  const labels: Label[] = []
  let label: Label = 'other'
  for (const part of spec.split(' ')) {
    const slash = part.lastIndexOf('|')
    if (slash > 0) label = shortLabels[part.slice(slash + 1)] ?? 'other'
    words.push(slash > 0 ? part.slice(0, slash) : part)
    labels.push(label)
  }
  const text = words.join(' ')
  const tokens = tokenize(text)
  expect(tokens.map((token) => token.text)).toEqual(words)
  const labelled: LabelledToken[] = tokens.map((token, index) => ({...token, label: labels[index] ?? 'other'}))
  return referenceToCsl({start: 0, end: text.length, tokens: labelled}, text).item
}

describe('a journal begun in mid-name after the title', () => {
  test('the journal runs from the title’s last full stop', () => {
    const item = parsed('Berger,|a T. (2012).|d Lesen|t lernen im Vorschulalter. Psychologie in Schule und Beruf,|j 44,|v S.|p 12-19.')
    expect(item.title).toBe('Lesen lernen im Vorschulalter')
    expect(item['container-title']).toBe('Psychologie in Schule und Beruf')
  })

  test('the journal runs from the title’s last comma', () => {
    const item = parsed('Klein,|a Hanna,|a 2003,|d Mobility|t of Wages - Regional Estimates of Wages, Quartalshefte zur Arbeitsmarktforschung,|j 72(2),|v S.|p 11-28.')
    expect(item.title).toBe('Mobility of Wages - Regional Estimates of Wages')
    expect(item['container-title']).toBe('Quartalshefte zur Arbeitsmarktforschung')
  })

  test('a series begun inside its brackets runs from the bracket', () => {
    const item = parsed('Meier,|a Karl.|a 1961.|d Anton|t Roth und Kant. Ein Beitrag zur Geschichte der Philosophie (Marburger Studien zur Kultur und|j Politik,|j Bd.|v 7).|v Marburg:|l Elwert.|u')
    expect(item.title).toBe('Anton Roth und Kant. Ein Beitrag zur Geschichte der Philosophie')
  })

  test('a journal begun after a stop keeps its start', () => {
    const item = parsed('Lund,|a P. (1980):|d Growth|t or Decline? East Prussia in the 1920s.|t Baltic|j Studies,|j 32:|v 77-98.|p')
    expect(item.title).toBe('Growth or Decline? East Prussia in the 1920s')
    expect(item['container-title']).toBe('Baltic Studies')
  })

  test('a run that ends a sentence inside it was begun too early, not too late', () => {
    const item = parsed('Holm,|a K. (2015).|d Reading|t Habits and School Choice: Pupils Views.|j Education|j and Society,|j 40,|v 3-9.|p')
    expect(item.title).toBe('Reading Habits and School Choice: Pupils Views')
    expect(item['container-title']).toBe('Education and Society')
  })

  test('the words after `in` inside a title are not moved', () => {
    const item = parsed('Zahn,|a C. (2009):|d Wandel:|t eine Regionalmacht mit globalen Ansprüchen|t in:|c Der Süden im Wandel,|c Bonn:|l Dietz,|u 49-67|p')
    expect(item.title).toBe('Wandel: eine Regionalmacht mit globalen Ansprüchen')
    expect(item['container-title']).toBe('Der Süden im Wandel')
  })
})

describe('a journal named with a preposition', () => {
  test('`Aus` opening a journal’s name is kept', () => {
    const item = parsed('Roth,|a Eva,|a 1999.|d Die|t neue Mitte.|t Aus|j Politik und Gesellschaft.|j B12/99:|v 3-17|p')
    expect(item['container-title']).toBe('Aus Politik und Gesellschaft')
  })

  test('`in:` before the journal is dropped', () => {
    const item = parsed('Roth,|a Eva,|a 1999:|d Die|t neue Mitte,|t in:|j Politik und Gesellschaft|j 12,|v S.|p 3-17.|p')
    expect(item['container-title']).toBe('Politik und Gesellschaft')
  })
})

describe('the end of a book read as its place or publisher', () => {
  test('a run between two parts of the book is the book', () => {
    const item = parsed('Kato,|a Hiro|a (2007),|d Coastal|t Defence,|t in:|e Berg,|e Tom|e (Hrsg.),|e Japan|c in World Politics:|l The|c Trading State,|c Boulder:|l Rienner,|u 47-73.|p')
    expect(item['container-title']).toBe('Japan in World Politics: The Trading State')
    expect(item['publisher-place']).toBe('Boulder')
  })

  test('a run before the pages, with the place printed later, is the book', () => {
    const item = parsed('Imhof,|a P. (2004).|d Streit|t um Worte. In|e W. Lenz (Hrsg.),|e Konflikt.|c Ursachen,|c Verläufe,|l Deutungen|l (S.|p 125-148).|p Bonn:|l Dietz.|u')
    expect(item['container-title']).toBe('Konflikt. Ursachen, Verläufe, Deutungen')
    expect(item['publisher-place']).toBe('Bonn')
  })

  test('a run opening in lower case is the book up to its comma', () => {
    const item = parsed('Mahler,|a G. (2005):|d Neue|t Partner,|t in:|e Amt|e für Politik (Hrsg.),|e Außenpolitik|c nach|l der Wende,|l Berlin.|l')
    expect(item['container-title']).toBe('Außenpolitik nach der Wende')
    expect(item['publisher-place']).toBe('Berlin')
  })

  test('a subtitle after a colon, read as the publisher before the place and publisher, is the book', () => {
    const item = parsed('Zoll,|a C. (2009):|d Chile.|t In:|e J. Hus (Hrsg.),|e Neue|c Mächte:|c Partner|u der Politik?,|u Baden-Baden:|l Nomos,|u 49-67|p')
    expect(item['container-title']).toBe('Neue Mächte: Partner der Politik?')
    expect(item.publisher).toBe('Nomos')
  })

  test('a town after the book stays its place', () => {
    const item = parsed('Roth,|a A. (2001):|d Wege.|t In:|e B. Lind (Hg.):|e Stadt|c und Land.|c Wien:|l Passagen,|u 12-30.|p')
    expect(item['container-title']).toBe('Stadt und Land')
    expect(item['publisher-place']).toBe('Wien')
    const before = parsed('Roth,|a A. (2001):|d Wege.|t In:|e B. Lind (Hg.):|e Stadt|c und Land,|c Wien|l (S.|p 12-30).|p')
    expect(before['container-title']).toBe('Stadt und Land')
    expect(before['publisher-place']).toBe('Wien')
  })
})

describe('publication facts at the end of a book’s title', () => {
  test('a town and its connective before the place are the place', () => {
    const item = parsed('Kalb,|a J. (2003):|d Kinder|t im Wandel.|t In:|e Ortner,|e Kai (Hg.):|e Das|c Schulwesen. Strukturen im Überblick. Reinbek bei|c Hamburg:|l Rowohlt,|u S.|p 12-30.|p')
    expect(item['container-title']).toBe('Das Schulwesen. Strukturen im Überblick')
    expect(item['publisher-place']).toBe('Reinbek bei Hamburg')
  })

  test('towns joined by slashes after the book’s stop are its places', () => {
    const item = parsed('Zinn,|a J. (1985):|d Jugend|t heute.|t In:|e Baake,|e D. (Hrsg.):|e Neue|c Fragen. Jugendliche heute. – Weinheim/München,|c S.|p 24-45.|p')
    expect(item['container-title']).toBe('Neue Fragen. Jugendliche heute')
    expect(item['publisher-place']).toBe('Weinheim/München')
  })

  test('a volume’s number after the book’s name is its volume', () => {
    const item = parsed('Lohmann,|a Nils (1990):|d Risiko|t und Zufall.|t In|c Soziologische Schriften 5,|c Opladen,|l 131-169.|p')
    expect(item['container-title']).toBe('Soziologische Schriften')
    expect(item.volume).toBe('5')
  })

  test('a number that names the book stays', () => {
    const item = parsed('Lohmann,|a Nils (1990):|d Risiko.|t In:|c Handbuch der Erhebungen, Version 6,|c Mannheim.|l')
    expect(item['container-title']).toBe('Handbuch der Erhebungen, Version 6')
  })
})

describe('a subtitle read as a container', () => {
  test('a book’s subtitle before its place and publisher is its title', () => {
    const item = parsed('Brandt,|e Jost (Hg.).|e 2002.|d Der|t lange Frieden.|t Politik|j und Alltag|j nach|other 1945.|other Essen:|l Klartext.|u')
    expect(item.title).toBe('Der lange Frieden. Politik und Alltag nach 1945')
    expect(item['container-title']).toBeUndefined()
  })

  test('a title the labeller cut in mid-phrase is whole again', () => {
    const item = parsed('Europäische|a Kommission,|a 2000:|d Soziale|t Lage in|t Europa|c 1999.|c Luxemburg:|l Amt|u für Veröffentlichungen.|u')
    expect(item.title).toBe('Soziale Lage in Europa 1999')
    expect(item['container-title']).toBeUndefined()
  })

  test('a series, a book after `In:` and a journal with its volume stay containers', () => {
    expect(parsed('Lind,|a K. (2004).|d Arbeit|t im Wandel.|t Materialien|c zur Arbeit.|c Bonn:|l Dietz.|u')['container-title']).toBe('Materialien zur Arbeit')
    expect(parsed('Lind,|a K. (2004).|d Arbeit|t im Wandel.|t In:|c Stadt und Land.|c Bonn:|l Dietz.|u')['container-title']).toBe('Stadt und Land')
    expect(parsed('Lind,|a K. (2004).|d Arbeit|t im Wandel.|t Stadt|j und Land,|j 12,|v 3-9.|p')['container-title']).toBe('Stadt und Land')
    expect(parsed('Lind,|a K. (2004).|d Arbeit|t im Wandel.|t OECD|c Indicators.|c Paris.|l')['container-title']).toBe('OECD Indicators')
  })
})

describe('the end of a journal’s name', () => {
  test('its abbreviation in brackets is part of it', () => {
    const item = parsed('Rau,|a B. (2006):|d „Zwischen|t den Ländern“,|t Die|j Arbeitsgerichtsbarkeit|j (AGb):|v 109-116.|p')
    expect(item['container-title']).toBe('Die Arbeitsgerichtsbarkeit (AGb)')
  })

  test('a name ending on a connective runs to its stop', () => {
    const item = parsed('Mayer,|a K. (2001).|d Child|t care.|t Studies|j of Peace and|j Conflict,|v 12,|v 33-45.|p')
    expect(item['container-title']).toBe('Studies of Peace and Conflict')
  })

  test('a name without its stop runs over words left unlabelled', () => {
    const item = parsed('Mayer,|a K. (2001).|d Child|t care.|t In:|c Jahrbuch der Stadt|c Mitte.|other Bonn:|l Dietz.|u')
    expect(item['container-title']).toBe('Jahrbuch der Stadt Mitte')
  })

  test('a town after a name without its stop stays the place', () => {
    const item = parsed('Mayer,|a K. (2001).|d Child|t care.|t In:|c Jahrbuch der Stadt|c Berlin:|l Dietz.|u')
    expect(item['container-title']).toBe('Jahrbuch der Stadt')
    expect(item['publisher-place']).toBe('Berlin')
  })
})

describe('a journal inside the title', () => {
  test('the words after the title’s last stop, before a volume and a range of pages, are the journal', () => {
    const item = parsed('Auer,|a Felix (1913):|d Das|t Gesetz der Städte. Geographische Blätter,|t Band|l 59,|l S.|p 73–76.|p')
    expect(item.title).toBe('Das Gesetz der Städte')
    expect(item['container-title']).toBe('Geographische Blätter')
    expect(item.volume).toBe('59')
  })

  test('a book’s volume without pages keeps its title', () => {
    const item = parsed('Auer,|a Felix (1913):|d Das|t Gesetz der Städte. Geographische Schriften,|t Band|v 2.|v Berlin:|l Reimer.|u')
    expect(item.title).toBe('Das Gesetz der Städte. Geographische Schriften')
  })
})

describe('a journal begun inside the title', () => {
  test('it begins after the title’s last full stop', () => {
    const item = parsed('Horn,|a Carla,|a 2000:|d Probleme|t des 21.|t Jahrhunderts|j aus deutscher Sicht. Zeitschrift für Demographie|j 3-4:|v 375-398.|p')
    expect(item.title).toBe('Probleme des 21. Jahrhunderts aus deutscher Sicht')
    expect(item['container-title']).toBe('Zeitschrift für Demographie')
  })

  test('a journal named before another, and abbreviated names, are left whole', () => {
    expect(parsed('Horn,|a C. (2007).|d Vielfalt.|t Femina|j Libera. Zeitschrift für Politik,|j 2,|v 3-9.|p')['container-title']).toBe('Femina Libera. Zeitschrift für Politik')
    expect(parsed('Lima|a MA.|a Um|t projeto de educação.|t Rev.|j Bras. Educ. Med.|j 2006;|d')['container-title']).toBe('Rev. Bras. Educ. Med')
  })
})

describe('the author named before the book of her works', () => {
  test('is no part of the book’s title', () => {
    const item = parsed('Gee,|a Samuel (1915).|d Clinical|t notes.|t In|c Samuel Gee, Medical lectures and notes|c (pp.243-304).|p London:|l Frowde.|u')
    expect(item['container-title']).toBe('Medical lectures and notes')
  })

  test('a book about its author keeps the name', () => {
    const item = parsed('Berg,|a J. (2012):|d Lesen.|t In:|e Lind,|e N. (Hrsg.):|e Judith|c Berg: Pädagogische Lektüren.|c Wiesbaden.|l')
    expect(item['container-title']).toBe('Judith Berg: Pädagogische Lektüren')
  })

  test('`ders.` before the book is dropped', () => {
    const item = parsed('Gog,|a Gerd,|a 2014,|d Introduction.|t In:|e ders.,|c Companion to Mobile Media.|c New|l York:|l Routledge.|u')
    expect(item['container-title']).toBe('Companion to Mobile Media')
  })
})

describe('more of a book’s and journal’s edges', () => {
  test('the author named with a colon before the book of her works, without editors, is dropped', () => {
    const item = parsed('Frey,|a Nina (1994).|d Die|t Frauen,|t in:|c Nina Frey: Widerspenstige Dinge,|c Frankfurt,|l 222-248.|p')
    expect(item['container-title']).toBe('Widerspenstige Dinge')
  })

  test('a volume’s cue alone read as the journal is the volume’s, and the journal is found in the title', () => {
    const item = parsed('Gerz,|a Wolf (1984):|d Statistische|t Angaben. Jahrbücher für Statistik und Landeskunde,|t Jahrgang|j 29,|v S.151-158.|p')
    expect(item.title).toBe('Statistische Angaben')
    expect(item['container-title']).toBe('Jahrbücher für Statistik und Landeskunde')
  })
})

describe('a book’s first word read as its place', () => {
  test('after the editors’ cue, a word and its colon before the book open the book', () => {
    const item = parsed('Medina,|a Paul (2007).|d Exile.|t In|e Ana O. Herr (Ed.),|e Kuba:|l Idea|c of a nation (pp.3-11).|p Albany:|l Sun.|u')
    expect(item['container-title']).toBe('Kuba: Idea of a nation')
    expect(item['publisher-place']).toBe('Albany')
  })

  test('a known town and its colon stay the place', () => {
    const item = parsed('Medina,|a Paul (2007).|d Exile.|t In|e Ana O. Herr (Ed.),|e Berlin:|l Idea|c of a nation (pp.3-11).|p')
    expect(item['container-title']).toBe('Idea of a nation')
  })
})

describe('a place and access words at the end of a book’s name', () => {
  test('one unknown name after the last comma is the place', () => {
    const item = parsed('Wacker,|a E. (2007),|d Umwelten,|t in:|e Amt|e für Alter (Hg.),|e Ziele|c in der Altenpolitik, Gütersloh,|c S.|p 12-20.|p')
    expect(item['container-title']).toBe('Ziele in der Altenpolitik')
    expect(item['publisher-place']).toBe('Gütersloh')
  })

  test('the last of a list, a common noun and a series’ part stay in the name', () => {
    expect(parsed('Mick,|a O. (1992):|d Industrie.|t In:|e M. Heid (Hg.):|e Krisen,|c Kader, Kombinate,|c 29-45.|p')['container-title']).toBe('Krisen, Kader, Kombinate')
    expect(parsed('Mick,|a O. (1992):|d Industrie.|t In:|c Arbeit und Technik, Materialband,|c 29-45.|p')['container-title']).toBe('Arbeit und Technik, Materialband')
  })

  test('`im Internet` and `o. J.` are no part of the name', () => {
    expect(parsed('Walder,|a A. (2002):|d Fakten.|t In:|c Bürgerbus-Seite. Im Internet:|c <http://example.org/bus>|url')['container-title']).toBe('Bürgerbus-Seite')
    expect(parsed('Pomm,|a W. (1983):|d Steuern,|t in:|c Zeitschrift für Statistik, o. J./|c Heft|v 3,|v 261-284.|p')['container-title']).toBe('Zeitschrift für Statistik')
  })
})

describe('a book’s name ending on a connective at the reference’s end', () => {
  test('runs to the end', () => {
    const item = parsed('Bart,|a S. (2004):|d Peripheries.|t In:|e Ansel,|e C. (eds.):|e Territoriality:|c Europe and the|c Baltic|l States|l')
    expect(item['container-title']).toBe('Territoriality: Europe and the Baltic States')
  })
})

describe('a title ending on a connective', () => {
  test('runs over the journal the labeller began after it, with no stop to begin after', () => {
    const item = parsed('Jameson,|a W. (1890)|d The|t Principles of|t Memory|j (Vol.|v 1).|v New|l York:|l Holt.|u')
    expect(item.title).toBe('The Principles of Memory')
    expect(item['container-title']).toBeUndefined()
  })

  test('a journal with a stop before it keeps its words', () => {
    const item = parsed('Jonas,|a S. (2007).|d Outcomes|t after birth. Seminars in Fetal and|t Neonatal|j Medicine,|j 12,|v 363-373.|p')
    expect(item['container-title']).toBe('Seminars in Fetal and Neonatal Medicine')
  })
})

describe('an editors’ cue alone', () => {
  test('is no container', () => {
    const item = parsed('Möller,|a K. (2004):|d Lebenslagen|t von Frauen, Langfassung.|t Herausgegeben|c vom|e Ministerium für Familie.|e')
    expect(item['container-title']).toBeUndefined()
  })
})
