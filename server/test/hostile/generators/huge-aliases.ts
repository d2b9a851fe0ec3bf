/** Queries that ask for one large field many times over, through aliases. */
export function aliasedReportText(reportId: string, aliases: number): string {
  return `{ report(id: "${reportId}") { ${Array.from({ length: aliases }, (_, i) => `copy${i}: text`).join(' ')} } }`;
}
