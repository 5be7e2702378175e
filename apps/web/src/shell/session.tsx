import type { Locale, Me, Role } from "@monitor/contract";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiError, api, patchJson, postJson } from "../api/client.ts";
import { setLocale } from "../i18n/index.ts";

interface Session {
  me: Me | null;
  loading: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  changeLocale(locale: Locale): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const adopt = useCallback((next: Me | null) => {
    setMe(next);
    if (next) setLocale(next.user.locale);
  }, []);

  useEffect(() => {
    api<Me>("/api/me")
      .then(adopt)
      .catch((error: unknown) => {
        if (!(error instanceof ApiError && error.status === 401)) console.error(error);
      })
      .finally(() => setLoading(false));
  }, [adopt]);

  const login = useCallback(
    async (email: string, password: string) => {
      await postJson("/api/auth/login", { email, password });
      adopt(await api<Me>("/api/me"));
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    await postJson("/api/auth/logout", {});
    setMe(null);
  }, []);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      setLocale(locale);
      if (me) adopt(await patchJson<Me>("/api/me", { locale }));
    },
    [me, adopt],
  );

  return (
    <SessionContext.Provider value={{ me, loading, login, logout, changeLocale }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

export const AREAS: { role: Role; path: string; nav: string }[] = [
  { role: "farmer", path: "/farmer", nav: "nav.farmer" },
  { role: "sector_analyst", path: "/sector", nav: "nav.sector" },
  { role: "juror", path: "/jury", nav: "nav.jury" },
  { role: "auditor", path: "/auditor", nav: "nav.auditor" },
  { role: "admin", path: "/admin", nav: "nav.admin" },
];

export function areasOf(me: Me) {
  return AREAS.filter((area) => me.roles.some((r) => r.role === area.role));
}
