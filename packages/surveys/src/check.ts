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

/** survey-core recurses into panels and values: deeper nesting is refused before it runs. */
const MAX_PANEL_DEPTH = 20;
const MAX_JSON_DEPTH = 100;
/** Question types whose `columns` are matrix columns (`name` and localized `title`), not choices. */
const COLUMN_TYPES = new Set(["matrixdropdown", "matrixdynamic"]);

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);
const typeOf = (v: unknown) =>
  v == null ? String(v) : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : `a ${typeof v}`;

/**
 * Visits every key/value and list item of a JSON tree (in document order) with its JSON pointer and
 * the object or list that holds it, without recursion. Returns the pointer of the first value nested
 * deeper than MAX_JSON_DEPTH levels, which is not visited further.
 */
function walk(
  root: unknown,
  visit: (key: string, value: unknown, pointer: string, parent: unknown) => void,
): string | undefined {
  let tooDeep: string | undefined;
  const stack: { key: string; value: unknown; pointer: string; parent: unknown; depth: number }[] = [];
  const pushChildren = (node: unknown, pointer: string, depth: number) => {
    if (typeof node !== "object" || node === null) return;
    if (depth > MAX_JSON_DEPTH) {
      tooDeep ??= pointer;
      return;
    }
    const entries = Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, value] = entries[i] as [string, unknown];
      stack.push({ key, value, pointer: `${pointer}/${key}`, parent: node, depth });
    }
  };
  pushChildren(root, "", 1);
  for (let top = stack.pop(); top; top = stack.pop()) {
    visit(top.key, top.value, top.pointer, top.parent);
    pushChildren(top.value, top.pointer, top.depth + 1);
  }
  return tooDeep;
}

type DynamicPanel = { name: string; pointer: string };
interface ElementRef {
  name: unknown;
  type: unknown;
  pointer: string;
  node: Record<string, unknown>;
  /** The dynamic panel whose template holds the element; undefined at the survey level. */
  dynamicPanel?: DynamicPanel;
}
interface Structure {
  elements: ElementRef[];
  problems: { pointer: string; message: string }[];
}
/**
 * Elements of the questionnaire (questions, panels and dynamic panels' templates, in document order),
 * pages excluded, walked without recursion; and the defects of that tree that would make survey-core
 * throw or overflow: pages and elements that are not objects, lists that are not lists, deep panels.
 */
function collectElements(json: Record<string, unknown>): Structure {
  const out: Structure = { elements: [], problems: [] };
  const stack: { node: unknown; pointer: string; depth: number; dynamicPanel?: DynamicPanel }[] = [];
  const pushList = (list: unknown, pointer: string, depth: number, dynamicPanel?: DynamicPanel) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      const key = pointer.slice(pointer.lastIndexOf("/") + 1);
      out.problems.push({ pointer, message: `"${key}" must be a list of elements, not ${typeOf(list)}` });
    } else if (depth > MAX_PANEL_DEPTH) {
      out.problems.push({ pointer, message: `panels nest deeper than ${MAX_PANEL_DEPTH} levels` });
    } else {
      for (let i = list.length - 1; i >= 0; i--)
        stack.push({ node: list[i], pointer: `${pointer}/${i}`, depth, dynamicPanel });
    }
  };
  pushList(json.elements, "/elements", 1);
  if (Array.isArray(json.pages)) {
    for (let i = json.pages.length - 1; i >= 0; i--)
      stack.push({ node: json.pages[i], pointer: `/pages/${i}`, depth: 0 });
  } else if (json.pages !== undefined) {
    out.problems.push({
      pointer: "/pages",
      message: `"pages" must be a list of pages, not ${typeOf(json.pages)}`,
    });
  }
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { node, pointer, depth, dynamicPanel } = top;
    if (!isObject(node)) {
      const what = depth === 0 ? "a page" : "an element";
      out.problems.push({ pointer, message: `${what} must be an object, not ${typeOf(node)}` });
      continue;
    }
    if (depth > 0) out.elements.push({ name: node.name, type: node.type, pointer, node, dynamicPanel });
    // a dynamic panel keeps its template's answers in its own value: the template is a namespace of its own
    const template = node.type === "paneldynamic" ? { name: String(node.name), pointer } : dynamicPanel;
    pushList(node.templateElements, `${pointer}/templateElements`, depth + 1, template);
    pushList(node.elements, `${pointer}/elements`, depth + 1, dynamicPanel);
  }
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
    const changed = (ini as { definitionChanged?: unknown }).definitionChanged;
    if (
      changed !== undefined &&
      (!Array.isArray(changed) ||
        changed.some((v) => typeof v !== "string" || !/^\d{4}$/.test(v) || v <= String(ini.since)))
    )
      out.push({
        path: path(`${p}/definitionChanged`),
        message: `"definitionChanged" of "${ini.id}" must list versions after its "since" year`,
      });
  });
}

interface LoadedVersion {
  id: string;
  year: number;
  questions: Map<string, QuestionInfo>;
  mapped: Set<string>;
}

/** Checks a survey.json; returns its questions, or undefined when survey-core could not load it. */
function checkSurvey(
  json: Record<string, unknown>,
  add: (pointer: string, message: string) => void,
): Map<string, QuestionInfo> | undefined {
  // 1. a tree survey-core can load without throwing or overflowing
  const { elements, problems } = collectElements(json);
  for (const p of problems) add(p.pointer, p.message);
  if (problems.length > 0) return undefined;

  // 2. names: present, unique within the version (or within a dynamic panel); titles present
  const seen = new Map<string, string>();
  for (const el of elements) {
    if (typeof el.type !== "string") add(el.pointer, "an element needs a type");
    if (typeof el.name !== "string" || el.name === "") {
      add(el.pointer, "an element needs a name");
      continue;
    }
    // A template name may equal a question name outside: its answer is stored inside the dynamic panel's value.
    const scope = el.dynamicPanel?.pointer ?? "";
    const first = seen.get(`${scope}#${el.name}`);
    if (first)
      add(
        `${el.pointer}/name`,
        el.dynamicPanel
          ? `question name "${el.name}" repeats within dynamic panel "${el.dynamicPanel.name}" (first at ${first})`
          : `question name "${el.name}" repeats within the version (first at ${first})`,
      );
    else seen.set(`${scope}#${el.name}`, el.pointer);
    if (!UNTITLED_TYPES.has(String(el.type)) && el.node.title === undefined)
      add(el.pointer, `question "${el.name}" has no localized title`);
    if (el.node.valueName !== undefined)
      add(
        `${el.pointer}/valueName`,
        `question "${el.name}": valueName is not supported (answers are keyed by name)`,
      );
  }
  if (Array.isArray(json.pages)) {
    json.pages.forEach((page, i) => {
      if (isObject(page) && page.title === undefined) add(`/pages/${i}`, "a page needs a localized title");
    });
  }

  // 3. every text localized; choices carry a localized text, matrix columns a localized title
  // expressions outside a template cannot read template questions: only survey-level names are known
  const known = new Set<string>();
  for (const el of elements) if (!el.dynamicPanel && typeof el.name === "string") known.add(el.name);
  if (Array.isArray(json.calculatedValues)) {
    for (const c of json.calculatedValues) if (isObject(c) && typeof c.name === "string") known.add(c.name);
  }
  const tooDeep = walk(json, (key, value, pointer, parent) => {
    if (value === null) {
      add(pointer, "null is not a valid value here");
      return;
    }
    if (LOCALIZABLE.has(key)) {
      const msg = localizedProblems(value, `"${key}"`);
      if (msg) add(pointer, msg);
    }
    if (key === "columns" && isObject(parent) && COLUMN_TYPES.has(String(parent.type))) {
      if (Array.isArray(value))
        value.forEach((c, i) => {
          if (!isObject(c))
            add(
              `${pointer}/${i}`,
              `column "${String(c)}" needs an object with a "name" and a localized "title"`,
            );
          else if (c.title === undefined)
            add(`${pointer}/${i}`, `column "${String(c.name)}" has no localized "title"`);
        });
    } else if ((key === "choices" || key === "rows" || key === "columns") && Array.isArray(value)) {
      value.forEach((c, i) => {
        if (c === null) return; // reported as null
        if (!isObject(c))
          add(`${pointer}/${i}`, `choice "${String(c)}" needs an object with a localized "text"`);
        else if (c.text === undefined)
          add(`${pointer}/${i}`, `choice "${String(c.value)}" has no localized "text"`);
      });
    }
    // 4. expressions name existing questions
    if (isExpressionKey(key) && typeof value === "string") {
      const runner = new ExpressionRunner(value);
      if (!runner.canRun()) {
        add(pointer, `expression "${clip(value)}" cannot be parsed`);
        return;
      }
      for (const variable of runner.getVariables()) {
        const name = variable.split(/[.[]/)[0] ?? variable;
        if (!known.has(name) && !CONTEXT_VARIABLES.has(name.toLowerCase()))
          add(pointer, `expression "${clip(value)}" names unknown question "${name}"`);
      }
    }
  });
  if (tooDeep) {
    add(tooDeep, `values nest deeper than ${MAX_JSON_DEPTH} levels`);
    return undefined;
  }

  // 5. survey-core loads it without errors (a last guard: it throws on shapes the checks above miss)
  try {
    const model = createModel(json);
    for (const e of model.jsonErrors ?? []) add("", `survey-core: ${e.message}`);
    return describeQuestions(model);
  } catch (e) {
    add("", `survey-core cannot load it: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
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
  const loaded = checkSurvey(json, (pointer, message) => add(sp(pointer), message));
  // without a loaded survey the rules cannot be checked, but coverage still can
  const questions = loaded ?? new Map<string, QuestionInfo>();

  // 6. mapping
  const mapped = new Set<string>();
  const mapping = v.mapping;
  if (!isObject(mapping) || !isObject(mapping.initiatives)) {
    add(mp(""), 'mapping.json needs an "initiatives" object');
    return { id: version, year, questions, mapped };
  }
  for (const key of Object.keys(mapping)) {
    if (key !== "initiatives" && key !== "askEachTime") add(mp(`/${key}`), `unknown key "${key}"`);
  }
  const tooDeep = walk(mapping, () => {});
  if (tooDeep) add(mp(tooDeep), `rules nest deeper than ${MAX_JSON_DEPTH} levels`);
  const checkRules = loaded !== undefined && !tooDeep;
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
    if (checkRules)
      for (const problem of checkRule(rule, questions, p)) add(mp(problem.pointer), problem.message);
  }
  if (mapping.askEachTime !== undefined) {
    if (!Array.isArray(mapping.askEachTime))
      add(mp("/askEachTime"), '"askEachTime" must be a list of question names');
    else if (loaded)
      mapping.askEachTime.forEach((name, i) => {
        if (typeof name !== "string" || !questions.has(name))
          add(mp(`/askEachTime/${i}`), `"askEachTime" names unknown question "${String(name)}"`);
      });
  }
  return { id: version, year, questions, mapped };
}

/**
 * Checks the catalogue and the questionnaire versions; never throws. Reports:
 * - a survey.json of a shape survey-core would throw or overflow on (a page or element that is not
 *   an object, a list that is not a list, null, panels nested deeper than 20 levels, values deeper
 *   than 100): refused with its path before survey-core runs;
 * - survey.json that survey-core does not load cleanly (`jsonErrors`);
 * - expressions (visibleIf, enableIf, requiredIf, expression questions, validators, ...) that
 *   name an unknown question or cannot be parsed;
 * - a question name that repeats within a version (or within a dynamic panel's template), or that
 *   two versions give different types;
 * - a text (title, description, choice text, matrix column title, validator text, completedHtml, ...) that is not
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
