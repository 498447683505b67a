/**
 * Chromium faults seen from the command line: a missing browser and one that will not start
 * give a clear warning, and the Markdown, HTML and bibliography are still built.
 */
import {existsSync, rmSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {corpus} from './cases.js'
import {parseReport, runCli, stackTrace, tempDir, writeSources} from './helpers.js'

const root = tempDir('browser')
const sources = writeSources(corpus.filter((item) => item.name === 'good.txt'), path.join(root, 'sources'))

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

const faults = [
  {name: 'missing', executable: '/nonexistent/chromium', message: /Chromium was not found/},
  {name: 'failing to start', executable: '/bin/false', message: /Chromium at \/bin\/false failed to start/}
] as const

describe.each(faults)('Chromium $name', ({name, executable, message}) => {
  it('warns clearly and builds every other output', async () => {
    const out = path.join(root, name.replace(/\W+/g, '-'))
    const run = await runCli(['build', '--sources', sources, '--out', out, '--json'], {env: {PUPPETEER_EXECUTABLE_PATH: executable}})
    expect(run.code).toBe(0)
    expect(run.stderr).not.toMatch(stackTrace)
    const report = parseReport(run.stdout)
    const warning = report.diagnostics.find((diagnostic) => diagnostic.ruleId === 'pdf-unavailable')
    expect(warning?.severity).toBe('warning')
    expect(warning?.reason).toMatch(message)
    for (const output of ['markdown/good.md', 'html/good.html', 'html/index.html', 'bib/bibliography.json', 'bib/bibliography.bib']) {
      expect(report.outputs).toContain(output)
      expect(existsSync(path.join(out, output))).toBe(true)
    }
    expect(report.outputs.filter((output) => output.startsWith('pdf/'))).toEqual([])
  })
})
