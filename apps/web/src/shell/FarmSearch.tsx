import type { FarmList, ListedFarm, ReadinessStatus } from "@monitor/contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FarmTable } from "./FarmTable.tsx";
import { ErrorMessage, Loading } from "./Status.tsx";
import { useApi } from "./useApi.ts";
import "../auditor/strings.ts";

const PAGE_SIZE = 25;
const READINESS: ReadinessStatus[] = ["not_started", "draft", "submitted"];

/**
 * The register as the API lets this user see it, searchable and paged; with `audit`, filtered by
 * readiness and sorted by next audit as an auditor plans the visits.
 */
export function FarmSearch({
  label,
  farmLink,
  audit = false,
}: {
  label: string;
  farmLink?: (farm: ListedFarm) => string;
  audit?: boolean;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const [readiness, setReadiness] = useState<ReadinessStatus | "">("");
  const [sort, setSort] = useState<"name" | "nextAudit">(audit ? "nextAudit" : "name");
  const [offset, setOffset] = useState(0);
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset), sort });
  if (search) params.set("search", search);
  if (readiness) params.set("readiness", readiness);
  const { data, error, loading, reload } = useApi<FarmList>(`/api/farms?${params}`);

  return (
    <div>
      <form
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setSearch(query.trim());
        }}
      >
        <label>
          {label}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {audit && (
          <>
            <label>
              {t("auditing.readinessFilter")}
              <select
                value={readiness}
                onChange={(e) => {
                  setOffset(0);
                  setReadiness(e.target.value as ReadinessStatus | "");
                }}
              >
                <option value="">{t("auditing.anyReadiness")}</option>
                {READINESS.map((status) => (
                  <option key={status} value={status}>
                    {t(`farmer.statuses.${status}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("auditing.sort")}
              <select value={sort} onChange={(e) => setSort(e.target.value as "name" | "nextAudit")}>
                <option value="nextAudit">{t("auditing.sortNextAudit")}</option>
                <option value="name">{t("auditing.sortName")}</option>
              </select>
            </label>
          </>
        )}
        <button type="submit">{t("common.search")}</button>
      </form>
      {loading && <Loading />}
      {error && <ErrorMessage message={error.title} onRetry={reload} />}
      {data && (
        <>
          {data.farms.length ? (
            <FarmTable farms={data.farms} farmLink={farmLink} audit={audit} />
          ) : (
            <p className="muted">{t("common.none")}</p>
          )}
          <div className="pager">
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              {t("common.previous")}
            </button>
            <span>
              {t("common.shown", {
                from: data.total ? offset + 1 : 0,
                to: offset + data.farms.length,
                total: data.total,
              })}
            </span>
            <button
              type="button"
              disabled={offset + PAGE_SIZE >= data.total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              {t("common.next")}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
