import * as vscode from 'vscode';
import type { Polarity, SourceKind } from '../../core/annotations';

/** One of `values`, shown with `label`; undefined when the person cancels. */
export async function pickOne<T extends string>(values: readonly T[], label: (value: T) => string, title: string): Promise<T | undefined> {
  const chosen = await vscode.window.showQuickPick(
    values.map((value) => ({ label: label(value), value })),
    { title, ignoreFocusOut: true },
  );
  return chosen?.value;
}

/** A value typed freely, or picked among earlier ones; undefined when cancelled. */
export async function pickOrType(earlier: readonly string[], title: string, placeholder: string): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick();
  picker.title = title;
  picker.placeholder = placeholder;
  picker.ignoreFocusOut = true;
  const refresh = () => {
    const typed = picker.value.trim();
    const typedItem = typed && !earlier.includes(typed) ? [{ label: typed, alwaysShow: true }] : [];
    picker.items = [...typedItem, ...earlier.map((label) => ({ label }))];
  };
  picker.onDidChangeValue(refresh);
  refresh();
  const chosen = await new Promise<string | undefined>((resolve) => {
    picker.onDidAccept(() => resolve((picker.selectedItems[0]?.label ?? picker.value).trim() || undefined));
    picker.onDidHide(() => resolve(undefined));
    picker.show();
  });
  picker.dispose();
  return chosen;
}

/** Free text with a suggested value; '' when left empty, undefined when cancelled. */
export async function promptText(prompt: string, value: string): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({ prompt, value, ignoreFocusOut: true });
  return text?.trim();
}

export function polarityLabel(polarity: Polarity): string {
  switch (polarity) {
    case 'favor':
      return vscode.l10n.t('in favor');
    case 'against':
      return vscode.l10n.t('against');
    case 'neutral':
      return vscode.l10n.t('neutral');
    case 'mixed':
      return vscode.l10n.t('mixed');
  }
}

export function sourceKindLabel(kind: SourceKind): string {
  switch (kind) {
    case 'newspaper':
      return vscode.l10n.t('newspaper');
    case 'agency':
      return vscode.l10n.t('news agency');
    case 'broadcaster':
      return vscode.l10n.t('broadcaster');
    case 'website':
      return vscode.l10n.t('website');
    case 'social-media':
      return vscode.l10n.t('social media');
    case 'anonymous':
      return vscode.l10n.t('anonymous or unnamed source');
  }
}
