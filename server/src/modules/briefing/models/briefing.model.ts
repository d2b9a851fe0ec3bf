import type { FollowUpReason } from '@ogi/domain';
import { FollowUpReasonEnum } from '../../../common/graphql/domain-enums.js';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '../../agencies/models/agency.model.js';
import { BreakdownRowModel } from '../../analytics/models/breakdown.model.js';
import { RollupValueModel } from '../../analytics/models/rollup-value.model.js';
import { LeagueTableModel, NotableChangeModel } from './league-table.model.js';

@ObjectType('BriefingHeadline', { description: 'A headline figure of the briefing with its rule-written sentence and the numbers behind it.' })
export class BriefingHeadlineModel {
  @Field(() => String, { description: 'Metric code.' }) metric!: string;
  @Field(() => String, { description: "The metric's name in Chinese." }) nameZh!: string;
  @Field(() => String, { description: "The metric's name in English." }) nameEn!: string;
  @Field(() => Float, { nullable: true, description: "The scope's figure this year (roll-up of every counted report)." }) value!: number | null;
  @Field(() => Int, { description: 'Coverage: reports counted in the figure.' }) reportsCounted!: number;
  @Field(() => Int, { description: 'Coverage: agencies those reports speak for.' }) agenciesCovered!: number;
  @Field(() => Int, { description: 'Matched agencies: with their own report and this metric in both years.' }) matchedAgencies!: number;
  @Field(() => Float, { nullable: true, description: 'The metric over the matched agencies, this year.' }) matchedCurrent!: number | null;
  @Field(() => Float, { nullable: true, description: 'The metric over the matched agencies, last year.' }) matchedPrevious!: number | null;
  @Field(() => Float, { nullable: true, description: 'Change on matched agencies: relative for counts, in ratio points (0–1) for ratios.' }) change!:
    number | null;
  @Field(() => Int, { description: 'Reports counted whose tables do not add up (their figures are in the sums, marked contradicted).' })
  contradictedReports!: number;
  @Field(() => String, { description: 'The rule-written sentence, in Chinese.' }) sentenceZh!: string;
  @Field(() => String, { description: 'The same sentence in English.' }) sentenceEn!: string;
}

@ObjectType('BriefingIssue', { description: 'A late, missing or contradicted report named in the briefing, with its evidence.' })
export class BriefingIssueModel {
  @Field(() => AgencyModel, { description: 'The agency.' }) agency!: AgencyModel;
  @Field(() => FollowUpReasonEnum, { description: 'missing | late | contradicted.' }) reason!: FollowUpReason;
  @Field(() => String, { description: 'The problem and its evidence, in Chinese.' }) detailZh!: string;
  @Field(() => String, { description: 'The problem and its evidence, in English.' }) detailEn!: string;
  @Field(() => ID, { nullable: true, description: 'The report concerned (none for a missing one).' }) reportId!: string | null;
}

@ObjectType('BriefingMetricNote', { description: 'A metric definition in the methodology appendix.' })
export class BriefingMetricNoteModel {
  @Field(() => String, { description: 'Metric code.' }) code!: string;
  @Field(() => String, { description: 'Name.' }) nameZh!: string;
  @Field(() => String, { description: 'Formula in words.' }) formulaZh!: string;
  @Field(() => String, { nullable: true, description: 'What a ratio is divided by.' }) denominatorZh!: string | null;
  @Field(() => String, { nullable: true, description: 'What to keep in mind.' }) caveatZh!: string | null;
}

@ObjectType('Briefing', { description: 'The annual briefing (年度观测简报) of a scope and year: what the DOCX and the printable page show.' })
export class BriefingModel {
  @Field(() => Int, { description: 'The data year.' }) year!: number;
  @Field(() => String, { description: 'The scope as the sentences name it (e.g. 鄂州市).' }) scopeNameZh!: string;
  @Field(() => String, { description: 'The scope in English.' }) scopeNameEn!: string;
  @Field(() => Int, { description: 'Coverage: agencies in the scope.' }) agenciesSelected!: number;
  @Field(() => String, { description: 'When it was generated, ISO 8601.' }) generatedAt!: string;
  @Field(() => String, { nullable: true, description: 'Data date: when the newest report it uses was stored, ISO 8601.' }) dataDate!: string | null;
  @Field(() => [BriefingHeadlineModel], { description: 'Headline figures.' }) headlines!: BriefingHeadlineModel[];
  @Field(() => [RollupValueModel], { description: 'The trend: volumes, disclosure and on-time rates over the last five years.' }) trend!: RollupValueModel[];
  @Field(() => String, { description: 'Submissions in one sentence (due, on time, late, missing, contradicted).' }) submissionSentenceZh!: string;
  @Field(() => String, { description: 'The same in English.' }) submissionSentenceEn!: string;
  @Field(() => [BriefingIssueModel], { description: 'Missing, then contradicted, then late reports.' }) issues!: BriefingIssueModel[];
  @Field(() => [LeagueTableModel], { description: 'One league table per metric with thresholds.' }) leagues!: LeagueTableModel[];
  @Field(() => [NotableChangeModel], { description: 'Jumps on last year and outliers among peers.' }) notableChanges!: NotableChangeModel[];
  @Field(() => [BreakdownRowModel], { description: 'Withholding reasons, the scope combined, this year.' }) withholding!: BreakdownRowModel[];
  @Field(() => [BreakdownRowModel], { description: 'Administrative review outcomes, combined, this year.' }) reviewOutcomes!: BreakdownRowModel[];
  @Field(() => [BreakdownRowModel], { description: 'Litigation outcomes, combined, this year.' }) litigationOutcomes!: BreakdownRowModel[];
  @Field(() => [BriefingMetricNoteModel], { description: 'Definitions of the metrics used (methodology appendix).' }) metricNotes!: BriefingMetricNoteModel[];
  @Field(() => [String], { description: 'The scope and coverage rules, in Chinese.' }) methodologyZh!: string[];
}
