/** Which risk factors carry the most present indicators, at a glance. */
import type { FactorSummary } from '@/lib/reviews/indicators';

export function RiskSummary({ summary }: { summary: FactorSummary[] }) {
  return (
    <section className="risk-summary" aria-labelledby="risk-summary-h">
      <h3 id="risk-summary-h">Summary</h3>
      {summary.length === 0 ? (
        <p className="muted">No indicator is marked present or partly present yet.</p>
      ) : (
        <ol>
          {summary.map((s) => (
            <li key={s.factor.id}>
              <strong>
                {s.factor.framework === 'foa-2014' ? `Risk factor ${s.factor.number}` : s.factor.kind === 'trigger' ? '2013 trigger' : `2013 risk factor ${s.factor.number}`}
                : {s.factor.title}
              </strong>{' '}
              <span className="muted">
                {s.present} present{s.partly ? `, ${s.partly} partly` : ''} of {s.total}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
