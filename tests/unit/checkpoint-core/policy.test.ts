import { describe, expect, it } from 'vitest';
import { AccessPolicySchema, type AccessPolicyInput } from '../../../contract/eid';
import { describePolicyDecision, evaluatePolicy, normalisePolicyText } from '../../../electron/backend/verification/core/policy';

const policy = (input: AccessPolicyInput) => AccessPolicySchema.parse(input);
const doc = (issuer: string, position: string) => ({ issuer, position });

describe('normalisePolicyText', () => {
  it('folds case (Ukrainian too), collapses whitespace and unifies apostrophes', () => {
    expect(normalisePolicyText('  Міністерство   ОХОРОНИ\tздоров’я ')).toBe("міністерство охорони здоров'я");
    expect(normalisePolicyText('ҐЇЄІ')).toBe('ґїєі');
    expect(normalisePolicyText('здоровʼя')).toBe("здоров'я");
  });
});

describe('evaluatePolicy', () => {
  const labour = doc('Державна служба України з питань праці', 'Головний інспектор праці');

  it('falls back to the default action when no rule matches', () => {
    expect(evaluatePolicy(policy({}), labour)).toEqual({ allowed: true, reason: 'default_allow', ruleIndex: null, ruleLabel: null });
    expect(evaluatePolicy(policy({ defaultAction: 'deny' }), labour)).toMatchObject({ allowed: false, reason: 'default_deny' });
  });

  it('matches exact, prefix and contains after normalisation', () => {
    const exact = policy({ defaultAction: 'deny', rules: [{ action: 'allow', issuer: { match: 'exact', value: 'державна  служба україни з питань праці' } }] });
    expect(evaluatePolicy(exact, labour).allowed).toBe(true);
    const prefix = policy({ defaultAction: 'deny', rules: [{ action: 'allow', issuer: { match: 'prefix', value: 'ДЕРЖАВНА СЛУЖБА' } }] });
    expect(evaluatePolicy(prefix, labour).allowed).toBe(true);
    const contains = policy({ defaultAction: 'deny', rules: [{ action: 'allow', position: { match: 'contains', value: 'інспектор' } }] });
    expect(evaluatePolicy(contains, labour).allowed).toBe(true);
  });

  it('does not treat a prefix or contains value as exact, nor exact as contains', () => {
    const exact = policy({ defaultAction: 'deny', rules: [{ action: 'allow', issuer: { value: 'Державна служба' } }] });
    expect(evaluatePolicy(exact, labour).allowed).toBe(false);
    const prefix = policy({ defaultAction: 'deny', rules: [{ action: 'allow', position: { match: 'prefix', value: 'інспектор' } }] });
    expect(evaluatePolicy(prefix, labour).allowed).toBe(false);
  });

  it('needs every matcher of a rule to match', () => {
    const rule = policy({
      defaultAction: 'deny',
      rules: [{ action: 'allow', issuer: { match: 'contains', value: 'праці' }, position: { match: 'contains', value: 'начальник' } }],
    });
    expect(evaluatePolicy(rule, labour).allowed).toBe(false);
    expect(evaluatePolicy(rule, doc(labour.issuer, 'Начальник відділу')).allowed).toBe(true);
  });

  const mixed: AccessPolicyInput = {
    defaultAction: 'deny',
    rules: [
      { action: 'allow', issuer: { match: 'contains', value: 'праці' }, label: 'Labour inspectors' },
      { action: 'deny', position: { match: 'contains', value: 'стажист' }, label: 'No trainees' },
    ],
  };

  it('first_match: the first matching rule decides', () => {
    const d = evaluatePolicy(policy({ ...mixed, combining: 'first_match' }), doc(labour.issuer, 'Стажист'));
    expect(d).toEqual({ allowed: true, reason: 'rule_allow', ruleIndex: 0, ruleLabel: 'Labour inspectors' });
  });

  it('deny_overrides: any matching deny wins', () => {
    const d = evaluatePolicy(policy({ ...mixed, combining: 'deny_overrides' }), doc(labour.issuer, 'Стажист'));
    expect(d).toEqual({ allowed: false, reason: 'rule_deny', ruleIndex: 1, ruleLabel: 'No trainees' });
    expect(evaluatePolicy(policy({ ...mixed, combining: 'deny_overrides' }), labour)).toMatchObject({ allowed: true, ruleIndex: 0 });
  });

  it('describes decisions without personal data', () => {
    expect(describePolicyDecision({ allowed: false, reason: 'rule_deny', ruleIndex: 1, ruleLabel: 'No trainees' })).toBe('rule_deny #2: No trainees');
    expect(describePolicyDecision({ allowed: true, reason: 'default_allow', ruleIndex: null, ruleLabel: null })).toBe('default_allow');
  });

  it('the config schema refuses rules without matchers and unknown keys', () => {
    expect(AccessPolicySchema.safeParse({ rules: [{ action: 'allow' }] }).success).toBe(false);
    expect(AccessPolicySchema.safeParse({ rules: [{ action: 'allow', issuer: { value: '   ' } }] }).success).toBe(false);
    expect(AccessPolicySchema.safeParse({ surprise: true }).success).toBe(false);
    expect(AccessPolicySchema.parse({})).toEqual({ defaultAction: 'allow', combining: 'first_match', rules: [], keepFullName: false, auditRetentionDays: 30 });
  });
});
