import { computed } from 'vue';
import { AgencyTreeDocument } from '../graphql/api';
import type { MessageKey } from '../locales';
import { useSessionStore } from '../stores/session';
import { useI18n } from './use-i18n';
import { useQuery } from './use-query';

const WHOLE_BY_LEVEL: Record<string, MessageKey> = { province: 'picker.wholeProvince', city: 'picker.wholeCity', county: 'picker.wholeCounty' };

/**
 * What "everything" is called where nothing narrower is chosen: a department user sees its own agency only, so
 * it is that agency; a registry whose top is governments of one level is 全省 / 全市 / 全县; anything else (several
 * regions side by side) is 全部机关.
 */
export function wholeScope(top: readonly { kind: string; level: string | null }[], ownAgency: string | null): { name: string } | { key: MessageKey } {
  if (ownAgency) return { name: ownAgency };
  const levels = new Set(top.map((a) => (a.kind === 'government' ? a.level : null)));
  const [level] = [...levels];
  return levels.size === 1 && level && WHOLE_BY_LEVEL[level] ? { key: WHOLE_BY_LEVEL[level] } : { key: 'picker.all' };
}

/** The name of the whole scope for the signed-in user, in the current language (the top of the tree is asked once per page). */
export function useWholeScopeName(active: () => boolean = () => true) {
  const { t } = useI18n();
  const session = useSessionStore();
  const own = computed(() => (session.user?.role === 'department' ? (session.user.agency?.name ?? null) : null));
  const top = useQuery(AgencyTreeDocument, () => (own.value || !active() ? null : { parentId: null }));
  return computed(() => {
    const scope = wholeScope(top.data.value?.agencyTree ?? [], own.value);
    return 'name' in scope ? scope.name : t(scope.key);
  });
}
