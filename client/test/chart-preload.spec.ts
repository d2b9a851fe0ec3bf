import { describe, expect, it } from 'vitest';
import { chartLibraryFiles, type BundleChunk } from '../build/chart-preload';

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[] = []): BundleChunk => ({ type: 'chunk', fileName, facadeModuleId, imports });

/** A bundle shaped as the build makes it: the entry, a page, the chart library's facade over the vendor chunk. */
const bundle: Record<string, BundleChunk> = {
  'assets/index-1.js': chunk('assets/index-1.js', '/app/client/src/main.ts', ['assets/vue-1.js', 'assets/runtime-1.js']),
  'assets/vue-1.js': chunk('assets/vue-1.js', null),
  'assets/runtime-1.js': chunk('assets/runtime-1.js', null),
  'assets/OverviewView-1.js': chunk('assets/OverviewView-1.js', '/app/client/src/views/overview/OverviewView.vue', ['assets/vue-1.js']),
  'assets/echarts-1.js': chunk('assets/echarts-1.js', '/app/client/src/composables/echarts.ts', ['assets/echarts-2.js', 'assets/format-1.js']),
  'assets/echarts-2.js': chunk('assets/echarts-2.js', null, ['assets/runtime-1.js']),
  'assets/format-1.js': chunk('assets/format-1.js', null, ['assets/echarts-2.js']),
  'assets/echarts-flows-1.js': chunk('assets/echarts-flows-1.js', '/app/client/src/composables/echarts-flows.ts', ['assets/echarts-2.js']),
  'assets/index-1.css': { type: 'asset', fileName: 'assets/index-1.css' },
};

describe('the chart library preloaded while the app starts', () => {
  it("names the library's chunk and everything it imports, each once, and nothing of the flow charts or the pages", () => {
    expect(chartLibraryFiles(bundle)).toEqual(['assets/echarts-1.js', 'assets/echarts-2.js', 'assets/runtime-1.js', 'assets/format-1.js']);
  });

  it('names nothing when the bundle has no chart library', () => {
    const { ['assets/echarts-1.js']: _library, ...withoutLibrary } = bundle;
    expect(chartLibraryFiles(withoutLibrary)).toEqual([]);
  });

  it('works on Windows paths too', () => {
    const windows = { ...bundle, 'assets/echarts-1.js': chunk('assets/echarts-1.js', 'C:\\app\\client\\src\\composables\\echarts.ts', []) };
    expect(chartLibraryFiles(windows)).toEqual(['assets/echarts-1.js']);
  });
});
