import { afterEach } from "vitest";
import { PREVIEW_ADMIN_ID } from "../../src/preview/index.js";
import { PreviewChats } from "../../src/preview/chats.js";
import { startPreviewServer, type PreviewServer } from "../../src/preview/server.js";
import { TestBot } from "./harness.js";

/** The preview's page and chats in this process, on a test bot (fresh database, fake Bot API). */
export async function startTestPreview(): Promise<{ t: TestBot; chats: PreviewChats; server: PreviewServer }> {
  const t = await TestBot.start();
  const chats = new PreviewChats(t.fake, PREVIEW_ADMIN_ID);
  const server = await startPreviewServer(chats, 0);
  servers.add(server);
  return { t, chats, server };
}

const servers = new Set<PreviewServer>();
afterEach(async () => {
  await Promise.all([...servers].map((s) => s.close()));
  servers.clear();
});
