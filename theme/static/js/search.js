// Search over the Pagefind index of this language. The page works without this script: it then
// says that search needs JavaScript and points to the directory, which does not.
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const text = form.dataset;

function say(n) {
  if (n === 0) return text.resultsNone;
  if (n === 1) return text.resultsOne;
  return text.resultsMany.replace("{n}", String(n));
}

function chosenFilters() {
  const filters = {};
  for (const box of form.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ||= { any: [] }).any.push(box.value);
  }
  return filters;
}

// Pagefind's excerpts mark matches with <mark>; keep those and nothing else.
function excerptNode(html) {
  const p = document.createElement("p");
  p.className = "excerpt";
  const parts = html.split(/(<mark>|<\/mark>)/);
  let inMark = false;
  for (const part of parts) {
    if (part === "<mark>") { inMark = true; continue; }
    if (part === "</mark>") { inMark = false; continue; }
    const plain = new DOMParser().parseFromString(part, "text/html").documentElement.textContent;
    if (inMark) {
      const mark = document.createElement("mark");
      mark.textContent = plain;
      p.append(mark);
    } else {
      p.append(plain);
    }
  }
  return p;
}

function resultItem(data, filters) {
  const li = document.createElement("li");
  const h3 = document.createElement("h3");
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = data.meta.title || data.url;
  h3.append(a);
  li.append(h3);
  const about = document.createElement("p");
  about.className = "meta";
  about.textContent = [data.meta.type, data.meta.county, data.meta.place, data.meta.status].filter(Boolean).join(" · ");
  li.append(about);
  const offers = (data.filters && data.filters.offering) || [];
  const wanted = (filters.offering && filters.offering.any) || [];
  const shown = wanted.length ? offers.filter((o) => wanted.includes(o)) : offers;
  if (shown.length) {
    const p = document.createElement("p");
    p.className = "inline-terms";
    const label = document.createElement("span");
    label.className = "label";
    label.textContent = text.offers + ": ";
    p.append(label, shown.join(", "));
    li.append(p);
  }
  if (data.excerpt) li.append(excerptNode(data.excerpt));
  return li;
}

let pagefind;
let latest = 0;

async function run() {
  const ticket = ++latest;
  const query = input.value.trim();
  const filters = chosenFilters();
  const url = new URL(window.location.href);
  if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
  window.history.replaceState(null, "", url);
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const options = { filters };
  const sort = document.getElementById("sort").value;
  if (sort) options.sort = { [sort]: "asc" };
  const search = await pagefind.debouncedSearch(query || null, options, 200);
  if (search === null || ticket !== latest) return; // a newer search replaced this one
  const data = await Promise.all(search.results.slice(0, 25).map((r) => r.data()));
  if (ticket !== latest) return;
  list.replaceChildren(...data.map((d) => resultItem(d, filters)));
  status.textContent = say(search.results.length);
}

async function start() {
  try {
    pagefind = await import(text.bundle + "pagefind.js");
    await pagefind.options({ baseUrl: text.base });
    await pagefind.init();
  } catch (error) {
    status.textContent = text.failed;
    return;
  }
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  input.addEventListener("input", run);
  form.addEventListener("change", run);
  form.addEventListener("reset", () => setTimeout(run, 0));
  // A query from the address, or one typed (or filters ticked) while the index was still loading:
  // run it now, so nothing the reader did before the script was ready is lost.
  const initial = new URL(window.location.href).searchParams.get("q");
  if (initial && !input.value) input.value = initial;
  if (input.value.trim() || Object.keys(chosenFilters()).length) run();
}

start();
