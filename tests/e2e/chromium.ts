/** Launch flags for Debian's Chromium on a machine with no internet (shared by Playwright and the Lighthouse audit). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
