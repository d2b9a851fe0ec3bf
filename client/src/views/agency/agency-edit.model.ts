/**
 * The agency registry's edit form (editors, on the agency profile): the form's fields from an agency, the
 * checks a clerk gets before anything is sent (the server checks the same and more: a name or alias taken by
 * another agency, a parent below the agency itself), and the `updateAgency` input of only what changed.
 */
import { AGENCY_KIND_VALUES, AGENCY_LEVEL_VALUES, isOneOf, normaliseAgencyName } from '@ogi/domain';
import { type AgencyProfile, type UpdateAgencyInput } from '../../graphql/api';

export { AGENCY_KIND_VALUES, AGENCY_LEVEL_VALUES };

/** The server's bounds on a name or alias (UpdateAgencyInput). */
export const NAME_MIN = 2;
export const NAME_MAX = 100;
export const URL_MAX = 2000;

export interface AgencyEditForm {
  name: string;
  kind: string;
  /** '' = unknown. */
  level: string;
  parentId: string | null;
  /** '' = none. */
  listingUrl: string;
  /** One alias a line. */
  aliasesText: string;
}

export type AgencyEditField = 'name' | 'kind' | 'level' | 'parentId' | 'listingUrl' | 'aliasesText';

export type AgencyEditProblem =
  | { field: 'name'; code: 'nameLength' }
  | { field: 'kind'; code: 'kindUnknown' }
  | { field: 'level'; code: 'levelUnknown' }
  | { field: 'parentId'; code: 'parentSelf' }
  | { field: 'listingUrl'; code: 'urlInvalid' }
  | { field: 'aliasesText'; code: 'aliasLength'; alias: string }
  | { field: 'aliasesText'; code: 'aliasIsName'; alias: string };

type EditedAgency = Pick<AgencyProfile, 'id' | 'name' | 'kind' | 'level' | 'listingUrl' | 'aliases' | 'parent'>;

export function formFromAgency(agency: EditedAgency): AgencyEditForm {
  return {
    name: agency.name,
    kind: agency.kind,
    level: agency.level ?? '',
    parentId: agency.parent?.id ?? null,
    listingUrl: agency.listingUrl ?? '',
    aliasesText: agency.aliases.join('\n'),
  };
}

/** The aliases typed, one a line (a comma or 、 also separates), without spaces (names carry none), once each. */
export function parseAliases(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\n,，、;；]+/)) {
    const alias = normaliseAgencyName(part);
    if (alias) seen.add(alias);
  }
  return [...seen];
}

/** An absolute http(s) address with a host. */
export function isHttpUrl(text: string): boolean {
  if (text.length > URL_MAX) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export function validateAgencyForm(form: AgencyEditForm, agencyId: string): AgencyEditProblem[] {
  const problems: AgencyEditProblem[] = [];
  const name = normaliseAgencyName(form.name);
  if (name.length < NAME_MIN || name.length > NAME_MAX) problems.push({ field: 'name', code: 'nameLength' });
  if (!(AGENCY_KIND_VALUES as readonly string[]).includes(form.kind)) problems.push({ field: 'kind', code: 'kindUnknown' });
  if (form.level && !(AGENCY_LEVEL_VALUES as readonly string[]).includes(form.level)) problems.push({ field: 'level', code: 'levelUnknown' });
  if (form.parentId === agencyId) problems.push({ field: 'parentId', code: 'parentSelf' });
  const url = form.listingUrl.trim();
  if (url && !isHttpUrl(url)) problems.push({ field: 'listingUrl', code: 'urlInvalid' });
  for (const alias of parseAliases(form.aliasesText)) {
    if (alias.length < NAME_MIN || alias.length > NAME_MAX) problems.push({ field: 'aliasesText', code: 'aliasLength', alias });
    else if (alias === name) problems.push({ field: 'aliasesText', code: 'aliasIsName', alias });
  }
  return problems;
}

/** The `updateAgency` input of what the form changes; null when it changes nothing. */
export function buildUpdateInput(agency: EditedAgency, form: AgencyEditForm): UpdateAgencyInput | null {
  const input: UpdateAgencyInput = { id: agency.id };
  let changed = false;
  const name = normaliseAgencyName(form.name);
  if (name !== agency.name) {
    input.name = name;
    changed = true;
  }
  // The form's choices are checked first (agencyEditProblems); the guards only narrow the strings to the sets.
  if (form.kind !== agency.kind && isOneOf(AGENCY_KIND_VALUES, form.kind)) {
    input.kind = form.kind;
    changed = true;
  }
  const level = form.level && isOneOf(AGENCY_LEVEL_VALUES, form.level) ? form.level : null;
  if (level !== agency.level) {
    input.level = level;
    changed = true;
  }
  if (form.parentId !== (agency.parent?.id ?? null)) {
    input.parentId = form.parentId;
    changed = true;
  }
  const listingUrl = form.listingUrl.trim() || null;
  if (listingUrl !== agency.listingUrl) {
    input.listingUrl = listingUrl;
    changed = true;
  }
  const aliases = parseAliases(form.aliasesText);
  const addAliases = aliases.filter((a) => !agency.aliases.includes(a));
  const removeAliases = agency.aliases.filter((a) => !aliases.includes(a));
  if (addAliases.length) input.addAliases = addAliases;
  if (removeAliases.length) input.removeAliases = removeAliases;
  return changed || addAliases.length || removeAliases.length ? input : null;
}

/** What is wrong with a year's report address before it is sent: null when nothing. */
export function reportUrlProblem(year: number | null, url: string, years: readonly number[]): 'yearMissing' | 'urlInvalid' | null {
  if (year === null || !years.includes(year)) return 'yearMissing';
  return isHttpUrl(url.trim()) ? null : 'urlInvalid';
}
