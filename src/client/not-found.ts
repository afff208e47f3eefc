/**
 * The 404 page's only script, inlined (and allowed by its hash) because a host shows that page at
 * whatever address was missing, where no relative link to a script file would resolve. It finds the
 * site's root by looking for the web manifest in each folder above the missing address, then points
 * the page's links there. Kept self-contained: its source text is what the page embeds.
 */
export function pointLinksAtSiteRoot(): void {
  const folders = location.pathname.split('/').filter(Boolean);
  void (async () => {
    for (let depth = folders.length; depth >= 0; depth--) {
      const root = `/${folders.slice(0, depth).join('/')}${depth ? '/' : ''}`;
      const response = await fetch(`${root}manifest.webmanifest`, { method: 'HEAD' }).catch(() => undefined);
      if (response?.ok && !response.headers.get('content-type')?.includes('text/html')) {
        for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-path]'))
          link.href = root + (link.dataset.path ?? '');
        return;
      }
    }
  })();
}
