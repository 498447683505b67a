/**
 * Big and adversarial sources, made at run time (never committed): a text of many megabytes,
 * a text with thousands of notes, and long lines built to make naive patterns backtrack.
 */

const vocabulary = ['the', 'war', 'in', 'Korea', 'began', 'when', 'northern', 'forces', 'crossed', 'parallel', 'and', 'Soviet', 'advisers', 'watched', 'Stalin', 'approve', 'plan', 'of', 'attack']

/** A deterministic stream of words (a linear congruential generator: no Math.random). */
function* wordStream(seed = 1): Generator<string> {
  let state = seed
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    yield vocabulary[state % vocabulary.length] ?? 'the'
  }
}

/** Plain text of at least `bytes` bytes, in paragraphs of 80 words. */
export function bigText(bytes: number): string {
  const words = wordStream()
  const paragraphs: string[] = []
  let size = 0
  while (size < bytes) {
    const sentence: string[] = []
    for (let index = 0; index < 80; index++) sentence.push(words.next().value ?? 'the')
    const paragraph = `${sentence.join(' ')}.`
    paragraphs.push(paragraph)
    size += paragraph.length + 2
  }
  return `${paragraphs.join('\n\n')}\n`
}

/** Citation shapes the notes cycle through: books, articles, archival files, Ibid. */
const noteShapes: Array<(n: number) => string> = [
  (n) => `Author${n} Surname, Title of Work ${n} (Seoul: Press, ${1950 + (n % 50)}), ${n}.`,
  (n) => `Writer${n} Name, “An Article ${n},” Journal of Studies ${n % 40} (${1960 + (n % 40)}): ${n}-${n + 3}.`,
  (n) => `AVP RF, Fond 059a, Opis 5a, Delo ${n % 90}, Papka ${n % 12}, listy ${n}-${n + 2}.`,
  () => 'Ibid.',
  (n) => `Ibid., ${n}.`
]

/** Bracketed endnotes: `count` references in paragraphs of ten sentences, then the notes. */
export function manyNotes(count: number): string {
  const paragraphs: string[] = []
  for (let start = 1; start <= count; start += 10) {
    const sentences: string[] = []
    for (let n = start; n < Math.min(start + 10, count + 1); n++) sentences.push(`Sentence ${n} is about the Korean War.[${n}]`)
    paragraphs.push(sentences.join(' '))
  }
  const notes: string[] = []
  for (let n = 1; n <= count; n++) notes.push(`[${n}] ${(noteShapes[n % noteShapes.length] ?? noteShapes[0]!)(n)}`)
  return `Many Notes on the Korean War\n\n${paragraphs.join('\n\n')}\n\nNotes\n\n${notes.join('\n')}\n`
}

/**
 * Lines that defeat patterns with nested or overlapping quantifiers: long runs of one character
 * class with no match at the end, repeated near-markers, unclosed brackets and quotes.
 */
export const adversarialLines: Record<string, (length: number) => string> = {
  spaces: (length) => `a${' '.repeat(length)}b`,
  digits: (length) => `${'1'.repeat(length)}x`,
  dots: (length) => `${'.'.repeat(length)}!`,
  commas: (length) => `${', '.repeat(length / 2)}x`,
  openBrackets: (length) => '['.repeat(length),
  bracketDigits: (length) => '[1'.repeat(length / 2),
  superscripts: (length) => '¹²³'.repeat(length / 3),
  footnoteRefs: (length) => '[footnoteRef:'.repeat(length / 13),
  inlineNotes: (length) => '[1: '.repeat(length / 4),
  quotes: (length) => '“a, '.repeat(length / 4),
  hyphens: (length) => 'a-\n'.repeat(length / 3),
  capitals: (length) => 'A. '.repeat(length / 3),
  archival: (length) => 'Fond 1, Opis 2, Delo 3, '.repeat(length / 24),
  letters: (length) => `${'a'.repeat(length)}1`,
  directives: (length) => ':emend['.repeat(length / 7),
  mixed: (length) => 'Ibid., p. 1; op. cit., '.repeat(length / 24),
  citationBlanks: (length) => `Shtykov to Stalin,${' '.repeat(length / 2)}and AVP RF, Fond 07, Opis 23a, Delo 251, ibid${' '.repeat(length / 2)}l. 7, cited in Weathersby, 23`
}
