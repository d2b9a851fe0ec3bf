/**
 * A REST error opened directly in a browser (a download link pasted into the address bar, a bookmarked export)
 * is answered as a small page a clerk can read — the message in Chinese and English, the code to quote to
 * support, a way back to the dashboard — instead of raw JSON. Programs (fetch, curl, scripts) keep the JSON.
 */

/** Whether a request is a browser opening a page: a GET that prefers HTML to JSON. */
export function wantsErrorPage(request: { method: string; accepts(types: string[]): string | false }): boolean {
  return request.method === 'GET' && request.accepts(['json', 'html']) === 'html';
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page for an error: the message as given (our messages are written Chinese first, then English). */
export function errorPage(error: { status: number; code: string; message: string }): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>无法完成请求 · Request not completed</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2937;line-height:1.6}
h1{font-size:1.25rem}code{background:#f3f4f6;padding:0 .25rem}</style></head>
<body><main>
<h1>无法完成请求 <small>Request not completed</small></h1>
<p>${escapeHtml(error.message)}</p>
<p>错误代码 Error code: <code>${escapeHtml(error.code)}</code>（HTTP ${error.status}）</p>
<p><a href="/">返回观测台 Back to the dashboard</a></p>
</main></body></html>
`;
}
