import { describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODES } from '../../contract/sync';
import { KeyringSecretStore } from '../../native/secret-store/keyring-store';
import { DEVICE_SECRET_KEY } from '../../electron/backend/sync/enrollment';
import { openRig } from '../integration/sync/rig';

const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

describe.skipIf(!hasBus)('enrollment with the real keychain', () => {
  it('puts the device secret in the Secret Service, uses it for tokens, and removes it on unenroll', async () => {
    const secrets = new KeyringSecretStore(`varta-test-${process.pid}`);
    const rig = await openRig({ secrets });
    try {
      await rig.sync.enroll(DEMO_ENROLLMENT_CODES[0]);
      expect(await secrets.get(DEVICE_SECRET_KEY)).toMatch(/.{16,}/);
      expect(await rig.sync.getPortalToken()).toMatch(/.{16,}/);
      await rig.sync.unenroll();
      expect(await secrets.get(DEVICE_SECRET_KEY)).toBeNull();
    } finally {
      await rig.close();
    }
  });
});
