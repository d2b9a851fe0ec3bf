import { defineOperation } from './client';
import document from './update-follow-up.mutation.graphql?raw';

export const UpdateFollowUpMutation = defineOperation<
  { updateFollowUp: { id: string; status: string; notes: string } },
  { id: string; status?: string | null; notes?: string | null }
>(document);
