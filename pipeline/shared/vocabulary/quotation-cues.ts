/**
 * Words of a lead-in sentence that announce a displayed quotation (`The order read:`, `She
 * wired her editor on 3 May:`, `the following passage …:`): verbs of saying and writing, in
 * the past and present, verbs of sending a message (cables, telegrams, wires) and nouns of the
 * texts quoted, in English, French, German and Russian. Lower-case, as the lead-in is read.
 * Compiled by hand; a language is one more group.
 */
export const quotationCues: ReadonlySet<string> = new Set([
  // English: saying and writing
  'read', 'reads', 'stated', 'states', 'wrote', 'writes', 'said', 'says', 'declared', 'concluded',
  'added', 'replied', 'explained', 'instructed', 'verbatim', 'quote', 'quoted', 'reported',
  'announced', 'noted', 'warned', 'ordered', 'answered', 'insisted', 'proclaimed',
  // English: sending a message
  'cabled', 'telegraphed', 'wired', 'radioed',
  // English: the texts quoted
  'telegram', 'letter', 'cable', 'message', 'account', 'text',
  // French
  'écrit', 'écrivait', 'déclare', 'déclara', 'déclaré', 'télégraphia', 'télégramme', 'lettre',
  // German
  'schrieb', 'schreibt', 'erklärte', 'telegrafierte', 'telegramm', 'wortlaut',
  // Russian
  'писал', 'писала', 'написал', 'заявил', 'сообщил', 'телеграфировал', 'телеграмма', 'письмо', 'текст'
])
