import type * as vscode from 'vscode';

const KEY = 'clippings.recentStanceTargets';
const LIMIT = 50;

/** Stance targets used before in this workspace, most recent first, offered when tagging a stance. */
export class RecentTargets {
  constructor(private readonly state: vscode.Memento) {}

  list(): readonly string[] {
    return this.state.get<string[]>(KEY, []);
  }

  async remember(target: string): Promise<void> {
    await this.state.update(KEY, [target, ...this.list().filter((known) => known !== target)].slice(0, LIMIT));
  }
}
