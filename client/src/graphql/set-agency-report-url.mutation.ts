import type { AgencyReportUrl } from './agency-profile.query';
import { defineOperation } from './client';
import document from './set-agency-report-url.mutation.graphql?raw';

export interface SetAgencyReportUrlVariables {
  /** `url` null removes the year's address. */
  input: { agencyId: string; year: number; url: string | null };
}

export interface SetAgencyReportUrlResult {
  setAgencyReportUrl: { id: string; reportUrls: AgencyReportUrl[] };
}

export const SetAgencyReportUrlMutation = defineOperation<SetAgencyReportUrlResult, SetAgencyReportUrlVariables>(document);
