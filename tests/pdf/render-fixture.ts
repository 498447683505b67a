/**
 * Render a fixture folder to PDFs and keep the print HTML, for looking at the pages:
 * `npx tsx tests/pdf/render-fixture.ts tests/fixtures/pdf/edition /tmp/pdf-out`
 */
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {preparePdfs} from '../../pipeline/pdf/index.js'
import {loadFixture} from './load-fixture.js'

async function main(folder: string, outDir: string): Promise<void> {
  const input = loadFixture(folder)
  const file = new VFile({path: folder})
  const start = Date.now()
  const run = await preparePdfs(input, outDir, {file, keepHtml: true, sourceDateEpoch: 1_700_000_000})
  let done = 0
  const paths = await run.write(async (task) => {
    const pdf = await run.print(task)
    console.log(`${++done}/${run.names.length} ${task.name}.pdf ${Date.now() - start} ms`)
    return pdf
  }).finally(() => run.close())
  console.log(paths.join('\n'))
  console.log(reporter([file]))
}

await main(process.argv[2] ?? 'tests/fixtures/pdf/edition', process.argv[3] ?? join(tmpdir(), 'apparatus-pdf-fixture'))
