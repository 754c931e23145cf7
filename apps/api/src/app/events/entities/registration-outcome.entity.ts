import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OutcomeType } from '@chamber/contracts';
import { Registration } from './registration.entity';

/** An outcome of an attended registration (a job offer at a job fair, …): one of each type. */
@Entity('registration_outcome')
@Index('registration_outcome_type_uq', ['registrationId', 'type'], { unique: true })
export class RegistrationOutcome {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => Registration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: Registration;

  @Column({ type: 'text' })
  type: OutcomeType;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
