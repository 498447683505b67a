#!/usr/bin/env node
// Compiles the TypeScript into dist/ with esbuild. Types are checked by `npm run typecheck`
// (tsc), not here.
//
// - The pipeline that the CLI and its build threads run is one CommonJS bundle,
//   dist/pipeline/apparatus.cjs (from pipeline/bundle.ts). Node 20 keeps no compiled code for
//   ES modules; a CommonJS script can be given V8's code cache, which a training run makes here
//   (a build of the starter edition of `apparatus new`, in which every stage runs on the main
//   thread): the entry points (pipeline/load-bundle.ts) load the bundle with it, and parse and
//   compile far less of it on each thread.
// - The other entry points (the search index thread, the evaluation and the benchmark) are ES
//   module bundles that share chunks; a bundle loads in about a third of the time of hundreds
//   of separate modules.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdtemp, readdir, readFile, rename, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {build} from 'esbuild'

const root = new URL('..', import.meta.url).pathname
process.chdir(root)

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Loaded only for PDFs, and from node_modules as published (puppeteer finds its own files).
  external: ['puppeteer-core', 'pdf-lib', 'pagedjs'],
  legalComments: 'none',
  // citation-js's URL readers: Apparatus never fetches (pipeline/offline-fetch.ts).
  alias: {'node-fetch': './pipeline/offline-fetch.ts', 'sync-fetch': './pipeline/offline-fetch.ts'},
  // For the benchmark's profiles, which name the package a bundled function comes from.
  sourcemap: 'linked',
  logLevel: 'warning'
}

const staging = await mkdtemp('dist.staging-')
try {
  await build({
    ...shared,
    entryPoints: {'pipeline/apparatus': 'pipeline/bundle.ts'},
    outdir: staging,
    outExtension: {'.js': '.cjs'},
    format: 'cjs',
    // The bundle is in dist/pipeline, where the modules' `import.meta.url` would be.
    define: {'import.meta.url': '__apparatusBundleUrl'},
    banner: {js: "var __apparatusBundleUrl = require('node:url').pathToFileURL(__filename).href;"}
  })
  // The entry points name the code cache by the bundle's hash, so a cache is only ever used with its bundle.
  const bundleHash = createHash('sha256').update(await readFile(path.join(staging, 'pipeline/apparatus.cjs'))).digest('hex').slice(0, 16)
  await build({
    ...shared,
    entryPoints: {
      // Both load dist/pipeline/apparatus.cjs; pipeline/pool.ts starts `./worker.js` beside it.
      'pipeline/cli': 'pipeline/cli-entry.ts',
      'pipeline/worker': 'pipeline/worker-entry.ts',
      // Started by pipeline/pool.ts as `./search-worker.js`; it loads minisearch and nothing else.
      'pipeline/search-worker': 'pipeline/search-worker.ts',
      'pipeline/eval/cli': 'pipeline/eval/cli.ts',
      'bench/run': 'bench/run.ts',
      'bench/build-once': 'bench/build-once.ts'
    },
    outdir: staging,
    chunkNames: 'pipeline/chunk-[hash]',
    splitting: true,
    format: 'esm',
    define: {__APPARATUS_BUNDLE_HASH__: JSON.stringify(bundleHash)},
    // Bundled CommonJS modules (citeproc, citation-js) call `require` for Node's own modules.
    banner: {js: "import {createRequire as __apparatusCreateRequire} from 'node:module'; const require = __apparatusCreateRequire(import.meta.url);"}
  })
  await rm('dist', {recursive: true, force: true})
  await rename(staging, 'dist')
} catch (error) {
  await rm(staging, {recursive: true, force: true})
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

// The training run: the code cache holds the functions a build calls, compiled.
const work = await mkdtemp(path.join(tmpdir(), 'apparatus-training-'))
try {
  const cli = (env, ...args) => spawnSync(process.execPath, ['dist/pipeline/cli.js', ...args], {encoding: 'utf8', env: {...process.env, ...env}})
  const made = cli({}, 'new', path.join(work, 'edition'))
  // Only the build writes the cache, at its exit.
  const built = made.status === 0 ? cli({APPARATUS_WRITE_CODE_CACHE: '1', SOURCE_DATE_EPOCH: '0'}, 'build', '--quiet', '--jobs', '1', '--format', 'markdown,bib,html', '--sources', path.join(work, 'edition', 'sources'), '--out', path.join(work, 'out')) : made
  const cached = (await readdir('dist/pipeline')).some((name) => /^apparatus\.cjs\.[0-9a-f]{16}\.cache$/.test(name))
  if (built.status !== 0 || !cached) {
    // The pipeline works without the cache, only slower to start; the failure is worth a look.
    console.error(`compile: no code cache (the training build ${built.status === 0 ? 'wrote none' : `failed: ${built.stderr.trim()}`})`)
  }
} finally {
  await rm(work, {recursive: true, force: true})
}
