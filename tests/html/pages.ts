/** Helpers for the site tests: build the fixture site into a temporary folder, read its pages. */
import {mkdtempSync, readFileSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {visit} from 'unist-util-visit'
import {renderSite, type SiteInput, type SiteOptions} from '../../pipeline/html/index.js'

export async function buildInto(input: SiteInput, options?: SiteOptions): Promise<{outDir: string; htmlDir: string; written: string[]}> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'apparatus-html-'))
  const written = await renderSite(input, outDir, options)
  return {outDir, htmlDir: path.join(outDir, 'html'), written}
}

export function htmlPages(htmlDir: string): string[] {
  return readdirSync(htmlDir).filter((name) => name.endsWith('.html')).sort()
}

export function parsePage(htmlDir: string, name: string): Root {
  return fromHtml(readFileSync(path.join(htmlDir, name), 'utf8'))
}

export function elements(tree: Root, test: (element: Element) => boolean = () => true): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element)
  })
  return found
}

export function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(' ') : String(value)
}

export function textOf(element: Element | Root): string {
  let text = ''
  visit(element, 'text', (node) => {
    text += node.value
  })
  return text
}
