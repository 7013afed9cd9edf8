import type { Service } from "@prisma/client";
import { hotlines, type HotlineId } from "../../shared/hotlines.js";
import type { Oblast } from "./catalog.js";
import { validateRows, type COLUMNS } from "./records.js";

/**
 * The directory the bot ships with, loaded on the first start (when the
 * table is empty). Only facts of the content brief (§1, §3): the national
 * lines, with the numbers of src/shared/hotlines.ts, and the cities of the
 * community safety hubs and UNFPA survivor relief centres. Their addresses
 * and contacts are unverified, so they have none here: their cards send
 * people to the national lines. Their coordinates are the city centre, so a
 * search by location can say "there is one in your city".
 */
type Row = Partial<Record<(typeof COLUMNS)[number], string>>;

const phones = (...ids: HotlineId[]) => ids.map((id) => hotlines[id].number).join("; ");

const hotlineRows: Row[] = [
  {
    id: "gov-hotline",
    name_uk: "Урядова гаряча лінія з протидії домашньому насильству, торгівлі людьми та насильству за ознакою статі",
    name_en: "Government hotline on domestic violence, trafficking and gender-based violence",
    description_uk: "Також про насильство щодо дітей. Можна звернутися анонімно.",
    description_en: "Also on violence against children. You can call anonymously.",
    hours_uk: "Цілодобово, безкоштовно з мобільного й стаціонарного",
    hours_en: "24/7, free from mobile and landline",
    phones: phones("govHotline"),
    source: hotlines.govHotline.source,
    verified_at: hotlines.govHotline.verifiedAt,
  },
  {
    id: "la-strada",
    name_uk: "Національна гаряча лінія «Ла Страда-Україна»",
    name_en: "La Strada Ukraine national hotline",
    description_uk: "Домашнє насильство, торгівля людьми, дискримінація за ознакою статі.",
    description_en: "Domestic violence, trafficking, gender discrimination.",
    hours_uk: "Цілодобово, безкоштовно",
    hours_en: "24/7, free",
    phones: phones("laStrada", "laStradaFree"),
    source: hotlines.laStrada.source,
    verified_at: hotlines.laStrada.verifiedAt,
  },
  {
    id: "la-strada-children",
    name_uk: "Лінія для дітей та молоді «Ла Страда-Україна»",
    name_en: "La Strada Ukraine line for children and young people",
    description_uk: "Безкоштовно. Години роботи не підтверджені.",
    description_en: "Free. Opening hours not confirmed.",
    phones: phones("childLine", "childLineFree"),
    source: hotlines.childLine.source,
    verified_at: hotlines.childLine.verifiedAt,
  },
  {
    id: "legal-aid",
    name_uk: "Система безоплатної правничої допомоги",
    name_en: "Free legal aid system",
    description_uk: "Порада юриста й допомога з документами, зокрема із заявою про обмежувальний припис.",
    description_en: "Advice from a lawyer and help with documents, including an application for a restrictive order.",
    hours_uk: "Цілодобово, безкоштовно",
    hours_en: "24/7, free",
    phones: phones("legalAid"),
    source: hotlines.legalAid.source,
    verified_at: hotlines.legalAid.verifiedAt,
  },
  {
    id: "lifeline",
    name_uk: "Lifeline Ukraine: емоційна підтримка, запобігання самогубствам",
    name_en: "Lifeline Ukraine: emotional support, suicide prevention",
    hours_uk: "Цілодобово, безкоштовно з основних мобільних операторів",
    hours_en: "24/7, free from major mobile operators",
    phones: phones("lifeline"),
    source: hotlines.lifeline.source,
    verified_at: hotlines.lifeline.verifiedAt,
  },
  {
    id: "psych-line",
    name_uk: "Лінія підтримки Національної психологічної асоціації",
    name_en: "National Psychological Association support line",
    hours_uk: "Щодня з 10:00 до 20:00",
    hours_en: "Daily, 10:00 to 20:00",
    phones: phones("psychLine"),
    source: hotlines.psychLine.source,
    verified_at: hotlines.psychLine.verifiedAt,
  },
].map((row) => ({ ...row, category: "hotline" }));

interface City {
  uk: string;
  en: string;
  oblast: Oblast;
  /** City centre, approximate. */
  at: [number, number];
}

const CITIES: Record<string, City> = {
  zaporizhzhia: { uk: "Запоріжжя", en: "Zaporizhzhia", oblast: "zaporizhzhia", at: [47.8388, 35.1396] },
  poltava: { uk: "Полтава", en: "Poltava", oblast: "poltava", at: [49.5883, 34.5514] },
  vinnytsia: { uk: "Вінниця", en: "Vinnytsia", oblast: "vinnytsia", at: [49.2331, 28.4682] },
  "ivano-frankivsk": { uk: "Івано-Франківськ", en: "Ivano-Frankivsk", oblast: "ivano-frankivsk", at: [48.9226, 24.7111] },
  kropyvnytskyi: { uk: "Кропивницький", en: "Kropyvnytskyi", oblast: "kirovohrad", at: [48.5079, 32.2623] },
  dnipro: { uk: "Дніпро", en: "Dnipro", oblast: "dnipropetrovsk", at: [48.4647, 35.0462] },
  kherson: { uk: "Херсон", en: "Kherson", oblast: "kherson", at: [46.6354, 32.6169] },
  kramatorsk: { uk: "Краматорськ", en: "Kramatorsk", oblast: "donetsk", at: [48.7389, 37.5844] },
  lutsk: { uk: "Луцьк", en: "Lutsk", oblast: "volyn", at: [50.7472, 25.3254] },
  kyiv: { uk: "Київ", en: "Kyiv", oblast: "kyiv", at: [50.4501, 30.5234] },
  mukachevo: { uk: "Мукачево", en: "Mukachevo", oblast: "zakarpattia", at: [48.4394, 22.7178] },
  kharkiv: { uk: "Харків", en: "Kharkiv", oblast: "kharkiv", at: [49.9935, 36.2304] },
  chernivtsi: { uk: "Чернівці", en: "Chernivtsi", oblast: "chernivtsi", at: [48.2921, 25.9358] },
  odesa: { uk: "Одеса", en: "Odesa", oblast: "odesa", at: [46.4825, 30.7233] },
};

const HUB_CITIES = [
  "zaporizhzhia", "poltava", "vinnytsia", "ivano-frankivsk", "kropyvnytskyi", "dnipro", "kherson", "kramatorsk", "lutsk",
];
const RELIEF_CITIES = [
  "zaporizhzhia", "dnipro", "kyiv", "mukachevo", "kharkiv", "kherson", "poltava", "chernivtsi", "odesa", "kropyvnytskyi",
];

function cityRow(key: string): Row {
  const c = CITIES[key]!;
  return {
    oblast: c.oblast,
    city_uk: c.uk,
    city_en: c.en,
    latitude: String(c.at[0]),
    longitude: String(c.at[1]),
  };
}

const hubRows: Row[] = HUB_CITIES.map((key) => ({
  id: `hub-${key}`,
  category: "hub",
  name_uk: `Хаб безпеки громади, ${CITIES[key]!.uk}`,
  name_en: `Community safety hub, ${CITIES[key]!.en}`,
  description_uk: "Поліція та громадські організації працюють разом (Проєкт стабілізації поліції).",
  description_en: "Police and civil society working together (Police Stabilization Project).",
  ...cityRow(key),
  source: "content brief §3: community safety hubs of the Police Stabilization Project; address and contacts unverified; location: city centre, approximate",
}));

const reliefRows: Row[] = RELIEF_CITIES.map((key) => ({
  id: `relief-${key}`,
  category: "relief",
  name_uk: `Центр допомоги постраждалим (UNFPA), ${CITIES[key]!.uk}`,
  name_en: `Survivor relief centre (UNFPA), ${CITIES[key]!.en}`,
  description_uk: "Допомога людям, які пережили насильство за ознакою статі або сексуальне насильство, пов’язане з війною.",
  description_en: "Help for survivors of gender-based violence and of conflict-related sexual violence.",
  ...cityRow(key),
  source: "ukraine.unfpa.org (named in 2023), content brief §3; address and contacts unverified; location: city centre, approximate",
}));

/** The shipped entries as services; a mistake in them fails at once (and in tests). */
export function shippedServices(): Service[] {
  const rows = [...hotlineRows, ...hubRows, ...reliefRows].map((row, i) => ({ line: i + 1, row }));
  const { services, errors } = validateRows(rows);
  if (errors.length) throw new Error(`shipped services: ${JSON.stringify(errors)}`);
  return services;
}
