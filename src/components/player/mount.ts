import { mount } from 'svelte';
import type { Scenario } from '../../engine/model.ts';
import Player from './Player.svelte';
import { connectLms } from '../../lib/lms/connect.ts';

/**
 * Start the player on every `[data-player]` element of the page. The scenario graph comes from the
 * JSON the page embeds beside it (`script[type="application/json"][data-scenario]`). Mounting here,
 * rather than through an Astro client directive, keeps inline scripts off the page (a strict
 * Content-Security-Policy needs none) and skips hydrating markup the player never re-renders.
 */
for (const root of document.querySelectorAll<HTMLElement>('[data-player]')) {
  const data = root.querySelector('script[data-scenario]')?.textContent;
  const target = root.querySelector<HTMLElement>('[data-player-live]');
  if (!data || !target) continue;
  const { scenario, hash } = JSON.parse(data) as { scenario: Scenario; hash: string };
  const lms = connectLms(scenario, hash); // LMS hook (issue 13): undefined outside an LMS.
  mount(Player, { target, props: { scenario, hash, root, lms } });
}
