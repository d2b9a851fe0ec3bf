import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { preloadCharts } from './composables/use-echarts';
import { prepareFormats } from './composables/use-i18n';
import { createAppRouter } from './router';
import { installSessionGuard } from './router/session-guard';
import { usePreferencesStore } from './stores/preferences';
import { useSessionStore } from './stores/session';
import './styles/main.css';

const pinia = createPinia();
const router = createAppRouter();
installSessionGuard(router, useSessionStore(pinia));
createApp(App).use(pinia).use(router).mount('#app');
// The language's number and date data (100–250 ms to read) load while the session is asked, in the task after the
// first requests are sent, rather than in the task that shows the page's first figures.
setTimeout(() => prepareFormats(usePreferencesStore(pinia).locale), 0);
// The chart library's evaluation is a long task: once the first page has sent its requests, so that it overlaps
// the server's work instead of delaying them.
void router.isReady().then(() => setTimeout(preloadCharts, 0));
