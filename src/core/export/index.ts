/**
 * Exports of annotations (CSV, JSON Lines, brat standoff, W3C Web Annotation) and the JSON
 * Lines import. Pure: the VS Code layer (src/features/workspace/exportCommands.ts) reads the
 * index and the files and writes what these return. docs/export.md describes each format.
 */

export { exportRows, clippingRows, flatten, COLUMNS, type Column, type CellValue, type ExportRow, type FlatRow } from './rows';
export { csvLines, csvField, BYTE_ORDER_MARK, LIST_SEPARATOR } from './csv';
export { jsonLines, parseJsonLines, annotationFromJson, sameAnnotation, type ImportedClipping, type ImportProblem, type JsonLinesImport } from './jsonLines';
export { bratDocument, bratPathsFor, BRAT_CONFIGURATION, BRAT_CONFIGURATION_FILE, type BratDocument } from './brat';
export { webAnnotations, webAnnotationCollection, WEB_ANNOTATION_CONTEXT, type WebAnnotation, type WebAnnotationCollection, type Selector, type TextualBody } from './webAnnotation';
export { mergeIntoSidecar, type SidecarMerge } from './merge';
export { CodePointOffsets, foldLineBreaks, type LineBreakHandling } from './codePoints';
export { utf8Chunks, concatChunks } from './encoding';
