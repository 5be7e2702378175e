import type { AdminCampaign, AdminCampaignList, AdminSurveyVersionList } from "@monitor/contract";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, postJson } from "../api/client.ts";
import { useFormat } from "../shell/format.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";

const errorText = (e: unknown, fallback: string) =>
  e instanceof ApiError ? [e.title, ...e.errors.map((x) => x.message)].join(" ") : fallback;
const dayOf = (instant: string) => instant.slice(0, 10);

/** One campaign: open or close it now, a new deadline for everyone or one farm, its questionnaire version. */
function CampaignRow({
  campaign,
  versions,
  onChanged,
}: {
  campaign: AdminCampaign;
  versions: string[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [deadline, setDeadline] = useState(dayOf(campaign.closesAt));
  const [farmId, setFarmId] = useState("");
  const [farmDeadline, setFarmDeadline] = useState("");
  const [version, setVersion] = useState(campaign.surveyVersion);
  const run = async (call: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await call();
      setMessage(t("administration.saved"));
      onChanged();
    } catch (e) {
      setMessage(errorText(e, t("common.error")));
    }
  };
  const patch = (body: object) =>
    run(() => api(`/api/admin/campaigns/${campaign.id}`, { method: "PATCH", body: JSON.stringify(body) }));
  const { day } = useFormat();
  return (
    <article className="card" aria-label={campaign.name}>
      <h3>
        {campaign.name} · {campaign.open ? t("administration.open") : t("administration.closed")}
      </h3>
      <p>
        {t("administration.version")} {campaign.surveyVersion} · {day(campaign.opensAt)} –{" "}
        {day(campaign.closesAt)} ·{" "}
        {t("administration.progress", { started: campaign.started, submitted: campaign.submitted })}
      </p>
      {campaign.extensions.length > 0 && (
        <p className="small">
          {t("administration.extensions")}:{" "}
          {campaign.extensions.map((e) => `${e.name} (${e.herdNumber}) ${day(e.closesAt)}`).join(", ")}
        </p>
      )}
      <div className="user-actions">
        {!campaign.open && (
          <button type="button" onClick={() => void patch({ opensAt: new Date().toISOString() })}>
            {t("administration.openNow")}
          </button>
        )}
        {campaign.open && (
          <button type="button" onClick={() => void patch({ closesAt: new Date().toISOString() })}>
            {t("administration.closeNow")}
          </button>
        )}
      </div>
      <div className="search">
        <label>
          {t("administration.newDeadline")}
          <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </label>
        <button type="button" onClick={() => void patch({ closesAt: deadline })}>
          {t("administration.extend")}
        </button>
      </div>
      <div className="search">
        <label>
          {t("administration.farmDeadline")}
          <input inputMode="numeric" value={farmId} onChange={(e) => setFarmId(e.target.value)} />
        </label>
        <label>
          {t("administration.closesAt")}
          <input type="date" value={farmDeadline} onChange={(e) => setFarmDeadline(e.target.value)} />
        </label>
        <button
          type="button"
          onClick={() =>
            void run(() =>
              postJson(`/api/admin/campaigns/${campaign.id}/extensions`, {
                farmId: Number(farmId),
                closesAt: farmDeadline,
              }),
            )
          }
        >
          {t("administration.extend")}
        </button>
      </div>
      <div className="search">
        <label>
          {t("administration.version")}
          <select value={version} onChange={(e) => setVersion(e.target.value)}>
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            void run(() =>
              postJson(`/api/admin/campaigns/${campaign.id}/publish`, { surveyVersion: version }),
            )
          }
        >
          {t("administration.publish")}
        </button>
      </div>
      {message && (
        <p className="small" role="status">
          {message}
        </p>
      )}
    </article>
  );
}

/** Create a campaign on a questionnaire version with its dates. */
function NewCampaign({ versions, onCreated }: { versions: string[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear() + 1;
  const [name, setName] = useState(`Monitor ${year}`);
  const [campaignYear, setCampaignYear] = useState(String(year));
  const [version, setVersion] = useState(versions.at(-1) ?? "");
  const [opensAt, setOpensAt] = useState(`${year}-01-01`);
  const [closesAt, setClosesAt] = useState(`${year}-12-31`);
  const [message, setMessage] = useState<string | null>(null);
  async function create(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      await postJson("/api/admin/campaigns", {
        name,
        year: Number(campaignYear),
        surveyVersion: version,
        opensAt,
        closesAt,
      });
      setMessage(t("administration.saved"));
      onCreated();
    } catch (e) {
      setMessage(errorText(e, t("common.error")));
    }
  }
  return (
    <section className="card">
      <h2>{t("administration.create")}</h2>
      <form className="search" onSubmit={create}>
        <label>
          {t("administration.name")}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t("administration.year")}
          <input
            required
            inputMode="numeric"
            value={campaignYear}
            onChange={(e) => setCampaignYear(e.target.value)}
          />
        </label>
        <label>
          {t("administration.version")}
          <select value={version} onChange={(e) => setVersion(e.target.value)}>
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label>
          {t("administration.opensAt")}
          <input type="date" required value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />
        </label>
        <label>
          {t("administration.closesAt")}
          <input type="date" required value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          {t("administration.create")}
        </button>
      </form>
      {message && (
        <p className="small" role="status">
          {message}
        </p>
      )}
    </section>
  );
}

/** Campaigns as administrators run them, newest first. */
export default function CampaignsPage() {
  const campaigns = useApi<AdminCampaignList>("/api/admin/campaigns");
  const versions = useApi<AdminSurveyVersionList>("/api/admin/survey-versions");
  if (campaigns.loading || versions.loading) return <Loading />;
  if (campaigns.error || !campaigns.data)
    return <ErrorMessage message={campaigns.error?.title} onRetry={campaigns.reload} />;
  const publishable = (versions.data?.versions ?? [])
    .filter((v) => v.problems.length === 0 && !v.changedUnderAnswers)
    .map((v) => v.id);
  return (
    <div>
      <NewCampaign versions={publishable} onCreated={campaigns.reload} />
      {[...campaigns.data.campaigns].reverse().map((c) => (
        <CampaignRow key={c.id} campaign={c} versions={publishable} onChanged={campaigns.reload} />
      ))}
    </div>
  );
}
