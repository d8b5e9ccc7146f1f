import type { ShellResult, VartaBridge } from '../../../contract/shell';

/** Outcome of printing; a failure never hides the ticket on screen. */
export type PrintOutcome = { ok: true } | { ok: false; error: string };

/**
 * Print the ticket HTML: silently through the Electron shell when present, else through the
 * browser's print dialog from a hidden iframe (browser mode: a kiosk browser may print silently
 * with `--kiosk-printing`).
 */
export async function printTicket(html: string, win: Window & { varta?: VartaBridge } = window): Promise<PrintOutcome> {
  try {
    if (win.varta?.shell) {
      const result: ShellResult = await win.varta.shell.print({ html, silent: true });
      return result.ok ? { ok: true } : { ok: false, error: result.error ?? 'print failed' };
    }
    return await printInIframe(html, win.document);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function printInIframe(html: string, doc: Document): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    const frame = doc.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.onload = () => {
      try {
        const target = frame.contentWindow;
        if (!target) throw new Error('print frame has no window');
        target.focus();
        target.print();
        resolve({ ok: true });
      } catch (error) {
        resolve({ ok: false, error: error instanceof Error ? error.message : String(error) });
      } finally {
        // Leave the frame a moment: some browsers print asynchronously from it.
        setTimeout(() => frame.remove(), 60_000);
      }
    };
    frame.srcdoc = html;
    doc.body.appendChild(frame);
  });
}
