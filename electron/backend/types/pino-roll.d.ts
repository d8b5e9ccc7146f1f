// pino-roll ships no types; this is the part Varta uses.
declare module 'pino-roll' {
  import type { Writable } from 'node:stream';

  interface PinoRollOptions {
    file: string | (() => string);
    size?: number | string;
    frequency?: number | string;
    extension?: string;
    mkdir?: boolean;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
    sync?: boolean;
  }

  /** A SonicBoom stream that rolls its file by size and/or time. */
  type RollStream = Writable & {
    flushSync(): void;
    end(): void;
    once(event: 'close' | 'finish', listener: () => void): RollStream;
  };

  export default function build(options: PinoRollOptions): Promise<RollStream>;
}
