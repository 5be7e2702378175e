import { useTranslation } from "react-i18next";
import type { Model, PageModel } from "survey-core";

type StepState = "current" | "complete" | "visited" | "unvisited";

/** A page is complete once every required question on it that is shown has an answer. */
function pageComplete(page: PageModel): boolean {
  return page.questions.every((q) => !q.isVisible || !q.isRequired || !q.isEmpty());
}

export const pageTitle = (page: PageModel) => page.title || page.name;

/**
 * "Page 3 of 9 · Energy", a bar of the completed pages, and every page as a step the farmer can go
 * to: completed (opened and every required answer given), opened, or not opened yet.
 */
export function MonitorProgress({
  model,
  visited,
  onGo,
}: {
  model: Model;
  visited: ReadonlySet<number>;
  onGo(pageNo: number): void;
}) {
  const { t } = useTranslation();
  const pages = model.visiblePages;
  const current = model.currentPageNo;
  const states: StepState[] = pages.map((page, i) =>
    i === current ? "current" : !visited.has(i) ? "unvisited" : pageComplete(page) ? "complete" : "visited",
  );
  const done = pages.filter((page, i) => visited.has(i) && pageComplete(page)).length;
  const page = pages[current];
  return (
    <nav className="monitor-progress" aria-label={t("monitor.progress.label")}>
      <p className="progress-text" data-testid="progress-text">
        {page &&
          t("monitor.progress.page", { page: current + 1, total: pages.length, title: pageTitle(page) })}
      </p>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={t("monitor.progress.bar")}
        aria-valuemin={0}
        aria-valuemax={pages.length}
        aria-valuenow={done}
        aria-valuetext={t("monitor.progress.done", { done, total: pages.length })}
      >
        <div className="progress-fill" style={{ width: `${(done / Math.max(pages.length, 1)) * 100}%` }} />
      </div>
      <ol className="progress-steps">
        {pages.map((p, i) => {
          const state = states[i] ?? "unvisited";
          return (
            <li key={p.name}>
              <button
                type="button"
                className={`step step-${state}`}
                aria-current={state === "current" ? "step" : undefined}
                onClick={() => onGo(i)}
              >
                <span className="step-mark" aria-hidden="true">
                  {state === "complete" ? "✓" : i + 1}
                </span>
                <span className="step-title">{pageTitle(p)}</span>
                <span className="visually-hidden"> ({t(`monitor.progress.states.${state}`)})</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
