// Search page: runs Pagefind's index, built after the site by `clerk build`,
// from a plain form. The index comes in parts (some years of meetings each,
// and the rest of the site): pagefind/standard.json lists them, the first is
// loaded and the others merged into it, so one search covers them all. Only
// the standard pages are indexed (generator/output/search_index.h): the
// large-print and easy-read search pages read the same index and send each
// result to their own rendition's page (data-rendition-root, the folder of
// this page's rendition), so titles and excerpts are the standard text.
// Pages changed since their part was indexed are in a small part of recent
// changes; their out-of-date results in the older parts are listed by id
// under "hidden" and left out of every search.
//
// Progressive enhancement: the form is hidden until this script runs;
// without JavaScript the page's <noscript> text links to the lists instead,
// and where the index cannot load (the site opened from disk) the same
// links are shown.
//
// Keyboard and screen readers: a labelled form with a submit button; the
// number of results is announced in a role=status region; results are an
// ordered list of links with their excerpts. The query and filters are kept
// in the address (?q=...&committee=...), so results can be shared and the
// browser's Back button works.
const root = document.querySelector('[data-search]');
const form = root.querySelector('[data-search-form]');
const input = form.querySelector('#search-input');
const status = root.querySelector('[data-search-status]');
const list = root.querySelector('[data-search-results]');
const heading = root.querySelector('[data-search-results-heading]');
const unavailable = root.querySelector('[data-search-unavailable]');
const filterNames = ['committee', 'kind', 'year'];

function showUnavailable() {
  form.hidden = true;
  unavailable.hidden = false;
}

let pagefind = null;
// Results of pages changed or gone since their part was indexed.
let stale = new Set();
// The site's root, where the indexed (standard) pages' addresses start, and
// this rendition's root, where the results are sent.
let siteRoot = null;
const renditionRoot = new URL(root.dataset.renditionRoot || './', document.baseURI);
try {
  const index = new URL(root.dataset.searchIndex, document.baseURI);
  if (index.protocol === 'file:') throw new Error('file');
  const response = await fetch(index);
  if (!response.ok) throw new Error(`${index}: ${response.status}`);
  const manifest = await response.json();
  const parts = manifest.parts.map((part) => new URL(part, index));
  stale = new Set(manifest.hidden || []);
  if (!parts.length) throw new Error('no index');
  // Result addresses are root-relative; the site may live under a folder.
  siteRoot = new URL('../', index);
  const baseUrl = siteRoot.pathname;
  pagefind = await import(new URL('pagefind.js', parts[0]).href);
  await pagefind.options({ baseUrl });
  await pagefind.init();
  await Promise.all(parts.slice(1).map((part) => pagefind.mergeIndex(part.pathname, { baseUrl })));
} catch (e) {
  pagefind = null;
}

// A result's address in this rendition: the same path under its folder.
function inRendition(url) {
  const page = new URL(url, siteRoot);
  if (!page.pathname.startsWith(siteRoot.pathname)) return url;
  const mapped = new URL(page.pathname.slice(siteRoot.pathname.length), renditionRoot);
  return mapped.pathname + page.hash;
}

function text(tag, value, className) {
  const el = document.createElement(tag);
  el.textContent = value;
  if (className) el.className = className;
  return el;
}

// Pagefind's excerpts mark matches with <mark>; keep only that markup.
function excerpt(html) {
  const p = document.createElement('p');
  p.className = 'search-results__excerpt';
  const tmp = document.createElement('template');
  tmp.innerHTML = html;
  for (const node of tmp.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) p.append(node.textContent);
    else if (node.nodeName === 'MARK') p.append(text('mark', node.textContent));
    else p.append(node.textContent);
  }
  return p;
}

async function run(push) {
  const query = input.value.trim();
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  const filters = {};
  for (const name of filterNames) {
    const value = form.elements[name].value;
    if (value) {
      filters[name] = value;
      params.set(name, value);
    }
  }
  if (push) history.pushState(null, '', params.toString() ? `?${params}` : location.pathname);
  list.replaceChildren();
  heading.hidden = true;
  if (!query) {
    status.textContent = 'Type some words to search for, then press Search.';
    return;
  }
  status.textContent = 'Searching…';
  const search = await pagefind.search(query, { filters });
  const results = search.results.filter((r) => !stale.has(r.id));
  const shown = results.slice(0, 20);
  const data = await Promise.all(shown.map((r) => r.data()));
  const n = results.length;
  status.textContent = n === 0
    ? `No results for “${query}”. Try fewer or different words, or remove a filter.`
    : `${n} result${n === 1 ? '' : 's'} for “${query}”${n > shown.length ? `; showing the first ${shown.length}` : ''}.`;
  heading.hidden = n === 0;
  for (const item of data) {
    const li = document.createElement('li');
    li.className = 'search-results__item';
    const h = document.createElement('h3');
    h.className = 'search-results__title';
    const a = text('a', item.meta.title || item.url);
    a.href = inRendition(item.url);
    h.append(a);
    li.append(h);
    const facts = [item.filters.kind, item.filters.committee, item.filters.year]
      .map((f) => (f && f.length ? f[0] : ''))
      .filter(Boolean);
    if (facts.length) li.append(text('p', facts.join(' · '), 'search-results__meta'));
    li.append(excerpt(item.excerpt));
    list.append(li);
  }
}

if (!pagefind) {
  showUnavailable();
} else {
  form.hidden = false;
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) form.elements[name].value = value;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(true);
  });
  window.addEventListener('popstate', () => {
    const p = new URLSearchParams(location.search);
    input.value = p.get('q') || '';
    for (const name of filterNames) form.elements[name].value = p.get(name) || '';
    run(false);
  });
  if (input.value) run(false);
}
