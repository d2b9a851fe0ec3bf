import { defineOperation } from './client';
import document from './refresh-follow-ups.mutation.graphql?raw';

export const RefreshFollowUpsMutation = defineOperation<{ refreshFollowUps: { created: number; updated: number; open: number } }, { year: number }>(document);
