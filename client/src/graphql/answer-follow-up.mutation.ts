import { defineOperation } from './client';
import document from './answer-follow-up.mutation.graphql?raw';

export const AnswerFollowUpMutation = defineOperation<{ answerFollowUp: { id: string; answer: string | null } }, { id: string; answer: string }>(document);
