//! `dossier serve`: build, serve the site from memory on 127.0.0.1, watch the
//! project, rebuild on change and reload open pages. The reload script is
//! injected by the server into HTML responses only; the built site has none.
//! A failed rebuild keeps the last good site and shows the error in the
//! browser and the terminal.

use crate::render::RenderMap;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// What the server shows.
#[derive(Default)]
struct State {
    map: RenderMap,
    version: u64,
    error: Option<String>,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

const RELOAD_JS: &str = r#"<script>
(function(){var v=__VERSION__;function show(e){var d=document.getElementById("dossier-error");if(!d){d=document.createElement("pre");d.id="dossier-error";d.style.cssText="position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1em;background:#2b0000;color:#fff;font:13px monospace;z-index:99999;white-space:pre-wrap";document.body.appendChild(d);}d.textContent="dossier: the last build failed; showing the last good site.\n\n"+e;}
function poll(){fetch("/__dossier/status?v="+v).then(function(r){return r.json();}).then(function(s){if(s.error){v=s.version;show(s.error);poll();}else if(s.version!==v){location.reload();}else{poll();}}).catch(function(){setTimeout(poll,1000);});}poll();})();
</script>"#;

/// Fingerprint of every watched file: path → (mtime, len).
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (SystemTime, u64)> {
    let mut m = BTreeMap::new();
    for dir in ["seeds", "content", "templates"] {
        for e in walkdir::WalkDir::new(root.join(dir))
            .into_iter()
            .filter_map(|e| e.ok())
        {
            if let Ok(meta) = e.metadata() {
                if meta.is_file() {
                    m.insert(
                        e.path().to_path_buf(),
                        (
                            meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                            meta.len(),
                        ),
                    );
                }
            }
        }
    }
    if let Ok(meta) = std::fs::metadata(root.join("config.yaml")) {
        m.insert(
            root.join("config.yaml"),
            (
                meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                meta.len(),
            ),
        );
    }
    m
}

/// One build: content files written, the site published to `out`, the map returned.
fn rebuild(root: &Path, out: &Path) -> crate::error::Result<(RenderMap, usize, Vec<PathBuf>)> {
    let (report, map) = crate::commands::build_with_map(root, Some(out), None)?;
    let written = report
        .content_written
        .iter()
        .map(|r| root.join(r))
        .collect();
    Ok((map, report.warnings.len(), written))
}

/// Run the server until the process is interrupted.
pub fn serve(root: &Path, out: &Path, port: u16, open: bool) -> crate::error::Result<()> {
    let shared: Shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
    let started = Instant::now();
    let (map, warnings, _) = rebuild(root, out)?;
    {
        let mut st = shared.0.lock().unwrap_or_else(|e| e.into_inner());
        st.map = map;
        st.version = 1;
    }
    eprintln!(
        "built in {:.2} s ({warnings} warnings)",
        started.elapsed().as_secs_f64()
    );
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| {
        crate::error::Error::refused(
            format!("cannot listen on 127.0.0.1:{port}: {e}"),
            "pick another port with --port N",
        )
    })?;
    let url = format!("http://127.0.0.1:{port}/");
    eprintln!("serving {} at {url} — watching seeds/, content/, templates/ and config.yaml (Ctrl-C to stop)", out.display());
    if open {
        let _ = std::process::Command::new("xdg-open").arg(&url).spawn();
    }
    // watcher
    {
        let shared = shared.clone();
        let root = root.to_path_buf();
        let out = out.to_path_buf();
        std::thread::spawn(move || {
            let mut last = snapshot(&root);
            loop {
                std::thread::sleep(Duration::from_millis(150));
                let now = snapshot(&root);
                if now == last {
                    continue;
                }
                let t = Instant::now();
                let result = rebuild(&root, &out);
                // our own content writes are not a change; a person's save
                // during the build is (it keeps its old entry, so the next
                // poll sees it and rebuilds)
                let after = snapshot(&root);
                let ours: std::collections::HashSet<PathBuf> = result
                    .as_ref()
                    .map(|r| r.2.iter().cloned().collect())
                    .unwrap_or_default();
                let mut next = now.clone();
                for (path, meta) in &after {
                    if ours.contains(path) || now.get(path) == Some(meta) {
                        next.insert(path.clone(), *meta);
                    }
                }
                last = next;
                let (lock, cv) = &*shared;
                let mut st = lock.lock().unwrap_or_else(|e| e.into_inner());
                st.version += 1;
                match result {
                    Ok((map, warnings, _)) => {
                        st.map = map;
                        st.error = None;
                        eprintln!(
                            "rebuilt in {} ms ({warnings} warnings)",
                            t.elapsed().as_millis()
                        );
                    }
                    Err(e) => {
                        eprintln!("error: {e}\n(still serving the last good site)");
                        st.error = Some(e.to_string());
                    }
                }
                cv.notify_all();
            }
        });
    }
    for req in server.incoming_requests() {
        let shared = shared.clone();
        std::thread::spawn(move || {
            // only this machine's names: a page elsewhere cannot reach the
            // dossier through a rebound DNS name
            let host = req
                .headers()
                .iter()
                .find(|h| h.field.equiv("Host"))
                .map(|h| h.value.as_str().to_string());
            let ok = matches!(host.as_deref(), Some(h) if h == format!("127.0.0.1:{port}") || h == format!("localhost:{port}"));
            if ok {
                handle(req, &shared);
            } else {
                let _ = req.respond(
                    tiny_http::Response::from_string("forbidden host").with_status_code(403),
                );
            }
        });
    }
    Ok(())
}

fn handle(req: tiny_http::Request, shared: &Shared) {
    let url = req.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
    if path == "/__dossier/status" {
        let seen: u64 = query
            .strip_prefix("v=")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let (lock, cv) = &**shared;
        let st = lock.lock().unwrap_or_else(|e| e.into_inner());
        let (st, _) = cv
            .wait_timeout_while(st, Duration::from_secs(25), |s| s.version == seen)
            .unwrap_or_else(|e| e.into_inner());
        let body = serde_json::json!({"version": st.version, "error": st.error}).to_string();
        drop(st);
        let _ = req.respond(with_type(
            tiny_http::Response::from_string(body),
            "application/json",
        ));
        return;
    }
    let mut rel = percent_decode(path.trim_start_matches('/'));
    if rel.is_empty() || rel.ends_with('/') {
        rel.push_str("index.html");
    }
    let (body, version) = {
        let st = shared.0.lock().unwrap_or_else(|e| e.into_inner());
        let b = st
            .map
            .get(&rel)
            .cloned()
            .or_else(|| st.map.get(&format!("{rel}/index.html")).cloned());
        (b, st.version)
    };
    let Some(mut body) = body else {
        let _ = req.respond(
            tiny_http::Response::from_string(format!("not found: /{rel}")).with_status_code(404),
        );
        return;
    };
    let ctype = content_type(&rel);
    if ctype.starts_with("text/html") {
        let html = String::from_utf8_lossy(&body).into_owned();
        let script = RELOAD_JS.replace("__VERSION__", &version.to_string());
        body = match html.rfind("</body>") {
            Some(i) => format!("{}{}{}", &html[..i], script, &html[i..]).into_bytes(),
            None => format!("{html}{script}").into_bytes(),
        };
    }
    let _ = req.respond(with_type(tiny_http::Response::from_data(body), ctype));
}

fn with_type<R: std::io::Read>(r: tiny_http::Response<R>, ctype: &str) -> tiny_http::Response<R> {
    match tiny_http::Header::from_bytes("Content-Type", ctype) {
        Ok(h) => r.with_header(h),
        Err(_) => r,
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_paths_and_types() {
        assert_eq!(
            percent_decode("actors/a%20b/index.html"),
            "actors/a b/index.html"
        );
        assert_eq!(percent_decode("bad%zz%"), "bad%zz%");
        assert_eq!(percent_decode("é%é%4"), "é%é%4");
        assert_eq!(content_type("x/index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("assets/search.js"),
            "text/javascript; charset=utf-8"
        );
    }
}
