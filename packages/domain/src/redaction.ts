/**
 * Redaction of a farm's identity from free text, for blind review: a farmer may have typed the
 * farm's name, herd number or province into any answer, and a juror must not read it there.
 * Matching ignores case, accents and the punctuation between words or digits; it errs on the side
 * of hiding too much (a word that merely starts with a place name is hidden too).
 */
export interface FarmIdentity {
  name: string;
  herdNumber: string;
  province: string;
}

/** What stands in for a herd number or a place; the name is replaced by the candidate's pseudonym. */
export const REDACTED = "[…]";

/** The names of a Belgian (or bordering Dutch) province in nl, fr, de and en, so each one hides the others. */
const PROVINCE_NAMES: readonly (readonly string[])[] = [
  ["Antwerpen", "Anvers", "Antwerp"],
  ["Limburg", "Limbourg"],
  ["Oost-Vlaanderen", "Flandre orientale", "Ostflandern", "East Flanders"],
  ["West-Vlaanderen", "Flandre occidentale", "Westflandern", "West Flanders"],
  ["Vlaams-Brabant", "Brabant flamand", "Flämisch-Brabant", "Flemish Brabant"],
  ["Brabant wallon", "Waals-Brabant", "Wallonisch-Brabant", "Walloon Brabant"],
  ["Hainaut", "Henegouwen", "Hennegau"],
  ["Liège", "Luik", "Lüttich", "Liege"],
  ["Luxembourg", "Luxemburg"],
  ["Namur", "Namen"],
  ["Noord-Brabant", "Brabant-Septentrional", "Nordbrabant", "North Brabant"],
  ["Zeeland", "Zélande", "Seeland"],
];

/** Words that open many farm names, and the articles after them: the rest is hidden on its own as well. */
const NAME_OPENINGS = new Set(["hoeve", "hof", "ferme", "melkveebedrijf", "boerderij", "domaine", "farm"]);
const ARTICLES = new Set(["de", "den", "het", "t", "ter", "van", "du", "des", "la", "le", "l", "zum", "am"]);

/** One code point folded to lower case without accents. */
const foldChar = (c: string) => c.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** The text folded, with for each folded UTF-16 unit the span of the original it came from. */
function folded(text: string) {
  let out = "";
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  for (const c of text) {
    const f = foldChar(c);
    for (let i = 0; i < f.length; i++) {
      start.push(at);
      end.push(at + c.length);
    }
    out += f;
    at += c.length;
  }
  return { out, start, end };
}

/** The letters and digits of a term, folded: the words of a name, the characters of a herd number. */
const wordsOf = (term: string): string[] => foldChar(term).match(/[\p{L}\p{N}]+/gu) ?? [];

const SEPARATOR = "[^\\p{L}\\p{N}]*";
/** A match starts where no letter or digit precedes it. */
const START = "(?<![\\p{L}\\p{N}])";
/** A name ends where no letter or digit follows; a place may go on ("Limburgse", "liégeois"). */
const END = "(?![\\p{L}\\p{N}])";

/** A term of fewer than two letters or digits would hide far too much; it is left out. */
const usable = (words: readonly string[]) => words.join("").length >= 2;
/** Words in order with any punctuation or spacing (or none) between them. */
const wordsPattern = (words: readonly string[]) => words.join(SEPARATOR);
/** Every character on its own, so "BE 1000 0001/0101" matches "BE10000001-0101". */
const charsPattern = (words: readonly string[]) => [...words.join("")].join(SEPARATOR);

function namePatterns(name: string): string[] {
  const words = wordsOf(name);
  const terms = [words];
  if (words[0] && NAME_OPENINGS.has(words[0])) {
    let rest = words.slice(1);
    terms.push(rest);
    while (rest[0] && ARTICLES.has(rest[0])) rest = rest.slice(1);
    terms.push(rest);
  }
  return terms.filter((t, i) => (i === 0 ? usable(t) : t.join("").length >= 4)).map(wordsPattern);
}

/**
 * The herd number with or without its country letters, and its longest run of digits when it has
 * at least six (the herd itself, written without the unit that follows it).
 */
function herdPatterns(herdNumber: string): string[] {
  const all = wordsOf(herdNumber).join("");
  const withoutCountry = all.replace(/^\p{L}+/u, "");
  const longest = (foldChar(herdNumber).match(/\d+/g) ?? []).reduce(
    (a, b) => (b.length > a.length ? b : a),
    "",
  );
  const terms = [all, ...[withoutCountry, longest].filter((t) => t.length >= 6)];
  return terms.filter((t) => usable([t])).map((t) => charsPattern([t]));
}

function placePatterns(province: string): string[] {
  const bare = province.replace(/\([^)]*\)/g, " ").trim();
  const key = wordsOf(bare).join(" ");
  const names = PROVINCE_NAMES.find((group) => group.some((n) => wordsOf(n).join(" ") === key)) ?? [bare];
  return [province, bare, ...names].map(wordsOf).filter(usable).map(wordsPattern);
}

/** A function replacing every match of the patterns (the longest first) in a text, found on its folded form. */
function replacer(patterns: readonly string[], by: string, after = ""): (text: string) => string {
  if (patterns.length === 0) return (text) => text;
  const ordered = [...new Set(patterns)].sort((a, b) => b.length - a.length);
  const regex = new RegExp(`${START}(?:${ordered.join("|")})${after}`, "gu");
  return (text) => {
    const { out, start, end } = folded(text);
    let result = "";
    let from = 0;
    for (const match of out.matchAll(regex)) {
      const s = start[match.index] as number;
      const e = end[match.index + match[0].length - 1] as number;
      // Two matches may fall within one original character that folds to two ("ﬁ"): keep the first.
      if (s < from) continue;
      result += text.slice(from, s) + by;
      from = e;
    }
    return result + text.slice(from);
  };
}

/**
 * A function that replaces the farm's name in a text by the pseudonym and its herd number and
 * province by {@link REDACTED}; built once per farm, used on each of its texts.
 */
export function identityRedactor(identity: FarmIdentity, pseudonym: string): (text: string) => string {
  const steps = [
    replacer(namePatterns(identity.name), pseudonym, END),
    replacer(herdPatterns(identity.herdNumber), REDACTED),
    replacer(placePatterns(identity.province), REDACTED),
  ];
  return (text) => steps.reduce((t, step) => step(t), text);
}

export const redactIdentity = (text: string, identity: FarmIdentity, pseudonym: string): string =>
  identityRedactor(identity, pseudonym)(text);

/**
 * Every string in a stored answer document redacted (nested panels and matrices included), and a
 * number that spells the herd number replaced by {@link REDACTED}. Keys are the questionnaire's own.
 */
export function redactAnswers<T>(value: T, identity: FarmIdentity, pseudonym: string): T {
  const redact = identityRedactor(identity, pseudonym);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redact(v);
    if (typeof v === "number") {
      const text = String(v);
      return redact(text) === text ? v : REDACTED;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    return v;
  };
  return walk(value) as T;
}
