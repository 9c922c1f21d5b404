/**
 * The oral statement: pick drafts and put them in speaking order (Up/Down buttons, keyboard
 * friendly), an opening and a closing line, live word count and speaking time against the time
 * the delegation has.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { R2PDatabase } from '@/lib/db/database';
import type { DraftRow, ReviewRow, StatementRow } from '@/lib/db/rows';
import { getStatement, moveItem, saveStatement, statementParagraphs } from '@/lib/reviews/statement';
import { readSpeakingPace } from '@/lib/settings/speaking-pace';
import { countWords, DEFAULT_WORDS_PER_MINUTE, formatDuration, MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE, speakingTime } from '@/lib/upr/speaking-time';
import { AutosaveField } from './autosave-field';
import { useAutosave } from './autosave-context';

interface Props {
  db: R2PDatabase;
  review: ReviewRow;
  drafts: DraftRow[];
  labelOf: (id: string) => string;
}

export function StatementBuilder(props: Props) {
  // The pace from the settings page: where a statement not yet saved starts.
  const [defaultPace, setDefaultPace] = useState<number>();
  useEffect(() => {
    let live = true;
    void readSpeakingPace().then((p) => live && setDefaultPace(p), () => live && setDefaultPace(DEFAULT_WORDS_PER_MINUTE));
    return () => void (live = false);
  }, []);
  const statement = useLiveQuery(
    () => (defaultPace === undefined ? undefined : getStatement(props.db, props.review.id, defaultPace)),
    [props.db, props.review.id, defaultPace],
  );
  if (!statement || defaultPace === undefined) return null;
  return <StatementEditor {...props} statement={statement} defaultPace={defaultPace} />;
}

function StatementEditor({ db, review, drafts, labelOf, statement, defaultPace }: Props & { statement: StatementRow; defaultPace: number }) {
  // Every write creates the row at the settings' pace if it does not exist yet.
  const save = (patch: Parameters<typeof saveStatement>[2]) => saveStatement(db, review.id, patch, Date.now(), defaultPace);
  const { schedule } = useAutosave();
  const [opening, setOpening] = useState(statement.opening);
  const [closing, setClosing] = useState(statement.closing);
  const [pace, setPace] = useState(String(statement.pace));
  const [minutes, setMinutes] = useState(String(Math.floor(statement.allottedSeconds / 60)));
  const [seconds, setSeconds] = useState(String(statement.allottedSeconds % 60));
  const key = (f: string) => `statement:${review.id}:${f}`;
  // Local, so a tick or a move shows at once; each change is written straight away.
  const [chosen, setChosen] = useState(statement.items);
  // A colleague's order (shared review) replaces the one on screen.
  const savedOrder = statement.items.join('\n');
  useEffect(() => setChosen(statement.items), [savedOrder]); // eslint-disable-line react-hooks/exhaustive-deps
  const items = chosen.filter((id) => drafts.some((d) => d.id === id));
  const setItems = (next: string[]) => {
    setChosen(next);
    void save({ items: next });
  };

  const clampPace = (p: string) => Math.min(MAX_WORDS_PER_MINUTE, Math.max(MIN_WORDS_PER_MINUTE, Number(p) || statement.pace));
  const wpm = clampPace(pace);
  const allotted = Math.max(0, (Number(minutes) || 0) * 60 + (Number(seconds) || 0));
  const text = statementParagraphs({ opening, closing, items }, drafts).join('\n\n');
  const words = countWords(text);
  const time = speakingTime(text, wpm);
  const over = time > allotted;

  const saveTiming = (p: string, m: string, s: string) =>
    schedule(key('timing'), () =>
      save({
        pace: clampPace(p),
        allottedSeconds: Math.max(0, (Number(m) || 0) * 60 + (Number(s) || 0)),
      }),
    );
  const preview = (d: DraftRow) => (d.text.trim() ? d.text.trim() : '(empty draft)');

  return (
    <section className="statement-builder" aria-labelledby="statement-h">
      <h3 id="statement-h">Oral statement</h3>
      <AutosaveField label="Opening line" multiline rows={2} initial={statement.opening} saveKey={key('opening')} onInput={setOpening} onSave={(v) => save({ opening: v })} placeholder="Thank you, Mr. President. [Delegation] welcomes the delegation of …" />
      <fieldset className="statement-pick">
        <legend>Include in the statement</legend>
        {drafts.length === 0 && <p className="muted">Draft questions or recommendations first.</p>}
        {drafts.map((d) => (
          <label key={d.id} className="pick">
            <input type="checkbox" checked={items.includes(d.id)} onChange={(e) => setItems(e.target.checked ? [...items, d.id] : items.filter((x) => x !== d.id))} />
            <span>
              <strong>{labelOf(d.id)}</strong>: {preview(d).slice(0, 90)}
            </span>
          </label>
        ))}
      </fieldset>
      {items.length > 0 && (
        <ol className="statement-order" aria-label="Speaking order">
          {items.map((id, i) => {
            const d = drafts.find((x) => x.id === id)!;
            return (
              <li key={id}>
                <span>
                  <strong>{labelOf(id)}</strong>: {preview(d).slice(0, 90)}
                </span>
                <span className="order-buttons">
                  <button type="button" className="secondary small" aria-label={`Move ${labelOf(id)} up`} disabled={i === 0} onClick={() => setItems(moveItem(items, i, -1))}>
                    Up
                  </button>
                  <button type="button" className="secondary small" aria-label={`Move ${labelOf(id)} down`} disabled={i === items.length - 1} onClick={() => setItems(moveItem(items, i, 1))}>
                    Down
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <AutosaveField label="Closing line" multiline rows={2} initial={statement.closing} saveKey={key('closing')} onInput={setClosing} onSave={(v) => save({ closing: v })} placeholder="We wish … every success in its review." />
      <div className="field-row timing">
        <div className="field">
          <label htmlFor="st-pace">Pace (words per minute)</label>
          <input id="st-pace" type="number" min={MIN_WORDS_PER_MINUTE} max={MAX_WORDS_PER_MINUTE} value={pace} onChange={(e) => (setPace(e.target.value), saveTiming(e.target.value, minutes, seconds))} />
        </div>
        <div className="field">
          <label htmlFor="st-min">Time allotted: minutes</label>
          <input id="st-min" type="number" min={0} value={minutes} onChange={(e) => (setMinutes(e.target.value), saveTiming(pace, e.target.value, seconds))} />
        </div>
        <div className="field">
          <label htmlFor="st-sec">seconds</label>
          <input id="st-sec" type="number" min={0} max={59} value={seconds} onChange={(e) => (setSeconds(e.target.value), saveTiming(pace, minutes, e.target.value))} />
        </div>
      </div>
      <p className={over ? 'timing-result over' : 'timing-result'} aria-live="polite">
        {words} words · about {formatDuration(time)} at {wpm} words a minute · {formatDuration(allotted)} allotted
        {over && <strong> · Over by {formatDuration(time - allotted)}: cut or shorten an item.</strong>}
      </p>
      {text && (
        <details className="statement-preview">
          <summary>Read the statement</summary>
          {text.split('\n\n').map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </details>
      )}
    </section>
  );
}
