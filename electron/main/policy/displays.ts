import type { Display } from 'electron';
import type { DisplayInfo } from '../../../contract/shell';
import type { DisplayGeometry } from './window-plan';

// Mapping Electron's Display objects to the shapes the plan and the page use (types only).

/** A display as the window plan needs it. */
export function toDisplayGeometry(display: Display, primaryId: number): DisplayGeometry {
  return {
    id: display.id,
    label: display.label,
    bounds: { ...display.bounds },
    workArea: { ...display.workArea },
    primary: display.id === primaryId,
  };
}

/** A display as `window.varta.shell.displays()` reports it. */
export function toDisplayInfo(display: Display, primaryId: number): DisplayInfo {
  return {
    id: display.id,
    label: display.label === '' ? `${display.bounds.width}×${display.bounds.height}` : display.label,
    width: display.bounds.width,
    height: display.bounds.height,
    primary: display.id === primaryId,
  };
}
