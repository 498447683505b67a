/**
 * What a citation prints in an author's place when there is none to name (`Anonymous`,
 * `author not indicated`, `avtor ne ukazan`): no name, so the work has no author. In English,
 * Russian (transliterated and in Cyrillic), German and French, as catalogues and archival
 * descriptions print them. Compiled by hand.
 */
const unknownAuthor = new RegExp(
  '^(?:' +
    [
      // English
      'anon(?:ymous|\\.)?',
      'unsigned',
      'no author',
      '(?:the\\s+)?authors?(?:\\(s\\))?\\s+(?:unknown|not\\s+(?:indicated|given|named|known|stated|identified|established))',
      // Russian
      'avtor(?:\\(?y\\)?)?\\s+ne\\s+(?:ukazan|ustanovlen)(?:\\(?y\\)?)?',
      'bez\\s+avtora',
      'автор(?:\\(?ы\\)?)?\\s+не\\s+(?:указан|установлен)(?:\\(?ы\\)?)?',
      'без\\s+автора',
      // German and French
      'anonym',
      'verfasser\\s+unbekannt',
      'ohne\\s+verfasser',
      'anonyme',
      'auteur\\s+inconnu',
      'sans\\s+auteur'
    ].join('|') +
    ')\\.?$',
  'iu'
)

/** Does the text in an author's place say that there is no author (`Author(s) not indicated`)? */
export function isUnknownAuthor(value: string): boolean {
  return unknownAuthor.test(value.trim().replace(/\s+/g, ' '))
}
