import { z } from 'zod';
import {
  DeskViewSchema, DisplayViewSchema, TicketStatusViewSchema,
  type BreakStartBodySchema, type CheckInBody, type DeskView, type DisplayView, type IssueTicketBody, type RateBody,
  type TicketStatusView, type TransferBody,
} from '../../contract/queue';
import {
  DeskActionResponseSchema, IssuedTicketResponseSchema, QueueServicesResponseSchema, RatingResponseSchema, TerminalSettingsResponseSchema,
  VisitLookupResponseSchema,
  type DeskActionResponse, type IssuedTicketResponse, type RatingResponse, type TerminalSettingsResponse, type VisitLookupQuery,
  type VisitLookupResponse,
} from '../../contract/queue-hub';
import { appSingleton } from '../app/backend';
import { ApiError } from './errors';
import { createJsonCaller, type JsonCallerOptions } from './json-caller';

/** One service as the terminal lists it (`GET /api/queue/services`, id renamed to match the views). */
export interface ServiceListItem {
  serviceId: string;
  name: { uk: string; en: string };
  category: string;
  prefix: string;
  waiting: number;
  estimatedWaitMin: number | null;
}

/** The services answer, flattened for the screens. */
export interface ServiceList {
  services: ServiceListItem[];
  paused: boolean;
  dayClosed: boolean;
}

const ServiceListSchema = QueueServicesResponseSchema.transform(
  (answer): ServiceList => ({
    paused: answer.paused,
    dayClosed: answer.dayClosed,
    services: answer.services.map((s) => ({
      serviceId: s.id, name: s.name, category: s.category, prefix: s.prefix, waiting: s.waiting, estimatedWaitMin: s.estimatedWaitMin,
    })),
  }),
);

/** What issuing a ticket or checking in a booking answers. */
export type IssuedTicket = IssuedTicketResponse;

type BreakStartBody = z.input<typeof BreakStartBodySchema>;
/** Desk commands that act on the ticket the desk holds. */
export type DeskTicketAction = 'recall' | 'start' | 'finish' | 'no-show';

/** The center queue's HTTP calls; every method rejects with an ApiError. */
export interface QueueApi {
  services(): Promise<ServiceList>;
  issueTicket(body: IssueTicketBody): Promise<IssuedTicket>;
  checkIn(body: CheckInBody): Promise<IssuedTicket>;
  display(): Promise<DisplayView>;
  desk(deskNo: number): Promise<DeskView>;
  callNext(deskNo: number): Promise<DeskActionResponse>;
  callTicket(deskNo: number, ticketId: string): Promise<DeskActionResponse>;
  ticketAction(deskNo: number, action: DeskTicketAction, ticketId: string): Promise<DeskActionResponse>;
  transfer(deskNo: number, body: Omit<TransferBody, 'deskNo'>): Promise<DeskActionResponse>;
  breakStart(deskNo: number, body: Omit<BreakStartBody, 'deskNo'>): Promise<DeskActionResponse>;
  breakEnd(deskNo: number): Promise<DeskActionResponse>;
  rate(body: RateBody): Promise<RatingResponse>;
  /** Find a visit to rate by the id in its ticket's QR or by its typed number. */
  lookupVisit(query: VisitLookupQuery): Promise<VisitLookupResponse>;
  terminalSettings(): Promise<TerminalSettingsResponse>;
  ticketStatus(ticketId: string): Promise<TicketStatusView>;
}

export interface QueueApiOptions extends Omit<JsonCallerOptions, 'timeoutMs'> {
  /** One id per user action, so a retried request is not applied twice. */
  newRequestId?: () => string;
}

/** The queue calls over axios, with the same problem+json → ApiError handling as the main client. */
export function createQueueApi(options: QueueApiOptions): QueueApi {
  const json = createJsonCaller({ ...options, timeoutMs: 10_000 });
  const newId = options.newRequestId ?? (() => crypto.randomUUID());
  // A GET's data is its query string; a POST's is its body, with a fresh request id.
  const call = <S extends z.ZodType>(schema: S, method: 'GET' | 'POST', url: string, data?: object): Promise<z.infer<S>> =>
    json(schema, method === 'GET' ? { method, url, params: data } : { method, url, data: data ? { requestId: newId(), ...data } : data });
  const desk = (no: number, op: string, data: object = {}) =>
    call(DeskActionResponseSchema, 'POST', `/api/queue/desks/${no}/${op}`, data);

  return {
    services: () => call(ServiceListSchema, 'GET', '/api/queue/services'),
    issueTicket: (body) => call(IssuedTicketResponseSchema, 'POST', '/api/queue/tickets', body),
    checkIn: (body) => call(IssuedTicketResponseSchema, 'POST', '/api/queue/check-ins', body),
    display: () => call(DisplayViewSchema, 'GET', '/api/queue/display'),
    desk: (no) => call(DeskViewSchema, 'GET', `/api/queue/desks/${no}`),
    callNext: (no) => desk(no, 'call-next'),
    callTicket: (no, ticketId) => desk(no, 'call', { ticketId }),
    ticketAction: (no, action, ticketId) => desk(no, action, { ticketId }),
    transfer: (no, body) => desk(no, 'transfer', body),
    breakStart: (no, body) => desk(no, 'break', body),
    breakEnd: (no) => desk(no, 'break-end'),
    rate: (body) => call(RatingResponseSchema, 'POST', '/api/queue/ratings', body),
    lookupVisit: (query) => call(VisitLookupResponseSchema, 'GET', '/api/queue/visits/lookup', query),
    terminalSettings: () => call(TerminalSettingsResponseSchema, 'GET', '/api/queue/terminal/settings'),
    ticketStatus: (id) => call(TicketStatusViewSchema, 'GET', `/api/public/tickets/${encodeURIComponent(id)}`),
  };
}

const queueApi = appSingleton(createQueueApi);

/** The app's queue API, on the same backend and token as the main client. */
export const getQueueApi = (): QueueApi => queueApi.get();

/** Replace the queue API (tests inject a fake). */
export const setQueueApi = (next: QueueApi | null): void => queueApi.set(next);

const QUEUE_ERROR_KEYS = new Set([
  'desk_on_break', 'desk_not_on_break', 'desk_busy', 'queue_empty', 'center_paused', 'day_closed', 'recall_limit',
  'ticket_not_held_by_desk', 'ticket_not_waiting', 'ticket_not_called', 'ticket_not_serving', 'service_not_served',
  'transfer_to_same_place', 'ticket_not_served', 'already_rated', 'booking_not_found', 'booking_already_checked_in',
  'booking_outside_window', 'version_conflict', 'not_configured',
] as const);
/** A queue refusal the UI explains in its own words (`queue.error.<code>`). */
export type QueueErrorMessageCode = typeof QUEUE_ERROR_KEYS extends Set<infer C> ? C : never;

/** The queue error code of a refusal the screens word themselves, else null (use errorMessageKey). */
export function queueErrorCode(error: unknown): QueueErrorMessageCode | null {
  if (!(error instanceof ApiError)) return null;
  return (QUEUE_ERROR_KEYS as Set<string>).has(error.code) ? (error.code as QueueErrorMessageCode) : null;
}
