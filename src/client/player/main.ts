import { connectLms } from '../../lib/lms/connect.ts';
import { startPlayer, type PlayerProps } from './player.ts';

/**
 * The scenario page's entry: start the player on every `[data-player]` element, with the props the
 * page embeds beside it (`script[type="application/json"][data-scenario]`). A bundled module rather
 * than an Astro client directive keeps inline scripts off the page (a strict Content-Security-Policy
 * needs none) and no framework runtime on it. The props are checked where the page writes them
 * (`satisfies PlayerProps`); unlike the other pages the player does not check them again on read,
 * which would cost the page its 20 KB budget (a damaged page still shows the scenario, unplayed).
 */
for (const root of document.querySelectorAll<HTMLElement>('[data-player]')) {
  const data = root.querySelector('script[data-scenario]')?.textContent;
  if (!data) continue;
  const props = JSON.parse(data) as PlayerProps;
  // Outside an LMS this is one query-string check and undefined; a cmi5 LMS answers after its launch data.
  const lms = connectLms(props.scenario, props.hash);
  startPlayer(root, props, lms && (await lms));
}
