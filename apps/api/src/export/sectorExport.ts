import { getCatalogue, type Locale } from "@monitor/surveys";
import { stringify } from "csv-stringify/sync";
import writeXlsxFile from "write-excel-file/node";
import { cellText } from "./cells.ts";

export type Cell = string | number | boolean | null;
export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** Text cells are protected against formula injection; numbers stay numbers. */
const safe = (cell: Cell): Cell => (typeof cell === "string" ? cellText(cell) : cell);

export function toCsv(table: Table): string {
  return stringify(
    [table.columns, ...table.rows.map((row) => row.map((cell) => (cell === null ? "" : safe(cell))))],
    {
      cast: { boolean: (value) => String(value) },
    },
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
