/**
 * The first-run page, opened once on install: what R2P Lens does, where it highlights by itself
 * (changeable right here), a one-minute tour, and the bundled demo page to try it on.
 */
import { DEFAULT_SITES } from '@/lib/settings/highlight-sites';
import { HighlightSettingsPanel } from '../settings/highlight-settings';
import '../options/page.css';

export function WelcomeApp() {
  return (
    <main className="page-main welcome">
      <header>
        <h1>Welcome to R2P Lens</h1>
        <p className="lead">
          The Secretary-General’s recommendations on the Responsibility to Protect, the UN Framework of Analysis for
          Atrocity Crimes and the instruments behind them, offline, beside the UN documents you read.
        </p>
      </header>

      <section aria-labelledby="what-h">
        <h2 id="what-h">What it does</h2>
        <ul>
          <li>
            <strong>Search</strong> the Secretary-General’s R2P reports, risk factors and legal instruments from the side
            panel, with citations you can paste.
          </li>
          <li>
            <strong>Highlight</strong> R2P concepts (crimes, risk factors, mechanisms) on the pages you read; point at one
            to see what it means and what has been recommended about it.
          </li>
          <li>
            <strong>Draft</strong> for a Universal Periodic Review: assess the risk indicators, collect evidence, write
            questions and recommendations, build the oral statement against your speaking time.
          </li>
        </ul>
        <p className="muted">
          Everything stays in this browser. R2P Lens sends nothing anywhere and has no analytics.
        </p>
      </section>

      <section aria-labelledby="sites-h">
        <h2 id="sites-h">Where it highlights by itself</h2>
        <p>
          On {DEFAULT_SITES.length} UN and R2P sites ({DEFAULT_SITES.slice(0, 3).join(', ')} and others, listed below)
          concepts are highlighted as soon as a page opens. Remove any of them, or add the sites you read most; you can
          change this later in the settings.
        </p>
        <HighlightSettingsPanel />
      </section>

      <section aria-labelledby="tour-h">
        <h2 id="tour-h">A one-minute tour</h2>
        <ol className="tour">
          <li>
            <h3>Search</h3>
            <p>
              Click the R2P Lens button in the toolbar and choose <em>Open side panel</em>. Type “early warning” or “hate
              speech”: the recommendations and risk factors that match appear at once, with their source.
            </p>
          </li>
          <li>
            <h3>Highlight</h3>
            <p>
              Open the demo page below. Concepts are marked in colour; point at one (or press Alt+Shift+N to go to the next)
              for a card with its meaning and the recommendations about it. On other sites, press Alt+Shift+H or use the
              toolbar button.
            </p>
          </li>
          <li>
            <h3>Draft</h3>
            <p>
              In the side panel’s <em>Reviews</em> tab, start a review of a State, mark the risk indicators you see, and
              draft questions and recommendations. Select text on a page and choose <em>Add to evidence</em> from the right
              click menu. Everything is saved as you type.
            </p>
          </li>
        </ol>
      </section>

      <section aria-labelledby="try-h">
        <h2 id="try-h">Try it</h2>
        <p>
          The demo page holds an excerpt of a real UN document: the report of the Working Group on the Universal Periodic
          Review of Bosnia and Herzegovina (A/HRC/28/17).
        </p>
        <p className="page-actions">
          <a className="button" href="demo.html" target="_blank" rel="noopener">
            Open the demo page
          </a>
          <a className="button secondary" href="options.html">
            Open the settings
          </a>
        </p>
      </section>
    </main>
  );
}
