import { createHash, randomBytes } from "node:crypto";
import type { Partner, PrismaClient, Referral } from "@prisma/client";
import type { Clock } from "../../shared/clock.js";
import type { Cipher } from "../../shared/crypto.js";
import { Directory, type Point } from "../services/directory.js";
import { newCode, type CallWindow, type ContactMethod, type HelpKind, type PartnerKind, type Status } from "./domain.js";

export type { Partner, Referral };

/** A request as the person filled it in. */
export interface ReferralInput {
  chatId: string;
  locale: string;
  partnerId: number | null;
  serviceId?: string;
  help: HelpKind;
  contact: ContactMethod;
  phone?: string;
  window?: CallWindow;
  voicemail?: boolean;
  note?: string;
}

/** A referral as its card shows it: decrypted, with its partner and the directory entry it came from. */
export type ReferralView = Referral & { partner: Partner | null; service: { nameUk: string | null; nameEn: string | null } | null };

const ACTIVE: Status[] = ["open", "claimed", "contacted"];
const HELD: Status[] = ["claimed", "contacted"];

/** Who acted on a referral: the person, the bot, or a staff member (by Telegram id and first name). */
export type Actor = "person" | "bot" | { id: string; name: string };
/** The history's label for a staff member who used /forget. */
export const FORMER_STAFF = "former";
/** Actors the history shows by a label (`card-actor-…`), not by name. */
export const ACTOR_LABELS = ["person", "bot", FORMER_STAFF];
const INVITE_HOURS = 24;

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/**
 * Partners, caseworkers and referrals in the database. Every change of a
 * referral's state is one conditional UPDATE (`… WHERE status IN (…)`): the
 * instance whose update counted one row won, so two caseworkers (or two bot
 * instances) can never both claim, close or escalate the same referral.
 */
export class ReferralStore {
  private readonly directory: Directory;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: Cipher,
    private readonly clock: Clock,
  ) {
    this.directory = new Directory(prisma);
  }

  // Partners

  /** Links a staff group to a partner, or updates the partner the group already is. */
  async linkGroup(p: { chatId: string; kind: PartnerKind; name: string; oblast?: string; city?: string; serviceId?: string; locale: string }): Promise<Partner> {
    const data = { kind: p.kind, name: p.name, oblast: p.oblast ?? null, city: p.city ?? null, serviceId: p.serviceId ?? null, lang: p.locale };
    return this.prisma.partner.upsert({
      where: { chatId: p.chatId },
      create: { ...data, chatId: p.chatId, createdAt: this.clock.now() },
      update: data,
    });
  }

  /**
   * A basic group became a supergroup, with a new id: its partner and its
   * referrals' cards follow it. Returns the partner moved (if any) and the
   * active referrals whose cards were there, to be posted again. A second
   * call (Telegram tells both chats) finds nothing left to move.
   */
  moveGroup(from: string, to: string): Promise<{ partner: Partner | null; active: number[] }> {
    return this.prisma.$transaction(async (tx) => {
      const moved = await tx.partner.updateMany({ where: { chatId: from }, data: { chatId: to } });
      const active = await tx.referral.findMany({ where: { cardChatId: from, status: { in: ACTIVE } }, select: { id: true }, orderBy: { id: "asc" } });
      await tx.referral.updateMany({ where: { cardChatId: from }, data: { cardChatId: to } });
      await tx.referral.updateMany({ where: { escChatId: from }, data: { escChatId: to } });
      const partner = moved.count ? await tx.partner.findUnique({ where: { chatId: to } }) : null;
      return { partner, active: active.map((r) => r.id) };
    });
  }

  partnerByChat(chatId: string): Promise<Partner | null> {
    return this.prisma.partner.findUnique({ where: { chatId } });
  }

  partner(id: number): Promise<Partner | null> {
    return this.prisma.partner.findUnique({ where: { id } });
  }

  partnerForService(serviceId: string): Promise<Partner | null> {
    return this.prisma.partner.findFirst({ where: { serviceId }, orderBy: { id: "asc" } });
  }

  /** Partners of a kind, by region and name. */
  partners(kind: PartnerKind): Promise<Partner[]> {
    return this.prisma.partner.findMany({ where: { kind }, orderBy: [{ oblast: "asc" }, { city: "asc" }, { name: "asc" }] });
  }

  /**
   * Partners of a kind with a place on the map: the one their directory
   * service (active, with coordinates) gives. By service id, the first
   * partner of each service.
   */
  async placed(kind: PartnerKind): Promise<Map<string, Partner>> {
    const partners = await this.prisma.partner.findMany({ where: { kind, serviceId: { not: null } }, orderBy: { id: "asc" } });
    const services = await this.prisma.service.findMany({
      where: { id: { in: partners.map((p) => p.serviceId!) }, active: true, latitude: { not: null }, longitude: { not: null } },
      select: { id: true },
    });
    const withPlace = new Set(services.map((s) => s.id));
    const byService = new Map<string, Partner>();
    for (const p of partners) if (withPlace.has(p.serviceId!) && !byService.has(p.serviceId!)) byService.set(p.serviceId!, p);
    return byService;
  }

  /** The partner of a kind nearest to `origin`, by the directory's search; undefined when none has a place. */
  async nearest(kind: PartnerKind, origin: Point): Promise<{ partner: Partner; km: number } | undefined> {
    const placed = await this.placed(kind);
    if (placed.size === 0) return undefined;
    const first = (await this.directory.nearest(origin, undefined, 0, 1, [...placed.keys()])).found[0];
    return first && { partner: placed.get(first.service.id)!, km: first.km };
  }

  // Caseworkers

  /** A one-time invite to become a caseworker of the partner (null: the fallback group). */
  async createInvite(partnerId: number | null): Promise<string> {
    const token = randomBytes(12).toString("base64url");
    const expiresAt = new Date(this.clock.now().getTime() + INVITE_HOURS * 3600_000);
    await this.prisma.caseworkerInvite.create({ data: { tokenHash: hashToken(token), partnerId, expiresAt } });
    return token;
  }

  /** Redeems an invite once for this Telegram user; undefined when it is unknown, used or expired. */
  async redeemInvite(token: string, userId: string): Promise<{ partnerId: number | null } | undefined> {
    const tokenHash = hashToken(token);
    const invite = await this.prisma.caseworkerInvite.findUnique({ where: { tokenHash } });
    if (!invite) return undefined;
    // Deleting it is the claim: of two redemptions at once, only one deletes the row.
    const { count } = await this.prisma.caseworkerInvite.deleteMany({ where: { tokenHash, expiresAt: { gt: this.clock.now() } } });
    if (count !== 1) return undefined;
    const partnerId = invite.partnerId;
    const existing = await this.prisma.caseworker.findFirst({ where: { partnerId, userId } });
    if (!existing) await this.prisma.caseworker.create({ data: { partnerId, userId, createdAt: this.clock.now() } });
    return { partnerId };
  }

  /** The groups this Telegram user is a caseworker of: partners, null for the fallback group. */
  async staffOf(userId: string): Promise<(Partner | null)[]> {
    const rows = await this.prisma.caseworker.findMany({ where: { userId }, orderBy: { id: "asc" } });
    return Promise.all(rows.map((r) => (r.partnerId === null ? null : this.partner(r.partnerId))));
  }

  /** Referrals this staff member holds now. */
  heldBy(userId: string): Promise<Referral[]> {
    return this.prisma.referral.findMany({ where: { holderId: userId, status: { in: HELD } } });
  }

  /**
   * A staff member's /forget: their caseworker rows go (their access ends),
   * and their id and name leave every referral and its history.
   */
  async forgetStaff(userId: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.caseworker.deleteMany({ where: { userId } }),
      this.prisma.referralEvent.updateMany({ where: { actorId: userId }, data: { actor: FORMER_STAFF, actorId: null } }),
      this.prisma.referral.updateMany({ where: { holderId: userId }, data: { holderId: null, holderName: null } }),
    ]);
  }

  async isCaseworker(partnerId: number | null, userId: string): Promise<boolean> {
    return (await this.prisma.caseworker.count({ where: { partnerId, userId } })) > 0;
  }

  // Referrals

  /** The person's active referral to that partner (one at a time per partner). */
  activeTo(chatId: string, partnerId: number | null): Promise<Referral | null> {
    return this.prisma.referral.findFirst({ where: { chatId, partnerId, status: { in: ACTIVE } } });
  }

  async create(input: ReferralInput): Promise<Referral> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.prisma.referral.create({
          data: {
            code: newCode(),
            chatId: input.chatId,
            lang: input.locale,
            partnerId: input.partnerId,
            serviceId: input.serviceId ?? null,
            help: input.help,
            contact: input.contact,
            phone: input.phone ? this.cipher.encrypt(input.phone) : null,
            window: input.window ?? null,
            voicemail: input.voicemail ?? null,
            note: input.note ? this.cipher.encrypt(input.note) : null,
            status: "open",
            createdAt: this.clock.now(),
            events: { create: { at: this.clock.now(), actor: "person", action: "sent" } },
          },
        });
      } catch (err) {
        // A code already taken (about one in a billion): draw another.
        if (attempt >= 3 || (err as { code?: string }).code !== "P2002") throw err;
      }
    }
  }

  async view(id: number): Promise<ReferralView | null> {
    const r = await this.prisma.referral.findUnique({ where: { id } });
    if (!r) return null;
    const partner = r.partnerId === null ? null : await this.partner(r.partnerId);
    const service = r.serviceId ? await this.prisma.service.findUnique({ where: { id: r.serviceId }, select: { nameUk: true, nameEn: true } }) : null;
    return { ...r, phone: r.phone && this.cipher.decrypt(r.phone), note: r.note && this.cipher.decrypt(r.note), partner, service };
  }

  get(id: number): Promise<Referral | null> {
    return this.prisma.referral.findUnique({ where: { id } });
  }

  byCode(code: string): Promise<Referral | null> {
    return this.prisma.referral.findUnique({ where: { code } });
  }

  /** The referral whose card (or escalated card) is this group message. */
  byCard(chatId: string, messageId: number): Promise<Referral | null> {
    return this.prisma.referral.findFirst({
      where: { OR: [{ cardChatId: chatId, cardMessageId: messageId }, { escChatId: chatId, escMessageId: messageId }] },
    });
  }

  /** The person's referrals that have not ended, newest first. */
  active(chatId: string): Promise<Referral[]> {
    return this.prisma.referral.findMany({ where: { chatId, status: { in: ACTIVE } }, orderBy: { id: "desc" } });
  }

  async countOf(chatId: string): Promise<number> {
    return this.prisma.referral.count({ where: { chatId } });
  }

  async setCard(id: number, chatId: string, messageId: number, escalated = false): Promise<void> {
    const data = escalated ? { escChatId: chatId, escMessageId: messageId } : { cardChatId: chatId, cardMessageId: messageId };
    await this.prisma.referral.update({ where: { id }, data });
  }

  /**
   * Moves a referral from one of `from` to `data`'s state, atomically; true
   * for the one caller whose update took effect. `holderId` restricts it to
   * the caseworker holding it.
   */
  async transition(id: number, from: Status[], data: Partial<Referral>, actor: Actor, action: string, holderId?: string): Promise<boolean> {
    const where = { id, status: { in: from }, ...(holderId !== undefined ? { holderId } : {}) };
    const { count } = await this.prisma.referral.updateMany({ where, data });
    if (count === 1) await this.event(id, actor, action);
    return count === 1;
  }

  async event(referralId: number, actor: Actor, action: string): Promise<void> {
    const who = typeof actor === "string" ? { actor } : { actor: actor.name, actorId: actor.id };
    await this.prisma.referralEvent.create({ data: { referralId, at: this.clock.now(), ...who, action } });
  }

  async history(referralId: number) {
    return this.prisma.referralEvent.findMany({ where: { referralId }, orderBy: { id: "asc" } });
  }

  /**
   * Open referrals sent before `before` not yet marked in `field`; each is
   * claimed by setting the mark, so only one instance acts on it.
   */
  async claimDue(field: "remindedAt" | "escalatedAt", before: Date): Promise<number[]> {
    const due = await this.prisma.referral.findMany({
      where: { status: "open", createdAt: { lte: before }, [field]: null },
      select: { id: true },
    });
    const claimed: number[] = [];
    for (const { id } of due) {
      const { count } = await this.prisma.referral.updateMany({ where: { id, status: "open", [field]: null }, data: { [field]: this.clock.now() } });
      if (count === 1) claimed.push(id);
    }
    return claimed;
  }

  /** Clears everything that points to the person from their referrals; returns their ids. */
  async scrub(chatId: string): Promise<number[]> {
    const rows = await this.prisma.referral.findMany({ where: { chatId }, select: { id: true } });
    await this.prisma.referral.updateMany({ where: { chatId }, data: { chatId: null, phone: null, note: null } });
    return rows.map((r) => r.id);
  }

  /** Closed before `before`: due to lose everything personal. */
  async closedBefore(before: Date): Promise<Referral[]> {
    return this.prisma.referral.findMany({ where: { status: "closed", closedAt: { lte: before } } });
  }

  /** Deletes a closed referral and its history; true for the instance that deleted it. */
  async delete(id: number): Promise<boolean> {
    return (await this.prisma.referral.deleteMany({ where: { id } })).count === 1;
  }
}
