import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/i18n';
import { en, uk } from '../../../renderer/i18n/resources';

/** Flatten nested translations to `a.b.c` → text. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value && typeof value === 'object') flatten(value, path).forEach((v, k) => out.set(k, v));
      else out.set(path, value);
    }
  }
  return out;
}

const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const ukKeys = flatten(uk);
  const enKeys = flatten(en);

  it('uk and en have exactly the same keys', () => {
    const onlyUk = [...ukKeys.keys()].filter((k) => !enKeys.has(k));
    const onlyEn = [...enKeys.keys()].filter((k) => !ukKeys.has(k));
    expect({ onlyUk, onlyEn }).toEqual({ onlyUk: [], onlyEn: [] });
    expect(ukKeys.size).toBeGreaterThan(50);
  });

  it('every text is a non-empty string', () => {
    for (const [key, value] of [...ukKeys, ...enKeys]) {
      expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
    }
  });

  it('both languages use the same {{placeholders}} per key', () => {
    for (const [key, value] of ukKeys) expect(placeholders(value), key).toEqual(placeholders(enKeys.get(key)));
  });

  it('the training banner says what the issue asks, in both languages', () => {
    const i18n = createI18n('uk');
    expect(i18n.t('status.training')).toBe('Навчальний режим — перевірки не справжні');
    expect(i18n.getFixedT('en')('status.training')).toBe('Training mode — checks are not real');
  });
});
