import { defineOperation } from './client';
import document from './follow-ups.query.graphql?raw';

export interface FollowUpItemResult {
  id: string;
  agency: { id: string; name: string };
  year: number;
  /** missing | late | contradicted | flagged */
  reason: string;
  detailZh: string;
  detailEn: string;
  /** pending | reminded | resolved | exempt */
  status: string;
  notes: string;
  answer: string | null;
  reportId: string | null;
  resolvedByReportId: string | null;
  updatedAt: string;
  contact: { person: string; phone: string | null; email: string | null } | null;
}

export interface FollowUpsVariables {
  year?: number | null;
  statuses?: string[] | null;
  take?: number;
  skip?: number;
}

export interface FollowUpsResult {
  followUps: { total: number; items: FollowUpItemResult[] };
}

export const FollowUpsQuery = defineOperation<FollowUpsResult, FollowUpsVariables>(document);
