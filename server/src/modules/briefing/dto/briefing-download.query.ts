import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AGENCY_KIND_VALUES, AGENCY_LEVEL_VALUES, type AgencyKind, type AgencyLevel } from '@ogi/domain';
import { ID_PATTERN } from '../../../common/graphql/ids.js';
import type { AgencySelectionInput } from '../../analytics/dto/agency-selection.input.js';
import { MAX_YEAR, MIN_YEAR, YEAR_MESSAGE } from '../../analytics/dto/years.js';

const list = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

/** `GET /api/briefing.docx|notice.docx?year=2024&parentId=&includeDescendants=&kinds=&levels=`: a year and a scope. */
export class BriefingDownloadQuery {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: YEAR_MESSAGE })
  @Min(MIN_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_YEAR, { message: YEAR_MESSAGE })
  year!: number;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @Matches(ID_PATTERN, { message: 'parentId: 机关 id 无效。The parent id must be a positive whole number.' })
  parentId?: string;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean()
  includeDescendants?: boolean;

  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(AGENCY_KIND_VALUES, { each: true, message: `kinds: 机关类型只能是 ${AGENCY_KIND_VALUES.join('、')}。` })
  kinds?: AgencyKind[];

  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(AGENCY_LEVEL_VALUES, { each: true, message: `levels: 层级只能是 ${AGENCY_LEVEL_VALUES.join('、')}。` })
  levels?: AgencyLevel[];
}

/** The scope of a download as an AgencySelection: a district or system includes its parent and everything below. */
export function selectionOf(q: BriefingDownloadQuery): AgencySelectionInput | null {
  if (!q.parentId && !q.kinds?.length && !q.levels?.length) return null;
  const descendants = q.includeDescendants ?? true;
  return {
    parentId: q.parentId ?? null,
    includeDescendants: q.parentId ? descendants : false,
    includeParent: q.parentId ? descendants : false,
    kinds: q.kinds?.length ? q.kinds : null,
    levels: q.levels?.length ? q.levels : null,
  };
}
