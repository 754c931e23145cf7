import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What other domains may read of a member company's activity, each published by the domain that
 * owns the tables (events, exams, suggestions) as a view: the members domain reads the views, never
 * the tables behind them, so each side can change its tables as long as its view still answers.
 * Suggestions: signed (named) ones only — an anonymous suggestion never names its poster's company.
 */
export class ActivityReadPorts1796282245549 implements MigrationInterface {
  name = 'ActivityReadPorts1796282245549';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW member_registration_activity AS
      SELECT r.id, r.member_id, r.event_id, e.title_ja AS event_title_ja, e.title_en AS event_title_en,
             e.starts_at, r.name, r.status, r.checked_in_at
      FROM registration r JOIN event e ON e.id = r.event_id
      WHERE r.member_id IS NOT NULL`);
    await q.query(`
      CREATE VIEW member_exam_activity AS
      SELECT a.id, a.member_id, s.exam_code, s.grade_code, t.name_ja AS exam_name_ja, t.name_en AS exam_name_en,
             s.starts_at, a.name, a.status, a.result
      FROM exam_application a JOIN exam_sitting s ON s.id = a.sitting_id JOIN exam_type t ON t.code = s.exam_code
      WHERE a.member_id IS NOT NULL`);
    await q.query(`
      CREATE VIEW member_suggestion_activity AS
      SELECT s.id, u.member_id, s.category, s.status, s.created_at
      FROM suggestion s JOIN user_account u ON u.id = s.named_poster_id
      WHERE u.member_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW member_suggestion_activity`);
    await q.query(`DROP VIEW member_exam_activity`);
    await q.query(`DROP VIEW member_registration_activity`);
  }
}
