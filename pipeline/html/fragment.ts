/**
 * An HTML fragment (a formatted bibliography entry) as hast. It is the tree
 * `fromHtml(html, {fragment: true})` gives, without the source positions, which nothing reads
 * here: parse5 then keeps no location info and no file is made for them, which halves the cost
 * of the thousands of small fragments a bibliography has.
 */
import type {Root} from 'hast'
import {fromParse5} from 'hast-util-from-parse5'
import {parseFragment} from 'parse5'

export function fragmentTree(html: string): Root {
  // As hast-util-from-html parses: scripting off, so `<noscript>` content is markup, not text.
  return fromParse5(parseFragment(html, {scriptingEnabled: false})) as Root
}
