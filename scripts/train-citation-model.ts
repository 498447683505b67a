/**
 * Train the citation labeller and write its weights into the repository.
 *
 *   npx tsx scripts/train-citation-model.ts ANYSTYLE_DIR_OR_XML... [--out FILE] [--epochs N]
 *     [--prune W] [--min-count N] [--dev]
 *
 * Reads AnyStyle's labelled references (BSD licence, https://github.com/inukshuk/anystyle:
 * `res/parser/*.xml`) from the paths given and the references we labelled ourselves in
 * pipeline/citations/model/training/*.xml, adds notes made of them (lead-ins, commentary,
 * several references), and trains the averaged perceptron in a fixed order. `--dev` holds out
 * every tenth reference and reports token accuracy on it instead of writing weights.
 */
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {makeNotes, readDataset} from '../pipeline/citations/model/dataset.js'
import {labelFeatures, loadModel, type LabelledSequence, train} from '../pipeline/citations/model/perceptron.js'
import {featuresOf} from '../pipeline/citations/model/features.js'
import {type BoundaryExample, loadBoundary, startsHere, trainBoundary, walkBoundaries} from '../pipeline/citations/model/boundary.js'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const args = process.argv.slice(2)
const option = (name: string): string | undefined => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}
const out = option('--out') ?? path.join(root, 'pipeline/citations/model/weights.json')
const epochs = Number(option('--epochs') ?? 10)
const prune = Number(option('--prune') ?? 1)
const minCount = Number(option('--min-count') ?? 3)
const dev = args.includes('--dev')
const inputs = args.filter((arg, at) => !arg.startsWith('--') && !['--out', '--epochs', '--prune', '--min-count'].includes(args[at - 1] ?? ''))
if (inputs.length === 0) {
  console.error('usage: train-citation-model.ts ANYSTYLE_DIR_OR_XML... [--out FILE] [--epochs N] [--dev]')
  process.exit(2)
}

function xmlFiles(input: string): string[] {
  if (!statSync(input).isDirectory()) return [input]
  return readdirSync(input).filter((name) => name.endsWith('.xml')).sort().map((name) => path.join(input, name))
}

const external = inputs.flatMap(xmlFiles).flatMap((file) => readDataset(readFileSync(file, 'utf8')))
const ownDirectory = path.join(root, 'pipeline/citations/model/training')
const own = xmlFiles(ownDirectory).flatMap((file) => readDataset(readFileSync(file, 'utf8')))
const held: LabelledSequence[] = []
const kept = dev ? external.filter((sequence, index) => (index % 10 === 3 ? (held.push(sequence), false) : true)) : external
// Our own references are few and in the styles of notes: they count three times.
const references = [...kept, ...own, ...own, ...own]
const notes = makeNotes(references, {count: Math.round(references.length * 0.6)})
const data = [...references, ...notes]
console.error(`training on ${kept.length} AnyStyle + ${own.length} own references and ${notes.length} notes made of them`)
const started = Date.now()
const weights = train(data, {epochs, minCount, prune, scale: 10, progress: (epoch, rate) => console.error(`epoch ${epoch}: ${(100 * rate).toFixed(2)}% tokens wrong`)})
console.error(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s`)
// The boundary model learns where references start from the labeller's own labels: on the
// notes (with their true starts) and on every fourth reference alone (one start).
const labeller = loadModel(weights)
const labelled = (sequence: LabelledSequence): BoundaryExample => ({
  texts: sequence.tokens,
  labels: labelFeatures(labeller, featuresOf(sequence.tokens.map((text) => ({text, start: 0, end: 0})))),
  starts: sequence.starts ?? [0]
})
const examples = [...notes.map(labelled), ...references.filter((_, index) => index % 4 === 0).map(labelled)]
weights.boundary = trainBoundary(examples, {progress: (epoch, errors, total) => console.error(`boundary epoch ${epoch}: ${errors} of ${total} decisions wrong`)})
if (dev) {
  const model = loadModel(weights)
  let right = 0
  let total = 0
  const confusion = new Map<string, number>()
  for (const sequence of held) {
    const found = labelFeatures(model, featuresOf(sequence.tokens.map((text) => ({text, start: 0, end: 0}))))
    sequence.labels.forEach((label, index) => {
      total++
      if (found[index] === label) right++
      else confusion.set(`${label} -> ${found[index]}`, (confusion.get(`${label} -> ${found[index]}`) ?? 0) + 1)
    })
  }
  console.log(`held-out token accuracy ${((100 * right) / total).toFixed(2)}% (${held.length} references)`)
  // Starts of references in notes made of the held-out references.
  const boundary = loadBoundary(weights.boundary ?? {features: "", scale: 1})
  let found = 0
  let correct = 0
  let truth = 0
  for (const note of makeNotes(held, {seed: 11})) {
    const example = labelled(note)
    const starts = walkBoundaries(example.texts, example.labels, (index, seen) => startsHere(boundary, example.texts, example.labels, index, seen))
    const gold = new Set(example.starts)
    found += starts.length
    truth += gold.size
    correct += starts.filter((start) => gold.has(start)).length
  }
  console.log(`held-out reference starts in notes: P ${((100 * correct) / found).toFixed(1)}% R ${((100 * correct) / truth).toFixed(1)}%`)
  for (const [pair, count] of [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pair}: ${count}`)
} else {
  writeFileSync(out, JSON.stringify(weights) + '\n')
  console.error(`wrote ${out} (${(statSync(out).size / 1e6).toFixed(2)} MB)`)
}
