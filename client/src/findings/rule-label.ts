/** A consistency rule's name in the user's language; an unknown code (a rule newer than this client) shows as is. */
import { RULE_DESCRIPTIONS, type RuleCode } from '@ogi/domain';

export function ruleLabel(rule: string, pick: (zh: string, en: string) => string): string {
  const d = RULE_DESCRIPTIONS[rule as RuleCode] as { zh: string; en: string } | undefined;
  return d ? pick(d.zh, d.en) : rule;
}
