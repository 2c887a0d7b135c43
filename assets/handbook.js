/* sop handbook: theme switch, contents menu, offline search and keyboard navigation.
   Runs from file:// as well as from a web server: the search index is a set of scripts
   (assets/search/*.js) added when the reader first uses the search, never fetched. */
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

  // Contents on narrow screens: behind the menu button, so a page starts with its document.
  var menu = document.querySelector('.sop-menu-button');
  var sidebar = document.getElementById('sop-sidebar');
  if (menu && sidebar) {
    menu.addEventListener('click', function () {
      var open = menu.getAttribute('aria-expanded') !== 'true';
      menu.setAttribute('aria-expanded', open ? 'true' : 'false');
      root.classList.toggle('sop-toc-open', open);
    });
  }

  var input = document.getElementById('sop-search-input');
  var list = document.getElementById('sop-search-results');
  var indexes = [];
  var loading = false;
  var active = -1;

  // Nothing of the search is loaded with a page: the first time the reader focuses or types in the
  // box, MiniSearch, the tokenizer and the index parts are added as scripts (file:// allows scripts,
  // not fetches). Each part calls SOP_SEARCH_PART when it has loaded.
  function script(name, done) {
    var element = document.createElement('script');
    element.src = base + 'assets/' + name;
    element.onload = done || null;
    element.onerror = function () { loading = false; };
    document.head.appendChild(element);
  }

  window.SOP_SEARCH_PART = function (json) {
    if (!window.MiniSearch || !window.SopSearchText) return;
    // Same fields and tokenizer as the build used (src/handbook/search/index-file.ts).
    indexes.push(window.MiniSearch.loadJS(json, {
      fields: ['title', 'section', 'text'],
      storeFields: ['url', 'title', 'section', 'excerpt', 'lang'],
      tokenize: window.SopSearchText.tokenize,
      processTerm: window.SopSearchText.term,
      searchOptions: { boost: { title: 3, section: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' }
    }));
    if (input && input.value.trim()) show(input.value);
  };

  function loadSearch() {
    if (loading) return;
    loading = true;
    script('minisearch.js', function () {
      script('search-tokenize.js', function () {
        script('search/parts.js', function () {
          var parts = window.SOP_SEARCH_PARTS || [];
          parts.forEach(function (part) { script('search/' + part); });
        });
      });
    });
  }

  function results(query) {
    var all = [];
    indexes.forEach(function (index) { all = all.concat(index.search(query)); });
    return all.sort(function (a, b) { return b.score - a.score; });
  }

  function span(className, text, lang) {
    var element = document.createElement('span');
    element.className = className;
    element.textContent = text;
    if (lang) element.lang = lang;
    return element;
  }

  // The words a result matched (MiniSearch's `terms`, as the index has them) are marked in the
  // title, section and snippet; the snippet is cut around the first one found in the stored text.
  function normalise(text) {
    return window.SopSearchText ? window.SopSearchText.term(text) || '' : text.toLowerCase();
  }

  function matchesOf(text, terms) {
    var found = [];
    if (!terms.length || !window.SopSearchText) return found;
    var segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter('und', { granularity: 'word' }) : null;
    if (!segmenter) return found;
    var iterator = segmenter.segment(text)[Symbol.iterator]();
    for (var step = iterator.next(); !step.done; step = iterator.next()) {
      var part = step.value;
      if (!part.isWordLike) continue;
      var word = normalise(part.segment);
      for (var i = 0; i < terms.length; i++) {
        if (word === terms[i] || word.indexOf(terms[i]) === 0) { found.push([part.index, part.index + part.segment.length]); break; }
      }
    }
    return found;
  }

  function marked(className, text, terms, lang, around) {
    var element = span(className, '', lang);
    var matches = matchesOf(text, terms);
    var start = 0;
    var end = text.length;
    if (around && matches.length && text.length > 140) {
      start = Math.max(0, matches[0][0] - 40);
      end = Math.min(text.length, start + 140);
      if (start > 0) element.appendChild(document.createTextNode('…'));
    }
    var at = start;
    matches.forEach(function (match) {
      if (match[0] < at || match[1] > end) return;
      element.appendChild(document.createTextNode(text.slice(at, match[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(match[0], match[1]);
      element.appendChild(mark);
      at = match[1];
    });
    element.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length && !/…$/.test(text) ? '…' : '')));
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
    if (!list) return;
    if (!query.trim()) return close();
    if (!indexes.length) {
      loadSearch();
      list.textContent = '';
      var wait = document.createElement('li');
      wait.className = 'sop-search-empty';
      wait.textContent = list.getAttribute('data-loading') || '…';
      list.appendChild(wait);
      list.hidden = false;
      return;
    }
    var groups = [];
    var byTitle = {};
    results(query).forEach(function (result) {
      var group = byTitle[result.title];
      if (!group) {
        if (groups.length === 8) return;
        group = byTitle[result.title] = { title: result.title, lang: result.lang, url: result.url.split('#')[0], terms: result.terms, sections: [] };
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
      option('sop-result-doc', group.url, [marked('sop-result-title', group.title, group.terms, group.lang)]);
      group.sections.forEach(function (result) {
        option('sop-result-sub', result.url, [marked('sop-result-section', result.section, result.terms, result.lang), result.excerpt && marked('sop-result-excerpt', result.excerpt, result.terms, result.lang, true)]);
      });
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  if (input && list) {
    input.addEventListener('focus', loadSearch);
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
