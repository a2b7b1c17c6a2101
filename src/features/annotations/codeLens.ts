import * as vscode from 'vscode';
import type { Article } from '../../core/model';
import type { ClippingParseCache } from '../parseCache';
import { CLIPPING_SELECTOR, toRange } from '../ranges';
import { annotationsByArticle, type ArticleAnnotations } from './annotationGroups';
import { describeAnnotation } from './annotationLabels';
import { AnnotationStore } from './annotationStore';
import { countSent } from './timings';

/**
 * Above each article title, what the article's annotations say: "2 speakers · 1 stance ·
 * Source: …". A click edits the article's source, or tags one when it has none yet: the one
 * annotation every article should have.
 */
export function registerAnnotationCodeLens(parses: ClippingParseCache, store: AnnotationStore): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider<ArticleLens> = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses: (document) => lensesFor(parses, store, document),
    resolveCodeLens: (lens) => {
      lens.command = commandOf(lens);
      return lens;
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider(CLIPPING_SELECTOR, provider),
    store.onDidChangeForViews(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('clippings.annotations.codeLens')) {
        changed.fire();
      }
    }),
  );
}

/**
 * An article's lens: its title is made only when VS Code resolves it, which it does for the
 * lenses in view, so a dossier of a thousand articles costs a thousand ranges and a few titles.
 */
class ArticleLens extends vscode.CodeLens {
  constructor(
    readonly document: vscode.TextDocument,
    readonly tally: ArticleAnnotations<Article>,
  ) {
    super(toRange(document, tally.article.title));
  }
}

async function lensesFor(parses: ClippingParseCache, store: AnnotationStore, document: vscode.TextDocument): Promise<ArticleLens[]> {
  if (!AnnotationStore.canAnnotate(document) || !vscode.workspace.getConfiguration('clippings', document).get<boolean>('annotations.codeLens', true)) {
    return [];
  }
  const annotations = (await store.annotationsOf(document)).annotations;
  const lenses = annotationsByArticle(parses.get(document).articles, annotations).map((tally) => new ArticleLens(document, tally));
  countSent({ lensRequests: 1, lenses: lenses.length });
  return lenses;
}

function commandOf({ document, tally, range }: ArticleLens): vscode.Command {
  const counts = [
    countLabel(tally.speakers, vscode.l10n.t('1 speaker'), vscode.l10n.t('{0} speakers', tally.speakers)),
    countLabel(tally.stances, vscode.l10n.t('1 stance'), vscode.l10n.t('{0} stances', tally.stances)),
  ];
  if (tally.source) {
    return {
      // A source names no speaker, so its description needs no registry.
      title: `$(tag) ${[...counts, describeAnnotation(tally.source, [])].filter(Boolean).join(' · ')}`,
      tooltip: vscode.l10n.t('Edit the source of this article'),
      command: 'clippings.editAnnotation',
      arguments: [{ uri: document.uri, id: tally.source.id }],
    };
  }
  const { line, character } = range.start;
  return {
    title: `$(tag) ${[...counts, vscode.l10n.t('Tag source…')].filter(Boolean).join(' · ')}`,
    tooltip: vscode.l10n.t('Record where this article comes from'),
    command: 'clippings.tagSource',
    // An empty range at the title: the source describes the whole article.
    arguments: [{ uri: document.uri, range: [line, character, line, character] }],
  };
}

/** '' for none, so that only what the article has is listed. */
function countLabel(count: number, one: string, many: string): string {
  return count === 0 ? '' : count === 1 ? one : many;
}
