/**
 * `@ogi/write-model/dataset`: the generated national-scale province and its bulk load, for benchmarks and
 * performance checks only (never for correctness tests). TypeScript run with tsx; not part of the built package.
 */
export { DEFAULT_YEARS, generateProvince, type Dataset, type DatasetAgency, type DatasetReport, type ProvinceOptions } from './province-generator.js';
export { loadDataset, type LoadSummary } from './load-dataset.js';
