import type { FrameLocator, Page } from '@playwright/test';

/** Where the player is: the page itself, or the frame an LMS puts it in. */
type Player = Page | FrameLocator;

/** Pick a scene's choice by its label and go on. */
export async function choose(player: Player, label: RegExp) {
  await player.getByRole('link', { name: label }).click();
  await player.getByRole('button', { name: 'Continue' }).click();
}

/** Answer a decision's seven questions (`answers`: y/n for a–g), make the call, submit and go on. */
export async function decide(player: Player, answers: string, call: string) {
  for (const [i, letter] of ['a', 'b', 'c', 'd', 'e', 'f', 'g'].entries())
    await player
      .getByRole('group', { name: new RegExp(`^${letter}\\. `) })
      .getByText(answers[i] === 'y' ? 'Yes' : 'No', { exact: true })
      .click();
  await player.getByRole('group', { name: 'Your call' }).getByText(call).click();
  await player.getByRole('button', { name: 'Submit my answers' }).click();
  await player.getByRole('button', { name: 'Continue' }).click();
}

const TYPES: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  css: 'text/css',
  svg: 'image/svg+xml',
};

/** The content type a package file is served with. */
export const contentType = (file: string) => TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
