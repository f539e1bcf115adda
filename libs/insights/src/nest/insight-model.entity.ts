import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A fitted BG/NBD + Gamma-Gamma model: what it was fitted on and its parameters. */
@Entity({ name: 'insight_models' })
export class InsightModelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'fitted_at', type: 'timestamptz' })
  fittedAt!: Date;

  /** Purchases up to this instant were used. */
  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf!: Date;

  @Column({ type: 'jsonb' })
  bgnbd!: { r: number; alpha: number; a: number; b: number; logLikelihood: number };

  @Column({ name: 'gamma_gamma', type: 'jsonb' })
  gammaGamma!: { p: number; q: number; gamma: number; logLikelihood: number };

  @Column({ type: 'int' })
  customers!: number;
}
