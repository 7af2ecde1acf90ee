//! Drawings laid out at build time, as inline SVG (no JavaScript):
//! the timeline with one lane per publisher, and the actor network.
//! All text is escaped; the layout is deterministic.

use crate::model::Dossier;
use crate::text::escape_html;
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// Timeline: x = day, one lane per publisher; a dot where articles of that
/// publisher report day-precision events. Days that fall on the same few
/// pixels share one dot (its size grows with the count), so the drawing stays
/// small however many events there are. Each dot links to its first day,
/// at the address `day_href` gives for a date.
pub fn timeline(
    d: &Dossier,
    art_idx: &HashMap<&str, usize>,
    day_href: &dyn Fn(&str) -> String,
) -> String {
    let source_name: HashMap<&str, &str> = d
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    let mut lanes: BTreeMap<&str, &str> = BTreeMap::new(); // id → name
    let mut counts: BTreeMap<(&str, NaiveDate), usize> = BTreeMap::new(); // (lane, day) → events

    // a date is parsed once, however many events it has
    let mut parsed: HashMap<&str, Option<NaiveDate>> = HashMap::default();
    let mut seen: Vec<&str> = Vec::new();
    for e in d.events.iter().filter(|e| e.precision == "day") {
        let day = *parsed
            .entry(e.date.as_str())
            .or_insert_with(|| NaiveDate::parse_from_str(&e.date, "%Y-%m-%d").ok());
        let Some(date) = day else {
            continue;
        };
        // the lanes this event is counted in (a few: a short list)
        seen.clear();
        for r in &e.refs {
            let Some(&ai) = art_idx.get(r.at.article.as_ref()) else {
                continue;
            };
            let lane = d.articles[ai].publisher.as_deref().unwrap_or("unknown");
            if !seen.contains(&lane) {
                seen.push(lane);
                lanes.insert(lane, source_name.get(lane).copied().unwrap_or(lane));
                *counts.entry((lane, date)).or_default() += 1;
            }
        }
    }
    if counts.is_empty() {
        return String::new();
    }
    let min = counts.keys().map(|x| x.1).min().expect("counts");
    let max = counts.keys().map(|x| x.1).max().expect("counts");
    let days = (max - min).num_days().max(1) as f64;
    let (left, right, lane_h, top) = (170.0, 20.0, 34.0, 30.0);
    let width = 900.0;
    let height = top + lane_h * lanes.len() as f64 + 30.0;
    let x_of = |dt: NaiveDate| left + (dt - min).num_days() as f64 / days * (width - left - right);
    let lane_y: HashMap<&str, f64> = lanes
        .keys()
        .enumerate()
        .map(|(i, k)| (*k, top + lane_h * i as f64 + lane_h / 2.0))
        .collect();
    let mut s = format!(
        "<svg class=\"timeline-svg\" viewBox=\"0 0 {width} {height}\" aria-labelledby=\"tl-title\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"tl-title\">Events by day and by publisher, {} to {}</title>",
        min.format("%-d %b %Y"),
        max.format("%-d %b %Y")
    );
    // ticks: days for a short span, months or years for a long one
    let step = ((days / 8.0).ceil() as i64).max(1);
    let tick_fmt = if days > 3.0 * 365.0 {
        "%Y"
    } else if days > 120.0 {
        "%b %Y"
    } else {
        "%-d %b"
    };
    let mut t = min;
    while t <= max {
        let x = x_of(t);
        s.push_str(&format!(
            "<line class=\"tick\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/><text class=\"tick-label\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            top - 6.0,
            height - 24.0,
            height - 8.0,
            t.format(tick_fmt)
        ));
        t += chrono::Duration::days(step);
    }
    for (id, name) in &lanes {
        let y = lane_y[id];
        let label: String = name.chars().take(22).collect();
        s.push_str(&format!(
            "<line class=\"lane\" x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/><text class=\"lane-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            width - right,
            left - 10.0,
            y + 4.0,
            escape_html(&label)
        ));
    }
    // one dot per lane and bucket of BUCKET_PX pixels
    const BUCKET_PX: f64 = 6.0;
    let mut dots: Vec<(&str, NaiveDate, NaiveDate, usize)> = Vec::new(); // lane, first, last, events
    for (&(lane, date), &n) in &counts {
        let bucket = |dt: NaiveDate| (x_of(dt) / BUCKET_PX).floor() as i64;
        match dots.last_mut() {
            Some(last) if last.0 == lane && bucket(last.1) == bucket(date) => {
                last.2 = date;
                last.3 += n;
            }
            _ => dots.push((lane, date, date, n)),
        }
    }
    let crowded = dots.len() > 12 * lanes.len().max(1);
    for (lane, first, last, n) in dots {
        let y = lane_y[lane];
        let when = if first == last {
            first.format("%-d %b %Y").to_string()
        } else {
            format!("{} – {}", first.format("%-d %b"), last.format("%-d %b %Y"))
        };
        // crowded lanes get smaller dots, so neighbours stay apart
        let r_max = if crowded { 4.0 } else { 9.0 };
        let r = (if crowded { 2.5 } else { 4.0 } + (n as f64).ln().max(0.0)).min(r_max);
        let href = day_href(&first.format("%Y-%m-%d").to_string());
        s.push_str(&format!(
            "<a href=\"{}\"><circle class=\"dot\" cx=\"{:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"><title>{}: {} event{} reported by {}</title></circle></a>",
            escape_html(&href),
            x_of(first),
            when,
            n,
            if n == 1 { "" } else { "s" },
            escape_html(lanes[lane])
        ));
    }
    s.push_str("</svg>");
    s
}

/// Network of the most-mentioned actors: nodes on a circle (ordered by kind
/// then name), an edge where two actors appear in the same article.
pub fn network(d: &Dossier, cooc: &HashMap<usize, BTreeMap<usize, usize>>) -> String {
    let mut idx: Vec<usize> = (0..d.actors.len()).collect();
    idx.sort_by(|&a, &b| {
        d.actors[b]
            .mentions
            .cmp(&d.actors[a].mentions)
            .then(d.actors[a].name.cmp(&d.actors[b].name))
    });
    idx.truncate(24);
    if idx.len() < 2 {
        return String::new();
    }
    idx.sort_by(|&a, &b| {
        d.actors[a]
            .kind
            .cmp(&d.actors[b].kind)
            .then(d.actors[a].name.cmp(&d.actors[b].name))
    });
    let n = idx.len() as f64;
    let (w, h, r) = (900.0, 560.0, 220.0);
    let (cx, cy) = (w / 2.0, h / 2.0);
    let pos: HashMap<usize, (f64, f64, f64)> = idx
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let a = std::f64::consts::TAU * k as f64 / n - std::f64::consts::FRAC_PI_2;
            (i, (cx + r * a.cos(), cy + r * a.sin(), a))
        })
        .collect();
    let mut s = format!(
        "<svg class=\"network-svg\" viewBox=\"0 0 {w} {h}\" aria-labelledby=\"net-title\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"net-title\">Actors who appear in the same articles (top {} by mentions)</title>",
        idx.len()
    );
    let max_w = cooc
        .values()
        .flat_map(|m| m.values())
        .copied()
        .max()
        .unwrap_or(1) as f64;
    for &i in &idx {
        if let Some(m) = cooc.get(&i) {
            for (&j, &c) in m {
                if j <= i || !pos.contains_key(&j) {
                    continue;
                }
                let (x1, y1, _) = pos[&i];
                let (x2, y2, _) = pos[&j];
                s.push_str(&format!(
                    "<line class=\"edge\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke-width=\"{:.1}\"/>",
                    0.6 + 3.0 * c as f64 / max_w
                ));
            }
        }
    }
    let max_m = idx.iter().map(|&i| d.actors[i].mentions).max().unwrap_or(1) as f64;
    for &i in &idx {
        let a = &d.actors[i];
        let (x, y, ang) = pos[&i];
        let rad = 5.0 + 9.0 * (a.mentions as f64 / max_m).sqrt();
        let (lx, ly) = (x + (rad + 6.0) * ang.cos(), y + (rad + 6.0) * ang.sin());
        let anchor = if ang.cos() > 0.2 {
            "start"
        } else if ang.cos() < -0.2 {
            "end"
        } else {
            "middle"
        };
        s.push_str(&format!(
            "<a href=\"{}/index.html\"><circle class=\"node kind-{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{rad:.1}\"><title>{} ({}, {} mentions)</title></circle><text class=\"node-label\" x=\"{lx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text></a>",
            escape_html(&a.id),
            escape_html(&a.kind),
            escape_html(&a.name),
            escape_html(&a.kind),
            a.mentions,
            ly + 4.0,
            escape_html(&a.name.chars().take(28).collect::<String>())
        ));
    }
    s.push_str("</svg>");
    s
}
