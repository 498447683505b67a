// A document's language told from its text when nothing declares it. Texts written for these tests.
import {describe, expect, it} from 'vitest'
import {detectLanguage} from '../../pipeline/ingest/language.js'

describe('the language of a text without a declared one', () => {
  it('tells the common languages of an edition apart', () => {
    expect(detectLanguage('Die Mühle am Bach wurde im Jahre 1350 zuerst erwähnt. Der Müller zahlte dem Kloster jährlich zwei Scheffel Roggen und einen Hahn.')).toBe('de')
    expect(detectLanguage('Le moulin du village fut bâti en 1350 par les moines. Le meunier payait chaque année deux setiers de seigle à l’abbaye voisine.')).toBe('fr')
    expect(detectLanguage('Il mulino del paese fu costruito nel 1350 dai monaci. Il mugnaio pagava ogni anno due staia di segale al monastero vicino.')).toBe('it')
    expect(detectLanguage('Мельница у ручья впервые упоминается в 1350 году. Мельник ежегодно платил монастырю две меры ржи и одного петуха.')).toBe('ru')
    // Russian and Ukrainian by the letters only one of them writes.
    expect(detectLanguage('Млин біля струмка вперше згадується у 1350 році. Мірошник щороку платив монастирю дві міри жита і одного півня.')).toBe('uk')
    // English, not a close relative franc would otherwise pick (Scots).
    expect(detectLanguage('The mill by the brook is first mentioned in 1350. The miller paid the abbey two bushels of rye and a cockerel every year.')).toBe('en')
  })

  it('takes a text too short to tell for English', () => {
    expect(detectLanguage('Die Mühle.')).toBe('en')
    expect(detectLanguage('')).toBe('en')
  })
})
