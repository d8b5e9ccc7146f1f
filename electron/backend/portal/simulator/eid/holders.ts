import { z } from 'zod';
import { EidDocumentSchema, type EidDocument } from '../../../../../contract/eid';
import demo from '../../../../../resources/demo/eid-holders.json';
import { avatarDataUrl } from './avatar';

/*
 * The simulator's demo holders (resources/demo/eid-holders.json, bundled at build time) with
 * a generated face picture each. A holder's state is derived by the simulator's clock:
 * `revoked` from the registry flag, `expired` when the document's expiresOn is before today.
 */

const HolderFileSchema = z.object({
  holders: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]{1,32}$/),
        documentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
        revoked: z.boolean(),
        document: EidDocumentSchema.omit({ photo: true }),
      }),
    )
    .min(1),
});

export type HolderState = 'valid' | 'expired' | 'revoked';

/** A demo holder with the full e-ID document (photo included). */
export interface DemoHolder {
  id: string;
  documentId: string;
  revoked: boolean;
  document: EidDocument;
}

/** GET /sim/holders item: who the holder is and the document's state (no photo). */
export interface HolderSummary {
  id: string;
  fullName: string;
  position: string;
  issuer: string;
  state: HolderState;
}

/** Parses the holder file and draws each holder's face picture; throws on a bad file. */
export function loadDemoHolders(raw: unknown = demo): DemoHolder[] {
  return HolderFileSchema.parse(raw).holders.map((h) => ({
    id: h.id,
    documentId: h.documentId,
    revoked: h.revoked,
    document: EidDocumentSchema.parse({ ...h.document, photo: avatarDataUrl(h.id) }),
  }));
}

/** The document's state on `today` (YYYY-MM-DD by the simulator's clock). */
export function holderState(holder: DemoHolder, today: string): HolderState {
  if (holder.revoked) return 'revoked';
  if (holder.document.expiresOn !== undefined && holder.document.expiresOn < today) return 'expired';
  return 'valid';
}

/** The summary GET /sim/holders lists. */
export function summariseHolder(holder: DemoHolder, today: string): HolderSummary {
  const { fullName, position, issuer } = holder.document;
  return { id: holder.id, fullName, position, issuer, state: holderState(holder, today) };
}
