import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { preloadCharts } from './composables/use-echarts';
import { createAppRouter } from './router';
import { installSessionGuard } from './router/session-guard';
import { useSessionStore } from './stores/session';
import './styles/main.css';

const pinia = createPinia();
const router = createAppRouter();
installSessionGuard(router, useSessionStore(pinia));
createApp(App).use(pinia).use(router).mount('#app');
// The chart library's evaluation is a long task: once the first page has sent its requests, so that it overlaps
// the server's work instead of delaying them.
void router.isReady().then(() => setTimeout(preloadCharts, 0));
