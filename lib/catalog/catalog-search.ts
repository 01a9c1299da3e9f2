/**
 * Ranked, typo-tolerant catalog search over display name, name, id, alias, org and providers.
 * The index (built once per catalog) interns every token into a vocabulary and keeps each
 * model's token ids in one flat typed array. A query scores each distinct token once per term,
 * then sums per model with array lookups: a few ms at 10,000 models.
 */
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { containsWhole, digitsOf, isDigit, SCORE, scoreAgainst } from "./term-score";

/** Fields in order of weight: a hit in the name beats one in the org or a provider name. */
const FIELD_WEIGHTS = [1, 0.9, 0.8, 0.5] as const; // name, id, org, provider
const FIELDS = FIELD_WEIGHTS.length;

/** A word; a dot between digits stays so versions keep their meaning ("3.3", "qwen2.5", "1.5b"). */
const WORD = /[a-z0-9]+(?:\.[0-9]+[a-z0-9]*)*/g;
const PART = /[a-z]+|[0-9]+(?:\.[0-9]+)*/g;
const MIXED = /[a-z][0-9]|[0-9][a-z]/;

export interface SearchIndex {
  size: number;
  vocabulary: string[];
  /** Token ids of every model's fields, back to back; field f of model m is tokens[start[m*F+f] .. start[m*F+f+1]). */
  tokens: Uint32Array;
  start: Uint32Array;
  /** Words run together, for terms typed without spaces ("deepseekr1"): name and id fields. */
  compactName: string[];
  compactId: string[];
  /** Normalised names (display, own, alias), "\n"-joined, for whole-query bonuses. */
  names: string[];
  nameLength: Uint16Array;
  available: Uint8Array;
}

export interface SearchHit {
  /** Position of the model in the array the index was built from. */
  index: number;
  score: number;
}

/** Lower-case words: "Llama-3.3-70B" -> llama 3.3 70b, "Arch-Router-1.5B" -> arch router 1.5b. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Calls `visit` for every word and, for mixed words, their letter/number parts ("qwen3" -> qwen, 3). */
function eachToken(list: readonly string[], visit: (token: string) => void): void {
  for (const word of list) {
    visit(word);
    if (MIXED.test(word)) for (const part of word.match(PART) ?? []) visit(part);
  }
}

/** Words plus their letter/number parts, so "qwen 3" meets "qwen3" and "70" meets "70b". */
export function tokenize(text: string): string[] {
  const tokens = new Set<string>();
  eachToken(words(text), (token) => tokens.add(token));
  return [...tokens];
}

/** The words run together; a "|" keeps two numbers apart so "3.3" + "70b" never reads "3.370b". */
function compactOf(list: readonly string[]): string {
  let compact = "";
  for (const word of list) {
    if (isDigit(compact[compact.length - 1]) && isDigit(word[0])) compact += "|";
    compact += word;
  }
  return compact;
}

/** Builds the search index of a catalog; rebuild it only when the catalog changes. */
export function buildSearchIndex(models: readonly CatalogModel[]): SearchIndex {
  const vocabulary: string[] = [];
  const ids = new Map<string, number>();
  const tokens: number[] = [];
  const start = new Uint32Array(models.length * FIELDS + 1);
  const pushWords = (list: readonly string[]) =>
    eachToken(list, (token) => {
      let id = ids.get(token);
      if (id === undefined) {
        id = vocabulary.length;
        vocabulary.push(token);
        ids.set(token, id);
      }
      tokens.push(id);
    });
  // Orgs and provider lists repeat across thousands of models: split each distinct text once.
  const wordCache = new Map<string, string[]>();
  const cachedWords = (text: string): string[] => {
    let list = wordCache.get(text);
    if (!list) wordCache.set(text, (list = words(text)));
    return list;
  };
  const compactName: string[] = [];
  const compactId: string[] = [];
  const names: string[] = [];
  const nameLength = new Uint16Array(models.length);
  const available = new Uint8Array(models.length);

  for (let m = 0; m < models.length; m++) {
    const model = models[m] as CatalogModel;
    // The display name is the alias when set, else the name: index each once.
    const nameWords = words(model.name);
    const aliasWords = model.alias ? words(model.alias) : null;
    const idWords = words(model.id);
    start[m * FIELDS] = tokens.length;
    pushWords(nameWords);
    if (aliasWords) pushWords(aliasWords);
    start[m * FIELDS + 1] = tokens.length;
    pushWords(idWords);
    start[m * FIELDS + 2] = tokens.length;
    pushWords(cachedWords(model.ownedBy));
    start[m * FIELDS + 3] = tokens.length;
    for (const provider of model.providers) pushWords(cachedWords(provider.provider));
    compactName.push(aliasWords ? `${compactOf(aliasWords)} ${compactOf(nameWords)}` : compactOf(nameWords));
    compactId.push(compactOf(idWords));
    names.push(aliasWords ? `${aliasWords.join(" ")}\n${nameWords.join(" ")}` : nameWords.join(" "));
    nameLength[m] = Math.min(model.displayName.length, 65_535);
    available[m] = model.available ? 1 : 0;
  }
  start[models.length * FIELDS] = tokens.length;
  return {
    size: models.length,
    vocabulary,
    tokens: Uint32Array.from(tokens),
    start,
    compactName,
    compactId,
    names,
    nameLength,
    available,
  };
}

const indexes = new WeakMap<readonly CatalogModel[], SearchIndex>();

/** The index of a catalog array, built on first use and kept as long as the array lives. */
export function searchIndexFor(models: readonly CatalogModel[]): SearchIndex {
  let index = indexes.get(models);
  if (!index) {
    index = buildSearchIndex(models);
    indexes.set(models, index);
  }
  return index;
}

function scoreModel(index: SearchIndex, m: number, terms: string[], vocabScores: Float32Array[]): number {
  let total = 0;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t] as string;
    const scores = vocabScores[t] as Float32Array;
    let best = 0;
    for (let f = 0; f < FIELDS; f++) {
      let fieldBest = 0;
      const end = index.start[m * FIELDS + f + 1] as number;
      for (let at = index.start[m * FIELDS + f] as number; at < end; at++) {
        const score = scores[index.tokens[at] as number] as number;
        if (score > fieldBest) fieldBest = score;
      }
      if (fieldBest < SCORE.substring && term.length >= 3 && f < 2) {
        const compact = (f === 0 ? index.compactName[m] : index.compactId[m]) ?? "";
        if (containsWhole(compact, term)) fieldBest = SCORE.substring;
      }
      best = Math.max(best, fieldBest * (FIELD_WEIGHTS[f] as number));
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** Recent terms' scores per index: typing "deepseek r1" scores "deepseek" once, not once per later key. */
const termScores = new WeakMap<SearchIndex, Map<string, Float32Array>>();
const TERMS_KEPT = 32;

/** Every vocabulary token's score against one term. */
function vocabularyScores(index: SearchIndex, term: string): Float32Array {
  let cache = termScores.get(index);
  if (!cache) termScores.set(index, (cache = new Map()));
  let scores = cache.get(term);
  if (!scores) {
    scores = new Float32Array(index.vocabulary.length);
    const termDigits = digitsOf(term);
    const { vocabulary } = index;
    for (let id = 0; id < vocabulary.length; id++)
      scores[id] = scoreAgainst(term, termDigits, vocabulary[id] as string);
    if (cache.size >= TERMS_KEPT) cache.delete(cache.keys().next().value as string);
    cache.set(term, scores);
  }
  return scores;
}

/** The query as the whole-query bonus compares it, its strings built once per search, not once per hit. */
interface Phrase {
  phrase: string;
  compact: string;
  /** "\n" + phrase: a name (a line of `names`) starting with it. */
  afterBreak: string;
  beforeBreak: string;
  betweenBreaks: string;
}

function phraseOf(terms: readonly string[], query: string): Phrase {
  const phrase = terms.join(" ");
  return {
    phrase,
    compact: compactOf(words(query)),
    afterBreak: `\n${phrase}`,
    beforeBreak: `${phrase}\n`,
    betweenBreaks: `\n${phrase}\n`,
  };
}

/** `text` has a whole line equal to the phrase: `\n${text}\n`.includes(`\n${phrase}\n`), without the copies. */
export function hasLine(
  text: string,
  phrase: Pick<Phrase, "phrase" | "afterBreak" | "beforeBreak" | "betweenBreaks">,
): boolean {
  return (
    text === phrase.phrase ||
    text.startsWith(phrase.beforeBreak) ||
    text.endsWith(phrase.afterBreak) ||
    text.includes(phrase.betweenBreaks)
  );
}

function wholeQueryBonus(index: SearchIndex, m: number, phrase: Phrase): number {
  const names = index.names[m] ?? "";
  if (index.compactId[m] === phrase.compact || hasLine(names, phrase)) return 100;
  if (names.startsWith(phrase.phrase) || names.includes(phrase.afterBreak)) return 20;
  return 0;
}

/**
 * Models matching every term of `query`, best first: exact/prefix name or alias matches,
 * then word matches, then typos and abbreviations; ties go to routed models, then shorter names.
 * Returns null for a blank query (= no search, keep the catalog order).
 */
export function searchModels(index: SearchIndex, query: string): SearchHit[] | null {
  const terms = [...new Set(words(query))];
  if (terms.length === 0) return null;
  const vocabScores = terms.map((term) => vocabularyScores(index, term));
  const phrase = phraseOf(terms, query);
  const hits: SearchHit[] = [];
  for (let m = 0; m < index.size; m++) {
    const score = scoreModel(index, m, terms, vocabScores);
    if (score > 0) hits.push({ index: m, score: score + wholeQueryBonus(index, m, phrase) });
  }
  const { available, nameLength } = index;
  return hits.sort(
    (a, b) =>
      b.score - a.score ||
      (available[b.index] as number) - (available[a.index] as number) ||
      (nameLength[a.index] as number) - (nameLength[b.index] as number) ||
      a.index - b.index,
  );
}
