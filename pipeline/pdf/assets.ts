/**
 * Files the print document loads: the stylesheet, Paged.js and the bundled font. They are
 * found from this module's folder upwards, so the same code runs from `pipeline/` (tsx) and
 * from `dist/pipeline/` (compiled).
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {projectFile} from '../project-files.js'

const require = createRequire(import.meta.url)


/** Absolute path of `styles/print.css`. */
export function printStylesheetPath(): string {
  return projectFile('styles/print.css')
}

/** Absolute path of the in-page script that runs Paged.js and measures the layout. */
export function paginateScriptPath(): string {
  return projectFile('templates/pdf/paginate.js')
}

/** Absolute path of the Paged.js polyfill. */
export function pagedPolyfillPath(): string {
  // The package exports no `package.json`; its CommonJS entry sits in `lib/`.
  return join(dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js')
}

/** Weights and styles of Source Serif 4 the print stylesheet uses. */
const faces = ['400', '400-italic', '600', '600-italic', '700', '700-italic']

/**
 * `@font-face` rules for Source Serif 4 from @fontsource, with every subset (Latin, Latin
 * Extended, Cyrillic, Greek, Vietnamese) and `file:` URLs so Chromium loads them offline.
 */
export function fontFaceCss(): string {
  const folder = dirname(require.resolve('@fontsource/source-serif-4/package.json'))
  return faces
    .map((face) => {
      const css = readFileSync(join(folder, `${face}.css`), 'utf8')
      // Only the woff2 sources: Chromium reads them, and fewer URLs keep loading quick.
      return css
        .replace(/url\(\.\/files\/([^)]+?\.woff2)\) format\('woff2'\), url\(\.\/files\/[^)]+?\.woff\) format\('woff'\)/g,
          (_, file: string) => `url(${pathToFileURL(resolve(folder, 'files', file)).href}) format('woff2')`)
    })
    .join('\n')
}
