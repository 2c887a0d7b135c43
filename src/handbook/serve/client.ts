/**
 * The script `sop serve` adds to every page it sends (never to `sop build` output): it listens to
 * the server's events and reloads the page when the page changed, or fetches its lint banner again
 * when the lint's findings for it changed.
 */
export const LIVE_SCRIPT = `(() => {
  const page = location.pathname.endsWith('/') ? location.pathname + 'index.html' : location.pathname;
  const concerns = (pages) => pages.includes('*') || pages.includes(page);
  const events = new EventSource('/__sop/events');
  events.addEventListener('reload', (event) => {
    if (concerns(JSON.parse(event.data))) location.reload();
  });
  events.addEventListener('lint', (event) => {
    if (!concerns(JSON.parse(event.data))) return;
    fetch('/__sop/banner?page=' + encodeURIComponent(page), { cache: 'no-store' })
      .then((response) => response.text())
      .then((html) => {
        const slot = document.getElementById('sop-serve-banner');
        if (slot) slot.innerHTML = html;
      })
      .catch(() => {});
  });
})();
`;

/** The banner's look: plain, and the same in light and dark themes. */
export const LIVE_STYLE = [
  '.sop-serve-banner{margin:0 0 1rem;padding:.6rem .9rem;border:1px solid #b3261e;border-left-width:.4rem;border-radius:4px;background:#fde8e6;color:#1d232b;font-size:.9rem}',
  '.sop-serve-banner.sop-serve-warnings{border-color:#9a4d00;background:#fff1df}',
  '.sop-serve-banner ul{margin:.3rem 0 0;padding-left:1.2rem}',
  '.sop-serve-banner code{font-size:.85em}',
].join('');
