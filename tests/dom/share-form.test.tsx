import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ShareForm } from '@/components/reviews/share-form';
import { labelledIn, setValue, settle, useDatabase, useScreen } from './support/ui';

const screen = useScreen();
const data = useDatabase('share-form');
const LINK = 'wss://r2p.mission.example/team#r2p.abc123def456';

describe('the join form takes a share link however it arrives', () => {
  const render = () => screen.render(<ShareForm db={data.db} onDone={() => {}} onCancel={() => {}} />);
  const address = () => labelledIn(screen.container, 'Share link or server address');
  const token = () => labelledIn(screen.container, 'Token');

  it('keeps a link typed key by key whole, the "#" and the token after it included', async () => {
    render();
    await settle();
    for (const key of LINK) {
      setValue(address(), address().value + key);
      await settle(0);
    }
    expect(address().value).toBe(LINK);
    // Leaving the field puts the token where it belongs.
    act(() => void address().dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    await settle();
    expect([address().value, token().value]).toEqual(['wss://r2p.mission.example/team', 'r2p.abc123def456']);
  });

  it('splits a pasted link into the address and the token', async () => {
    render();
    await settle();
    setValue(address(), LINK);
    await settle();
    expect([address().value, token().value]).toEqual(['wss://r2p.mission.example/team', 'r2p.abc123def456']);
  });
});
