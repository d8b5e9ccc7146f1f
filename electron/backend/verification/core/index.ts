// The checkpoint's pure core: parsing, verdicts, policy, clock skew, replay memory, audit chain.
export * from './ean13';
export * from './parse-code';
export * from './map-verdict';
export * from './policy';
export * from './clock-skew';
export * from './replay-guard';
export * from './code-hmac';
export * from './audit-chain';
