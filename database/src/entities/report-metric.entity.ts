import type { MetricQuality } from '@ogi/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A metric of @ogi/domain's dictionary computed for one report. Numerator and denominator are kept so that
 * roll-ups divide sums instead of averaging ratios.
 */
@Entity('report_metric')
export class ReportMetricEntity {
  @PrimaryColumn('integer', { name: 'report_id' })
  reportId!: number;

  @PrimaryColumn('text', { name: 'metric_code' })
  metricCode!: string;

  @Column('double precision', { nullable: true })
  value!: number | null;

  @Column('double precision', { nullable: true })
  numerator!: number | null;

  @Column('double precision', { nullable: true })
  denominator!: number | null;

  /** What the value rests on (@ogi/domain METRIC_QUALITY_STATES). */
  @Column('text')
  quality!: MetricQuality;

  /** The metric on the printed tables. */
  @Column('double precision', { name: 'printed_value', nullable: true })
  printedValue!: number | null;

  /** The metric with every total a rule can recompute taken from its parts. */
  @Column('double precision', { name: 'parts_value', nullable: true })
  partsValue!: number | null;
}
