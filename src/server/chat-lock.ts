import pg from "pg";

/** First key of the two-part advisory lock: this bot's chat locks (the second is the chat's hash). */
const NAMESPACE = 0x5afe;

export interface ChatLock {
  run(key: string, work: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * One update per chat at a time across every instance on one PostgreSQL: the
 * update holds a PostgreSQL advisory lock on its chat while it reads and
 * writes the session and conversation state, so a second instance with the
 * next update of that chat waits instead of overwriting. Locks are held on
 * connections of their own (not Prisma's pool, which the update itself
 * needs), at most `size` at once; a connection that dies releases its lock.
 * Two chats whose hashes collide only wait for each other.
 */
export function postgresChatLock(url: string, size = 10): ChatLock {
  const pool = new pg.Pool({ connectionString: url, max: size });
  pool.on("error", () => {}); // an idle connection dropped by the server: the pool replaces it
  return {
    async run(key, work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [NAMESPACE, key]);
        try {
          await work();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [NAMESPACE, key]).catch((err: Error) => (broken = err));
        }
      } finally {
        client.release(broken); // a connection that could not unlock is closed, which unlocks
      }
    },
    close: () => pool.end(),
  };
}
