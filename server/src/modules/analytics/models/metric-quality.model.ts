import { registerEnumType } from '@nestjs/graphql';
import { METRIC_QUALITY_LABELS, METRIC_QUALITY_STATES, type MetricQuality } from '@ogi/domain';

/** The closed set of @ogi/domain METRIC_QUALITY_STATES as a GraphQL enum (values named as stored). */
export const MetricQualityEnum = Object.fromEntries(METRIC_QUALITY_STATES.map((q) => [q, q])) as { [Q in MetricQuality]: Q };

registerEnumType(MetricQualityEnum, {
  name: 'MetricQuality',
  description: 'What a metric value rests on, computed when the metric is derived from the report.',
  valuesMap: Object.fromEntries(
    METRIC_QUALITY_STATES.map((q) => [q, { description: `${METRIC_QUALITY_LABELS[q].zh}：${METRIC_QUALITY_LABELS[q].descriptionZh} ${METRIC_QUALITY_LABELS[q].descriptionEn}` }]),
  ),
});
