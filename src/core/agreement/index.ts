/**
 * Agreement between two annotators of one clipping (pure): span matching, span overlap,
 * speaker agreement and Cohen's kappa on stance polarity. docs/reports.md explains the numbers.
 */

export { compareAnnotators, authorsOf, annotatorOf, countByType, type AgreementOptions, type AgreementReport, type Annotator, type SpanAgreement, type SpeakerAgreement, type StanceAgreement, type TypeCounts } from './compare';
export { cohensKappa, confusionMatrix, type ConfusionMatrix, type KappaResult } from './kappa';
export { DEFAULT_MATCH_THRESHOLD, matchAnnotations, spanJaccard, type MatchedPair, type Matching, type Span } from './spans';
