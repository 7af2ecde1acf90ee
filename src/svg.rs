//! Drawings laid out at build time, as inline SVG (no JavaScript):
//! the timeline with one lane per publisher, and the actor network.
//! All text is escaped; the layout is deterministic.

use crate::model::Dossier;
use crate::text::escape_html;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Timeline: x = day, one lane per publisher; a dot where an article of that
/// publisher reports a day-precision event. Each dot links to the event.
pub fn timeline(d: &Dossier, art_idx: &HashMap<&str, usize>) -> String {
    let mut lanes: BTreeMap<String, String> = BTreeMap::new(); // id → name
    let mut dots: BTreeSet<(String, NaiveDate, String, String)> = BTreeSet::new(); // (lane, date, event id, text)
    for e in d.events.iter().filter(|e| e.precision == "day") {
        let Ok(date) = NaiveDate::parse_from_str(&e.date, "%Y-%m-%d") else {
            continue;
        };
        for r in &e.refs {
            let Some(&ai) = art_idx.get(r.at.article.as_str()) else {
                continue;
            };
            let lane = d.articles[ai]
                .publisher
                .clone()
                .unwrap_or_else(|| "unknown".into());
            let name = d
                .sources
                .iter()
                .find(|s| s.id == lane)
                .map(|s| s.name.clone())
                .unwrap_or_else(|| lane.clone());
            lanes.insert(lane.clone(), name);
            dots.insert((lane, date, e.id.clone(), e.text.clone()));
        }
    }
    if dots.is_empty() {
        return String::new();
    }
    let min = dots.iter().map(|x| x.1).min().expect("dots");
    let max = dots.iter().map(|x| x.1).max().expect("dots");
    let days = (max - min).num_days().max(1) as f64;
    let (left, right, lane_h, top) = (170.0, 20.0, 34.0, 30.0);
    let width = 900.0;
    let height = top + lane_h * lanes.len() as f64 + 30.0;
    let x_of = |dt: NaiveDate| left + (dt - min).num_days() as f64 / days * (width - left - right);
    let lane_y: HashMap<&str, f64> = lanes
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), top + lane_h * i as f64 + lane_h / 2.0))
        .collect();
    let mut s = format!(
        "<svg class=\"timeline-svg\" viewBox=\"0 0 {width} {height}\" aria-labelledby=\"tl-title\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"tl-title\">Events by day and by publisher, {} to {}</title>",
        min.format("%-d %b %Y"),
        max.format("%-d %b %Y")
    );
    // day ticks
    let step = ((days / 8.0).ceil() as i64).max(1);
    let mut t = min;
    while t <= max {
        let x = x_of(t);
        s.push_str(&format!(
            "<line class=\"tick\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/><text class=\"tick-label\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            top - 6.0,
            height - 24.0,
            height - 8.0,
            t.format("%-d %b")
        ));
        t += chrono::Duration::days(step);
    }
    for (id, name) in &lanes {
        let y = lane_y[id.as_str()];
        let label: String = name.chars().take(22).collect();
        s.push_str(&format!(
            "<line class=\"lane\" x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/><text class=\"lane-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            width - right,
            left - 10.0,
            y + 4.0,
            escape_html(&label)
        ));
    }
    for (lane, date, id, text) in &dots {
        let y = lane_y[lane.as_str()];
        s.push_str(&format!(
            "<a href=\"#{}\"><circle class=\"dot\" cx=\"{:.1}\" cy=\"{y:.1}\" r=\"6\"><title>{}: {}</title></circle></a>",
            escape_html(id),
            x_of(*date),
            date.format("%-d %b %Y"),
            escape_html(&text.chars().take(140).collect::<String>())
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
