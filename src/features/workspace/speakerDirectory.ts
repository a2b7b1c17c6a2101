import * as vscode from 'vscode';
import { parseSpeakerRegistry, type Speaker } from '../../core/annotations';
import type { SpeakerLookup } from '../../core/workspaceModel';
import { readTextFile } from '../annotations/fileIo';
import { runInSlices } from '../annotations/slices';
import type { SpeakerRegistryStore } from '../annotations/speakerRegistry';

/**
 * The speakers of every registry the indexed clippings use, for synchronous lookups. The
 * registry files are read here rather than asked of the registry store, which rereads a changed
 * file on its own schedule: reading the file when its watcher fires leaves no race. A registry
 * that does not parse keeps the speakers last read, as in the store.
 */
export class SpeakerDirectory {
  private readonly byRegistry = new Map<string, ReadonlyMap<string, Speaker>>();
  /** Which registry each clipping uses: the answer holds while the workspace folders stay. */
  private readonly registryOfClipping = new Map<string, string>();
  /** The same by the folder a clipping is in: every clipping of a folder uses the same registry, found once (finding it takes a workspace folder lookup). */
  private readonly registryOfFolder = new Map<string, string>();

  constructor(
    private readonly registries: SpeakerRegistryStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  readonly lookup: SpeakerLookup = (clippingUri, speakerId) => this.byRegistry.get(this.registryKeyOf(clippingUri))?.get(speakerId);

  /** Reads the registries of `clippingUris` not read yet; resolves true when any was. */
  async load(clippingUris: Iterable<string>): Promise<boolean> {
    // Finding the registry of ten thousand clippings takes tens of milliseconds: in slices.
    const missing = await runInSlices(this.unreadRegistries(clippingUris));
    for (const key of missing) await this.read(key);
    return missing.size > 0;
  }

  /** Reads a registry again after it changed on disk; resolves true when it is one in use. */
  async reload(registry: vscode.Uri): Promise<boolean> {
    const key = registry.toString();
    if (!this.byRegistry.has(key)) return false;
    await this.read(key);
    return true;
  }

  /**
   * Reads again the registries in use under a folder just created (a `.clippings` folder made
   * with its registry, a checkout): a file made in a folder that new can be there before the
   * folder is watched, and then no event tells of it. Resolves true when there was any.
   */
  async reloadUnder(folder: vscode.Uri): Promise<boolean> {
    const prefix = `${folder.toString()}/`;
    const under = [...this.byRegistry.keys()].filter((key) => key.startsWith(prefix));
    for (const key of under) await this.read(key);
    return under.length > 0;
  }

  /** Forgets which registry each clipping uses: workspace folders were added or removed. */
  forgetFolders(): void {
    this.registryOfClipping.clear();
    this.registryOfFolder.clear();
  }

  /** The registries of `clippingUris` not read yet, one clipping a step. */
  private *unreadRegistries(clippingUris: Iterable<string>): Generator<void, Set<string>, void> {
    const missing = new Set<string>();
    for (const uri of clippingUris) {
      const key = this.registryKeyOf(uri);
      if (!this.byRegistry.has(key)) missing.add(key);
      yield;
    }
    return missing;
  }

  private async read(key: string): Promise<void> {
    const text = await readTextFile(vscode.Uri.parse(key)).catch((error: unknown) => {
      this.log.warn(`workspace index: cannot read ${key}: ${String(error)}`);
      return '';
    });
    const parse = text === undefined ? undefined : parseSpeakerRegistry(text);
    if (parse && !parse.ok) {
      if (!this.byRegistry.has(key)) this.byRegistry.set(key, new Map());
      return;
    }
    this.byRegistry.set(key, new Map((parse?.registry.speakers ?? []).map((speaker) => [speaker.id, speaker])));
  }

  private registryKeyOf(clippingUri: string): string {
    let key = this.registryOfClipping.get(clippingUri);
    if (key === undefined) {
      const folder = clippingUri.slice(0, clippingUri.lastIndexOf('/'));
      key = this.registryOfFolder.get(folder);
      if (key === undefined) {
        key = this.registries.registryUriFor(vscode.Uri.parse(clippingUri)).toString();
        this.registryOfFolder.set(folder, key);
      }
      this.registryOfClipping.set(clippingUri, key);
    }
    return key;
  }
}
