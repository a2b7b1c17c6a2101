/**
 * Where annotation files live, on POSIX-style paths (`/home/me/dossier.clip`) or URI paths
 * (`Uri.path`, such as `/c:/Users/me/dossier.clip`): both use `/` and no escaping is needed.
 *
 * Rule: the sidecar of `<name>` is `<name>.annotations.yaml` in the same folder, so
 * `dossier.clip` → `dossier.clip.annotations.yaml`. Keeping the full clipping name (extension
 * included) means `a.clip` and `a.txt` never share a sidecar, and the pair sorts together.
 */

export const SIDECAR_SUFFIX = '.annotations.yaml';

/** The speaker registry, relative to a workspace folder root. */
export const SPEAKER_REGISTRY_PATH = '.clippings/speakers.yaml';

export function sidecarPathFor(clippingPath: string): string {
  if (fileNameOf(clippingPath) === '') {
    throw new Error(`Not a file path: '${clippingPath}'`);
  }
  return clippingPath + SIDECAR_SUFFIX;
}

/** The clipping a sidecar belongs to, or undefined when the path is not a sidecar's. */
export function clippingPathForSidecar(sidecarPath: string): string | undefined {
  if (!sidecarPath.endsWith(SIDECAR_SUFFIX)) return undefined;
  const clippingPath = sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
  return fileNameOf(clippingPath) === '' ? undefined : clippingPath;
}

/** The last path segment: what a sidecar records in its `clipping` field. */
export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function speakerRegistryPathFor(workspaceFolderPath: string): string {
  return workspaceFolderPath.replace(/\/+$/, '') + '/' + SPEAKER_REGISTRY_PATH;
}
