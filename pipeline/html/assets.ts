/**
 * The site's static files: the stylesheet, the bundled fonts and their licence, the scripts
 * that enhance the pages, and minisearch's browser build. All are copied into `assets/`.
 */
import {copyFile, mkdir, readdir} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {projectFile} from '../shared/project-files.js'

/** The project folder holding `styles/` and `templates/`. */
function projectRoot(): string {
  return path.dirname(path.dirname(projectFile('styles/screen.css')))
}

/** Files copied as they are: source (relative to the project) → target (relative to `assets/`). */
const staticAssets: ReadonlyArray<{from: string; to: string}> = [
  {from: 'styles/screen.css', to: 'screen.css'},
  {from: 'templates/html/client/notes.js', to: 'notes.js'},
  {from: 'templates/html/client/search.js', to: 'search.js'},
  {from: 'templates/html/client/reading.js', to: 'reading.js'},
  {from: 'templates/html/client/favicon.svg', to: 'favicon.svg'}
]

/** minisearch's UMD build (sets `self.MiniSearch`) and its licence. */
function minisearchFiles(): Array<{from: string; to: string}> {
  const require = createRequire(import.meta.url)
  const packageDir = path.resolve(path.dirname(require.resolve('minisearch')), '..', '..')
  return [
    {from: path.join(packageDir, 'dist', 'umd', 'index.js'), to: 'minisearch.js'},
    {from: path.join(packageDir, 'LICENSE.txt'), to: 'minisearch-LICENSE.txt'}
  ]
}

/** Copy the assets into `<htmlDir>/assets`; returns the written paths relative to htmlDir. */
export async function copyAssets(htmlDir: string, root: string = projectRoot()): Promise<string[]> {
  const assets = path.join(htmlDir, 'assets')
  await mkdir(path.join(assets, 'fonts'), {recursive: true})
  const fontsDir = path.join(root, 'styles', 'fonts')
  const fonts = (await readdir(fontsDir)).filter((name) => name.endsWith('.woff2') || name.startsWith('LICENSE')).sort()
  const files = [
    ...staticAssets.map(({from, to}) => ({from: path.join(root, from), to})),
    ...fonts.map((name) => ({from: path.join(fontsDir, name), to: `fonts/${name}`})),
    ...minisearchFiles()
  ]
  await Promise.all(files.map(({from, to}) => copyFile(from, path.join(assets, to))))
  return files.map(({to}) => `assets/${to}`)
}
