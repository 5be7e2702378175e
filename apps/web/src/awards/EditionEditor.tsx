import type {
  AdminEdition,
  AdminEditionBody,
  AdminEditionList,
  AwardCategory,
  CampaignList,
  Catalogue,
} from "@monitor/contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import "./awards.css";
import "./strings.ts";

const CATEGORIES: AwardCategory[] = ["overall", "energy_climate", "animal_health_welfare", "young_farmer"];

/** An instant as the value of a datetime-local field (local time) and back. */
const toLocal = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocal = (value: string) => new Date(value).toISOString();

function blank(campaignId: number): AdminEditionBody {
  const now = new Date();
  return {
    name: "",
    year: now.getFullYear(),
    campaignId,
    categories: ["overall"],
    opensAt: now.toISOString(),
    closesAt: new Date(now.getTime() + 60 * 86_400_000).toISOString(),
    weights: {},
    blind: true,
    jurors: [],
    chair: null,
  };
}

function EditionForm({
  id,
  initial,
  themes,
  campaigns,
  onSaved,
  onCancel,
}: {
  id: number | null;
  initial: AdminEditionBody;
  themes: string[];
  campaigns: CampaignList["campaigns"];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const [jurors, setJurors] = useState(initial.jurors.join("\n"));
  const [error, setError] = useState<ApiError | null>(null);
  const set = (changes: Partial<AdminEditionBody>) => setForm((f) => ({ ...f, ...changes }));
  const submit = async () => {
    setError(null);
    const body = { ...form, jurors: jurors.split(/\s+/).filter(Boolean), chair: form.chair || null };
    try {
      await api(id === null ? "/api/admin/awards" : `/api/admin/awards/${id}`, {
        method: id === null ? "POST" : "PUT",
        body: JSON.stringify(body),
      });
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    }
  };
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t("awards.editor.name")}
        <input value={form.name} required minLength={3} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label>
        {t("awards.editor.year")}
        <input type="number" value={form.year} onChange={(e) => set({ year: Number(e.target.value) })} />
      </label>
      <label>
        {t("awards.editor.campaign")}
        <select value={form.campaignId} onChange={(e) => set({ campaignId: Number(e.target.value) })}>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.year}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t("awards.editor.categories")}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} className="inline">
            <input
              type="checkbox"
              checked={form.categories.includes(c)}
              onChange={(e) =>
                set({
                  categories: e.target.checked
                    ? [...form.categories, c]
                    : form.categories.filter((x) => x !== c),
                })
              }
            />{" "}
            {t(`awards.categories.${c}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t("awards.editor.opensAt")}
        <input
          type="datetime-local"
          value={toLocal(form.opensAt)}
          onChange={(e) => set({ opensAt: fromLocal(e.target.value) })}
        />
      </label>
      <label>
        {t("awards.editor.closesAt")}
        <input
          type="datetime-local"
          value={toLocal(form.closesAt)}
          onChange={(e) => set({ closesAt: fromLocal(e.target.value) })}
        />
      </label>
      <label className="inline">
        <input type="checkbox" checked={form.blind} onChange={(e) => set({ blind: e.target.checked })} />{" "}
        {t("awards.editor.blind")}
      </label>
      <fieldset>
        <legend>{t("awards.editor.weights")}</legend>
        <div className="weights-grid">
          {themes.map((theme) => (
            <label key={theme}>
              {t(`themes.${theme}`)}
              <input
                type="number"
                min={0}
                max={10}
                step={0.5}
                value={form.weights[theme] ?? 0}
                onChange={(e) => set({ weights: { ...form.weights, [theme]: Number(e.target.value) } })}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        {t("awards.editor.jurors")}
        <textarea rows={4} value={jurors} onChange={(e) => setJurors(e.target.value)} />
      </label>
      <label>
        {t("awards.editor.chair")}
        <input
          type="email"
          value={form.chair ?? ""}
          onChange={(e) => set({ chair: e.target.value || null })}
        />
      </label>
      {error && (
        <div className="alert" role="alert">
          <p>{error.title}</p>
          <ul>
            {error.errors.map((e) => (
              <li key={`${e.path}${e.message}`}>
                {e.path}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <button type="submit" className="primary">
          {t("awards.editor.save")}
        </button>{" "}
        <button type="button" onClick={onCancel}>
          {t("awards.editor.cancel")}
        </button>
      </p>
    </form>
  );
}

const bodyOf = (e: AdminEdition): AdminEditionBody => ({
  name: e.name,
  year: e.year,
  campaignId: e.campaignId,
  categories: e.categories,
  opensAt: e.opensAt,
  closesAt: e.closesAt,
  weights: e.weights,
  blind: e.blind,
  jurors: e.jurors,
  chair: e.chair,
});

/** Administrators set up award editions: window, categories, weights, blind review, jurors and chair. */
export default function EditionEditor() {
  const { t, i18n } = useTranslation();
  const list = useApi<AdminEditionList>("/api/admin/awards");
  const catalogue = useApi<Catalogue>("/api/surveys/catalogue");
  const campaigns = useApi<CampaignList>("/api/campaigns");
  const [editing, setEditing] = useState<{ id: number | null; body: AdminEditionBody } | null>(null);
  if (list.loading || catalogue.loading || campaigns.loading) return <Loading />;
  if (!list.data || !catalogue.data || !campaigns.data)
    return <ErrorMessage message={list.error?.title} onRetry={list.reload} />;
  const themes = catalogue.data.themes.map((th) => th.id);
  const latest = campaigns.data.campaigns.at(-1)?.id ?? 1;
  return (
    <div className="page edition-editor">
      <h1>{t("awards.editor.title")}</h1>
      {editing ? (
        <EditionForm
          id={editing.id}
          initial={editing.body}
          themes={themes}
          campaigns={campaigns.data.campaigns}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : (
        <p>
          <button
            type="button"
            className="primary"
            onClick={() => setEditing({ id: null, body: blank(latest) })}
          >
            {t("awards.editor.new")}
          </button>
        </p>
      )}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("awards.editor.name")}</th>
              <th scope="col">{t("awards.editor.closesAt")}</th>
              <th scope="col">{t("awards.editor.blind")}</th>
              <th scope="col">{t("awards.editor.chair")}</th>
              <th scope="col" className="num">
                {t("awards.editor.entries")}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t("awards.editor.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.editions.map((e) => (
              <tr key={e.id}>
                <td>
                  {e.name} <span className="muted small">{t(`awards.status.${e.status}`)}</span>
                </td>
                <td>{new Date(e.closesAt).toLocaleDateString(i18n.language)}</td>
                <td>{e.blind ? t("common.yes") : t("common.no")}</td>
                <td>{e.chair ?? "—"}</td>
                <td className="num">{e.entries}</td>
                <td>
                  <button type="button" onClick={() => setEditing({ id: e.id, body: bodyOf(e) })}>
                    {t("awards.editor.edit")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
