/**
 * The reference labeller: tokens of a note or reference labelled with the trained model
 * (weights.json, made by scripts/train-citation-model.ts). The weights are read on first use.
 */
import shipped from './weights.json' with {type: 'json'}
import {featuresOf} from './features.js'
import type {Label} from './labels.js'
import {labelFeatures, loadModel, type Model, type Weights} from './perceptron.js'
import {tokenize} from './tokens.js'

export type {Label} from './labels.js'

export interface LabelledToken {
  text: string
  start: number
  end: number
  label: Label
}

let model: Model | undefined

function current(): Model {
  model ??= loadModel(shipped as Weights)
  return model
}

/** Label every token of `text`. */
export function labelTokens(text: string): LabelledToken[] {
  const tokens = tokenize(text)
  const found = labelFeatures(current(), featuresOf(tokens))
  return tokens.map((token, index) => ({...token, label: found[index] ?? 'other'}))
}
