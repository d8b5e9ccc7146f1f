import { vi } from 'vitest';
import type { CheckpointVerifyResponse } from '../../../../contract/eid';
import type { EidApi } from '../../../../renderer/api/eid';

/** A 1x1 PNG as the holder's photo. */
export const PHOTO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** A valid answer for the holder named `fullName`. */
export function validResponse(fullName = 'Коваленко Олена Петрівна'): CheckpointVerifyResponse {
  return {
    checkId: 'c1',
    verdict: 'valid',
    checkedAt: '2026-11-23T09:00:00Z',
    document: {
      country: 'Україна',
      documentName: 'Посвідчення посадової особи',
      fullName,
      position: 'Головний спеціаліст',
      issuedOn: '2025-02-03',
      seriesNumber: 'АА 102934',
      issuer: 'Міністерство цифрової трансформації України',
      photo: PHOTO,
      expiresOn: '2030-02-02',
      contacts: {},
    },
  };
}

/** A fake checkpoint API: verify answers `valid` unless told otherwise; calls are recorded. */
export function fakeEidApi(answer: (input: string) => CheckpointVerifyResponse = () => validResponse()) {
  return {
    verify: vi.fn(async (input: string) => answer(input)),
    getSettings: vi.fn(async () => ({ checkpointName: 'Вхід 1', resultClearSeconds: 30, training: true })),
    listTrainingHolders: vi.fn(async () => []),
    issueTrainingCode: vi.fn(async () => Promise.reject(new Error('not in this test'))),
  } satisfies EidApi;
}
