import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import ReportListView from '../views/reports/ReportListView.vue';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'reports', component: ReportListView },
  // The report page carries ECharts: loaded on first visit, not with the list.
  { path: '/reports/:id', name: 'report', component: () => import('../views/report/ReportView.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../views/not-found/NotFoundView.vue') },
];

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({
    history,
    routes,
    scrollBehavior: (to, _from, saved) => saved ?? (to.hash ? { el: to.hash } : to.path === _from.path ? false : { top: 0 }),
  });
}
