#!/usr/bin/env node
// Runs before `npm run build` and `npm test`: installs what a fresh clone lacks.
// - node_modules missing or older than package-lock.json → `npm ci`
// - no Chromium (and PUPPETEER_EXECUTABLE_PATH unset) → `apt-get install chromium` when root,
//   otherwise a clear message (the PDF reader and browser tests need it).
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, statSync} from 'node:fs'

const root = new URL('..', import.meta.url).pathname
process.chdir(root)

const run = (command, args) => {
  const result = spawnSync(command, args, {stdio: 'inherit', env: {...process.env, PUPPETEER_SKIP_DOWNLOAD: '1'}})
  return result.status === 0
}

const marker = 'node_modules/.package-lock.json'
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs) {
  console.error('apparatus: installing npm dependencies (npm ci)…')
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
    console.error('apparatus: `npm ci` failed; see the messages above.')
    process.exit(1)
  }
}

const browsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
const configured = process.env.PUPPETEER_EXECUTABLE_PATH
if (!(configured ? existsSync(configured) : browsers.some((path) => existsSync(path)))) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.error('apparatus: installing Chromium with apt-get (needed for the PDF reader)…')
    const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'}
    try {
      execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env})
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {stdio: 'inherit', env})
    } catch {
      console.error('apparatus: could not install Chromium; the PDF reader will be skipped with a warning.')
    }
  } else {
    console.error('apparatus: Chromium not found. Install it (sudo apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH; the PDF reader needs it.')
  }
}
