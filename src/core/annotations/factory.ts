/**
 * Making and revising annotations and speakers. Time, randomness and the author come in as
 * a context, so the editor passes the real ones and tests pass fixed ones.
 */

import { newId, type RandomBytes } from './ids';
import type { Anchor, Annotation, AnnotationBase, AnnotationBody, Speaker } from './types';

export interface AuthoringContext {
  readonly author: string;
  /** `() => new Date()` in the editor. */
  readonly now: () => Date;
  /** `cryptoRandomBytes` in the editor. */
  readonly randomBytes: RandomBytes;
}

/** The annotation type a body of type `K` makes: a stance body makes a StanceTag. */
export type AnnotationOf<K extends Annotation['type']> = Extract<Annotation, { readonly type: K }>;

export function createAnnotation<B extends AnnotationBody>(body: B, anchor: Anchor, context: AuthoringContext): AnnotationOf<B['type']> {
  const time = context.now().toISOString();
  const annotation: Annotation = { ...body, id: newId('annotation', context.randomBytes), author: context.author, created: time, modified: time, anchor };
  // The spread keeps `body`'s type field, so the annotation is of the member `type` names.
  return annotation as AnnotationOf<B['type']>;
}

/** What a revision may change: everything but identity, type and authorship. */
export type AnnotationRevision<T extends Annotation> = Partial<Omit<T, keyof Omit<AnnotationBase, 'anchor'> | 'type'>>;

/** The annotation with `changes` applied and `modified` set to now. */
export function reviseAnnotation<T extends Annotation>(annotation: T, changes: AnnotationRevision<T>, now: () => Date): T {
  return { ...annotation, ...changes, modified: now().toISOString() };
}

export function createSpeaker(fields: Omit<Speaker, 'id'>, randomBytes: RandomBytes): Speaker {
  return { id: newId('speaker', randomBytes), ...fields };
}
