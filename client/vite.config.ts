import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { preloadChartLibrary } from './build/chart-preload';

/** The API (GraphQL and file downloads) runs in the NestJS process; in production it also serves `dist/`. */
const API = 'http://localhost:3000';

export default defineConfig({
  plugins: [vue(), preloadChartLibrary()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // Libraries change rarely: their own cached chunks. ECharts' core and the bar/line charts load with the
      // overview (the first page); the sankey and treemap charts stay with the outcomes page that uses them.
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/](?!.*[\\/]chart[\\/](sankey|treemap)[\\/])/ },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': API,
      '/api': API,
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['test/setup.ts'],
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
  },
});
