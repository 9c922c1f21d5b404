/**
 * The "Highlighting" settings: a global pause, each category on or off with its colour, and the
 * sites highlighted automatically. Adding a site asks the browser for access to that site only,
 * at that moment; removing one gives the access back.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CATEGORY_LABELS } from '@/lib/catalogue/labels';
import {
  HIGHLIGHT_CATEGORIES,
  readHighlightSettings,
  setCategoryOn,
  updateHighlightSettings,
  watchHighlightSettings,
  type HighlightSettings,
} from '@/lib/settings/highlight-settings';
import { DEFAULT_SITES, siteFromInput, sitePatterns } from '@/lib/settings/highlight-sites';
import { SiteAccessNotice } from './site-access-notice';
import './highlight-settings.css';

export function HighlightSettingsPanel() {
  const [s, setS] = useState<HighlightSettings>();
  const [site, setSite] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    void readHighlightSettings().then(setS);
    return watchHighlightSettings(setS);
  }, []);
  if (!s) return null;

  const update = (change: (s: HighlightSettings) => HighlightSettings) =>
    void updateHighlightSettings(change).then(setS, () => setMessage('The setting could not be saved. Try again.'));

  const addSite = () => {
    const host = siteFromInput(site);
    if (!host) {
      setMessage(`“${site}” is not a web address. Type a site such as hrw.org.`);
      return;
    }
    const isDefault = (DEFAULT_SITES as readonly string[]).includes(host);
    // Asked inside the click: browsers grant permissions only in direct response to the user.
    const granted = isDefault ? Promise.resolve(true) : browser.permissions.request({ origins: sitePatterns([host]) });
    void granted.then(
      (ok) => {
        if (!ok) return setMessage(`R2P Lens was not given access to ${host}; it is not on the list.`);
        update((x) => ({
          ...x,
          addedSites: isDefault || x.addedSites.includes(host) ? x.addedSites : [...x.addedSites, host],
          removedSites: x.removedSites.filter((r) => r !== host),
        }));
        setSite('');
        setMessage(`${host} is highlighted automatically from now on (reload its open pages).`);
      },
      () => setMessage(`Access to ${host} could not be requested.`),
    );
  };

  const removeSite = (host: string) => {
    const isDefault = (DEFAULT_SITES as readonly string[]).includes(host);
    update((x) => ({
      ...x,
      addedSites: x.addedSites.filter((a) => a !== host),
      removedSites: isDefault && !x.removedSites.includes(host) ? [...x.removedSites, host] : x.removedSites,
    }));
    if (!isDefault) void browser.permissions.remove({ origins: sitePatterns([host]) }).catch(() => {});
    setMessage(`${host} is no longer highlighted automatically. You can still highlight a page from the toolbar button.`);
  };

  const automatic = [...DEFAULT_SITES.filter((d) => !s.removedSites.includes(d)), ...s.addedSites];
  return (
    <section className="highlight-settings" aria-labelledby="highlight-settings-title">
      <h2 id="highlight-settings-title">Highlighting</h2>
      <SiteAccessNotice />
      <label className="row">
        <span>Pause highlighting on every page</span>
        <input
          type="checkbox"
          checked={s.paused}
          onChange={(e) => {
            // Read now: the update runs after React has put the controlled box back.
            const paused = e.target.checked;
            update((x) => ({ ...x, paused }));
          }}
        />
      </label>
      <fieldset>
        <legend>What to highlight</legend>
        {HIGHLIGHT_CATEGORIES.map((c) => (
          <div className="row" key={c}>
            <label>
              <input
                type="checkbox"
                checked={s.categories[c].on}
                onChange={(e) => void setCategoryOn(c, e.target.checked).then(setS, () => setMessage('The setting could not be saved. Try again.'))}
              />{' '}
              {CATEGORY_LABELS[c]}
            </label>
            <input
              type="color"
              aria-label={`Colour for ${CATEGORY_LABELS[c]}`}
              value={s.categories[c].color}
              onChange={(e) => {
                const color = e.target.value;
                update((x) => ({ ...x, categories: { ...x.categories, [c]: { ...x.categories[c], color } } }));
              }}
            />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sites highlighted automatically</legend>
        <ul className="site-list" aria-label="Sites highlighted automatically">
          {automatic.map((host) => (
            <li className="row" key={host}>
              <span>{host}</span>
              <button type="button" className="secondary" aria-label={`Remove ${host}`} onClick={() => removeSite(host)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <form
          className="add-site"
          onSubmit={(e) => {
            e.preventDefault();
            addSite();
          }}
        >
          <input aria-label="Site to add" placeholder="e.g. hrw.org" value={site} onChange={(e) => setSite(e.target.value)} />
          <button type="submit">Add site</button>
        </form>
        <p className="muted">Elsewhere, highlight a page with the toolbar button or Alt+Shift+H. Nothing read on a page leaves your browser.</p>
      </fieldset>
      <p role="status" className="muted">
        {message}
      </p>
    </section>
  );
}
