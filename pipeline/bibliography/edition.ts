/**
 * Works that are themselves documents of the edition: a citation of the working paper that
 * is source 000 links to it (`custom.editionDocument`). Matched by title (dates in the title
 * ignored, since citers drop or respell them), then author and year.
 */
import type {CslItemDraft} from '../shared/types/csl.js'
import type {DocumentMeta} from '../shared/types/document.js'
import {yearOf} from './dates.js'
import {nameHead, titleParts} from './identity.js'
import {comparable, titleForm} from './normalize.js'

/** Title forms without years: `…Korean War, 1945-1950: New Evidence…` meets `…Korean War: New Evidence…`. */
function titleKeys(title: string): string[] {
  const withoutYears = title.replace(/\b\d{4}(?:\s*[-–]\s*\d{2,4})?\b/g, ' ')
  const main = titleParts(withoutYears).main
  return [...new Set([titleForm(withoutYears), titleForm(main)].filter(Boolean))]
}

function surname(author: string): string {
  const parts = comparable(author).split(' ')
  return parts[parts.length - 1] ?? ''
}

export interface EditionIndex {
  byTitle: Map<string, DocumentMeta[]>
}

/** Index the edition's documents by the forms of their titles. */
export function editionIndex(metas: DocumentMeta[]): EditionIndex {
  const byTitle = new Map<string, DocumentMeta[]>()
  for (const meta of metas) {
    for (const key of titleKeys(meta.title)) {
      const list = byTitle.get(key) ?? []
      list.push(meta)
      byTitle.set(key, list)
    }
  }
  return {byTitle}
}

/** The slug of the edition document an item is, if any. */
export function editionDocumentOf(item: CslItemDraft, index: EditionIndex): string | undefined {
  if (!item.title || item.archive) return undefined
  const author = nameHead(item.author)
  const year = yearOf(item.issued)
  for (const key of titleKeys(item.title)) {
    for (const meta of index.byTitle.get(key) ?? []) {
      if (author && !meta.authors.some((name) => surname(name) === author)) continue
      const metaYear = meta.date ? Number(meta.date.slice(0, 4)) : undefined
      if (year !== undefined && metaYear !== undefined && year !== metaYear) continue
      return meta.slug
    }
  }
  return undefined
}
