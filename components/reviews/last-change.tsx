/** "Supported · set by Bo at 14:02": who last set a one-value field of a shared review. */
import { useLastChange } from './share-context';

export function LastChange({ entity, field }: { entity: string; field: string }) {
  const cell = useLastChange(entity, field);
  if (!cell?.by) return null;
  const when = new Date(cell.at);
  const sameDay = when.toDateString() === new Date().toDateString();
  const at = sameDay ? when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : when.toLocaleDateString();
  return (
    <span className="last-change">
      set by {cell.by} {sameDay ? 'at' : 'on'} {at}
    </span>
  );
}
