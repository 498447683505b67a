#!/usr/bin/env node
// Compiles the TypeScript pipeline into dist/ (incremental: unchanged files are not rebuilt).
import {spawnSync} from 'node:child_process'
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)
const tsc = require.resolve('typescript/bin/tsc')
process.chdir(new URL('..', import.meta.url).pathname)
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {stdio: 'inherit'})
process.exit(result.status ?? 1)
