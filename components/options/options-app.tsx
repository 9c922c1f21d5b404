/** The settings page: highlighting (sites, categories, colours, pause), speaking pace, and data. */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { database } from '@/lib/db/database';
import type { DataEnv } from '@/lib/export/everything';
import { HighlightSettingsPanel } from '../settings/highlight-settings';
import { DataSettings } from './data-settings';
import { SpeakingPaceSetting } from './speaking-pace-setting';
import './page.css';

export function OptionsApp({ env = browserDataEnv() }: { env?: DataEnv }) {
  // After an import or a delete, settings read once on mount are read again.
  const [generation, setGeneration] = useState(0);
  return (
    <main className="page-main options">
      <header>
        <h1>R2P Lens settings</h1>
        <p className="muted">
          Saved in this browser as you change them. New here? <a href="welcome.html">Read the welcome page and take the tour</a>.
        </p>
      </header>
      <HighlightSettingsPanel />
      <SpeakingPaceSetting key={generation} />
      <DataSettings env={env} onChanged={() => setGeneration((g) => g + 1)} />
    </main>
  );
}

function browserDataEnv(): DataEnv {
  return {
    db: database(),
    storage: {
      get: (keys) => browser.storage.local.get(keys),
      set: (items) => browser.storage.local.set(items),
      clear: () => browser.storage.local.clear(),
    },
    permissions: { remove: (p) => browser.permissions.remove(p) },
  };
}
