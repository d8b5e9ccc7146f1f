import { STATIC_PAGE_CSP } from './csp';

// The pages the shell shows itself while the backend is not serving (starting, restarting,
// given up) or after a screen crashed. They are data: URLs with no script, so they work when
// nothing else does. The renderer's i18n is not reachable from here, so the few strings
// live in this small uk/en table.

export type ShellLanguage = 'uk' | 'en';

export type StatusPageKind = 'starting' | 'restarting' | 'gave_up' | 'renderer_gone';

interface PageText {
  title: string;
  body: string;
}

const TEXTS: Record<ShellLanguage, Record<StatusPageKind, PageText>> = {
  uk: {
    starting: { title: 'Варта запускається…', body: 'Зачекайте кілька секунд.' },
    restarting: { title: 'Службу перезапущено', body: 'Внутрішня служба Варти зупинилася й запускається знову. Зачекайте.' },
    gave_up: {
      title: 'Варта не може запуститися',
      body: 'Внутрішня служба зупиняється знову і знову. Зверніться до адміністратора; нижче — що сталося.',
    },
    renderer_gone: { title: 'Екран перезапускається', body: 'Екран аварійно закрився й зараз відкриється знову.' },
  },
  en: {
    starting: { title: 'Varta is starting…', body: 'Please wait a few seconds.' },
    restarting: { title: 'Service restarted', body: 'The Varta service stopped and is starting again. Please wait.' },
    gave_up: {
      title: 'Varta cannot start',
      body: 'The service keeps stopping. Please call the administrator; what happened is shown below.',
    },
    renderer_gone: { title: 'The screen is restarting', body: 'The screen closed unexpectedly and is opening again.' },
  },
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A self-contained status page as a `data:` URL; `detail` (e.g. the backend's last error line) is escaped. */
export function statusPageUrl(kind: StatusPageKind, language: ShellLanguage, detail?: string): string {
  const text = TEXTS[language][kind];
  const detailHtml = detail === undefined || detail.trim() === '' ? '' : `<pre>${escapeHtml(detail.trim().slice(0, 4000))}</pre>`;
  const html = `<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STATIC_PAGE_CSP}">
<title>${escapeHtml(text.title)}</title>
<style>body{font:1.5rem system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#fff;color:#111}
main{max-width:40em;padding:2rem}pre{white-space:pre-wrap;font-size:1rem;background:#f3f3f3;padding:1rem}</style>
</head><body><main role="alert"><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body)}</p>${detailHtml}</main></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/** The data: URL of a ticket or receipt to print, locked down like the status pages. */
export function printPageUrl(html: string): string {
  // The meta must come first to land in <head>; a doctype of the caller's is moved ahead of it.
  const body = html.replace(/^\s*<!doctype html>/i, '');
  const guarded = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${STATIC_PAGE_CSP}">${body}`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(guarded)}`;
}
