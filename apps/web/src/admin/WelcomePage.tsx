import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, postJson } from "../api/client.ts";
import "./strings.ts";

/**
 * Where a one-time link (an invitation or a password reset) lands: the token is in the URL fragment,
 * so it never reaches a server log. The user chooses a password and is logged in.
 */
export default function WelcomePage() {
  const { t } = useTranslation();
  const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) return setError(t("administration.mismatch"));
    setBusy(true);
    setError(null);
    try {
      await postJson("/api/auth/one-time-link", { token, password });
      // A fresh start: the session (and the user's language) load as after a login.
      window.location.assign("/");
    } catch (e) {
      setError(
        e instanceof ApiError ? [e.title, ...e.errors.map((x) => x.message)].join(" ") : t("common.error"),
      );
      setBusy(false);
    }
  }

  return (
    <section className="login card">
      <h1>{t("administration.welcome")}</h1>
      {token ? (
        <>
          <p className="muted">{t("administration.welcomeIntro")}</p>
          <form onSubmit={submit}>
            <label>
              {t("administration.password")}
              <input
                type="password"
                autoComplete="new-password"
                minLength={12}
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <label>
              {t("administration.repeat")}
              <input
                type="password"
                autoComplete="new-password"
                minLength={12}
                required
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
            </label>
            {error && (
              <p className="alert" role="alert">
                {error}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy}>
              {t("administration.setPassword")}
            </button>
          </form>
        </>
      ) : (
        <p className="alert">{t("administration.noToken")}</p>
      )}
    </section>
  );
}
