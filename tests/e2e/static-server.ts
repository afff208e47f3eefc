/**
 * A plain static file server for the hosting test: serves `dist/` under a sub-folder prefix, the way
 * a city web server or an LMS would, with no knowledge of Astro. Usage: node static-server.ts PORT PREFIX
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const port = Number(process.argv[2] ?? 4392);
const prefix = process.argv[3] ?? '/fire/training/customer-service/';
const root = path.resolve('dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain',
  '.png': 'image/png',
};

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(prefix)) {
    res.writeHead(404).end('Not found');
    return;
  }
  let file = path.join(root, decodeURIComponent(url.pathname.slice(prefix.length)));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) file = path.join(file, 'index.html');
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    // Like a web server configured with the site's error page (e.g. nginx `error_page 404`).
    res.writeHead(404, { 'content-type': TYPES['.html']! });
    createReadStream(path.join(root, '404.html')).pipe(res);
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1');
