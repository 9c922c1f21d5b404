/** What an action did, or why it failed: read out politely, or at once when it is an error. */
export interface StatusMessage {
  text: string;
  error?: boolean;
}

export function StatusLine({ message }: { message: StatusMessage }) {
  return (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'muted'}>
      {message.text}
    </p>
  );
}
