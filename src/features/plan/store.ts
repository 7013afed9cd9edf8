import type { PrismaClient } from "@prisma/client";
import type { Cipher } from "../../shared/crypto.js";
import { parsePlan, type Plan } from "./steps.js";

/** Saved safety plans, one per chat, stored only encrypted. */
export class PlanStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: Cipher,
  ) {}

  async get(chatId: string): Promise<Plan | undefined> {
    const row = await this.prisma.safetyPlan.findUnique({ where: { chatId } });
    return row ? parsePlan(this.cipher.decrypt(row.value)) : undefined;
  }

  async has(chatId: string): Promise<boolean> {
    return (await this.prisma.safetyPlan.count({ where: { chatId } })) > 0;
  }

  async save(chatId: string, plan: Plan): Promise<void> {
    const value = this.cipher.encrypt(JSON.stringify(plan));
    await this.prisma.safetyPlan.upsert({ where: { chatId }, create: { chatId, value }, update: { value } });
  }

  /** True if there was a plan to delete. */
  async delete(chatId: string): Promise<boolean> {
    return (await this.prisma.safetyPlan.deleteMany({ where: { chatId } })).count > 0;
  }
}
