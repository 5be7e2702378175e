import { farmAttribute } from "./farmAttributes.ts";

/**
 * The farm register as the sector keeps it in a spreadsheet: one CSV row per farm. Parsing,
 * checking and the difference with the register as stored are pure, so the web page's preview,
 * the operator command and the applying import all see the same adds, changes, stops and errors.
 */

/** The columns, in their file order; the header names them (any order, any case). */
export const REGISTER_COLUMNS = [
  "herd_number",
  "name",
  "region",
  "province",
  "herd_size",
  "dairy_buyer",
  "certification_body",
  "inspection_body",
  "status",
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** More rows than the sector has farms many times over is a mistake, not a register. */
export const MAX_REGISTER_ROWS = 100_000;

export type RegisterErrorCode =
  | "empty_file"
  | "missing_column"
  | "unknown_column"
  | "column_count"
  | "unclosed_quote"
  | "required"
  | "invalid_region"
  | "invalid_herd_size"
  | "invalid_status"
  | "unknown_organisation"
  | "duplicate_herd_number"
  | "too_many_rows";

/** A bad row: its line in the file (1 is the header), what is wrong, and the column and value. */
export interface RegisterError {
  line: number;
  code: RegisterErrorCode;
  column?: RegisterColumn | string;
  value?: string;
}

export interface RegisterFarm {
  herdNumber: string;
  name: string;
  region: string;
  province: string;
  herdSize: number;
  dairyBuyerId: string | null;
  certificationBodyId: string | null;
  inspectionBodyId: string | null;
  active: boolean;
}

export interface RegisterRow extends RegisterFarm {
  line: number;
}

export interface KnownOrganisation {
  id: string;
  kind: "dairy_buyer" | "certification_body" | "inspection_body";
  name: string;
}

/** Splits CSV text into records with the line each starts on (quotes, doubled quotes, CRLF, a BOM). */
export function parseCsv(text: string): {
  records: { line: number; cells: string[] }[];
  error?: RegisterError;
} {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  // Spreadsheets set to Dutch, French or German save with semicolons.
  const delimiter = firstLine.split(";").length > firstLine.split(",").length ? ";" : ",";
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      cells.push(cell);
      records.push({ line: start, cells });
      cells = [];
      cell = "";
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) return { records, error: { line: start, code: "unclosed_quote" } };
  if (cell !== "" || cells.length) records.push({ line: start, cells: [...cells, cell] });
  return { records: records.filter((r) => r.cells.some((c) => c.trim() !== "")) };
}

const STATUS: Record<string, boolean> = { active: true, stopped: false };
const REGIONS = farmAttribute("region").values as readonly string[];
const ORGANISATION_COLUMNS = [
  ["dairy_buyer", "dairy_buyer", "dairyBuyerId"],
  ["certification_body", "certification_body", "certificationBodyId"],
  ["inspection_body", "inspection_body", "inspectionBodyId"],
] as const;

/** The rows of a register file, checked; every bad row is reported with its line. */
export function readRegister(
  text: string,
  organisations: readonly KnownOrganisation[],
): { rows: RegisterRow[]; errors: RegisterError[] } {
  const parsed = parseCsv(text);
  const errors: RegisterError[] = parsed.error ? [parsed.error] : [];
  const [header, ...records] = parsed.records;
  if (!header) return { rows: [], errors: [...errors, { line: 1, code: "empty_file" }] };
  const names = header.cells.map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
  for (const name of names)
    if (!(REGISTER_COLUMNS as readonly string[]).includes(name))
      errors.push({ line: header.line, code: "unknown_column", column: name });
  for (const column of REGISTER_COLUMNS)
    if (!names.includes(column)) errors.push({ line: header.line, code: "missing_column", column });
  if (errors.length) return { rows: [], errors };
  if (records.length > MAX_REGISTER_ROWS)
    return {
      rows: [],
      errors: [{ line: header.line, code: "too_many_rows", value: String(records.length) }],
    };

  const organisation = (kind: KnownOrganisation["kind"], value: string) => {
    const wanted = value.toLowerCase();
    return organisations.find(
      (o) => o.kind === kind && (o.id.toLowerCase() === wanted || o.name.toLowerCase() === wanted),
    );
  };
  const seen = new Map<string, number>();
  const rows: RegisterRow[] = [];
  for (const { line, cells } of records) {
    if (cells.length !== names.length) {
      errors.push({ line, code: "column_count", value: String(cells.length) });
      continue;
    }
    const value = (column: RegisterColumn) => (cells[names.indexOf(column)] ?? "").trim();
    const rowErrors: RegisterError[] = [];
    for (const column of ["herd_number", "name", "region", "province", "herd_size", "status"] as const)
      if (!value(column)) rowErrors.push({ line, code: "required", column });
    const herdNumber = value("herd_number");
    const region = value("region").toLowerCase();
    if (region && !REGIONS.includes(region))
      rowErrors.push({ line, code: "invalid_region", column: "region", value: value("region") });
    const herdSize = Number(value("herd_size"));
    if (value("herd_size") && !(/^\d+$/.test(value("herd_size")) && herdSize <= 100_000))
      rowErrors.push({ line, code: "invalid_herd_size", column: "herd_size", value: value("herd_size") });
    const status = STATUS[value("status").toLowerCase()];
    if (value("status") && status === undefined)
      rowErrors.push({ line, code: "invalid_status", column: "status", value: value("status") });
    const ids: Partial<Record<(typeof ORGANISATION_COLUMNS)[number][2], string | null>> = {};
    for (const [column, kind, field] of ORGANISATION_COLUMNS) {
      const given = value(column);
      const found = given ? organisation(kind, given) : undefined;
      if (given && !found) rowErrors.push({ line, code: "unknown_organisation", column, value: given });
      ids[field] = found?.id ?? null;
    }
    const earlier = herdNumber ? seen.get(herdNumber.toUpperCase()) : undefined;
    if (earlier !== undefined)
      rowErrors.push({ line, code: "duplicate_herd_number", column: "herd_number", value: String(earlier) });
    if (herdNumber) seen.set(herdNumber.toUpperCase(), line);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      line,
      herdNumber,
      name: value("name"),
      region,
      province: value("province"),
      herdSize,
      dairyBuyerId: ids.dairyBuyerId ?? null,
      certificationBodyId: ids.certificationBodyId ?? null,
      inspectionBodyId: ids.inspectionBodyId ?? null,
      active: status ?? true,
    });
  }
  return { rows, errors };
}

const COMPARED = [
  "name",
  "region",
  "province",
  "herdSize",
  "dairyBuyerId",
  "certificationBodyId",
  "inspectionBodyId",
] as const;

export interface RegisterChange {
  line: number;
  herdNumber: string;
  field: (typeof COMPARED)[number] | "active";
  from: string | number | boolean | null;
  to: string | number | boolean | null;
}

export interface RegisterDiff {
  /** Farms not in the register yet. */
  adds: RegisterRow[];
  /** Field changes of farms in the register (a stopped farm made active again is one). */
  changes: RegisterChange[];
  /** Active farms the file marks stopped (with any other change of theirs listed under changes). */
  stops: RegisterRow[];
  /** Rows that change nothing. */
  unchanged: number;
}

/**
 * What applying the rows would do to the register. Farms absent from the file are left as they
 * are: stopping a farm takes a row that says so.
 */
export function diffRegister(rows: readonly RegisterRow[], existing: readonly RegisterFarm[]): RegisterDiff {
  const byHerd = new Map(existing.map((f) => [f.herdNumber.toUpperCase(), f]));
  const diff: RegisterDiff = { adds: [], changes: [], stops: [], unchanged: 0 };
  for (const row of rows) {
    const farm = byHerd.get(row.herdNumber.toUpperCase());
    if (!farm) {
      diff.adds.push(row);
      continue;
    }
    const changes: RegisterChange[] = COMPARED.filter((field) => farm[field] !== row[field]).map((field) => ({
      line: row.line,
      herdNumber: farm.herdNumber,
      field,
      from: farm[field],
      to: row[field],
    }));
    if (!farm.active && row.active)
      changes.push({ line: row.line, herdNumber: farm.herdNumber, field: "active", from: false, to: true });
    diff.changes.push(...changes);
    const stops = farm.active && !row.active;
    if (stops) diff.stops.push(row);
    if (!changes.length && !stops) diff.unchanged++;
  }
  return diff;
}
