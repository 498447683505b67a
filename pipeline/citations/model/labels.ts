/** The labels of the sequence model, after AnyStyle's, plus `other` for text that is no reference. */
export const labels = [
  'author', 'editor', 'translator', 'title', 'container-title', 'journal', 'date', 'volume',
  'pages', 'publisher', 'location', 'edition', 'genre', 'note', 'url', 'doi', 'isbn',
  'citation-number', 'other'
] as const

export type Label = (typeof labels)[number]

/** A token of a reference with its label and its place in the reference's text. */
export interface LabelledToken {
  text: string
  start: number
  end: number
  label: Label
}

/** AnyStyle's rarer labels, folded into ours. */
export const labelAliases: Readonly<Record<string, Label>> = {
  director: 'author',
  producer: 'author',
  'collection-title': 'container-title',
  source: 'note',
  medium: 'note'
}

export function isLabel(value: string): value is Label {
  return (labels as readonly string[]).includes(value)
}
