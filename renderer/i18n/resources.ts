import commonEn from './en.json';
import commonUk from './uk.json';
import eidEn from './eid.en.json';
import eidUk from './eid.uk.json';
import queueEn from './queue.en.json';
import queueUk from './queue.uk.json';
import syncEn from './sync.en.json';
import syncUk from './sync.uk.json';

// One file per area (common, eid = checkpoint, queue = center queue, sync = portal sync), each under its
// own top-level key, so areas grow without touching each other's files. uk is the reference language.

/** Every Ukrainian text. */
export const uk = { ...commonUk, eid: eidUk, queue: queueUk, sync: syncUk };
/** Every English text, with the same keys as `uk`. */
export const en = { ...commonEn, eid: eidEn, queue: queueEn, sync: syncEn };
