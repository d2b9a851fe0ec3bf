import { METRIC_QUALITY_LABELS, METRIC_QUALITY_STATES } from '@ogi/domain';
import { closedSetEnum } from '../../../common/graphql/closed-set-enum.js';

/** The closed set of @ogi/domain METRIC_QUALITY_STATES as a GraphQL enum (values named as stored). */
export const MetricQualityEnum = closedSetEnum(
  'MetricQuality',
  METRIC_QUALITY_STATES,
  'What a metric value rests on, computed when the metric is derived from the report.',
  (q) => `${METRIC_QUALITY_LABELS[q].zh}：${METRIC_QUALITY_LABELS[q].descriptionZh} ${METRIC_QUALITY_LABELS[q].descriptionEn}`,
);
