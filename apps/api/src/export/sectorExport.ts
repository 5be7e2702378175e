import { getCatalogue, type Locale } from "@monitor/surveys";
import { stringify } from "csv-stringify/sync";
import writeXlsxFile from "write-excel-file/node";
import { cellText } from "./cells.ts";
import { HEADERS } from "./labels.ts";

export type Cell = string | number | boolean | null;
/** How a column's values are written: a share is a fraction (0.945) shown as a percentage. */
export type ColumnKind = "text" | "integer" | "decimal" | "share" | "flag";
export interface Column {
  key: string;
  kind: ColumnKind;
}
/** A sector view's table: typed columns, so each value is written as the dashboard shows it. */
export interface ViewTable {
  columns: Column[];
  rows: Cell[][];
}
/** A plain table with fixed column keys (the award shortlist). */
export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** What a file says about itself: its title and filters, the protection rule, a provisional campaign. */
export interface About {
  /** Label and value lines, already in the export's language. */
  lines: [string, string][];
  yes: string;
  no: string;
}

/** Text cells are protected against formula injection; numbers stay numbers. */
const safe = (cell: Cell): Cell => (typeof cell === "string" ? cellText(cell) : cell);

/** Excel in Belgium (nl, fr, de) expects semicolons and decimal commas; English gets commas and points. */
export function csvDialect(locale: Locale): { delimiter: string; decimal: string } {
  return locale === "en" ? { delimiter: ",", decimal: "." } : { delimiter: ";", decimal: "," };
}

/** A value as the dashboard shows it in `locale`, without thousands separators so that Excel reads a number. */
export function formatCell(
  kind: ColumnKind,
  value: Cell,
  locale: Locale,
  about: Pick<About, "yes" | "no">,
): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? about.yes : about.no;
  if (typeof value === "string") return cellText(value);
  const { decimal } = csvDialect(locale);
  const number = (n: number, digits: number) =>
    new Intl.NumberFormat("en", { maximumFractionDigits: digits, useGrouping: false })
      .format(n)
      .replace(".", decimal);
  if (kind === "share") return `${number(value * 100, 1)}${locale === "fr" || locale === "de" ? " " : ""}%`;
  if (kind === "integer") return number(value, 0);
  if (kind === "decimal") return number(value, 2);
  return String(value);
}

const BOM = "\uFEFF";

/**
 * The view as CSV. For people (the default): UTF-8 with BOM, the separators of the language,
 * headers in the language, percentages as on screen, and the file's filters and protection rule
 * above the table. For scripts (`raw`): comma-separated keys and plain fractions, nothing else.
 */
export function viewCsv(table: ViewTable, locale: Locale, about: About, raw: boolean): string {
  if (raw)
    return stringify(
      [
        table.columns.map((c) => c.key),
        ...table.rows.map((row) => row.map((cell) => (cell === null ? "" : safe(cell)))),
      ],
      { cast: { boolean: (value) => String(value) } },
    );
  const { delimiter } = csvDialect(locale);
  const preamble = about.lines.map(([label, value]) => [cellText(label), cellText(value)]);
  const header = table.columns.map((c) => HEADERS[c.key]?.[locale] ?? c.key);
  const rows = table.rows.map((row) =>
    row.map((cell, i) => formatCell(table.columns[i]?.kind ?? "text", cell, locale, about)),
  );
  return BOM + stringify([...preamble, [], header, ...rows], { delimiter, record_delimiter: "windows" });
}

/** The view as XLSX: the table (numbers stay numbers, shares as percentages) and a sheet "about". */
export async function viewXlsx(
  table: ViewTable,
  sheet: string,
  locale: Locale,
  about: About,
): Promise<Buffer> {
  const data = [
    table.columns.map((c) => ({ value: HEADERS[c.key]?.[locale] ?? c.key, fontWeight: "bold" as const })),
    ...table.rows.map((row) =>
      row.map((cell, i) => {
        const kind = table.columns[i]?.kind ?? "text";
        if (cell === null) return null;
        if (typeof cell === "boolean") return { value: cell ? about.yes : about.no };
        if (typeof cell === "number" && kind === "share") return { value: cell, format: "0.0%" };
        return { value: safe(cell) as string | number };
      }),
    ),
  ];
  const aboutSheet = about.lines.map(([label, value]) => [
    { value: cellText(label), fontWeight: "bold" as const },
    { value: cellText(value) },
  ]);
  return (
    await writeXlsxFile([
      { data, sheet, stickyRowsCount: 1 },
      { data: aboutSheet, sheet: "about", columns: [{ width: 24 }, { width: 100 }] },
    ])
  ).toBuffer();
}

export function toCsv(table: Table): string {
  return stringify(
    [table.columns, ...table.rows.map((row) => row.map((cell) => (cell === null ? "" : safe(cell))))],
    { cast: { boolean: (value) => String(value) } },
  );
}

export async function toXlsx(table: Table, sheet: string): Promise<Buffer> {
  const data = [
    table.columns.map((value) => ({ value, fontWeight: "bold" as const })),
    ...table.rows.map((row) => row.map((cell) => safe(cell))),
  ];
  return (await writeXlsxFile(data, { sheet })).toBuffer();
}

/** Initiative and theme names in the export's language, from the catalogue. */
export function catalogueLabels(locale: Locale) {
  const catalogue = getCatalogue();
  const initiative = new Map(catalogue.initiatives.map((i) => [i.id, i.label[locale]]));
  const theme = new Map(catalogue.themes.map((t) => [t.id, t.label[locale]]));
  return {
    initiative: (id: string) => initiative.get(id) ?? id,
    theme: (id: string | null) => (id ? (theme.get(id as never) ?? id) : ""),
    order: new Map(catalogue.initiatives.map((i, index) => [i.id, index])),
  };
}

/** A file name an analyst can file: view, campaign year(s), grouping and filters, in plain ASCII. */
export function exportFileName(parts: (string | number | undefined)[], extension: string): string {
  const slug = (p: string | number) =>
    String(p)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  return `${parts
    .filter((p): p is string | number => p !== undefined && p !== "")
    .map(slug)
    .filter(Boolean)
    .join("_")}.${extension}`;
}
