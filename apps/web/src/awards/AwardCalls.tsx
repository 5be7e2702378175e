import type { FarmAwardCall, FarmAwards } from "@monitor/contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, postJson } from "../api/client.ts";
import { useApi } from "../shell/useApi.ts";
import "./awards.css";
import "./strings.ts";
import { useFormat } from "../shell/format.ts";

/** One call: enter in categories with explicit consent, or withdraw, while the window is open. */
function AwardCall({ farmId, initial }: { farmId: number; initial: FarmAwardCall }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [call, setCall] = useState(initial);
  const [categories, setCategories] = useState<string[]>(initial.categories);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { edition } = call;
  const open = edition.status === "open";
  const base = `/api/farms/${farmId}/awards/${edition.id}`;
  const act = async (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      const next = await postJson<FarmAwardCall>(path, body);
      setCall(next);
      setConsent(false);
      setCategories(next.categories);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  const label = (c: string) => t(`awards.categories.${c}`);
  return (
    <section className="card award-call" aria-labelledby={`award-${edition.id}`}>
      <h2 id={`award-${edition.id}`}>{t("awards.call.title", { name: edition.name })}</h2>
      <p>{t("awards.call.intro", { year: call.campaignYear })}</p>
      <p className="muted">{t("awards.call.window", { date: format.longDay(edition.closesAt) })}</p>
      {call.entered ? (
        <p className="success" role="status" data-testid="award-entered">
          {t("awards.call.entered", { categories: call.categories.map(label).join(", ") })}
        </p>
      ) : (
        <p className="muted" data-testid="award-not-entered">
          {t("awards.call.withdrawn")}
        </p>
      )}
      {open && !call.entered && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(`${base}/entry`, { categories, consent });
          }}
        >
          <fieldset className="categories">
            <legend>{t("awards.call.categories")}</legend>
            {edition.categories.map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  checked={categories.includes(c)}
                  onChange={(e) =>
                    setCategories((now) => (e.target.checked ? [...now, c] : now.filter((x) => x !== c)))
                  }
                />{" "}
                {label(c)}
              </label>
            ))}
          </fieldset>
          <label className="consent">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
            <span>{t("awards.call.consent", { name: edition.name, year: call.campaignYear })}</span>
          </label>
          <button type="submit" className="primary" disabled={busy || !consent || categories.length === 0}>
            {t("awards.call.enter")}
          </button>
        </form>
      )}
      {open && call.entered && (
        <button type="button" disabled={busy} onClick={() => void act(`${base}/withdraw`, {})}>
          {t("awards.call.withdraw")}
        </button>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {call.history.length > 0 && (
        <details className="history">
          <summary>{t("awards.call.history")}</summary>
          <ul>
            {call.history.map((h) => (
              <li key={h.at}>
                {new Date(h.at).toLocaleString(i18n.language)}:{" "}
                {h.action === "given"
                  ? `${t("awards.call.given")} (${h.categories.map(label).join(", ")})`
                  : t("awards.call.withdrawnAction")}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** The open award calls on the farmer's home, with the farm's entry in each. */
export function AwardCalls({ farmId }: { farmId: number }) {
  const { data } = useApi<FarmAwards>(`/api/farms/${farmId}/awards`);
  if (!data) return null;
  return (
    <>
      {data.calls.map((call) => (
        <AwardCall key={call.edition.id} farmId={farmId} initial={call} />
      ))}
    </>
  );
}
