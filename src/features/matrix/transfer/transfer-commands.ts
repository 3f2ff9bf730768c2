/*
 * Matrices as files: what the doors (pages, API, command line) call. Export and import each have
 * their module; this one gathers them.
 */
export { type ExportFile, type ExportOptions, exportFile, exportMatrices, exportOfAll, publicExportOfAll } from './export-matrices.ts';
export {
  assertMayImport,
  ImportRefused,
  type ImportOptions,
  type ImportSummary,
  importMatrices,
  parseFile,
  type StateImport,
} from './import-matrices.ts';
export { formatOfName, isTransferFormat, sniffFormat, type TransferFormat, transferFormats } from './transfer-formats.ts';
