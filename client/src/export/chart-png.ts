/**
 * A chart as a PNG for a briefing: the chart image (from ECharts, at twice the screen resolution) under its
 * title and a line saying what it shows (filters, source), on white.
 */
export async function composeChartPng(chartDataUrl: string, title: string, subtitle: string): Promise<Blob> {
  const image = new Image();
  image.src = chartDataUrl;
  await image.decode();
  const scale = 2;
  const pad = 16 * scale;
  const titleSize = 18 * scale;
  const subSize = 12 * scale;
  const head = pad + titleSize + (subtitle ? subSize + 8 * scale : 0) + 12 * scale;
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth + pad * 2;
  canvas.height = image.naturalHeight + head + pad;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const fonts = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";
  ctx.fillStyle = '#1d2733';
  ctx.font = `600 ${titleSize}px ${fonts}`;
  ctx.textBaseline = 'top';
  ctx.fillText(title, pad, pad);
  if (subtitle) {
    ctx.fillStyle = '#5b6776';
    ctx.font = `${subSize}px ${fonts}`;
    ctx.fillText(subtitle, pad, pad + titleSize + 8 * scale);
  }
  ctx.drawImage(image, pad, head);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
