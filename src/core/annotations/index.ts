/**
 * The pure core of annotations: model, anchoring, sidecar and registry files, speaker search.
 * No I/O and no editor types: the VS Code layer reads and writes files and calls these.
 * docs/annotations.md describes the model and the rules.
 */

export * from './types';
export { newId, cryptoRandomBytes, ID_PATTERN, type IdKind, type RandomBytes } from './ids';
export { sidecarPathFor, clippingPathForSidecar, fileNameOf, speakerRegistryPathFor, SIDECAR_SUFFIX, SPEAKER_REGISTRY_PATH } from './paths';
export { articleRefAt, type ArticleSpan } from './articles';
export { articleAt } from '../articleLookup';
export { CONTEXT_LENGTH, contextAgreement } from './context';
export { createAnchor, applyTextChange, applyTextChanges, type TextChange } from './anchors';
export {
  reanchor,
  reanchorAll,
  reanchorAllInSteps,
  DEFAULT_MAX_ERROR_RATE,
  MIN_CONTEXT_AGREEMENT,
  type ReanchorOptions,
  type ReanchorOutcome,
  type ReanchorResult,
  type ReanchorStatus,
} from './reanchor';
export {
  parseSidecar,
  parseValidSidecarQuickly,
  parseValidSidecarInSteps,
  parseValidSidecarByLines,
  ISO_TIME,
  serializeSidecar,
  prepareToWriteSidecars,
  insertAnnotationText,
  insertAnnotationEdit,
  replaceAnnotationEdit,
  removeAnnotationEdit,
  sidecarLayoutInSteps,
  replaceAnnotationText,
  replaceAnnotationTexts,
  writeMovedAnnotationsText,
  writeMovedAnnotationsTextInSteps,
  writeMovedOffsetsText,
  removeAnnotationText,
  type MovedAnnotation,
  type MovedOffsets,
  type SidecarBlock,
  type SidecarEdit,
  type SidecarLayout,
  type SidecarParse,
} from './sidecar';
export {
  parseSpeakerRegistry,
  serializeSpeakerRegistry,
  insertSpeakerText,
  replaceSpeakerText,
  removeSpeakerText,
  type RegistryParse,
} from './registry';
export { findSpeakers, suggestSpeakerForLine, type SpeakerLine, type SpeakerMatch, type SpeakerMatchRank } from './speakers';
export { createAnnotation, reviseAnnotation, createSpeaker, type AnnotationOf, type AnnotationRevision, type AuthoringContext } from './factory';
export type { ReadFailure } from './yamlShape';
