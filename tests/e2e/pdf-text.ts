import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF, page by page, as a reader copying it out would get it (pdf.js, Mozilla's PDF reader),
 * and whether its first page is landscape (wider than tall).
 */
export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string; landscape: boolean }> {
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  const pages: string[] = [];
  const first = (await doc.getPage(1)).getViewport({ scale: 1 });
  const landscape = first.width > first.height;
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const count = doc.numPages;
  await task.destroy();
  return { pages: count, text: pages.join('\n').replace(/[ \t]+/g, ' '), landscape };
}
