/**
 * A byline near the top of a marked-up text (`By Tamsin Orlaway`): the author, where the
 * source's own metadata names none. The line stays in the text; only its name is read.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'

/** A name: two to five capitalized words, no sentence. */
const name = /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}\p{Lu}[\p{L}'’-]+$/u
/** `By`, `Von`, `Par`, `Door`, `Por` before it (not case-blind: `\p{Lu}` would match any letter). */
const byline = /^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Dd]oor|[Pp]or|POR)\s+(.+)$/u

/** Blocks at the top of a text where its byline may stand. */
export const bylineWindow = 8

/** The name a byline gives (`By Tamsin Orlaway` → `Tamsin Orlaway`); `named` takes a name alone too (an element classed as the author's). */
export function bylineName(text: string, named = false): string | undefined {
  const line = text.replace(/\s+/g, ' ').trim()
  const found = byline.exec(line)?.[1] ?? (named ? line : undefined)
  return found !== undefined && name.test(found) ? found : undefined
}

/** The author of a byline paragraph among the first blocks of a converted text. */
export function bylineOfTree(tree: Root): string | undefined {
  for (const node of tree.children.slice(0, bylineWindow)) {
    if (node.type !== 'paragraph') continue
    const found = bylineName(toString(node))
    if (found !== undefined) return found
  }
  return undefined
}
