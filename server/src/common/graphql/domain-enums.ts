/** The closed sets of @ogi/domain that the API answers with, registered once as GraphQL enums. */
import {
  AGENCY_KIND_VALUES,
  AGENCY_LEVEL_VALUES,
  REPORT_SCOPES,
  SEVERITIES,
  type AgencyKind,
  type AgencyLevel,
  type ReportScope,
  type Severity,
} from '@ogi/domain';
import { closedSetEnum } from './closed-set-enum.js';

const SEVERITY_WORDS: Record<Severity, string> = {
  error: '错误：表格数据不能自洽（勾稽关系不成立）。The tables do not add up.',
  warning: '警告：可能有误，需核实。Possibly wrong; to be checked.',
  info: '提示：值得注意，不算错误。Worth knowing; not an error.',
};
const SCOPE_WORDS: Record<ReportScope, string> = {
  self: '本机关：机关自身的工作。The agency’s own work.',
  region_aggregate: '地区汇总：政府汇总本地区各机关（全市/全区…）。A government’s summary of its region.',
  system_aggregate: '系统汇总：部门汇总本系统各单位。A department’s summary of its system.',
};
const KIND_WORDS: Record<AgencyKind, string> = {
  government: '政府：年报期限为次年 3 月 31 日。A government: reports by 31 March.',
  department: '政府部门：次年 1 月 31 日。A government department: by 31 January.',
  dispatched: '派出机构：次年 1 月 31 日。A dispatched agency: by 31 January.',
  other: '其他机关：次年 1 月 31 日。Another kind of agency: by 31 January.',
};
const LEVEL_WORDS: Record<AgencyLevel, string> = {
  province: '省级。Province.',
  city: '市级。City.',
  county: '县级。County.',
  township: '乡镇。Township.',
};

export const SeverityEnum = closedSetEnum('Severity', SEVERITIES, 'How much a finding matters.', (s) => SEVERITY_WORDS[s]);
export const ReportScopeEnum = closedSetEnum('ReportScope', REPORT_SCOPES, "What a report's figures cover.", (s) => SCOPE_WORDS[s]);
export const AgencyKindEnum = closedSetEnum(
  'AgencyKind',
  AGENCY_KIND_VALUES,
  'What an agency is; decides its publication deadline (for data years up to 2018, the 2008 regulation gave every agency until 31 March).',
  (k) => KIND_WORDS[k],
);
export const AgencyLevelEnum = closedSetEnum('AgencyLevel', AGENCY_LEVEL_VALUES, 'The administrative level of an agency.', (l) => LEVEL_WORDS[l]);
