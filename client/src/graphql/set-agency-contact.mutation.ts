import { defineOperation } from './client';
import document from './set-agency-contact.mutation.graphql?raw';

export const SetAgencyContactMutation = defineOperation<
  { setAgencyContact: { person: string; phone: string | null; email: string | null } | null },
  { agencyId: string; person: string; phone?: string | null; email?: string | null }
>(document);
