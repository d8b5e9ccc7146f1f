import type { AccessPolicy, EidDocument, PolicyMatcher, PolicyRule } from '../../../../contract/eid';

/*
 * The building access policy: allow/deny rules over the issuing authority and the position.
 *
 * Matching: both the document field and the rule value are normalised first (Unicode NFC,
 * Ukrainian-aware lower case, every whitespace run -> one space, trimmed, the apostrophe
 * look-alikes ’ ʼ ` ′ ‘ -> ') so "Міністерство  охорони здоров’я" equals
 * "міністерство охорони здоров'я". Then `exact` compares equal, `prefix` tests that the
 * field starts with the value, `contains` that it contains it.
 *
 * Combining: `first_match` — rules in order, the first rule whose matchers all match decides;
 * `deny_overrides` — if any deny rule matches the answer is deny, else if any allow rule
 * matches it is allow. With no matching rule the policy's `defaultAction` decides.
 */

export type PolicyReason = 'rule_allow' | 'rule_deny' | 'default_allow' | 'default_deny';

export interface PolicyDecision {
  allowed: boolean;
  reason: PolicyReason;
  /** Index of the deciding rule in `policy.rules`, or null when the default decided. */
  ruleIndex: number | null;
  ruleLabel: string | null;
}

type PolicySubject = Pick<EidDocument, 'issuer' | 'position'>;

const APOSTROPHES = /[\u2019\u02bc\u0060\u2032\u2018\u00b4]/g;
const WHITESPACE_RUN = /\s+/g;

/** Normalises a field or rule value for comparison (see the file comment). */
export function normalisePolicyText(value: string): string {
  return value.normalize('NFC').toLocaleLowerCase('uk').replace(APOSTROPHES, "'").replace(WHITESPACE_RUN, ' ').trim();
}

function matcherMatches(matcher: PolicyMatcher, field: string): boolean {
  const value = normalisePolicyText(matcher.value);
  const subject = normalisePolicyText(field);
  if (value.length === 0) return false;
  switch (matcher.match) {
    case 'exact':
      return subject === value;
    case 'prefix':
      return subject.startsWith(value);
    case 'contains':
      return subject.includes(value);
  }
}

/** True when every matcher the rule has matches the document (a rule without matchers never matches). */
export function ruleMatches(rule: PolicyRule, doc: PolicySubject): boolean {
  if (rule.issuer === undefined && rule.position === undefined) return false;
  if (rule.issuer !== undefined && !matcherMatches(rule.issuer, doc.issuer)) return false;
  if (rule.position !== undefined && !matcherMatches(rule.position, doc.position)) return false;
  return true;
}

function decided(rule: PolicyRule, index: number): PolicyDecision {
  const allowed = rule.action === 'allow';
  return { allowed, reason: allowed ? 'rule_allow' : 'rule_deny', ruleIndex: index, ruleLabel: rule.label ?? null };
}

/** Decides whether this building admits the holder of a (portal-valid) document. */
export function evaluatePolicy(policy: AccessPolicy, doc: PolicySubject): PolicyDecision {
  const matching: number[] = [];
  policy.rules.forEach((rule, index) => {
    if (ruleMatches(rule, doc)) matching.push(index);
  });
  const pick = policy.combining === 'deny_overrides'
    ? (matching.find((i) => policy.rules[i]?.action === 'deny') ?? matching[0])
    : matching[0];
  const rule = pick === undefined ? undefined : policy.rules[pick];
  if (pick !== undefined && rule !== undefined) return decided(rule, pick);
  const allowed = policy.defaultAction === 'allow';
  return { allowed, reason: allowed ? 'default_allow' : 'default_deny', ruleIndex: null, ruleLabel: null };
}

/** A short, non-personal text for `policyReason` in the Hub API answer, e.g. `rule_deny #2: Contractors`. */
export function describePolicyDecision(decision: PolicyDecision): string {
  if (decision.ruleIndex === null) return decision.reason;
  const label = decision.ruleLabel === null ? '' : `: ${decision.ruleLabel}`;
  return `${decision.reason} #${decision.ruleIndex + 1}${label}`;
}
