import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts that can be revoked: a session behind every access token (log-out, password change and
 * reset, deactivation end it), the password-reset links (only their hashes), the last log-in, the
 * sealed TOTP secret, and the per-address log-in back-off (keyed by a hash of the address).
 */
export class AccountSessions1796306223265 implements MigrationInterface {
  name = 'AccountSessions1796306223265';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "auth_session_user_idx" ON "auth_session"  ("user_id") `);
    await q.query(
      `CREATE TABLE "password_reset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8515e60a2cc41584fa4784f52ce" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "password_reset_token_uq" ON "password_reset"  ("token_hash") `);
    await q.query(`CREATE INDEX "password_reset_user_idx" ON "password_reset"  ("user_id") `);
    await q.query(`ALTER TABLE "user_account" ADD "last_login_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "user_account" ADD "totp_secret" text`);
    await q.query(`ALTER TABLE "user_account" ADD "totp_enabled_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `ALTER TABLE "auth_session" ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "password_reset" ADD CONSTRAINT "FK_ad88301fdc79593dd222268a8b6" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // no entity: written by auth/login-backoff.ts alone
    await q.query(
      `CREATE TABLE "login_backoff" ("key" text NOT NULL, "failures" integer NOT NULL DEFAULT 0, "locked_until" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "login_backoff_pk" PRIMARY KEY ("key"))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "login_backoff"`);
    await q.query(`ALTER TABLE "password_reset" DROP CONSTRAINT "FK_ad88301fdc79593dd222268a8b6"`);
    await q.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"`);
    await q.query(`ALTER TABLE "user_account" DROP COLUMN "totp_enabled_at"`);
    await q.query(`ALTER TABLE "user_account" DROP COLUMN "totp_secret"`);
    await q.query(`ALTER TABLE "user_account" DROP COLUMN "last_login_at"`);
    await q.query(`DROP INDEX "public"."password_reset_user_idx"`);
    await q.query(`DROP INDEX "public"."password_reset_token_uq"`);
    await q.query(`DROP TABLE "password_reset"`);
    await q.query(`DROP INDEX "public"."auth_session_user_idx"`);
    await q.query(`DROP TABLE "auth_session"`);
  }
}
