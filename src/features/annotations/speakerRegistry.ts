import * as vscode from 'vscode';
import {
  findSpeakers,
  insertSpeakerText,
  parseSpeakerRegistry,
  REGISTRY_VERSION,
  serializeSpeakerRegistry,
  SPEAKER_REGISTRY_PATH,
  type Speaker,
  type SpeakerMatch,
  type SpeakerRegistry,
} from '../../core/annotations';
import { GuardedYamlFile, type FileParse } from './guardedYamlFile';

async function parseRegistry(text: string): Promise<FileParse<SpeakerRegistry>> {
  const result = parseSpeakerRegistry(text);
  return result.ok ? { ok: true, model: result.registry } : { ok: false, error: result.error };
}

/** One registry file and the speakers last read from it or added through it. */
class RegistryFile {
  speakers: readonly Speaker[] = [];
  readonly ready: Promise<void>;

  constructor(readonly file: GuardedYamlFile<SpeakerRegistry>) {
    file.onDidReload((parse) => {
      // A broken file keeps the speakers last read: they are still the best known.
      if (!parse || parse.ok) {
        this.speakers = parse ? parse.model.speakers : [];
      }
    });
    this.ready = file.refresh().then(() => undefined);
  }
}

/**
 * The workspace speaker registry (`.clippings/speakers.yaml` in the workspace folder, or
 * beside the clipping outside any folder), shared by every clipping so that a speaker is
 * typed once. Guarded like sidecars: changes on disk are read again, a broken file is
 * reported and never overwritten.
 */
export class SpeakerRegistryStore implements vscode.Disposable {
  private readonly registries = new Map<string, RegistryFile>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${SPEAKER_REGISTRY_PATH}`);

  constructor() {
    const refresh = (uri: vscode.Uri) => void this.registries.get(uri.toString())?.file.refresh();
    this.watcher.onDidChange(refresh);
    this.watcher.onDidCreate(refresh);
    this.watcher.onDidDelete(refresh);
  }

  registryUriFor(clipping: vscode.Uri): vscode.Uri {
    const folder = vscode.workspace.getWorkspaceFolder(clipping)?.uri ?? vscode.Uri.joinPath(clipping, '..');
    return vscode.Uri.joinPath(folder, SPEAKER_REGISTRY_PATH);
  }

  async speakersFor(clipping: vscode.Uri): Promise<readonly Speaker[]> {
    const registry = this.registryFor(clipping);
    await registry.ready;
    return registry.speakers;
  }

  async search(clipping: vscode.Uri, query: string): Promise<SpeakerMatch[]> {
    const speakers = await this.speakersFor(clipping);
    return findSpeakers({ version: REGISTRY_VERSION, speakers }, query);
  }

  async speakerById(clipping: vscode.Uri, id: string): Promise<Speaker | undefined> {
    return (await this.speakersFor(clipping)).find((speaker) => speaker.id === id);
  }

  /** Adds a speaker to the registry file (creating it when needed). Rejects with BrokenFileError when it does not parse. */
  async add(clipping: vscode.Uri, speaker: Speaker): Promise<void> {
    const registry = this.registryFor(clipping);
    await registry.ready;
    await registry.file.edit((text) =>
      text === undefined ? serializeSpeakerRegistry({ version: REGISTRY_VERSION, speakers: [speaker] }) : insertSpeakerText(text, speaker),
    );
    registry.speakers = [...registry.speakers.filter((known) => known.id !== speaker.id), speaker];
  }

  dispose(): void {
    this.watcher.dispose();
    this.registries.forEach((registry) => registry.file.dispose());
    this.registries.clear();
  }

  private registryFor(clipping: vscode.Uri): RegistryFile {
    const uri = this.registryUriFor(clipping);
    let registry = this.registries.get(uri.toString());
    if (!registry) {
      registry = new RegistryFile(new GuardedYamlFile(uri, parseRegistry));
      this.registries.set(uri.toString(), registry);
    }
    return registry;
  }
}
