import { SHORTLIST_EXPORT_COLUMNS, type Shortlist } from "@monitor/contract";
import type { AppDeps } from "../env.ts";
import type { Table } from "../export/sectorExport.ts";
import { type EditionViewer, shortlist } from "./awards.ts";

/** The shortlist overview as a table with fixed columns; names stay empty while the review is blind. */
function tableOf(list: Shortlist): Table {
  return {
    columns: [...SHORTLIST_EXPORT_COLUMNS],
    rows: list.candidates.map((c, index) => [
      index + 1,
      c.displayName,
      c.identity?.name ?? "",
      c.identity?.herdNumber ?? "",
      c.identity?.province ?? "",
      c.region,
      c.sizeClass,
      c.categories.join(" "),
      c.score,
      c.jury.count,
      c.jury.mean,
      c.jury.spread,
      c.decision ?? "",
      c.reason ?? "",
    ]),
  };
}

/** The shortlist as a table; the export is written in the audit log. */
export async function shortlistTable(
  deps: AppDeps,
  viewer: EditionViewer,
  format: string,
  requestId: string,
) {
  const table = tableOf(await shortlist(deps, viewer));
  await deps.repos.audit.record(
    {
      userId: viewer.user.id,
      action: "export",
      entity: "award_shortlist",
      entityId: viewer.edition.id,
      detail: { format, rows: table.rows.length },
      requestId,
    },
    deps.clock(),
  );
  return table;
}
