/**
 * Nouns and adjectives of the subjects scholarship in history and politics writes about: a
 * printed string that opens with one is a title or the name of a project or an institution
 * (`Cold War History`, `Peace Studies Program`), never a person. Words that are also common
 * personal names (`Young`, `Rich`, `Strong`) are not listed. Compiled by hand from the words
 * of titles in the field's bibliographies.
 */
export const subjectWords: ReadonlySet<string> = new Set([
  'Affairs', 'Civil', 'Cold', 'Colonial', 'Communism', 'Communist', 'Conflict', 'Crisis',
  'Democracy', 'Democratic', 'Diplomacy', 'Diplomatic', 'Documents', 'Economic', 'Economy',
  'Empire', 'Foreign', 'Global', 'History', 'Imperial', 'International', 'Liberation', 'Military',
  'Modern', 'National', 'Occupation', 'Origins', 'Papers', 'Peace', 'Policy', 'Political',
  'Politics', 'Project', 'Relations', 'Revolution', 'Secret', 'Security', 'Socialist', 'Strategy',
  'Studies', 'Top', 'Trusteeship', 'War', 'Wars', 'World'
])
