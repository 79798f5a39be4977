// Find the centre(s) for a municipality: a filter over a small JSON file. Without JavaScript the
// page offers the same information as a list per county.
import { fold, formerNote, loadPlaces } from "./places.js";

const form = document.getElementById("muni-form");
const input = document.getElementById("muni");
const status = document.getElementById("muni-status");
const out = document.getElementById("muni-results");
const text = form.dataset;

// The lookup's addresses are relative to the site's root (SITE.site_path), never to this page.
function href(url) {
  return text.base + url;
}

function link(centre) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = href(centre.url);
  a.textContent = centre.name;
  li.append(a);
  if (centre.place) li.append(` (${centre.place})`);
  // A centre the sources do not describe as guiding individuals is not offered as if it did.
  if (!centre.individual) li.append(` – ${text.notIndividual}`);
  return li;
}

function listOf(centres, data) {
  const ul = document.createElement("ul");
  ul.append(...centres.map((i) => link(data.centres[i])));
  return ul;
}

function para(content, className) {
  const p = document.createElement("p");
  if (className) p.className = className;
  p.append(content);
  return p;
}

function render(entry, data) {
  const [, name, , countyIndex, local, basis, others] = entry;
  const county = data.counties[countyIndex];
  const section = document.createElement("section");
  section.className = "muni-result";
  const h2 = document.createElement("h2");
  const countyLink = document.createElement("a");
  countyLink.href = href(county.url);
  countyLink.textContent = county.name;
  h2.append(`${name} (`, countyLink, ")");
  section.append(h2);
  if (local.length) {
    const basisText = { service_area: text.basisArea, located: text.basisLocated, county: text.basisCounty };
    section.append(para(basisText[basis], "muted"));
    section.append(listOf(local, data));
  } else if (others.length) {
    section.append(para(text.basisCounty, "muted"));
  }
  if (others.length) {
    if (local.length) section.append(para(text.others, "muted"));
    section.append(listOf(others, data));
  }
  if (!local.length && !others.length) section.append(para(text.noCentre));
  const national = document.createElement("a");
  national.href = text.nationalUrl;
  national.hreflang = "nb";
  national.textContent = "karriereveiledning.no";
  section.append(para(text.national + " "));
  section.lastChild.append(national);
  return section;
}

async function start() {
  let data;
  try {
    data = await loadPlaces(text.source);
  } catch (error) {
    return; // the lists per county still work
  }
  form.hidden = false;
  input.addEventListener("input", () => {
    const query = fold(input.value.trim());
    if (query.length < 2) {
      out.replaceChildren();
      status.textContent = "";
      return;
    }
    const starts = [];
    const contains = [];
    for (const entry of data.municipalities) {
      const forms = entry[2];
      if (forms.some((f) => f.startsWith(query)) || entry[0] === query) starts.push(entry);
      else if (forms.some((f) => f.includes(query))) contains.push(entry);
    }
    // A name or number from before a reform: say what it is now, then show that municipality.
    const notes = [];
    for (const former of data.former) {
      if (former[0] === query || (query.length > 2 && !/^[0-9]+$/.test(query) && former[0].startsWith(query))) {
        notes.push(para(formerNote(former, data, text), "former-note"));
        for (const i of former[4]) {
          if (!starts.includes(data.municipalities[i])) starts.push(data.municipalities[i]);
        }
      }
    }
    const found = starts.concat(contains).slice(0, 8);
    out.replaceChildren(...notes.slice(0, 4), ...found.map((e) => render(e, data)));
    const n = starts.length + contains.length;
    status.textContent = n === 0 ? text.none : n === 1 ? text.one : text.many.replace("{n}", String(n));
  });
  const initial = new URL(window.location.href).searchParams.get("kommune");
  if (initial) {
    input.value = initial;
    input.dispatchEvent(new Event("input"));
  }
}

start();
