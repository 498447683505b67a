/**
 * Labelled references in AnyStyle's XML (`<dataset><sequence><author>…</author>…</sequence>`)
 * read into token sequences, and notes made of them for training: lead-ins, commentary and
 * several references in one note, labelled `other` where no reference is.
 */
import {type Label, isLabel, labelAliases} from './labels.js'
import type {LabelledSequence} from './perceptron.js'
import {random} from './perceptron.js'
import {proseInto, proseSentence, shortReference} from './prose.js'
import {tokenize} from './tokens.js'

const entities: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}

function decode(text: string): string {
  return text
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16))
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
      return entities[name] ?? whole
    })
    .replace(/<\/?(?:italic|i|b|bold|sup|sub|em)>/g, '')
}

/** The sequences of an AnyStyle XML dataset; unknown labels become `note`. */
export function readDataset(xml: string): LabelledSequence[] {
  const out: LabelledSequence[] = []
  for (const sequence of xml.matchAll(/<sequence>([\s\S]*?)<\/sequence>/g)) {
    const tokens: string[] = []
    const found: Label[] = []
    for (const field of (sequence[1] ?? '').matchAll(/<([a-z-]+)>([\s\S]*?)<\/\1>/g)) {
      const name = field[1] ?? ''
      const label: Label = isLabel(name) ? name : (labelAliases[name] ?? 'note')
      for (const token of tokenize(decode(field[2] ?? ''))) {
        tokens.push(token.text)
        found.push(label)
      }
    }
    if (tokens.length > 0) out.push({tokens, labels: found})
  }
  return out
}

/** Words that lead into a citation in notes, by language. */
const leadIns: readonly string[] = [
  'Vgl.', 'vgl.', 'Vgl. auch', 'Vgl. dazu', 'Vgl. hierzu', 'Vgl. etwa', 'vgl. auch', 'Siehe', 'siehe auch', 'S. auch', 'Vgl. z. B.',
  'Vgl. ausführlich', 'Grundlegend:', 'Zit. n.', 'Zitiert nach', 'Dazu:', 'Vgl. u. a.', 'Vgl. unter anderem', 'Ähnlich',
  'See', 'See also', 'Cf.', 'cf.', 'See, e.g.,', 'For example,', 'Quoted in', 'Cited in', 'See generally', 'Compare',
  'Voir', 'Voir aussi', 'Cf. aussi', 'Cfr.', 'Vedi', 'Si veda', 'Vgl. zu diesem Punkt'
]

/** Commentary sentences written for training: text in notes that is no reference. */
const commentary: readonly string[] = [
  'Die Zahlen beziehen sich auf das Jahr der Erhebung.',
  'Hier wird der Begriff im weiteren Sinne verwendet.',
  'Diese Einschätzung teilen auch andere Autoren.',
  'Ausführlich dazu im nächsten Abschnitt.',
  'Zur Diskussion um den Begriff der Öffentlichkeit',
  'Der Verfasser dankt den anonymen Gutachtern für ihre Hinweise.',
  'Die Übersetzung stammt vom Verfasser.',
  'Eine andere Auffassung vertritt',
  'So bereits die ältere Forschung, die allerdings kaum empirisch gearbeitet hat.',
  'Anders als in der Literatur häufig angenommen, war die Zahl der Mitglieder gering.',
  'Die Interviews wurden im Frühjahr 2009 in Berlin geführt.',
  'Zur Geschichte des Instituts',
  'Kritisch dazu',
  'Zum Folgenden',
  'Diese Daten wurden uns freundlicherweise zur Verfügung gestellt.',
  'The figures refer to the year of the survey.',
  'I am grateful to the anonymous reviewers for their comments.',
  'The translation is my own.',
  'For a different view, see the discussion below.',
  'On this point the literature is divided.',
  'This argument has been made most forcefully by',
  'The interviews were conducted in the spring of 2009.',
  'On the history of the institute,',
  'All emphasis in the original.',
  'The term is used here in its wider sense.',
  'La traduction est de l’auteur.',
  'Sur ce point, voir la discussion plus haut.',
  'La traduzione è mia.',
  'Sobre este punto, véase la discusión anterior.'
]

/** Separators between two references of one note: the punctuation that ends the first, then words (`other`). */
const separators: ReadonlyArray<readonly [string, string]> = [
  [';', ''], [';', ''], [';', ''], ['.', ''], ['.', ''], [',', ''], [';', 'sowie'], [';', 'and'], [';', 'ferner'], [',', 'vgl. auch'],
  [';', 'vgl. auch'], ['.', 'Vgl. auch'], [';', 'siehe auch'], ['', 'und'], ['', 'sowie'], [';', 'see also'], ['.', 'See also'], [';', 'dazu auch'],
  ['.', 'Ferner'], ['.', 'Außerdem'], [',', 'ferner'], [';', 'zuletzt'], [';', 'cf.']
]

export interface NoteOptions {
  /** How many notes to make; default: as many as references. */
  count?: number
  seed?: number
}

function pushText(target: LabelledSequence, text: string, label: Label): void {
  for (const token of tokenize(text)) {
    target.tokens.push(token.text)
    target.labels.push(label)
  }
}

/** End the note's last token with `mark` instead of its own closing punctuation. */
function endWith(note: LabelledSequence, mark: string): void {
  const last = note.tokens.length - 1
  if (last < 0) return
  const bare = (note.tokens[last] ?? '').replace(/[.,;:]+$/, '')
  // An abbreviation's period stays (`S. 12 f.` ends `f.`; `ebd.`).
  note.tokens[last] = mark === '' && /\.$/.test(note.tokens[last] ?? '') && bare.length <= 3 ? (note.tokens[last] ?? '') : bare + mark
}

/**
 * Notes made of references: lead-ins, commentary before, between and after them, references
 * inside sentences, and several references separated by `;`, `. `, `, vgl. auch`, `und`. Every
 * note records where each of its references starts (`starts`), for the boundary model.
 */
export function makeNotes(references: readonly LabelledSequence[], options: NoteOptions = {}): LabelledSequence[] {
  const {count = references.length, seed = 7} = options
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const out: LabelledSequence[] = []
  for (let made = 0; made < count; made++) {
    const note: LabelledSequence = {tokens: [], labels: [], starts: []}
    const opening = next()
    if (opening < 0.12) pushText(note, pick(commentary), 'other')
    else if (opening < 0.4) {
      pushText(note, proseSentence(next, pick), 'other')
      if (next() < 0.3) pushText(note, proseSentence(next, pick), 'other')
    }
    const parts = next() < 0.45 ? 1 : next() < 0.7 ? 2 : next() < 0.85 ? 3 : 4
    for (let part = 0; part < parts; part++) {
      if (part > 0) {
        if (next() < 0.15) {
          endWith(note, '.')
          pushText(note, proseSentence(next, pick), 'other')
        } else {
          const [mark, words] = pick(separators)
          endWith(note, mark)
          if (words) pushText(note, words, 'other')
        }
      }
      const into = next()
      if (into < 0.35) pushText(note, pick(leadIns), 'other')
      else if (into < 0.5) pushText(note, proseInto(next, pick), 'other')
      const reference = next() < 0.3 ? shortReference(next, pick) : pick(references)
      note.starts?.push(note.tokens.length)
      for (let index = 0; index < reference.tokens.length; index++) {
        // Citation numbers of a list are not printed in notes.
        if (reference.labels[index] === 'citation-number') continue
        note.tokens.push(reference.tokens[index] ?? '')
        note.labels.push(reference.labels[index] ?? 'note')
      }
      if (note.starts && note.starts.at(-1) === note.tokens.length) note.starts.pop()
    }
    const closing = next()
    if (closing < 0.08) pushText(note, pick(commentary), 'other')
    else if (closing < 0.3) {
      endWith(note, '.')
      pushText(note, proseSentence(next, pick), 'other')
    }
    if (note.tokens.length > 0) out.push(note)
  }
  return out
}
