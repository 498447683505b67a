/**
 * A linear-chain averaged structured perceptron (Collins 2002): per-label weights of token
 * features, label-to-label transition weights, Viterbi decoding. Training is deterministic:
 * a fixed seed orders the sequences of each epoch.
 */
import type {BoundaryWeights} from './boundary.js'
import {featuresOf} from './features.js'
import {type Label, labels} from './labels.js'
import {tokenize} from './tokens.js'

/** The weights as shipped: labels, transitions (row `labels.length` is the start), features. */
export interface Weights {
  labels: readonly string[]
  /** (labels + 1) × labels, row-major, scaled by `scale`. */
  transitions: number[]
  /** One line per feature: `name\tlabel:weight,label:weight`, weights scaled by `scale`. */
  features: string
  scale: number
  /** The boundary model (`boundary.ts`), trained after the labeller on its labels. */
  boundary?: BoundaryWeights
}

export interface Model {
  labels: readonly Label[]
  transitions: Float64Array
  /** A feature's weights by label; decoded from the shipped line on first use. */
  vector: (feature: string) => Float64Array | undefined
}

export interface LabelledSequence {
  tokens: string[]
  labels: Label[]
  /** Where each reference starts (token indices), when known: notes made for training. */
  starts?: number[]
}

export function loadModel(weights: Weights): Model {
  const count = labels.length
  const index = weights.labels.map((label) => labels.indexOf(label as Label))
  const transitions = new Float64Array((count + 1) * count)
  const rows = weights.labels.length
  for (let from = 0; from <= rows; from++) {
    const to = from === rows ? count : (index[from] ?? -1)
    if (to < 0) continue
    for (let next = 0; next < rows; next++) {
      const target = index[next] ?? -1
      if (target >= 0) transitions[to * count + target] = (weights.transitions[from * rows + next] ?? 0) / weights.scale
    }
  }
  // Nothing is read at load: a note uses a few hundred of the features, each found in the
  // shipped lines (sorted by name, as `train` writes them) when first used.
  const known = new Map<string, Float64Array | null>()
  const text = weights.features
  const vector = (feature: string): Float64Array | undefined => {
    const cached = known.get(feature)
    if (cached !== undefined) return cached ?? undefined
    const found = weightsOffset(text, feature)
    let out: Float64Array | null = null
    if (found >= 0) {
      let end = text.indexOf('\n', found)
      if (end < 0) end = text.length
      out = new Float64Array(count)
      for (const pair of text.slice(found, end).split(',')) {
        const colon = pair.indexOf(':')
        const label = index[Number(pair.slice(0, colon))] ?? -1
        if (label >= 0) out[label] = Number(pair.slice(colon + 1)) / weights.scale
      }
    }
    known.set(feature, out)
    return out ?? undefined
  }
  return {labels, transitions, vector}
}

/**
 * Where the weights of `feature` start in `text` (lines `name\tweights`, sorted by name), or
 * -1: a binary search over the lines by character offset.
 */
export function weightsOffset(text: string, feature: string): number {
  // `low` is always a line's start; the line sought, if any, starts before `high`.
  let low = 0
  let high = text.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const start = middle === 0 ? 0 : text.lastIndexOf('\n', middle - 1) + 1
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const tab = text.indexOf('\t', start)
    const name = tab >= 0 && tab < end ? text.slice(start, tab) : text.slice(start, end)
    if (name === feature) return tab >= 0 && tab < end ? tab + 1 : -1
    if (name < feature) low = end + 1
    else high = start
  }
  return -1
}

/** Emission scores: tokens × labels. */
function emissions(model: Model, features: readonly string[][]): Float64Array {
  const count = model.labels.length
  const out = new Float64Array(features.length * count)
  for (let index = 0; index < features.length; index++) {
    for (const feature of features[index] ?? []) {
      const vector = model.vector(feature)
      if (!vector) continue
      const row = index * count
      for (let label = 0; label < count; label++) out[row + label] = (out[row + label] ?? 0) + (vector[label] ?? 0)
    }
  }
  return out
}

/** The best label sequence (indices) given the emission scores. */
function viterbi(scores: Float64Array, transitions: Float64Array, count: number, length: number, allowed?: (index: number, label: number) => boolean): number[] {
  if (length === 0) return []
  const best = new Float64Array(length * count)
  const back = new Int32Array(length * count)
  for (let label = 0; label < count; label++) {
    best[label] = allowed && !allowed(0, label) ? -Infinity : (scores[label] ?? 0) + (transitions[count * count + label] ?? 0)
  }
  for (let index = 1; index < length; index++) {
    for (let label = 0; label < count; label++) {
      if (allowed && !allowed(index, label)) {
        best[index * count + label] = -Infinity
        continue
      }
      let top = -Infinity
      let arg = 0
      for (let previous = 0; previous < count; previous++) {
        const value = (best[(index - 1) * count + previous] ?? 0) + (transitions[previous * count + label] ?? 0)
        if (value > top) {
          top = value
          arg = previous
        }
      }
      best[index * count + label] = top + (scores[index * count + label] ?? 0)
      back[index * count + label] = arg
    }
  }
  let last = 0
  for (let label = 1; label < count; label++) {
    if ((best[(length - 1) * count + label] ?? 0) > (best[(length - 1) * count + last] ?? 0)) last = label
  }
  const path = new Array<number>(length)
  path[length - 1] = last
  for (let index = length - 1; index > 0; index--) path[index - 1] = back[index * count + (path[index] ?? 0)] ?? 0
  return path
}

/** Label tokens given their features; `allowed` may forbid labels at places. */
export function labelFeatures(model: Model, features: readonly string[][], allowed?: (index: number, label: Label) => boolean): Label[] {
  const count = model.labels.length
  const scores = emissions(model, features)
  const check = allowed ? (index: number, label: number) => allowed(index, model.labels[label] as Label) : undefined
  return viterbi(scores, model.transitions, count, features.length, check).map((label) => model.labels[label] as Label)
}

/** Label the tokens of a string. */
export function labelText(model: Model, text: string): Array<{text: string; start: number; end: number; label: Label}> {
  const tokens = tokenize(text)
  const found = labelFeatures(model, featuresOf(tokens))
  return tokens.map((token, index) => ({...token, label: found[index] ?? 'other'}))
}

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

export interface TrainOptions {
  /** Passes over the data; default 10. */
  epochs?: number
  /** Seed of the order of each pass; default 1. */
  seed?: number
  /** Features seen fewer times are left out; default 1. */
  minCount?: number
  /** Averaged weights smaller than this are pruned from the output; default 0. */
  prune?: number
  /** Weights are written as integers of this scale; default 100. */
  scale?: number
  /** Called after each pass with the share of tokens labelled wrong. */
  progress?: (epoch: number, errorRate: number) => void
}

/** Train the averaged perceptron and return its (pruned, quantized) weights. */
export function train(data: readonly LabelledSequence[], options: TrainOptions = {}): Weights {
  const {epochs = 10, seed = 1, minCount = 1, prune = 0, scale = 100} = options
  const count = labels.length
  const labelIndex = new Map<Label, number>(labels.map((label, index) => [label, index]))
  const counts = new Map<string, number>()
  const encoded = data.map((sequence) => {
    const features = featuresOf(sequence.tokens.map((text) => ({text, start: 0, end: 0})))
    for (const list of features) for (const feature of list) counts.set(feature, (counts.get(feature) ?? 0) + 1)
    return {features, gold: sequence.labels.map((label) => labelIndex.get(label) ?? 0)}
  })
  const names: string[] = []
  const ids = new Map<string, number>()
  for (const [feature, seen] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (seen < minCount) continue
    ids.set(feature, names.length)
    names.push(feature)
  }
  const sequences = encoded.map(({features, gold}) => ({ids: features.map((list) => list.map((feature) => ids.get(feature) ?? -1).filter((id) => id >= 0)), gold}))
  const weights = new Float64Array(names.length * count)
  const totals = new Float64Array(names.length * count)
  const transitions = new Float64Array((count + 1) * count)
  const transitionTotals = new Float64Array((count + 1) * count)
  let step = 1
  const next = random(seed)
  const order = sequences.map((_, index) => index)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1))
      ;[order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0]
    }
    let wrong = 0
    let total = 0
    for (const at of order) {
      const sequence = sequences[at]
      if (!sequence || sequence.gold.length === 0) continue
      const length = sequence.gold.length
      const scores = new Float64Array(length * count)
      for (let position = 0; position < length; position++) {
        for (const id of sequence.ids[position] ?? []) {
          for (let label = 0; label < count; label++) scores[position * count + label] = (scores[position * count + label] ?? 0) + (weights[id * count + label] ?? 0)
        }
      }
      const guess = viterbi(scores, transitions, count, length)
      total += length
      let differs = false
      for (let position = 0; position < length; position++) if (guess[position] !== sequence.gold[position]) differs = true
      if (differs) {
        for (let position = 0; position < length; position++) {
          const gold = sequence.gold[position] ?? 0
          const predicted = guess[position] ?? 0
          const goldPrevious = position === 0 ? count : (sequence.gold[position - 1] ?? 0)
          const predictedPrevious = position === 0 ? count : (guess[position - 1] ?? 0)
          if (gold !== predicted) {
            wrong++
            for (const id of sequence.ids[position] ?? []) {
              weights[id * count + gold] = (weights[id * count + gold] ?? 0) + 1
              totals[id * count + gold] = (totals[id * count + gold] ?? 0) + step
              weights[id * count + predicted] = (weights[id * count + predicted] ?? 0) - 1
              totals[id * count + predicted] = (totals[id * count + predicted] ?? 0) - step
            }
          }
          if (gold !== predicted || goldPrevious !== predictedPrevious) {
            transitions[goldPrevious * count + gold] = (transitions[goldPrevious * count + gold] ?? 0) + 1
            transitionTotals[goldPrevious * count + gold] = (transitionTotals[goldPrevious * count + gold] ?? 0) + step
            transitions[predictedPrevious * count + predicted] = (transitions[predictedPrevious * count + predicted] ?? 0) - 1
            transitionTotals[predictedPrevious * count + predicted] = (transitionTotals[predictedPrevious * count + predicted] ?? 0) - step
          }
        }
      }
      step++
    }
    options.progress?.(epoch + 1, total ? wrong / total : 0)
  }
  // Averaged weights: w - totals / step (Daumé's trick).
  const average = (value: number, sum: number) => value - sum / step
  const lines: string[] = []
  for (let id = 0; id < names.length; id++) {
    const pairs: string[] = []
    for (let label = 0; label < count; label++) {
      const value = average(weights[id * count + label] ?? 0, totals[id * count + label] ?? 0)
      if (Math.abs(value) >= prune && Math.round(value * scale) !== 0) pairs.push(`${label}:${Math.round(value * scale)}`)
    }
    if (pairs.length > 0) lines.push(`${names[id]}\t${pairs.join(',')}`)
  }
  const averagedTransitions: number[] = []
  for (let index = 0; index < transitions.length; index++) averagedTransitions.push(Math.round(average(transitions[index] ?? 0, transitionTotals[index] ?? 0) * scale))
  return {labels: [...labels], transitions: averagedTransitions, features: lines.join('\n'), scale}
}
