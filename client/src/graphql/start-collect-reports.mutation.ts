import { defineOperation } from './client';
import document from './start-collect-reports.mutation.graphql?raw';

export interface StartCollectReportsVariables {
  urls: string[];
}

export interface StartCollectReportsResult {
  startCollectReports: { id: string; status: string };
}

export const StartCollectReportsMutation = defineOperation<StartCollectReportsResult, StartCollectReportsVariables>(document);
