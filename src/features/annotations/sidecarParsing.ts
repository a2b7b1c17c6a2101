import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseSidecar, parseValidSidecarQuickly, type Sidecar, type SidecarParse } from '../../core/annotations';
import type { FileParse } from './guardedYamlFile';
import { WorkerRequests } from '../workspace/workerRequests';

/**
 * How much is read on the extension host's own thread, each bound about 40 ms of work: a
 * valid sidecar reads quickly (js-yaml with our shape rules) up to ~1,300 annotations; one
 * that needs the exact reading (to find what is wrong) is ~10× slower. Beyond, a worker.
 */
const INLINE_QUICK_LIMIT = 500_000;
const INLINE_EXACT_LIMIT = 100_000;

/**
 * Parses sidecars: small ones right away, large ones in a worker thread so that the extension
 * host never stalls on them (10,000 annotations take the yaml library over a second).
 */
export class SidecarParser implements vscode.Disposable {
  private readonly worker: WorkerRequests<string, string>;

  constructor(extensionPath: string) {
    this.worker = new WorkerRequests(path.join(extensionPath, 'dist', 'sidecarParseWorker.js'));
  }

  readonly parse = async (text: string): Promise<FileParse<Sidecar>> => {
    const quick = text.length <= INLINE_QUICK_LIMIT ? parseValidSidecarQuickly(text) : undefined;
    const result = quick ?? (text.length <= INLINE_EXACT_LIMIT ? parseSidecar(text) : (JSON.parse(await this.worker.request(text)) as SidecarParse));
    return result.ok ? { ok: true, model: result.sidecar } : { ok: false, error: result.error };
  };

  dispose(): void {
    this.worker.dispose();
  }
}
