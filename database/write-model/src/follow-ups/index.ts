/** `@ogi/write-model/follow-ups`: the follow-up items a new report version settles (their states are @ogi/domain's). */
export { resolveFollowUpsByNewVersion } from './follow-ups.js';
