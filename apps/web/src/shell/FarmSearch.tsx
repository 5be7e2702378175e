import type { Farm, FarmList } from "@monitor/contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FarmTable } from "./FarmTable.tsx";
import { ErrorMessage, Loading } from "./Status.tsx";
import { useApi } from "./useApi.ts";

const PAGE_SIZE = 25;

/** The register as the API lets this user see it, searchable and paged. */
export function FarmSearch({ label, farmLink }: { label: string; farmLink?: (farm: Farm) => string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const [offset, setOffset] = useState(0);
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (search) params.set("search", search);
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
        <button type="submit">{t("common.search")}</button>
      </form>
      {loading && <Loading />}
      {error && <ErrorMessage message={error.title} onRetry={reload} />}
      {data && (
        <>
          {data.farms.length ? (
            <FarmTable farms={data.farms} farmLink={farmLink} />
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
