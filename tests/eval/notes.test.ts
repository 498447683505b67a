/** Note placement (pipeline/eval/notes.ts): gold notes against the footnotes of annotated Markdown. */
import {describe, expect, it} from 'vitest'
import {type GoldNote, mapNotes, normalizeGold, notesOfMarkdown, placeNotes} from '../../pipeline/eval/notes.js'

const doc = (body: string) => `---\ntitle: "T"\nslug: "t"\n---\n\n${body}\n`

function gold(n: number, refContext: string | null, noteStart: string, noteEnd: string, extraRefContexts?: string[]): GoldNote {
  return {n, label: String(n), refMark: `[${n}]`, refContext, noteStart, noteEnd, ...(extraRefContexts ? {extraRefContexts} : {})}
}

describe('note placement', () => {
  it('reads emendations by their original, removed artifacts by their text, and ignores emphasis and tags', () => {
    const notes = notesOfMarkdown(doc([
      'The lease is in *the* estate papers.[^1] A second claim.[^2]',
      '',
      '[^1]: Fond 12, Delo 45, :emend[l.]{orig="1." rule="ocr-folio"} 18-30, :emend[closed]{orig="clo-\nsed" rule="hyphenation"} file.',
      '',
      '[^2]: *Ibid*. p. 4 \\[\\*\\*query] :removed[\\[EAM1\\]]{rule="word-comment-anchor"} end.'
    ].join('\n')))
    const placement = placeNotes([
      gold(1, 'is in <i>the</i> estate papers.', 'Fond 12, Delo 45, 1. 18-30, clo-\r\nsed', 'file.'),
      gold(2, 'A second\r\nclaim.', '<i>Ibid</i>. p. 4', '[EAM1] end.')
    ], notes)
    expect(placement).toEqual({placed: 2, misses: [], matches: new Map([[1, 0], [2, 1]])})
  })

  it('drops a piece of tag where a gold string was cut, and decodes entities', () => {
    expect(normalizeGold('rendition="#subscript">2</hi> aus CO')).toBe('2 aus CO')
    expect(normalizeGold('Printing &amp; Publishing&#160;Co. <hi rend=')).toBe('Printing & Publishing Co.')
    expect(normalizeGold('Letter [**sic?] from\n   <hi>Agnes</hi>')).toBe('Letter from Agnes')
  })

  it('matches a gold note to one output note only, requires every reference context, and none when refContext is null', () => {
    const notes = notesOfMarkdown(doc([
      'First call.[^1] Second call.[^1] Third.[^2]',
      '',
      '[^1]: Same text.',
      '',
      '[^2]: Other text.',
      '',
      '[^3]: Unreferenced note.'
    ].join('\n')))
    const placement = placeNotes([
      gold(1, 'First call.', 'Same text.', 'Same text.', ['Second call.']),
      gold(2, 'First call.', 'Same text.', 'Same text.'),
      gold(3, 'Third.', 'Other text.', 'Other text.', ['Fourth.']),
      gold(4, null, 'Unreferenced', 'note.')
    ], notes)
    expect(placement.placed).toBe(2)
    expect(placement.misses.map((miss) => [miss.n, miss.reason])).toEqual([
      [2, 'taken: note [^1] fits but matches gold n=1'],
      [3, 'wrong context: [^2] called after `First call. Second call. Third.`, gold `Fourth.`']
    ])
  })

  it('finds the one-to-one matching with the most notes placed, not the first fit', () => {
    // Gold 1 fits both notes, gold 2 only the first: a greedy match would place one.
    const notes = notesOfMarkdown(doc('A.[^1] B.[^2]\n\n[^1]: Ibid. p. 4.\n\n[^2]: Ibid. p. 4.'))
    const placement = placeNotes([gold(1, null, 'Ibid.', 'p. 4.'), gold(2, 'A.', 'Ibid.', 'p. 4.')], notes)
    expect(placement).toEqual({placed: 2, misses: [], matches: new Map([[1, 1], [2, 0]])})
  })

  it('maps a gold note not placed right to a free note that starts with its start, else holds it', () => {
    const notes = notesOfMarkdown(doc('A.[^1] B.[^2] C.[^3]\n\n[^1]: Ward, p. 4.\n\n[^2]: Lee, p. 9. Also Ward, p. 5.\n\n[^3]: Cole, p. 2. Hart, p. 8.'))
    const golds = [gold(1, 'A.', 'Ward, p. 4.', 'p. 4.'), gold(2, 'B.', 'Lee, p. 9.', 'p. 9.'), gold(3, 'C.', 'Hart, p. 8.', 'p. 8.'), gold(4, null, 'Moss', 'p. 1.')]
    const placement = placeNotes(golds, notes)
    expect(placement.matches).toEqual(new Map([[1, 0]]))
    expect(mapNotes(golds, notes, placement)).toEqual({map: new Map([[1, 0], [2, 1], [3, 2]]), loose: [2, 3]})
  })
})
