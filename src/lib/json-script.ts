/** JSON safe to place inside a <script type="application/json"> element (no `</script>` can close it early). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
