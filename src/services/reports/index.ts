/** The weekly quantified report (量化式报告): computed for any week, as .xlsx and printable HTML, issued and archived. This index is the feature's one entry. */
export { getIssuedReportOrThrow, issueWeeklyReport, listIssuedReports, reportEntryView } from './archive.ts';
export { issueDueWeeklyReports } from './auto-issue.ts';
export { weeklyReportHtml } from './html.ts';
export { weeklyReport, weekRangeOrThrow } from './weekly.ts';
export { weeklyReportWorkbook, workbookHeaders } from './xlsx.ts';
