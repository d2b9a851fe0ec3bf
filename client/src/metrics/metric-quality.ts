/**
 * How a value's quality state (@ogi/domain METRIC_QUALITY_STATES) is marked wherever a value appears: a short mark
 * beside the number, a tone for tables, and a chart style that sets doubtful values apart. Verified values carry
 * no mark.
 */
import { RANKING_EXCLUDED_QUALITIES, type MetricQuality } from '@ogi/domain';
import type { GridTone } from '../components/data-grid';

export interface QualityMark {
  /** One character beside the number. */
  symbol: string;
  tone: GridTone;
}

const MARKS: Record<MetricQuality, QualityMark | null> = {
  VERIFIED: null,
  UNVERIFIABLE: { symbol: '○', tone: 'muted' },
  CONTRADICTED: { symbol: '⚠', tone: 'error' },
  UNCERTAIN: { symbol: '?', tone: 'warning' },
  CORRECTED: { symbol: '✎', tone: 'ok' },
  SELF_REPORTED: { symbol: '述', tone: 'muted' },
};

export const qualityMark = (quality: MetricQuality | null | undefined): QualityMark | null => (quality ? MARKS[quality] : null);

/** A value the product knows may be wrong: rankings leave it out by default, charts set it apart. */
export const isDoubtful = (quality: MetricQuality | null | undefined): boolean => !!quality && RANKING_EXCLUDED_QUALITIES.includes(quality);

/** The style of a doubtful value's bar or point: hatched and faded, so it is not read as a sound figure. */
export const DOUBTFUL_ITEM_STYLE = { opacity: 0.45, borderType: 'dashed' as const, borderWidth: 1, borderColor: '#c0392b', decal: { symbol: 'line', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 } };
