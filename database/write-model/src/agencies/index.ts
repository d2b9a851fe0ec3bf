/** `@ogi/write-model/agencies`: every write to the agency registry — seeding, edits, merges, match proposals. */
export { SEED_AGENCIES_FILE, loadRegistryFile, seedAgencyRegistry, type RegistryAgency } from './agency-registry.js';
export { mergeAgencyInto, refreshDeadlines } from './agency-changes.js';
export { inferParentId } from './agency-matching.js';
export { AgencyRegistryError, AgencyRegistryErrorCode } from './agency-registry-error.js';
export { agencyVisible, confirmAgencyMatch, rejectAgencyMatch, updateAgency, type AgencyEdit } from './registry-edits.js';
