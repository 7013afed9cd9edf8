import { hotlineVars } from "../../src/shared/hotlines.js";

/**
 * Every variable the code passes to texts, with a realistic value on the long
 * side: test/locales.test.ts fails a text using any other, test/texts.test.ts
 * measures every text rendered with these. A new variable gets a line here.
 */
export const TEXT_VARS: Record<string, string | number> = {
  ...hotlineVars,
  name: "Громадська організація «Безпечний шлях»",
  contact: "help@safe-path.org.ua, @safe_path_help",
  minutes: 240,
  count: 250,
  language: "Українська",
  seconds: 5,
  // services: search and import
  kind: "Мобільна бригада соціально-психологічної допомоги",
  km: 48.5,
  city: "Івано-Франківськ",
  source: "ukraine.unfpa.org (2023), unverified: call first",
  date: "2026-11-22",
  line: 50_001,
  added: 50_000,
  changed: 50_000,
  deactivated: 50_000,
  unchanged: 50_000,
  // safety plan and danger check
  n: 13,
  total: 13,
  title: "Телефон і безпека в інтернеті",
  note: "У сестри є ключ; кодове слово — «парасолька». ".repeat(8).slice(0, 400),
  max: 400,
  length: 5000,
  // warm referrals
  code: "K7Q-2MX",
  partner: "Громадський центр безпеки (Івано-Франківськ)",
  help: "Безпека й прихисток",
  phone: "+380 67 123 45 67",
  window: "з 10:00 до 13:00",
  service: "Центр надання безоплатної правничої допомоги",
  outcome: "не вдалося зв’язатися",
  days: 30,
  where: "Громадський центр безпеки (Івано-Франківськ)",
  groups: "Громадський центр безпеки (Івано-Франківськ), Центр правничої допомоги (Київ), резервна група",
  link: "https://t.me/safe_path_help_bot?start=cw_0123456789abcdef0123456789abcdef",
  token: "0123456789abcdef0123456789abcdef",
  // 16 Days messages and staff broadcasts
  start: "25 листопада",
  end: "10 грудня",
  time: "10:00",
  on: "true",
  silent: "true",
  neutral: "true",
  subscribers: 250_000,
  audience: "everyone",
  status: "running",
  id: 1024,
  when: "2026-12-05 14:30",
  sent: 249_000,
  failed: 1_000,
  remaining: 250_000,
  problem: "Can’t find end tag corresponding to start tag “b”",
  zone: "Europe/Kyiv",
};
