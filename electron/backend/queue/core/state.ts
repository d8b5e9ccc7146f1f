import {
  QueueSettingsSchema,
  type CallReason, type LegOutcome, type PriorityCategory, type QueueBooking, type QueueCommandType, type QueueEvent,
  type QueueService, type QueueSettings, type RatingReason, type TicketStatus,
} from '../../../../contract/queue';
import { emptyTable, tableGet, type Table } from './table';

// The queue state: a projection of the event log, built only by applyEvent. Plain data (records,
// arrays, numbers) so it deep-equals, serialises to JSON and can be snapshotted by the hub.
// Instants are epoch milliseconds.

/** One service leg of a visit: the time between entering a service's queue and leaving it. */
export interface Leg {
  readonly serviceId: string;
  readonly queuedAt: number;
  readonly targetDeskNo: number | null;
  readonly deskNo: number | null;
  readonly calledAt: number | null;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly outcome: LegOutcome;
  /** Finish → the same desk's next call, minus pauses; null if a break or closing came between. */
  readonly wrapUpMs: number | null;
}

/** A ticket is one visit: a chain of services served in order under one display number. */
export interface Ticket {
  readonly id: string;
  readonly number: string;
  readonly series: string;
  readonly seq: number;
  readonly date: string;
  /** Issue order across all series; breaks ties deterministically. */
  readonly order: number;
  readonly serviceId: string;
  readonly chain: readonly string[];
  readonly step: number;
  readonly status: TicketStatus;
  readonly priority: PriorityCategory | null;
  readonly bookingId: string | null;
  readonly slotAt: number | null;
  /** Issue or check-in time; kept through transfers and the chain, so the visitor keeps their place. */
  readonly issuedAt: number;
  readonly deskNo: number | null;
  readonly targetDeskNo: number | null;
  readonly recalls: number;
  readonly lastCalledAt: number | null;
  readonly callReason: CallReason | null;
  readonly version: number;
  readonly legs: readonly Leg[];
  readonly rating: { readonly score: number; readonly reasons: readonly RatingReason[] } | null;
}

export interface DeskState {
  readonly deskNo: number;
  readonly serviceIds: readonly string[];
  readonly open: boolean;
  readonly onBreak: { readonly reason: string; readonly since: number } | null;
  readonly ticketId: string | null;
  readonly consecutivePriority: number;
  /** The desk's last finished or transferred-out leg, waiting for the next call to close its wrap-up. */
  readonly lastEnded: { readonly ticketId: string; readonly leg: number; readonly at: number } | null;
}

export interface BookingState extends QueueBooking {
  readonly slotAt: number;
  readonly ticketId: string | null;
}

export interface RecentCall {
  readonly ticketId: string;
  readonly number: string;
  readonly deskNo: number;
  readonly at: number;
  readonly recall: boolean;
}

/** What one client request produced, kept so a retry gets the same answer instead of a second effect. */
export interface RequestRecord {
  readonly requestId: string;
  readonly command: QueueCommandType | null;
  readonly events: readonly QueueEvent[];
}

export interface QueueState {
  readonly configured: boolean;
  readonly settings: QueueSettings;
  readonly services: Readonly<Record<string, QueueService>>;
  readonly serviceOrder: readonly string[];
  readonly desks: Readonly<Record<string, DeskState>>;
  readonly bookings: Readonly<Record<string, BookingState>>;
  readonly bookingByCode: Readonly<Record<string, string>>;
  readonly tickets: Table<Ticket>;
  /** Ids of tickets waiting, called or serving: the small set call-next scans. */
  readonly active: Readonly<Record<string, true>>;
  readonly day: { readonly date: string | null; readonly closed: boolean };
  readonly counters: Readonly<Record<string, number>>;
  readonly issuedCount: number;
  readonly paused: { readonly since: number; readonly reason: string } | null;
  readonly pauses: readonly { readonly from: number; readonly to: number }[];
  readonly recentCalls: readonly RecentCall[];
  /** Recent call → finish durations (minus pauses) per service, newest last; feeds the estimate. */
  readonly handleSamples: Readonly<Record<string, readonly number[]>>;
  readonly requests: Readonly<Record<string, readonly RequestRecord[]>>;
}

/** The state before any event: not configured, default settings. */
export function emptyState(): QueueState {
  return {
    configured: false,
    settings: QueueSettingsSchema.parse({}),
    services: {}, serviceOrder: [], desks: {}, bookings: {}, bookingByCode: {},
    tickets: emptyTable(), active: {},
    day: { date: null, closed: false }, counters: {}, issuedCount: 0,
    paused: null, pauses: [], recentCalls: [], handleSamples: {}, requests: {},
  };
}

/** Own-property lookup in a plain record (ids such as "constructor" must not hit Object.prototype). */
export function own<V>(rec: Readonly<Record<string, V>>, key: string | number): V | undefined {
  const k = String(key);
  return Object.hasOwn(rec, k) ? rec[k] : undefined;
}

/** A ticket by id. */
export function getTicket(state: QueueState, id: string): Ticket | undefined {
  return tableGet(state.tickets, id);
}

/** A desk by number. */
export function getDesk(state: QueueState, deskNo: number): DeskState | undefined {
  return own(state.desks, deskNo);
}

/** A service by id. */
export function getService(state: QueueState, id: string): QueueService | undefined {
  return own(state.services, id);
}

/** The active tickets (waiting, called, serving). */
export function activeTickets(state: QueueState): Ticket[] {
  const out: Ticket[] = [];
  for (const id of Object.keys(state.active)) {
    const t = getTicket(state, id);
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** The leg a ticket is on now. */
export function currentLeg(t: Ticket): Leg {
  const leg = t.legs[t.legs.length - 1];
  if (leg === undefined) throw new Error(`ticket ${t.id} has no legs`);
  return leg;
}

/** Normalised booking code: what a scanner or a typing visitor gives, without spaces, upper case. */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}
