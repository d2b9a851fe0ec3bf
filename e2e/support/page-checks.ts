/// <reference lib="dom" />
/**
 * What a reader sees of a page, read in the page itself: whether its charts are drawn, and what sticks out of a
 * phone's screen.
 */
import type { Page } from '@playwright/test';

/**
 * Each chart's state: drawn (its canvas has painted pixels), or the text the card shows instead (nothing to draw).
 * Read in the page: a canvas's pixels are what the reader sees.
 */
export async function chartStates(page: Page): Promise<{ title: string; drawn: boolean; placeholder: string | null }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('figure')].map((figure) => {
      const title = figure.querySelector('figcaption')?.textContent?.trim() ?? '';
      const chart = figure.querySelector('[role="img"]') as HTMLElement | null;
      // A card with nothing to draw hides the chart and says why in its place.
      const placeholder = chart && chart.offsetParent === null ? figure.textContent?.replace(title, '').trim() || null : null;
      const canvases = [...figure.querySelectorAll('[role="img"] canvas')] as HTMLCanvasElement[];
      const drawn = canvases.some((canvas) => {
        if (!canvas.width || !canvas.height) return false;
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        if (!pixels) return false;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) return true;
        return false;
      });
      const svgDrawn = [...figure.querySelectorAll('[role="img"] svg')].some((svg) => svg.childElementCount > 0);
      return { title, drawn: drawn || svgDrawn, placeholder };
    }),
  );
}

/**
 * What sticks out of a phone's screen: the elements reaching past the right edge that no scrolling box of their
 * own contains (a wide table inside its own scroller is fine), named by tag and text for the failure message.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1 || clipped(el)) continue;
      // Only the outermost element that sticks out: its children stick out with it.
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1 && !clipped(el.parentElement)) continue;
      out.push(
        `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${Math.round(r.right - width)} px: ${(el.textContent ?? '').trim().slice(0, 40)}`,
      );
    }
    return out.length ? out : [`the page is ${document.documentElement.scrollWidth} px wide`];
  });
}
