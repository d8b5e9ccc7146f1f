import { utilityProcess, type UtilityProcess } from 'electron';
import { z } from 'zod';
import {
  initialSupervisorState,
  nextRestart,
  type SupervisorAction,
  type SupervisorEvent,
  type SupervisorState,
} from './policy/supervisor';

// Runs the backend (out/main/backend.js) as a utilityProcess and keeps it running with the
// pure restart policy of policy/supervisor.ts. Thin: timers, the child and its output only.

/** What the backend posts to its parent once it listens (see electron/backend). */
const BackendReadySchema = z.object({ type: z.literal('ready'), url: z.string().min(1) });

/** How long a starting backend may take before it is treated as hung and killed. */
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const KEPT_OUTPUT_LINES = 12;

export interface BackendLaunch {
  modulePath: string;
  args: string[];
  env: Record<string, string>;
}

export interface BackendListener {
  /** The backend listens at `url` (each start, including restarts). */
  onReady(url: string): void;
  /** It is down; `gaveUp` when the shell stopped restarting it. `output` is its last lines. */
  onDown(gaveUp: boolean, output: string): void;
}

/** A supervised backend utilityProcess. */
export class BackendProcess {
  private state: SupervisorState = initialSupervisorState();
  private child: UtilityProcess | null = null;
  private timer: NodeJS.Timeout | null = null;
  private output: string[] = [];

  constructor(
    private readonly launch: BackendLaunch,
    private readonly listener: BackendListener,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts the backend (or retries after the shell gave up). */
  start(): void {
    this.feed({ type: 'start' });
  }

  /** Stops supervising and ends the backend; resolves when it exited (or after a timeout). */
  async stop(): Promise<void> {
    this.feed({ type: 'stop' });
    this.clearTimer();
    const child = this.child;
    if (child === null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill();
    await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())]);
  }

  /** The last lines the backend printed (for error pages). */
  lastOutput(): string {
    return this.output.join('\n');
  }

  private feed(event: SupervisorEvent): void {
    const step = nextRestart(this.state, event, this.now());
    this.state = step.state;
    this.act(step.action);
  }

  private act(action: SupervisorAction): void {
    switch (action.kind) {
      case 'none':
        return;
      case 'spawn':
        this.spawn();
        return;
      case 'restart':
        this.listener.onDown(false, this.lastOutput());
        this.clearTimer();
        this.timer = setTimeout(() => this.feed({ type: 'start' }), action.delayMs);
        return;
      case 'give_up':
        this.listener.onDown(true, this.lastOutput());
        return;
    }
  }

  private spawn(): void {
    this.output = [];
    const child = utilityProcess.fork(this.launch.modulePath, this.launch.args, {
      env: this.launch.env,
      stdio: 'pipe',
      serviceName: 'Varta backend',
    });
    this.child = child;
    this.pipe(child.stdout, process.stdout);
    this.pipe(child.stderr, process.stderr);
    // A backend that never says "ready" is hung: kill it, and its exit counts as a failed start.
    this.timer = setTimeout(() => child.kill(), READY_TIMEOUT_MS);
    child.on('message', (message: unknown) => {
      const ready = BackendReadySchema.safeParse(message);
      if (!ready.success || this.child !== child) return;
      this.clearTimer();
      this.feed({ type: 'ready' });
      this.listener.onReady(ready.data.url);
    });
    child.once('exit', (code) => {
      if (this.child !== child) return;
      this.child = null;
      this.clearTimer();
      this.feed({ type: 'exited', code });
    });
  }

  /** Echoes the child's output and keeps its last lines for the error page. */
  private pipe(stream: NodeJS.ReadableStream | null, sink: NodeJS.WriteStream): void {
    if (stream === null) return;
    stream.on('data', (chunk: Buffer | string) => {
      // Launched from a desktop icon, stdout may be closed: echoing must never crash main.
      if (sink.writable) sink.write(chunk, () => undefined);
      const lines = chunk.toString().split(/\r?\n/).filter((l) => l.trim() !== '');
      this.output = [...this.output, ...lines].slice(-KEPT_OUTPUT_LINES);
    });
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
