import {describe, expect, test} from 'vitest'
import {formatEvaluation} from '../../pipeline/eval/cli.js'
import {evaluate} from '../../pipeline/eval/index.js'
import {pairCounts, scores} from '../../pipeline/eval/metrics.js'

describe('evaluation against the gold data', () => {
  test('ingest + citations meet the targets', async () => {
    const evaluation = await evaluate()
    expect(evaluation.split.f1).toBeGreaterThanOrEqual(0.95)
    expect(evaluation.fieldsOverall.f1).toBeGreaterThanOrEqual(0.95)
    expect(evaluation.archival.rate).toBeGreaterThanOrEqual(0.97)
    expect(evaluation.resolution.accuracy).toBeGreaterThanOrEqual(0.97)
    expect(evaluation.clusters?.overall.tp).toBeGreaterThan(0)
    const table = formatEvaluation(evaluation)
    for (const heading of ['Citation split', 'Fields', 'Types', 'Archival exact match', 'Ibid/short-form resolution', 'Clusters']) {
      expect(table).toContain(heading)
    }
  })

  test('the grammar alone, on notes cut with the gold boundaries', async () => {
    const evaluation = await evaluate({goldNotes: true})
    expect(evaluation.fieldsOverall.f1).toBeGreaterThanOrEqual(0.95)
    expect(evaluation.archival.rate).toBeGreaterThanOrEqual(0.97)
  })
})

describe('metrics', () => {
  test('precision, recall, F1', () => {
    expect(scores({tp: 3, fp: 1, fn: 3})).toMatchObject({precision: 0.75, recall: 0.5, f1: 0.6})
  })

  test('pairwise clustering', () => {
    const gold = new Map([['a', '1'], ['b', '1'], ['c', '2']])
    const predicted = new Map([['a', 'x'], ['b', 'y'], ['c', 'y']])
    expect(pairCounts(gold, predicted)).toEqual({tp: 0, fp: 1, fn: 1})
  })
})
