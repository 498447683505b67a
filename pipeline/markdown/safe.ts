/**
 * `state.safe` of mdast-util-to-markdown, made cheap. It tests every unsafe pattern of the
 * state on every string it is given (text, note labels, link parts), one regular expression
 * each, and most have nothing to escape. Here the patterns in scope of a construct stack are
 * compiled once into one expression that finds the unsafe characters themselves (their
 * context as lookarounds): a string without one is written as it is, which is what
 * `state.safe` gives it then. A string with one goes to `state.safe` with only the patterns in
 * scope whose character it has: the others match nothing, so the output is the same.
 */
import type {Nodes, Parents, Root} from 'mdast'
import type {Handle, Info, SafeConfig, State, Unsafe} from 'mdast-util-to-markdown'

/** The unsafe patterns that apply in one construct stack. */
interface Scope {
  patterns: Unsafe[]
  /**
   * Where the character of a pattern without node conditions stands in a match; one
   * expression per set of flags.
   */
  expressions: RegExp[]
  /** Patterns that apply only next to a node of some type (`[^1]\:`): compiled as `state.safe` does. */
  nodeBound: Array<{pattern: Unsafe; expression: RegExp}>
}

/** Scopes by construct stack, one name a level. */
interface Scopes {
  scope?: Scope
  next: Map<string, Scopes>
}

/** Scopes by the patterns of a state: every state of a processor has the same patterns. */
const scopesByPatterns = new Map<string, Scopes>()
const scopesOfState = new WeakMap<State, Scopes>()
const patternIds = new WeakMap<Unsafe, number>()
let patternCount = 0

/** A root handler that writes the tree with the cheap `state.safe` in place. */
export function withCheapSafe(handle: (node: Root, parent: Parents | undefined, state: State, info: Info) => string): Handle {
  return function (node: Root, parent: Parents | undefined, state: State, info: Info): string {
    const safe = state.safe
    state.safe = (value, config) => cheapSafe(state, safe, value, config)
    try {
      return handle(node, parent, state, info)
    } finally {
      state.safe = safe
    }
  }
}

function cheapSafe(state: State, safe: State['safe'], value: string | null | undefined, config: SafeConfig): string {
  const input = value || ''
  const before = config.before || ''
  const after = config.after || ''
  const whole = before + input + after
  const scope = scopeOf(state)
  // Backslashes are escaped when punctuation follows them, also without an unsafe pattern.
  if (!input.includes('\\') && !after.includes('\\') && !unsafeIn(scope, whole, before.length, after.length, config.beforeNode, config.afterNode)) {
    return input
  }
  const all = state.unsafe
  state.unsafe = scope.patterns.filter((pattern) => whole.includes(pattern.character))
  try {
    return safe.call(state, value, config)
  } finally {
    state.unsafe = all
  }
}

/** Whether a pattern matches with its character in `value` between `offset` and `tail` characters of context. */
function unsafeIn(scope: Scope, value: string, offset: number, tail: number, beforeNode: Nodes | undefined, afterNode: Nodes | undefined): boolean {
  const end = value.length - tail
  for (const expression of scope.expressions) {
    expression.lastIndex = offset
    const match = expression.exec(value)
    if (match && match.index < end) return true
  }
  for (const {pattern, expression} of scope.nodeBound) {
    if (!nodeInScope(pattern.beforeNode, beforeNode) || !nodeInScope(pattern.afterNode, afterNode)) continue
    if (expression.test(value.slice(pattern.beforeNode ? offset : 0, pattern.afterNode ? end : undefined))) return true
  }
  return false
}

function scopeOf(state: State): Scope {
  let scopes: Scopes = scopesOfState.get(state) ?? scopesOf(state)
  for (const name of state.stack) {
    let next = scopes.next.get(name)
    if (!next) scopes.next.set(name, (next = {next: new Map()}))
    scopes = next
  }
  return (scopes.scope ??= compileScope(state))
}

function scopesOf(state: State): Scopes {
  const patterns = state.unsafe.map((pattern) => {
    let id = patternIds.get(pattern)
    if (id === undefined) patternIds.set(pattern, (id = patternCount++))
    return id
  }).join(',')
  let scopes = scopesByPatterns.get(patterns)
  if (!scopes) scopesByPatterns.set(patterns, (scopes = {next: new Map()}))
  scopesOfState.set(state, scopes)
  return scopes
}

function compileScope(state: State): Scope {
  const inScope = state.unsafe.filter((pattern) => listInScope(state.stack, pattern.inConstruct, true) && !listInScope(state.stack, pattern.notInConstruct, false))
  const sources = new Map<string, string[]>()
  const nodeBound: Scope['nodeBound'] = []
  for (const pattern of inScope) {
    const flags = pattern.unicode ? 'u' : ''
    if (pattern.beforeNode || pattern.afterNode) {
      // Not global: `state.safe` keeps a `lastIndex` on its own compiled expressions.
      nodeBound.push({pattern, expression: new RegExp(state.compilePattern(pattern).source, flags)})
      continue
    }
    const list = sources.get(flags) ?? []
    list.push(characterOf(pattern))
    sources.set(flags, list)
  }
  const expressions = [...sources].map(([flags, list]) => new RegExp(list.join('|'), flags + 'g'))
  return {patterns: inScope, expressions, nodeBound}
}

/**
 * The expression of `compilePattern` with what comes before the character as a lookbehind
 * after it: an alternation of expressions that start with their character is fast to search.
 */
function characterOf(pattern: Unsafe): string {
  const before = (pattern.atBreak ? '[\\r\\n][\\t ]*' : '') + (pattern.before ? '(?:' + pattern.before + ')' : '')
  const character = (/[$()*+.?[\\\]^{|}]/.test(pattern.character) ? '\\' : '') + pattern.character
  return character + (before ? '(?<=' + before + character + ')' : '') + (pattern.after ? '(?:' + pattern.after + ')' : '')
}

/** As mdast-util-to-markdown's `patternInScope` reads `inConstruct` and `notInConstruct`. */
function listInScope(stack: State['stack'], list: Unsafe['inConstruct'], none: boolean): boolean {
  if (typeof list === 'string') list = [list]
  if (!list || list.length === 0) return none
  return list.some((name) => stack.includes(name))
}

function nodeInScope(types: Unsafe['beforeNode'], node: Nodes | undefined): boolean {
  if (!types) return true
  if (!node) return false
  return typeof types === 'string' ? types === node.type : types.includes(node.type)
}
