import type {Label} from '../../pipeline/citations/model/labels.js'

/** Split `word/label` pairs into the words and labels the boundary rules read. */
export function labelled(pairs: string): {texts: string[]; labels: Label[]} {
  const texts: string[] = []
  const labels: Label[] = []
  for (const pair of pairs.split(' ')) {
    const slash = pair.lastIndexOf('/')
    texts.push(pair.slice(0, slash))
    labels.push(pair.slice(slash + 1) as Label)
  }
  return {texts, labels}
}
