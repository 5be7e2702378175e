import { type ComponentProps, type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../shell/Status.tsx";
import { type ExportView, type Filters, useExportHref } from "./filters.ts";

/** The explanation shown instead of figures the API withheld. */
export function SuppressedNotice({ k }: { k: number }) {
  const { t } = useTranslation();
  return (
    <p className="notice suppressed-notice" data-testid="suppressed">
      {t("sectorDashboard.suppressedView", { k })}
    </p>
  );
}

/** CSV and Excel downloads of one view, with the current filters and language. */
export function ExportLinks({
  view,
  filters,
  extra,
}: {
  view: ExportView;
  filters: Filters;
  extra?: Record<string, string | number | null | undefined>;
}) {
  const { t } = useTranslation();
  const href = useExportHref();
  return (
    <p className="export-links no-print">
      <span className="muted small">{t("sectorDashboard.export")}</span>
      <a
        className="button"
        href={href(view, "csv", filters, extra)}
        download
        data-testid={`export-${view}-csv`}
      >
        CSV
      </a>
      <a
        className="button"
        href={href(view, "xlsx", filters, extra)}
        download
        data-testid={`export-${view}-xlsx`}
      >
        Excel
      </a>
    </p>
  );
}

/** A section header with a loading note that does not hide the figures already shown. */
export function SectionHeader({
  id,
  title,
  loading,
  children,
}: {
  id: string;
  title: string;
  loading: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="section-head">
      <h2 id={id}>{title}</h2>
      {children}
      {loading && <Loading />}
    </div>
  );
}

/** A labelled select; the label is not wrapped around the select, so its name is just the label. */
export function SelectField({
  label,
  className,
  children,
  ...select
}: ComponentProps<"select"> & { label: string }) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {children}
      </select>
    </div>
  );
}
