/**
 * A long synthetic document for the footnote-placement tests: many notes, some short, some
 * long enough to run over onto the next page, clusters of calls in one paragraph, notes of
 * several paragraphs, citations and emendations inside notes. Deterministic (seeded), and it
 * returns for every note the words just before its call and the first words of its text, as
 * the gold notes do for the seeds.
 */
import type {NoteExpectation} from '../../pipeline/pdf/placement.js'
import type {DocumentMeta} from '../../pipeline/shared/types/document.js'

export type {NoteExpectation}

export interface GeneratedDocument {
  meta: DocumentMeta
  markdown: string
  notes: NoteExpectation[]
  /** Citation keys used, each with a title, for a bibliography. */
  works: Array<{key: string; title: string}>
}

export interface GenerateOptions {
  slug?: string
  /** Number of notes (default 120). */
  notes?: number
  seed?: number
}

const vocabulary = (
  'the committee report ministry telegram embassy delegation army peninsula question policy ' +
  'negotiation treaty government archive document decision conference leadership advance ' +
  'offensive support position interest security agreement proposal instruction response ' +
  'evidence account analysis period border forces regime party influence alliance session ' +
  'of to in and for on with from by as that which was were had not it this their under'
).split(' ')

/** Small linear congruential generator: the same seed gives the same document. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const syllables = ['ba', 'ko', 'du', 'mi', 'ra', 'te', 'lo', 'su', 'ne', 'vi', 'pa', 'go', 'zu', 'he', 'fa', 'ki', 'mo', 'ru', 'se', 'ta']

/** A made-up word unique to `n` (and to `salt`), so pdftotext matches cannot be confused. */
function uniqueWord(n: number, salt: string): string {
  let word = salt
  let rest = n
  do {
    word += syllables[rest % syllables.length]
    rest = Math.floor(rest / syllables.length)
  } while (rest > 0)
  return word
}

/** Generate the document. */
export function generateLongDocument(options: GenerateOptions = {}): GeneratedDocument {
  const slug = options.slug ?? 'long-synthetic'
  const noteTotal = options.notes ?? 120
  const next = random(options.seed ?? 7)
  const pick = () => vocabulary[Math.floor(next() * vocabulary.length)] ?? 'the'
  const words = (count: number) => Array.from({length: count}, pick).join(' ')
  const sentence = (count: number) => {
    const text = words(count)
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
  }

  const notes: NoteExpectation[] = []
  const definitions: string[] = []
  const works: Array<{key: string; title: string}> = []
  const paragraphs: string[] = []
  let n = 0
  let section = 0
  while (n < noteTotal) {
    if (paragraphs.length % 6 === 0) {
      section++
      paragraphs.push(`## Section ${section}: ${sentence(3).slice(0, -1)}`)
    }
    // Most paragraphs carry one or two calls; every ninth is a dense cluster of five.
    const calls = paragraphs.length % 9 === 4 ? 5 : 1 + Math.floor(next() * 2)
    let paragraph = sentence(12 + Math.floor(next() * 30))
    for (let call = 0; call < calls && n < noteTotal; call++) {
      n++
      const context = sentence(4).slice(0, -1) + ` ${uniqueWord(n, 'ref')}.`
      paragraph += ` ${sentence(6 + Math.floor(next() * 20))} ${context}[^${n}]`
      const start = `${uniqueWord(n, 'Note')} ${words(5)}`
      const kind = n % 17 === 0 ? 'long' : n % 11 === 0 ? 'paragraphs' : n % 5 === 0 ? 'cite' : 'short'
      let body: string
      switch (kind) {
        case 'long':
          // Half a page, or (every other one) more than a page, which must run over.
          body = `${start} ${Array.from({length: n % 34 === 0 ? 110 : 40}, () => sentence(10 + Math.floor(next() * 12))).join(' ')}`
          break
        case 'paragraphs':
          body = `${start} ${sentence(20)}\n\n    ${sentence(25)} ${sentence(15)}`
          break
        case 'cite': {
          const key = `work${n}`
          works.push({key, title: `${sentence(6).slice(0, -1)}`})
          body = `${start} see :cite[${sentence(8).slice(0, -1)}, :emend[l.]{orig="1." rule="ocr-folio"} ${n}]{key="${key}" locator="${n}" label="folio"}.`
          break
        }
        default:
          body = `${start} ${sentence(6 + Math.floor(next() * 25))}`
      }
      const end = body.replace(/:cite\[|\]\{[^}]*\}|:emend\[|\s+/g, ' ').trim().split(' ').slice(-4).join(' ')
      notes.push({n, refContext: context, noteStart: start, noteEnd: end})
      definitions.push(`[^${n}]: ${body}`)
    }
    paragraph += ` ${sentence(10 + Math.floor(next() * 40))}`
    paragraphs.push(paragraph)
  }
  const meta: DocumentMeta = {
    slug,
    title: 'A Long Synthetic Working Paper on Notes That Run Over Pages',
    shortTitle: 'Long Synthetic Paper',
    authors: ['Ada Testwriter'],
    date: '1999-05',
    publication: 'Generated Working Papers 1',
    kind: 'working-paper',
    language: 'en',
    source: `sources/${slug}.txt`,
    sha256: 'generated',
    convention: 'markdown-footnotes',
    truncated: false,
    counts: {notes: notes.length, paragraphs: paragraphs.length, emendations: {'ocr-folio': works.length}, removed: {}}
  }
  const front = [
    '---',
    `title: "${meta.title}"`,
    `shortTitle: "${meta.shortTitle}"`,
    `slug: "${slug}"`,
    `authors: ["${meta.authors[0]}"]`,
    `date: "${meta.date}"`,
    `publication: "${meta.publication}"`,
    'kind: "working-paper"',
    'language: "en"',
    'truncated: false',
    `source: "${meta.source}"`,
    'sha256: "generated"',
    'convention: "markdown-footnotes"',
    `counts: {notes: ${notes.length}, paragraphs: ${paragraphs.length}, emendations: {ocr-folio: ${works.length}}, removed: {}}`,
    '---'
  ].join('\n')
  const markdown = `${front}\n\n${paragraphs.join('\n\n')}\n\n${definitions.join('\n\n')}\n`
  return {meta, markdown, notes, works}
}
