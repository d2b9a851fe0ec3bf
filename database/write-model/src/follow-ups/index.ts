/** `@ogi/write-model/follow-ups`: the follow-up list's states, and the items a new version or correction settles. */
export { FOLLOW_UP_REASONS, FOLLOW_UP_STATUSES, resolveFollowUpsByNewVersion, type FollowUpReason, type FollowUpStatus } from './follow-ups.js';
