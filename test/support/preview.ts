import { afterEach } from "vitest";
import { ReferralStore } from "../../src/features/referrals/store.js";
import { PREVIEW_STAFF, registerCaseworker } from "../../src/preview/index.js";
import { PreviewChats } from "../../src/preview/chats.js";
import { startPreviewServer, type PreviewServer } from "../../src/preview/server.js";
import { TestBot } from "./harness.js";

/**
 * The preview's page and chats in this process, on a test bot (fresh database,
 * fake Bot API) with the preview's presets: ADMIN_IDS, STAFF_CHAT_ID and its caseworker.
 */
export async function startTestPreview(): Promise<{ t: TestBot; chats: PreviewChats; server: PreviewServer }> {
  const t = await TestBot.start({ admins: [PREVIEW_STAFF.adminId], referrals: { staffChatId: String(PREVIEW_STAFF.staffChatId) } });
  await registerCaseworker(new ReferralStore(t.prisma, t.cipher, t.clock));
  const chats = new PreviewChats(t.fake, PREVIEW_STAFF);
  const server = await startPreviewServer(chats, 0);
  servers.add(server);
  return { t, chats, server };
}

const servers = new Set<PreviewServer>();
afterEach(async () => {
  await Promise.all([...servers].map((s) => s.close()));
  servers.clear();
});
