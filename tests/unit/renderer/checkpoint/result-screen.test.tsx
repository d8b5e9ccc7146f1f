// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VERDICTS, type CheckpointVerifyResponse } from '../../../../contract/eid';
import { en, uk } from '../../../../renderer/i18n/resources';
import { ResultScreen } from '../../../../renderer/roles/checkpoint/ResultScreen';
import type { CheckResult } from '../../../../renderer/stores/verification';
import { byTestId, click, render, type Rendered } from '../helpers/render';
import { validResponse } from './fake-eid-api';

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
});

const asResult = (response: CheckpointVerifyResponse): CheckResult => ({ kind: 'verdict', id: 1, response, source: 'camera', local: false, shownAtMs: 0 });

describe('result screen', () => {
  it('shows a valid e-ID green, with photo, name, fields, action and countdown', () => {
    const onNext = vi.fn();
    rendered = render(<ResultScreen result={asResult(validResponse())} secondsLeft={27} language="uk" onNext={onNext} />, 'uk');
    const screen = byTestId(rendered.container, 'checkpoint-result');
    expect(screen.dataset.verdict).toBe('valid');
    expect(screen.dataset.class).toBe('ok');
    expect(screen.textContent).toContain('ПРОПУСТИТИ');
    expect(byTestId(rendered.container, 'result-name').textContent).toBe('Коваленко Олена Петрівна');
    expect(byTestId(rendered.container, 'result-photo').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(byTestId(rendered.container, 'result-series-number').textContent).toBe('АА 102934');
    expect(byTestId(rendered.container, 'result-countdown').textContent).toContain('27');
    click(byTestId(rendered.container, 'result-next'));
    expect(onNext).toHaveBeenCalledOnce();
  });

  it('says when and where an already used code was used', () => {
    const response: CheckpointVerifyResponse = {
      checkId: 'c2',
      verdict: 'already_used',
      checkedAt: '2026-11-23T09:00:00Z',
      usedBefore: { at: '2026-11-23T08:42:00Z', checkpoint: 'Вхід 2' },
    };
    rendered = render(<ResultScreen result={asResult(response)} secondsLeft={30} language="uk" onNext={() => undefined} />, 'uk');
    expect(byTestId(rendered.container, 'checkpoint-result').dataset.class).toBe('stop');
    expect(byTestId(rendered.container, 'result-used-before').textContent).toMatch(/Використано .*Вхід 2/);
    expect(rendered.container.querySelector('[data-testid="result-photo"]')).toBeNull();
  });

  it('renders hostile text as text (no markup is interpreted)', () => {
    const hostile = '<img src=x onerror="alert(1)">Іван';
    rendered = render(<ResultScreen result={asResult(validResponse(hostile))} secondsLeft={30} language="en" onNext={() => undefined} />);
    expect(byTestId(rendered.container, 'result-name').textContent).toBe(hostile);
    expect(rendered.container.querySelectorAll('img')).toHaveLength(1); // only the photo
  });

  it('shows a failed call amber, never as valid', () => {
    const failed: CheckResult = { kind: 'failed', id: 2, messageKey: 'errors.network', source: 'keypad', shownAtMs: 0 };
    rendered = render(<ResultScreen result={failed} secondsLeft={30} language="en" onNext={() => undefined} />);
    expect(byTestId(rendered.container, 'checkpoint-result').dataset.class).toBe('retry');
  });

  it('has a title and a next action for every verdict in both languages', () => {
    for (const verdict of VERDICTS) {
      for (const lang of [uk, en]) {
        expect(lang.eid.verdict[verdict].title.length).toBeGreaterThan(5);
        expect(lang.eid.verdict[verdict].action.length).toBeGreaterThan(10);
      }
    }
  });
});
