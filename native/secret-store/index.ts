export { KeychainUnavailable, SECRET_SERVICE_NAME, type SecretStorePort } from './port';
export { KeyringSecretStore } from './keyring-store';
export { MemorySecretStore } from './memory-store';
export { INSECURE_FILE_WARNING, InsecureFileSecretStore } from './file-store';
