/**
 * Asks the browser to download the chart library while the app starts. The library is imported dynamically so
 * that its evaluation (a long task) waits until the first page has sent its requests (see
 * composables/use-echarts.ts); without a hint its download would wait that long too, and then the charts wait for
 * it after their data have arrived. A `modulepreload` link fetches and compiles the chunks without evaluating them.
 */
import type { Plugin } from 'vite';

/** The module whose dynamic import loads the chart library. */
const CHART_LIBRARY_MODULE = /[\\/]src[\\/]composables[\\/]echarts\.ts$/;

/** The parts of a bundle's chunk this plugin reads (Rollup's and Rolldown's output chunks have them). */
export interface BundleChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
  imports?: readonly string[];
}

/** Every file a chunk needs before it can run: itself and what it imports statically, transitively. */
function withStaticImports(bundle: Readonly<Record<string, BundleChunk>>, fileName: string, into = new Set<string>()): Set<string> {
  if (into.has(fileName)) return into;
  into.add(fileName);
  for (const imported of bundle[fileName]?.imports ?? []) withStaticImports(bundle, imported, into);
  return into;
}

/**
 * The files of the chart library's chunk and its static imports, in load order from the library's chunk; none when
 * the bundle has no such chunk.
 */
export function chartLibraryFiles(bundle: Readonly<Record<string, BundleChunk>>): string[] {
  const library = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId && CHART_LIBRARY_MODULE.test(c.facadeModuleId));
  return library ? [...withStaticImports(bundle, library.fileName)] : [];
}

/** The Vite plugin: a `modulepreload` link in index.html's head for each file of the chart library not yet there. */
export function preloadChartLibrary(): Plugin {
  let base = '/';
  return {
    name: 'ogi:preload-chart-library',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return [];
        // Files the page already loads or preloads (the entry's own imports) need no second link.
        const files = chartLibraryFiles(ctx.bundle as unknown as Record<string, BundleChunk>).filter((f) => !html.includes(`${base}${f}"`));
        return files.map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
