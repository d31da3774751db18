// Named entities: capitalised names folded to one key across spellings, titles and acronyms. Found in a
// sentence (find.ts), resolved to a key and a type (resolve.ts), collected over an article
// (collect.ts); folding (fold.ts), the words that decide (vocabulary.ts), naming differences (naming.ts).

export { collectEntities, isTitleCase } from './collect';
export { findNames } from './find';
export { foldName } from './fold';
export { type NamingDifference, namingDifferences, oneEditApart } from './naming';
export { type ResolvedName, resolveName } from './resolve';
