/** Tokens of a reference or note: whitespace-separated words with their offsets. */

export interface Token {
  text: string
  start: number
  end: number
}

/**
 * Split at whitespace; a `;` or a `:` glued to the next word (`Berlin;Müller`, `in:Title`),
 * an opening bracket after a word (`Birgit(2001)`), a year glued to a name (`Andreas1999:`) and
 * a word glued to the year before it (`(1993)The`, `(2012),A`) and a number glued to the word
 * and comma before it (`Medicine,45,`) and a word glued to a bracket's close and full stop
 * (`4)).Von`) also start a token, where
 * printed references often lose their spaces.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const match of text.matchAll(/\S+/g)) {
    const word = match[0]
    let start = match.index
    // Most words have nothing to cut: the pattern is only run where it may match.
    const cuts = /[;:(]|gl\.|\p{Ll}(?:1[5-9]|20)\d\d|\p{L},\d|\)\.\p{Lu}/u.test(word) ? word.matchAll(/(?<=\p{L}\p{Ll})(?=(?:1[5-9]|20)\d\d[a-z]?[:,.;)]?$)|(?<=[\p{L}\p{N}.][;:])(?=[\p{Lu}„“"])|(?<=\b[Vv]gl\.)(?=\p{Lu})|(?<=[\p{Ll}])(?=\((?:1[5-9]|20)\d\d)|(?<=\((?:1[5-9]|20)\d\d[a-z]?\)[,.:]?)(?=[\p{L}„“"»«‚])|(?<=\p{L}{2},)(?=\d)|(?<=\)\.)(?=\p{Lu})/gu) : []
    for (const cut of cuts) {
      const at = match.index + cut.index
      if (at > start) out.push({text: text.slice(start, at), start, end: at})
      start = at
    }
    out.push({text: text.slice(start, match.index + word.length), start, end: match.index + word.length})
  }
  return out
}
