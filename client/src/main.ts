import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppRouter } from './router';
import { installSessionGuard } from './router/session-guard';
import { useSessionStore } from './stores/session';
import './styles/main.css';

const pinia = createPinia();
const router = createAppRouter();
installSessionGuard(router, useSessionStore(pinia));
createApp(App).use(pinia).use(router).mount('#app');
