/**
 * How the catalogue search read the query: "Showing results for Rome Statute" after a corrected
 * typo (with a way back to the words as typed), the topic of a question, and words no entry holds.
 */
import type { CatalogueReading } from '@/lib/catalogue/search';
import './search-reading.css';

interface Props {
  /** The query as typed. */
  typed: string;
  /** The reading behind the results shown. */
  reading: CatalogueReading;
  /** The reading with corrections, to offer again when the words as typed are shown. */
  corrected: CatalogueReading;
  literal: boolean;
  onLiteral: (on: boolean) => void;
}

export function SearchReading({ typed, reading, corrected, literal, onLiteral }: Props) {
  const lines: React.ReactNode[] = [];
  if (literal) {
    lines.push(
      <>
        Showing results for the words as typed.{' '}
        <button type="button" className="link-button" onClick={() => onLiteral(false)}>
          Search for {corrected.searched} instead
        </button>
      </>,
    );
  } else if (reading.corrected || reading.dropped.length) {
    lines.push(
      <>
        {reading.corrected ? 'Showing results for' : 'Searching for'} <strong>{reading.searched}</strong>
        {reading.dropped.length > 0 && <> (the question’s words left out: {reading.dropped.join(' ')})</>}.{' '}
        <button type="button" className="link-button" onClick={() => onLiteral(true)}>
          {reading.corrected ? <>Search instead for “{typed}”</> : 'Search all the words'}
        </button>
      </>,
    );
  }
  if (reading.missing.length) {
    lines.push(<>{reading.missing.map((w) => `“${w}”`).join(', ')} {reading.missing.length === 1 ? 'is' : 'are'} in no recommendation.</>);
  }
  if (!lines.length) return null;
  return (
    <div className="search-reading muted">
      {lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </div>
  );
}
