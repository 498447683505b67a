/**
 * The reference labeller: tokens of a note or reference labelled with the trained model
 * (weights.json, made by scripts/train-citation-model.ts). The weights are read on first use.
 */
import shipped from './weights.json' with {type: 'json'}
import {type BoundaryModel, loadBoundary} from './boundary.js'
import {featuresOf} from './features.js'
import type {Label} from './labels.js'
import {labelFeatures, loadModel, type Model, type Weights} from './perceptron.js'
import {isReference, type ModelParse, referenceToCsl, segmentReferences} from './reference.js'
import {tokenize} from './tokens.js'

export type {Label} from './labels.js'

export interface LabelledToken {
  text: string
  start: number
  end: number
  label: Label
}

let model: Model | undefined
let boundary: BoundaryModel | null | undefined

function current(): Model {
  model ??= loadModel(shipped as Weights)
  return model
}

function currentBoundary(): BoundaryModel | undefined {
  if (boundary === undefined) {
    const weights = (shipped as Weights).boundary
    boundary = weights ? loadBoundary(weights) : null
  }
  return boundary ?? undefined
}

/** Label every token of `text`. */
export function labelTokens(text: string): LabelledToken[] {
  const tokens = tokenize(text)
  const found = labelFeatures(current(), featuresOf(tokens))
  return tokens.map((token, index) => ({...token, label: found[index] ?? 'other'}))
}

/** The references in a note or list entry, each with its span and parse. */
export function parseReferences(text: string): Array<{start: number; end: number; text: string; parse: ModelParse}> {
  const out: Array<{start: number; end: number; text: string; parse: ModelParse}> = []
  for (const reference of segmentReferences(labelTokens(text), currentBoundary())) {
    if (!isReference(reference, text)) continue
    const parse = referenceToCsl(reference, text)
    const before = out.at(-1)?.parse.item.author
    if (parse.sameAuthors && before) parse.item.author = before.map((name) => ({...name}))
    out.push({start: reference.start, end: reference.end, text: text.slice(reference.start, reference.end), parse})
  }
  return out
}
