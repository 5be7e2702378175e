import { ExpressionRunner } from "survey-core";
import { createModel, describeQuestions, type QuestionInfo } from "./model.ts";
import { checkRule } from "./rules.ts";
import { type Catalogue, LOCALES, type Problem, THEME_IDS } from "./types.ts";

export interface Definitions {
  catalogue: Catalogue;
  versions: { id: string; json: unknown; mapping: unknown }[];
}

/** Keys whose value is a text shown to the farmer: they must be localized in nl, fr, de and en. */
const LOCALIZABLE = new Set([
  "title",
  "description",
  "text",
  "html",
  "completedHtml",
  "completedBeforeHtml",
  "loadingHtml",
  "placeholder",
  "labelTrue",
  "labelFalse",
  "otherText",
  "noneText",
  "selectAllText",
  "otherPlaceholder",
  "commentPlaceholder",
  "commentText",
  "requiredErrorText",
  "otherErrorText",
  "minErrorText",
  "maxErrorText",
  "navigationTitle",
  "navigationDescription",
  "pagePrevText",
  "pageNextText",
  "completeText",
  "previewText",
  "editText",
  "startSurveyText",
  "minRateDescription",
  "maxRateDescription",
]);
/** Element types that need no title of their own. */
const UNTITLED_TYPES = new Set(["html", "image", "panel"]);
/** Variables an expression may use besides question names (context of choices, rows, panels). */
const CONTEXT_VARIABLES = new Set(["item", "choice", "row", "panel", "parentpanel", "rowindex", "rowname"]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isExpressionKey = (key: string) =>
  key === "expression" || key.endsWith("If") || key.endsWith("Expression");

/** Visits every key/value of a JSON tree with its JSON pointer. */
function walk(
  node: unknown,
  pointer: string,
  visit: (key: string, value: unknown, pointer: string) => void,
): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      walk(v, `${pointer}/${i}`, visit);
    });
  } else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      const p = `${pointer}/${k}`;
      visit(k, v, p);
      walk(v, p, visit);
    }
  }
}

interface ElementRef {
  name: unknown;
  type: unknown;
  pointer: string;
  node: Record<string, unknown>;
}
/** Elements of the questionnaire (questions and panels, recursively), pages excluded. */
function collectElements(json: Record<string, unknown>): ElementRef[] {
  const out: ElementRef[] = [];
  const visitList = (list: unknown, pointer: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((el, i) => {
      if (!isObject(el)) return;
      const p = `${pointer}/${i}`;
      out.push({ name: el.name, type: el.type, pointer: p, node: el });
      visitList(el.elements, `${p}/elements`);
    });
  };
  if (Array.isArray(json.pages)) {
    json.pages.forEach((page, i) => {
      if (isObject(page)) visitList(page.elements, `/pages/${i}/elements`);
    });
  }
  visitList(json.elements, "/elements");
  return out;
}

/** Survey texts need nl, fr, de, en and "default"; catalogue texts need nl, fr, de, en. */
function localizedProblems(value: unknown, what: string, withDefault = true): string | undefined {
  if (typeof value === "string")
    return `${what} is a plain string: it must be localized in ${LOCALES.join(", ")}`;
  if (!isObject(value)) return `${what} must be a localized text`;
  const keys: string[] = withDefault ? [...LOCALES, "default"] : [...LOCALES];
  const missing = keys.filter((l) => typeof value[l] !== "string" || value[l] === "");
  if (missing.length > 0) return `${what} lacks a text for: ${missing.join(", ")}`;
  return undefined;
}

function checkCatalogue(catalogue: unknown, out: Problem[]): void {
  const path = (p: string) => `catalogue.json#${p}`;
  if (!isObject(catalogue) || !Array.isArray(catalogue.themes) || !Array.isArray(catalogue.initiatives)) {
    out.push({ path: path(""), message: 'the catalogue needs "themes" and "initiatives" lists' });
    return;
  }
  const themeIds = catalogue.themes.map((t) => (isObject(t) ? t.id : undefined));
  const expected = [...THEME_IDS].sort().join(",");
  if ([...themeIds].sort().join(",") !== expected) {
    out.push({ path: path("/themes"), message: `the themes must be exactly: ${THEME_IDS.join(", ")}` });
  }
  catalogue.themes.forEach((t, i) => {
    const msg = isObject(t)
      ? localizedProblems(t.label, `label of theme "${String(t.id)}"`, false)
      : "a theme must be an object";
    if (msg) out.push({ path: path(`/themes/${i}/label`), message: msg });
  });
  const seen = new Set<string>();
  catalogue.initiatives.forEach((ini, i) => {
    const p = `/initiatives/${i}`;
    if (!isObject(ini) || typeof ini.id !== "string") {
      out.push({ path: path(p), message: "an initiative needs a string id" });
      return;
    }
    if (seen.has(ini.id)) out.push({ path: path(`${p}/id`), message: `initiative id "${ini.id}" repeats` });
    seen.add(ini.id);
    if (!THEME_IDS.includes(ini.theme as never))
      out.push({ path: path(`${p}/theme`), message: `initiative "${ini.id}" has an unknown theme` });
    else if (!ini.id.startsWith(`${ini.theme}.`) || !/^[a-z_]+\.[a-z0-9_]+$/.test(ini.id))
      out.push({
        path: path(`${p}/id`),
        message: `initiative id "${ini.id}" must read "${ini.theme}.<name>" (lower case)`,
      });
    for (const key of ["label", "explanation"]) {
      const msg = localizedProblems(ini[key], `${key} of "${ini.id}"`, false);
      if (msg) out.push({ path: path(`${p}/${key}`), message: msg });
    }
    if (typeof ini.since !== "string" || !/^\d{4}$/.test(ini.since))
      out.push({ path: path(`${p}/since`), message: `"since" of "${ini.id}" must be a year like "2014"` });
  });
}

interface LoadedVersion {
  id: string;
  year: number;
  questions: Map<string, QuestionInfo>;
  mapped: Set<string>;
}

function checkVersion(
  v: Definitions["versions"][number],
  catalogueIds: Map<string, number>,
  out: Problem[],
): LoadedVersion | undefined {
  const version = v.id;
  const sp = (p: string) => `${version}/survey.json#${p}`;
  const mp = (p: string) => `${version}/mapping.json#${p}`;
  const add = (path: string, message: string) => out.push({ version, path, message });
  if (!/^\d{4}/.test(version)) add(`${version}/`, `version id "${version}" must start with its year`);
  const year = Number.parseInt(version.slice(0, 4), 10);
  const json = v.json;
  if (!isObject(json)) {
    add(sp(""), "survey.json must be an object");
    return undefined;
  }

  // 1. survey-core loads it without errors
  const model = createModel(json);
  for (const e of model.jsonErrors ?? []) add(sp(""), `survey-core: ${e.message}`);
  const questions = describeQuestions(model);

  // 2. names: present, unique within the version; titles present
  const elements = collectElements(json);
  const seen = new Map<string, string>();
  for (const el of elements) {
    if (typeof el.name !== "string" || el.name === "") {
      add(sp(el.pointer), "an element needs a name");
      continue;
    }
    const first = seen.get(el.name);
    if (first)
      add(
        sp(`${el.pointer}/name`),
        `question name "${el.name}" repeats within the version (first at ${first})`,
      );
    else seen.set(el.name, el.pointer);
    if (!UNTITLED_TYPES.has(String(el.type)) && el.node.title === undefined)
      add(sp(el.pointer), `question "${el.name}" has no localized title`);
    if (el.node.valueName !== undefined)
      add(
        sp(`${el.pointer}/valueName`),
        `question "${el.name}": valueName is not supported (answers are keyed by name)`,
      );
  }
  if (Array.isArray(json.pages)) {
    json.pages.forEach((page, i) => {
      if (isObject(page) && page.title === undefined)
        add(sp(`/pages/${i}`), "a page needs a localized title");
    });
  }

  // 3. every text localized; choices carry a localized text
  const known = new Set([...seen.keys()]);
  if (Array.isArray(json.calculatedValues)) {
    for (const c of json.calculatedValues) if (isObject(c) && typeof c.name === "string") known.add(c.name);
  }
  walk(json, "", (key, value, pointer) => {
    if (LOCALIZABLE.has(key)) {
      const msg = localizedProblems(value, `"${key}"`);
      if (msg) add(sp(pointer), msg);
    }
    if ((key === "choices" || key === "rows" || key === "columns") && Array.isArray(value)) {
      value.forEach((c, i) => {
        if (!isObject(c))
          add(sp(`${pointer}/${i}`), `choice "${String(c)}" needs an object with a localized "text"`);
        else if (c.text === undefined)
          add(sp(`${pointer}/${i}`), `choice "${String(c.value)}" has no localized "text"`);
      });
    }
    // 4. expressions name existing questions
    if (isExpressionKey(key) && typeof value === "string") {
      const runner = new ExpressionRunner(value);
      if (!runner.canRun()) {
        add(sp(pointer), `expression "${value}" cannot be parsed`);
        return;
      }
      for (const variable of runner.getVariables()) {
        const name = variable.split(/[.[]/)[0] ?? variable;
        if (!known.has(name) && !CONTEXT_VARIABLES.has(name.toLowerCase()))
          add(sp(pointer), `expression "${value}" names unknown question "${name}"`);
      }
    }
  });

  // 5. mapping
  const mapped = new Set<string>();
  const mapping = v.mapping;
  if (!isObject(mapping) || !isObject(mapping.initiatives)) {
    add(mp(""), 'mapping.json needs an "initiatives" object');
    return { id: version, year, questions, mapped };
  }
  for (const key of Object.keys(mapping)) {
    if (key !== "initiatives" && key !== "askEachTime") add(mp(`/${key}`), `unknown key "${key}"`);
  }
  for (const [id, rule] of Object.entries(mapping.initiatives)) {
    const p = `/initiatives/${id}`;
    mapped.add(id);
    const since = catalogueIds.get(id);
    if (since === undefined) add(mp(p), `initiative "${id}" is not in the catalogue`);
    else if (since > year)
      add(
        mp(p),
        `initiative "${id}" is mapped in ${version} but the catalogue says it exists since ${since}`,
      );
    for (const problem of checkRule(rule, questions, p)) add(mp(problem.pointer), problem.message);
  }
  if (mapping.askEachTime !== undefined) {
    if (!Array.isArray(mapping.askEachTime))
      add(mp("/askEachTime"), '"askEachTime" must be a list of question names');
    else
      mapping.askEachTime.forEach((name, i) => {
        if (typeof name !== "string" || !questions.has(name))
          add(mp(`/askEachTime/${i}`), `"askEachTime" names unknown question "${String(name)}"`);
      });
  }
  return { id: version, year, questions, mapped };
}

/**
 * Checks the catalogue and the questionnaire versions. Reports:
 * - survey.json that survey-core does not load cleanly (`jsonErrors`);
 * - expressions (visibleIf, enableIf, requiredIf, expression questions, validators, ...) that
 *   name an unknown question or cannot be parsed;
 * - a question name that repeats within a version, or that two versions give different types;
 * - a text (title, description, choice text, validator text, completedHtml, ...) that is not
 *   localized in nl, fr, de, en (plus "default"), and questions/pages/choices without a text;
 * - mapping rules on a question or choice that does not exist, or on the wrong question type;
 * - coverage: every mapped initiative exists in the catalogue; an initiative is never mapped in a
 *   version older than its `since`; the version of its `since` year maps it (so `since` tells the
 *   truth); and the latest version maps every catalogue initiative. Older versions map exactly
 *   the initiatives they ask.
 */
export function checkDefinitions(defs: Definitions): Problem[] {
  const out: Problem[] = [];
  checkCatalogue(defs.catalogue, out);
  const catalogueIds = new Map<string, number>();
  const initiatives = Array.isArray(defs.catalogue?.initiatives) ? defs.catalogue.initiatives : [];
  for (const ini of initiatives) {
    if (isObject(ini) && typeof ini.id === "string") catalogueIds.set(ini.id, Number(ini.since));
  }

  const ids = defs.versions.map((v) => v.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      out.push({ version: id, path: `${id}/`, message: `version id "${id}" repeats` });
  });
  const loaded = [...defs.versions]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((v) => checkVersion(v, catalogueIds, out))
    .filter((v): v is LoadedVersion => v !== undefined);

  // same name, same type across versions
  const firstKind = new Map<string, { kind: string; version: string }>();
  for (const v of loaded) {
    for (const q of v.questions.values()) {
      const prev = firstKind.get(q.name);
      if (!prev) firstKind.set(q.name, { kind: q.kind, version: v.id });
      else if (prev.kind !== q.kind)
        out.push({
          version: v.id,
          path: `${v.id}/survey.json`,
          message: `question "${q.name}" is of type ${q.kind} here but ${prev.kind} in ${prev.version}: use a new name when the way of asking changes`,
        });
    }
  }

  // coverage
  const latest = loaded[loaded.length - 1];
  if (latest) {
    for (const id of catalogueIds.keys()) {
      if (!latest.mapped.has(id))
        out.push({
          version: latest.id,
          path: `${latest.id}/mapping.json#/initiatives`,
          message: `catalogue initiative "${id}" is not mapped by the latest version ${latest.id}`,
        });
    }
  }
  for (const [id, since] of catalogueIds) {
    const ofYear = loaded.find((v) => v.year === since);
    if (!ofYear) {
      if (loaded.length > 0)
        out.push({
          path: "catalogue.json#/initiatives",
          message: `"since" of "${id}" (${since}) is not the year of a version`,
        });
    } else if (!ofYear.mapped.has(id)) {
      out.push({
        version: ofYear.id,
        path: `${ofYear.id}/mapping.json#/initiatives`,
        message: `initiative "${id}" exists since ${since} but version ${ofYear.id} does not map it`,
      });
    }
  }
  return out;
}
