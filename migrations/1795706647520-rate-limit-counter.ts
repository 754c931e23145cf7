import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rate-limit counts shared by every API process (UNLOGGED: losing them in a crash is harmless). */
export class RateLimitCounter1795706647520 implements MigrationInterface {
  name = 'RateLimitCounter1795706647520';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNLOGGED TABLE "rate_limit_counter" ("key" text NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "rate_limit_counter_pk" PRIMARY KEY ("key"))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "rate_limit_counter"`);
  }
}
