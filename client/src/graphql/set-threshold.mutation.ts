import { defineOperation } from './client';
import document from './set-threshold.mutation.graphql?raw';

export interface SetThresholdVariables {
  metric: string;
  direction: string;
  red: number;
  yellow: number;
  minSample: number;
  reason?: string | null;
}

export const SetThresholdMutation = defineOperation<{ setThreshold: { metric: string; version: number } }, SetThresholdVariables>(document);
