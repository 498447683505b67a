import {describe, expect, test} from 'vitest'
import {labelled} from './labelled-words.js'
import {parseReferences} from '../../pipeline/citations/model/index.js'
import {headsAfterSemicolon} from '../../pipeline/citations/model/boundary.js'

const texts = (note: string) => parseReferences(note).map((found) => found.text)

describe('a reference closed by its date at the end of a sentence', () => {
  test('two works, each ending with its place and year, are two references', () => {
    expect(texts('Karl Winter, Trade in the East, Leeds 1994. Susan Miller and Dan Ross, The East in the World Economy, Boston 1995.')).toEqual([
      'Karl Winter, Trade in the East, Leeds 1994.',
      'Susan Miller and Dan Ross, The East in the World Economy, Boston 1995.'
    ])
  })

  test('two documents dated by the day are two references', () => {
    expect(texts('Brief des Ministers an den Rat vom 3. 5. 1990. Rundschreiben des Amtes für Bildung vom 12. 6. 1991.')).toEqual([
      'Brief des Ministers an den Rat vom 3. 5. 1990.',
      'Rundschreiben des Amtes für Bildung vom 12. 6. 1991.'
    ])
  })

  test('a date inside the title of an author-date reference closes nothing', () => {
    expect(texts('Landesamt für Häfen (1962a): Erhebung vom 14. März 1962. Verfahren der Erhebung 1962. Kiel: Wachholtz.')).toHaveLength(1)
  })

  test('the year of an author-date reference before its title closes nothing', () => {
    expect(texts('Smith, J. 1990. The Town. London: Pub.')).toHaveLength(1)
  })
})

describe('the head of a reference after a semicolon', () => {
  test('words read as prose between the semicolon and the next reference join it', () => {
    const {texts: words, labels} = labelled('Berlin;/other Institut/other für/title Forschung:/title Studie/title Berlin./location')
    expect(headsAfterSemicolon(words, labels)).toEqual([1])
    expect(labels[1]).toBe('title')
  })

  test('a lead-in after the semicolon stays prose', () => {
    const {texts: words, labels} = labelled('1990;/date vgl./other auch/other Müller/author (1998)./date')
    expect(headsAfterSemicolon(words, labels)).toEqual([])
    expect(labels.slice(1, 3)).toEqual(['other', 'other'])
  })
})

describe('an author-date head of a body', () => {
  test('a body, a comma and the year before the title stay one reference', () => {
    expect(texts('Regional Office of Tourism Research, 2004. The economics of harbours. Available from: <http://www.example.org/harbours>.')).toHaveLength(1)
  })
})

describe('the end of a bracket the prose opened', () => {
  test('with the commentary after it, no reference', () => {
    const found = texts('Die Zählung folgt der Zahl der Betten (in den Stichproben des HAFREG). Für andere Abgrenzungen einer Herberge siehe Vogt, Rahn 2003 .')
    expect(found.some((text) => text.startsWith('HAFREG)'))).toBe(false)
    expect(found.some((text) => text.includes('2003'))).toBe(true)
  })
})

describe('an address that closes a bracket', () => {
  test('stays a reference', () => {
    expect(texts('Mehr dazu findet sich auf der Seite des Projekts (siehe www.example-projekt.de).').some((text) => text.includes('www.example-projekt.de'))).toBe(true)
  })
})

describe('the rest of a sentence opened by an article', () => {
  test('is no reference', () => {
    const found = texts('Dazu stellte die Kammer fest: Der Zweck soll nach der Absicht des Verkäufers dem Handel dienen, also "eng" gebunden sein. Frühere Lieferungen, die der Verkäufer aus anderen Anlässen geleistet hatte, können zwar später als Angebot gelten, wenn er sie wiederholen werde. Nur dann ist die Regel des § 433 BGB erfüllt. (LG Kiel, Urteil vom 7.9.2009, 4 O 12/09).')
    expect(found.some((text) => /^dem\s/.test(text))).toBe(false)
    expect(found).toContain('LG Kiel, Urteil vom 7.9.2009, 4 O 12/09')
  })
})

describe('a title that lost its first word to the labeller', () => {
  test('is still a reference', () => {
    const found = texts('Roth, Karla. 2011. Auf dem Weg zu einer gemeinsamen Kultur? Wiesbaden: VS.')
    expect(found.join(' ')).toContain('Wiesbaden')
  })
})
