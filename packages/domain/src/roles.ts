/**
 * The roles of the people who sign in, shared by the server (who may do what) and the dashboard (what to show).
 * Which operations each role may call is the server's access policy (server/src/common/access/access-policy.ts).
 */
export const ROLES = ['admin', 'editor', 'analyst', 'viewer', 'department'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  editor: { zh: '数据局', en: 'Data bureau editor' },
  analyst: { zh: '分析', en: 'Analyst' },
  viewer: { zh: '领导', en: 'Leader (viewer)' },
  department: { zh: '部门用户', en: 'Department user' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The access policy: who may do what, in one place. The server declares one of these sets on every GraphQL
 * operation and HTTP route (`@Roles(...ACCESS.read)`; server/src/common/access); the dashboard uses them only to
 * hide what a role cannot use — the server enforces them.
 */
export const ACCESS = {
  /** Reports, agencies, facts, metrics and the dashboards' queries. Department users see their own agency only. */
  read: ['admin', 'editor', 'analyst', 'viewer', 'department'],
  /** Upload or import report files. A department user may store only its own agency's reports. */
  ingest: ['admin', 'editor', 'department'],
  /** Correct cells, confirm agency matches, edit the agency registry, read the audit log. */
  edit: ['admin', 'editor'],
  /** Exports and the GraphiQL page. */
  analyse: ['admin', 'editor', 'analyst'],
  /** Accounts, re-parsing, anything that changes the system itself. */
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type AccessSet = keyof typeof ACCESS;

/**
 * Which agencies a user may see and act on: every one (administrators, editors, analysts, leaders) or a list (a
 * department user: its own agency). The server's reads filter by it in SQL; the write model's edits check it.
 */
export type AgencyScope = { readonly all: true } | { readonly all: false; readonly agencyIds: readonly number[] };

export function mayAccess(role: Role | null | undefined, set: AccessSet): boolean {
  return !!role && (ACCESS[set] as readonly Role[]).includes(role);
}
