/**
 * Loads the compiled pipeline (`apparatus.cjs`, made by scripts/compile.mjs from
 * pipeline/bundle.ts) with V8's code cache. Node 20 keeps no compiled code for ES modules, so
 * each thread parsed and compiled the bundle's functions anew (`apparatus --version` took 400
 * ms, 270 ms with the cache); a CommonJS script can be given the bytecode that a training run
 * produced. The cache is named by the bundle's hash, so it is never used with other code; when
 * V8 turns it down (another Node, other flags) the bundle is compiled as usual.
 */
import {readFileSync, renameSync, writeFileSync} from 'node:fs'
import {createRequire, Module} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {isMainThread} from 'node:worker_threads'
import vm from 'node:vm'
import type * as Bundle from './bundle.js'

/** The first 16 hex digits of the bundle's SHA-256, written in by scripts/compile.mjs. */
declare const __APPARATUS_BUNDLE_HASH__: string

/** Set to 1 by the compile script's training run: write the code cache when the process exits. */
const trainingVariable = 'APPARATUS_WRITE_CODE_CACHE'

export function loadBundle(): typeof Bundle {
  const file = fileURLToPath(new URL('./apparatus.cjs', import.meta.url))
  const source = readFileSync(file, 'utf8')
  const cacheFile = `${file}.${__APPARATUS_BUNDLE_HASH__}.cache`
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    cachedData = undefined
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    // The bundle loads puppeteer and pdf-lib with `import()`, as any module would.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER
  })
  if (process.env[trainingVariable] === '1' && isMainThread) {
    // After the run, so the functions it called are in the cache with the top level.
    process.once('exit', () => {
      const temporary = `${cacheFile}.${process.pid}`
      writeFileSync(temporary, script.createCachedData())
      renameSync(temporary, cacheFile)
    })
  }
  const module = {exports: {}}
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: {exports: object}, filename: string, dirname: string) => void
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file))
  return module.exports as typeof Bundle
}
