import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, HARBOUR_DOSSIER, HARBOUR_LINES, openClipping } from './helpers';

describe('Folding and selection', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('folds the table of contents and each article', async () => {
    const { document } = await openClipping(HARBOUR_DOSSIER);
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const starts = ranges.map((range) => range.start);
    assert.ok(starts.includes(7), `table of contents folds (starts: ${starts})`);
    for (const line of [HARBOUR_LINES.article1, HARBOUR_LINES.article2, HARBOUR_LINES.article3]) {
      assert.ok(starts.includes(line), `article at line ${line} folds (starts: ${starts})`);
    }
    const first = ranges.find((range) => range.start === HARBOUR_LINES.article1);
    assert.strictEqual(first?.end, 17, 'the first article folds up to its byline, not over the separator');
  });

  it('expands the selection from a line to its paragraph, then to its article', async () => {
    const { document } = await openClipping(HARBOUR_DOSSIER);
    const position = new vscode.Position(HARBOUR_LINES.article2 + 3, 4);
    const [chain] = await vscode.commands.executeCommand<vscode.SelectionRange[]>('vscode.executeSelectionRangeProvider', document.uri, [position]);
    const lines: string[] = [];
    for (let range: vscode.SelectionRange | undefined = chain; range; range = range.parent) {
      lines.push(`${range.range.start.line}-${range.range.end.line}`);
    }
    const article = `${HARBOUR_LINES.article2}-${HARBOUR_LINES.secondParagraph}`;
    const line = `${HARBOUR_LINES.article2 + 3}-${HARBOUR_LINES.article2 + 3}`;
    const paragraph = `${HARBOUR_LINES.article2}-${HARBOUR_LINES.article2 + 3}`;
    for (const expected of [line, paragraph, article]) {
      assert.ok(lines.includes(expected), `${expected} in selection chain ${lines.join(' > ')}`);
    }
    assert.ok(lines.indexOf(paragraph) < lines.indexOf(article), 'the paragraph comes before the article');
  });
});
