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
