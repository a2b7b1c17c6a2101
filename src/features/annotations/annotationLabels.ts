import * as vscode from 'vscode';
import type { Annotation, Speaker } from '../../core/annotations';
import { polarityLabel, sourceKindLabel } from './pickers';

/** A speaker's display name, or its id when the registry no longer has it. */
export function speakerName(speakers: readonly Speaker[], id: string): string {
  return speakers.find((speaker) => speaker.id === id)?.name ?? id;
}

/** One line saying what an annotation records: for hovers, pickers, lenses and views. */
export function describeAnnotation(annotation: Annotation, speakers: readonly Speaker[]): string {
  switch (annotation.type) {
    case 'speaker':
      return vscode.l10n.t('Speaker: {0} ({1})', speakerName(speakers, annotation.speaker), annotation.kind === 'direct' ? vscode.l10n.t('direct speech') : vscode.l10n.t('reported speech'));
    case 'stance':
      return vscode.l10n.t('Stance: {0} is {1} {2}', speakerName(speakers, annotation.holder), polarityLabel(annotation.polarity), annotation.target);
    case 'source':
      return vscode.l10n.t('Source: {0}', [annotation.outlet, ...(annotation.agencies ?? []), annotation.writer].filter(Boolean).join(' · ') || sourceKindLabel(annotation.kind));
  }
}

export function iconOf(annotation: Annotation): string {
  switch (annotation.type) {
    case 'speaker':
      return '$(person)';
    case 'stance':
      return '$(law)';
    case 'source':
      return '$(globe)';
  }
}
