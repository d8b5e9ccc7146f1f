import { z } from 'zod';

/** IPC channels between preload and main; every name starts with `varta:`. */
export const SHELL_CHANNELS = {
  print: 'varta:print',
  displays: 'varta:displays',
  quit: 'varta:quit',
} as const;

export const PrintRequestSchema = z.object({ html: z.string().min(1).max(200_000), silent: z.boolean().default(true) }).strict();
export type PrintRequest = z.infer<typeof PrintRequestSchema>;

export const QuitRequestSchema = z.object({ pin: z.string().regex(/^\d{4,8}$/) }).strict();
export type QuitRequest = z.infer<typeof QuitRequestSchema>;

export const DisplayInfoSchema = z.object({ id: z.number(), label: z.string(), width: z.number(), height: z.number(), primary: z.boolean() });
export type DisplayInfo = z.infer<typeof DisplayInfoSchema>;

/** Result of a shell call: never throws across the bridge. */
export const ShellResultSchema = z.object({ ok: z.boolean(), error: z.string().optional() });
export type ShellResult = z.infer<typeof ShellResultSchema>;

/** What the preload script exposes as `window.varta` (absent in browser mode). */
export interface VartaBridge {
  backendUrl: string;
  token: string;
  shell: {
    print(request: PrintRequest): Promise<ShellResult>;
    displays(): Promise<DisplayInfo[]>;
    quit(request: QuitRequest): Promise<ShellResult>;
  };
}
