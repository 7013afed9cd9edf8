export { FakeTelegram, type FakeCall, type FakeTelegramOptions, type StoredFile } from "./server.js";
export {
  FakeUser, type CallbackAnswer, type ChatButton, type ChatMessage, type ReplyButton, type ReplyKeyboard, type UserOptions,
} from "./user.js";
export { HtmlError, parseHtml, type Parsed } from "./html.js";
export { FakeGroup } from "./group.js";
