import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Broadcast, Outbox as OutboxRow, PrismaClient } from "@prisma/client";
import { GrammyError } from "grammy";
import type { Logger } from "../logger.js";
import type { Clock } from "../shared/clock.js";
import type { Counters } from "../stats/counters.js";

/** A message as the recipient gets it. */
export interface OutgoingMessage {
  text: string;
  buttons: { text: string; callback_data: string }[][];
  silent: boolean;
}

export type Render = (row: OutboxRow, broadcast: Broadcast) => OutgoingMessage | undefined;
export type Send = (chatId: string, message: OutgoingMessage) => Promise<unknown>;

export interface Progress {
  broadcast: Broadcast;
  sent: number;
  failed: number;
  remaining: number;
  /** Seconds left at the configured rate. */
  eta: number;
}

export interface OutboxOptions {
  /** Messages per second, over all broadcasts (BROADCAST_RATE). */
  rate: number;
  logger: Logger;
  counters: Counters;
  /** A place in a rate shared by several instances (src/server/send-budget.ts), taken before each send. */
  sharedRate?: () => Promise<void>;
  /** What each accepted send returned, told alongside marking its row sent (message tracking, so quick exit erases it). */
  sent?: (chatId: string, result: unknown) => Promise<unknown>;
  /** Each send's outcome, as it happens (metrics). */
  onOutcome?: (outcome: Outcome) => void;
  /** Live progress of broadcasts that have an admin watching; at most every `progressMs`. */
  onProgress?: (p: Progress) => Promise<void>;
  progressMs?: number;
}

/** Sends in flight at once per instance: also the most a crash can send twice (see README). */
export const IN_FLIGHT = 16;
/** A claimed row not finished within this time is claimable again (its worker died). */
export const LEASE_MS = 10_000;
/** Rows claimed at once: about two seconds of sending, within SQLite's 999 query parameters. */
const BATCH = (rate: number) => Math.min(500, Math.max(10, Math.ceil(rate * 2)));
/** Transient failures are retried this often, waiting 2, 4, 8 … seconds (at most 5 minutes). */
export const MAX_ATTEMPTS = 6;

export type Outcome = "sent" | "failed" | "blocked" | "retry";

/**
 * Drains the outbox at a steady rate. Rows are claimed in the database with a
 * conditional update (queued → sending, with a token and a lease), so any
 * number of instances can drain the same outbox and none sends a row another
 * holds. Each row is marked right after Telegram accepted it; a crash between
 * the two sends that row again once its lease runs out: at most IN_FLIGHT per
 * crashed instance.
 */
export class Outbox {
  private readonly interval: number;
  private nextAt = 0;
  /** Telegram asked us to wait (429): no sends before this (real time). */
  private pausedUntil = 0;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private readonly lastProgress = new Map<number, number>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly send: Send,
    private readonly render: Render,
    private readonly opts: OutboxOptions,
  ) {
    this.interval = 1000 / opts.rate;
  }

  /** Sends everything claimable now; resolves when nothing is left for this instance. Returns how many rows it handled. */
  async drain(): Promise<number> {
    let handled = 0;
    // Counts and progress of a batch are written while the next one sends.
    const settling: Promise<void>[] = [];
    try {
      for (;;) {
        const token = randomUUID();
        const rows = await this.claim(token, BATCH(this.opts.rate));
        if (rows.length === 0) return handled;
        settling.push((await this.process(token, rows)).settled);
        handled += rows.length;
        if (this.loop && !this.running) return handled;
      }
    } finally {
      await Promise.all(settling);
    }
  }

  /** Drains in the background, looking for work every second or when woken. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.drain();
        } catch (err) {
          this.opts.logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, "outbox failed");
        }
        if (!this.running) break;
        await new Promise<void>((resolve) => {
          this.wakeUp = resolve;
          setTimeout(resolve, 1000).unref();
        });
      }
    })();
  }

  /** New rows are waiting: look now instead of within a second. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Finishes the batch in hand (about two seconds' worth) and stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  private async claim(token: string, limit: number): Promise<OutboxRow[]> {
    const now = this.clock.now();
    const claimable = {
      OR: [
        { status: "queued", OR: [{ notBefore: null }, { notBefore: { lte: now } }] },
        { status: "sending", leaseUntil: { lt: now } },
      ],
    };
    // Another instance may take the same rows between the read and the update:
    // the update re-checks each row, so a row goes to one claim only.
    for (let tries = 0; tries < 5; tries++) {
      const ids = await this.prisma.outbox.findMany({ where: claimable, select: { id: true }, orderBy: { id: "asc" }, take: limit });
      if (ids.length === 0) return [];
      const { count } = await this.prisma.outbox.updateMany({
        where: { id: { in: ids.map((r) => r.id) }, ...claimable },
        data: { status: "sending", claim: token, leaseUntil: new Date(now.getTime() + LEASE_MS) },
      });
      if (count > 0) return this.prisma.outbox.findMany({ where: { claim: token, status: "sending" }, orderBy: { id: "asc" } });
    }
    return [];
  }

  /** Sends a claimed batch; resolves, once sent, with the writing of its counts. */
  private async process(token: string, rows: OutboxRow[]): Promise<{ settled: Promise<void> }> {
    const ids = [...new Set(rows.map((r) => r.broadcastId))];
    const broadcasts = new Map((await this.prisma.broadcast.findMany({ where: { id: { in: ids } } })).map((b) => [b.id, b]));
    const tally = new Map<string, number>();
    const queue = [...rows];
    const worker = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const broadcast = broadcasts.get(row.broadcastId)!;
        const outcome = await this.deliver(token, row, broadcast);
        this.opts.onOutcome?.(outcome);
        const name = `${broadcast.kind}.${outcome}`;
        tally.set(name, (tally.get(name) ?? 0) + 1);
      }
    };
    // A live instance keeps its claim however long Telegram makes it wait.
    const renew = setInterval(() => {
      const leaseUntil = new Date(this.clock.now().getTime() + LEASE_MS);
      this.prisma.outbox.updateMany({ where: { claim: token, status: "sending" }, data: { leaseUntil } }).catch(() => {});
    }, LEASE_MS / 3);
    try {
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    } finally {
      clearInterval(renew);
    }
    const settled = (async () => {
      for (const [name, n] of tally) if (!name.endsWith(".retry")) await this.opts.counters.add(name, n);
      for (const b of broadcasts.values()) await this.settle(b);
    })().catch((err) => this.opts.logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, "outbox counts failed"));
    return { settled };
  }

  private async deliver(token: string, row: OutboxRow, broadcast: Broadcast): Promise<Outcome> {
    const mark = (data: Partial<OutboxRow>) =>
      this.prisma.outbox.updateMany({ where: { id: row.id, claim: token }, data: { leaseUntil: null, ...data } });
    const message = this.render(row, broadcast);
    if (!message) {
      await mark({ status: "failed", error: "no-content" });
      return "failed";
    }
    await this.slot();
    await this.opts.sharedRate?.();
    try {
      const result = await this.send(row.chatId, message);
      // Marked at once, the message tracked alongside (not before): a crash until the mark is done
      // sends the row again. The hot path, in raw SQL (portable): a model query costs more than the send.
      await Promise.all([
        this.prisma.$executeRaw`UPDATE "Outbox" SET "status" = 'sent', "leaseUntil" = NULL WHERE "id" = ${row.id} AND "claim" = ${token}`,
        this.opts.sent?.(row.chatId, result),
      ]);
      return "sent";
    } catch (err) {
      const error = err instanceof GrammyError ? err : undefined;
      if (error?.error_code === 429) {
        const seconds = error.parameters.retry_after ?? 1;
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + seconds * 1000);
        await mark({ status: "queued", claim: null });
        return "retry";
      }
      if (error?.error_code === 403 || (error?.error_code === 400 && /chat not found|user is deactivated/i.test(error.description))) {
        // Blocked the bot (or gone): no more messages of any kind.
        await mark({ status: "failed", error: "blocked" });
        await this.prisma.recipient.deleteMany({ where: { chatId: row.chatId } });
        return "blocked";
      }
      if (error && error.error_code < 500) {
        await mark({ status: "failed", error: String(error.error_code) });
        return "failed";
      }
      // Network trouble or a Telegram 5xx: try again later, with backoff.
      const attempts = row.attempts + 1;
      if (attempts >= MAX_ATTEMPTS) {
        await mark({ status: "failed", attempts, error: "transient" });
        return "failed";
      }
      const wait = Math.min(2 ** attempts, 300) * 1000;
      await mark({ status: "queued", claim: null, attempts, notBefore: new Date(this.clock.now().getTime() + wait) });
      return "retry";
    }
  }

  /** Waits for this instance's next send slot (the configured rate, and any 429 pause). */
  private async slot(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const at = Math.max(this.nextAt, now);
      if (this.pausedUntil > at) {
        await sleep(this.pausedUntil - now);
        continue;
      }
      this.nextAt = at + this.interval;
      if (at > now) await sleep(at - now);
      if (Date.now() >= this.pausedUntil) return;
    }
  }

  /** Keeps the broadcast's counts, closes it when nothing is left, and reports progress. */
  private async settle(b: Broadcast): Promise<void> {
    const groups = await this.prisma.outbox.groupBy({ by: ["status"], where: { broadcastId: b.id }, _count: { _all: true } });
    const count = (...statuses: string[]) => groups.filter((g) => statuses.includes(g.status)).reduce((n, g) => n + g._count._all, 0);
    const sent = count("sent");
    const failed = count("failed");
    const remaining = count("queued", "sending");
    const total = sent + failed + remaining + count("cancelled");
    const done = remaining === 0 && b.status === "running";
    await this.prisma.broadcast.updateMany({
      where: { id: b.id },
      data: { total, sent, failed, ...(done ? { status: "done", finishedAt: this.clock.now() } : {}) },
    });
    if (!this.opts.onProgress || !b.progressChat) return;
    const last = this.lastProgress.get(b.id) ?? 0;
    if (!done && Date.now() - last < (this.opts.progressMs ?? 3000)) return;
    this.lastProgress.set(b.id, Date.now());
    const updated = { ...b, total, sent, failed, ...(done ? { status: "done" } : {}) };
    await this.opts
      .onProgress({ broadcast: updated, sent, failed, remaining, eta: Math.ceil(remaining / this.opts.rate) })
      .catch(() => {});
  }
}
