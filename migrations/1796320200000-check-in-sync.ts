import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offline check-in (issue 17): the answer to each synced item kept by (event, clientId), so that a
 * retry answers the same; and on the registration, the device whose scan is the check-in kept.
 */
export class CheckInSync1796320200000 implements MigrationInterface {
  name = 'CheckInSync1796320200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "check_in_sync_result" ("event_id" uuid NOT NULL, "client_id" text NOT NULL, "device_id" text NOT NULL, "outcome" text NOT NULL, "registration_id" uuid, "scanned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE, "first_device_id" text, "synced_by" uuid, "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "check_in_sync_result_pk" PRIMARY KEY ("event_id", "client_id"))`,
    );
    await q.query(`ALTER TABLE "registration" ADD "checked_in_device" text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "registration" DROP COLUMN "checked_in_device"`);
    await q.query(`DROP TABLE "check_in_sync_result"`);
  }
}
