/**
 * Labelled references in AnyStyle's XML (`<dataset><sequence><author>…</author>…</sequence>`)
 * read into token sequences, and notes made of them for training: lead-ins, commentary and
 * several references in one note, labelled `other` where no reference is.
 */
import {type Label, isLabel, labelAliases} from './labels.js'
import type {LabelledSequence} from './perceptron.js'
import {random} from './perceptron.js'
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
export const leadIns: readonly string[] = [
  'Vgl.', 'vgl.', 'Vgl. auch', 'Vgl. dazu', 'Vgl. hierzu', 'Vgl. etwa', 'vgl. auch', 'Siehe', 'siehe auch', 'S. auch', 'Vgl. z. B.',
  'Vgl. ausführlich', 'Grundlegend:', 'Zit. n.', 'Zitiert nach', 'Dazu:', 'Vgl. u. a.', 'Vgl. unter anderem', 'Ähnlich',
  'See', 'See also', 'Cf.', 'cf.', 'See, e.g.,', 'For example,', 'Quoted in', 'Cited in', 'See generally', 'Compare',
  'Voir', 'Voir aussi', 'Cf. aussi', 'Cfr.', 'Vedi', 'Si veda', 'Vgl. zu diesem Punkt'
]

/** Commentary sentences written for training: text in notes that is no reference. */
export const commentary: readonly string[] = [
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

/** Separators between two references of one note. */
const separators: readonly string[] = ['; ', '; ', '; ', '. ', ', ', '; sowie ', '; and ', '; ferner ']

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

/** Notes made of references: each with a lead-in, commentary or a second reference, or several. */
export function makeNotes(references: readonly LabelledSequence[], options: NoteOptions = {}): LabelledSequence[] {
  const {count = references.length, seed = 7} = options
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const out: LabelledSequence[] = []
  for (let made = 0; made < count; made++) {
    const note: LabelledSequence = {tokens: [], labels: []}
    if (next() < 0.25) pushText(note, pick(commentary), 'other')
    const parts = next() < 0.45 ? 1 : next() < 0.75 ? 2 : 3
    for (let part = 0; part < parts; part++) {
      if (part > 0) {
        const separator = pick(separators)
        const last = note.tokens.length - 1
        if (last >= 0) note.tokens[last] = note.tokens[last]?.replace(/[.,;]+$/, '') + separator.trim().slice(0, 1)
        if (separator.trim().length > 1) pushText(note, separator.trim().slice(1), 'other')
      }
      if (next() < 0.5) pushText(note, pick(leadIns), 'other')
      const reference = pick(references)
      for (let index = 0; index < reference.tokens.length; index++) {
        // Citation numbers of a list are not printed in notes.
        if (reference.labels[index] === 'citation-number') continue
        note.tokens.push(reference.tokens[index] ?? '')
        note.labels.push(reference.labels[index] ?? 'note')
      }
    }
    if (next() < 0.1) pushText(note, pick(commentary), 'other')
    if (note.tokens.length > 0) out.push(note)
  }
  return out
}
