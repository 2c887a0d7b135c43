/* sop handbook: theme switch, offline search and keyboard navigation.
   Runs from file:// as well as from a web server: the search index is a script
   (assets/search-index.js) loaded before this one, never fetched. */
(function () {
  'use strict';

  var root = document.documentElement;
  var base = root.getAttribute('data-root') || '';

  // Theme: follows the system until the reader chooses; the choice is remembered.
  var toggle = document.querySelector('.sop-theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var dark = root.dataset.theme ? root.dataset.theme === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
      root.dataset.theme = dark ? 'light' : 'dark';
      try { localStorage.setItem('sop-theme', root.dataset.theme); } catch (e) { /* storage may be off for file:// */ }
    });
  }

  var input = document.getElementById('sop-search-input');
  var list = document.getElementById('sop-search-results');
  var index = null;
  var active = -1;

  function searchIndex() {
    if (index) return index;
    if (!window.MiniSearch || !window.SOP_SEARCH_INDEX || !window.SopSearchText) return null;
    // Same fields and tokenizer as the build used (src/handbook/search/index-file.ts).
    index = window.MiniSearch.loadJS(window.SOP_SEARCH_INDEX, {
      fields: ['title', 'section', 'text'],
      storeFields: ['url', 'title', 'section', 'excerpt', 'lang'],
      tokenize: window.SopSearchText.tokenize,
      processTerm: window.SopSearchText.term,
      searchOptions: { boost: { title: 3, section: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' }
    });
    return index;
  }

  function span(className, text, lang) {
    var element = document.createElement('span');
    element.className = className;
    element.textContent = text;
    if (lang) element.lang = lang;
    return element;
  }

  function close() {
    if (!list) return;
    list.hidden = true;
    list.textContent = '';
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function select(position) {
    var items = list.querySelectorAll('li[role="option"]');
    if (!items.length) return;
    active = (position + items.length) % items.length;
    for (var i = 0; i < items.length; i++) items[i].setAttribute('aria-selected', i === active ? 'true' : 'false');
    input.setAttribute('aria-activedescendant', items[active].id);
    items[active].scrollIntoView({ block: 'nearest' });
  }

  function option(className, href, parts) {
    var item = document.createElement('li');
    item.id = 'sop-result-' + list.children.length;
    item.className = className;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', 'false');
    var link = document.createElement('a');
    link.href = base + href;
    link.tabIndex = -1;
    parts.forEach(function (part) { if (part) link.appendChild(part); });
    item.appendChild(link);
    list.appendChild(item);
  }

  // Results are grouped by document: the document, then up to three of its best sections.
  function show(query) {
    var engine = searchIndex();
    if (!engine || !query.trim()) return close();
    var groups = [];
    var byTitle = {};
    engine.search(query).forEach(function (result) {
      var group = byTitle[result.title];
      if (!group) {
        if (groups.length === 8) return;
        group = byTitle[result.title] = { title: result.title, lang: result.lang, url: result.url.split('#')[0], sections: [] };
        groups.push(group);
      }
      if (result.section && group.sections.length < 3) group.sections.push(result);
    });
    list.textContent = '';
    active = -1;
    if (!groups.length) {
      var empty = document.createElement('li');
      empty.className = 'sop-search-empty';
      empty.textContent = list.getAttribute('data-empty') || 'No results';
      list.appendChild(empty);
    }
    groups.forEach(function (group) {
      option('sop-result-doc', group.url, [span('sop-result-title', group.title, group.lang)]);
      group.sections.forEach(function (result) {
        option('sop-result-sub', result.url, [span('sop-result-section', result.section, result.lang), result.excerpt && span('sop-result-excerpt', result.excerpt, result.lang)]);
      });
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  if (input && list) {
    input.addEventListener('input', function () { show(input.value); });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown') { event.preventDefault(); select(active + 1); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); select(active - 1); }
      else if (event.key === 'Enter') {
        var link = list.querySelector('li[aria-selected="true"] a') || list.querySelector('li[role="option"] a');
        if (link) { event.preventDefault(); window.location.href = link.href; }
      } else if (event.key === 'Escape') { close(); }
    });
    document.addEventListener('click', function (event) {
      if (!list.contains(event.target) && event.target !== input) close();
    });
  }

  // Keys: "/" focuses the search; left and right arrows go to the previous and next document.
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === '/' && input) { event.preventDefault(); input.focus(); input.select(); return; }
    var rel = event.key === 'ArrowLeft' ? 'prev' : event.key === 'ArrowRight' ? 'next' : null;
    var link = rel && document.querySelector('.sop-pager a[rel="' + rel + '"]');
    if (link) { event.preventDefault(); window.location.href = link.href; }
  });
})();
