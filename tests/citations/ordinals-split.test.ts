import {describe, expect, test} from 'vitest'
import {splitNote} from '../../pipeline/citations/split.js'

const pieces = (text: string) => splitNote(text).map((span) => text.slice(span.start, span.end))

describe('an ordinal before the noun it counts ends no sentence', () => {
  test('`2. Aufl.`, `19. Jahrhunderts`, `3. Band` stay inside the citation', () => {
    expect(pieces('Greta Faber, Die Schleusen am Kanal, 2. Aufl., Minden 1928, S. 40.')).toEqual(['Greta Faber, Die Schleusen am Kanal, 2. Aufl., Minden 1928, S. 40'])
    expect(pieces('Greta Faber, Kanalbau des 19. Jahrhunderts, Minden 1928, S. 4.')).toEqual(['Greta Faber, Kanalbau des 19. Jahrhunderts, Minden 1928, S. 4'])
  })

  test('a page before a sentence that opens with such a noun still ends its citation', () => {
    expect(pieces('Faber, Schleusen, S. 2. Band 3 ist verloren.')).toHaveLength(2)
  })
})

describe('German abbreviations end no sentence', () => {
  test('`2 Bde. (Minden …)` and `Hg. Greta Faber` stay in one citation', () => {
    expect(pieces('Greta Faber, *Schleusen und Wehre*, 2 Bde. (Minden: Kanalverlag, 1928), 40.')).toHaveLength(1)
    expect(pieces('*Schleusenbuch*, Hg. Greta Faber (Minden: Kanalverlag, 1928), 40.')).toHaveLength(1)
  })
})
