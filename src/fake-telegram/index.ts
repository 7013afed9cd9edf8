export { FakeTelegram, type FakeCall, type FakeTelegramOptions } from "./server.js";
export { FakeUser, type CallbackAnswer, type ChatButton, type ChatMessage, type UserOptions } from "./user.js";
export { HtmlError, parseHtml, type Parsed } from "./html.js";
export { FakeGroup } from "./group.js";
