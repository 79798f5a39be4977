// Search over the Pagefind index of this language. The page works without this script: it then
// says that search needs JavaScript and points to the directory, which does not.
//
// A query that names a place (a municipality of today, one of its official forms, a name or number
// it had since 2017, or a county of today) is answered with that place first: the centres for that
// municipality, then its county, from the place names the site publishes (places.js); then the
// full-text results, without repeating a page already shown. Full-text ranking alone would put a
// different place first for a shared prefix or stem (Molde → Mo i Rana, Alta → "alt").
import { exactPlace, formerNote, loadPlaces } from "./places.js";

const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const notes = document.getElementById("search-notes");
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
    // A textarea decodes entities and keeps every space; a parsed document would drop a part's
    // leading space ("i <mark>Troms</mark> og" read as "Tromsog"). Nothing here is inserted as HTML.
    const decoder = document.createElement("textarea");
    decoder.innerHTML = part;
    const plain = decoder.value;
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

function item(url, title, about) {
  const li = document.createElement("li");
  const h3 = document.createElement("h3");
  const a = document.createElement("a");
  a.href = url;
  a.textContent = title;
  h3.append(a);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = about;
  li.append(h3, meta);
  return li;
}

// The place the query names, as result items (and notes for former names), with the URLs they show.
function placeAnswer(query) {
  const out = { items: [], notes: [], urls: new Set() };
  if (!places) return out;
  const found = exactPlace(places, query);
  const add = (url, title, about) => {
    if (out.urls.has(url)) return;
    out.urls.add(url);
    out.items.push(item(url, title, about));
  };
  out.notes = found.former.slice(0, 3).map((former) => formerNote(former, places, text));
  for (const entry of found.municipalities.slice(0, 3)) {
    const [, name, , countyIndex, local, basis] = entry;
    const basisText = basis === "service_area" ? text.basisArea : text.basisLocated;
    for (const i of local) {
      const centre = places.centres[i];
      const about = [text.typeCentre, centre.place, `${basisText} ${name}`].filter(Boolean);
      if (!centre.individual) about.push(text.notIndividual);
      add(text.base + centre.url, centre.name, about.join(" · "));
    }
    const county = places.counties[countyIndex];
    add(text.base + county.url, county.name, `${text.typeCounty} · ${text.placeCounty.replace("{name}", name)}`);
  }
  for (const county of found.counties) add(text.base + county.url, county.name, text.typeCounty);
  return out;
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
let places = null;
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
    notes.replaceChildren();
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
  // A place is answered with that place, unless the reader narrowed the search with filters.
  const place = query && Object.keys(filters).length === 0 && !sort ? placeAnswer(query) : placeAnswer("");
  const rest = data.filter((d) => !place.urls.has(new URL(d.url, window.location.href).pathname));
  notes.replaceChildren(...place.notes.map((note) => {
    const p = document.createElement("p");
    p.className = "former-note";
    p.textContent = note;
    return p;
  }));
  list.replaceChildren(...place.items, ...rest.map((d) => resultItem(d, filters)));
  status.textContent = say(place.items.length + search.results.length - (data.length - rest.length));
}

async function start() {
  try {
    pagefind = await import(text.bundle + "pagefind.js");
    await pagefind.options({ baseUrl: text.base });
    await pagefind.init();
    // Without the place names, search still works: full text only.
    places = await loadPlaces(text.places).catch(() => null);
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
