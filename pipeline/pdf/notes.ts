/**
 * A printed note is an inline span at its call (Paged.js floats it to the foot of the page), so
 * its blocks become spans, and its first paragraph runs on after the note's number.
 */
import type {ElementContent} from 'hast'
import {asPhrasing} from '../html/phrasing.js'

/** Block elements become spans (class `nb nb-<tag>`) so a note stays valid inline content. */
function inlineBlocks(nodes: ElementContent[]): ElementContent[] {
  return asPhrasing(nodes, (element, siteClass) => (siteClass ? {...element.properties, className: ['nb', `nb-${element.tagName}`]} : element.properties))
}

/** The first paragraph of a note runs on after the note's number (class `nb-lead`). */
function runOn(nodes: ElementContent[]): ElementContent[] {
  const first = nodes.findIndex((node) => node.type === 'element' || node.value.trim() !== '')
  const lead = nodes[first]
  const classes = lead?.type === 'element' ? lead.properties.className : undefined
  if (!Array.isArray(classes) || !classes.includes('nb-p')) return nodes
  return nodes.map((node, index) => index === first && node.type === 'element' ? {...node, properties: {...node.properties, className: ['nb-lead']}} : node)
}

/** A note's content as phrasing. */
export function noteContent(nodes: ElementContent[]): ElementContent[] {
  return runOn(inlineBlocks(nodes))
}

/** Every note printed at its call (`span.note`: its number, a space, its content) made phrasing. */
export function inlineNotes(nodes: ElementContent[]): ElementContent[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return node
    const children = inlineNotes(node.children)
    const classes = node.properties.className
    if (!(node.tagName === 'span' && Array.isArray(classes) && classes.includes('note'))) return {...node, children}
    const [number, space, ...content] = children
    return number && space ? {...node, children: [number, space, ...noteContent(content)]} : {...node, children}
  })
}
