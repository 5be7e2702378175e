import type { AdminUser, OneTimeLink } from "@monitor/contract";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, postJson } from "../api/client.ts";
import { type GrantDraft, GrantEditor, grantBody, grantOf, newGrant } from "./GrantEditor.tsx";

/** The one-time link to hand over (no mail server is assumed). */
export function LinkNotice({ link }: { link: OneTimeLink }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="notice" role="status">
      <p>{t("administration.link", { date: new Date(link.expiresAt).toLocaleDateString(i18n.language) })}</p>
      <input readOnly aria-label={link.user.email} value={link.link} onFocus={(e) => e.target.select()} />
    </div>
  );
}

const problemText = (error: unknown, fallback: string) =>
  error instanceof ApiError
    ? [error.title, ...error.errors.map((e) => `${e.path}: ${e.message}`)].join(" ")
    : fallback;

/** Invite a user with one role in one scope; the link comes back to the administrator. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [grant, setGrant] = useState<GrantDraft>(newGrant);
  const [link, setLink] = useState<OneTimeLink | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function invite(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setLink(null);
    try {
      const result = await postJson<OneTimeLink>("/api/admin/users", {
        email,
        name,
        locale: i18n.language,
        roles: [grantBody(grant)],
      });
      setLink(result);
      setEmail("");
      setName("");
      onInvited();
    } catch (e) {
      setError(problemText(e, t("common.error")));
    }
  }

  return (
    <section className="card">
      <h2>{t("administration.invite")}</h2>
      <p className="muted">{t("administration.inviteIntro")}</p>
      <form onSubmit={invite}>
        <div className="search">
          <label>
            {t("admin.email")}
            <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            {t("admin.name")}
            <input required value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        </div>
        <GrantEditor grant={grant} onChange={setGrant} />
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          {t("administration.inviteButton")}
        </button>
      </form>
      {link && <LinkNotice link={link} />}
    </section>
  );
}

/** A user's roles, replaced as a whole; and a password-reset link. */
export function UserRoles({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const { t } = useTranslation();
  const [grants, setGrants] = useState<GrantDraft[]>(() => user.roles.map(grantOf));
  const [message, setMessage] = useState<string | null>(null);
  const [link, setLink] = useState<OneTimeLink | null>(null);

  async function save() {
    setMessage(null);
    try {
      await api(`/api/admin/users/${user.id}/roles`, {
        method: "PUT",
        body: JSON.stringify({ roles: grants.map(grantBody) }),
      });
      setMessage(t("administration.saved"));
      onChanged();
    } catch (e) {
      setMessage(problemText(e, t("common.error")));
    }
  }

  async function reset() {
    setMessage(null);
    try {
      setLink(await postJson<OneTimeLink>(`/api/admin/users/${user.id}/password-reset`, {}));
    } catch (e) {
      setMessage(problemText(e, t("common.error")));
    }
  }

  return (
    <div>
      {grants.map((grant, index) => (
        <GrantEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: the drafts have no identity but their place
          key={index}
          grant={grant}
          onChange={(next) => setGrants(grants.map((g, i) => (i === index ? next : g)))}
          onRemove={grants.length > 1 ? () => setGrants(grants.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      <div className="user-actions">
        <button type="button" onClick={() => setGrants([...grants, newGrant()])}>
          +
        </button>
        <button type="button" onClick={() => void save()}>
          {t("administration.saveRoles")}
        </button>
        <button type="button" onClick={() => void reset()}>
          {t("administration.resetPassword")}
        </button>
      </div>
      {message && (
        <p className="small" role="status">
          {message}
        </p>
      )}
      {link && <LinkNotice link={link} />}
    </div>
  );
}
