/**
 * The oral statement: pick drafts and put them in speaking order (each draft listed once; compact
 * up and down buttons, or Alt+Up / Alt+Down on an item), an opening and a closing line, the lead-in
 * before the recommendations ("Ireland recommends that the Syrian Arab Republic:"), live word count
 * and speaking time against the time the delegation has.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { R2PDatabase } from '@/lib/db/database';
import type { DraftRow, ReviewRow, StatementRow } from '@/lib/db/rows';
import { delegationInSentence, type StateNames } from '@/lib/catalogue/state-in-sentence';
import { getStatement, moveItem, saveStatement } from '@/lib/reviews/statement';
import { blocksToText, leadIn, statementBlocks } from '@/lib/reviews/statement-text';
import { updateReview } from '@/lib/reviews/reviews';
import { readSpeakingPace } from '@/lib/settings/speaking-pace';
import { cutAtWord } from '@/lib/text/cut-at-word';
import { countWords, DEFAULT_WORDS_PER_MINUTE, formatDuration, MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE, speakingTime } from '@/lib/upr/speaking-time';
import { useKnowledge } from '../knowledge-context';
import { AutosaveField } from './autosave-field';
import { useAutosave } from './autosave-context';

interface Props {
  db: R2PDatabase;
  review: ReviewRow;
  state: StateNames;
  drafts: DraftRow[];
  labelOf: (id: string) => string;
  /** Called when the delegation is set here, so other fields showing it read it again. */
  onDelegationSet?: () => void;
}

/** How long an item's label may be: a line or two of the 360-pixel side panel. */
const LABEL_CHARACTERS = 64;

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

/** Asks once for the delegation the lead-in names; until then the statement says "We recommend". */
function DelegationPrompt({ db, review, onSet }: { db: R2PDatabase; review: ReviewRow; onSet?: () => void }) {
  const [value, setValue] = useState('');
  const set = (e: React.FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return;
    void updateReview(db, review.id, { delegation: value.trim() }).then(() => onSet?.());
  };
  return (
    <form className="delegation-prompt" onSubmit={set} aria-label="Your delegation">
      <label htmlFor="st-delegation">Your delegation, for the lead-in (until then: “We recommend”)</label>
      <span className="inline-field">
        <input id="st-delegation" type="text" value={value} placeholder="e.g. Ireland" onChange={(e) => setValue(e.target.value)} />
        <button type="submit" className="secondary small">
          Set
        </button>
      </span>
    </form>
  );
}

function StatementEditor({ db, review, state, drafts, labelOf, statement, defaultPace, onDelegationSet }: Props & { statement: StatementRow; defaultPace: number }) {
  const kb = useKnowledge();
  // Every write creates the row at the settings' pace if it does not exist yet.
  const save = (patch: Parameters<typeof saveStatement>[2]) => saveStatement(db, review.id, patch, Date.now(), defaultPace);
  const { edit } = useAutosave();
  const [opening, setOpening] = useState(statement.opening);
  const [closing, setClosing] = useState(statement.closing);
  const [pace, setPace] = useState(String(statement.pace));
  const [minutes, setMinutes] = useState(String(Math.floor(statement.allottedSeconds / 60)));
  const [seconds, setSeconds] = useState(String(statement.allottedSeconds % 60));
  const field = (f: 'opening' | 'closing' | 'pace' | 'allottedSeconds') => ({ table: 'statements', reviewId: review.id, field: f, defaultPace }) as const;
  // Local, so a tick or a move shows at once; each change is written straight away.
  const [chosen, setChosen] = useState(statement.items);
  // A colleague's order (shared review) replaces the one on screen.
  const savedOrder = statement.items.join('\n');
  useEffect(() => setChosen(statement.items), [savedOrder]); // eslint-disable-line react-hooks/exhaustive-deps
  const items = chosen.filter((id) => drafts.some((d) => d.id === id));
  const rest = drafts.filter((d) => !items.includes(d.id));
  const setItems = (next: string[]) => {
    setChosen(next);
    void save({ items: next });
  };
  // After a move, the moved item's button keeps the focus (or its other button, at the top or bottom).
  const list = useRef<HTMLOListElement>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  useEffect(() => {
    if (!focusAfterMove || !list.current) return;
    const row = list.current.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(focusAfterMove.id)}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`button[data-dir="${focusAfterMove.dir}"]`);
    const target = wanted && !wanted.disabled ? wanted : row?.querySelector<HTMLButtonElement>('button:not(:disabled)');
    target?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);
  const move = (index: number, dir: 'up' | 'down') => {
    const next = moveItem(items, index, dir === 'up' ? -1 : 1);
    if (next.join() === items.join()) return;
    setItems(next);
    setFocusAfterMove({ id: items[index]!, dir });
  };

  const voice = { delegation: delegationInSentence(review.delegation, kb), state: state.inSentence };
  const blocks = useMemo(() => statementBlocks({ opening, closing, items }, drafts, voice), [opening, closing, items, drafts, voice.delegation, voice.state]);
  const clampPace = (p: string) => Math.min(MAX_WORDS_PER_MINUTE, Math.max(MIN_WORDS_PER_MINUTE, Number(p) || statement.pace));
  const wpm = clampPace(pace);
  const allotted = Math.max(0, (Number(minutes) || 0) * 60 + (Number(seconds) || 0));
  const text = blocksToText(blocks, { spoken: true });
  const words = countWords(text);
  const time = speakingTime(text, wpm);
  const over = time > allotted;

  const saveAllotted = (m: string, s: string) => edit(field('allottedSeconds'), String((Number(m) || 0) * 60 + (Number(s) || 0)));
  const label = (d: DraftRow) => (d.text.trim() ? cutAtWord(d.text, LABEL_CHARACTERS) : '(empty draft)');

  return (
    <section className="statement-builder" aria-labelledby="statement-h">
      <h3 id="statement-h">Oral statement</h3>
      <AutosaveField label="Opening line" multiline rows={2} initial={statement.opening} edit={field('opening')} onInput={setOpening} placeholder="Thank you, Mr. President. [Delegation] welcomes the delegation of …" />
      {review.delegation.trim() ? (
        <p className="muted lead-in">
          Lead-in: <q>{leadIn(voice)}</q>
        </p>
      ) : (
        <DelegationPrompt db={db} review={review} onSet={onDelegationSet} />
      )}
      <fieldset className="statement-items">
        <legend>Items, in speaking order</legend>
        {drafts.length === 0 && <p className="muted">Draft questions or recommendations first.</p>}
        {items.length > 0 && (
          <ol className="statement-order" aria-label="Speaking order" ref={list}>
            {items.map((id, i) => {
              const d = drafts.find((x) => x.id === id)!;
              const name = labelOf(id);
              return (
                <li
                  key={id}
                  data-item-id={id}
                  onKeyDown={(e) => {
                    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                    e.preventDefault();
                    move(i, e.key === 'ArrowUp' ? 'up' : 'down');
                  }}
                >
                  <input type="checkbox" checked aria-label={`Include ${name}`} aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown" onChange={() => setItems(items.filter((x) => x !== id))} />
                  <span className="item-label" title={d.text.trim()}>
                    <strong>{name}</strong> {label(d)}
                  </span>
                  <span className="order-buttons">
                    <button type="button" className="secondary small icon" data-dir="up" aria-label={`Move ${name} up`} title="Move up (Alt+Up)" disabled={i === 0} onClick={() => move(i, 'up')}>
                      ↑
                    </button>
                    <button type="button" className="secondary small icon" data-dir="down" aria-label={`Move ${name} down`} title="Move down (Alt+Down)" disabled={i === items.length - 1} onClick={() => move(i, 'down')}>
                      ↓
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {rest.length > 0 && (
          <ul className="statement-rest" aria-label="Not in the statement">
            {rest.map((d) => (
              <li key={d.id}>
                <label>
                  <input type="checkbox" checked={false} onChange={() => setItems([...items, d.id])} />
                  <span className="item-label" title={d.text.trim()}>
                    <strong>{labelOf(d.id)}</strong> {label(d)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <AutosaveField label="Closing line" multiline rows={2} initial={statement.closing} edit={field('closing')} onInput={setClosing} placeholder="We wish … every success in its review." />
      <div className="field-row timing">
        <div className="field">
          <label htmlFor="st-pace">Pace (words per minute)</label>
          <input id="st-pace" type="number" min={MIN_WORDS_PER_MINUTE} max={MAX_WORDS_PER_MINUTE} value={pace} onChange={(e) => (setPace(e.target.value), edit(field('pace'), e.target.value))} />
        </div>
        {/* Minutes and seconds wrap together: "seconds" alone on a line reads as a field of its own. */}
        <div className="allotted">
          <div className="field">
            <label htmlFor="st-min">Time allotted: minutes</label>
            <input id="st-min" type="number" min={0} value={minutes} onChange={(e) => (setMinutes(e.target.value), saveAllotted(e.target.value, seconds))} />
          </div>
          <div className="field">
            <label htmlFor="st-sec">seconds</label>
            <input id="st-sec" type="number" min={0} max={59} value={seconds} onChange={(e) => (setSeconds(e.target.value), saveAllotted(minutes, e.target.value))} />
          </div>
        </div>
      </div>
      <p className={over ? 'timing-result over' : 'timing-result'} aria-live="polite">
        {words} words · about {formatDuration(time)} at {wpm} words a minute · {formatDuration(allotted)} allotted
        {over && <strong> · Over by {formatDuration(time - allotted)}: cut or shorten an item.</strong>}
      </p>
      {blocks.length > 0 && (
        <details className="statement-preview">
          <summary>Read the statement</summary>
          {blocks.map((b, i) =>
            b.kind === 'paragraph' ? (
              <p key={i}>{b.text}</p>
            ) : (
              <div key={i}>
                <p>{b.leadIn}</p>
                <ol>
                  {b.clauses.map((c, n) => (
                    <li key={n}>{c}</li>
                  ))}
                </ol>
              </div>
            ),
          )}
        </details>
      )}
    </section>
  );
}
