import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { AGENCY_KIND_VALUES, AGENCY_LEVEL_VALUES, type AgencyKind, type AgencyLevel } from '@ogi/domain';
import { ID_PATTERN } from '../../../common/graphql/ids.js';
import { MAX_SELECTED_IDS, type AgencySelectionInput } from '../dto/agency-selection.input.js';
import { IsMetricCodeList, IsYearList } from '../dto/years.js';

/** `a,b,c` (or a repeated parameter) → ['a', 'b', 'c']; empty items dropped. */
export const list = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
export const numbers = (arg: { value: unknown }) => list(arg).map((v) => (/^\d+$/.test(v) ? Number(v) : NaN));
const bool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

/** `metrics=a,b`: one or more metric codes (every download that names metrics validates them the same way). */
const MetricCodes = () => applyDecorators(Transform(list), IsArray(), IsMetricCodeList());

/** `lang=zh|en`: the language of a download's labels. */
const ExportLanguage = () => applyDecorators(IsOptional(), IsIn(['zh', 'en'], { message: 'lang: 只能是 zh 或 en。The language must be zh or en.' }));

/**
 * An AgencySelection as URL parameters (`agencyIds=1,2&parentId=&includeDescendants=&includeParent=&kinds=&levels=`),
 * for every download route that selects agencies.
 */
export class AgencySelectionQuery {
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(MAX_SELECTED_IDS)
  @Matches(ID_PATTERN, { each: true, message: 'agencyIds: 机关 id 无效。Each agency id must be a positive whole number.' })
  agencyIds?: string[];

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @Matches(ID_PATTERN, { message: 'parentId: 机关 id 无效。The parent id must be a positive whole number.' })
  parentId?: string;

  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  includeDescendants?: boolean;

  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  includeParent?: boolean;

  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(AGENCY_KIND_VALUES, {
    each: true,
    message: `kinds: 机关类型只能是 ${AGENCY_KIND_VALUES.join('、')}。Kinds must be among ${AGENCY_KIND_VALUES.join(', ')}.`,
  })
  kinds?: AgencyKind[];

  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(AGENCY_LEVEL_VALUES, {
    each: true,
    message: `levels: 层级只能是 ${AGENCY_LEVEL_VALUES.join('、')}。Levels must be among ${AGENCY_LEVEL_VALUES.join(', ')}.`,
  })
  levels?: AgencyLevel[];
}

/** The selection of a download's URL parameters, as the analytics services take it. */
export function selectionOf(q: AgencySelectionQuery): AgencySelectionInput {
  return {
    agencyIds: q.agencyIds?.length ? q.agencyIds : null,
    parentId: q.parentId ?? null,
    includeDescendants: q.includeDescendants ?? false,
    includeParent: q.includeParent ?? false,
    kinds: q.kinds?.length ? q.kinds : null,
    levels: q.levels?.length ? q.levels : null,
  };
}

/**
 * `GET /api/exports/comparison.csv|xlsx?agencyIds=1,2&parentId=&includeDescendants=&kinds=&levels=&years=2023,2024&metrics=a,b&lang=zh|en`:
 * the arguments of the `compare` query, as URL parameters.
 */
export class ComparisonExportQuery extends AgencySelectionQuery {
  @Transform(numbers)
  @IsArray()
  @IsYearList()
  years!: number[];

  @MetricCodes()
  metrics!: string[];

  @ExportLanguage()
  lang?: 'zh' | 'en';
}

/** `GET /api/exports/metric-definitions.csv?metrics=a,b&lang=zh|en`: the definitions that go with a comparison CSV. */
export class MetricDefinitionsExportQuery {
  @MetricCodes()
  metrics!: string[];

  @ExportLanguage()
  lang?: 'zh' | 'en';
}
