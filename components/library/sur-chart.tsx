/** Per session for one State under Review: recommendations received, how many atrocity-relevant, share supported. */
import type { SessionBar } from '@/lib/library/search-index';

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function SurChart({ sur, bars }: { sur: string; bars: SessionBar[] }) {
  if (!bars.length) return null;
  const max = Math.max(...bars.map((b) => b.received));
  const barW = 28;
  const gap = 14;
  const h = 120;
  // Room above the tallest bar for its count.
  const top = 14;
  const width = bars.length * (barW + gap) + gap;
  const summary = bars.map((b) => `session ${b.session}: ${b.received} received, ${b.relevant} relevant, ${pct(b.shareSupported)} supported`).join('; ');
  return (
    <figure className="sur-chart" aria-labelledby="sur-chart-caption">
      <figcaption id="sur-chart-caption">Recommendations to {sur} per session</figcaption>
      <svg role="img" aria-label={`${sur}: ${summary}`} viewBox={`0 ${-top} ${width} ${h + 34 + top}`} width={Math.min(width, 560)} preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          const x = gap + i * (barW + gap);
          const rh = (b.received / max) * h;
          const vh = (b.relevant / max) * h;
          return (
            <g key={b.session} className="sur-bar">
              <rect className="bar-received" x={x} y={h - rh} width={barW} height={rh} />
              <rect className="bar-relevant" x={x} y={h - vh} width={barW} height={vh} />
              <text x={x + barW / 2} y={h - rh - 3} textAnchor="middle" className="bar-value">
                {b.received}
              </text>
              <text x={x + barW / 2} y={h + 14} textAnchor="middle">
                {b.session}
              </text>
              <text x={x + barW / 2} y={h + 28} textAnchor="middle" className="bar-share">
                {pct(b.shareSupported)}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="muted chart-legend">
        <span className="key key-received" aria-hidden="true" /> received <span className="key key-relevant" aria-hidden="true" /> atrocity-relevant · below each
        bar: session and share supported
      </p>
      <details>
        <summary>Show as a table</summary>
        <div className="scroll-x">
          <table className="sur-table">
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Received</th>
                <th scope="col">Atrocity-relevant</th>
                <th scope="col">Supported</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.session}>
                  <th scope="row">{b.session}</th>
                  <td>{b.received}</td>
                  <td>{b.relevant}</td>
                  <td>
                    {b.supported} ({pct(b.shareSupported)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
