/** Precision, recall and F1 from counts. */

export interface Counts {
  tp: number
  fp: number
  fn: number
}

export interface Scores extends Counts {
  precision: number
  recall: number
  f1: number
}

export function emptyCounts(): Counts {
  return {tp: 0, fp: 0, fn: 0}
}

export function scores(counts: Counts): Scores {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp)
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {...counts, precision, recall, f1}
}

export function add(into: Counts, from: Counts): void {
  into.tp += from.tp
  into.fp += from.fp
  into.fn += from.fn
}

/**
 * Pairwise clustering counts over the same universe of items. With `groupOf`, only pairs
 * from different groups count (cross-document clustering).
 */
export function pairCounts(gold: Map<string, string>, predicted: Map<string, string>, groupOf?: (id: string) => string): Counts {
  const items = [...gold.keys()].filter((id) => predicted.has(id)).sort()
  const counts = emptyCounts()
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] ?? ''
      const b = items[j] ?? ''
      if (groupOf && groupOf(a) === groupOf(b)) continue
      const same = gold.get(a) === gold.get(b)
      const guessed = predicted.get(a) === predicted.get(b)
      if (same && guessed) counts.tp++
      else if (guessed) counts.fp++
      else if (same) counts.fn++
    }
  }
  return counts
}
