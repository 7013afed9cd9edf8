import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";

/**
 * The outbox's send rate shared by every instance (with REDIS_URL): each send
 * takes one of `rate` places of the current second, counted in Redis; when the
 * second is full, the instance waits for the next. So BROADCAST_RATE is the
 * fleet's rate, however many instances drain the outbox (while Redis answers).
 */
export function redisSendBudget(redis: Redis, rate: number, prefix = "outbox-rate"): () => Promise<void> {
  return async () => {
    for (;;) {
      const now = Date.now();
      const key = `${prefix}:${Math.floor(now / 1000)}`;
      // Redis unreachable: this instance's own pace (BROADCAST_RATE) still holds.
      const taken = await redis.incr(key).catch(() => 0);
      if (taken === 1) await redis.expire(key, 5).catch(() => 0);
      if (taken <= rate) return;
      await sleep(1000 - (now % 1000) + 1);
    }
  };
}
