import { DataSource, EntityManager } from 'typeorm';
import { verifyPassword } from '../../auth/password';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-account-list';

/** What a removed demo account keeps as its hash: no password verifies against it. */
const REMOVED = '!demo-account-removed';
/** privileged accounts whose password is checked against the demo password (argon2: ~50 ms each) */
const PRIVILEGED_CHECKED = 50;

export interface DemoAccountsFound {
  /** active accounts with a demo email (the addresses are public: design/API.md) */
  demoEmails: string[];
  /** other active accounts that sign in with the demo password (counted: their emails are personal) */
  otherWithDemoPassword: string[];
}

/**
 * The accounts anyone could sign in with on a database seeded in development: the demo emails,
 * and every account sharing a hash that verifies the demo password (the seed gives all demo
 * accounts one hash) or a privileged account whose own hash verifies it.
 */
export async function findDemoAccounts(db: DataSource | EntityManager): Promise<DemoAccountsFound> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const rows: { email: string; password_hash: string; active: boolean }[] = await db.query(
    `SELECT email, password_hash, active FROM user_account WHERE email = ANY($1)`,
    [emails],
  );
  const privileged: { password_hash: string }[] = await db.query(
    `SELECT password_hash FROM user_account WHERE active AND role IN ('admin', 'staff', 'manager')
      ORDER BY created_at DESC LIMIT $1`,
    [PRIVILEGED_CHECKED],
  );
  const demoHashes = new Set<string>();
  for (const hash of new Set([...rows, ...privileged].map((r) => r.password_hash))) {
    if (hash !== REMOVED && (await verifyPassword(hash, DEMO_PASSWORD))) demoHashes.add(hash);
  }
  const sharing: { id: string; email: string }[] = demoHashes.size
    ? await db.query(`SELECT id, email FROM user_account WHERE active AND password_hash = ANY($1)`, [[...demoHashes]])
    : [];
  const demoEmails = rows.filter((r) => r.active && emails.includes(r.email)).map((r) => r.email);
  const otherWithDemoPassword = sharing.filter((r) => !emails.includes(r.email)).map((r) => r.id);
  return { demoEmails, otherWithDemoPassword };
}

/**
 * Deactivates every account `findDemoAccounts` finds and voids its password (kept, not deleted:
 * events, audit rows and suggestions may name them). Returns how many were changed.
 */
export async function removeDemoAccounts(ds: DataSource): Promise<number> {
  return ds.transaction(async (manager) => {
    const found = await findDemoAccounts(manager);
    const result: { id: string }[][] = await manager.query(
      `UPDATE user_account SET active = false, password_hash = $3
        WHERE (email = ANY($1) OR id = ANY($2::uuid[])) AND (active OR password_hash <> $3)
        RETURNING id`,
      [DEMO_ACCOUNTS.map((a) => a.email), found.otherWithDemoPassword, REMOVED],
    );
    return (result[0] ?? []).length;
  });
}

/** The message production prints before refusing to start, or null when no demo account is usable. */
export function demoAccountsRefusal(found: DemoAccountsFound): string | null {
  const n = found.demoEmails.length + found.otherWithDemoPassword.length;
  if (!n) return null;
  const parts = [];
  if (found.demoEmails.length) parts.push(`the demo accounts ${found.demoEmails.join(', ')}`);
  if (found.otherWithDemoPassword.length) {
    parts.push(`${found.otherWithDemoPassword.length} other account(s) whose password is the demo password`);
  }
  return (
    `Refusing to start in production: this database holds ${parts.join(' and ')}, ` +
    `so anyone can sign in with the published demo password. ` +
    `Deactivate them with the same environment: node dist/apps/api/main.js --remove-demo-accounts ` +
    `(npm run remove-demo-accounts), then start again.`
  );
}
