/**
 * The script `sop serve` adds to every page it sends (never to `sop build` output): it listens to
 * the server's events and reloads the page when the page changed, or fetches its lint banner again
 * when the lint's findings for it changed. The page carries the rebuild and lint it was sent with,
 * so one sent just before a change catches up as soon as it connects.
 */
export const LIVE_SCRIPT = `(() => {
  const page = location.pathname.endsWith('/') ? location.pathname + 'index.html' : location.pathname;
  const slot = document.getElementById('sop-serve-banner');
  const shown = { build: Number(slot && slot.dataset.build), lint: Number(slot && slot.dataset.lint) };
  const refreshBanner = (lint) => {
    fetch('/__sop/banner?page=' + encodeURIComponent(page), { cache: 'no-store' })
      .then((response) => response.text())
      .then((html) => {
        if (slot) slot.innerHTML = html;
        shown.lint = lint;
      })
      .catch(() => {});
  };
  const events = new EventSource('/__sop/events');
  // Rebuilds and lints that happened while this page was loading.
  events.addEventListener('hello', (event) => {
    const now = JSON.parse(event.data);
    if (now.build !== shown.build) location.reload();
    else if (now.lint !== shown.lint) refreshBanner(now.lint);
  });
  events.addEventListener('reload', (event) => {
    const data = JSON.parse(event.data);
    if (data.pages.includes('*') || data.pages.includes(page)) location.reload();
    else shown.build = data.build;
  });
  events.addEventListener('lint', (event) => {
    const data = JSON.parse(event.data);
    if (data.pages.includes('*') || data.pages.includes(page)) refreshBanner(data.lint);
    else shown.lint = data.lint;
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
