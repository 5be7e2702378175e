import type { InStatement } from "@libsql/client";
import type { Role, RoleGrant, ScopeType } from "@monitor/domain";
import type { Database } from "../db/client.ts";
import type { Locale } from "../i18n/locale.ts";

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  locale: Locale;
  active: boolean;
  passwordHash: string;
}

interface UserRow {
  id: number;
  email: string;
  name: string;
  locale: Locale;
  active: number;
  password_hash: string;
}

const toUser = (row: UserRow): UserRecord => ({
  id: Number(row.id),
  email: row.email,
  name: row.name,
  locale: row.locale,
  active: row.active === 1,
  passwordHash: row.password_hash,
});

export interface NewMembership {
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}

export class UserRepository {
  constructor(private readonly db: Database) {}

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.db.queryOne<UserRow>("SELECT * FROM users WHERE email = ?", [email.trim()]);
    return row && toUser(row);
  }

  async findById(id: number): Promise<UserRecord | undefined> {
    const row = await this.db.queryOne<UserRow>("SELECT * FROM users WHERE id = ?", [id]);
    return row && toUser(row);
  }

  async grants(userId: number): Promise<RoleGrant[]> {
    const rows = await this.db.query<{ role: Role; scope_type: ScopeType; scope_id: string | null }>(
      "SELECT role, scope_type, scope_id FROM memberships WHERE user_id = ? ORDER BY id",
      [userId],
    );
    return rows.map((r) => ({ role: r.role, scope: { type: r.scope_type, id: r.scope_id } }));
  }

  async setLocale(userId: number, locale: Locale): Promise<void> {
    await this.db.writeOne("UPDATE users SET locale = ? WHERE id = ?", [locale, userId]);
  }

  setPasswordStatement(userId: number, passwordHash: string): InStatement {
    return { sql: "UPDATE users SET password_hash = ? WHERE id = ?", args: [passwordHash, userId] };
  }

  setActiveStatement(userId: number, active: boolean): InStatement {
    return { sql: "UPDATE users SET active = ? WHERE id = ?", args: [active ? 1 : 0, userId] };
  }

  async create(
    user: { email: string; name: string; passwordHash: string; locale: Locale },
    memberships: NewMembership[],
    now: Date,
  ): Promise<number> {
    const [inserted] = await this.db.write(this.createStatements(user, memberships, now));
    return Number(inserted?.rows[0]?.id);
  }

  /** The user and its memberships as statements (the first returns the id); later ones find it by e-mail. */
  createStatements(
    user: { email: string; name: string; passwordHash: string; locale: Locale },
    memberships: NewMembership[],
    now: Date,
  ): InStatement[] {
    return [
      {
        sql: "INSERT INTO users (email, name, password_hash, locale, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
        args: [user.email, user.name, user.passwordHash, user.locale, now.toISOString()],
      },
      ...this.membershipStatements({ email: user.email }, memberships),
    ];
  }

  /** Inserts memberships for a user named by id or by e-mail (one created in the same batch). */
  membershipStatements(who: { id: number } | { email: string }, memberships: NewMembership[]): InStatement[] {
    const user =
      "id" in who
        ? { sql: "?", arg: who.id }
        : { sql: "(SELECT id FROM users WHERE email = ?)", arg: who.email };
    return memberships.map((m) => ({
      sql: `INSERT INTO memberships (user_id, role, scope_type, scope_id) VALUES (${user.sql}, ?, ?, ?)`,
      args: [user.arg, m.role, m.scopeType, m.scopeId],
    }));
  }

  deleteMembershipsStatement(userId: number): InStatement {
    return { sql: "DELETE FROM memberships WHERE user_id = ?", args: [userId] };
  }

  /** Whether a scope names something that exists: a farm, an organisation of its kind, an award edition. */
  async scopeExists(type: ScopeType, id: string | null): Promise<boolean> {
    if (type === "all") return id === null;
    const query =
      type === "farm"
        ? { sql: "SELECT 1 FROM farms WHERE CAST(id AS TEXT) = ?", args: [id] }
        : type === "award_edition"
          ? { sql: "SELECT 1 FROM award_editions WHERE CAST(id AS TEXT) = ?", args: [id] }
          : { sql: "SELECT 1 FROM organisations WHERE id = ? AND kind = ?", args: [id, type] };
    return (await this.db.queryOne(query.sql, query.args)) !== undefined;
  }

  async list(limit: number, offset: number) {
    const rows = await this.db.query<ListedUserRow>(
      `${LISTED_USER} GROUP BY u.id ORDER BY u.email LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    const total = await this.db.queryOne<{ n: number }>("SELECT count(*) AS n FROM users");
    return { total: Number(total?.n ?? 0), users: rows.map(toListedUser) };
  }

  /** One user as the administrators' list shows it. */
  async listed(userId: number) {
    const row = await this.db.queryOne<ListedUserRow>(`${LISTED_USER} WHERE u.id = ? GROUP BY u.id`, [
      userId,
    ]);
    return row && toListedUser(row);
  }
}

const LISTED_USER = `SELECT u.id, u.email, u.name, u.locale, u.active,
       group_concat(m.role || ':' || m.scope_type || coalesce(':' || m.scope_id, ''), ' ') AS roles
  FROM users u LEFT JOIN memberships m ON m.user_id = u.id`;

interface ListedUserRow {
  id: number;
  email: string;
  name: string;
  locale: Locale;
  active: number;
  roles: string | null;
}

const toListedUser = (r: ListedUserRow) => ({
  id: Number(r.id),
  email: r.email,
  name: r.name,
  locale: r.locale,
  active: r.active === 1,
  roles: r.roles ? r.roles.split(" ") : [],
});
