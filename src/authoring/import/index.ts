export { ImportError } from './errors';
export { IMPORT_TYPES, planImport, type FileReport, type ImportOptions, type ImportPlan, type ImportType, type PlannedWrite } from './plan';
export { formatImportReport } from './report';
export { writeImport } from './write';
