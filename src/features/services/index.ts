import type { Service } from "@prisma/client";
import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import type { Feature, FeatureDeps } from "../../bot/feature.js";
import { localeOf } from "../../bot/i18n.js";
import { escapeHtml } from "../../shared/html.js";
import { Route } from "../../ui/routes.js";
import { navScreen, show, showBelow, type Screen } from "../../ui/screen.js";
import { safetyQuestion } from "../start/index.js";
import { adminComposer } from "./admin.js";
import { CATEGORIES, isCategory, isOblast, OBLASTS, SERVICE_ID, type Category, type Oblast } from "./catalog.js";
import { Directory, NEARBY_KM, type Point } from "./directory.js";
import { ROW_ERROR_CODES } from "./records.js";
import { cardScreen, listEntry, nationalLines, pick } from "./view.js";

const PAGE = 5;
const MAX_PAGE = 19;
/** Kinds a person can choose; the national lines come with every answer anyway. */
const SEARCHABLE = CATEGORIES.filter((c) => c !== "hotline");

type Kind = Category | "any";
const KIND = `(any|${SEARCHABLE.join("|")})`;
const OBLAST = `(${OBLASTS.join("|")})`;
const ID = SERVICE_ID.source.slice(1, -1);
const categoryOf = (kind: string): Category | undefined => (kind !== "any" && isCategory(kind) ? kind : undefined);

/** Locale keys built from data, for the locale checks. */
export const servicesKeys = [
  ...CATEGORIES.map((c) => `svc-cat-${c}`),
  "svc-cat-any",
  ...OBLASTS.map((o) => `oblast-${o}`),
  ...ROW_ERROR_CODES.map((code) => `svc-error-${code}`),
];

/** A location rounded to about 100 m: what the "more" button carries, nothing finer. */
function rounded(p: Point): Point {
  return { latitude: Math.round(p.latitude * 1000) / 1000, longitude: Math.round(p.longitude * 1000) / 1000 };
}

function kindsScreen(ctx: BotContext): Screen {
  const keyboard = new InlineKeyboard();
  [...SEARCHABLE, "any" as const].forEach((kind, i) => {
    keyboard.text(ctx.t(`svc-cat-${kind}`), `svc:k:${kind}`);
    if (i % 2 === 1) keyboard.row();
  });
  return navScreen(ctx, ctx.t("svc-kinds-text"), { self: Route.services }, keyboard);
}

function howScreen(ctx: BotContext, kind: Kind): Screen {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("svc-btn-location"), `svc:loc:${kind}`)
    .row()
    .text(ctx.t("svc-btn-region"), `svc:r:${kind}`);
  const text = `<b>${ctx.t(`svc-cat-${kind}`)}</b>\n\n${ctx.t("svc-how-text")}`;
  return navScreen(ctx, text, { self: `svc:k:${kind}`, back: Route.services }, keyboard);
}

/**
 * A page of results: one line block per service, a button per service
 * (its card), "more", the national lines, and the way back.
 */
function resultsScreen(
  ctx: BotContext,
  o: { title: string; items: { service: Service; km?: number }[]; skip: number; more?: string; self: string; back: string },
  hotlines: Service[],
  now: Date,
): Screen {
  const keyboard = new InlineKeyboard();
  const blocks = o.items.map(({ service, km }, i) => {
    keyboard.text(`${o.skip + i + 1}. ${pick(service, "name", localeOf(ctx)).text ?? service.id}`.slice(0, 60), `svc:s:${service.id}`).row();
    return listEntry(ctx, o.skip + i + 1, service, now, km);
  });
  if (o.more) keyboard.text(ctx.t("svc-btn-more"), o.more).row();
  const text = [o.title, ...blocks, nationalLines(ctx, hotlines)].join("\n\n");
  return navScreen(ctx, text, { self: o.self, back: o.back }, keyboard);
}

const SCREEN_ROUTES = [
  new RegExp(`^svc:[kr]:${KIND}$`),
  new RegExp(`^svc:o:${KIND}:${OBLAST}$`),
  new RegExp(`^svc:c:${KIND}:${OBLAST}:[a-z0-9-]{1,20}(?::\\d{1,2})?$`),
  new RegExp(`^svc:s:${ID}$`),
];

export const servicesFeature: Feature = {
  menu: { label: "menu-services", route: Route.services },
  commands: [{ command: "services", description: "cmd-services" }],
  // Screens that change nothing; an id that is no longer there falls back on its own screen.
  screens: (route) => route === Route.services || SCREEN_ROUTES.some((r) => r.test(route)),
  composer(deps: FeatureDeps) {
    const { counters, clock } = deps;
    const directory = new Directory(deps.prisma);
    const c = new Composer<BotContext>();

    // Deep links to a service or a hub (posters, QR codes): after the safety question, its card.
    c.command("start", async (ctx, next) => {
      const link = new RegExp(`^(svc|hub)_(${ID})$`).exec(ctx.match);
      const service = link && (await directory.find(link[2]!));
      if (!link || !service || (link[1] === "hub" && service.category !== "hub")) return next();
      await counters.add(`deeplink.${link[1]}.${service.id}`);
      await show(ctx, safetyQuestion(ctx, `svc:s:${service.id}`));
    });

    const kinds = (ctx: BotContext) => show(ctx, kindsScreen(ctx));
    c.command("services", kinds);
    c.callbackQuery(Route.services, kinds);
    c.callbackQuery(new RegExp(`^svc:k:${KIND}$`), async (ctx) => {
      // Back from the location screen: its "send my location" keyboard goes too.
      if (ctx.session.findHelp) {
        delete ctx.session.findHelp;
        await ctx.reply(ctx.t("svc-location-closed"), { reply_markup: { remove_keyboard: true } });
      }
      await show(ctx, howScreen(ctx, ctx.match[1] as Kind));
    });

    // Location: the kind waits in the session; the location itself is used for this answer and dropped.
    c.callbackQuery(new RegExp(`^svc:loc:${KIND}$`), async (ctx) => {
      const kind = ctx.match[1] as Kind;
      ctx.session.findHelp = kind;
      await show(ctx, navScreen(ctx, ctx.t("svc-location-text"), { self: `svc:k:${kind}`, back: `svc:k:${kind}` }));
      await ctx.reply(ctx.t("svc-location-prompt"), {
        reply_markup: {
          keyboard: [[{ text: ctx.t("svc-btn-send-location"), request_location: true }], [{ text: ctx.t("svc-btn-cancel") }]],
          resize_keyboard: true,
          one_time_keyboard: true,
        },
      });
    });
    c.on("message:text", async (ctx, next) => {
      if (ctx.msg.text !== ctx.t("svc-btn-cancel")) return next();
      delete ctx.session.findHelp;
      await ctx.reply(ctx.t("svc-location-cancelled"), { reply_markup: { remove_keyboard: true } });
      await show(ctx, kindsScreen(ctx));
    });

    const near = async (ctx: BotContext, kind: Kind, origin: Point, page: number): Promise<Screen> => {
      const { found, more } = await directory.nearest(origin, categoryOf(kind), page * PAGE, PAGE);
      const label = ctx.t(`svc-cat-${kind}`);
      const title = found.length === 0
        ? ctx.t("svc-nothing", { kind: label })
        : page === 0 && found[0]!.km > NEARBY_KM
          ? ctx.t("svc-nothing-near", { kind: label, km: NEARBY_KM })
          : ctx.t("svc-near-title", { kind: label });
      const at = `${origin.latitude}:${origin.longitude}`;
      return resultsScreen(
        ctx,
        {
          title: `<b>${title}</b>`,
          items: found,
          skip: page * PAGE,
          more: more && page < MAX_PAGE ? `svc:n:${kind}:${page + 1}:${at}` : undefined,
          self: `svc:k:${kind}`,
          back: `svc:k:${kind}`,
        },
        await directory.hotlines(),
        clock.now(),
      );
    };
    // Only a location asked for; one sent out of the blue gets the fallback's answer.
    c.on("message:location", async (ctx, next) => {
      const kind = ctx.session.findHelp as Kind | undefined;
      if (!kind) return next();
      delete ctx.session.findHelp;
      const origin = rounded(ctx.msg.location);
      // The person's location leaves the chat too: someone else may look at this phone.
      await ctx.deleteMessage().catch(() => {});
      await ctx.reply(ctx.t("svc-location-used"), { reply_markup: { remove_keyboard: true } });
      await counters.add("services.search.location");
      await show(ctx, await near(ctx, categoryOf(kind) ?? "any", origin, 0));
    });
    c.callbackQuery(new RegExp(`^svc:n:${KIND}:(\\d{1,2}):(-?\\d{1,2}(?:\\.\\d{1,3})?):(-?\\d{1,3}(?:\\.\\d{1,3})?)$`), async (ctx) => {
      const [, kind, page, latitude, longitude] = ctx.match;
      const origin = { latitude: Number(latitude), longitude: Number(longitude) };
      if (Math.abs(origin.latitude) > 90 || Math.abs(origin.longitude) > 180 || Number(page) > MAX_PAGE) {
        return show(ctx, kindsScreen(ctx));
      }
      await show(ctx, await near(ctx, kind as Kind, origin, Number(page)));
    });

    // Region: oblast, then city, then the city's services.
    const oblastName = (ctx: BotContext, o: string) => ctx.t(`oblast-${o}`);
    c.callbackQuery(new RegExp(`^svc:r:${KIND}$`), async (ctx) => {
      const kind = ctx.match[1] as Kind;
      const oblasts = (await directory.oblasts(categoryOf(kind)))
        .filter(isOblast)
        .sort((a, b) => oblastName(ctx, a).localeCompare(oblastName(ctx, b), localeOf(ctx)));
      const keyboard = new InlineKeyboard();
      oblasts.forEach((o, i) => {
        keyboard.text(oblastName(ctx, o), `svc:o:${kind}:${o}`);
        if (i % 2 === 1) keyboard.row();
      });
      const text = oblasts.length ? ctx.t("svc-oblast-text") : ctx.t("svc-region-empty", { kind: ctx.t(`svc-cat-${kind}`) });
      const body = oblasts.length ? text : `${text}\n\n${nationalLines(ctx, await directory.hotlines())}`;
      await show(ctx, navScreen(ctx, body, { self: `svc:r:${kind}`, back: `svc:k:${kind}` }, keyboard));
    });
    const citiesScreen = async (ctx: BotContext, kind: Kind, oblast: Oblast) => {
      const cities = await directory.cities(categoryOf(kind), oblast);
      const keyboard = new InlineKeyboard();
      const uk = localeOf(ctx) === "uk";
      cities
        .sort((a, b) => (uk ? a.uk.localeCompare(b.uk, "uk") : a.en.localeCompare(b.en, "en")))
        .forEach((city, i) => {
          keyboard.text(uk ? city.uk : city.en, `svc:c:${kind}:${oblast}:${city.slug}`);
          if (i % 2 === 1) keyboard.row();
        });
      const text = `<b>${oblastName(ctx, oblast)}</b>\n\n${ctx.t("svc-city-text")}`;
      return navScreen(ctx, text, { self: `svc:o:${kind}:${oblast}`, back: `svc:r:${kind}` }, keyboard);
    };
    c.callbackQuery(new RegExp(`^svc:o:${KIND}:${OBLAST}$`), async (ctx) => {
      await show(ctx, await citiesScreen(ctx, ctx.match[1] as Kind, ctx.match[2] as Oblast));
    });
    c.callbackQuery(new RegExp(`^svc:c:${KIND}:${OBLAST}:([a-z0-9-]{1,20})(?::(\\d{1,2}))?$`), async (ctx) => {
      const [, kindText, oblastText, slug, pageText] = ctx.match;
      const kind = kindText as Kind;
      const oblast = oblastText as Oblast;
      const page = Number(pageText ?? 0);
      const city = (await directory.cities(categoryOf(kind), oblast)).find((x) => x.slug === slug);
      // A city that no longer has such services (an old button): its oblast's list again.
      if (!city || page > MAX_PAGE) return show(ctx, await citiesScreen(ctx, kind, oblast));
      const { found, more } = await directory.inCity(categoryOf(kind), oblast, city.en, page * PAGE, PAGE);
      if (page === 0) await counters.add("services.search.region");
      const name = escapeHtml(localeOf(ctx) === "uk" ? city.uk : city.en);
      const screen = resultsScreen(
        ctx,
        {
          title: `<b>${ctx.t("svc-city-title", { kind: ctx.t(`svc-cat-${kind}`), city: name })}</b>`,
          items: found.map((service) => ({ service })),
          skip: page * PAGE,
          more: more ? `svc:c:${kind}:${oblast}:${slug}:${page + 1}` : undefined,
          self: `svc:c:${kind}:${oblast}:${slug}`,
          back: `svc:o:${kind}:${oblast}`,
        },
        await directory.hotlines(),
        clock.now(),
      );
      await show(ctx, screen);
    });

    // A service's card, and its place on the map.
    c.callbackQuery(new RegExp(`^svc:s:(${ID})$`), async (ctx) => {
      const service = await directory.find(ctx.match[1]!);
      if (!service) return show(ctx, kindsScreen(ctx), ctx.t("svc-gone"));
      // A new message below: the list it came from stays above.
      await ctx.answerCallbackQuery().catch(() => {});
      await showBelow(ctx, cardScreen(ctx, service, clock.now(), Route.services));
    });
    c.callbackQuery(new RegExp(`^svc:m:(${ID})$`), async (ctx) => {
      const s = await directory.find(ctx.match[1]!);
      const address = s && pick(s, "address", localeOf(ctx)).text;
      if (!s || !address || s.latitude === null || s.longitude === null) return show(ctx, kindsScreen(ctx), ctx.t("svc-gone"));
      await ctx.answerCallbackQuery();
      await ctx.replyWithVenue(s.latitude, s.longitude, (pick(s, "name", localeOf(ctx)).text ?? s.id).slice(0, 100), address.slice(0, 100));
    });

    c.use(adminComposer(deps, directory));
    return c;
  },
};
