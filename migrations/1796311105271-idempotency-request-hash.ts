import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key is bound to the request it was first sent with: the SHA-256 of its body.
 * A retry with another body is refused (422) instead of replaying someone else's answer.
 */
export class IdempotencyRequestHash1796311105271 implements MigrationInterface {
  name = 'IdempotencyRequestHash1796311105271';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotency_key" ADD "request_hash" text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotency_key" DROP COLUMN "request_hash"`);
  }
}
