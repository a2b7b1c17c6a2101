/**
 * The yaml and js-yaml libraries, loaded the first time one of their members is used rather
 * than when the extension loads: together they are half of the bundle and tens of
 * milliseconds of loading, which activation would otherwise pay in every VS Code window
 * although nothing reads or writes YAML until a sidecar is opened.
 */
import type * as JsYaml from 'js-yaml';
import type * as Yaml from 'yaml';

/** A stand-in for a module namespace that requires the module on its first property read. */
function loadedOnFirstUse<T extends object>(load: () => T): T {
  let module: T | undefined;
  return new Proxy({} as T, {
    get: (_target, key) => (module ??= load())[key as keyof T],
  });
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require is the point of this module
export const yaml = loadedOnFirstUse<typeof Yaml>(() => require('yaml'));

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require is the point of this module
export const jsYaml = loadedOnFirstUse<typeof JsYaml>(() => require('js-yaml'));
