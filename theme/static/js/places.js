// The place names the site publishes (kommune/kommuner.json, written by karriere/finder.py): every
// municipality of today with its official Sámi and Kven forms, every name and number it has had
// since 2017, its county, and the centres a resident there can go to. Shared by the municipality
// finder and the search page, which answers a place with that place before its full-text results.

// The same folding as karriere.finder.fold: lowercase, no diacritics, ø → o, æ → ae.
export function fold(value) {
  return value.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/ø/g, "o").replace(/æ/g, "ae");
}

// "Troms - Romsa - Tromssa" → ["Troms", "Romsa", "Tromssa"], as karriere.registers.name_forms.
export function nameForms(name) {
  return name.split(/\s+[–-]\s+/).map((part) => part.trim()).filter(Boolean);
}

export async function loadPlaces(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// "Skedsmo er fra 2020 en del av Lillestrøm (Akershus)." for a former name or number; *templates*
// holds the page's own words (formerName, formerNumber) with {name}, {number}, {until}, {year}, {now}.
export function formerNote(former, data, templates) {
  const [key, name, number, until, targets] = former;
  const now = targets
    .map((i) => data.municipalities[i])
    .map((m) => `${m[1]} (${data.counties[m[3]].name})`)
    .join(", ");
  const template = /^[0-9]{4}$/.test(key) ? templates.formerNumber : templates.formerName;
  return template.replace("{name}", name).replace("{number}", number).replace("{until}", String(until))
    .replace("{year}", String(until + 1)).replace("{now}", now);
}

// The place a whole query names, exactly (after folding): today's municipalities with that name,
// form or number, the former names and numbers that lead to them, and today's counties so named.
// A prefix or a shared word never counts: "Mo" is not Molde, "når" is not Narvik.
export function exactPlace(data, query) {
  const q = fold(query.trim());
  const municipalities = [];
  const former = [];
  if (q.length < 2) return { municipalities, former, counties: [] };
  for (const entry of data.municipalities) {
    if (entry[0] === q || entry[2].includes(q)) municipalities.push(entry);
  }
  for (const entry of data.former) {
    if (entry[0] !== q) continue;
    former.push(entry);
    for (const i of entry[4]) {
      if (!municipalities.includes(data.municipalities[i])) municipalities.push(data.municipalities[i]);
    }
  }
  const counties = data.counties.filter((c) => nameForms(c.name).some((form) => fold(form) === q));
  return { municipalities, former, counties };
}
