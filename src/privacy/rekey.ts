import type { PrismaClient } from "@prisma/client";
import type { Cipher } from "../shared/crypto.js";

/**
 * Re-encrypts every encrypted field still under an old key with the current
 * one; afterwards the old keys can be dropped. Returns how many were moved.
 */
export async function reencryptAll(prisma: PrismaClient, cipher: Cipher): Promise<number> {
  let moved = 0;
  for (const row of await prisma.session.findMany()) {
    if (cipher.keyIdOf(row.value) === cipher.keyId) continue;
    await prisma.session.update({ where: { key: row.key }, data: { value: cipher.encrypt(cipher.decrypt(row.value)) } });
    moved++;
  }
  return moved;
}
