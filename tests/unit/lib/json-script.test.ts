import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { jsonForScript, readPageData } from '../../../src/lib/json-script.ts';

const props = z.object({ title: z.string(), minutes: z.number() });
const check = (data: unknown) => props.safeParse(data);
/** A `<script type="application/json">` as the reader sees it. */
const script = (text: string | null) => ({ textContent: text }) as Element;

describe('readPageData: every page starts from its embedded data, checked', () => {
  it('gives back what the page wrote, even text that looks like a closing tag', () => {
    const data = { title: 'Kitchen </script> at two', minutes: 8 };
    expect(readPageData(script(jsonForScript(data)), check)).toEqual({ status: 'ok', data });
  });

  it('says why a page is damaged: missing, not JSON, or not the expected shape', () => {
    expect(readPageData(null, check)).toEqual({ status: 'damaged', reason: 'the page data is missing or is not JSON' });
    expect(readPageData(script('{"title": "cut of'), check)).toEqual({
      status: 'damaged',
      reason: 'the page data is missing or is not JSON',
    });
    expect(readPageData(script('{"title": "x", "minutes": "8"}'), check)).toEqual({
      status: 'damaged',
      reason: 'minutes: expected a number',
    });
  });
});
