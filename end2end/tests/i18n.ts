// Expected text comes from the app's own locale files, never retyped here.
import * as fs from "node:fs";
import * as path from "node:path";

type Namespace = Record<string, string>;
const localeDir = path.resolve(__dirname, "../../app/locales");

function load(lang: string, ns: string): Namespace {
  return JSON.parse(fs.readFileSync(path.join(localeDir, lang, `${ns}.json`), "utf8"));
}

export const langs = ["zh", "en"] as const;
export type Lang = (typeof langs)[number];

/// A translation; for a key with plural forms, its general (`_other`) form.
export function t(lang: Lang, ns: string, key: string): string {
  const file = load(lang, ns);
  const value = file[key] ?? file[`${key}_other`];
  if (value === undefined) throw new Error(`no ${ns}.${key} in ${lang}`);
  return value;
}

export const htmlLang: Record<Lang, string> = { zh: "zh-CN", en: "en" };
export const nativeName: Record<Lang, string> = { zh: "中文", en: "English" };
export const other = (lang: Lang): Lang => (lang === "zh" ? "en" : "zh");

/// A nested key (`problem.email`) of a namespace.
export function tn(lang: Lang, ns: string, key: string): string {
  const file = JSON.parse(fs.readFileSync(path.join(localeDir, lang, `${ns}.json`), "utf8"));
  const value = key.split(".").reduce((node: any, part) => (node ? node[part] : undefined), file);
  if (typeof value !== "string") throw new Error(`no ${ns}.${key} in ${lang}`);
  return value;
}

/// A translation with `{{ placeholders }}` as a pattern that matches any filled-in value.
export function tPattern(lang: Lang, ns: string, key: string): RegExp {
  const escaped = t(lang, ns, key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(escaped.replace(/\\\{\\\{ [a-z_]+ \\\}\\\}/g, ".+"));
}
