import type { PrismaClient } from "@prisma/client";
import type { Cipher } from "../shared/crypto.js";

/** Every encrypted column: how to read its rows and how to write one back. */
function encryptedColumns(prisma: PrismaClient) {
  return [
    {
      rows: () => prisma.session.findMany(),
      save: (key: string, value: string) => prisma.session.update({ where: { key }, data: { value } }),
    },
    {
      rows: () => prisma.conversationState.findMany(),
      save: (key: string, value: string) => prisma.conversationState.update({ where: { key }, data: { value } }),
    },
  ];
}

/**
 * Re-encrypts every encrypted field still under an old key with the current
 * one; afterwards the old keys can be dropped. Returns how many were moved.
 * A field under a key the cipher does not know throws a one-line error.
 */
export async function reencryptAll(prisma: PrismaClient, cipher: Cipher): Promise<number> {
  let moved = 0;
  for (const column of encryptedColumns(prisma)) {
    for (const row of await column.rows()) {
      if (cipher.keyIdOf(row.value) === cipher.keyId) continue;
      await column.save(row.key, cipher.encrypt(cipher.decrypt(row.value)));
      moved++;
    }
  }
  return moved;
}
