/** JSON safe to place inside a <script type="application/json"> element (no `</script>` can close it early). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The data a page wrote with `jsonForScript` into the `<script type="application/json">` matching
 * `selector`, checked by `parse` (a schema's `safeParse`); undefined when it is missing, not JSON or
 * not what the page's code expects.
 */
export function readJsonScript<T>(
  selector: string,
  parse: (data: unknown) => { success: true; data: T } | { success: false },
): T | undefined {
  let data: unknown;
  try {
    data = JSON.parse(document.querySelector(selector)?.textContent ?? '');
  } catch {
    return undefined;
  }
  const checked = parse(data);
  return checked.success ? checked.data : undefined;
}
