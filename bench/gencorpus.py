#!/usr/bin/env python3
"""Deterministic synthetic news corpus for benchmarking dossier against Hugo.

    python3 bench/gencorpus.py --n 10000 --seed 1 --out /tmp/corpus-10000

writes

    OUT/dossier/config.yaml          title, sources registry, state gazetteer,
                                     per-seed published (~80%) / publisher
    OUT/dossier/seeds/NNNNNN.txt     raw "scraped" article text
    OUT/hugo/config.toml             taxonomies actors + sources
    OUT/hugo/layouts/...             minimal baseof/single/list/terms/taxonomy/index
    OUT/hugo/content/articles/NNNNNN.md
                                     the same articles, cleaned, with front matter
                                     title, date, actors [...], sources [...]

Same --n and --seed give byte-identical output (Python 3.11+ stdlib only; every
random choice comes from random.Random seeded with an int). The actor, outlet
and wire-passage pools depend on the seed only, and article i depends on
(seed, i) only, so the first 1000 articles of N=10000 are the articles of
N=1000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys

# --------------------------------------------------------------------------
# Word lists (fixed; the pools built from them depend only on the seed)
# --------------------------------------------------------------------------

FIRST = """Maria Ahmed Olga John Fatima Omar Elena Samuel Leila Viktor Amina David
Sofia Hassan Irina Michael Nadia Yusuf Anna Pierre Layla Dmitri Grace Karim
Hana Peter Zainab Ali Claire Ivan Rania Thomas Mariam Sergei Ines Joseph Salma
Nikolai Laura Khalid Ruth Mehmet Alice Tariq Eva Daniel Noor Pavel Julia Farid
Helen Mustafa Carmen Andrei Yasmin George Selin Boris Marta Hamza Lucia Robert
Dina Kemal Sara Aleksandr Amal James Petra Bashir Rosa Yuri Hiba Martin Tanya
Walid Emma Oleg Rana Luis Nour Stefan""".split()

LAST = """Delgado Haddad Petrova Whitfield Nasser Karimov Okafor Lindqvist Mansour
Ortega Volkov Brennan Saleh Novak Abadi Castellanos Demir Fischer Hakimi Ivanova
Jaber Kowalski Larsen Mahmoud Navarro Osman Pereira Qureshi Rahimi Schultz
Toure Usmani Varga Wagner Yilmaz Zaki Aziz Barros Chandra Dumont Evans Farouk
Gallo Hussein Iqbal Jensen Kaya Lombardi Moreau Nikolaidis Obi Popescu Rashid
Sandoval Tahir Ueda Valdez Weiss Yousef Zamora Antonov Bakr Coates Darwish
Ekwueme Fontaine Grigoryan Halabi Ibrahim Jovanovic Khoury Lebedev Mendes
Nazari Orlov Park Quintero Romero Sokolov Tanaka""".split()

ORG_ADJ = """Northern Southern Eastern Western Central Coastal United National
Independent Free Democratic Popular Regional International Syrian Border
Humanitarian Civil Joint Federal Islamic Patriotic Revolutionary Provisional""".split()
ORG_MID = """Relief Defense Rescue Workers Liberation Peace Monitoring Medical Aid
Reconciliation Human Rights Security Resistance Unity Reform Development
Justice Refugee Observer Salvation""".split()
ORG_TYPE = """Agency Council Front Committee Movement Alliance Brigade Army
Coalition Network Union Commission Office Mission Authority Forces""".split()

STATES = """United States|Russia|United Kingdom|France|Germany|China|Syria|Turkey|
Iran|Iraq|Israel|Egypt|Jordan|Lebanon|Saudi Arabia|Qatar|Italy|Spain|Greece|
Ukraine|Poland|Sudan|Ethiopia|Kenya|Nigeria|Mali|Libya|Yemen|Somalia|Pakistan|
Afghanistan|India|Japan|South Korea|Canada|Brazil|Mexico|Colombia|Venezuela|
Armenia|Azerbaijan|Georgia""".replace("\n", "").split("|")
DEMONYM = {
    "United States": "American", "Russia": "Russian", "United Kingdom": "British",
    "France": "French", "Germany": "German", "China": "Chinese", "Syria": "Syrian",
    "Turkey": "Turkish", "Iran": "Iranian", "Iraq": "Iraqi", "Israel": "Israeli",
    "Egypt": "Egyptian", "Jordan": "Jordanian", "Lebanon": "Lebanese",
    "Saudi Arabia": "Saudi", "Qatar": "Qatari", "Italy": "Italian", "Spain": "Spanish",
    "Greece": "Greek", "Ukraine": "Ukrainian", "Poland": "Polish", "Sudan": "Sudanese",
    "Ethiopia": "Ethiopian", "Kenya": "Kenyan", "Nigeria": "Nigerian", "Mali": "Malian",
    "Libya": "Libyan", "Yemen": "Yemeni", "Somalia": "Somali", "Pakistan": "Pakistani",
    "Afghanistan": "Afghan", "India": "Indian", "Japan": "Japanese",
    "South Korea": "South Korean", "Canada": "Canadian", "Brazil": "Brazilian",
    "Mexico": "Mexican", "Colombia": "Colombian", "Venezuela": "Venezuelan",
    "Armenia": "Armenian", "Azerbaijan": "Azerbaijani", "Georgia": "Georgian",
}

PLACES = """Aleppo Idlib Homs Hama Mosul Raqqa Deir ez-Zor Kirkuk Donetsk Kharkiv
Mariupol Sanaa Aden Hodeidah Taiz Tripoli Benghazi Misrata Kabul Kandahar Herat
Juba Khartoum Darfur Mogadishu Kismayo Bamako Timbuktu Maiduguri Goma Marib
Nagorno-Karabakh Daraa Latakia Palmyra Fallujah Ramadi Basra Sirte Gao""".split()
# two-word places were split above; rebuild them
PLACES = [p for p in PLACES if p not in ("Deir", "ez-Zor")] + ["Deir ez-Zor"]

OUTLET_A = """Daily Evening Morning Global Frontline Capital Independent Western
Coastal Free National Open Northern Atlantic Pacific Metro""".split()
OUTLET_B = """Courier Ledger Observer Post Herald Dispatch Sentinel Chronicle
Monitor Tribune Gazette Review Globe Wire Record Standard Times Journal""".split()

AGENCIES = ["Reuters", "Associated Press", "Agence France-Presse", "Anadolu Agency",
            "Interfax", "Xinhua", "TASS", "Al Jazeera"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

VICTIMS = ["people", "civilians", "fighters", "children", "aid workers", "soldiers",
           "residents", "police officers", "patients", "refugees"]
ATTACKS_PL = ["air strikes", "shelling", "rocket attacks", "drone strikes", "clashes",
              "artillery barrages", "bombings"]
ATTACKS = ["air strikes", "shelling", "a car bomb", "rocket fire", "a suicide attack",
           "barrel bombs", "artillery fire", "drone strikes", "clashes", "a mortar attack"]
THINGS = ["ceasefire", "truce", "peace plan", "aid corridor", "evacuation deal",
          "prisoner exchange", "no-fly zone", "sanctions package", "resolution",
          "humanitarian pause"]
QUOTE_A = [
    "There is no military solution to this conflict",
    "We call on all parties to respect the {thing}",
    "The situation in {place} is catastrophic",
    "This is a clear violation of the {thing}",
    "We will not accept any deal that ignores the people of {place}",
    "Our teams are working around the clock, but we cannot reach everyone",
    "The hospitals are full and the medicine has run out",
    "Nobody is safe in {place} anymore",
    "We have seen nothing like this since the war began",
    "The {thing} was dead the moment the first bomb fell",
    "We are ready to cooperate, but only if {state} shows it is serious",
    "Every day of delay costs lives",
    "We have evidence and we will present it to the Security Council",
    "These accusations are baseless and politically motivated",
    "The international community cannot look away",
    "Our forces acted in self-defense",
    "We need guarantees, not promises",
    "History will judge those who blocked the {thing}",
]
HEADLINES = [
    "{n} killed as {attacks} hit {place}",
    "{state} accuses {state2} of sabotaging {place} {thing}",
    "{person} warns of catastrophe in {place}",
    "{thing_c} collapses as fighting resumes in {place}",
    "Aid convoy reaches besieged {place}",
    "{state} and {state2} fail to revive {place} {thing}",
    "{org} says {n} {victims} dead in {place}",
    "Talks on {place} end without agreement",
    "{state} suspends cooperation with {state2} over {place}",
    "Heaviest {attacks} in months pound {place}",
    "UN calls emergency meeting on {place}",
    "Thousands flee {place} as {attacks} intensify",
]
TEASERS = [
    "Video: What is {state} telling citizens about {place}?",
    "Inside the battle for {place}",
    "Why the {thing} in {place} keeps failing",
    "{person}: the man behind the {thing}",
    "Photos: Life under siege in {place}",
    "Analysis: What {state} wants in {place}",
]
DEKS = [
    "Rebels have held the city since {year}.",
    "The {thing} had been in force for less than a week.",
    "Diplomats say the next days will be decisive.",
    "The death toll is expected to rise.",
]


BUILTIN_STATES = ("United States", "Russia", "United Kingdom", "France", "Germany",
                  "China", "Syria", "Turkey", "Iran")


def ordinal_year(rng: random.Random) -> int:
    return rng.randint(2009, 2014)


# --------------------------------------------------------------------------
# Pools
# --------------------------------------------------------------------------

class World:
    def __init__(self, seed: int, n_people: int = 300, n_orgs: int = 100,
                 n_outlets: int = 40, n_wire: int = 1000):
        rng = random.Random(seed)
        names: list[str] = []
        seen: set[str] = set()
        while len(names) < n_people:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if rng.random() < 0.08:
                name = f"{rng.choice(FIRST)} al-{rng.choice(LAST)}"
            if name not in seen and name.split()[-1] not in seen:
                seen.add(name)
                names.append(name)
        orgs: list[str] = []
        while len(orgs) < n_orgs:
            org = f"{rng.choice(ORG_ADJ)} {rng.choice(ORG_MID)} {rng.choice(ORG_TYPE)}"
            if org not in seen:
                seen.add(org)
                orgs.append(org)
        self.orgs = orgs
        self.org_set = set(orgs)
        self.states = list(STATES)
        # Each person has a fixed affiliation and title.
        self.people = []
        for name in names:
            if rng.random() < 0.45:
                state = rng.choice(self.states)
                title = rng.choice([
                    f"the {DEMONYM[state]} foreign minister",
                    f"{state}'s ambassador to the United Nations",
                    f"a spokesman for the {DEMONYM[state]} government",
                    f"the {DEMONYM[state]} defense minister",
                    f"a senior {DEMONYM[state]} official",
                ])
                self.people.append((name, title, state))
            else:
                org = rng.choice(orgs)
                title = rng.choice([
                    f"a spokesperson for the {org}",
                    f"the director of the {org}",
                    f"head of the {org}",
                    f"a senior official at the {org}",
                    f"a field coordinator with the {org}",
                ])
                self.people.append((name, title, org))
        outlets: list[str] = []
        while len(outlets) < n_outlets:
            o = f"{rng.choice(OUTLET_A)} {rng.choice(OUTLET_B)}"
            if rng.random() < 0.15:
                o = "The " + o
            if o not in outlets:
                outlets.append(o)
        self.outlets = outlets
        # Wire passages: paragraphs reused verbatim across articles (the
        # "shared passages" a wire story leaves in every republisher).
        self.wire = []
        for _ in range(n_wire):
            ctx = Ctx(rng, self, dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(2900)))
            agency = rng.choice(AGENCIES)
            sents = [sentence(ctx) for _ in range(rng.randint(2, 3))]
            sents[0] = sents[0][:-1] + f", {agency} reported." if sents[0].endswith(".") \
                and "“" not in sents[0] else sents[0]
            self.wire.append((" ".join(sents), ctx.actors, ctx.cited | {agency}))


def slug_domain(outlet: str) -> str:
    return outlet.lower().replace("the ", "").replace(" ", "") + ".com"


class Ctx:
    """Per-article state: rng, date, and what it mentions."""

    def __init__(self, rng: random.Random, world: World, date: dt.date):
        self.rng = rng
        self.w = world
        self.date = date
        # an article concentrates on a few actors and places
        self.cast = rng.sample(world.people, rng.randint(2, 5))
        self.orgs = rng.sample(world.orgs, rng.randint(1, 3))
        self.st = rng.sample(world.states, rng.randint(2, 4))
        self.places = rng.sample(PLACES, rng.randint(1, 3))
        self.actors: set[str] = set()   # names that appear (for Hugo front matter)
        self.cited: set[str] = set()

    # ---- slot fillers
    def person(self):
        p = self.rng.choice(self.cast)
        self.actors.add(p[0])
        return p

    def titled(self):
        """A person whose title (naming their organisation) is printed."""
        p = self.person()
        if p[2] in p[1]:  # "head of the X Agency", "Mexico's ambassador ..."
            self.actors.add(p[2])
        return p

    def org(self):
        o = self.rng.choice(self.orgs)
        self.actors.add(o)
        return o

    def state(self, other: str | None = None):
        choices = [s for s in self.st if s != other] or [s for s in self.w.states if s != other]
        s = self.rng.choice(choices)
        self.actors.add(s)
        return s

    def place(self):
        return self.rng.choice(self.places)

    def agency(self):
        a = self.rng.choice(AGENCIES)
        self.cited.add(a)
        return a

    def when(self):
        r = self.rng.random()
        back = self.rng.randint(0, 6)
        d = self.date - dt.timedelta(days=back)
        if r < 0.45:
            return f"on {WEEKDAYS[d.weekday()]}"
        if r < 0.6:
            return f"late {WEEKDAYS[d.weekday()]}"
        if r < 0.8:
            d = self.date - dt.timedelta(days=self.rng.randint(0, 20))
            return f"on {MONTHS[d.month - 1]} {d.day}"
        if r < 0.9:
            return "overnight"
        return "this week"

    def monthday(self):
        d = self.date - dt.timedelta(days=self.rng.randint(3, 60))
        return f"{MONTHS[d.month - 1]} {d.day}"

    def n(self):
        r = self.rng.random()
        if r < 0.7:
            return str(self.rng.randint(3, 120))
        if r < 0.9:
            return str(self.rng.randint(120, 900))
        return f"{self.rng.randint(1, 300)},{self.rng.randint(0, 999):03d}"

    def quote(self):
        q = self.rng.choice(QUOTE_A)
        return q.format(thing=self.rng.choice(THINGS), place=self.place(),
                        state=self.state())

    def fill(self, s: str) -> str:
        return s.format(
            n=self.n(), attacks=self.rng.choice(ATTACKS_PL), place=self.place(),
            state=self.state(), state2=self.state(), thing=self.rng.choice(THINGS),
            thing_c=self.rng.choice(THINGS).capitalize(),
            person=self.person()[0].split()[-1], org=self.org(),
            victims=self.rng.choice(VICTIMS), year=ordinal_year(self.rng))


def sentence(c: Ctx) -> str:
    r = c.rng
    k = r.randrange(22)
    if k == 0:
        return f"At least {c.n()} {r.choice(VICTIMS)} were killed in {c.place()} {c.when()}, the {c.org()} said."
    if k == 1:
        s = c.state()
        return f"{DEMONYM[s]} forces struck {c.place()} {c.when()}, killing at least {c.n()} people, according to the {c.org()}."
    if k == 2:
        return f"The {c.org()} said {c.n()} {r.choice(VICTIMS)} had been wounded in {c.place()} since {c.monthday()}."
    if k == 3:
        s1 = c.state(); s2 = c.state(s1)
        return f"Fighting resumed in {c.place()} {c.when()} after a {r.choice(THINGS)} brokered by {s1} and {s2} collapsed."
    if k == 4:
        return f"The {c.org()} estimated that more than {r.randint(2, 400)},000 residents remain trapped in {c.place()}."
    if k == 5:
        s1 = c.state(); s2 = c.state(s1)
        return f"{s1} and {s2} agreed {c.when()} to a {r.randint(2, 14)}-day pause in the fighting around {c.place()}."
    if k == 6:
        return f"An aid convoy of {r.randint(8, 60)} trucks reached {c.place()} {c.when()}, the first since {c.monthday()}."
    if k == 7:
        p = c.person()
        return f"“{c.quote()},” {p[0]} said."
    if k == 8:
        p = c.titled()
        return f"“{c.quote()},” {p[0]}, {p[1]}, told {c.agency()}."
    if k == 9:
        p = c.titled()
        return f"“{c.quote()},” said {p[0]}, {p[1]}."
    if k == 10:
        p = c.titled()
        return f"{p[0]}, {p[1]}, told reporters {c.when()}: “{c.quote()}.”"
    if k == 11:
        p = c.person()
        last = p[0].split()[-1]
        return f"{last} said: “{c.quote()}.”"
    if k == 12:
        return f"{c.agency()} reported {c.when()} that {r.choice(ATTACKS)} had hit {c.place()}, killing {c.n()} {r.choice(VICTIMS)}."
    if k == 13:
        return f"According to {c.agency()}, at least {c.n()} {r.choice(VICTIMS)} were evacuated from {c.place()} {c.when()}."
    if k == 14:
        return f"The {c.org()} has repeatedly denied involvement in the attacks."
    if k == 15:
        s = c.state()
        return f"{s} has backed the government in {c.place()} since {ordinal_year(r)}."
    if k == 16:
        return f"Analysts say the latest escalation could derail months of diplomacy over {c.place()}."
    if k == 17:
        s1 = c.state(); s2 = c.state(s1)
        return f"{s1} accused {s2} {c.when()} of violating the {r.choice(THINGS)}, a charge {s2} denied."
    if k == 18:
        return f"The UN Security Council met {c.when()} to discuss the situation in {c.place()}."
    if k == 19:
        p = c.person()
        return f"{p[0]} is expected to travel to {c.place()} on {c.monthday()} for further talks."
    if k == 20:
        return f"Nearly {c.n()} {r.choice(VICTIMS)} have fled {c.place()} since {c.monthday()}, the {c.org()} said."
    s1 = c.state()
    return f"{s1} said {c.when()} it would send {r.randint(2, 40)} tonnes of aid to {c.place()}."


# --------------------------------------------------------------------------
# One article
# --------------------------------------------------------------------------

EPOCH = dt.date(2016, 1, 1)


def article(world: World, seed: int, i: int):
    rng = random.Random(seed * 1_000_003 + i)
    date = EPOCH + dt.timedelta(days=rng.randrange(2900))
    c = Ctx(rng, world, date)
    outlet = rng.choice(world.outlets)
    title = c.fill(rng.choice(HEADLINES))
    title = title[0].upper() + title[1:]
    paras: list[str] = []
    for _ in range(rng.randint(4, 12)):
        if rng.random() < 0.12 and world.wire:
            text, actors, cited = rng.choice(world.wire)
            c.actors |= actors
            c.cited |= cited
            paras.append(text)
        else:
            paras.append(" ".join(sentence(c) for _ in range(rng.randint(1, 4))))
    return rng, c, date, outlet, title, paras


def raw_text(rng: random.Random, c: Ctx, outlet: str, title: str, paras: list[str]):
    """The scraped form: boilerplate, headline, maybe a dek, paragraphs,
    teasers, disclaimer. Returns (text, disclaimer_present)."""
    lines: list[str] = []
    if rng.random() < 0.25:
        lines.append("Share")
    head = title.upper() if rng.random() < 0.08 else title
    body = list(paras)
    if rng.random() < 0.05:
        # the scraper glued the title to the first sentence
        body[0] = head + body[0]
    else:
        lines.append(head)
    if rng.random() < 0.3:
        lines.append(c.fill(rng.choice(DEKS)))
    ad_at = rng.randrange(len(body)) if rng.random() < 0.3 else -1
    more_at = rng.randrange(len(body)) if rng.random() < 0.2 else -1
    for j, p in enumerate(body):
        if j == ad_at:
            lines.append("Advertisement")
        if j == more_at:
            lines.append("Read more: " + c.fill(rng.choice(HEADLINES)))
        lines.append(p)
    if rng.random() < 0.3:
        lines.append(c.fill(rng.choice(TEASERS)))
    disclaimer = rng.random() < 0.4
    if disclaimer:
        lines.append("The views and opinions expressed in this article are those of the "
                     f"authors/source and do not necessarily reflect the position of {outlet} "
                     "or its staff.")
    if rng.random() < 0.15:
        lines.append("Leave a Reply")
    sep = "\r\n" if rng.random() < 0.03 else "\n"
    gap = sep * (3 if rng.random() < 0.1 else 2)
    return gap.join(lines) + sep, disclaimer


def yq(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


# --------------------------------------------------------------------------
# Hugo site skeleton
# --------------------------------------------------------------------------

HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "en"
title = {title}
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false

[taxonomies]
  actor = "actors"
  source = "sources"

[markup.goldmark.renderer]
  unsafe = false
"""

LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ block "title" . }}{{ .Title }} | {{ .Site.Title }}{{ end }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
 · <a href="{{ "/articles/" | relURL }}">Articles</a>
 · <a href="{{ "/actors/" | relURL }}">Actors</a>
 · <a href="{{ "/sources/" | relURL }}">Sources</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}
<h2>Actors</h2>
<ul>{{ range .GetTerms "actors" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<h2>Sources</h2>
<ul>{{ range .GetTerms "sources" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages.ByDate }}<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} articles</p>
<ul>
{{ range .Pages.ByDate }}<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
""",
    "index.html": """{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<p>{{ len (where .Site.RegularPages "Section" "articles") }} articles,
{{ len .Site.Taxonomies.actors }} actors, {{ len .Site.Taxonomies.sources }} sources.</p>
<h2>Latest</h2>
<ul>
{{ range first 50 (where .Site.RegularPages "Section" "articles").ByDate.Reverse }}<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
<h2>Most mentioned actors</h2>
<ul>
{{ range first 20 .Site.Taxonomies.actors.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
""",
}


def write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, required=True, help="number of articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output folder (replaced if it exists)")
    ap.add_argument("--gazetteer", choices=["all", "states"], default="all",
                    help="actors listed in config.yaml (default: all generated actors)")
    args = ap.parse_args()
    if args.n < 1:
        ap.error("--n must be >= 1")

    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    seeds_dir = os.path.join(out, "dossier", "seeds")
    hugo = os.path.join(out, "hugo")
    hcontent = os.path.join(hugo, "content", "articles")
    for d in (seeds_dir, hcontent, os.path.join(hugo, "layouts", "_default")):
        os.makedirs(d)

    world = World(args.seed)
    title = f"Synthetic benchmark dossier (N={args.n}, seed={args.seed})"

    cfg = [f"# generated by bench/gencorpus.py --n {args.n} --seed {args.seed}"
           f" --gazetteer {args.gazetteer}",
           f"title: {yq(title)}",
           "build_date: 2024-01-01",
           "sources:"]
    for o in world.outlets:
        cfg += [f"  - name: {yq(o)}", f"    homepage: https://{slug_domain(o)}/",
                "    kind: publisher"]
    for a in AGENCIES:
        cfg += [f"  - name: {yq(a)}", "    kind: cited"]
    # Gazetteer. dossier (as of this writing) finds actors only from its
    # built-in states and this list, so --gazetteer all (the default) lists
    # every generated person, organisation and state: dossier then has the
    # same actor set as the Hugo front matter. --gazetteer states lists only
    # the states dossier does not know.
    cfg.append("actors:")
    for s in world.states:
        if s in BUILTIN_STATES:
            continue  # dossier knows these already
        cfg += [f"  - name: {yq(s)}", "    kind: state"]
    if args.gazetteer == "all":
        for name, title, _ in world.people:
            cfg += [f"  - name: {yq(name)}", "    kind: person",
                    f"    role: {yq(title[0].upper() + title[1:])}"]
        for o in world.orgs:
            cfg += [f"  - name: {yq(o)}", "    kind: organization"]
    cfg.append("seeds:")

    width = max(6, len(str(args.n - 1)))
    for i in range(args.n):
        rng, c, date, outlet, atitle, paras = article(world, args.seed, i)
        text, disclaimer = raw_text(rng, c, outlet, atitle, paras)
        name = f"{i:0{width}d}"
        write(os.path.join(seeds_dir, name + ".txt"), text)
        has_date = rng.random() < 0.8
        entry = []
        if has_date:
            entry.append(f"    published: {date.isoformat()}")
        if not disclaimer:
            entry.append(f"    publisher: {yq(outlet)}")
        if entry:
            cfg.append(f"  {name}.txt:")
            cfg += entry
        fm = ["---", f"title: {yq(atitle)}", f"date: {date.isoformat()}",
              "actors: [" + ", ".join(yq(a) for a in sorted(c.actors)) + "]",
              "sources: [" + ", ".join(yq(s) for s in [outlet] + sorted(c.cited)) + "]",
              "---", ""]
        write(os.path.join(hcontent, name + ".md"), "\n".join(fm) + "\n\n".join(paras) + "\n")

    write(os.path.join(out, "dossier", "config.yaml"), "\n".join(cfg) + "\n")
    write(os.path.join(hugo, "config.toml"), HUGO_CONFIG.format(title=yq(title)))
    write(os.path.join(hugo, "content", "articles", "_index.md"),
          "---\ntitle: \"Articles\"\n---\n")
    for rel, body in LAYOUTS.items():
        write(os.path.join(hugo, "layouts", rel), body)
    print(f"{out}: {args.n} articles, {len(world.people)} people, {len(world.orgs)} "
          f"organisations, {len(world.states)} states, {len(world.outlets)} outlets, "
          f"{len(AGENCIES)} agencies, {len(world.wire)} wire passages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
