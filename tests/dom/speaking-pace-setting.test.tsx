/** The speaking pace set on the settings page is where a new oral statement starts; a saved one keeps its own. */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { R2PDatabase } from '@/lib/db/database';
import { settle, setValue, until, useDatabase, useScreen } from './support/ui';
import { createReview } from '@/lib/reviews/reviews';
import { saveStatement } from '@/lib/reviews/statement';
import { readSpeakingPace } from '@/lib/settings/speaking-pace';
import { AutosaveProvider } from '@/components/reviews/autosave-context';
import { StatementBuilder } from '@/components/reviews/statement-builder';
import { SpeakingPaceSetting } from '@/components/options/speaking-pace-setting';

const screen = useScreen();
const data = useDatabase('pace');
let db: R2PDatabase;
let container: HTMLDivElement;
beforeEach(() => {
  fakeBrowser.reset();
  ({ db } = data);
  ({ container } = screen);
});

describe('speaking pace setting', () => {
  it('is stored, refuses a pace out of range, and new statements start at it', async () => {
    await act(async () => screen.render(<SpeakingPaceSetting />));
    await until(() => !!container.querySelector('input'));
    const input = container.querySelector('input')!;
    expect(input.value).toBe('130');
    setValue(input, '20');
    await settle();
    expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/from 60 to 250/);
    expect(await readSpeakingPace()).toBe(130);
    setValue(input, '100');
    await until(() => /100 words a minute/.test(container.querySelector('[role="status"]')?.textContent ?? ''));
    expect(await readSpeakingPace()).toBe(100);

    const fresh = await createReview(db, { stateCode: 'KEN', delegation: 'Norway' });
    const older = await createReview(db, { stateCode: 'CHL', delegation: 'Norway' });
    await saveStatement(db, older.id, { pace: 150, opening: 'Thank you.' });
    const builder = (reviewId: string) => (
      <AutosaveProvider db={db}>
        <StatementBuilder db={db} review={reviewId === fresh.id ? fresh : older} state={{ code: 'KEN', name: 'Kenya', inSentence: 'Kenya' }} drafts={[]} labelOf={(id) => id} />
      </AutosaveProvider>
    );
    screen.render(builder(fresh.id));
    await until(() => !!container.querySelector('#st-pace'));
    expect(container.querySelector<HTMLInputElement>('#st-pace')!.value).toBe('100');
    expect(container.querySelector('.timing-result')!.textContent).toMatch(/at 100 words a minute/);

    screen.render(<div />);
    screen.render(builder(older.id));
    await until(() => !!container.querySelector('#st-pace'));
    expect(container.querySelector<HTMLInputElement>('#st-pace')!.value).toBe('150');
  });
});
