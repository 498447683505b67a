/**
 * remarkSafeContent: source text is data, never markup. Raw HTML becomes text, links that do
 * not go to the web or to mail become their text, images become their description (the
 * edition loads nothing from other origins). Runs before every other HTML transform.
 */
import type {Definition, Link, LinkReference, Nodes, Parents, PhrasingContent, Root, RootContent} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {report} from './rules.js'
import {isSafeUrl} from './urls.js'

const phrasingParents = new Set<Parents['type']>([
  'paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell', 'textDirective'
])

function isPhrasingParent(parent: Parents): boolean {
  return phrasingParents.has(parent.type)
}

/** The text of a refused link, kept in a span that shows the URL on hover (an emphasis node renamed, so its text stays phrasing). */
function unlinked(url: string, children: PhrasingContent[]): PhrasingContent {
  return {type: 'emphasis', data: {hName: 'span', hProperties: {className: ['unlinked'], title: url}}, children}
}

export function remarkSafeContent() {
  return function (tree: Root, file: VFile): undefined {
    const definitions = new Map<string, Definition>()
    visit(tree, 'definition', (node, index, parent) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
      if (parent && index !== undefined) {
        parent.children.splice(index, 1)
        return [SKIP, index]
      }
      return undefined
    })

    visit(tree, (node: Nodes, index, parent) => {
      if (!parent || index === undefined) return undefined
      const replacement = safeReplacement(node, parent, definitions, file)
      if (replacement === undefined) return undefined
      const siblings: RootContent[] = parent.children
      siblings.splice(index, 1, replacement)
      return [SKIP, index + 1]
    })
  }
}

/** The safe form of a node, or undefined when it is safe as it is. */
function safeReplacement(node: Nodes, parent: Parents, definitions: Map<string, Definition>, file: VFile): RootContent | undefined {
  switch (node.type) {
    case 'html': {
      report(file, 'html-raw-html', `Unexpected raw HTML \`${node.value.slice(0, 40)}\`, expected text; shown as text`, node.position)
      const text: PhrasingContent = {type: 'text', value: node.value, position: node.position}
      return isPhrasingParent(parent) ? text : {type: 'paragraph', children: [text], position: node.position}
    }
    case 'link':
      return unsafeLink(node, node.url, file)
    case 'linkReference': {
      const definition = definitions.get(node.identifier)
      if (!definition) return {type: 'text', value: referenceText(node)}
      const link: Link = {type: 'link', url: definition.url, title: definition.title, children: node.children, position: node.position}
      return unsafeLink(link, link.url, file) ?? link
    }
    case 'image':
    case 'imageReference': {
      report(file, 'html-image', `Unexpected image \`${node.alt ?? ''}\`, expected text; shown as its description`, node.position)
      const text: PhrasingContent = {type: 'text', value: node.alt ? `[${node.alt}]` : '[image]'}
      return isPhrasingParent(parent) ? text : {type: 'paragraph', children: [text]}
    }
    default:
      return undefined
  }
}

function unsafeLink(node: Link, url: string, file: VFile): PhrasingContent | undefined {
  if (isSafeUrl(url)) return undefined
  report(file, 'html-unsafe-link', `Unexpected link to \`${url.slice(0, 60)}\`, expected an http(s) or mailto URL; shown as text`, node.position)
  return unlinked(url, node.children)
}

function referenceText(node: LinkReference): string {
  return `[${node.label ?? node.identifier}]`
}
