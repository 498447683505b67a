/**
 * Files the print document loads: the stylesheet, Paged.js and the bundled font. They are
 * found from this module's folder upwards, so the same code runs from `pipeline/` (tsx) and
 * from `dist/pipeline/` (compiled).
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {projectFile} from '../shared/project-files.js'

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

/** One `@font-face` rule and the code points its `unicode-range` covers. */
interface FontFaceRule {
  css: string
  ranges: Array<[number, number]>
}

let fontFaceRules: FontFaceRule[] | undefined

/**
 * The `@font-face` rules of Source Serif 4 from @fontsource, one per face and subset (Latin,
 * Latin Extended, Cyrillic, Greek, Vietnamese), with `file:` URLs so Chromium loads them offline.
 */
function readFontFaceRules(): FontFaceRule[] {
  const folder = dirname(require.resolve('@fontsource/source-serif-4/package.json'))
  return faces.flatMap((face) => {
    const css = readFileSync(join(folder, `${face}.css`), 'utf8')
    return [...css.matchAll(/@font-face\s*\{[^}]*\}/g)].map(([rule]) => ({
      // Only the woff2 sources: Chromium reads them, and fewer URLs keep loading quick.
      css: rule.replace(/url\(\.\/files\/([^)]+?\.woff2)\) format\('woff2'\), url\(\.\/files\/[^)]+?\.woff\) format\('woff'\)/g,
        (_, file: string) => `url(${pathToFileURL(resolve(folder, 'files', file)).href}) format('woff2')`),
      ranges: [...(/unicode-range:([^;]+);/.exec(rule)?.[1] ?? 'U+0-10FFFF').matchAll(/U\+([0-9A-F]+)(?:-([0-9A-F]+))?/gi)]
        .map(([, from = '0', to]): [number, number] => [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)])
    }))
  })
}

/**
 * `@font-face` rules for the subsets `text` needs: Paged.js loads every face a page declares
 * before it lays out anything, and a subset no character uses was a file read and decoded for
 * nothing (24 of the 36 for an edition in Latin script).
 */
export function fontFaceCss(text: string): string {
  fontFaceRules ??= readFontFaceRules()
  // Code units seen, one byte each: the ranges are then looked up, not the book's characters.
  const seen = new Uint8Array(0x10000)
  for (let index = 0; index < text.length; index++) seen[text.charCodeAt(index)] = 1
  const covers = ([from, to]: [number, number]) => {
    // Outside the Basic Multilingual Plane, a character is a surrogate pair: any pair counts.
    if (to > 0xffff) return seen.subarray(0xd800, 0xdc00).includes(1)
    return seen.subarray(from, to + 1).includes(1)
  }
  return fontFaceRules
    .filter((rule) => rule.ranges.some(covers))
    .map((rule) => rule.css)
    .join('\n')
}
