/**
 * Wraps a builder so its result (compiled phrase matchers) is made once per language and settings,
 * not once per file: every file with the same options shares it. Settings are compared by value.
 */
export function perLanguageAndSettings<Settings, Result>(build: (lang: string, settings: Settings) => Result): (lang: string, settings: Settings) => Result {
  const cache = new Map<string, Result>();
  return (lang, settings) => {
    const key = `${lang}\u0000${JSON.stringify(settings)}`;
    if (!cache.has(key)) cache.set(key, build(lang, settings));
    return cache.get(key)!;
  };
}
