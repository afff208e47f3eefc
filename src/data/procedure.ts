import { procedureHtml, procedureSource, readProcedure, trainedRows, type TrainedRow } from '../authoring/sop.ts';
import { loadScenarios } from './catalogue.ts';
import { loadLessons } from './lessons.ts';

/** The procedure page: where the text comes from, the text as HTML, and where each clause is trained. */
export async function loadProcedurePage(): Promise<{ source: string; html: string; rows: TrainedRow[] }> {
  const markdown = readProcedure();
  return {
    source: procedureSource(markdown),
    html: procedureHtml(markdown),
    rows: trainedRows(markdown, await loadScenarios(), await loadLessons()),
  };
}
