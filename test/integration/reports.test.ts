import * as assert from 'node:assert';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { serializeSidecar, SIDECAR_VERSION, type Annotation } from '../../src/core/annotations';
import type { AgreementResult } from '../../src/features/workspace/agreementReport';
import type { SummaryResult } from '../../src/features/workspace/summaryReport';
import { EXAMPLE_CLIPPING, EXAMPLE_CONFUSION, EXAMPLE_KAPPA, EXAMPLE_LEFT, EXAMPLE_RIGHT, LEFT_AUTHOR, RIGHT_AUTHOR } from '../unit/agreementExample';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

const CLIPPING = 'talks.clip';

/** A new folder of the test workspace holding the example clipping and its sidecar. */
async function exampleFolder(prefix: string, annotations: readonly Annotation[]): Promise<string> {
  const root = process.env.CLIPPINGS_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.tmpdir();
  const folder = await fs.mkdtemp(path.join(root, prefix));
  await fs.writeFile(path.join(folder, CLIPPING), EXAMPLE_CLIPPING, 'utf8');
  await writeSidecar(folder, annotations);
  return folder;
}

async function writeSidecar(folder: string, annotations: readonly Annotation[]): Promise<vscode.Uri> {
  const file = path.join(folder, `${CLIPPING}.annotations.yaml`);
  await fs.mkdir(folder, { recursive: true });
  await fs.writeFile(file, serializeSidecar({ version: SIDECAR_VERSION, clipping: CLIPPING, annotations }), 'utf8');
  return vscode.Uri.file(file);
}

function webviewTab(title: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === title);
}

function assertExampleAgreement(report: AgreementResult | undefined): asserts report is AgreementResult {
  assert.ok(report, 'the command returns the report');
  assert.strictEqual(report.pairs.length, 7);
  assert.deepStrictEqual([report.unmatchedLeft.length, report.unmatchedRight.length], [1, 1]);
  assert.deepStrictEqual(report.stances.confusion, EXAMPLE_CONFUSION);
  assert.ok(Math.abs((report.stances.kappa.kappa ?? NaN) - EXAMPLE_KAPPA) < 1e-9, `kappa ${report.stances.kappa.kappa} is 7/17`);
}

describe('Reports', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('compares two annotators’ files: the hand-computed kappa, in a report panel, saved as Markdown', async () => {
    const folder = await exampleFolder('agreement-', EXAMPLE_LEFT);
    const left = vscode.Uri.file(path.join(folder, `${CLIPPING}.annotations.yaml`));
    const right = await writeSidecar(path.join(folder, 'colleague'), EXAMPLE_RIGHT);
    const saveTo = vscode.Uri.file(path.join(folder, 'agreement.md'));

    const report = await vscode.commands.executeCommand<AgreementResult | undefined>('clippings.compareAnnotators', { left, right, saveTo });

    assertExampleAgreement(report);
    await waitFor('the agreement report panel', () => webviewTab(`Agreement on ${CLIPPING}`));
    const markdown = await fs.readFile(saveTo.fsPath, 'utf8');
    assert.match(markdown, /^# Agreement on talks\.clip$/m);
    assert.match(markdown, /Cohen's kappa on stance polarity: \*\*0\.412 /, 'the Markdown states kappa = 7/17 to three places');
  });

  it('compares two authors of one shared file, and saves the data as JSON', async () => {
    const folder = await exampleFolder('agreement-shared-', [...EXAMPLE_LEFT, ...EXAMPLE_RIGHT]);
    const saveTo = vscode.Uri.file(path.join(folder, 'agreement.json'));
    const sidecar = vscode.Uri.file(path.join(folder, `${CLIPPING}.annotations.yaml`));

    const report = await vscode.commands.executeCommand<AgreementResult | undefined>('clippings.compareAnnotators', { sidecar, authors: [LEFT_AUTHOR, RIGHT_AUTHOR], saveTo });

    assertExampleAgreement(report);
    assert.deepStrictEqual([report.left.label, report.right.label], [LEFT_AUTHOR, RIGHT_AUTHOR]);
    const saved = JSON.parse(await fs.readFile(saveTo.fsPath, 'utf8')) as AgreementResult;
    assert.strictEqual(saved.stances.kappa.kappa, report.stances.kappa.kappa);
  });

  // Needs the workspace index wired into the extension (src/extension.ts).
  it('summarizes a folder of the workspace index in a report panel', async () => {
    const folder = vscode.Uri.file(await exampleFolder('summary-', [...EXAMPLE_LEFT, ...EXAMPLE_RIGHT]));

    const summary = await waitFor('the index to have the new clipping', async () => {
      const result = await vscode.commands.executeCommand<SummaryResult | undefined>('clippings.showSummary', { scope: folder });
      return result?.clippings.length ? result : undefined;
    });

    assert.strictEqual(summary.clippings.length, 1);
    assert.strictEqual(summary.stances.reduce((sum, line) => sum + line.counts.favor + line.counts.against + line.counts.neutral + line.counts.mixed, 0), 11);
    assert.deepStrictEqual(
      summary.speakers.map((line) => [line.id, line.reported]),
      [['foreign-minister', 2], ['informed-source', 1], ['spokesman', 1]],
    );
    await waitFor('the summary panel', () => webviewTab(`Summary: ${vscode.workspace.asRelativePath(folder)}`));
  });
});
