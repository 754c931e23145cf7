import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { ChamberEvent } from './entities/event.entity';
import { EVENT_FOR_REGISTRATION_SQL, RegisteredRow, RegisterInput, registerStatement } from './registration-sql';

/** What a registration reads of its event before its statement. */
export type EventForRegistration = Pick<
  ChamberEvent,
  | 'id'
  | 'titleJa'
  | 'titleEn'
  | 'startsAt'
  | 'endsAt'
  | 'venue'
  | 'actionItemCode'
  | 'capacity'
  | 'taken'
  | 'waitlistCount'
  | 'audience'
  | 'status'
  | 'registrationOpensAt'
  | 'registrationClosesAt'
>;

/**
 * Every statement a registration runs (events/registration-sql.ts), straight on the pool: the
 * hottest path of a sign-up rush, without the ORM's query runner. Never a named statement (the
 * embedded database shares one session between connections); the function keeps its own plans.
 */
@Injectable()
export class RegistrationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  async eventForRegistration(eventId: string): Promise<EventForRegistration | undefined> {
    const result = await this.pool.query<EventForRegistration>(EVENT_FOR_REGISTRATION_SQL, [eventId]);
    return result.rows[0];
  }

  /**
   * Seats, waitlist, registrations, mail intents and the KPI ledger in one statement, its own
   * transaction. Throws the database's error on a duplicate email (registration_event_email_uq).
   */
  async register(input: RegisterInput): Promise<RegisteredRow[]> {
    const result = await this.pool.query<RegisteredRow>(registerStatement(input));
    return result.rows;
  }
}
