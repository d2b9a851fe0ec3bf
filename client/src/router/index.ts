import type { AccessSet } from '@ogi/domain';
import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import OverviewView from '../views/overview/OverviewView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without a session (the sign-in page only). */
    public?: boolean;
    /** The access policy set (ACCESS of @ogi/domain) the page needs; others see "not allowed" (the server refuses anyway). */
    access?: AccessSet;
  }
}

/**
 * The pages, in the order of the navigation. The overview is the landing page and comes with the first load;
 * every other page (and the chart parts only it uses) loads on its first visit.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'overview', component: OverviewView },
  { path: '/compare', name: 'compare', component: () => import('../views/compare/CompareView.vue') },
  { path: '/outcomes', name: 'outcomes', component: () => import('../views/outcomes/OutcomesView.vue') },
  { path: '/review', name: 'review', component: () => import('../views/review/ReviewView.vue') },
  { path: '/quality', name: 'quality', component: () => import('../views/quality/QualityView.vue') },
  { path: '/agencies/:id', name: 'agency', component: () => import('../views/agency/AgencyView.vue') },
  { path: '/reports', name: 'reports', component: () => import('../views/reports/ReportListView.vue') },
  { path: '/reports/:id', name: 'report', component: () => import('../views/report/ReportView.vue') },
  { path: '/search', name: 'search', component: () => import('../views/search/SearchView.vue') },
  { path: '/import', name: 'import', component: () => import('../views/import/ImportView.vue'), meta: { access: 'ingest' } },
  { path: '/explorer', name: 'explorer', component: () => import('../views/explorer/ExplorerView.vue'), meta: { access: 'analyse' } },
  { path: '/briefing', name: 'briefing', component: () => import('../views/briefing/BriefingView.vue') },
  { path: '/follow-ups', name: 'follow-ups', component: () => import('../views/briefing/FollowUpsView.vue') },
  { path: '/thresholds', name: 'thresholds', component: () => import('../views/briefing/ThresholdsView.vue') },
  { path: '/audit', name: 'audit', component: () => import('../views/audit/AuditView.vue'), meta: { access: 'edit' } },
  // Accounts: administrators manage them; everyone changes their own password (from the user menu).
  { path: '/users', name: 'users', component: () => import('../views/users/UsersView.vue'), meta: { access: 'admin' } },
  { path: '/account', name: 'account', component: () => import('../views/account/AccountView.vue') },
  // The only page open without a session (see session-guard.ts).
  { path: '/login', name: 'login', component: () => import('../views/login/LoginView.vue'), meta: { public: true } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../views/not-found/NotFoundView.vue') },
];

/**
 * The pages the navigation lists, with their message keys. A page whose route names an access set (`meta.access`)
 * is listed only for the roles in it — the server enforces it either way.
 */
export const NAV_ITEMS = [
  { name: 'overview', key: 'overview' },
  { name: 'compare', key: 'compare' },
  { name: 'outcomes', key: 'outcomes' },
  { name: 'review', key: 'review' },
  { name: 'quality', key: 'quality' },
  { name: 'reports', key: 'reports' },
  { name: 'import', key: 'import' },
  { name: 'explorer', key: 'explorer' },
  { name: 'briefing', key: 'briefing' },
  { name: 'follow-ups', key: 'followUps' },
  { name: 'thresholds', key: 'thresholds' },
  { name: 'audit', key: 'audit' },
  { name: 'users', key: 'users' },
] as const satisfies readonly { name: string; key: string }[];

/** The access set a page needs (its route's `meta.access`), undefined when every signed-in user may open it. */
export function routeAccess(name: string): AccessSet | undefined {
  return routes.find((r) => r.name === name)?.meta?.access;
}

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({
    history,
    routes,
    // A filter change (same page) keeps the scroll position; a new page starts at the top or at its #anchor.
    scrollBehavior: (to, from, saved) => saved ?? (to.hash ? { el: to.hash } : to.path === from.path ? false : { top: 0 }),
  });
}
