/** A small, hand-checked report: every rule holds, so each test can break exactly one thing. */
import { applicationRowKeys, type ParsedReportCore, type Template } from '../src/index.js';

/** Section 三 of a 2021 report with （六） printed as three sub-rows; columns: 自然人 … 其他, 总计. */
const ROWS_2021: Record<string, number[]> = {
  newReceived: [40, 6, 0, 0, 2, 2, 50],
  carriedOver: [4, 1, 0, 0, 0, 0, 5],
  granted: [20, 3, 0, 0, 1, 1, 25],
  partiallyGranted: [5, 0, 0, 0, 0, 0, 5],
  'withheld.stateSecret': [1, 0, 0, 0, 0, 0, 1],
  'withheld.lawProhibited': [0, 0, 0, 0, 0, 0, 0],
  'withheld.securityStability': [0, 0, 0, 0, 0, 0, 0],
  'withheld.thirdPartyRights': [2, 1, 0, 0, 0, 0, 3],
  'withheld.internalAffairs': [0, 0, 0, 0, 0, 0, 0],
  'withheld.processInformation': [1, 0, 0, 0, 0, 0, 1],
  'withheld.enforcementFiles': [0, 0, 0, 0, 0, 0, 0],
  'withheld.administrativeQuery': [0, 0, 0, 0, 0, 0, 0],
  'unableToProvide.notHeld': [8, 1, 0, 0, 0, 1, 10],
  'unableToProvide.needsCreation': [1, 0, 0, 0, 0, 0, 1],
  'unableToProvide.stillUnclear': [0, 0, 0, 0, 0, 0, 0],
  'notProcessed.complaint': [2, 0, 0, 0, 0, 0, 2],
  'notProcessed.repeated': [1, 0, 0, 0, 0, 0, 1],
  'notProcessed.publication': [0, 0, 0, 0, 0, 0, 0],
  'notProcessed.massRepeated': [0, 0, 0, 0, 0, 0, 0],
  'notProcessed.confirmation': [0, 0, 0, 0, 0, 0, 0],
  'otherHandling.overdueCorrection': [1, 1, 0, 0, 0, 0, 2],
  'otherHandling.overdueFee': [0, 0, 0, 0, 0, 0, 0],
  'otherHandling.other': [0, 0, 0, 0, 1, 0, 1],
  total: [42, 6, 0, 0, 2, 2, 52],
  carriedForward: [2, 1, 0, 0, 0, 0, 3],
};

export function consistentReport(template: Template = '2021'): ParsedReportCore {
  const applications: Record<string, (number | null)[]> = {};
  for (const key of applicationRowKeys(template === '2019')) {
    if (key === 'otherHandling') {
      // The 2019 single row: the sum of the three 2021 sub-rows, column by column.
      applications[key] = ROWS_2021['otherHandling.overdueCorrection']!.map(
        (v, c) => v + ROWS_2021['otherHandling.overdueFee']![c]! + ROWS_2021['otherHandling.other']![c]!,
      );
    } else applications[key] = [...ROWS_2021[key]!];
  }
  return {
    schemaVersion: 1,
    agency: '某某市教育局',
    year: 2024,
    template,
    publishedOn: '2025-01-20',
    activeDisclosure:
      template === '2021'
        ? {
            regulations: { issued: 0, repealed: 0, inForce: 2 },
            normativeDocuments: { issued: 6, repealed: 1, inForce: 32 },
            licensing: { decisions: 1200 },
            penalty: { decisions: 30 },
            coercion: { decisions: 2 },
            fees: { amountWan: 12.5 },
          }
        : {
            regulations: { made: 0, published: 0, totalPublished: 3 },
            normativeDocuments: { made: 6, published: 6, totalPublished: 40 },
            licensing: { previousItems: 20, change: 1, decisions: 1200 },
            otherServices: { previousItems: 5, change: 0, decisions: 10 },
            penalty: { previousItems: 8, change: -1, decisions: 30 },
            coercion: { previousItems: 2, change: 0, decisions: 2 },
            fees: { previousItems: 3, change: 0 },
            procurement: { projects: 4, amountWan: 120 },
          },
    applications,
    reviewLitigation: {
      review: [2, 1, 0, 1, 4],
      litigationDirect: [1, 0, 0, 0, 1],
      litigationAfterReview: [0, 1, 0, 1, 2],
    },
  };
}
