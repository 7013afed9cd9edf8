import type { PrismaClient } from "@prisma/client";
import type { Cipher } from "../shared/crypto.js";

/**
 * Re-encrypts every encrypted field still under an old key with the current
 * one; afterwards the old keys can be dropped. Returns how many were moved.
 */
export async function reencryptAll(prisma: PrismaClient, cipher: Cipher): Promise<number> {
  let moved = 0;
  for (const row of await prisma.session.findMany()) {
    const sealed = JSON.parse(row.value) as string; // the session store keeps JSON
    if (cipher.keyIdOf(sealed) === cipher.keyId) continue;
    const value = JSON.stringify(cipher.encrypt(cipher.decrypt(sealed)));
    await prisma.session.update({ where: { key: row.key }, data: { value } });
    moved++;
  }
  return moved;
}
