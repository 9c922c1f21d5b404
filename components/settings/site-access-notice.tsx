/**
 * Says when Firefox no longer lets R2P Lens highlight some of its UN and R2P sites by itself (the
 * user withdrew the access in the Add-ons Manager), and asks for it back at a click.
 */
import { useEffect, useState } from 'react';
import { askSitesBack, withdrawablePermissions, withdrawnSites } from '@/lib/settings/site-access';

export function SiteAccessNotice() {
  const perms = withdrawablePermissions();
  const [withdrawn, setWithdrawn] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!perms) return;
    let live = true;
    const refresh = () => void withdrawnSites(perms).then((w) => live && setWithdrawn(w));
    refresh();
    perms.onAdded.addListener(refresh);
    perms.onRemoved.addListener(refresh);
    return () => {
      live = false;
      perms.onAdded.removeListener(refresh);
      perms.onRemoved.removeListener(refresh);
    };
  }, [perms]);
  if (!perms || withdrawn.length === 0) return message ? <p role="status">{message}</p> : null;

  const allow = () =>
    void askSitesBack(perms, withdrawn).then(async (ok) => {
      setWithdrawn(await withdrawnSites(perms));
      setMessage(ok ? 'Access given back: reload the pages open on those sites to highlight them.' : 'Firefox did not give the access back; nothing changed.');
    });
  return (
    <div className="site-access" role="note">
      <p>
        Firefox no longer lets R2P Lens highlight {withdrawn.join(', ')} by itself (the access was withdrawn in the Add-ons Manager). You can
        still highlight a page there from the toolbar button.
      </p>
      <button type="button" onClick={allow}>
        Allow these sites again
      </button>
      {message && <p role="status">{message}</p>}
    </div>
  );
}
