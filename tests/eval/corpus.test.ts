/**
 * `npm run eval -- --corpus DIR` and `--citations`, run as the compiled CLI on a corpus written
 * for these tests (tests/fixtures/eval-corpus: two invented texts whose gold has three wrong
 * entries on purpose, see its MANIFEST.json) and a stand-in for the shared scoring script.
 */
import {spawnSync} from 'node:child_process'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {evaluateCorpus} from '../../pipeline/eval/corpus.js'
import {compileCli} from '../robustness/helpers.js'

const root = path.resolve(import.meta.dirname, '..', '..')
const corpus = path.join(root, 'tests/fixtures/eval-corpus')

function evalCli(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'dist/pipeline/eval/cli.js'), ...args], {cwd: root, encoding: 'utf8', env: {...process.env, FORCE_COLOR: '0'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

interface TextResult {
  file: string
  slug: string | null
  expected: number
  found: number
  placed: number
  wordsLost: number
  misses: Array<{n: number; reason: string}>
}

describe('npm run eval -- --corpus', () => {
  beforeAll(() => {
    // One test file at a time, and only when the sources changed (tests/robustness/helpers.ts).
    compileCli()
  }, 240_000)

  it('prints per text the notes expected, found, placed right and the words lost, as JSON', () => {
    const result = evalCli(['--corpus', corpus, '--json'])
    expect(result.code, result.stderr).toBe(0)
    const evaluation = JSON.parse(result.stdout) as {texts: TextResult[]; totals: Record<string, number>}
    const figures = evaluation.texts.map(({file, slug, expected, found, placed, wordsLost}) => ({file, slug, expected, found, placed, wordsLost}))
    expect(figures).toEqual([
      {file: '01_harbour-ledgers.md', slug: '01-harbour-ledgers', expected: 4, found: 4, placed: 3, wordsLost: 0},
      {file: '02_mill-accounts.txt', slug: '02-mill-accounts', expected: 4, found: 3, placed: 2, wordsLost: 0}
    ])
    expect(evaluation.totals).toEqual({texts: 2, rightCount: 1, expected: 8, found: 7, placed: 5, wordsLost: 0})
    // The three wrong gold entries, each for its own reason; the rest (a note called twice, a
    // note of two paragraphs, emphasis, an emended folio read by its original) are placed.
    const misses = evaluation.texts.map((text) => text.misses.map((miss) => `${miss.n} ${miss.reason.split(':')[0]}`))
    expect(misses).toEqual([['4 wrong context'], ['3 wrong end', '4 no note starts with `Rent roll of 1790.`']])
  })

  it('prints the same as a table, and with --verbose why each gold note was missed', () => {
    const table = evalCli(['--corpus', corpus])
    expect(table.code, table.stderr).toBe(0)
    const rows = table.stdout.split('\n')
    expect(rows[0]).toMatch(/^text\s+expected\s+found\s+placed\s+words lost\s+convention$/)
    expect(rows.find((row) => row.startsWith('01_harbour-ledgers.md'))).toMatch(/^01_harbour-ledgers\.md\s+4\s+4\s+3\s+0\s+markdown-footnotes$/)
    expect(rows.find((row) => row.startsWith('02_mill-accounts.txt'))).toMatch(/^02_mill-accounts\.txt\s+4\s+3\s+2\s+0\s+/)
    expect(rows.find((row) => row.startsWith('total'))).toMatch(/^total\s+8\s+7\s+5\s+0\s*$/)
    expect(table.stdout).toContain('right note count in 1 of 2 texts; 5 of 8 notes placed right (62.5 %); 0 words lost')
    expect(table.stdout).not.toContain('wrong context')
    const verbose = evalCli(['--corpus', corpus, '--verbose'])
    expect(verbose.stdout).toContain('n=4 [4]: wrong context: [^4] called after `…n 1907, and its papers went to the town.`, gold `…n 1908, and its papers went to the town.`')
    expect(verbose.stdout).toContain('n=3 [3]: wrong end: [^3] ends `Lease of 1809, p. 2.`, gold `p. 3.`')
  })

  it('scores the citations of a gold file that lists them, per text and in total, and lists each disagreement with --verbose', () => {
    const result = evalCli(['--corpus', corpus, '--json'])
    expect(result.code, result.stderr).toBe(0)
    interface Citations {gold: number; matched: number; looseNotes: number[]; micro: {f1: number}; volume: {total: number}; disagreements: Array<{class: string; note: number; goldValue: string | null}>}
    const evaluation = JSON.parse(result.stdout) as {texts: Array<{citations?: Citations}>; citationTotals: Citations & {texts: number}}
    const [ledgers, mill] = evaluation.texts
    expect(mill!.citations).toBeUndefined()
    // Gold note 4 is not placed right (wrong context on purpose): it is scored in the note that starts as it does.
    expect(ledgers!.citations).toMatchObject({gold: 3, matched: 3, looseNotes: [4], volume: {total: 1}})
    expect(evaluation.citationTotals).toMatchObject({texts: 1, gold: 3, matched: 3, micro: {f1: ledgers!.citations!.micro.f1}})
    // The gold year of note 4 is wrong on purpose.
    expect(ledgers!.citations!.disagreements).toContainEqual(expect.objectContaining({class: 'year', note: 4, goldValue: '1908'}))
    const table = evalCli(['--corpus', corpus]).stdout.split('\n')
    expect(table).toContain('Citations (field columns: F1; notes up to the last with gold citations)')
    expect(table.find((row) => row.startsWith('text ') && row.includes('seg F1'))).toMatch(/^text\s+gold\s+ours\s+match\s+seg P\s+seg R\s+seg F1\s+authors\s+title\s+container\s+year\s+pages\s+micro P\s+micro R\s+micro F1\s+resolved\s+volume\s+locator$/)
    expect(table.filter((row) => /^(?:01_harbour-ledgers\.md|total)\s+3\s+\d+\s+3\s+1\.000\s+1\.000\s+1\.000(?:\s+(?:\d\.\d{3}|-)){8}\s+-\s+\d\/1\s+-$/.test(row))).toHaveLength(2)
    expect(table.find((row) => row.startsWith('citations: '))).toMatch(/^citations: segmentation F1 1\.000, field micro-F1 \d\.\d{3} over 1 text; ibid\.\/short forms resolved -$/)
    const verbose = evalCli(['--corpus', corpus, '--verbose']).stdout
    expect(verbose).toMatch(/^01_harbour-ledgers\.md: \d+ citation disagreements; gold notes 4 not placed right are scored in the note of ours that starts with \(or holds\) their start$/m)
    expect(verbose).toMatch(/^  n=4 year: gold `Closing order of 12 May 1907` \| ours `Closing order of 12 May 1907\.?` — gold `1908`, ours (?:`\d+`|none)$/m)
  })

  it('builds each text alone when the build of all fails, and names the text whose build failed', async () => {
    // A stand-in CLI: fails (exit 3) on a folder holding the mill text, else runs the real one.
    const fake = await mkdtemp(path.join(tmpdir(), 'apparatus-eval-fake-'))
    try {
      await mkdir(path.join(fake, 'dist/pipeline'), {recursive: true})
      await writeFile(path.join(fake, 'dist/pipeline/cli.js'), [
        "const {readdirSync} = require('node:fs')",
        "const {spawnSync} = require('node:child_process')",
        "const args = process.argv.slice(2)",
        "if (readdirSync(args[args.indexOf('--sources') + 1]).some((name) => name.startsWith('02_'))) { process.stderr.write('boom\\n'); process.exit(3) }",
        `const result = spawnSync(process.execPath, [${JSON.stringify(path.join(root, 'dist/pipeline/cli.js'))}, ...args], {stdio: 'inherit'})`,
        'process.exit(result.status ?? 3)'
      ].join('\n'))
      await writeFile(path.join(fake, 'dist/package.json'), '{"type": "commonjs"}')
      const evaluation = await evaluateCorpus(corpus, {root: fake})
      expect(evaluation.texts.map(({file, found, placed, buildError}) => ({file, found, placed, buildError}))).toEqual([
        {file: '01_harbour-ledgers.md', found: 4, placed: 3, buildError: undefined},
        {file: '02_mill-accounts.txt', found: 0, placed: 0, buildError: 'build failed (exit 3): boom'}
      ])
      expect(evaluation.buildExitCode).toBe(3)
    } finally {
      await rm(fake, {recursive: true, force: true})
    }
  })

  it('exits 2 on bad usage', () => {
    expect(evalCli(['--corpus']).code).toBe(2)
    expect(evalCli(['--frobnicate']).code).toBe(2)
  })

  it('--citations prints the scoring script\'s figures for the build beside the naive baseline', () => {
    const result = evalCli(['--citations', path.join(root, 'tests/fixtures/eval-citations/data')])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('| segmentation | 0.500 | 1.000 | 0.667 | 1.000 | 1.000 | 1.000 |')
    expect(result.stdout).toContain('| micro | 0.875 | 0.750 | 0.808 | 0.500 | 0.250 | 0.333 |')
    expect(result.stdout).toContain('SUMMARY dataset=tiny system=naive microF1=0.333')
    const json = evalCli(['--citations', path.join(root, 'tests/fixtures/eval-citations/data/tiny.jsonl'), '--json'])
    const datasets = JSON.parse(json.stdout) as Array<{apparatus: {micro: {f1: number}}; naive: {micro: {f1: number}}}>
    expect(datasets.map((dataset) => [dataset.apparatus.micro.f1.toFixed(3), dataset.naive.micro.f1.toFixed(3)])).toEqual([['0.808', '0.333']])
  })
})
