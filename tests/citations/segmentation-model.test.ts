import {describe, expect, test} from 'vitest'
import {labelled} from './labelled-words.js'
import {parseReferences} from '../../pipeline/citations/model/index.js'
import {namesRunOn} from '../../pipeline/citations/model/boundary.js'

describe('a name or title is not cut after a connective', () => {
  test('words left unlabelled after a connective take the field, up to the stop', () => {
    const {texts, labels} = labelled('Wien:/location Verlag/publisher für/publisher die/other Alten/other Sprachen./other Vgl./other')
    namesRunOn(texts, labels)
    expect(labels).toEqual(['location', 'publisher', 'publisher', 'publisher', 'publisher', 'publisher', 'other'])
  })

  test('a connective left unlabelled after a word continues the field', () => {
    const {texts, labels} = labelled('Berlin:/location Haus/publisher der/other Kunst./other')
    namesRunOn(texts, labels)
    expect(labels).toEqual(['location', 'publisher', 'publisher', 'publisher'])
  })

  test('a day number in the run is no stop', () => {
    const {texts, labels} = labelled('Bericht/note zur/other Sitzung/other am/other 9./other und/other 10./other Juni/other 2015./other')
    namesRunOn(texts, labels)
    expect(labels.every((label) => label === 'note')).toBe(true)
  })

  test('the word after a connective starts no reference', () => {
    const {texts, labels} = labelled('Institut/title für/title Stadtgeschichte/title 1999./date')
    expect(namesRunOn(texts, labels)).toEqual([2])
  })

  test('commentary after the field stays outside', () => {
    const {texts, labels} = labelled('Welt/title und/other wurde/other oft/other zitiert./other')
    namesRunOn(texts, labels)
    expect(labels.slice(1)).toEqual(['other', 'other', 'other', 'other'])
  })

  test('a run with no stop before more unlabelled words stays outside', () => {
    const {texts, labels} = labelled('Welt/title und/other (siehe/other oben)/other')
    namesRunOn(texts, labels)
    expect(labels.slice(1)).toEqual(['other', 'other', 'other'])
  })

  test('a word ending on a stop is no name cut short', () => {
    const {texts, labels} = labelled('Welt./title Das/other Buch/other für/other alle./other')
    namesRunOn(texts, labels)
    expect(labels.slice(1)).toEqual(['other', 'other', 'other', 'other'])
  })
})

describe('references keep the end of a publisher name', () => {
  test('a publisher ending on `für … und …`', () => {
    const found = parseReferences('Sommer, Ulla (2016): Segeln im Wechsel der Winde. Kiel: Verlag für Schifffahrt und Küste.')
    expect(found.map((reference) => reference.text)).toEqual(['Sommer, Ulla (2016): Segeln im Wechsel der Winde. Kiel: Verlag für Schifffahrt und Küste.'])
  })

  test('a publisher whose name goes on after `für`', () => {
    const text = 'Arbeitskreis Deichschutz (2014): Deiche an der offenen Küste. Erste Befunde, Husum: Gesellschaft für die Freunde des Wattenmeers e.V.'
    expect(parseReferences(text).map((reference) => reference.text)).toEqual([text])
  })

  test('short citations in a row stay apart', () => {
    const found = parseReferences('Vgl. Brandt (2004); Olsen (2011); Kühn (2009).')
    expect(found.length).toBe(3)
  })
})

describe('a range of days is one date', () => {
  test('no reference starts inside `am 9. und 10. Juni`', () => {
    const {texts, labels} = labelled('Sitzung/title am/title 9./volume und/volume 10./date Juni/date 2015/date')
    expect(namesRunOn(texts, labels)).toEqual(expect.arrayContaining([3, 4]))
  })
})

test('the rest of a range of days left unlabelled is the date, to its year', () => {
  const {texts, labels} = labelled('Sitzung/title am/title 9./volume und/other 10./other Juni/other 2015/other in/other Husum./other')
  namesRunOn(texts, labels)
  expect(labels.slice(3)).toEqual(['date', 'date', 'date', 'date', 'other', 'other'])
})
